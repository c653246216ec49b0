"""GET /api/events/ and /api/events/{id}/: the contract's event shape and every filter."""

from datetime import date

import pytest

from tests.api.factories import make_claim, make_event
from tests.api.responses import headlines

pytestmark = pytest.mark.django_db

FOUNDING = "01.AI is founded"
STATEMENT = "Kai-Fu Lee promises continued investment"
YI_LARGE = "01.AI releases Yi-Large"
RESTRUCTURING = "01.AI reorganizes its pre-training team"
YI_LIGHTNING = "01.AI releases Yi-Lightning"
LAB = "Alibaba Cloud and 01.AI set up a joint lab"
RUMOR = "A rumored sale of 01.AI"
REJECTED = "A misread event"
# What a date-ordered list shows by default: the undated rumor needs a date and is left out.
DATED_IN_DATE_ORDER = [FOUNDING, STATEMENT, YI_LARGE, RESTRUCTURING, YI_LIGHTNING, LAB]


def test_an_event_is_the_contract_shape(api_client, corpus):
    response = api_client.get(f"/api/events/{corpus.yi_large.pk}/")

    assert response.status_code == 200
    assert response.json() == {
        "id": corpus.yi_large.pk,
        "headline": "01.AI releases Yi-Large",
        "summary": "A model with a hundred billion parameters.",
        "type": "model_release",
        "date": {
            "start": "2024-05-01",
            "end": "2024-05-31",
            "precision": "month",
            "qualifier": None,
            "edtf": "2024-05",
            "display": "May 2024",
        },
        "status": "consistent",
        "review": "extracted",
        "actors": [{"slug": "01-ai", "name": "01.AI", "kind": "company", "role": "developer"}],
        "claims": [
            {
                "source": {
                    "id": corpus.jiemian.pk,
                    "title": "零一万物的转折",
                    "publisher": "界面新闻 Jiemian",
                    "published": None,
                    "published_inferred": "2025-01",
                    "url": None,
                },
                "quote": "去年5月,在零一萬物發佈千億參數模型Yi-Large時",
                "char_start": 8,
                "char_end": 35,
                "date": {
                    "text": "去年5月",
                    "start": "2024-05-01",
                    "end": "2024-05-31",
                    "precision": "month",
                    "qualifier": None,
                    "edtf": "2024-05",
                    "anchor": {"date": "2025-01", "basis": "inferred"},
                },
                "after_source": False,
            }
        ],
        "updated_at": "2026-11-22T10:00:00Z",
    }


def test_a_claim_dated_after_its_source_says_so(api_client, corpus):
    # The wire article of 10 November 2024 read as dating the lab to the next January.
    make_claim(
        corpus.lab,
        corpus.wire,
        "Oct. 16, 2024, 01.AI released",
        date_text="Oct. 16",
        start=date(2025, 1, 16),
        after_source=True,
    )

    claims = api_client.get(f"/api/events/{corpus.lab.pk}/").json()["claims"]

    assert [(claim["source"]["id"], claim["after_source"]) for claim in claims] == [
        (corpus.jiemian.pk, False),
        (corpus.wire.pk, True),
    ]


def test_the_quote_is_the_source_text_between_its_offsets(api_client, corpus):
    claim = api_client.get(f"/api/events/{corpus.yi_large.pk}/").json()["claims"][0]

    assert corpus.jiemian.text[claim["char_start"] : claim["char_end"]] == claim["quote"]


def test_the_list_is_in_date_order_and_counts_the_undated_events_it_leaves_out(api_client, corpus):
    response = api_client.get("/api/events/")

    assert headlines(response) == DATED_IN_DATE_ORDER
    assert response.json()["next"] is None
    assert response.json()["previous"] is None
    assert response.json()["undated"] == 1


def test_what_happened_to_01_ai_between_may_2024_and_january_2025(api_client, corpus):
    response = api_client.get("/api/actors/01-ai/events/?after=2024-05&before=2025-01")

    assert headlines(response) == [YI_LARGE, RESTRUCTURING, YI_LIGHTNING, LAB]
    sources = [
        [(claim["source"]["publisher"], claim["quote"]) for claim in event["claims"]]
        for event in response.json()["results"]
    ]
    assert sources == [
        [("界面新闻 Jiemian", "去年5月,在零一萬物發佈千億參數模型Yi-Large時")],
        [("Wire", "In the fourth quarter of 2024 it reorganized its pre-training team.")],
        [("Wire", "On Oct. 16, 2024, 01.AI released Yi-Lightning.")],
        [("界面新闻 Jiemian", "2025年伊始,公司宣佈與阿里雲成立產業大模型聯合實驗室")],
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # after: the interval reaches into or past the first day of the period.
        ("after=2024", [STATEMENT, YI_LARGE, RESTRUCTURING, YI_LIGHTNING, LAB]),
        ("after=2024-12", [STATEMENT, RESTRUCTURING, LAB]),
        ("after=2024-12-31", [STATEMENT, RESTRUCTURING, LAB]),
        ("after=2025-01-01", [LAB]),
        ("after=2025-02", []),
        # before: the interval starts on or before the last day of the period.
        ("before=2023", [FOUNDING]),
        ("before=2024-05", [FOUNDING, STATEMENT, YI_LARGE]),
        ("before=2024-04-30", [FOUNDING, STATEMENT]),
        ("before=2024-10-16", [FOUNDING, STATEMENT, YI_LARGE, RESTRUCTURING, YI_LIGHTNING]),
        ("before=2024-10-15", [FOUNDING, STATEMENT, YI_LARGE, RESTRUCTURING]),
        # both: overlap with the range.
        ("after=2024-05&before=2024-05", [STATEMENT, YI_LARGE]),
        ("after=2024-10-16&before=2024-10-16", [STATEMENT, RESTRUCTURING, YI_LIGHTNING]),
        # strict: the whole interval inside.
        ("after=2024&before=2024&strict=true", [STATEMENT, YI_LARGE, RESTRUCTURING, YI_LIGHTNING]),
        ("after=2024-10&strict=true", [RESTRUCTURING, YI_LIGHTNING, LAB]),
        (
            "before=2024-12&strict=true",
            [FOUNDING, STATEMENT, YI_LARGE, RESTRUCTURING, YI_LIGHTNING],
        ),
        ("after=2024-10&before=2024-12&strict=1", [RESTRUCTURING, YI_LIGHTNING]),
        (
            "after=2024-10&before=2024-12&strict=false",
            [STATEMENT, RESTRUCTURING, YI_LIGHTNING, LAB],
        ),
        ("strict=true", DATED_IN_DATE_ORDER),
    ],
)
def test_date_filters(api_client, corpus, query, expected):
    assert headlines(api_client.get(f"/api/events/?{query}")) == expected


@pytest.mark.parametrize(
    "query",
    ["after=2024-12", "after=2024-12&before=2025-01", "type=other&after=2024-12-31"],
)
def test_an_event_begun_long_before_after_still_reaches_it(api_client, corpus, query):
    # `after=` also bounds the start by the longest span (`earliest_start_reaching`): an
    # event that began decades before must still be found, and one that ended just
    # before must not.
    make_event("Long-running", start=date(1990, 1, 1), end=date(2024, 12, 31), precision="interval")
    make_event("Over", start=date(1990, 1, 1), end=date(2024, 11, 30), precision="interval")

    found = headlines(api_client.get(f"/api/events/?{query}"))

    assert "Long-running" in found
    assert "Over" not in found


def test_after_reaches_an_event_longer_than_any_before_it_in_the_same_transaction(
    api_client, corpus
):
    before = headlines(api_client.get("/api/events/?after=2025-01-01"))
    make_event("Century", start=date(1901, 1, 1), end=date(2025, 1, 1), precision="century")

    assert headlines(api_client.get("/api/events/?after=2025-01-01")) == [
        "Century",
        *before,
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("actor=kai-fu-lee", [FOUNDING, STATEMENT]),
        ("actor=alibaba", [LAB]),
        ("actor=alibaba&actor=kai-fu-lee", [FOUNDING, STATEMENT, LAB]),
        ("type=model_release", [YI_LARGE, YI_LIGHTNING]),
        ("type=founding&type=rumor", [FOUNDING]),
        ("status=disputed", [STATEMENT]),
        ("status=unresolved", []),
        ("status=unresolved&dated=false", [RUMOR]),
        ("min_precision=day", [YI_LIGHTNING]),
        ("min_precision=month", [FOUNDING, YI_LARGE, YI_LIGHTNING]),
        ("min_precision=interval", [FOUNDING, YI_LARGE, YI_LIGHTNING, LAB]),
        ("min_precision=quarter", [FOUNDING, YI_LARGE, RESTRUCTURING, YI_LIGHTNING, LAB]),
        ("min_precision=decade", [FOUNDING, STATEMENT, YI_LARGE, RESTRUCTURING, YI_LIGHTNING, LAB]),
        ("type=model_release&after=2024-06", [YI_LIGHTNING]),
        ("actor=01-ai&type=partnership&status=consistent", [LAB]),
    ],
)
def test_vocabulary_filters(api_client, corpus, query, expected):
    assert headlines(api_client.get(f"/api/events/?{query}")) == expected


def test_source_filter(api_client, corpus):
    assert headlines(api_client.get(f"/api/events/?source={corpus.jiemian.pk}")) == [YI_LARGE, LAB]
    assert headlines(api_client.get(f"/api/events/?source={corpus.wire.pk}")) == [
        FOUNDING,
        RESTRUCTURING,
        YI_LIGHTNING,
    ]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Yi-Large", [YI_LARGE]),
        ("yi-large", [YI_LARGE]),
        # Traditional query, simplified alias text; simplified query, traditional quote.
        ("零一萬物", [FOUNDING, YI_LARGE, RESTRUCTURING, YI_LIGHTNING, LAB]),
        ("千亿参数", [YI_LARGE]),
        ("阿里云", [LAB]),
        ("李開復", [FOUNDING, STATEMENT]),
        ("hundred billion", [YI_LARGE]),
        ("pre-training", [RESTRUCTURING]),
        ("nothing like this", []),
        ("   ", DATED_IN_DATE_ORDER),
        ("100%", []),
        ("a_b", []),
    ],
)
def test_text_search(api_client, corpus, q, expected):
    assert headlines(api_client.get("/api/events/", {"q": q})) == expected


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("date", DATED_IN_DATE_ORDER),
        ("-date", DATED_IN_DATE_ORDER[::-1]),
    ],
)
def test_date_ordering(api_client, corpus, ordering, expected):
    assert headlines(api_client.get(f"/api/events/?ordering={ordering}")) == expected


@pytest.mark.parametrize(
    ("query", "expected", "undated"),
    [
        ("", DATED_IN_DATE_ORDER, 1),
        ("dated=true", DATED_IN_DATE_ORDER, 1),
        ("dated=false", [RUMOR], 0),
        ("dated=0", [RUMOR], 0),
        ("dated=false&ordering=-date", [RUMOR], 0),
        ("ordering=-date", DATED_IN_DATE_ORDER[::-1], 1),
        ("type=founding&type=rumor", [FOUNDING], 1),
        ("type=founding&type=rumor&dated=false", [RUMOR], 0),
        # The count is of what the other filters match.
        ("actor=kai-fu-lee", [FOUNDING, STATEMENT], 0),
        ("type=founding", [FOUNDING], 0),
        ("q=sale", [], 1),
        # Filters on the date cannot judge an event without one: it may belong to 2024.
        ("after=2024", DATED_IN_DATE_ORDER[1:], 1),
        ("min_precision=day&strict=true", [YI_LIGHTNING], 1),
        ("after=2024&dated=false", [], 0),
        # An ordering not by date has a place for undated events.
        ("ordering=updated&type=founding&type=rumor", None, 0),
        ("ordering=updated&type=rumor&dated=true", [], 1),
    ],
)
def test_undated_events_are_listed_apart(api_client, corpus, query, expected, undated):
    response = api_client.get(f"/api/events/?{query}")

    if expected is not None:
        assert headlines(response) == expected
    else:
        assert sorted(headlines(response)) == sorted([FOUNDING, RUMOR])
    assert response.json()["undated"] == undated


def test_an_actors_timeline_counts_its_undated_events(api_client, corpus):
    response = api_client.get("/api/actors/01-ai/events/")

    assert RUMOR not in headlines(response)
    assert response.json()["undated"] == 1
    assert headlines(api_client.get("/api/actors/01-ai/events/?dated=false")) == [RUMOR]
    assert api_client.get("/api/actors/kai-fu-lee/events/").json()["undated"] == 0


def test_rejected_undated_events_are_counted_for_editors_only(api_client, editor_client, corpus):
    make_event("A rejected undated event", review="rejected")

    assert api_client.get("/api/events/").json()["undated"] == 1
    assert editor_client.get("/api/events/").json()["undated"] == 2


def test_updated_ordering(api_client, corpus):
    corpus.lab.save()
    corpus.founding.save()

    newest_first = headlines(api_client.get("/api/events/?ordering=-updated"))
    oldest_first = headlines(api_client.get("/api/events/?ordering=updated"))

    assert newest_first[:2] == [FOUNDING, LAB]
    assert oldest_first == newest_first[::-1]


def test_rejected_events_are_shown_to_editors_only(
    api_client, reader_client, editor_client, corpus
):
    url = f"/api/events/{corpus.rejected.pk}/"
    assert api_client.get(url).status_code == 404
    assert reader_client.get(url).status_code == 404
    assert editor_client.get(url).status_code == 200

    assert REJECTED not in headlines(api_client.get("/api/events/?page_size=500"))
    assert REJECTED in headlines(editor_client.get("/api/events/?page_size=500"))
