"""ETags on reads, and 304 for a client that already has the body."""

import pytest

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
