"""The Content-Security-Policy: every page carries it, and the admin and the docs work under it.

A real Chromium enforces the policy; the pages must do their job (log in, list, open, search,
render Swagger UI and run a request) with no violation reported.
"""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.factories import link_actor, make_actor, make_claim, make_event, make_source
from timeline.curation import rederive_event, refresh_search_text

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a long admin password"
# Every `securitypolicyviolation` event of a page, as "directive blocked-uri".
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def watched(page):
    page.add_init_script(RECORD_VIOLATIONS)
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")


@pytest.mark.parametrize("path", ["/api/events/", "/api/docs/", "/admin/login/"])
def test_every_page_carries_the_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


def test_the_admin_works_under_the_policy(live_server, watched):
    User.objects.create_superuser("admin", password=PASSWORD)
    source = make_source(text="零一万物于2023年3月成立。", publisher="Jiemian")
    event = make_event(headline="01.AI is founded", type="founding")
    make_claim(
        event=event,
        source=source,
        quote="零一万物于2023年3月成立。",
        date_text="2023年3月",
        start="2023-03-01",
        end="2023-03-31",
        precision="month",
    )
    link_actor(event, make_actor("01-ai", name="01.AI", aliases=["零一万物"]), "subject")
    rederive_event(event)
    refresh_search_text([event])

    watched.goto(f"{live_server.url}/admin/login/")
    watched.fill("#id_username", "admin")
    watched.fill("#id_password", PASSWORD)
    watched.click("input[type=submit]")
    expect(watched.locator("#site-name")).to_contain_text("Timeline editors")

    watched.goto(f"{live_server.url}/admin/timeline/event/")
    watched.fill("#searchbar", "01.AI")
    watched.press("#searchbar", "Enter")
    expect(watched.locator("#result_list")).to_contain_text("01.AI is founded")
    # The action bar's "select all" is the admin's own script at work.
    watched.click("#action-toggle")
    expect(watched.locator("input.action-select").first).to_be_checked()

    watched.goto(f"{live_server.url}/admin/timeline/event/{event.pk}/change/")
    expect(watched.locator("body")).to_contain_text("零一万物于2023年3月成立")

    assert violations(watched) == []


def test_the_docs_work_under_the_policy(live_server, watched):
    watched.goto(f"{live_server.url}/api/docs/")

    events_list = watched.locator("#operations-events-events_list")
    expect(events_list).to_be_visible()
    events_list.locator(".opblock-summary").click()
    events_list.locator(".try-out__btn").click()
    with watched.expect_response(lambda response: "/api/events/?" in response.url) as answer:
        events_list.locator(".execute").click()

    assert answer.value.status == 200
    assert violations(watched) == []
