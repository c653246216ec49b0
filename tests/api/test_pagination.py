"""Keyset cursors: complete, stable while events are added, reversible."""

from datetime import date

import pytest

from tests.api.factories import make_event
from tests.api.responses import headlines
from tests.api.test_events import DATED_IN_DATE_ORDER

pytestmark = pytest.mark.django_db


def walk(client, url: str, direction: str = "next") -> list[list[str]]:
    pages = []
    while url:
        response = client.get(url)
        pages.append(headlines(response))
        url = response.json()[direction]
    return pages


@pytest.mark.parametrize("ordering", ["date", "-date", "updated", "-updated"])
@pytest.mark.parametrize("page_size", [1, 2, 3, 7])
def test_following_next_visits_every_event_once(api_client, corpus, ordering, page_size):
    everything = headlines(api_client.get(f"/api/events/?ordering={ordering}"))

    pages = walk(api_client, f"/api/events/?ordering={ordering}&page_size={page_size}")

    assert [headline for page in pages for headline in page] == everything
    assert all(len(page) == page_size for page in pages[:-1])


def test_previous_walks_back_through_the_same_pages(api_client, corpus):
    forward = []
    url = "/api/events/?page_size=2"
    last = None
    while url:
        last = api_client.get(url).json()
        forward.append([event["headline"] for event in last["results"]])
        url = last["next"]

    backward = walk(api_client, last["previous"], direction="previous")

    assert backward == forward[-2::-1]
    assert forward == [
        DATED_IN_DATE_ORDER[0:2],
        DATED_IN_DATE_ORDER[2:4],
        DATED_IN_DATE_ORDER[4:6],
    ]


def test_a_page_stays_the_same_while_events_are_added_before_it(api_client, corpus):
    first = api_client.get("/api/events/?page_size=3").json()
    next_link = first["next"]
    second_before = headlines(api_client.get(next_link))

    make_event("An earlier event", start=date(2020, 1, 1))
    make_event("A narrower event", start=date(2024, 5, 1), end=date(2024, 5, 10), precision="xun")

    assert headlines(api_client.get(next_link)) == second_before


def test_events_with_equal_dates_are_ordered_by_id_across_pages(api_client, db):
    same = [make_event(f"event {n}", start=date(2024, 5, 1)) for n in range(5)]

    pages = walk(api_client, "/api/events/?page_size=2")

    assert pages == [["event 0", "event 1"], ["event 2", "event 3"], ["event 4"]]
    assert [event.pk for event in same] == sorted(event.pk for event in same)


def test_links_keep_the_filters_and_a_link_header_repeats_them(api_client, corpus):
    response = api_client.get("/api/events/?actor=01-ai&page_size=2")
    next_link = response.json()["next"]

    assert "actor=01-ai" in next_link and "page_size=2" in next_link
    assert response["Link"] == f'<{next_link}>; rel="next"'
    assert headlines(api_client.get(next_link)) == [
        "01.AI reorganizes its pre-training team",
        "01.AI releases Yi-Lightning",
    ]


def test_page_size_defaults_to_50_and_allows_500(api_client, db):
    for n in range(51):
        make_event(f"event {n:02d}", start=date(2024, 1, 1))

    assert len(headlines(api_client.get("/api/events/"))) == 50
    assert len(headlines(api_client.get("/api/events/?page_size=500"))) == 51
