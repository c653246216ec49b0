"""CSV (streamed, one row per event) and TimelineJS3 output."""

import csv
import io

import pytest
from django.http import StreamingHttpResponse

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
        ],
    ]


def test_csv_cells_never_start_a_spreadsheet_formula(api_client, corpus):
    corpus.rumor.headline = "=HYPERLINK(1)"
    corpus.rumor.save()

    response = api_client.get("/api/events/?format=csv&status=unresolved")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert rows[1][1] == "'=HYPERLINK(1)"


def test_timelinejs_document(api_client, corpus):
    response = api_client.get(
        "/api/actors/01-ai/events/?format=timelinejs&after=2024-05&before=2025-01&page_size=3"
    )

    assert response.status_code == 200
    assert response["Link"].endswith('rel="next"')
    assert response.json() == {
        "title": {"text": {"headline": "01.AI", "text": ""}},
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

    assert response.json()["title"] == {"text": {"headline": "Timeline", "text": ""}}
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
