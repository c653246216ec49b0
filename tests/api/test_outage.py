"""A lost database: the API answers a JSON 503 with `Retry-After`, and recovers with it.

The outage is real: the default connection is pointed at a SQLite file in a directory that
does not exist, so every query fails in the driver exactly as it would with the file gone.
"""

import pytest

from tests.api.test_hostile_input import error_shape_problem

pytestmark = pytest.mark.django_db


@pytest.fixture
def lost_database(lose_database):
    with lose_database():
        yield


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/events/", None),
        ("get", "/api/events/1/", None),
        ("get", "/api/timeline/?group=year", None),
        ("get", "/api/actors/01-ai/events/?format=timelinejs", None),
        ("get", "/api/sources/", None),
        ("post", "/api/token/", {"username": "editor", "password": "secret"}),
        ("patch", "/api/events/1/", {"headline": "x"}),
    ],
)
def test_a_lost_database_is_a_json_503_with_retry_after(
    api_client, lost_database, method, path, body
):
    kwargs = {"format": "json"} if body is not None else {}
    response = getattr(api_client, method)(path, body, HTTP_AUTHORIZATION="Token abc", **kwargs)

    assert response.status_code == 503, response.content[:300]
    assert int(response["Retry-After"]) > 0
    assert error_shape_problem(response, path) is None
    assert response.json()["errors"][0]["code"] == "service_unavailable"


def test_the_api_answers_again_once_the_database_is_back(api_client, corpus, lose_database):
    with lose_database():
        during = api_client.get("/api/events/")
    after = api_client.get("/api/events/")

    assert during.status_code == 503
    assert after.status_code == 200
    assert after.json()["results"]
