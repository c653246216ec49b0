"""The interactive API page in a real Chromium: Swagger UI renders and runs a request.

Swagger UI's script and styles come from drf-spectacular-sidecar's static files, served by
the live server; a request tried on the page reads the live server's database.
"""

import json
import os
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

# Live-server tests commit, and so empty the database afterwards; serialized_rollback puts
# back what the migrations wrote (the editor groups) for the live-server tests after them.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_docs_page_renders_and_tries_out_a_filtered_list(live_server, page, corpus):
    static = []
    page.on(
        "response",
        lambda response: (
            static.append((response.url, response.status)) if "/static/" in response.url else None
        ),
    )
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
            else None
        ),
    )

    page.goto(f"{live_server.url}/api/docs/")

    # The operations of the schema are listed.
    events_list = page.locator("#operations-events-events_list")
    expect(events_list).to_be_visible()
    expect(events_list.locator(".opblock-summary-path")).to_have_text("/api/events/")
    expect(page.locator("#operations-timeline-timeline_retrieve")).to_be_visible()
    expect(page.locator("#operations-actors-actors_events_list")).to_be_visible()

    # Its script, styles and icon came from the live server's static files.
    served = {url.rsplit("/", 1)[-1]: status for url, status in static}
    assert served["swagger-ui-bundle.js"] == 200
    assert served["swagger-ui-standalone-preset.js"] == 200
    assert served["swagger-ui.css"] == 200
    assert outside == []

    # Try it out with a filter.
    events_list.locator(".opblock-summary").click()
    events_list.locator(".try-out__btn").click()
    events_list.locator("tr[data-param-name='q'] input").fill("Yi-Large")
    with page.expect_response(lambda response: "/api/events/?" in response.url) as answer:
        events_list.locator(".execute").click()

    response = answer.value
    assert response.status == 200
    url = urlsplit(response.url)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{live_server.url}/api/events/"
    # Swagger UI sends the documented defaults along with the filter.
    assert parse_qs(url.query) == {"q": ["Yi-Large"], "ordering": ["date"], "page_size": ["50"]}
    assert [event["headline"] for event in response.json()["results"]] == [
        "01.AI releases Yi-Large"
    ]
    # The page shows what came back.
    live = events_list.locator(".live-responses-table")
    expect(live.locator("tr.response td.response-col_status")).to_have_text("200")
    body = live.locator("tr.response td.response-col_description pre").first
    expect(body).to_contain_text("01.AI releases Yi-Large")
    assert json.loads(body.inner_text())["results"][0]["id"] == corpus.yi_large.pk
    body.scroll_into_view_if_needed()
    page.screenshot(
        path=str(os.environ.get("TIMELINE_SCREENSHOT_DIR", "/tmp")) + "/api-docs-try-out.png",
        full_page=False,
    )


def test_a_bad_filter_tried_on_the_page_answers_in_the_error_shape(live_server, page, corpus):
    page.goto(f"{live_server.url}/api/docs/#/events/events_list")
    events_list = page.locator("#operations-events-events_list")
    expect(events_list.locator(".try-out__btn")).to_be_visible()

    events_list.locator(".try-out__btn").click()
    events_list.locator("tr[data-param-name='after'] input").fill("2024-13")
    with page.expect_response(lambda response: "/api/events/?" in response.url) as answer:
        events_list.locator(".execute").click()

    assert answer.value.status == 400
    assert answer.value.json()["errors"][0]["parameter"] == "after"
    expect(
        events_list.locator(".live-responses-table tr.response td.response-col_status")
    ).to_contain_text("400")
