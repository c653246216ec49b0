"""Forged cookies never reach the database: the request is simply anonymous."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_nul_byte_in_the_session_cookie_leaves_the_admin_anonymous(client):
    # Long enough to pass Django's session-key length check and reach the database.
    client.cookies[settings.SESSION_COOKIE_NAME] = "abcdefghijklmnop\x00qrstuvwxyz012345"

    response = client.get(reverse("admin:timeline_event_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_other_cookies_still_reach_the_view(client):
    User.objects.create_superuser("admin", password="a long admin password")
    client.login(username="admin", password="a long admin password")
    client.cookies["theme"] = "dark\x00"

    response = client.get(reverse("admin:timeline_event_changelist"))

    assert response.status_code == 200
