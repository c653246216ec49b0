"""CSV (streamed, one row per event) and TimelineJS3 output."""

import csv
import io
from datetime import date

import pytest
from django.http import StreamingHttpResponse

from tests.api.factories import make_claim, make_event

pytestmark = pytest.mark.django_db


def test_csv_streams_every_matching_event(api_client, corpus):
    response = api_client.get("/api/events/?format=csv&actor=kai-fu-lee&page_size=1")

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [
        [
            "id",
            "headline",
            "type",
            "date_start",
            "date_end",
            "date_precision",
            "date_qualifier",
            "date_edtf",
            "date_display",
            "status",
            "review",
            "actors",
            "sources",
            "summary",
            "updated_at",
            "claim_count",
            "best_quote",
            "best_quote_source",
            "best_quote_publisher",
            "best_quote_published",
            "best_quote_published_inferred",
            "undated_left_out",
        ],
        [
            str(corpus.founding.pk),
            "01.AI is founded",
            "founding",
            "2023-03-01",
            "2023-03-31",
            "month",
            "",
            "2023-03",
            "March 2023",
            "consistent",
            "extracted",
            "01-ai:company; kai-fu-lee:founder",
            str(corpus.wire.pk),
            "",
            "2026-11-22T10:00:00Z",
            "1",
            "The company was founded in March 2023 by Kai-Fu Lee.",
            "01.AI at a glance",
            "Wire",
            "2024-11-10",
            "",
            "0",
        ],
        [
            str(corpus.statement.pk),
            "Kai-Fu Lee promises continued investment",
            "statement",
            "2024-01-01",
            "2024-12-31",
            "year",
            "",
            "2024",
            "2024",
            "disputed",
            "extracted",
            "kai-fu-lee:speaker",
            "",
            "",
            "2026-11-22T10:00:00Z",
            "0",
            "",
            "",
            "",
            "",
            "",
            "0",
        ],
    ]


def test_csv_cells_never_start_a_spreadsheet_formula(api_client, corpus):
    corpus.rumor.headline = "=HYPERLINK(1)"
    corpus.rumor.save()

    response = api_client.get("/api/events/?format=csv&status=unresolved&dated=false")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert rows[1][1] == "'=HYPERLINK(1)"


def test_timelinejs_document(api_client, corpus):
    response = api_client.get(
        "/api/actors/01-ai/events/?format=timelinejs&after=2024-05&before=2025-01&page_size=3"
    )

    assert response.status_code == 200
    assert response["Link"].endswith('rel="next"')
    assert response.json() == {
        "title": {
            "text": {
                "headline": "01.AI, May 2024 – Jan 2025",
                # The undated rumor about 01.AI may belong to the period: it is counted.
                "text": "1 event needs a date and is not shown.",
            }
        },
        "undated": 1,
        "events": [
            {
                "start_date": {"year": 2024, "month": 5, "display_date": "May 2024"},
                "end_date": {"year": 2024, "month": 5},
                "text": {
                    "headline": "01.AI releases Yi-Large",
                    "text": "A model with a hundred billion parameters.",
                },
                "group": "model_release",
                "unique_id": f"event-{corpus.yi_large.pk}",
            },
            {
                "start_date": {"year": 2024, "display_date": "Q4 2024"},
                "end_date": {"year": 2024},
                "text": {"headline": "01.AI reorganizes its pre-training team", "text": ""},
                "group": "restructuring",
                "unique_id": f"event-{corpus.restructuring.pk}",
            },
            {
                "start_date": {
                    "year": 2024,
                    "month": 10,
                    "day": 16,
                    "display_date": "16 October 2024",
                },
                "end_date": {"year": 2024, "month": 10, "day": 16},
                "text": {"headline": "01.AI releases Yi-Lightning", "text": ""},
                "group": "model_release",
                "unique_id": f"event-{corpus.yi_lightning.pk}",
            },
        ],
    }


def test_timelinejs_intervals_and_undated_events(api_client, corpus):
    corpus.lab.headline = "<b>joint</b> lab"
    corpus.lab.save()

    response = api_client.get("/api/events/?format=timelinejs&type=partnership&type=rumor")

    assert response.json()["title"] == {
        "text": {
            "headline": "Partnership or rumor events",
            "text": "1 event needs a date and is not shown.",
        }
    }
    # The undated rumor has no place on a TimelineJS timeline.
    (lab,) = response.json()["events"]
    assert lab["start_date"] == {
        "year": 2024,
        "month": 12,
        "display_date": "December 2024 – January 2025",
    }
    assert lab["end_date"] == {"year": 2025, "month": 1}
    assert lab["text"]["headline"] == "&lt;b&gt;joint&lt;/b&gt; lab"


def test_one_event_as_timelinejs(api_client, corpus):
    response = api_client.get(f"/api/events/{corpus.founding.pk}/?format=timelinejs")

    assert [event["unique_id"] for event in response.json()["events"]] == [
        f"event-{corpus.founding.pk}"
    ]


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_names_the_undated_events_it_leaves_out_in_its_last_column(api_client, corpus):
    header, *rows = csv_rows(api_client.get("/api/events/?format=csv&actor=01-ai"))

    assert header[-1] == "undated_left_out"
    assert "A rumored sale of 01.AI" not in [row[1] for row in rows]
    assert {row[-1] for row in rows} == {"1"}
    header, *rows = csv_rows(api_client.get("/api/events/?format=csv&actor=01-ai&dated=false"))
    assert [(row[1], row[-1]) for row in rows] == [("A rumored sale of 01.AI", "0")]


def test_csv_quotes_the_most_precisely_dated_claim_not_flagged(api_client, corpus):
    # The lab: a month from Jiemian, then a day from the wire, and a day that postdates
    # its source, which never counts as the best.
    make_claim(
        corpus.lab,
        corpus.wire,
        "Oct. 16, 2024, 01.AI released",
        date_text="Oct. 16",
        start=date(2025, 1, 16),
        after_source=True,
    )
    make_claim(
        corpus.lab,
        corpus.wire,
        "founded in March 2023",
        date_text="March 2023",
        start=date(2025, 1, 2),
    )

    header, row = csv_rows(api_client.get("/api/events/?format=csv&type=partnership"))
    cells = dict(zip(header, row, strict=True))

    assert cells["claim_count"] == "3"
    assert cells["best_quote"] == "founded in March 2023"
    assert (
        cells["best_quote_source"],
        cells["best_quote_publisher"],
        cells["best_quote_published"],
    ) == ("01.AI at a glance", "Wire", "2024-11-10")


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/api/events/", "Timeline"),
        ("/api/events/?ordering=-date", "Timeline"),
        ("/api/events/?status=disputed", "Disputed events"),
        ("/api/events/?actor=01-ai&after=2024-05&before=2025-01", "01.AI, May 2024 – Jan 2025"),
        ("/api/events/?actor=01-ai&actor=alibaba", "01.AI or Alibaba"),
        ("/api/events/?type=model_release&after=2024", "Model release events, since 2024"),
        ("/api/events/?type=founding&before=2023-03-31", "Founding events, until 31 Mar 2023"),
        ("/api/events/?after=2024-10&before=2024-10", "Oct 2024"),
        ("/api/events/?dated=false", "Events that need a date"),
        ("/api/events/?dated=true", "Dated events"),
        ("/api/events/?dated=true&type=funding", "Funding events"),
        (
            "/api/events/?q=Yi-Large&min_precision=month",
            "Dated to the month or finer, matching “Yi-Large”",
        ),
        ("/api/actors/01-ai/events/", "01.AI"),
        (
            "/api/actors/01-ai/events/?actor=alibaba&status=consistent",
            "01.AI with Alibaba, consistent events",
        ),
    ],
)
def test_timelinejs_is_titled_after_its_filters(api_client, corpus, url, title):
    separator = "&" if "?" in url else "?"
    response = api_client.get(f"{url}{separator}format=timelinejs")

    assert response.json()["title"]["text"]["headline"] == title


def test_timelinejs_titles_a_source_by_its_title(api_client, corpus):
    response = api_client.get(f"/api/events/?source={corpus.wire.pk}&format=timelinejs")

    assert response.json()["title"]["text"]["headline"] == "From “01.AI at a glance”"


@pytest.mark.parametrize(
    ("query", "undated", "note"),
    [
        ("type=founding", 0, ""),
        ("", 1, "1 event needs a date and is not shown."),
        # An ordering by update lists the rumor, but TimelineJS still cannot place it.
        ("ordering=updated", 1, "1 event needs a date and is not shown."),
        ("dated=false", 1, "1 event needs a date and is not shown."),
    ],
)
def test_timelinejs_says_how_many_events_it_cannot_place(api_client, corpus, query, undated, note):
    make_event("Another undated event", type="founding", review="rejected")

    document = api_client.get(f"/api/events/?format=timelinejs&{query}").json()

    assert document["undated"] == undated
    assert document["title"]["text"]["text"] == note
    assert all(event["start_date"]["year"] for event in document["events"])


def test_csv_gives_an_inferred_source_date_its_own_column(api_client, corpus):
    header, row = csv_rows(api_client.get("/api/events/?format=csv&type=partnership"))
    cells = dict(zip(header, row, strict=True))

    assert cells["best_quote_source"] == "零一万物的转折"
    assert (cells["best_quote_published"], cells["best_quote_published_inferred"]) == (
        "",
        "2025-01",
    )
