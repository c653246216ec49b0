"""Where a built page's CPU goes, in process: a CPU-clock profile of whole requests, and
the page builders' parts timed alone.

Run against a database filled by `api_load.py` (it reuses that fill and its pages):

    DATABASE_URL=postgres://… python benchmarks/page_profile.py [--page q] [--requests 300]

For each page (all by default): the median CPU time of a request through the whole WSGI
stack (every middleware, response cache off), then the functions that spent the most CPU
over `--requests` requests under cProfile, whose clock here is the process's CPU time
(the wall clock would count the waits for PostgreSQL). `--parts` times the events page's
builders alone instead, interleaved in rounds so that the machine's load moves them alike.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api_load


def wsgi_request(handler, path: str) -> bytes:
    environ = api_load.wsgi_environ(path)
    return b"".join(handler(environ, lambda status, headers, exc_info=None: None))


def profile_pages(only: str | None, requests: int, top: int) -> None:
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    handler = WSGIHandler()
    url = os.environ["DATABASE_URL"]
    present = event_count(url)
    app_cursor, _ = api_load.deep_cursor(url, present)
    with override_settings(API_RESPONSE_CACHE_SECONDS=0):
        for name, path, _ in api_load.pages(present, app_cursor, ""):
            if only and only != name:
                continue
            for _ in range(20):
                wsgi_request(handler, path)
            cpu = []
            for _ in range(requests):
                started = time.process_time()
                wsgi_request(handler, path)
                cpu.append(time.process_time() - started)
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            for _ in range(requests):
                wsgi_request(handler, path)
            profiler.disable()
            print(
                f"== {name}: {statistics.median(cpu) * 1000:.2f} ms of CPU a request "
                f"(load {os.getloadavg()[0]:.2f})"
            )
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
            print(out.getvalue())


def event_count(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as connection:
        return connection.execute("SELECT count(*) FROM timeline_event").fetchone()[0]


def time_parts(rounds: int) -> None:
    import orjson
    from django.utils import timezone

    from api.pagination import EventPagination
    from timeline import event_queries, selectors
    from timeline.versions import data_version

    keys = EventPagination.orderings[next(iter(EventPagination.orderings))]
    filters = event_queries.EventFilters()
    rows = event_queries.page_rows("default", filters, selectors.EVENT_COLUMNS, keys, None, 51)
    rows = rows[:50]
    ids = [row["id"] for row in rows]
    statements = [
        event_queries.link_statement(ids, with_rejected_actors=False),
        event_queries.claim_statement(ids),
    ]
    links, claims = event_queries.run("default", statements, dates_as_text=True)
    local = timezone.get_current_timezone()
    body = event_queries.event_page("default", rows, with_rejected_actors=False)
    parts = {
        "page statement": lambda: event_queries.page_rows(
            "default", filters, selectors.EVENT_COLUMNS, keys, None, 51
        ),
        "links + claims fetched": lambda: event_queries.run(
            "default", statements, dates_as_text=True
        ),
        "actor dicts": lambda: selectors.actor_dicts(links),
        "claim dicts": lambda: event_queries.claim_dicts("default", claims),
        "event dicts": lambda: selectors.event_dicts(
            rows, {}, {}, lambda value: selectors.instant_text(value, local)
        ),
        "orjson": lambda: orjson.dumps(body),
        "data version": data_version,
    }
    spent = {name: [] for name in parts}
    for _ in range(rounds):
        for name, part in parts.items():
            for _ in range(5):
                part()
            started = time.process_time()
            for _ in range(50):
                part()
            spent[name].append((time.process_time() - started) / 50 * 1000)
    for name, values in spent.items():
        print(f"{name:<24}{statistics.median(values):8.3f} ms of CPU")
    print(f"load {os.getloadavg()[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", help="one page's name, as api_load.py names it")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--top", type=int, default=30, help="functions listed per page")
    parser.add_argument("--parts", action="store_true", help="time the builders alone")
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    api_load.setup_django(os.environ["DATABASE_URL"])
    from django.db import connection

    connection.settings_dict["CONN_MAX_AGE"] = None
    if options.parts:
        time_parts(options.rounds)
    else:
        profile_pages(options.page, options.requests, options.top)


if __name__ == "__main__":
    main()
