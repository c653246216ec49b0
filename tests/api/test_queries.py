"""A constant number of SQL queries per request, whatever the page size."""

from datetime import date, timedelta

import pytest
from django.db import connection

from api.pagination import EventPagination
from tests.api.factories import make_actor, make_claim, make_event, make_source

pytestmark = pytest.mark.django_db

# A page's actor links and its claims are two statements. PostgreSQL receives them in one
# message, one round trip (`timeline.event_queries.run`), which Django counts as one query;
# SQLite runs them one after the other.
LINKS_AND_CLAIMS = 1 if connection.vendor == "postgresql" else 2


@pytest.fixture
def many_events(db):
    text = " ".join(f"Sentence {n}." for n in range(120))
    source = make_source(title="Many", text=text)
    actors = [make_actor(f"actor-{n}", f"Actor {n}") for n in range(3)]
    events = []
    for n in range(120):
        day = date(2024, 1, 1) + timedelta(days=n)
        event = make_event(f"Event {n}", start=day, actors=[(actors[n % 3], "r"), (actors[0], "")])
        make_claim(event, source, f"Sentence {n}.", start=day)
        events.append(event)
    make_event("Undated 1")
    make_event("Undated 2")
    return events


@pytest.mark.parametrize("page_size", [5, 100])
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # Every read first asks for the data version (api/caching.py), then:
        # the page, its actors, its claims with their sources, the undated events left out
        ("/api/events/?page_size={n}", 3 + LINKS_AND_CLAIMS),
        ("/api/events/?page_size={n}&type=other&after=2024&q=event", 3 + LINKS_AND_CLAIMS),
        # and the actor slugs checked
        ("/api/events/?page_size={n}&actor=actor-1&actor=actor-2", 4 + LINKS_AND_CLAIMS),
        # the actor, then the same four
        ("/api/actors/actor-1/events/?page_size={n}", 4 + LINKS_AND_CLAIMS),
        ("/api/events/?page_size={n}&format=timelinejs", 5),
        # nothing left out to count
        ("/api/events/?page_size={n}&dated=false", 2 + LINKS_AND_CLAIMS),
        ("/api/events/?page_size={n}&ordering=-updated", 2 + LINKS_AND_CLAIMS),
        # the page of events and their actors, the undated events left out
        ("/api/timeline/?page_size={n}&group=month", 4),
        ("/api/timeline/?page_size={n}&group=year&ordering=-date", 4),
        # actors and their aliases
        ("/api/actors/?page_size={n}", 3),
        # sources, counts included
        ("/api/sources/?page_size={n}", 2),
    ],
)
def test_reads_run_a_fixed_number_of_queries(
    api_client, many_events, django_assert_num_queries, url, queries, page_size
):
    with django_assert_num_queries(queries):
        response = api_client.get(url.format(n=page_size))
    assert response.status_code == 200


def test_a_cursor_page_costs_the_same(api_client, many_events, django_assert_num_queries):
    next_link = api_client.get("/api/events/?page_size=50").json()["next"]

    # The data version and three of a first page: the undated events left out were
    # counted with the first page, for this data version.
    with django_assert_num_queries(2 + LINKS_AND_CLAIMS):
        api_client.get(next_link)


def test_a_write_recounts_the_undated_events(api_client, many_events):
    assert api_client.get("/api/events/?page_size=5").json()["undated"] == 2
    assert api_client.get("/api/events/?page_size=5&type=other").json()["undated"] == 2

    make_event("Undated 3")

    assert api_client.get("/api/events/?page_size=5").json()["undated"] == 3
    assert api_client.get("/api/events/?page_size=5&type=other").json()["undated"] == 3


def test_a_page_of_events_that_need_a_date_costs_the_same(
    api_client, many_events, django_assert_num_queries
):
    next_link = api_client.get("/api/events/?dated=false&page_size=1").json()["next"]

    # The data version, one index range (the rows whose date is NULL) and its prefetches;
    # nothing left out.
    with django_assert_num_queries(2 + LINKS_AND_CLAIMS):
        response = api_client.get(next_link)
    assert [event["headline"] for event in response.json()["results"]] == ["Undated 2"]


@pytest.mark.parametrize("url", ["/api/events/{pk}/", "/api/sources/{source}/"])
def test_details_run_a_fixed_number_of_queries(
    api_client, many_events, django_assert_num_queries, url
):
    source = many_events[0].claims.get().source_id
    # The data version, then the object and its related rows.
    with django_assert_num_queries(4 if "events" in url else 3):
        response = api_client.get(url.format(pk=many_events[0].pk, source=source))
    assert response.status_code == 200


def test_csv_reads_in_batches(api_client, many_events, django_assert_num_queries, monkeypatch):
    monkeypatch.setattr(EventPagination, "export_batch_size", 50)

    # The data version; the 2 undated events left out counted, then the 120 dated ones
    # read through one cursor, 50 at a time: three batches, each with one query for its
    # actor links and one for its claims. PostgreSQL, which writes the lines itself, reads
    # them in a transaction of their own (a savepoint here, and its release) and first sets
    # how its statements are planned.
    with django_assert_num_queries(12 if connection.vendor == "postgresql" else 9):
        response = api_client.get("/api/events/?format=csv")
        lines = b"".join(response.streaming_content).decode().splitlines()

    assert len(lines) == 1 + 120
    assert {line.rsplit(",", 1)[1] for line in lines[1:]} == {"2"}
