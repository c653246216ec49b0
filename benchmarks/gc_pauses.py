"""What Python's cyclic garbage collector costs a built page, in process, with a worker's
objects frozen (`gc.freeze()`, as `gunicorn.conf.py` does after warming) and not.

Run against a database filled by `api_load.py` (it reuses that fill and its pages):

    DATABASE_URL=postgres://… python benchmarks/gc_pauses.py [--page 'events page']
        [--rounds 3] [--requests 3000]

One process answers the page through the whole WSGI stack (response cache off), in rounds
that alternate the two states on the same heap: `gc.unfreeze()` then R requests, `gc.collect()`
and `gc.freeze()` then R requests, and so on, so that the machine's load moves both alike
(a round needs a few thousand requests: a worker's heap has a full collection every 500–2,000).
For each state: CPU ms per request (median and mean), the wall-clock p99 and slowest
request, and per generation the collections per 1,000 requests with their mean and longest
pause (timed by `gc.callbacks`), then the causes of the slowest requests: how much of each
was a collection.
"""

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api_load


class Pauses:
    """Every collection's generation and duration, from the collector's own callbacks."""

    def __init__(self):
        self.seen: list[tuple[int, float]] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seen.append((info["generation"], time.perf_counter() - self._started))


def run(handler, path: str, requests: int, pauses: Pauses) -> list[tuple[float, float, float]]:
    """(wall, CPU, collector) seconds of each of `requests` requests of `path`."""
    measured = []
    for _ in range(requests):
        before = len(pauses.seen)
        environ = api_load.wsgi_environ(path)
        wall, cpu = time.perf_counter(), time.process_time()
        b"".join(handler(environ, lambda status, headers, exc_info=None: None))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        measured.append((wall, cpu, sum(seconds for _, seconds in pauses.seen[before:])))
    return measured


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="events page", help="a page name of api_load.py")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=3000, help="requests a round and state")
    options = parser.parse_args()
    api_load.setup_django(os.environ["DATABASE_URL"])
    import psycopg
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
        present = connection.execute("SELECT count(*) FROM timeline_event").fetchone()[0]
    app_cursor, _ = api_load.deep_cursor(os.environ["DATABASE_URL"], present)
    path = {name: path for name, path, _ in api_load.pages(present, app_cursor, "")}[options.page]
    handler = WSGIHandler()
    pauses = Pauses()
    results = {"as collected": [], "frozen": []}
    collections = {state: [] for state in results}
    with override_settings(API_RESPONSE_CACHE_SECONDS=0):
        for _ in range(50):  # a worker's warm-up and first requests
            b"".join(handler(api_load.wsgi_environ(path), lambda *args: None))
        print(
            f"{options.page}, {present} events, {len(gc.get_objects())} objects tracked after "
            f"the warm-up; load {os.getloadavg()[0]:.1f}"
        )
        gc.callbacks.append(pauses)
        for _ in range(options.rounds):
            for state in results:
                if state == "frozen":
                    gc.collect()
                    gc.freeze()
                else:
                    gc.unfreeze()  # no collection here: when the next full one comes is the point
                first = len(pauses.seen)
                results[state] += run(handler, path, options.requests, pauses)
                collections[state] += pauses.seen[first:]
        gc.callbacks.remove(pauses)
        gc.unfreeze()
    rounds = f"{options.rounds} rounds of {options.requests}"
    print(f"load {os.getloadavg()[0]:.1f} at the end; {rounds}")
    for state, measured in results.items():
        walls = [wall for wall, _, _ in measured]
        cpus = [cpu for _, cpu, _ in measured]
        print(
            f"\n{state}: CPU ms a request median {statistics.median(cpus) * 1000:.3f}, mean "
            f"{statistics.mean(cpus) * 1000:.3f}; wall p50 {percentile(walls, 0.5) * 1000:.2f}, "
            f"p99 {percentile(walls, 0.99) * 1000:.2f}, slowest {max(walls) * 1000:.1f}"
        )
        for generation in range(3):
            spent = [seconds for done, seconds in collections[state] if done == generation]
            if spent:
                print(
                    f"  generation {generation}: {len(spent) * 1000 / len(measured):6.1f} per "
                    f"1,000 requests, mean {statistics.mean(spent) * 1000:7.3f} ms, longest "
                    f"{max(spent) * 1000:7.2f} ms"
                )
        slowest = sorted(measured, reverse=True)[:10]
        print(
            "  slowest 10, wall / CPU / collecting ms: "
            + ", ".join(f"{w * 1000:.0f}/{c * 1000:.0f}/{g * 1000:.0f}" for w, c, g in slowest)
        )


if __name__ == "__main__":
    main()
