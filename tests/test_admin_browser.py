"""An editor's admin session in a real Chromium: log in, search, read quotes, merge."""

import os
from datetime import date

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from tests.factories import link_actor, make_actor, make_claim, make_event, make_source
from timeline.curation import rederive_event, refresh_search_text
from timeline.models import Event

# The editor group comes from a data migration: restore it after earlier live-server
# tests flushed the database.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEXT = "李开复于2023年3月创立零一万物。\n零一萬物於2023年年中成立。"


@pytest.fixture
def editor_login():
    user = User.objects.create_user("editor", password="a long editor password", is_staff=True)
    user.groups.add(Group.objects.get(name="editor"))
    return "editor", "a long editor password"


def dated_event(source, headline, quote, date_text, start, end, precision):
    event = make_event(headline=headline, type="founding")
    make_claim(
        event=event,
        source=source,
        quote=quote,
        date_text=date_text,
        start=start,
        end=end,
        precision=precision,
    )
    link_actor(event, company := make_actor_once("01-ai"), "subject")
    assert company
    rederive_event(event)
    refresh_search_text([event])
    return event


def make_actor_once(slug):
    from timeline.models import Actor

    return Actor.objects.filter(slug=slug).first() or make_actor(
        slug, name="01.AI", aliases=["零一万物"]
    )


def test_editor_finds_compares_and_merges_events(live_server, page, editor_login):
    source = make_source(text=TEXT, publisher="Jiemian")
    march = dated_event(
        source,
        "Kai-Fu Lee founds 01.AI",
        "李开复于2023年3月创立零一万物",
        "2023年3月",
        date(2023, 3, 1),
        date(2023, 3, 31),
        "month",
    )
    mid = dated_event(
        source,
        "01.AI is founded",
        "零一萬物於2023年年中成立",
        "2023年年中",
        date(2023, 5, 1),
        date(2023, 8, 31),
        "part",
    )

    username, password = editor_login
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_contain_text("Timeline editors")

    # A traditional-script search finds both events.
    page.goto(f"{live_server.url}/admin/timeline/event/?q=零一萬物")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(2)

    # Merge them through the action and its confirmation page.
    page.locator("#action-toggle").check()
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    expect(page.locator("h1")).to_contain_text("Merge events")
    page.check(f"#target-{march.pk}")
    page.click("input[type=submit][value='Merge into the chosen event']")

    # The kept event shows both sources' quotes, each date expression marked, and the dispute.
    expect(page.locator(".messagelist")).to_contain_text("it now has 2 claims")
    marks = page.locator("td.field-quote_marked mark")
    expect(marks).to_have_text(["2023年3月", "2023年年中"])
    expect(page.locator(".fieldBox.field-status")).to_contain_text("Disputed")
    assert list(Event.objects.values_list("pk", flat=True)) == [march.pk]
    assert not Event.objects.filter(pk=mid.pk).exists()
    page.screenshot(
        path=str(os.environ.get("TIMELINE_SCREENSHOT_DIR", "/tmp")) + "/admin-merged.png"
    )
