"""The CSV export is byte for byte what the serializers' events written by the CSV renderer
give, on values that test the writing: cells a spreadsheet would run as formulas, commas,
quotes and line breaks, undated and retired claims, inferred and coarse publication dates,
years before 1000, instants with and without microseconds in several time zones.

On PostgreSQL the export is written by the database (`timeline.csv_export`); on SQLite by
Python (`timeline.selectors.export_rows`); both are held to the same bytes here.
"""

import csv
import io
import threading
from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.backends.signals import connection_created
from django.utils import timezone

from api.pagination import EventPagination
from api.renderers import EventCSVRenderer
from api.serializers import EventSerializer
from api.views import visible_events, with_related
from tests.api.factories import make_actor, make_claim, make_event, make_source
from timeline.models import Actor, ActorReview, Claim, Event

pytestmark = pytest.mark.django_db

TEXT = (
    'He said "yes", then no.\nSecond line\r\nthird. =SUM(A1) was typed. '
    "-5 degrees, they said. Quiet words. Quiet words. @here it is. A plain quote."
)


@pytest.fixture
def awkward(db) -> None:
    formula = make_source(
        title='=HYPERLINK("http://x")',
        text=TEXT,
        publisher="@wire, desk",
        published=date(2024, 5, 17),
        published_precision="month",
        published_inferred=True,
    )
    old = make_source(
        title="Annals",
        text=TEXT + " (annals)",
        publisher="+Press",
        published=date(999, 3, 4),
        published_precision="year",
    )
    undated = make_source(title='Undated, "quoted"', text=TEXT + " (undated)", publisher="")
    lab = make_actor("lab", "Lab")
    person = make_actor("-person", "Person", "person")
    hidden = make_actor("hidden", "Hidden")
    Actor.objects.filter(pk=hidden.pk).update(review=ActorReview.REJECTED)

    first = make_event(
        '=1+1, "a formula"',
        start=date(2024, 5, 1),
        end=date(2024, 5, 31),
        precision="month",
        edtf="2024-05",
        display="-May 2024",
        summary='Line one\nline two, with "quotes"\rand a return.',
        actors=[(lab, "developer, lead"), (person, ""), (hidden, "ghost")],
    )
    # Ranked: the retired day claim not at all, the after-source day claim last, then the
    # month claim before the wider undated-source one.
    make_claim(first, formula, "A plain quote.", start=date(2024, 5, 2), after_source=True)
    make_claim(
        first,
        undated,
        "Quiet words.",
        start=date(2024, 1, 1),
        end=date(2024, 12, 31),
        precision="year",
    )
    make_claim(
        first,
        old,
        'He said "yes", then no.\nSecond line',
        start=date(2024, 5, 1),
        end=date(2024, 5, 31),
        precision="month",
    )
    retired = make_claim(first, old, "=SUM(A1)", start=date(2024, 5, 3))
    Claim.all_objects.filter(pk=retired.pk).update(retired_at=timezone.now())

    second = make_event(
        "\tTabbed headline",
        start=date(999, 5, 1),
        summary="@mention",
        actors=[(hidden, "")],
    )
    make_claim(second, formula, "-5 degrees, they said.")
    make_claim(second, undated, "@here it is.", start=date(999, 5, 1), precision="day")

    third = make_event("+plus\r\nnewline", start=date(2025, 1, 1), review="curated")
    make_claim(third, old, "third.")
    make_claim(third, formula, "Quiet words.")

    Event.objects.filter(pk=first.pk).update(
        updated_at=datetime(2025, 3, 1, 12, 30, 5, 123456, tzinfo=UTC)
    )
    Event.objects.filter(pk=second.pk).update(updated_at=datetime(2025, 7, 1, 23, 59, tzinfo=UTC))
    make_event("Undated, left out")


def expected_csv(user, *, reverse: bool) -> bytes:
    """The dated events this user sees, in date order (or its exact reverse), through
    `EventSerializer` and the renderer's general path."""
    events = with_related(visible_events(user), user).filter(date_start__isnull=False)
    keys = ["date_start", "date_end", "id"]
    ordered = events.order_by(*(f"-{key}" for key in keys) if reverse else keys)
    return "".join(
        EventCSVRenderer().stream(
            [EventSerializer(event).data for event in ordered], undated_left_out=1
        )
    ).encode()


@pytest.mark.parametrize("zone", ["UTC", "Asia/Kathmandu", "America/St_Johns"])
@pytest.mark.parametrize("as_editor", [False, True])
@pytest.mark.parametrize(
    "url", ["/api/events/?format=csv", "/api/events/?format=csv&ordering=-date"]
)
def test_the_export_is_the_serializers_csv_byte_for_byte(
    awkward, api_client, editor, settings, zone, as_editor, url
):
    settings.TIME_ZONE = zone
    if as_editor:
        api_client.force_authenticate(editor)
    response = api_client.get(url)
    body = b"".join(response.streaming_content)

    expected = expected_csv(editor if as_editor else AnonymousUser(), reverse="-date" in url)
    assert expected.count(b"\r\n") >= 4, "the header and three dated events, some lines broken"
    assert body == expected


def test_cells_are_written_as_a_spreadsheet_reads_them(awkward, api_client):
    body = b"".join(api_client.get("/api/events/?format=csv").streaming_content).decode()
    header, *rows = csv.reader(io.StringIO(body, newline=""))
    # In date order: the year 999 first.
    second, first, third = (dict(zip(header, row, strict=True)) for row in rows)

    assert first["headline"] == '\'=1+1, "a formula"'
    assert first["date_display"] == "'-May 2024"
    assert first["summary"] == 'Line one\nline two, with "quotes"\rand a return.'
    assert first["actors"] == "lab:developer, lead; -person"
    assert first["updated_at"] == "2025-03-01T12:30:05.123456Z"
    # The retired claim is not counted; the claim dated after its source ranks last.
    assert first["claim_count"] == "3"
    assert first["best_quote"] == 'He said "yes", then no.\nSecond line'
    assert [first["best_quote_publisher"], first["best_quote_published"]] == ["'+Press", "999"]
    assert second["date_start"] == "0999-05-01"
    assert [second["headline"], second["summary"], second["actors"]] == [
        "'\tTabbed headline",
        "'@mention",
        "",
    ]
    assert second["updated_at"] == "2025-07-01T23:59:00Z"
    assert second["best_quote"] == "'@here it is."
    # Both claims undated: the first in claim order, from the source made first.
    assert third["headline"] == "'+plus\r\nnewline"
    assert third["best_quote"] == "Quiet words."
    assert third["best_quote_source"] == '\'=HYPERLINK("http://x")'
    assert third["best_quote_publisher"] == "'@wire, desk"
    assert [third["best_quote_published"], third["best_quote_published_inferred"]] == [
        "",
        "2024-05",
    ]
    assert {row[-1] for row in rows} == {"1"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("batch_size", [1, 2])
def test_a_long_export_read_by_two_sessions_is_the_same_bytes(
    awkward, api_client, settings, monkeypatch, batch_size
):
    """Committed data and small batches: on PostgreSQL the batches after the first have
    their actors and claims read by a second session, on a thread of its own."""
    settings.TIME_ZONE = "Asia/Kathmandu"
    monkeypatch.setattr(EventPagination, "export_batch_size", batch_size)
    threads = []

    def opened(sender, connection, **kwargs):
        threads.append(threading.current_thread().name)

    connection_created.connect(opened)
    try:
        response = api_client.get("/api/events/?format=csv")
        body = b"".join(response.streaming_content)
    finally:
        connection_created.disconnect(opened)

    assert body == expected_csv(AnonymousUser(), reverse=False)
    if connection.vendor == "postgresql":
        assert any(name.startswith("csv-export") for name in threads)
