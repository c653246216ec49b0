"""Read speed of the event list, timeline, actor timeline and CSV export, in-process.

    python benchmarks/read_speed.py [--events 10000] [--requests 40]
    DATABASE_URL=postgres://… python benchmarks/read_speed.py --events 100000

Fills a fresh database (a temporary SQLite file, or the one DATABASE_URL names, whose
timeline tables are emptied first) with N synthetic events (two actors and two claims
each, quoting sources of 4 kB of text), then requests each page through Django's test
client, which runs the whole stack but the network, and prints requests/s and p50. Beside
each JSON page it prints, measured in the same run on the same rows:

- `serializers`: the page built the general way, `EventSerializer` over model instances
  with their relations prefetched (what the views did before the fast read path);
- `raw`: the same columns read with plain `SELECT`s on the DB-API cursor and dumped with
  orjson, no Django model or filter at all: the limit of this machine for the page.

The CSV export is timed whole, in rows/s.
"""

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TYPES = ["funding", "model_release", "product_launch", "partnership", "personnel", "other"]
SOURCE_TEXT_LENGTH = 4000
QUOTE = "The company said on the day that it had agreed the deal with its partner."


def setup_django() -> None:
    if not os.environ.get("DATABASE_URL"):
        workdir = tempfile.mkdtemp()
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/read_speed.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    # As deployed (no query log kept), but over plain HTTP on localhost.
    os.environ.setdefault("DJANGO_DEBUG", "false")
    os.environ.setdefault("DJANGO_SECRET_KEY", "read-speed-benchmark-only")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
    # Connections kept between requests, as the README advises for a deployment: opening
    # one to PostgreSQL costs more than a whole page.
    os.environ.setdefault("DJANGO_CONN_MAX_AGE", "60")
    import django

    # WhiteNoise warns that static files were never collected; no page here needs them.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(n_events: int, seed: int = 7) -> None:
    """N dated events (and a few undated ones) with actors, claims and sources."""
    from timeline.models import Actor, Claim, Event, EventActor, Source

    for model in (Claim, EventActor, Event, Source, Actor):
        model.objects.all().delete()
    rng = random.Random(seed)
    n_sources = max(20, n_events // 50)
    # Each claim quotes its source at its own offset: a source's text repeats the quote,
    # at least SOURCE_TEXT_LENGTH long, like a real article read and discarded per claim.
    quoted = [rng.randrange(n_sources) for _ in range(2 * n_events)]
    per_source = [0] * n_sources
    for index in quoted:
        per_source[index] += 1
    sources = Source.objects.bulk_create(
        Source(
            title=f"Article {n}",
            publisher="Wire",
            language="en",
            published=date(2020, 1, 1) + timedelta(days=n % 2000),
            text=(QUOTE + " ") * max(count, SOURCE_TEXT_LENGTH // len(QUOTE)),
            content_hash=hashlib.sha256(f"article {n}".encode()).hexdigest(),
        )
        for n, count in enumerate(per_source)
    )
    actors = Actor.objects.bulk_create(
        Actor(slug=f"actor-{n}", name=f"Actor {n}", kind="company") for n in range(500)
    )
    first_day = date(2000, 1, 1)
    events = []
    for n in range(n_events):
        undated = n % 100 == 99
        start = None if undated else first_day + timedelta(days=rng.randrange(9000))
        end = None if undated else start + timedelta(days=rng.choice([0, 0, 30, 90, 365]))
        events.append(
            Event(
                headline=f"Event {n} happens",
                summary="A summary of what happened, in one sentence.",
                type=rng.choice(TYPES),
                date_start=start,
                date_end=end,
                date_precision="" if undated else "day",
                date_display="" if undated else start.isoformat(),
                status="unresolved" if undated else "consistent",
                search_text=f"event {n} happens",
            )
        )
    events = Event.objects.bulk_create(events, batch_size=2000)
    links, claims = [], []
    offsets = [0] * n_sources
    for number, event in enumerate(events):
        for actor in rng.sample(actors, 2):
            links.append(EventActor(event=event, actor=actor, role="lead"))
        for index in quoted[2 * number : 2 * number + 2]:
            start = offsets[index]
            offsets[index] += len(QUOTE) + 1
            claims.append(
                Claim(
                    event=event,
                    source=sources[index],
                    quote=QUOTE,
                    char_start=start,
                    char_end=start + len(QUOTE),
                    date_text="on the day",
                    date_start=event.date_start,
                    date_end=event.date_end,
                    date_precision=event.date_precision,
                )
            )
    EventActor.objects.bulk_create(links, batch_size=5000)
    Claim.objects.bulk_create(claims, batch_size=5000)
    analyze()


def analyze() -> None:
    """Statistics for the planner, as autovacuum would gather them soon after a bulk load
    on a database in use; without them PostgreSQL guesses, and the first minute's plans
    would be measured instead."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def timed(run, repeat: int) -> tuple[float, float]:
    """Requests per second and the median milliseconds of `repeat` sequential runs."""
    run()  # warm caches and connections
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return len(timings) / sum(timings), statistics.median(timings) * 1000


def serializer_page(url_filters: dict, page_size: int) -> bytes:
    """The page the general way: filtered, then model instances through EventSerializer."""
    import orjson
    from django.contrib.auth.models import AnonymousUser

    from api.filters import EventFilter
    from api.serializers import EventSerializer
    from api.views import visible_events, with_related

    user = AnonymousUser()
    events = EventFilter(url_filters, queryset=visible_events(user)).qs
    events = with_related(events.filter(date_start__isnull=False), user).order_by(
        "date_start", "date_end", "id"
    )[:page_size]
    return orjson.dumps(EventSerializer(events, many=True).data)


def raw_page(where: str, params: list, page_size: int) -> bytes:
    """The same page with three plain SELECTs and orjson: what the database and JSON cost."""
    import orjson
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, headline, summary, type, date_start, date_end, date_precision, "
            "date_qualifier, date_edtf, date_display, status, review, updated_at "
            "FROM timeline_event WHERE review <> 'rejected' AND date_start IS NOT NULL "
            f"{where} ORDER BY date_start, date_end, id LIMIT %s",
            [*params, page_size],
        )
        columns = [column[0] for column in cursor.description]
        events = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        ids = [event["id"] for event in events] or [0]
        marks = ",".join(["%s"] * len(ids))
        cursor.execute(
            "SELECT l.event_id, a.slug, a.name, a.kind, l.role FROM timeline_eventactor l "
            f"JOIN timeline_actor a ON a.id = l.actor_id WHERE l.event_id IN ({marks})",
            ids,
        )
        links = cursor.fetchall()
        cursor.execute(
            "SELECT c.event_id, c.quote, c.char_start, c.char_end, c.date_text, c.date_start, "
            "c.date_end, s.id, s.title, s.publisher, s.url FROM timeline_claim c "
            f"JOIN timeline_source s ON s.id = c.source_id WHERE c.event_id IN ({marks})",
            ids,
        )
        claims = cursor.fetchall()
    by_id = {event["id"]: {**event, "actors": [], "claims": []} for event in events}
    for event_id, *link in links:
        by_id[event_id]["actors"].append(link)
    for event_id, *claim in claims:
        by_id[event_id]["claims"].append(claim)
    return orjson.dumps(list(by_id.values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--csv-repeat", type=int, default=2)
    parser.add_argument(
        "--reuse", action="store_true", help="measure the events already in the database"
    )
    options = parser.parse_args()

    setup_django()
    from django.db import connection
    from django.test import Client

    from timeline.models import Event

    started = time.perf_counter()
    if options.reuse:
        analyze()
    else:
        fill(options.events)
    print(
        f"{Event.objects.count()} events on {connection.vendor} "
        f"(filled in {time.perf_counter() - started:.0f} s)"
    )
    client = Client(HTTP_HOST="localhost")

    def page(url: str):
        def run():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            if response.streaming:
                return b"".join(response.streaming_content)
            return response.content

        return run

    size = 50
    cursor_url = client.get(f"/api/events/?page_size={size}").json()["next"]
    pages = [
        ("events page", f"/api/events/?page_size={size}", {}, "", []),
        (
            "type+after+before",
            f"/api/events/?type=funding&after=2015&before=2016&page_size={size}",
            {"type": ["funding"], "after": "2015", "before": "2016"},
            "AND type = %s AND date_end >= %s AND date_start <= %s",
            ["funding", date(2015, 1, 1), date(2016, 12, 31)],
        ),
        ("cursor page 2", cursor_url, None, None, None),
        ("actor timeline", f"/api/actors/actor-7/events/?page_size={size}", None, None, None),
        ("q", f"/api/events/?q=event%2012&page_size={size}", None, None, None),
        ("timeline", f"/api/timeline/?page_size={size}", None, None, None),
    ]
    print(
        f"{'page':<20}{'req/s':>9}{'p50 ms':>9}  "
        f"{'serializers':>12}{'ratio':>7}  {'raw':>9}{'ratio':>7}"
    )
    for name, url, filters, where, params in pages:
        rate, p50 = timed(page(url), options.requests)
        line = f"{name:<20}{rate:9.1f}{p50:9.2f}"
        if filters is not None:
            base, _ = timed(lambda f=filters: serializer_page(f, size), options.requests)
            raw, _ = timed(lambda w=where, p=params: raw_page(w, p, size), options.requests)
            line += f"  {base:12.1f}{rate / base:6.2f}×  {raw:9.1f}{rate / raw:6.2f}×"
        print(line)

    rows = Event.objects.public().filter(date_start__isnull=False).count()
    export = page("/api/events/?format=csv")
    rate, _ = timed(export, options.csv_repeat)
    print(f"{'CSV export':<20}{rate * rows:9.0f} rows/s ({rows} rows, {1000 / rate:.0f} ms)")


if __name__ == "__main__":
    main()
