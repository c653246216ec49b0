"""The demo timeline as an analyst exports it: nothing left out silently, titles that say
what a document holds, and a spreadsheet with the evidence of every event."""

import csv
import io

import pytest
from django.core.management import call_command

from timeline.models import Event
from timeline.pipeline.reconcile import PRECISION_RANK

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("loaddata", "actors", "demo_timeline", verbosity=0)


def undated_of(**filters) -> int:
    return Event.objects.public().filter(date_start__isnull=True, **filters).distinct().count()


def test_the_event_list_holds_or_counts_every_public_event(api_client, demo):
    body = api_client.get("/api/events/?page_size=500").json()

    assert all(event["date"]["start"] for event in body["results"])
    assert body["undated"] == undated_of()
    assert len(body["results"]) + body["undated"] == Event.objects.public().count()
    undated = api_client.get("/api/events/?dated=false&page_size=500").json()["results"]
    assert len(undated) == body["undated"]


def test_the_timelinejs_of_01_ai_is_titled_after_its_filters_and_counts_what_it_leaves_out(
    api_client, demo
):
    document = api_client.get(
        "/api/events/?actor=01-ai&after=2024-05&before=2025-01&format=timelinejs&page_size=500"
    ).json()

    assert document["title"]["text"]["headline"] == "01.AI, May 2024 – Jan 2025"
    left_out = undated_of(actors__slug="01-ai")
    assert document["undated"] == left_out
    if left_out:
        assert document["title"]["text"]["text"].startswith(f"{left_out} event")
    assert all(event["start_date"]["year"] for event in document["events"])


def test_the_csv_quotes_a_source_for_every_event_with_claims(api_client, demo):
    response = api_client.get("/api/events/?format=csv")
    header, *rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    events = {
        event.pk: event
        for event in Event.objects.public().prefetch_related("claims__source", "claims")
    }
    assert len(rows) == len(events) - undated_of()
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        event = events[int(cells["id"])]
        claims = list(event.claims.all())
        assert int(cells["claim_count"]) == len(claims)
        assert int(cells["undated_left_out"]) == undated_of()
        if not claims:
            continue
        (best,) = [claim for claim in claims if claim.quote == cells["best_quote"]][:1]
        assert cells["best_quote_source"] == best.source.title
        assert cells["best_quote_publisher"] == best.source.publisher
        assert best.source.text[best.char_start : best.char_end] == cells["best_quote"]
        dated = cells["best_quote_published"] or cells["best_quote_published_inferred"]
        assert dated == best.source.published_display
        # No claim of the event is dated more precisely, a claim dated after its source
        # counting least.
        assert date_rank(best) == min(date_rank(claim) for claim in claims)


def date_rank(claim) -> tuple:
    precision = PRECISION_RANK[claim.date_precision] if claim.date_start else len(PRECISION_RANK)
    return (claim.after_source, precision)
