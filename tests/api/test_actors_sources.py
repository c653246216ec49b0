"""Actors with their aliases; sources with what was drawn from each."""

import pytest

pytestmark = pytest.mark.django_db


def test_actors_list(api_client, corpus):
    response = api_client.get("/api/actors/?kind=company")

    assert response.json() == {
        "next": None,
        "previous": None,
        "results": [
            {
                "slug": "01-ai",
                "name": "01.AI",
                "kind": "company",
                "description": "",
                "aliases": [
                    {"alias": "01万物", "language": ""},
                    {"alias": "零一万物", "language": ""},
                ],
            },
            {
                "slug": "alibaba",
                "name": "Alibaba",
                "kind": "company",
                "description": "",
                "aliases": [{"alias": "阿里巴巴", "language": ""}],
            },
        ],
    }


def test_sources_list_counts_what_was_drawn(api_client, corpus):
    response = api_client.get("/api/sources/")

    assert response.json()["results"] == [
        {
            "id": corpus.jiemian.pk,
            "title": "零一万物的转折",
            "publisher": "界面新闻 Jiemian",
            "authors": [],
            "url": None,
            "language": "zh-Hant",
            "published": None,
            "published_inferred": "2025-01",
            "file_name": "",
            "claim_count": 2,
            "event_count": 2,
        },
        {
            "id": corpus.wire.pk,
            "title": "01.AI at a glance",
            "publisher": "Wire",
            "authors": [],
            "url": "https://example.com/01-ai",
            "language": "en",
            "published": "2024-11-10",
            "published_inferred": None,
            "file_name": "",
            "claim_count": 3,
            "event_count": 3,
        },
    ]
    assert api_client.get("/api/sources/?language=en").json()["results"][0]["title"] == (
        "01.AI at a glance"
    )


def test_a_source_shows_its_text_and_claims(api_client, corpus):
    body = api_client.get(f"/api/sources/{corpus.jiemian.pk}/").json()

    assert body["text"] == corpus.jiemian.text
    assert body["claims"] == [
        {
            "event": {"id": corpus.yi_large.pk, "headline": "01.AI releases Yi-Large"},
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
        },
        {
            "event": {
                "id": corpus.lab.pk,
                "headline": "Alibaba Cloud and 01.AI set up a joint lab",
            },
            "quote": "2025年伊始,公司宣佈與阿里雲成立產業大模型聯合實驗室",
            "char_start": 47,
            "char_end": 75,
            "date": {
                "text": "2025年伊始",
                "start": "2025-01-01",
                "end": "2025-01-31",
                "precision": "month",
                "qualifier": None,
                "edtf": "2025-01",
                "anchor": None,
            },
            "after_source": False,
        },
    ]


def test_claims_of_rejected_events_are_hidden_from_the_public(api_client, editor_client, corpus):
    corpus.yi_large.review = "rejected"
    corpus.yi_large.save()
    url = f"/api/sources/{corpus.jiemian.pk}/"

    assert [c["event"]["id"] for c in api_client.get(url).json()["claims"]] == [corpus.lab.pk]
    assert api_client.get(url).json()["claim_count"] == 1
    assert editor_client.get(url).json()["claim_count"] == 2
