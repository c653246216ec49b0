"""The public pages on the demo timeline and on built rows: what each page shows, that it
shows the same events as the API for the same filters, keyset pages, and what it hides."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import link_actor, make_actor, make_claim, make_event, make_source
from tests.pages.conftest import event_ids
from timeline.models import Actor, Claim, Event, Source

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    return response.content.decode()


def api_ids(client, path: str, query: str) -> list[int]:
    separator = "&" if query else ""
    body = client.get(f"{path}?{query}{separator}page_size=500&format=json").json()
    return [event["id"] for event in body["results"]]


# The timeline


def test_the_timeline_shows_every_dated_public_event_of_the_demo_in_date_order(client, demo):
    response = client.get("/")

    assert response.status_code == 200
    html = html_of(response)
    dated = Event.objects.public().filter(date_start__isnull=False).chronological()
    assert event_ids(html) == [event.pk for event in dated]
    assert "<title>Timeline · Timeline</title>" in html
    assert '<html lang="en">' in html
    for year in {event.date_start.year for event in dated}:
        assert f">{year}</h2>" in html


def test_coarse_dates_are_grouped_under_their_own_period_not_a_month(client, demo):
    html = html_of(client.get("/"))

    # "late 2024" events sit under "late 2024", never under "September 2024".
    assert '<h3 class="period-name">late 2024</h3>' in html
    assert "September 2024</h3>" not in html
    assert '<h3 class="period-name">May 2024</h3>' in html


def test_undated_events_are_counted_and_listed_apart(client, demo):
    undated = Event.objects.public().filter(date_start__isnull=True)

    html = html_of(client.get("/"))
    assert f"{undated.count()} events need a date</a>" in html
    assert not set(event_ids(html)) & {event.pk for event in undated}

    apart = html_of(client.get("/?dated=false"))
    assert "<h1>Events that need a date</h1>" in apart
    assert sorted(event_ids(apart)) == sorted(event.pk for event in undated)
    assert apart.count("needs a date</time>") == undated.count()


def test_the_events_that_need_a_date_are_listed_apart_under_the_same_filters(client, demo):
    # Alibaba's undated releases and rounds (every 01.AI event of the demo has a date).
    undated = Event.objects.public().filter(date_start__isnull=True, actors__slug="alibaba")

    assert undated.exists()

    html = html_of(client.get("/?actor=alibaba&ordering=-date&dated=true"))

    link = re.search(r'<p class="needs-date"><a href="([^"]+)">(\d+) events? needs?', html)
    assert link.group(1) == "?actor=alibaba&amp;dated=false"
    assert int(link.group(2)) == undated.count()
    apart = event_ids(html_of(client.get("/" + link.group(1).replace("&amp;", "&"))))
    assert apart == api_ids(client, "/api/events/", "actor=alibaba&dated=false")
    assert sorted(apart) == sorted(event.pk for event in undated)


@pytest.mark.parametrize(
    "query",
    [
        "actor=01-ai",
        "actor=kai-fu-lee&actor=alibaba-cloud",
        "type=founding",
        "type=funding&type=model_release",
        "status=disputed",
        "after=2024-05&before=2025-01",
        "after=2024-05&before=2025-01&strict=true",
        "min_precision=month",
        "q=零一萬物",
        "q=yi-large",
        "source=3",
        "dated=false",
    ],
)
def test_each_filter_narrows_the_timeline_to_what_the_api_answers(client, demo, query):
    everything = event_ids(html_of(client.get("/")))

    shown = event_ids(html_of(client.get(f"/?{query}")))

    assert shown == api_ids(client, "/api/events/", query)
    assert shown
    assert set(shown) != set(everything)


def test_newest_first_is_the_exact_reverse(client, demo):
    oldest = event_ids(html_of(client.get("/")))

    assert event_ids(html_of(client.get("/?ordering=-date"))) == oldest[::-1]


def test_blank_fields_of_a_submitted_form_are_ignored(client, demo):
    submitted = "q=&actor=&after=&before=&status=&min_precision=&ordering=date&type=founding"

    response = client.get(f"/?{submitted}")

    assert response.status_code == 200
    assert event_ids(html_of(response)) == api_ids(client, "/api/events/", "type=founding")


def test_the_form_shows_the_filters_in_use_and_the_title_says_what_is_shown(client, demo):
    html = html_of(client.get("/?actor=01-ai&type=founding&after=2023"))

    assert "<h1>01.AI, founding events, since 2023</h1>" in html
    assert 'name="actor" value="01-ai"' in html
    assert 'value="founding" checked' in re.sub(r'\s+id="[^"]*"', "", html)
    assert 'name="after" value="2023"' in html
    assert "More filters (3 in use)" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("after=May", "&#x27;May&#x27; is not a valid date."),
        ("status=sure", "Select a valid choice. sure is not one of the available choices."),
        ("actor=nobody", "nobody"),
        ("cursor=forged", "Invalid cursor."),
        ("page_size=0", "Invalid page size"),
    ],
)
def test_a_bad_filter_is_a_400_page_that_says_what_is_wrong(client, demo, query, message):
    response = client.get(f"/?{query}")

    assert response.status_code == 400
    html = html_of(response)
    assert 'role="alert"' in html
    assert message in html
    assert event_ids(html) == []


def test_the_page_links_the_csv_json_and_timelinejs_of_the_same_filter(client, demo):
    html = html_of(client.get("/?type=founding&status=disputed"))

    csv_link = "/api/events/?type=founding&amp;status=disputed&amp;format=csv"
    assert f'href="{csv_link}"' in html
    assert 'href="/api/events/?type=founding&amp;status=disputed&amp;format=json"' in html
    assert 'href="/timelinejs/?type=founding&amp;status=disputed"' in html
    exported = client.get(csv_link.replace("&amp;", "&"))
    rows = b"".join(exported.streaming_content).decode().strip().splitlines()
    assert len(rows) - 1 == len(event_ids(html))


# One event and its evidence


def test_the_founding_shows_three_claims_with_three_dates_side_by_side(client, demo):
    founding = Event.objects.get(headline="Kai-Fu Lee founds 01.AI")

    html = html_of(client.get("/"))
    card = html[html.index(f'id="event-{founding.pk}"') :]
    card = card[: card.index("</article>")]

    assert '<span class="badge disputed">disputed</span>' in card
    side_by_side = card[card.index('class="side-by-side"') : card.index("</ul>")]
    assert re.findall(r'class="claim-date">([^<]+)<', side_by_side) == [
        "mid-2023",
        "2023",
        "March 2023",
    ]
    assert card.count('<li class="claim"') == 3
    assert re.findall(r"<mark>([^<]+)</mark>", card) == ["2023年年中", "2023 年", "2023年3月"]
    assert "3 claims: the sources' words" in card


def test_a_relative_date_says_what_it_was_resolved_against(client, demo):
    claim = Claim.objects.get(date_text="去年 5 月", event__headline="01.AI releases Yi-Large")
    inferred = Claim.objects.get(date_text="去年5月", event__headline="01.AI releases Yi-Large")

    html = html_of(client.get(f"/events/{claim.event_id}/"))

    assert (
        '<span lang="zh-Hans">去年 5 月</span> → <strong>May 2024</strong>, '
        "against the publication date 2025-01-07"
    ) in html
    assert (
        '<span lang="zh-Hant">去年5月</span> → <strong>May 2024</strong>, '
        "against the publication date inferred from the text 2025-01"
    ) in html
    assert f'href="/sources/{inferred.source_id}/#claim-{inferred.pk}"' in html


def test_each_quote_carries_its_source_language(client, demo):
    html = html_of(client.get("/"))

    quotes = re.findall(r'<blockquote lang="([^"]+)">', html)
    shown = Claim.objects.filter(
        event__in=Event.objects.public().filter(date_start__isnull=False)
    ).select_related("source")
    assert sorted(quotes) == sorted(claim.source.language for claim in shown)
    assert "zh-Hant" in quotes


def test_an_unknown_or_rejected_event_has_no_page(client, db):
    rejected = make_event(headline="Rejected", review="rejected", start=date(2024, 1, 1))

    assert client.get(f"/events/{rejected.pk}/").status_code == 404
    assert client.get("/events/999999/").status_code == 404


# Actors


def test_an_actor_page_shows_its_aliases_in_every_script_and_its_timeline(client, demo):
    actor = Actor.objects.get(slug="01-ai")

    html = html_of(client.get("/actors/01-ai/"))

    assert "<h1>01.AI</h1>" in html
    for alias in actor.aliases.all():
        assert f">{alias.alias}</li>" in html
    assert '<li lang="zh-Hans">零一万物</li>' in html
    assert event_ids(html) == api_ids(client, "/api/actors/01-ai/events/", "")
    assert 'href="/api/actors/01-ai/events/?format=csv"' in html
    assert 'href="/timelinejs/?actor=01-ai"' in html


def test_an_actor_page_filters_its_own_events(client, demo):
    html = html_of(client.get("/actors/01-ai/?type=model_release&actor=ignored"))

    assert event_ids(html) == api_ids(client, "/api/actors/01-ai/events/", "type=model_release")
    assert 'name="actor"' not in html


def test_discovered_actors_are_shown_and_marked_rejected_ones_hidden(client, db):
    source = make_source(text="零一万物与新公司合作。")
    event = make_event(headline="A partnership", start=date(2024, 3, 1))
    make_claim(event=event, source=source, quote="零一万物与新公司合作")
    found = make_actor("new-co", name="New Co")
    Actor.objects.filter(pk=found.pk).update(review="discovered")
    junk = make_actor("junk-name", name="Junk Name")
    Actor.objects.filter(pk=junk.pk).update(review="rejected")
    link_actor(event, found)
    link_actor(event, junk)

    html = html_of(client.get("/"))

    assert '<a class="actor discovered" href="/actors/new-co/"' in html
    assert "Junk Name" not in html
    actor_page = html_of(client.get("/actors/new-co/"))
    assert '<span class="badge discovered">discovered</span>' in actor_page
    assert client.get("/actors/junk-name/").status_code == 404


# Sources


def test_a_source_page_highlights_every_claim_and_links_it_to_its_event(client, demo):
    source = Source.objects.get(pk=2)
    claims = list(Claim.objects.filter(source=source).order_by("char_start"))

    html = html_of(client.get("/sources/2/"))

    assert '<div class="article-text" lang="zh-Hans">' in html
    assert 'href="/?source=2">its events on the timeline</a>' in html
    for claim in claims:
        anchor = re.search(
            rf'<a class="claim-span[^"]*" href="/events/(\d+)/" id="claim-{claim.pk}"', html
        )
        assert anchor, claim.quote
        assert int(anchor.group(1)) == claim.event_id
    spans = re.findall(r'<a class="claim-span[^>]*>(.*?)</a>', html)
    highlighted = re.sub(r"</?mark>", "", "".join(spans))
    covered = sorted({i for claim in claims for i in range(claim.char_start, claim.char_end)})
    assert highlighted == "".join(source.text[i] for i in covered if source.text[i] != "\n")


def test_a_source_page_shows_the_skipped_lines_with_their_reason(client, demo):
    source = Source.objects.get(pk=2)

    html = html_of(client.get("/sources/2/"))

    reasons = re.findall(r'<span class="reason" lang="en">skipped: ([^<]+)</span>', html)
    assert {reason: reasons.count(reason) for reason in set(reasons)} == (
        source.report["lines skipped"]
    )
    first_line = '<p class="line skipped" id="line-1"><span class="reason" lang="en">'
    assert first_line + "skipped: byline</span> 文丨程曼祺</p>" in html
    assert "now reads this text differently" not in html


def test_a_claim_of_a_rejected_event_is_not_highlighted_for_the_public(client, editor, db):
    source = make_source(text="2023年3月,李开复创立零一万物。去年5月,零一万物发布Yi-Large。")
    kept = make_event(headline="Founding", start=date(2023, 3, 1))
    make_claim(event=kept, source=source, quote="2023年3月,李开复创立零一万物")
    gone = make_event(headline="Rejected release", review="rejected", start=date(2024, 5, 1))
    hidden = make_claim(event=gone, source=source, quote="去年5月,零一万物发布Yi-Large")

    public = html_of(client.get(f"/sources/{source.pk}/"))
    assert f'id="claim-{hidden.pk}"' not in public
    assert "Rejected release" not in public

    client.force_login(editor)
    assert f'id="claim-{hidden.pk}"' in html_of(client.get(f"/sources/{source.pk}/"))


# Visibility, editors, escaping


def test_rejected_events_never_appear_to_the_public_but_editors_see_them(client, editor, db):
    make_event(headline="Kept", start=date(2024, 1, 1))
    rejected = make_event(headline="Hidden thing", review="rejected", start=date(2024, 2, 1))

    for url in ("/", "/?q=hidden", "/?dated=false", "/?status=consistent"):
        assert "Hidden thing" not in html_of(client.get(url))

    client.force_login(editor)
    html = html_of(client.get("/"))
    assert rejected.pk in event_ids(html)
    assert '<span class="badge rejected">rejected</span>' in html


def test_editors_see_an_edit_link_on_each_event_and_others_do_not(client, editor, demo):
    anonymous = html_of(client.get("/"))
    assert "/admin/timeline/event/" not in anonymous

    client.force_login(editor)
    html = html_of(client.get("/"))
    ids = event_ids(html)
    assert ids
    for pk in ids:
        assert f'<a class="edit" href="/admin/timeline/event/{pk}/change/">' in html


def test_article_text_is_escaped_everywhere(client, db):
    text = "<script>alert(1)</script> 2024年5月,<b>Acme</b> & Co 发布模型。"
    source = make_source(text=text, title="<i>Title</i>", publisher="<u>Pub</u>")
    event = make_event(headline="<img src=x onerror=alert(2)>", start=date(2024, 5, 1))
    make_claim(
        event=event,
        source=source,
        quote="2024年5月,<b>Acme</b> & Co 发布模型",
        date_text="2024年5月",
        start=date(2024, 5, 1),
        end=date(2024, 5, 31),
        precision="month",
    )
    actor = make_actor("acme", name="<em>Acme</em>")
    link_actor(event, actor)

    for url in ("/", f"/events/{event.pk}/", f"/sources/{source.pk}/", "/actors/acme/"):
        html = html_of(client.get(url))
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html, url
        assert "<b>Acme</b>" not in html, url
        assert "<em>Acme</em>" not in html, url
        assert "<i>Title</i>" not in html, url
    assert "&lt;img src=x onerror=alert(2)&gt;" in html_of(client.get("/"))
    assert "&lt;b&gt;Acme&lt;/b&gt; &amp; Co" in html_of(client.get(f"/sources/{source.pk}/"))


def test_only_a_web_address_becomes_a_link_to_the_original(client, db):
    event = make_event(headline="Linked", start=date(2024, 5, 1))
    web = make_source(text="网上的文章。", url="https://example.com/a")
    script = make_source(text="别的文章。", url="javascript:alert(1)")
    make_claim(event=event, source=web, quote="网上的文章")
    make_claim(event=event, source=script, quote="别的文章")

    html = html_of(client.get(f"/events/{event.pk}/"))

    assert '<a href="https://example.com/a" rel="noopener noreferrer">original</a>' in html
    assert "javascript:" not in html
    assert "javascript:" not in html_of(client.get(f"/sources/{script.pk}/"))


# Keyset pages and query counts


@pytest.fixture
def many_events(db):
    text = " ".join(f"Sentence {n}." for n in range(120))
    source = make_source(title="Many", text=text)
    actors = [make_actor(f"actor-{n}", name=f"Actor {n}") for n in range(3)]
    for n in range(120):
        day = date(2024, 1, 1) + timedelta(days=n)
        event = make_event(headline=f"Event {n}", start=day)
        link_actor(event, actors[n % 3], "subject")
        link_actor(event, actors[0])
        make_claim(event=event, source=source, quote=f"Sentence {n}.", start=day)
    make_event(headline="Undated")
    return source


def next_link(html: str, rel: str) -> str:
    link = re.search(rf'<a rel="{rel}" href="([^"]+)"', html)
    return link.group(1).replace("&amp;", "&") if link else None


def test_keyset_pages_walk_forwards_and_back_without_offset(client, many_events):
    with CaptureQueriesContext(connection) as queries:
        first = html_of(client.get("/"))
        second = html_of(client.get("/" + next_link(first, "next")))
        third = html_of(client.get("/" + next_link(second, "next")))
        back = html_of(client.get("/" + next_link(third, "prev")))

    headlines = Event.objects.filter(date_start__isnull=False).chronological()
    ids = [event.pk for event in headlines]
    assert event_ids(first) == ids[:50]
    assert event_ids(second) == ids[50:100]
    assert event_ids(third) == ids[100:]
    assert next_link(third, "next") is None
    assert next_link(first, "prev") is None
    assert event_ids(back) == ids[50:100]
    assert ">later</a>" in first
    assert ">earlier</a>" in third
    assert not [q["sql"] for q in queries.captured_queries if "OFFSET" in q["sql"].upper()]


def test_page_links_keep_the_filters_and_the_page_size(client, many_events):
    html = html_of(client.get("/?actor=actor-1&page_size=10"))

    link = next_link(html, "next")
    assert "actor=actor-1" in link
    assert "page_size=10" in link
    shown = event_ids(html) + event_ids(html_of(client.get("/" + link)))
    assert shown == api_ids(client, "/api/events/", "actor=actor-1")[:20]


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # the page, its actor links, its claims with their sources, the undated count
        ("/?page_size={n}", 4),
        ("/?page_size={n}&type=other&after=2024&before=2024-12", 4),
        # and the actor slugs checked
        ("/?page_size={n}&actor=actor-1&actor=actor-2", 5),
        # the actor and its aliases, then the same four
        ("/actors/actor-1/?page_size={n}", 6),
        # no undated count on the list of undated events
        ("/?page_size={n}&dated=false", 3),
    ],
)
def test_pages_run_a_fixed_number_of_queries_whatever_the_page_size(
    client, many_events, django_assert_max_num_queries, url, queries
):
    path, query = url.split("?")
    api = "/api/actors/actor-1/events/" if path.startswith("/actors/") else "/api/events/"
    matching = len(api_ids(client, api, query.replace("page_size={n}", "").strip("&")))
    assert matching
    for size in (5, 50, 100):
        with django_assert_max_num_queries(queries):
            response = client.get(url.format(n=size))
        assert response.status_code == 200
        assert len(event_ids(html_of(response))) == min(size, matching)


def test_a_source_page_runs_a_fixed_number_of_queries(
    client, many_events, django_assert_max_num_queries
):
    # the source, then its claims with their events
    with django_assert_max_num_queries(2):
        html = html_of(client.get(f"/sources/{many_events.pk}/"))
    assert html.count('class="claim-span') == 120


# TimelineJS


def test_the_timelinejs_view_loads_timelinejs_from_this_site_and_the_api_document(client, demo):
    html = html_of(client.get("/timelinejs/?actor=01-ai&type=funding"))

    assert '<script src="/static/pages/vendor/timelinejs/js/timeline.js" defer>' in html
    assert 'href="/static/pages/vendor/timelinejs/css/timeline.css"' in html
    assert not re.search(r'(src|href)="(https?:)?//', html)
    document = re.search(r'data-document="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert document == "/api/events/?actor=01-ai&type=funding&format=timelinejs&page_size=500"
    body = client.get(document).json()
    assert body["title"]["text"]["headline"] == "01.AI, funding events"
    assert "<h1>01.AI, funding events</h1>" in html


def test_the_vendored_timelinejs_is_served_with_its_licence(client):
    from django.contrib.staticfiles import finders

    for name in ("js/timeline.js", "css/timeline.css", "LICENSE", "css/icons/tl-icons.woff2"):
        assert finders.find(f"pages/vendor/timelinejs/{name}"), name
    licence = finders.find("pages/vendor/timelinejs/LICENSE")
    with open(licence, encoding="utf-8") as handle:
        assert handle.read().startswith("Mozilla Public License, version 2.0")
