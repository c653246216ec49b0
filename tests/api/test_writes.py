"""Writes: model permissions, session and token authentication, edits marked for reloads."""

import pytest
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.api.responses import headlines
from timeline.models import Actor, Event

pytestmark = pytest.mark.django_db

NEW_EVENT = {
    "headline": "01.AI opens an office",
    "type": "strategy",
    "summary": "",
    "date": {"start": "2024-07-01", "end": "2024-07-31", "precision": "month", "edtf": "2024-07"},
    "actors": [{"slug": "01-ai", "role": "company"}],
}


def test_anonymous_writes_are_401(api_client, corpus):
    event = f"/api/events/{corpus.yi_large.pk}/"
    assert api_client.post("/api/events/", NEW_EVENT, format="json").status_code == 401
    assert api_client.patch(event, {"headline": "x"}, format="json").status_code == 401
    assert api_client.delete(event).status_code == 401
    assert (
        api_client.post("/api/actors/", {"slug": "x", "name": "X", "kind": "lab"}).status_code
        == 401
    )
    response = api_client.delete("/api/actors/01-ai/")
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "not_authenticated"


def test_writes_without_the_permission_are_403(reader_client, corpus):
    response = reader_client.post("/api/events/", NEW_EVENT, format="json")

    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "permission_denied"
    assert reader_client.delete(f"/api/events/{corpus.yi_large.pk}/").status_code == 403
    assert reader_client.patch("/api/actors/01-ai/", {"name": "x"}).status_code == 403


def test_sources_are_only_added(corpus):
    """Sources are evidence: an article is sent to be loaded, never edited or deleted here."""
    client = APIClient()
    client.force_authenticate(User.objects.create_superuser("admin"))

    assert client.delete(f"/api/sources/{corpus.wire.pk}/").status_code == 405
    assert client.patch(f"/api/sources/{corpus.wire.pk}/", {}).status_code == 405
    response = client.post("/api/sources/", {})
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "text"


def test_an_editor_creates_an_event(editor_client, corpus):
    response = editor_client.post("/api/events/", NEW_EVENT, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"].endswith(f"/api/events/{body['id']}/")
    assert body["date"] == {
        "start": "2024-07-01",
        "end": "2024-07-31",
        "precision": "month",
        "qualifier": None,
        "edtf": "2024-07",
        "display": body["date"]["display"],
    }
    assert body["date"]["display"]
    assert body["actors"] == [
        {"slug": "01-ai", "name": "01.AI", "kind": "company", "role": "company"}
    ]
    assert Event.objects.get(pk=body["id"]).edited is True


def test_token_authentication_writes(editor, corpus):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")

    assert client.post("/api/events/", NEW_EVENT, format="json").status_code == 201


def test_session_authentication_writes(editor, corpus):
    client = APIClient()
    client.force_login(editor)

    assert client.post("/api/events/", NEW_EVENT, format="json").status_code == 201


@pytest.mark.parametrize(
    "change",
    [
        {"headline": "01.AI launches Yi-Large"},
        {"date": {"start": "2024-05-13", "end": "2024-05-13", "precision": "day"}},
    ],
)
def test_patching_the_date_or_headline_marks_the_event_edited(editor_client, corpus, change):
    assert corpus.yi_large.edited is False

    response = editor_client.patch(f"/api/events/{corpus.yi_large.pk}/", change, format="json")

    assert response.status_code == 200, response.content
    corpus.yi_large.refresh_from_db()
    assert corpus.yi_large.edited is True
    if "date" in change:
        assert response.json()["date"]["start"] == "2024-05-13"
        assert corpus.yi_large.date_precision == "day"
    else:
        assert corpus.yi_large.headline == "01.AI launches Yi-Large"


def test_patching_the_summary_leaves_the_event_unedited(editor_client, corpus):
    response = editor_client.patch(
        f"/api/events/{corpus.yi_large.pk}/", {"summary": "Shorter."}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["summary"] == "Shorter."
    corpus.yi_large.refresh_from_db()
    assert corpus.yi_large.edited is False


def test_rejecting_an_event_hides_it_from_the_public(editor_client, api_client, corpus):
    url = f"/api/events/{corpus.yi_large.pk}/"

    response = editor_client.patch(url, {"review": "rejected"}, format="json")

    assert response.json()["review"] == "rejected"
    assert api_client.get(url).status_code == 404


def test_an_editor_deletes_an_event(editor_client, corpus):
    response = editor_client.delete(f"/api/events/{corpus.yi_large.pk}/")

    assert response.status_code == 204
    assert not Event.objects.filter(pk=corpus.yi_large.pk).exists()


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({**NEW_EVENT, "type": "launch"}, "type"),
        ({**NEW_EVENT, "headline": ""}, "headline"),
        ({k: v for k, v in NEW_EVENT.items() if k != "headline"}, "headline"),
        (
            {
                **NEW_EVENT,
                "date": {"start": "2024-07-31", "end": "2024-07-01", "precision": "month"},
            },
            "date.end",
        ),
        (
            {
                **NEW_EVENT,
                "date": {"start": "2024-07-01", "end": "2024-07-31", "precision": "fortnight"},
            },
            "date.precision",
        ),
        (
            {**NEW_EVENT, "date": {"start": "July", "end": "2024-07-31", "precision": "month"}},
            "date.start",
        ),
        ({**NEW_EVENT, "actors": [{"slug": "nobody", "role": ""}]}, "actors.0.slug"),
    ],
)
def test_invalid_bodies_are_400_naming_the_field(editor_client, corpus, body, parameter):
    response = editor_client.post("/api/events/", body, format="json")

    assert response.status_code == 400
    assert [error["parameter"] for error in response.json()["errors"]] == [parameter]


def test_a_malformed_body_is_400(editor_client, corpus):
    response = editor_client.post("/api/events/", b"{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "parse_error"


def test_an_editor_creates_and_edits_an_actor(editor_client, api_client, corpus):
    created = editor_client.post(
        "/api/actors/",
        {
            "slug": "moonshot-ai",
            "name": "Moonshot AI",
            "kind": "company",
            "aliases": [{"alias": "月之暗面", "language": "zh-Hans"}],
        },
        format="json",
    )
    assert created.status_code == 201, created.content

    patched = editor_client.patch(
        "/api/actors/moonshot-ai/",
        {"aliases": [{"alias": "月之暗面"}, {"alias": "Kimi"}]},
        format="json",
    )

    assert patched.status_code == 200
    assert api_client.get("/api/actors/moonshot-ai/").json() == {
        "slug": "moonshot-ai",
        "name": "Moonshot AI",
        "kind": "company",
        "description": "",
        "review": "curated",
        "aliases": [{"alias": "Kimi", "language": ""}, {"alias": "月之暗面", "language": ""}],
    }


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({"slug": "01-ai", "name": "Again", "kind": "company"}, "slug"),
        ({"slug": "x", "name": "X", "kind": "planet"}, "kind"),
        (
            {
                "slug": "x",
                "name": "X",
                "kind": "lab",
                "aliases": [{"alias": "零一萬物"}, {"alias": "零一万物"}],
            },
            "aliases",
        ),
        (
            {"slug": "x", "name": "X", "kind": "lab", "aliases": [{"alias": "   "}]},
            "aliases.0.alias",
        ),
    ],
)
def test_invalid_actors_are_400(editor_client, corpus, body, parameter):
    response = editor_client.post("/api/actors/", body, format="json")

    assert response.status_code == 400, response.content
    assert [error["parameter"] for error in response.json()["errors"]] == [parameter]
    assert not Actor.objects.filter(slug="x").exists()


def test_an_editor_deletes_an_actor(editor_client, corpus):
    assert editor_client.delete("/api/actors/alibaba/").status_code == 204
    assert not Actor.objects.filter(slug="alibaba").exists()


def test_renaming_an_actor_is_found_by_q_at_once(editor_client, api_client, corpus):
    response = editor_client.patch(
        "/api/actors/alibaba/",
        {"name": "Alibaba Group", "aliases": [{"alias": "阿里集團", "language": "zh-Hant"}]},
        format="json",
    )

    assert response.status_code == 200, response.content
    assert response.json()["aliases"] == [{"alias": "阿里集團", "language": "zh-Hant"}]
    lab = "Alibaba Cloud and 01.AI set up a joint lab"
    assert headlines(api_client.get("/api/events/?q=Alibaba Group")) == [lab]
    assert headlines(api_client.get("/api/events/?q=阿里集团")) == [lab]
    assert headlines(api_client.get("/api/events/?q=阿里巴巴")) == []
    changed = api_client.get("/api/events/?ordering=-updated&page_size=1").json()["results"]
    assert [event["headline"] for event in changed] == [lab]
    assert changed[0]["actors"][1]["name"] == "Alibaba Group"


def test_deleting_an_actor_drops_it_from_the_search(editor_client, api_client, corpus):
    assert headlines(api_client.get("/api/events/?q=李开复")) == [
        "01.AI is founded",
        "Kai-Fu Lee promises continued investment",
    ]

    assert editor_client.delete("/api/actors/kai-fu-lee/").status_code == 204

    assert headlines(api_client.get("/api/events/?q=李开复")) == []
    founding = api_client.get(f"/api/events/{corpus.founding.pk}/").json()
    assert [actor["slug"] for actor in founding["actors"]] == ["01-ai"]


# Editors' dates, actors and aliases are validated and normalised.


def dated(start: str, end: str, precision: str, **more) -> dict:
    return {**NEW_EVENT, "date": {"start": start, "end": end, "precision": precision, **more}}


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        (dated("2024-07-01", "2024-07-30", "month"), "date.precision"),
        (dated("2024-07-02", "2024-07-31", "month"), "date.precision"),
        (dated("2024-07-01", "2024-09-30", "year"), "date.precision"),
        (dated("2024-07-01", "2024-07-01", "week"), "date.precision"),
        (dated("2024-07-01", "2024-07-31", "month", edtf="garbage"), "date.edtf"),
        (dated("2024-07-01", "2024-07-31", "month", edtf="2024-08"), "date.edtf"),
        (
            {**NEW_EVENT, "actors": [{"slug": "01-ai", "role": "a"}, {"slug": "01-ai"}]},
            "actors",
        ),
    ],
)
def test_dates_that_do_not_fit_and_repeated_actors_are_400(editor_client, corpus, body, parameter):
    response = editor_client.post("/api/events/", body, format="json")

    assert response.status_code == 400, response.content
    assert [error["parameter"] for error in response.json()["errors"]] == [parameter]


@pytest.mark.parametrize(
    ("date", "edtf"),
    [
        ({"start": "2024-07-01", "end": "2024-07-31", "precision": "month"}, "2024-07"),
        ({"start": "2024-07-01", "end": "2024-09-30", "precision": "quarter"}, "2024-35"),
        ({"start": "2024-01-01", "end": "2024-12-31", "precision": "year"}, "2024"),
        (
            {"start": "2024-07-01", "end": "2024-07-31", "precision": "month", "edtf": ""},
            "2024-07",
        ),
        (
            {"start": "2024-05-13", "end": "2024-06-02", "precision": "interval"},
            "2024-05-13/2024-06-02",
        ),
    ],
)
def test_a_patch_without_edtf_gets_it_computed(editor_client, corpus, date, edtf):
    response = editor_client.patch(
        f"/api/events/{corpus.yi_large.pk}/", {"date": date}, format="json"
    )

    assert response.status_code == 200, response.content
    assert response.json()["date"]["edtf"] == edtf
    corpus.yi_large.refresh_from_db()
    assert corpus.yi_large.date_edtf == edtf


def test_a_patch_naming_an_actor_twice_changes_nothing(editor_client, corpus):
    before = sorted(corpus.yi_large.event_actors.values_list("actor_id", "role"))
    response = editor_client.patch(
        f"/api/events/{corpus.yi_large.pk}/",
        {"actors": [{"slug": "01-ai", "role": "developer"}, {"slug": "01-ai", "role": ""}]},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "actors"
    assert sorted(corpus.yi_large.event_actors.values_list("actor_id", "role")) == before


@pytest.mark.parametrize("alias", ["\u200b", " \u200b\u3000", "\ufeff\u200d", "\u2060\u00a0"])
def test_an_alias_of_invisible_characters_is_400(editor_client, corpus, alias):
    response = editor_client.post(
        "/api/actors/",
        {"slug": "x", "name": "X", "kind": "lab", "aliases": [{"alias": alias}]},
        format="json",
    )

    assert response.status_code == 400, response.content
    assert [error["parameter"] for error in response.json()["errors"]] == ["aliases.0.alias"]
    assert not Actor.objects.filter(slug="x").exists()


@pytest.mark.parametrize("export", ["csv", "timelinejs"])
def test_a_write_asked_for_an_export_format_is_400_naming_format(editor_client, corpus, export):
    url = f"/api/events/{corpus.founding.pk}/"

    refused = editor_client.patch(f"{url}?format={export}", {"summary": "x"}, format="json")
    answered = editor_client.patch(f"{url}?format=json", {"summary": "y"}, format="json")

    assert refused.status_code == 400
    (error,) = refused.json()["errors"]
    assert (error["parameter"], error["accepted"]) == ("format", "json, api")
    assert answered.status_code == 200 and answered.json()["summary"] == "y"
    corpus.founding.refresh_from_db()
    assert corpus.founding.summary == "y"


def test_an_undated_event_is_read_edited_and_deleted_by_its_id(editor_client, api_client, corpus):
    created = editor_client.post(
        "/api/events/", {"headline": "Needs a date", "type": "other"}, format="json"
    )
    url = f"/api/events/{created.json()['id']}/"

    read = api_client.get(url)
    dated = editor_client.patch(
        url,
        {"date": {"start": "2024-05-01", "end": "2024-05-31", "precision": "month"}},
        format="json",
    )
    deleted = editor_client.delete(url)

    assert created.status_code == 201 and created.json()["date"]["start"] is None
    assert read.status_code == 200 and read.json()["headline"] == "Needs a date"
    assert dated.status_code == 200 and dated.json()["date"]["start"] == "2024-05-01"
    assert deleted.status_code == 204
    assert not Event.objects.filter(headline="Needs a date").exists()
