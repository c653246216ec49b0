"""ETags on reads from the data version, 304 for a client that already has the body, and
the cache of rendered responses, which no write can leave stale."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from timeline.models import Actor, ActorAlias, Event, EventActor, Source
from timeline.versions import data_version

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/events/",
        "/api/events/?format=timelinejs",
        "/api/timeline/?group=year",
        "/api/actors/",
        "/api/actors/01-ai/",
        "/api/sources/",
    ],
)
def test_a_matching_if_none_match_is_304(api_client, corpus, url):
    first = api_client.get(url)
    etag = first["ETag"]

    again = api_client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_detail_sends_etag_and_last_modified(api_client, corpus):
    response = api_client.get(f"/api/events/{corpus.yi_large.pk}/")

    assert response["Last-Modified"] == "Sun, 22 Nov 2026 10:00:00 GMT"
    assert (
        api_client.get(
            f"/api/events/{corpus.yi_large.pk}/", HTTP_IF_NONE_MATCH=response["ETag"]
        ).status_code
        == 304
    )


def test_a_change_changes_the_etag(api_client, corpus):
    before = api_client.get("/api/events/")["ETag"]

    corpus.wire.title = "Renamed"
    corpus.wire.save()

    response = api_client.get("/api/events/", HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200
    assert response["ETag"] != before


def test_formats_and_filters_have_their_own_etags(api_client, corpus):
    etags = {
        api_client.get(url)["ETag"]
        for url in ["/api/events/", "/api/events/?format=timelinejs", "/api/events/?type=rumor"]
    }
    assert len(etags) == 3


# The data version: one small query answers a client's copy, and a cached rendering.


def test_a_304_costs_one_query(api_client, corpus, django_assert_num_queries):
    etag = api_client.get("/api/events/?actor=01-ai")["ETag"]

    with django_assert_num_queries(1):
        response = api_client.get("/api/events/?actor=01-ai", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304


def test_a_repeated_read_is_answered_from_the_cache(api_client, corpus, django_assert_num_queries):
    first = api_client.get("/api/timeline/?group=year")

    with django_assert_num_queries(1):
        again = api_client.get("/api/timeline/?group=year")

    assert again.status_code == 200
    assert again.content == first.content
    for header in ("Content-Type", "ETag", "Link", "Last-Modified"):
        assert again.get(header) == first.get(header), header


def test_with_no_cache_time_every_read_is_built(api_client, corpus, settings):
    settings.API_RESPONSE_CACHE_SECONDS = 0
    first = api_client.get("/api/events/")

    with CaptureQueriesContext(connection) as queries:
        again = api_client.get("/api/events/")

    assert len(queries) > 1
    assert again.content == first.content


def rename_source_in_sql(corpus):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Source._meta.db_table} SET title = %s WHERE id = %s",
            ["Renamed", corpus.wire.pk],
        )


# Writes made without the models' save(), which no signal would report.
WRITES = {
    "event updated in bulk": (
        "/api/events/",
        lambda corpus: Event.objects.filter(pk=corpus.yi_large.pk).update(headline="Renamed"),
    ),
    "claims deleted": ("/api/events/", lambda corpus: corpus.yi_large.claims.all().delete()),
    "actor renamed in bulk": (
        "/api/events/",
        lambda corpus: Actor.objects.filter(pk=corpus.zero_one.pk).update(name="Zero One"),
    ),
    "actor links deleted": (
        "/api/events/",
        lambda corpus: EventActor.objects.filter(event=corpus.yi_large).delete(),
    ),
    "alias added": (
        "/api/actors/alibaba/",
        lambda corpus: ActorAlias.objects.bulk_create(
            [ActorAlias(actor=corpus.alibaba, alias="Ali Group", normalized="ali group")]
        ),
    ),
    "source renamed in SQL": ("/api/events/", rename_source_in_sql),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_every_write_shows_at_once(api_client, corpus, write):
    url, change = WRITES[write]
    first = api_client.get(url)

    change(corpus)
    again = api_client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert again.content != first.content


def test_a_write_rolled_back_leaves_the_version(corpus):
    before = data_version()

    with pytest.raises(RuntimeError), transaction.atomic():
        Event.objects.filter(pk=corpus.yi_large.pk).update(headline="Renamed")
        assert data_version() != before
        raise RuntimeError("rolled back")

    assert data_version() == before


def test_what_an_editor_sees_is_never_served_to_others(api_client, editor_client, corpus):
    def ids(client) -> set[int]:
        return {
            event["id"] for event in client.get("/api/events/?ordering=updated").json()["results"]
        }

    assert corpus.rejected.pk in ids(editor_client)
    assert corpus.rejected.pk not in ids(api_client)


def test_public_reads_may_be_kept_then_revalidated(api_client, corpus, settings):
    settings.API_MAX_AGE = 60

    response = api_client.get("/api/events/")

    assert response["Cache-Control"] == "public, max-age=60, must-revalidate"
    assert {"Accept", "Authorization", "Cookie"} <= {
        name.strip() for name in response["Vary"].split(",")
    }


def test_a_signed_in_users_reads_are_private(editor_client, corpus):
    assert editor_client.get("/api/events/")["Cache-Control"] == "private, no-cache"


def test_an_export_is_tagged_and_streamed_afresh(api_client, corpus):
    first = api_client.get("/api/events/?format=csv")
    body = b"".join(first.streaming_content)

    again = api_client.get("/api/events/?format=csv")

    assert again.streaming
    assert b"".join(again.streaming_content) == body
    assert (
        api_client.get("/api/events/?format=csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code
        == 304
    )
