"""The fast page builders say exactly what the serializers describe, field for field.

On the demo timeline, with one event rejected and one still-linked actor rejected (so that
what anonymous users and editors see differs), every event list, the timeline, the actor
timeline and each export format is compared with the same events put through
`EventSerializer` / `CompactEventSerializer` over model instances.
"""

import csv
import io
import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db.models import Prefetch
from rest_framework.utils.encoders import JSONEncoder

from api.renderers import EventCSVRenderer, timelinejs_event
from api.serializers import CompactEventSerializer, EventSerializer
from api.views import visible_events, visible_links, with_related
from timeline import curation
from timeline.models import Actor, ActorReview, Event, EventActor

pytestmark = pytest.mark.django_db

EVENT_LISTS = [
    "/api/events/?page_size=500",
    "/api/events/?page_size=7",
    "/api/events/?page_size=500&ordering=-date",
    "/api/events/?page_size=500&ordering=-updated",
    "/api/events/?page_size=500&dated=false",
    "/api/events/?page_size=500&type=funding&type=model_release",
    "/api/events/?page_size=500&after=2024-05&before=2025-01",
    "/api/events/?page_size=500&after=2024&strict=true",
    "/api/events/?page_size=500&actor=01-ai",
    "/api/events/?page_size=500&min_precision=month&status=consistent",
    "/api/events/?page_size=500&q=01.AI",
    "/api/events/?page_size=500&source={source}",
    "/api/actors/01-ai/events/?page_size=500",
    "/api/actors/01-ai/events/?page_size=500&after=2024",
]
TIMELINES = [
    "/api/timeline/?page_size=500",
    "/api/timeline/?page_size=5&group=year&ordering=-date",
    "/api/timeline/?page_size=500&group=quarter&actor=01-ai",
]


@pytest.fixture
def demo(db):
    call_command("loaddata", "actors", "demo_timeline", verbosity=0)
    # What only editors see: a rejected event, and a rejected actor an event still names.
    rejected = Event.objects.order_by("id").first()
    curation.set_review(events=[rejected], review="rejected")
    linked = (
        EventActor.objects.filter(event__date_start__isnull=False)
        .exclude(event=rejected)
        .order_by("-id")
        .values_list("actor_id", flat=True)
        .first()
    )
    Actor.objects.filter(pk=linked).update(review=ActorReview.REJECTED)
    # A source to filter by.
    return Event.objects.filter(claims__isnull=False).values_list("claims__source", flat=True)[0]


@pytest.fixture(params=["anonymous", "editor"])
def reader(request, demo, api_client, editor):
    if request.param == "editor":
        api_client.force_authenticate(editor)
        return api_client, editor
    return api_client, AnonymousUser()


def serialized(ids: list[int], user) -> list[dict]:
    """The events with these ids, in this order, the general way: model instances."""
    events = {
        event.pk: event for event in with_related(visible_events(user), user).filter(pk__in=ids)
    }
    return [EventSerializer(events[pk]).data for pk in ids]


def compact_serialized(ids: list[int], user) -> list[dict]:
    events = {
        event.pk: event
        for event in visible_events(user)
        .prefetch_related(Prefetch("event_actors", queryset=visible_links(user)))
        .filter(pk__in=ids)
    }
    return [CompactEventSerializer(events[pk]).data for pk in ids]


def plain(data) -> object:
    """Serializer output (ordered dicts, lazy strings) as the JSON a client reads."""
    return json.loads(json.dumps(data, cls=JSONEncoder))


@pytest.mark.parametrize("url", EVENT_LISTS)
def test_event_lists_are_what_the_serializer_says(reader, demo, url):
    client, user = reader
    results = client.get(url.format(source=demo)).json()["results"]

    assert results, "each list holds events on the demo"
    assert results == plain(serialized([event["id"] for event in results], user))


@pytest.mark.parametrize("url", TIMELINES)
def test_timelines_are_what_the_serializer_says(reader, url):
    client, user = reader
    buckets = client.get(url).json()["buckets"]
    events = [event for bucket in buckets for event in bucket["events"]]

    assert events
    assert events == plain(compact_serialized([event["id"] for event in events], user))


def test_the_rejected_actor_is_shown_to_editors_only(demo, api_client, editor):
    rejected = Actor.objects.get(review=ActorReview.REJECTED).slug

    def slugs(client) -> set[str]:
        results = client.get("/api/events/?page_size=500").json()["results"]
        timeline = client.get("/api/timeline/?page_size=500").json()["buckets"]
        return {actor["slug"] for event in results for actor in event["actors"]} | {
            slug for bucket in timeline for event in bucket["events"] for slug in event["actors"]
        }

    assert rejected not in slugs(api_client)
    api_client.force_authenticate(editor)
    assert rejected in slugs(api_client)


@pytest.mark.parametrize(
    "url",
    [
        "/api/events/?format=csv",
        "/api/events/?format=csv&dated=false",
        "/api/events/?format=csv&type=model_release&type=statement&after=2024",
        "/api/actors/01-ai/events/?format=csv",
    ],
)
def test_csv_rows_are_what_the_serializer_says(reader, url):
    client, user = reader
    response = client.get(url)
    header, *rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert rows
    ids = [int(row[0]) for row in rows]
    undated = rows[0][-1]
    expected = EventCSVRenderer().stream(serialized(ids, user), undated_left_out=undated)
    assert [header, *rows] == list(csv.reader(io.StringIO("".join(expected))))


def test_timelinejs_events_are_what_the_serializer_says(reader):
    client, user = reader
    listed = client.get("/api/events/?page_size=500&actor=01-ai").json()["results"]
    document = client.get("/api/events/?page_size=500&actor=01-ai&format=timelinejs").json()

    expected = [timelinejs_event(event) for event in serialized([e["id"] for e in listed], user)]
    assert document["events"] == plain([event for event in expected if event is not None])
