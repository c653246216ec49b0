"""Request throttling per client and per user, and lock-out after repeated failed logins.

The real mechanisms run: DRF's throttles counting in Django's cache, django-axes counting
failed logins in its table; only the rates and the limit are made small for the test.
"""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from tests.api.test_hostile_input import error_shape_problem

pytestmark = pytest.mark.django_db

PASSWORD = "a long and right password"


@pytest.fixture
def small_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def lock_out_after_three(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


@pytest.fixture
def staff(db) -> User:
    return User.objects.create_superuser("chief", password=PASSWORD)


def assert_too_many(response, code: str) -> None:
    assert response.status_code == 429, response.content[:300]
    assert int(response["Retry-After"]) > 0
    assert error_shape_problem(response, "") is None
    assert response.json()["errors"][0]["code"] == code


def test_an_anonymous_client_is_throttled_past_its_rate(api_client, corpus, small_rates):
    answers = [api_client.get("/api/events/").status_code for _ in range(3)]

    assert answers == [200, 200, 200]
    assert_too_many(api_client.get("/api/actors/"), "throttled")


def test_a_signed_in_user_has_a_rate_of_their_own(api_client, editor_client, corpus, small_rates):
    answers = [editor_client.get("/api/events/").status_code for _ in range(5)]

    assert answers == [200] * 5
    assert_too_many(editor_client.get("/api/events/"), "throttled")
    # The editor's requests came from the same address but did not use the anonymous budget.
    assert api_client.get("/api/events/").status_code == 200


def test_the_token_endpoint_is_throttled_too(api_client, staff, small_rates):
    for _ in range(3):
        api_client.post("/api/token/", {"username": "chief", "password": "wrong"})

    assert_too_many(
        api_client.post("/api/token/", {"username": "chief", "password": PASSWORD}), "throttled"
    )


def test_wrong_passwords_lock_the_token_endpoint_even_for_the_right_one(
    api_client, staff, lock_out_after_three
):
    failures = [
        api_client.post("/api/token/", {"username": "chief", "password": f"guess {n}"})
        for n in range(3)
    ]

    assert [response.status_code for response in failures] == [400, 400, 400]
    locked = api_client.post("/api/token/", {"username": "chief", "password": PASSWORD})
    assert_too_many(locked, "locked_out")
    assert "token" not in locked.json()


def test_a_lock_out_holds_one_username_only(api_client, staff, lock_out_after_three):
    User.objects.create_user("other", password=PASSWORD)
    for n in range(3):
        api_client.post("/api/token/", {"username": "chief", "password": f"guess {n}"})

    response = api_client.post("/api/token/", {"username": "other", "password": PASSWORD})

    assert response.status_code == 200
    assert response.json()["token"]


def test_fewer_failures_than_the_limit_do_not_lock(api_client, staff, lock_out_after_three):
    for n in range(2):
        api_client.post("/api/token/", {"username": "chief", "password": f"guess {n}"})

    response = api_client.post("/api/token/", {"username": "chief", "password": PASSWORD})

    assert response.status_code == 200


def test_wrong_passwords_lock_the_admin_login(client, staff, lock_out_after_three):
    failures = [
        client.post("/admin/login/", {"username": "chief", "password": f"guess {n}"})
        for n in range(3)
    ]

    # The form again with its error, until the failure that reaches the limit.
    assert [response.status_code for response in failures] == [200, 200, 429]

    response = client.post(
        "/admin/login/", {"username": "chief", "password": PASSWORD, "next": "/admin/"}
    )

    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302  # still signed out: sent to the login


def test_failures_on_the_token_endpoint_count_for_the_admin_login(
    api_client, client, staff, lock_out_after_three
):
    for n in range(3):
        api_client.post("/api/token/", {"username": "chief", "password": f"guess {n}"})

    response = client.post("/admin/login/", {"username": "chief", "password": PASSWORD})

    assert response.status_code == 429
