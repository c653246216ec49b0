"""The timeline page against the JSON endpoint for the same page of events.

    python benchmarks/pages_speed.py [--events 100000] [--repeat 7]
    DATABASE_URL=postgres://… python benchmarks/pages_speed.py --events 1000000

Fills a fresh database (a temporary SQLite file, or the empty PostgreSQL database that
DATABASE_URL names) with synthetic events, each with one claim and two actors, 5% of them
undated, then times in-process requests (Django's test client, no network) for one page
of 50 events: `/?<filters>` (the HTML page, every claim rendered) and
`/api/events/?<filters>` (JSON, the baseline measured in the same run). Prints the
median of each, the ratio page/JSON, and the SQL queries each ran. Figures, not tests.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGE = 50
SCENARIOS = [
    ("first page", ""),
    ("one type", "type=funding"),
    ("one actor", "actor=actor-7"),
    ("date range", "after=2015-03&before=2016-06"),
    ("text", "q=event+00042"),
    ("disputed, month or finer", "status=disputed&min_precision=month"),
]
TYPES = ["funding", "model_release", "partnership", "personnel", "statement", "founding"]
PRECISIONS = [("day", 0), ("month", 30), ("year", 364)]


def setup_django(events: int) -> None:
    if "DATABASE_URL" not in os.environ:
        workdir = tempfile.mkdtemp()
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/pages-bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(events: int) -> None:
    """`events` events over 2000–2025, one claim each from sources of 200 sentences."""
    from django.db import transaction

    from timeline.models import Actor, Claim, Event, EventActor, Source

    started = time.perf_counter()
    actors = Actor.objects.bulk_create(
        Actor(slug=f"actor-{n}", name=f"Actor {n}", kind="company") for n in range(200)
    )
    width = len("Event 0000000 happened.") + 1
    batch = 5000
    for first in range(0, events, batch):
        numbers = range(first, min(first + batch, events))
        with transaction.atomic():
            sources = Source.objects.bulk_create(
                Source(
                    title=f"Source {n}",
                    language="en",
                    published=date(2025, 1, 1),
                    text=" ".join(f"Event {k:07d} happened." for k in range(n, n + 200)),
                    content_hash=f"{n:064d}",
                )
                for n in range(numbers.start, numbers.stop, 200)
            )
            rows = []
            for n in numbers:
                precision, span = PRECISIONS[n % 3]
                start = date(2000, 1, 1) + timedelta(days=(n * 7919) % 9000)
                dated = n % 20 != 0
                rows.append(
                    Event(
                        headline=f"Event {n:07d} happened",
                        type=TYPES[n % len(TYPES)],
                        date_start=start if dated else None,
                        date_end=start + timedelta(days=span) if dated else None,
                        date_precision=precision if dated else "",
                        date_display=start.isoformat() if dated else "",
                        status=("disputed" if n % 11 == 0 else "consistent")
                        if dated
                        else "unresolved",
                        search_text=f"event {n:07d} happened",
                    )
                )
            created = Event.objects.bulk_create(rows)
            Claim.objects.bulk_create(
                Claim(
                    event=event,
                    source=sources[(n - numbers.start) // 200],
                    quote=f"Event {n:07d} happened.",
                    char_start=((n - numbers.start) % 200) * width,
                    char_end=((n - numbers.start) % 200) * width + width - 1,
                    date_start=event.date_start,
                    date_end=event.date_end,
                    date_precision=event.date_precision,
                )
                for n, event in zip(numbers, created, strict=True)
            )
            EventActor.objects.bulk_create(
                link
                for n, event in zip(numbers, created, strict=True)
                for link in (
                    EventActor(event=event, actor=actors[n % 200], role="subject"),
                    EventActor(event=event, actor=actors[(n * 7 + 1) % 200], role=""),
                )
            )
    print(f"filled {events:,} events in {time.perf_counter() - started:.0f} s")


def timed(client, url: str, repeat: int) -> tuple[float, int]:
    from django.db import connection

    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    setup_django(args.events)
    from django.db import connection
    from django.test import Client

    from timeline.models import Event

    if not Event.objects.exists():
        fill(args.events)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    client = Client(HTTP_HOST="localhost")
    print(
        f"{Event.objects.count():,} events on {connection.vendor}; one page of {PAGE}; "
        f"median of {args.repeat} in-process requests"
    )
    print(f"{'':28} {'JSON ms':>8} {'page ms':>8} {'page/JSON':>9} {'queries':>9}")
    for label, query in SCENARIOS:
        suffix = f"{query}&page_size={PAGE}" if query else f"page_size={PAGE}"
        api, api_queries = timed(client, f"/api/events/?{suffix}", args.repeat)
        page, page_queries = timed(client, f"/?{suffix}", args.repeat)
        print(
            f"{label:28} {api * 1000:8.1f} {page * 1000:8.1f} {page / api:9.2f} "
            f"{api_queries:>5} / {page_queries}"
        )


if __name__ == "__main__":
    main()
