"""A reader on the public pages in a real Chromium: the demo timeline renders, each filter
narrows it, the founding's evidence unfolds, a claim leads to its highlighted source, the
TimelineJS view draws its slides; no console error, nothing fetched from elsewhere, and an
accessibility audit (axe-core) finds nothing serious or critical."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from timeline.models import Claim, Event

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(__file__).parent / "axe" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("TIMELINE_SCREENSHOT_DIR", "/tmp"))


@pytest.fixture
def watched(page, live_server):
    """The page, with every console error and every request to another host recorded."""
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(f"console {message.type}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "request",
        lambda request: (
            problems.append(f"outside request: {request.url}")
            if not request.url.startswith((live_server.url, "data:"))
            else None
        ),
    )
    page.problems = problems
    return page


def serious_violations(page, *, exclude: str | None = None) -> list[str]:
    # Evaluated through the browser's debugging protocol, not added as a <script>: the
    # pages' Content-Security-Policy rightly refuses an inline script.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    if exclude:
        result = page.evaluate("async (exclude) => await axe.run({exclude: [[exclude]]})", exclude)
    else:
        result = page.evaluate("async () => await axe.run()")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def shown_events(page):
    return page.locator("article.event")


def test_a_reader_filters_the_timeline_and_follows_the_evidence(live_server, watched, demo):
    page = watched
    dated = Event.objects.public().filter(date_start__isnull=False).count()
    founding = Event.objects.get(headline="Kai-Fu Lee founds 01.AI")

    page.goto(f"{live_server.url}/")
    expect(page).to_have_title("Timeline · Timeline")
    expect(shown_events(page)).to_have_count(dated)
    expect(page.locator("section.year > h2").first).to_have_text("2009")
    page.screenshot(path=str(SCREENSHOTS / "pages-timeline.png"), full_page=True)
    assert serious_violations(page) == []

    # Text in traditional script finds events written in simplified script too.
    page.fill("input[name=q]", "零一萬物")
    page.press("input[name=q]", "Enter")
    expect(page.locator("h1")).to_have_text("Matching “零一萬物”")
    by_text = shown_events(page).count()
    assert 0 < by_text < dated
    # A blank field leaves no trace in the shared URL.
    assert "actor=" not in page.url and "after=" not in page.url

    page.click("details.more-filters > summary")
    page.check("input[name=type][value=founding]")
    page.locator("details.more-filters button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Founding events, matching “零一萬物”")
    by_type = shown_events(page).count()
    assert 0 < by_type < by_text

    # The folded filters say how many of them are in use.
    expect(page.locator("details.more-filters > summary")).to_contain_text("1 in use")
    page.click("details.more-filters > summary")
    page.select_option("select[name=status]", "disputed")
    page.locator("details.more-filters button[type=submit]").click()
    expect(shown_events(page)).to_have_count(1)
    expect(page.locator("details.more-filters > summary")).to_contain_text("2 in use")

    # By keyboard: the founding's evidence opens with Enter.
    card = page.locator(f"#event-{founding.pk}")
    expect(card.locator(".side-by-side .claim-date")).to_have_text(
        ["mid-2023", "2023", "March 2023"]
    )
    card.locator("details.claims > summary").focus()
    page.keyboard.press("Enter")
    claims = card.locator("li.claim")
    expect(claims).to_have_count(3)
    expect(claims.locator("mark")).to_have_text(["2023年年中", "2023 年", "2023年3月"])
    expect(claims.locator(".resolution strong")).to_have_text(["mid-2023", "2023", "March 2023"])
    expect(claims.first.locator("blockquote")).to_have_attribute("lang", "zh-Hans")
    page.screenshot(path=str(SCREENSHOTS / "pages-founding.png"), full_page=True)

    # The claim's source link opens the article with that claim highlighted and targeted.
    first = Claim.objects.filter(event=founding).order_by("source_id", "char_start").first()
    claims.first.locator(".cite a").first.click()
    expect(page).to_have_url(f"{live_server.url}/sources/{first.source_id}/#claim-{first.pk}")
    target = page.locator(f"#claim-{first.pk}")
    expect(target).to_have_attribute("href", f"/events/{founding.pk}/")
    expect(page.locator("a.claim-span[id^=claim-]")).to_have_count(
        Claim.objects.filter(
            source_id=first.source_id, event__review__in=["extracted", "verified"]
        ).count()
    )
    expect(page.locator("p.skipped").first).to_contain_text("skipped:")
    page.screenshot(path=str(SCREENSHOTS / "pages-source.png"), full_page=True)
    assert serious_violations(page) == []

    # And the highlighted words lead back to the event.
    target.click()
    expect(page).to_have_url(f"{live_server.url}/events/{founding.pk}/")
    expect(page.locator("h4.headline")).to_have_text("Kai-Fu Lee founds 01.AI")

    # An actor's page, from an actor link.
    page.locator("a.actor", has_text="01.AI").first.click()
    expect(page.locator("h1")).to_have_text("01.AI")
    expect(page.locator("ul.aliases li[lang=zh-Hans]")).to_contain_text(["零一万物"])
    assert serious_violations(page) == []

    assert page.problems == []


def test_the_timelinejs_view_draws_its_slides_from_local_files(live_server, watched, demo):
    page = watched

    # Alibaba has dated events and undated ones (every 01.AI event of the demo is dated).
    page.goto(f"{live_server.url}/timelinejs/?actor=alibaba")

    slides = page.locator(".tl-slide")
    expect(slides.first).to_be_attached()
    events = Event.objects.public().filter(actors__slug="alibaba").distinct()
    dated = events.filter(date_start__isnull=False)
    # One slide per dated event, and the title slide.
    expect(slides).to_have_count(dated.count() + 1)
    expect(page.locator(".tl-slide-titleslide .tl-headline").first).to_have_text("Alibaba")
    undated = events.filter(date_start__isnull=True).count()
    assert undated > 1
    expect(page.locator("#timelinejs-note")).to_contain_text(
        f"{undated} matching events need a date"
    )
    page.screenshot(path=str(SCREENSHOTS / "pages-timelinejs.png"), full_page=True)
    assert serious_violations(page, exclude="#timelinejs") == []
    assert page.problems == []


def test_the_timeline_fits_a_phone(live_server, watched, demo):
    page = watched
    page.set_viewport_size({"width": 375, "height": 740})

    page.goto(f"{live_server.url}/?actor=01-ai")

    expect(shown_events(page).first).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.screenshot(path=str(SCREENSHOTS / "pages-phone.png"))
    assert serious_violations(page) == []
    assert page.problems == []
