"""GET /api/timeline/: the filtered events grouped into periods, paginated by events."""

import pytest

pytestmark = pytest.mark.django_db


def periods(response) -> list[tuple[str, str, str, int, list[str]]]:
    assert response.status_code == 200, response.content
    return [
        (b["period"], b["start"], b["end"], b["count"], [e["headline"] for e in b["events"]])
        for b in response.json()["buckets"]
    ]


def test_grouped_by_month_by_default(api_client, corpus):
    response = api_client.get("/api/timeline/?actor=01-ai&after=2024-05&before=2025-01")

    assert response.json()["group"] == "month"
    assert response.json()["next"] is None
    assert periods(response) == [
        ("2024-05", "2024-05-01", "2024-05-31", 1, ["01.AI releases Yi-Large"]),
        (
            "2024-10",
            "2024-10-01",
            "2024-10-31",
            2,
            ["01.AI reorganizes its pre-training team", "01.AI releases Yi-Lightning"],
        ),
        ("2024-12", "2024-12-01", "2024-12-31", 1, ["Alibaba Cloud and 01.AI set up a joint lab"]),
    ]


def test_a_whole_bucket_body(api_client, corpus):
    response = api_client.get("/api/timeline/?group=year&type=founding")

    assert response.json() == {
        "group": "year",
        "next": None,
        "previous": None,
        "undated": 0,
        "buckets": [
            {
                "period": "2023",
                "start": "2023-01-01",
                "end": "2023-12-31",
                "count": 1,
                "events": [
                    {
                        "id": corpus.founding.pk,
                        "headline": "01.AI is founded",
                        "type": "founding",
                        "date": {
                            "start": "2023-03-01",
                            "end": "2023-03-31",
                            "precision": "month",
                            "qualifier": None,
                            "edtf": "2023-03",
                            "display": "March 2023",
                        },
                        "status": "consistent",
                        "actors": ["01-ai", "kai-fu-lee"],
                    }
                ],
            }
        ],
    }


def test_grouped_by_quarter_and_year(api_client, corpus):
    by_quarter = periods(api_client.get("/api/timeline/?group=quarter"))
    by_year = periods(api_client.get("/api/timeline/?group=year&ordering=-date"))

    assert [(p, s, e, n) for p, s, e, n, _ in by_quarter] == [
        ("2023-Q1", "2023-01-01", "2023-03-31", 1),
        ("2024-Q1", "2024-01-01", "2024-03-31", 1),
        ("2024-Q2", "2024-04-01", "2024-06-30", 1),
        ("2024-Q4", "2024-10-01", "2024-12-31", 3),
    ]
    assert [(p, n) for p, _, _, n, _ in by_year] == [("2024", 5), ("2023", 1)]


def test_a_large_range_is_followed_page_by_page(api_client, corpus):
    first = api_client.get("/api/timeline/?group=year&page_size=4")
    second = api_client.get(first.json()["next"])

    assert [(p, n) for p, _, _, n, _ in periods(first)] == [("2023", 1), ("2024", 3)]
    # The year continues on the next page; a client merges buckets by period.
    assert [(p, n) for p, _, _, n, _ in periods(second)] == [("2024", 2)]
    assert second.json()["next"] is None


@pytest.mark.parametrize(
    ("query", "undated"),
    [
        ("", 1),
        ("actor=01-ai", 1),
        ("actor=kai-fu-lee", 0),
        ("type=rumor&dated=true", 1),
        # An undated event may belong to any period: date filters do not decide for it.
        ("after=2024", 1),
        ("type=founding&before=2023", 0),
    ],
)
def test_the_timeline_counts_the_undated_events_it_cannot_place(api_client, corpus, query, undated):
    response = api_client.get(f"/api/timeline/?{query}")

    shown = [headline for *_, events in periods(response) for headline in events]
    assert "A rumored sale of 01.AI" not in shown
    assert response.json()["undated"] == undated


def test_the_timeline_refuses_to_list_only_undated_events(api_client, corpus):
    response = api_client.get("/api/timeline/?dated=false")

    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["parameter"] == "dated"
    assert "/api/events/?dated=false" in error["accepted"]
