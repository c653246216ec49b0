"""Concurrent reads, editors' PATCHes and reloads of the articles against the served app on
PostgreSQL, then consistency checks; prints requests, errors and checks.

    python benchmarks/load_test.py [--seconds 60] [--readers 4] [--editors 2] [--loaders 2]

Starts a throwaway PostgreSQL cluster and gunicorn on free loopback ports (tests/served.py),
loads the five demo articles, then for `--seconds` (every loop also bounded in count):

- readers GET event lists and pages, single events, the grouped timeline, sources, an
  actor's events as CSV and as TimelineJS;
- editors PATCH the headline and summary of events of their own (each editor its own
  share, so the last confirmed PATCH of an event is known), which marks them edited;
- loaders run `manage.py load_articles` over a copy of the articles again and again, one
  article's text switching between its original and an edited sentence on each run, so
  every other reload is a new version of that source.

Then, read straight from the database: one source per article and per content hash, no two
live claims of a source on one span or one quote at one place, every live claim's quote
at its offsets in its source's current text, every event with a live claim or an editor's
touch, and every event's headline and summary as its last confirmed PATCH left them.
Exits 1 if a check fails or a request got a server error.
"""

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from tests.served import (  # noqa: E402
    Cluster,
    Server,
    app_environment,
    manage,
    prepare_database,
    request,
)

ARTICLES = ROOT / "fixtures" / "articles"
EDITED_FILE = "002_fdc685422840563a.txt"
SENTENCE = "去年5月,在零一萬物發佈千億參數模型Yi-Large時"
SENTENCE_EDITED = "去年5月中旬,在零一萬物發佈千億參數模型Yi-Large時"
# Bounds on every loop besides the clock.
MAX_REQUESTS_PER_THREAD = 5000
MAX_LOADS_PER_LOADER = 50


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = Counter()  # kind -> count
        self.statuses = Counter()  # (kind, status) -> count
        self.failures: list[str] = []

    def record(self, kind: str, status: int, detail: str = "") -> None:
        with self.lock:
            self.requests[kind] += 1
            self.statuses[(kind, status)] += 1
            if status >= 500 or status == 0:
                self.failures.append(f"{kind} {status} {detail}"[:300])


def call(tally: Tally, kind: str, method: str, url: str, body=None, token=None):
    try:
        status, _, content = request(method, url, body, token)
    except OSError as error:
        tally.record(kind, 0, f"{url}: {error}")
        return 0, b""
    tally.record(kind, status, f"{url}: {content[:200]!r}")
    return status, content


def reader(base: str, event_ids: list[int], stop: float, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    paths = [
        "/api/events/?page_size=50",
        "/api/events/?dated=false",
        "/api/events/?q=Yi-Large",
        "/api/timeline/?group=year",
        "/api/sources/",
        "/api/actors/01-ai/events/?format=csv",
        "/api/actors/01-ai/events/?format=timelinejs",
        "/",
    ]
    for _ in range(MAX_REQUESTS_PER_THREAD):
        if time.monotonic() > stop:
            return
        one_event = rng.random() < 0.4
        path = f"/api/events/{rng.choice(event_ids)}/" if one_event else rng.choice(paths)
        call(tally, "read", "GET", base + path)


def editor(
    base: str,
    token: str,
    event_ids: list[int],
    stop: float,
    tally: Tally,
    confirmed: dict[int, tuple[str, str]],
    name: str,
) -> None:
    for number in range(MAX_REQUESTS_PER_THREAD):
        if time.monotonic() > stop:
            return
        event_id = event_ids[number % len(event_ids)]
        body = {"headline": f"Edited by {name}, edit {number}", "summary": f"{name} #{number}"}
        status, _ = call(tally, "patch", "PATCH", f"{base}/api/events/{event_id}/", body, token)
        if status == 200:
            # One editor per event, requests in turn: the last 200 is the state to find.
            confirmed[event_id] = (body["headline"], body["summary"])


def loader(environment: dict, folder: Path, stop: float, tally: Tally) -> None:
    """Reload the folder's articles until the time is up, one article's edited sentence
    switched on and off between runs (a folder of its own per loader)."""
    manifest = str(folder / "sources.json")
    for _ in range(MAX_LOADS_PER_LOADER):
        if time.monotonic() > stop:
            return
        path = folder / EDITED_FILE
        text = path.read_text(encoding="utf-8")
        if SENTENCE_EDITED in text:
            text = text.replace(SENTENCE_EDITED, SENTENCE)
        else:
            text = text.replace(SENTENCE, SENTENCE_EDITED)
        path.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "manage.py", "load_articles", str(folder), "--manifest", manifest],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=600,
        )
        status = 200 if done.returncode == 0 else 500
        tally.record("reload", status, (done.stderr or done.stdout)[-300:])


def check(database_url: str, confirmed: dict[int, tuple[str, str]]) -> list[tuple[str, bool, str]]:
    """Each check: (name, passed, detail)."""
    results = []
    with psycopg.connect(database_url) as db:

        def one(sql: str, *args):
            return db.execute(sql, args).fetchone()[0]

        articles = len(list(ARTICLES.glob("*.txt")))
        sources = one("SELECT count(*) FROM timeline_source")
        results.append(("one source per article", sources == articles, f"{sources} sources"))
        hashes = one("SELECT count(DISTINCT content_hash) FROM timeline_source")
        results.append(("no duplicate content hash", hashes == sources, f"{hashes} hashes"))
        spans = one(
            "SELECT count(*) FROM (SELECT source_id, char_start, char_end FROM timeline_claim "
            "WHERE retired_at IS NULL GROUP BY 1, 2, 3 HAVING count(*) > 1) d"
        )
        results.append(("no duplicate live claim span", spans == 0, f"{spans} duplicated"))
        quotes = one(
            "SELECT count(*) FROM (SELECT source_id, quote, char_start FROM timeline_claim "
            "WHERE retired_at IS NULL GROUP BY 1, 2, 3 HAVING count(*) > 1) d"
        )
        results.append(("no duplicate live claim quote", quotes == 0, f"{quotes} duplicated"))
        misplaced = one(
            "SELECT count(*) FROM timeline_claim c JOIN timeline_source s ON s.id = c.source_id "
            "WHERE c.retired_at IS NULL "
            "AND substr(s.text, c.char_start + 1, c.char_end - c.char_start) <> c.quote"
        )
        results.append(("live quotes in current texts", misplaced == 0, f"{misplaced} not"))
        orphans = one(
            "SELECT count(*) FROM timeline_event e WHERE NOT e.edited AND e.review = 'extracted' "
            "AND NOT EXISTS (SELECT 1 FROM timeline_claim c "
            "WHERE c.event_id = e.id AND c.retired_at IS NULL)"
        )
        results.append(("every event has a claim or an editor", orphans == 0, f"{orphans} not"))
        live = one("SELECT count(*) FROM timeline_claim WHERE retired_at IS NULL")
        retired = one("SELECT count(*) FROM timeline_claim WHERE retired_at IS NOT NULL")
        versions = one("SELECT max(version) FROM timeline_source")
        results.append(
            ("claims", True, f"{live} live, {retired} retired; newest source version {versions}")
        )
        lost = []
        for event_id, (headline, summary) in confirmed.items():
            row = db.execute(
                "SELECT headline, summary FROM timeline_event WHERE id = %s", (event_id,)
            ).fetchone()
            if row != (headline, summary):
                lost.append(f"event {event_id}: {row} after confirmed {(headline, summary)}")
        results.append(
            (
                "no lost PATCH",
                not lost,
                f"{len(confirmed)} events patched; " + ("; ".join(lost[:3]) or "all as confirmed"),
            )
        )
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--loaders", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    folders = [
        Path(tempfile.mkdtemp(prefix="timeline-load-articles."))
        for _ in range(max(options.loaders, 1))
    ]
    for folder in folders:
        for path in ARTICLES.iterdir():
            shutil.copy(path, folder / path.name)
    try:
        with Cluster() as cluster:
            environment = app_environment(cluster.url)
            token = prepare_database(environment, pages=True)
            manifest = str(folders[0] / "sources.json")
            manage(environment, "load_articles", str(folders[0]), "--manifest", manifest)
            with Server(environment, workers=2, threads=4) as server:
                event_ids = sorted(
                    event["id"]
                    for query in ("dated=false", "dated=true")
                    for event in json.loads(
                        request("GET", f"{server.base}/api/events/?{query}&page_size=500")[2]
                    )["results"]
                )
                tally = Tally()
                confirmed: dict[int, tuple[str, str]] = {}
                # Every third event is an editor's, shared out among the editors.
                edited = event_ids[::3]
                shares = [edited[n :: options.editors] for n in range(options.editors)]
                stop = time.monotonic() + options.seconds
                threads = [
                    threading.Thread(
                        target=reader, args=(server.base, event_ids, stop, tally, options.seed + n)
                    )
                    for n in range(options.readers)
                ]
                threads += [
                    threading.Thread(
                        target=editor,
                        args=(server.base, token, share, stop, tally, confirmed, f"editor {n}"),
                    )
                    for n, share in enumerate(shares)
                    if share
                ]
                threads += [
                    threading.Thread(target=loader, args=(environment, folder, stop, tally))
                    for folder in folders[: options.loaders]
                ]
                started = time.monotonic()
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                elapsed = time.monotonic() - started
                server_log = server.output()
            results = check(cluster.url, confirmed)
    finally:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)

    total = sum(tally.requests.values())
    print(
        f"{total} requests in {elapsed:.1f} s ({options.readers} readers, {len(shares)} "
        f"editors, {options.loaders} loaders; {len(event_ids)} events at the start)"
    )
    for kind in sorted(tally.requests):
        statuses = ", ".join(
            f"{status}: {count}"
            for (k, status), count in sorted(tally.statuses.items())
            if k == kind
        )
        print(f"  {kind}: {tally.requests[kind]} ({statuses})")
    errors = len(tally.failures)
    print(f"errors (5xx, failed connections, failed loads): {errors}")
    for failure in tally.failures[:10]:
        print(f"  {failure}")
    if errors and "Traceback" in server_log:
        print(server_log[-2000:])
    failed = 0
    for name, passed, detail in results:
        failed += not passed
        print(f"check {'ok  ' if passed else 'FAIL'} {name}: {detail}")
    print(f"checks: {len(results) - failed} passed, {failed} failed")
    return 1 if failed or errors else 0


if __name__ == "__main__":
    sys.exit(main())
