"""Content negotiation: JSON for programs, the browsable API for a browser asking for HTML."""

import pytest

pytestmark = pytest.mark.django_db

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(
    "path",
    ["/api/", "/api/events/", "/api/timeline/", "/api/actors/", "/api/sources/"],
)
@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        (None, "application/json"),
        ("*/*", "application/json"),
        ("application/json", "application/json"),
        ("text/html", "text/html; charset=utf-8"),
        (BROWSER_ACCEPT, "text/html; charset=utf-8"),
    ],
)
def test_json_is_the_default_and_browsers_get_the_browsable_api(
    api_client, corpus, path, accept, content_type
):
    headers = {"HTTP_ACCEPT": accept} if accept else {}

    response = api_client.get(path, **headers)

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    if content_type == "application/json":
        response.json()
    else:
        assert "<!DOCTYPE html>" in response.content.decode()


def test_the_browsable_event_list_shows_the_json_a_client_gets(api_client, corpus):
    html = api_client.get("/api/events/?type=founding", HTTP_ACCEPT="text/html").content.decode()

    assert "01.AI is founded" in html
    assert "&quot;undated&quot;" in html


def test_errors_stay_json_for_a_browser_too(api_client, corpus):
    response = api_client.get("/api/events/?after=May", HTTP_ACCEPT=BROWSER_ACCEPT)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"][0]["parameter"] == "after"


@pytest.mark.parametrize("fmt", ["csv", "timelinejs", "json"])
def test_an_explicit_format_wins_over_a_browsers_accept_header(api_client, corpus, fmt):
    response = api_client.get(f"/api/events/?format={fmt}", HTTP_ACCEPT=BROWSER_ACCEPT)

    assert response.status_code == 200
    assert "text/html" not in response["Content-Type"]


def test_the_browsable_page_is_titled_for_the_project_and_its_crumbs_lead_somewhere(
    api_client, corpus
):
    html = api_client.get("/api/events/", HTTP_ACCEPT="text/html").content.decode()

    assert "<title>Event List · Timeline API</title>" in html
    crumbs = html[html.index('<ul class="breadcrumb">') :]
    crumbs = crumbs[: crumbs.index("</ul>")]
    assert "Not Found" not in crumbs
    assert 'href="/api/"' in crumbs
