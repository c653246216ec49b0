"""A CSV export of tens of thousands of events holds every one of them, once, in order.

Events share dates by the hundred, so keyset batches end in the middle of a run of equal
dates: the export must continue exactly after the last row it wrote.
"""

import csv
import hashlib
import io
from datetime import date, timedelta

import pytest

from timeline.models import Actor, Claim, Event, EventActor, Source

pytestmark = pytest.mark.django_db

EVENTS = 20_000
QUOTE = "It happened."


@pytest.fixture
def many_events(db) -> list[int]:
    """20,000 dated events on 50 days and 30 undated ones; every tenth has an actor and a
    claim. Returns the dated events' ids in date order."""
    actor = Actor.objects.create(slug="busy", name="Busy", kind="company")
    quoted = EVENTS // 10
    source = Source.objects.create(
        title="Long",
        language="en",
        text=(QUOTE + " ") * quoted,
        content_hash=hashlib.sha256(b"long").hexdigest(),
    )
    first = date(2024, 1, 1)
    events = Event.objects.bulk_create(
        [
            Event(
                headline=f"Event {n}",
                type="other",
                date_start=first + timedelta(days=n % 50),
                date_end=first + timedelta(days=n % 50),
                date_precision="day",
                status="consistent",
            )
            for n in range(EVENTS)
        ]
        + [Event(headline=f"Undated {n}", type="other") for n in range(30)],
        batch_size=2000,
    )
    step = len(QUOTE) + 1
    EventActor.objects.bulk_create(
        EventActor(event=event, actor=actor) for event in events[:EVENTS:10]
    )
    Claim.objects.bulk_create(
        Claim(
            event=event,
            source=source,
            quote=QUOTE,
            char_start=n * step,
            char_end=n * step + len(QUOTE),
        )
        for n, event in enumerate(events[:EVENTS:10])
    )
    dated = sorted(events[:EVENTS], key=lambda event: (event.date_start, event.date_end, event.pk))
    return [event.pk for event in dated]


def test_a_large_export_holds_every_row_once_in_order(api_client, many_events):
    response = api_client.get("/api/events/?format=csv")
    header, *rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert response.status_code == 200
    assert [int(row[0]) for row in rows] == many_events
    cells = [dict(zip(header, row, strict=True)) for row in rows]
    assert sum(cell["actors"] == "busy" for cell in cells) == EVENTS // 10
    assert sum(cell["best_quote"] == QUOTE for cell in cells) == EVENTS // 10
    assert {cell["undated_left_out"] for cell in cells} == {"30"}
