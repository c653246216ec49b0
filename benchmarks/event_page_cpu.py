"""A built event page's CPU before and after the sixth look, interleaved in one process:
the median CPU time a request through the whole WSGI stack (response cache off), and
the CPU its PostgreSQL backend spent meanwhile.

Run against a database filled by `api_load.py`:

    DATABASE_URL=postgres://… python benchmarks/event_page_cpu.py [ROUNDS] [REQUESTS] [REV] [cached]

With `cached`, the response cache is on (as deployed by default) and every request after
the first of a page is answered from it: what a cached page costs.

"before" is every middleware and DRF's view as configured without
`api.fast_reads.EventPageMiddleware`, with the page builders of `timeline.event_queries`
as they were at REV (default `8e8663c`, the tree before this look); "after" is the code as
it is. Each round runs every page in both setups, in an order that flips every round,
after checking that both give the same status, headers and body for each page; within a
round each page runs in both setups one after the other.
"""

import os
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api_load

ROOT = Path(__file__).resolve().parent.parent


def old_builders(rev: str) -> types.ModuleType:
    """`timeline.event_queries` as it was at `rev`, loaded beside today's."""
    source = subprocess.run(
        ["git", "show", f"{rev}:timeline/event_queries.py"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    module = types.ModuleType("event_queries_before")
    exec(compile(source, "event_queries_before", "exec"), module.__dict__)
    return module


def backend_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    url = os.environ["DATABASE_URL"]
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    per = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    rev = sys.argv[3] if len(sys.argv) > 3 else "8e8663c"
    cached = len(sys.argv) > 4 and sys.argv[4] == "cached"
    api_load.setup_django(url)
    import psycopg
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import override_settings

    from timeline import event_queries

    connection.settings_dict["CONN_MAX_AGE"] = None
    new_page = event_queries.event_page
    old_page = old_builders(rev).event_page
    after = WSGIHandler()
    chain = [name for name in settings.MIDDLEWARE if name != "api.fast_reads.EventPageMiddleware"]
    with override_settings(MIDDLEWARE=chain):
        before = WSGIHandler()
    handlers = {"before": (before, old_page), "after": (after, new_page)}
    got = {}

    def request(variant: str, path: str) -> bytes:
        handler, page = handlers[variant]
        event_queries.event_page = page

        def start_response(status, headers, exc_info=None):
            got.clear()
            got.update(dict(headers), status=status)

        return b"".join(handler(api_load.wsgi_environ(path), start_response))

    with psycopg.connect(url) as database:
        present = database.execute("SELECT count(*) FROM timeline_event").fetchone()[0]
    cursor, _ = api_load.deep_cursor(url, present)
    pages = [(name, path) for name, path, _ in api_load.pages(present, cursor, "")]
    pages = [(name, path) for name, path in pages if name != "timeline"]
    cpu = {(variant, name): [] for variant in handlers for name, _ in pages}
    database_cpu = {(variant, name): 0.0 for variant in handlers for name, _ in pages}
    with override_settings(API_RESPONSE_CACHE_SECONDS=300 if cached else 0):
        for name, path in pages:
            for _ in range(3):  # a cursor's signature carries the second it was made
                answers = []
                for variant in handlers:
                    body = request(variant, path)
                    answers.append((body, dict(got)))
                if answers[0] == answers[1]:
                    break
            assert answers[0] == answers[1], (name, answers[0][1], answers[1][1])
        print("the same status, headers and bodies from both")
        pid = connection.connection.info.backend_pid
        for number in range(rounds):
            # Page by page, the two setups in turn: the machine's load moves both alike.
            for name, path in pages:
                order = list(handlers) if number % 2 == 0 else list(reversed(handlers))
                for variant in order:
                    for _ in range(10):
                        request(variant, path)
                    samples = []
                    started_database = backend_seconds(pid)
                    for _ in range(per):
                        started = time.process_time()
                        request(variant, path)
                        samples.append(time.process_time() - started)
                    database_cpu[(variant, name)] += backend_seconds(pid) - started_database
                    cpu[(variant, name)].append(statistics.median(samples))
    event_queries.event_page = new_page
    print(
        f"{present} events; {rounds} rounds of {per} requests a page"
        f"{' from the response cache' if cached else ''}; load {os.getloadavg()}"
    )
    print("| page | before CPU ms | after CPU ms | saved ms | PostgreSQL before / after ms |")
    print("|---|---|---|---|---|")
    for name, _ in pages:
        old = statistics.median(cpu[("before", name)]) * 1000
        new = statistics.median(cpu[("after", name)]) * 1000
        old_db = database_cpu[("before", name)] / (rounds * per) * 1000
        new_db = database_cpu[("after", name)] / (rounds * per) * 1000
        print(f"| {name} | {old:.3f} | {new:.3f} | {old - new:.3f} | {old_db:.2f} / {new_db:.2f} |")


if __name__ == "__main__":
    main()
