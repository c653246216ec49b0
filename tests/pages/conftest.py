"""Fixtures for the public pages: the demo timeline, an editor, and HTML read back."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db):
    call_command("loaddata", "actors", "demo_timeline", verbosity=0)


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user("editor", password="an editor's password", is_staff=True)
    user.groups.add(Group.objects.get(name="editor"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


EVENT_CARD = re.compile(r'<article class="event[^"]*" id="event-(\d+)"')


def event_ids(html: str) -> list[int]:
    """The events a page shows, in the order it shows them."""
    return [int(pk) for pk in EVENT_CARD.findall(html)]
