"""Actors with their aliases; sources with what was drawn from each."""

import pytest

from tests.api.factories import make_actor

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
                "review": "curated",
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
                "review": "curated",
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


# Review states: discovered actors are listed for editors to review, rejected ones hidden


@pytest.fixture
def reviewed(corpus):
    """Alibaba rejected while still linked to the joint lab; a discovered actor besides."""
    corpus.alibaba.review = "rejected"
    corpus.alibaba.save()
    catl = make_actor("ning-de-shi-dai", "宁德时代", aliases=["宁德时代"])
    catl.review = "discovered"
    catl.save()
    return corpus


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [actor["slug"] for actor in response.json()["results"]]


def test_review_filters_the_actor_list(api_client, reviewed):
    assert slugs(api_client.get("/api/actors/?review=discovered")) == ["ning-de-shi-dai"]
    assert slugs(api_client.get("/api/actors/?review=curated")) == ["01-ai", "kai-fu-lee"]
    assert api_client.get("/api/actors/ning-de-shi-dai/").json()["review"] == "discovered"


def test_a_bad_review_is_400_naming_what_is_accepted(api_client, reviewed):
    response = api_client.get("/api/actors/?review=pending")

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["parameter"] == "review"
    assert error["accepted"] == "curated, discovered, rejected"
    assert error["code"] == "invalid"


def test_rejected_actors_are_hidden_from_the_public(api_client, reviewed):
    assert "alibaba" not in slugs(api_client.get("/api/actors/"))
    assert slugs(api_client.get("/api/actors/?review=rejected")) == []
    assert api_client.get("/api/actors/alibaba/").status_code == 404
    assert api_client.get("/api/actors/alibaba/events/").status_code == 404


def test_editors_list_rejected_actors_when_they_ask(editor_client, reviewed):
    assert "alibaba" not in slugs(editor_client.get("/api/actors/"))
    assert slugs(editor_client.get("/api/actors/?review=rejected")) == ["alibaba"]
    assert editor_client.get("/api/actors/alibaba/").json()["review"] == "rejected"
    assert editor_client.get("/api/actors/alibaba/events/").status_code == 200


def test_an_events_rejected_actor_is_shown_only_to_editors(api_client, editor_client, reviewed):
    url = f"/api/events/{reviewed.lab.pk}/"

    def event_actors(client):
        return [actor["slug"] for actor in client.get(url).json()["actors"]]

    def timeline_actors(client):
        buckets = client.get("/api/timeline/?type=partnership").json()["buckets"]
        return [event["actors"] for bucket in buckets for event in bucket["events"]]

    assert event_actors(api_client) == ["01-ai"]
    assert event_actors(editor_client) == ["01-ai", "alibaba"]
    assert timeline_actors(api_client) == [["01-ai"]]
    assert timeline_actors(editor_client) == [["01-ai", "alibaba"]]


def test_filtering_events_by_a_rejected_actor_is_for_editors(api_client, editor_client, reviewed):
    public = api_client.get("/api/events/?actor=alibaba")
    editors = editor_client.get("/api/events/?actor=alibaba")

    assert public.status_code == 400
    assert public.json()["errors"][0]["parameter"] == "actor"
    assert [event["id"] for event in editors.json()["results"]] == [reviewed.lab.pk]


def test_the_review_state_is_not_written_through_the_api(editor_client, reviewed):
    response = editor_client.patch(
        "/api/actors/ning-de-shi-dai/", {"review": "curated"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["review"] == "discovered"


def test_the_schema_documents_the_review_filter_and_field(api_client):
    schema = api_client.get("/api/schema/?format=json").json()

    parameters = schema["paths"]["/api/actors/"]["get"]["parameters"]
    review = next(parameter for parameter in parameters if parameter["name"] == "review")
    assert review["schema"]["enum"] == ["curated", "discovered", "rejected"]
    actor = schema["components"]["schemas"]["Actor"]
    assert actor["properties"]["review"]["readOnly"] is True
