"""The framework's per-request setup, cut for public reads, answers as DRF's would: the
format each Accept header and `?format=` choose (remembered), an anonymous request's
refusals, and the Vary a read without credentials carries."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "query", "content_type"),
    [
        ("*/*", "", "application/json"),
        ("text/html", "", "text/html; charset=utf-8"),
        ("application/json", "", "application/json"),
        ("text/html, */*;q=0.8", "?format=json", "application/json"),
        ("*/*", "?format=timelinejs", "application/json"),
        ("*/*", "?format=csv", "text/csv; charset=utf-8"),
    ],
)
def test_each_accept_and_format_chooses_its_own_renderer_every_time(
    api_client, corpus, accept, query, content_type
):
    # Asked twice, between requests choosing otherwise: a remembered choice is the
    # choice of these inputs only.
    for _ in range(2):
        api_client.get("/api/events/?format=csv", HTTP_ACCEPT="text/html")
        response = api_client.get(f"/api/events/{query}", HTTP_ACCEPT=accept)
        assert response.status_code == 200
        assert response["Content-Type"] == content_type


def test_an_unknown_format_is_refused_each_time_it_is_asked(api_client, corpus):
    for _ in range(2):
        response = api_client.get("/api/events/?format=nope")
        assert response.status_code == 400
        assert response.json()["errors"][0]["parameter"] == "format"


def test_an_unacceptable_accept_header_is_refused_each_time(api_client, corpus):
    for _ in range(2):
        assert api_client.get("/api/events/", HTTP_ACCEPT="image/png").status_code == 406


def test_a_write_without_credentials_is_a_401_naming_the_scheme(corpus):
    response = Client().post("/api/events/", {}, content_type="application/json")

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_a_read_without_credentials_varies_on_the_cookie_as_a_session_read_would(corpus):
    response = Client().get("/api/events/")

    assert response.status_code == 200
    assert "Cookie" in [value.strip() for value in response["Vary"].split(",")]
    assert "sessionid" not in response.cookies


def test_a_signed_in_reader_is_still_recognised(editor, corpus):
    client = Client()
    client.force_login(editor)

    response = client.get("/api/events/")

    assert response["Cache-Control"] == "private, no-cache"
