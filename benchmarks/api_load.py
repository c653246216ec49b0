"""Read throughput under load: the API served by gunicorn, against raw psycopg + orjson.

    python benchmarks/api_load.py [--events 10000] [--duration 10]
    python benchmarks/api_load.py --events 1000000 --explain
    DATABASE_URL=postgres://… python benchmarks/api_load.py --events 1000000 --reuse --cpu
    DATABASE_URL=postgres://… python benchmarks/api_load.py --events 100000 --reuse

Fills PostgreSQL with N synthetic events (two actors and two claims each, 1% undated, 5%
disputed) by COPY: a throwaway cluster started here as `bin/test` starts one (initdb in a
temporary directory, a free loopback port, removed at exit) unless DATABASE_URL names a
database, whose timeline tables are then emptied first. It serves the project with the
repository's `gunicorn.conf.py` and runs `wrk -t2 -c16` on each page; beside each figure,
in the same run, it serves the same page built by `raw_app` below with the same gunicorn
settings: plain SQL on a psycopg connection, rows dumped by orjson, no Django at all, the
limit of this machine for that page. The CSV export is timed as one download (rows/s, and
the peak RSS of the app's workers while it streams).

`--explain` prints, instead, the plan of each filter's page query and says whether it
scans the events table sequentially. `--cpu` requests each page in this process through
the whole WSGI stack and prints the CPU time per request of this process and of its
PostgreSQL backend: the figures the machine's load moves least. `--full-csv` also times
an export of every event; `--csv-only` leaves the pages out. `--datasette` copies the
same events into SQLite, serves them with Datasette (benchmarks/requirements.txt) and
runs the same wrk on its nested page of a type and date range, beside the app's page and
the raw one.
"""

import argparse
import csv
import io
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, date, datetime, timedelta
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = ["funding", "model_release", "product_launch", "partnership", "personnel", "other"]
QUOTE = "The company said on the day that it had agreed the deal with its partner."
FIRST_DAY = date(2000, 1, 1)
DAYS = 9000
N_ACTORS = 500
PAGE = 50
CSV_ROWS = 100_000
# The `q` page's needle: a word in NEEDLE_EVENTS dated events at every size (spread over
# the ids, hence over the chronology), beside a word every event holds. The page holds a
# full page at 10k and at 1M, read through the same few index entries, so that its p50
# compares like with like across sizes (`q=event 4321` matched 1 event at 10k, 111 at 1M).
NEEDLE_WORD = "quartz"
NEEDLE = f"{NEEDLE_WORD} happens"
NEEDLE_EVENTS = 64


# A throwaway PostgreSQL cluster


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pg_bindir() -> Path:
    found = shutil.which("pg_config")
    if found:
        bindir = Path(subprocess.check_output([found, "--bindir"], text=True).strip())
        if (bindir / "initdb").exists():
            return bindir
    for bindir in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (bindir / "initdb").exists():
            return bindir
    sys.exit("No PostgreSQL server found: apt-get install postgresql, or give DATABASE_URL.")


class Cluster:
    """initdb in a temporary directory and a server on a free port, as `bin/test` does;
    run as `postgres` when this runs as root, since PostgreSQL refuses root."""

    def __init__(self):
        self.bindir = pg_bindir()
        self.workdir = Path(tempfile.mkdtemp(prefix="api-load-pg."))
        self.port = free_port()
        self.as_user = []
        if os.getuid() == 0:
            subprocess.run(
                ["useradd", "--system", "--no-create-home", "postgres"],
                check=False,
                stderr=subprocess.DEVNULL,
            )
            shutil.chown(self.workdir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    def run(self, *command: str) -> None:
        subprocess.run([*self.as_user, *command], check=True, stdout=subprocess.DEVNULL)

    def start(self) -> str:
        data = self.workdir / "data"
        self.run(
            str(self.bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        # fsync off to fill faster (reads do not depend on it); statistics are gathered
        # once after the fill, as autovacuum would soon after a bulk load.
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.workdir} -c fsync=off "
            "-c full_page_writes=off -c autovacuum=off -c max_connections=200"
        )
        self.run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(self.workdir / "server.log"),
            "-w",
            "-o",
            options,
            "start",
        )
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        subprocess.run(
            [
                *self.as_user,
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.workdir / "data"),
                "-m",
                "immediate",
                "stop",
            ],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(self.workdir, ignore_errors=True)


# Filling by COPY


def fill(url: str, n_events: int, seed: int = 7) -> None:
    """N events with two actors and two claims each, written straight into the tables."""
    import psycopg

    rng = random.Random(seed)
    now = datetime.now(UTC)
    n_sources = max(20, n_events // 50)
    quoted = [rng.randrange(n_sources) for _ in range(2 * n_events)]
    per_source = [0] * n_sources
    for index in quoted:
        per_source[index] += 1
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(
            "TRUNCATE timeline_claim, timeline_eventactor, timeline_eventkey, timeline_event, "
            "timeline_source, timeline_actoralias, timeline_actor RESTART IDENTITY CASCADE"
        )
    # Three connections, each COPYing one table while the events are generated once, so
    # that no table's rows are held in memory. The rows are built consistent (each quote is
    # its source's text at its offsets, every key exists): the checking triggers are
    # skipped while loading.
    connections = [psycopg.connect(url, autocommit=True) for _ in range(3)]
    for connection in connections:
        connection.execute("SET session_replication_role = replica")
    events_db, links_db, claims_db = connections
    with events_db.cursor().copy(
        "COPY timeline_source (id, title, publisher, authors, url, language, published, "
        "published_precision, published_inferred, file_name, text, content_hash, report, "
        "loaded_at, version) FROM STDIN"
    ) as copy:
        for n, count in enumerate(per_source, start=1):
            copy.write_row(
                (
                    n,
                    f"Article {n}",
                    "Wire",
                    "[]",
                    "",
                    "en",
                    FIRST_DAY + timedelta(days=n % 2000),
                    "day",
                    False,
                    "",
                    (QUOTE + " ") * max(count, 4000 // len(QUOTE)),
                    f"{n:064x}",
                    "{}",
                    now,
                    1,
                )
            )
    with events_db.cursor().copy(
        "COPY timeline_actor (id, slug, name, kind, description, review) FROM STDIN"
    ) as copy:
        for n in range(1, N_ACTORS + 1):
            copy.write_row((n, f"actor-{n}", f"Actor {n}", "company", "", "curated"))
    offsets = [0] * n_sources
    every = max(1, n_events // NEEDLE_EVENTS)
    with (
        events_db.cursor().copy(
            "COPY timeline_event (id, date_start, date_end, date_precision, date_qualifier, "
            "date_edtf, headline, summary, type, date_display, status, review, edited, "
            "search_text, created_at, updated_at) FROM STDIN"
        ) as events,
        links_db.cursor().copy(
            # The link's copies of its event's dates (migration 0017), which the triggers
            # skipped here would have written.
            "COPY timeline_eventactor (event_id, actor_id, role, event_date_start, "
            "event_date_end) FROM STDIN"
        ) as links,
        claims_db.cursor().copy(
            "COPY timeline_claim (date_start, date_end, date_precision, date_qualifier, "
            "date_edtf, event_id, source_id, quote, char_start, char_end, date_text, "
            "date_char_start, date_char_end, anchor_date, anchor_basis, after_source, "
            "created_at) FROM STDIN"
        ) as claims,
    ):
        for n in range(1, n_events + 1):
            undated = n % 100 == 99
            start = None if undated else FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            end = None if undated else start + timedelta(days=rng.choice([0, 0, 30, 90, 365]))
            status = "unresolved" if undated else ("disputed" if n % 20 == 7 else "consistent")
            precision = "" if undated else "day"
            said = f"{NEEDLE_WORD} happens" if n % every == 1 and not undated else "happens"
            events.write_row(
                (
                    n,
                    start,
                    end,
                    precision,
                    "",
                    "",
                    f"Event {n} {said}",
                    "A summary of what happened, in one sentence.",
                    rng.choice(TYPES),
                    "" if undated else start.isoformat(),
                    status,
                    "extracted",
                    False,
                    f"event {n} {said}",
                    now,
                    now,
                )
            )
            for actor in rng.sample(range(1, N_ACTORS + 1), 2):
                links.write_row((n, actor, "lead", start, end))
            for index in quoted[2 * n - 2 : 2 * n]:
                at = offsets[index]
                offsets[index] += len(QUOTE) + 1
                claims.write_row(
                    (
                        start,
                        end,
                        precision,
                        "",
                        "",
                        n,
                        index + 1,
                        QUOTE,
                        at,
                        at + len(QUOTE),
                        "on the day",
                        None,
                        None,
                        "",
                        "",
                        False,
                        now,
                    )
                )
    for connection in connections:
        connection.close()
    with psycopg.connect(url, autocommit=True) as connection:
        for table in ("timeline_source", "timeline_actor", "timeline_event"):
            connection.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        connection.execute("VACUUM ANALYZE")


# The raw baseline: the same pages with plain SQL and orjson, as a WSGI app


EVENT_COLUMNS = (
    "id, headline, summary, type, date_start, date_end, date_precision, date_qualifier, "
    "date_edtf, date_display, status, review, updated_at"
)
EVENT_SQL = (
    f"SELECT {EVENT_COLUMNS} FROM timeline_event "
    "WHERE review <> 'rejected' AND date_start IS NOT NULL"
)
# One actor's page as the app reads it on PostgreSQL (`timeline.event_queries.link_order`):
# the actor's links in the order of their copies of the events' dates, each event once.
ACTOR_SQL = (
    "SELECT {columns} FROM timeline_event e JOIN timeline_eventactor c ON c.event_id = e.id "
    "WHERE c.actor_id = (SELECT id FROM timeline_actor WHERE slug = %s) AND NOT EXISTS "
    "(SELECT 1 FROM timeline_eventactor o WHERE o.actor_id = c.actor_id "
    "AND o.event_id = c.event_id AND o.id < c.id) "
    "AND e.review <> 'rejected' AND e.date_start IS NOT NULL"
)
raw_local = threading.local()


def raw_connection():
    import psycopg

    if getattr(raw_local, "connection", None) is None:
        raw_local.connection = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)
    return raw_local.connection


def raw_where(query: dict) -> tuple[str, list]:
    sql, params = "", []
    if "type" in query:
        sql += " AND type = %s"
        params.append(query["type"])
    if "after" in query:
        sql += " AND date_end >= %s"
        params.append(date(int(query["after"]), 1, 1))
    if "before" in query:
        sql += " AND date_start <= %s"
        params.append(date.fromisoformat(query["before"]))
    if "q" in query:
        # As the app asks (`timeline.event_queries.add_needle`): the trigram index for the
        # needle's rare word, which this benchmark wrote, and the needle checked on its rows.
        needle = query["q"]
        if NEEDLE_WORD in needle.split() and len(set(needle.split())) > 1:
            sql += " AND search_text::text LIKE %s AND (search_text::text || '') LIKE %s"
            params += [f"%{NEEDLE_WORD}%", f"%{needle}%"]
        else:
            sql += " AND search_text::text LIKE %s"
            params.append(f"%{needle}%")
    if "cursor" in query:
        start, end, ident = query["cursor"].split(",")
        sql += " AND date_start >= %s AND (date_start, date_end, id) > (%s, %s, %s)"
        params += [start, start, end, int(ident)]
    return sql, params


def raw_page(cursor, query: dict) -> list[dict]:
    where, params = raw_where(query)
    if "actor" in query:
        columns = ", ".join(f"e.{name}" for name in EVENT_COLUMNS.split(", "))
        cursor.execute(
            f"{ACTOR_SQL.format(columns=columns)}{where} ORDER BY c.event_date_start, "
            f"c.event_date_end, c.event_id LIMIT {PAGE + 1}",
            [query["actor"], *params],
        )
    else:
        cursor.execute(
            f"{EVENT_SQL}{where} ORDER BY date_start, date_end, id LIMIT {PAGE + 1}", params
        )
    columns = [column.name for column in cursor.description]
    events = {row[0]: dict(zip(columns, row, strict=True)) for row in cursor.fetchall()[:PAGE]}
    for event in events.values():
        event["actors"], event["claims"] = [], []
    ids = list(events) or [0]
    cursor.execute(
        "SELECT l.event_id, a.slug, a.name, a.kind, l.role FROM timeline_eventactor l "
        "JOIN timeline_actor a ON a.id = l.actor_id WHERE l.event_id = ANY(%s) "
        "ORDER BY l.event_id, l.id",
        [ids],
    )
    for event_id, slug, name, kind, role in cursor.fetchall():
        events[event_id]["actors"].append({"slug": slug, "name": name, "kind": kind, "role": role})
    cursor.execute(
        "SELECT c.event_id, s.id, s.title, s.publisher, s.published, s.url, c.quote, "
        "c.char_start, c.char_end, c.date_text, c.date_start, c.date_end, c.date_precision "
        "FROM timeline_claim c JOIN timeline_source s ON s.id = c.source_id "
        "WHERE c.event_id = ANY(%s) ORDER BY c.event_id, c.source_id, c.char_start, c.id",
        [ids],
    )
    for event_id, source_id, title, publisher, published, url, *claim in cursor.fetchall():
        quote, char_start, char_end, text, start, end, precision = claim
        events[event_id]["claims"].append(
            {
                "source": {
                    "id": source_id,
                    "title": title,
                    "publisher": publisher,
                    "published": published,
                    "url": url,
                },
                "quote": quote,
                "char_start": char_start,
                "char_end": char_end,
                "date": {"text": text, "start": start, "end": end, "precision": precision},
            }
        )
    return list(events.values())


def raw_csv(query: dict):
    """Every matching event as CSV, through a server-side cursor, 2000 rows a batch."""
    import psycopg

    assert "actor" not in query, "the raw export filters by dates and type only"
    where, params = raw_where(query)
    with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
        side = connection.cursor()
        with connection.cursor(name="export") as events:
            events.execute(f"{EVENT_SQL}{where} ORDER BY date_start, date_end, id", params)
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            while batch := events.fetchmany(2000):
                ids = [row[0] for row in batch]
                side.execute(
                    "SELECT l.event_id, string_agg(a.slug || ':' || l.role, '; ' ORDER BY l.id) "
                    "FROM timeline_eventactor l JOIN timeline_actor a ON a.id = l.actor_id "
                    "WHERE l.event_id = ANY(%s) GROUP BY l.event_id",
                    [ids],
                )
                actors = dict(side.fetchall())
                side.execute(
                    "SELECT c.event_id, c.source_id, c.quote, s.title FROM timeline_claim c "
                    "JOIN timeline_source s ON s.id = c.source_id WHERE c.event_id = ANY(%s) "
                    "ORDER BY c.event_id, c.source_id, c.char_start, c.id",
                    [ids],
                )
                claims: dict = {}
                for event_id, *claim in side.fetchall():
                    claims.setdefault(event_id, []).append(claim)
                for row in batch:
                    found = claims.get(row[0], [])
                    writer.writerow(
                        [*row, actors.get(row[0], ""), len(found), *(found[0] if found else ())]
                    )
                yield buffer.getvalue().encode()
                buffer.seek(0)
                buffer.truncate()


def raw_app(environ, start_response):
    """The baseline: answers the pages this benchmark requests, from plain SQL."""
    from urllib.parse import parse_qsl

    import orjson

    path = environ["PATH_INFO"]
    query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
    if query.get("format") == "csv":
        start_response("200 OK", [("Content-Type", "text/csv")])
        return raw_csv(query)
    with raw_connection().cursor() as cursor:
        if environ.get("HTTP_IF_NONE_MATCH"):
            # What a conditional request needs at least: one small query.
            cursor.execute("SELECT max(updated_at) FROM timeline_event")
            cursor.fetchone()
            start_response("304 Not Modified", [("ETag", environ["HTTP_IF_NONE_MATCH"])])
            return [b""]
        results = raw_page(cursor, query)
        if path.startswith("/api/timeline/"):
            results = [
                {key: event[key] for key in ("id", "headline", "type", "status")}
                | {
                    "date": [event["date_start"], event["date_end"]],
                    "actors": [actor["slug"] for actor in event["actors"]],
                }
                for event in results
            ]
        body = orjson.dumps({"results": results})
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]


# Serving and measuring


def app_environment(url: str, bind: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "api-load-benchmark-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_CONN_MAX_AGE": "60",
        # wrk is one client asking hundreds of times a second.
        "DJANGO_THROTTLE_ANON": "off",
        "DJANGO_THROTTLE_USER": "off",
        "GUNICORN_BIND": bind,
        "PYTHONPATH": str(ROOT / "benchmarks"),
    }


class Server:
    """gunicorn with the repository's config, serving `app` until stopped."""

    def __init__(self, app: str, url: str, **environment: str):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", app],
            cwd=ROOT,
            env={**app_environment(url, f"127.0.0.1:{self.port}"), **environment},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )

    def warm(self, path: str) -> None:
        """Wait until every worker answers `path` (the arbiter listens before its workers
        have loaded the app), then a few more times, so that each has its connections."""
        deadline = time.monotonic() + 120
        answered = 0
        while answered < 40:
            try:
                with urllib.request.urlopen(self.base() + path, timeout=30) as response:
                    response.read()
                answered += 1
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    sys.exit(f"gunicorn did not start: {self.process.stderr.read1().decode()}")
                time.sleep(0.3)

    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)


def rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return 0.0
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


# Connections wrk keeps open (`--connections`): 16 for the figures, more to check that
# every client is served.
CONNECTIONS = 16


def established(port: int) -> set[str]:
    """The socket inodes of the established connections to `port` on this machine."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as lines:
            next(lines)
            for line in lines:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                    inodes.add(fields[9])
    return inodes


def held(pid: int, inodes: set[str]) -> int:
    """How many of `inodes` process `pid` holds open."""
    count = 0
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:  # closed meanwhile
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                count += 1
    except FileNotFoundError:
        pass
    return count


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Split:
    """How a server's workers share the clients while wrk runs: the connections each holds,
    sampled every 0.2 s, and the CPU seconds each spends."""

    def __init__(self, server):
        self.server = server
        self.pids = server.workers()
        self.samples = []
        self.done = threading.Event()
        self.cpu = [cpu_seconds(pid) for pid in self.pids]
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self):
        while not self.done.wait(0.2):
            inodes = established(self.server.port)
            self.samples.append([held(pid, inodes) for pid in self.pids])

    def stop(self) -> str:
        self.done.set()
        self.thread.join()
        cpu = [cpu_seconds(pid) - before for pid, before in zip(self.pids, self.cpu, strict=True)]
        counted = self.samples[len(self.samples) // 10 :] or [[0] * len(self.pids)]
        means = [statistics.mean(column) for column in zip(*counted, strict=True)]
        crowded = [max(sample) for sample in counted]
        return (
            f"workers' connections, mean {' / '.join(f'{mean:.1f}' for mean in means)}, the "
            f"crowded one's median {statistics.median(crowded):.0f} (max {max(crowded)}) over "
            f"{len(counted)} samples; CPU s {' / '.join(f'{second:.1f}' for second in cpu)}"
        )


def wrk(url: str, seconds: int, headers: dict | None = None) -> dict:
    # A request still unanswered after 2 s (wrk's default) would be left out of the
    # latencies, as a "timeout", rather than counted: wait for it.
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout

    def milliseconds(text: str) -> float:
        found = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
        if found is None:  # no request finished: wrk prints "-nan"
            print(output, file=sys.stderr)
            return float("nan")
        number, unit = found.groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000}[unit]

    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99": milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        # The slowest request: a worker restarting mid-run stalls a few requests only, fewer
        # than the 1% beyond p99 at these rates.
        "max": milliseconds(re.search(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)", output, re.M).group(1)),
        "failed": (int(bad.group(1)) if bad else 0, errors.group(1) if errors else ""),
    }


def unloaded(base: str, path: str, headers: dict | None = None, repeat: int = 20) -> float:
    """The median milliseconds of one request at a time, on a kept-alive connection."""
    connection = HTTPConnection(base.removeprefix("http://"))
    timings = []
    for _ in range(repeat + 1):
        started = time.perf_counter()
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        timings.append(time.perf_counter() - started)
        assert response.status in (200, 304), (path, response.status)
    connection.close()
    return statistics.median(timings[1:]) * 1000


def download(server: Server, path: str) -> tuple[int, float, float]:
    """Rows, seconds, and the workers' peak RSS (MB) over one streamed CSV download."""
    peak, done = [0.0], threading.Event()

    def watch():
        while not done.is_set():
            peak[0] = max([peak[0], *(rss_mb(pid) for pid in server.workers())])
            time.sleep(0.1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    started = time.perf_counter()
    rows = 0
    with urllib.request.urlopen(server.base() + path, timeout=600) as response:
        while chunk := response.read(1 << 16):
            rows += chunk.count(b"\n")
    elapsed = time.perf_counter() - started
    done.set()
    watcher.join()
    return rows - 1, elapsed, peak[0]


def deep_cursor(url: str, n_events: int) -> tuple[str, str]:
    """A signed cursor of the app 90% of the way through the chronology, and the raw app's."""
    import psycopg
    from django.conf import settings

    from api.pagination import EventPagination

    with psycopg.connect(url) as connection:
        start, end, ident = connection.execute(
            "SELECT date_start, date_end, id FROM timeline_event WHERE review <> 'rejected' "
            "AND date_start IS NOT NULL ORDER BY date_start, date_end, id OFFSET %s LIMIT 1",
            [int(n_events * 0.9)],
        ).fetchone()
    assert settings.SECRET_KEY == "api-load-benchmark-only"
    paginator = EventPagination()
    paginator.ordering = "date"
    return paginator.encode_cursor([start, end, ident], False), f"{start},{end},{ident}"


def pages(n_events: int, app_cursor: str, raw_cursor: str) -> list[tuple[str, str, str]]:
    from urllib.parse import quote

    return [
        ("events page", f"/api/events/?page_size={PAGE}", f"/api/events/?page_size={PAGE}"),
        (
            "type+after+before",
            f"/api/events/?type=funding&after=2015&before=2016-12-31&page_size={PAGE}",
            "/api/events/?type=funding&after=2015&before=2016-12-31",
        ),
        ("actor", f"/api/events/?actor=actor-7&page_size={PAGE}", "/api/events/?actor=actor-7"),
        (
            "q",
            f"/api/events/?q={quote(NEEDLE)}&page_size={PAGE}",
            f"/api/events/?q={quote(NEEDLE)}",
        ),
        (
            "deep cursor",
            f"/api/events/?page_size={PAGE}&cursor={quote(app_cursor)}",
            f"/api/events/?cursor={quote(raw_cursor)}",
        ),
        ("timeline", f"/api/timeline/?page_size={PAGE}", f"/api/timeline/?page_size={PAGE}"),
    ]


def csv_path(n_events: int) -> str:
    """An export of about CSV_ROWS events (all of them when there are fewer)."""
    if n_events <= CSV_ROWS:
        return "/api/events/?format=csv"
    last = FIRST_DAY + timedelta(days=DAYS * CSV_ROWS // n_events)
    return f"/api/events/?format=csv&before={last.isoformat()}"


def wsgi_environ(path: str, headers: dict | None = None) -> dict:
    """The WSGI environ of a GET of `path` (with its query) from this machine, with the
    given request headers: what gunicorn would hand the app, for calling it in process."""
    route, _, query = path.partition("?")
    given = headers or {}
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": route,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        **{"HTTP_" + name.upper().replace("-", "_"): value for name, value in given.items()},
    }


def setup_django(url: str) -> None:
    os.environ.update(app_environment(url, "127.0.0.1:0"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def measure(url: str, options) -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import psycopg

    with psycopg.connect(url) as connection:
        present = connection.execute("SELECT count(*) FROM timeline_event").fetchone()[0]
    if not options.reuse or present == 0:
        started = time.perf_counter()
        fill(url, options.events)
        print(f"filled {options.events} events by COPY in {time.perf_counter() - started:.0f} s")
        present = options.events
    print(
        f"{present} events on PostgreSQL; wrk -t2 -c{CONNECTIONS} -d{options.duration}s; "
        f"GUNICORN_KEEPALIVE_REQUESTS={os.environ.get('GUNICORN_KEEPALIVE_REQUESTS', '')}; "
        f"the machine has {os.cpu_count()} cores, shared with other work"
    )
    if options.explain:
        explain_filters(url)
        return
    if options.cpu:
        cpu_per_request(present)
        return
    app_cursor, raw_cursor = deep_cursor(url, present)
    # The app twice: as configured (rendered responses cached under the data version, which
    # a benchmark repeating one URL mostly measures), and with that cache off, building
    # every response.
    built = Server("timeline.wsgi", url, DJANGO_API_RESPONSE_CACHE_SECONDS="0")
    cached = Server("timeline.wsgi", url)
    raw = Server("api_load:raw_app", url)
    servers = (built, cached, raw)
    try:
        for server in servers:
            server.warm(f"/api/events/?page_size={PAGE}")
        if not options.csv_only:
            header = (
                f"{'page':<19}{'built req/s':>12}{'p50':>7}{'p99':>7}{'max':>7}{'1 req':>7}"
                f"{'cached req/s':>13}{'p50':>7}{'p99':>7}{'max':>7}{'raw req/s':>10}{'p50':>7}"
                f"{'p99':>7}{'1 req':>7}{'built/raw':>10}{'cached/raw':>11}"
            )
            print(header + "\n" + "-" * len(header))
            first = pages(present, "", "")[0][1]
            for name, app_path, raw_path in pages(present, app_cursor, raw_cursor):
                if not options.only or name in options.only:
                    report(name, servers, app_path, raw_path, options.duration)
            if not options.only or "304" in options.only:
                report("304", servers, first, "/api/events/", options.duration, {})
        exports = [] if options.only else [csv_path(present)]
        if options.full_csv and exports[0] != "/api/events/?format=csv":
            exports.append("/api/events/?format=csv")
        for path in exports:
            rows, seconds, peak = download(built, path)
            raw_rows, raw_seconds, _ = download(raw, path)
            print(
                f"CSV {path}: {rows} rows in {seconds:.1f} s, {rows / seconds:,.0f} rows/s, "
                f"workers' peak RSS {peak:.0f} MB; raw {raw_rows / raw_seconds:,.0f} rows/s; "
                f"ratio {rows / seconds / (raw_rows / raw_seconds):.2f}"
            )
        if options.datasette:
            _, app_path, raw_path = pages(present, app_cursor, raw_cursor)[1]
            compare_datasette(url, servers, app_path, raw_path, options.duration)
    finally:
        for server in servers:
            server.stop()


def report(name, servers, app_path, raw_path, seconds, headers=None) -> None:
    built, cached, raw = servers
    figures = []
    for server, path in ((built, app_path), (cached, app_path), (raw, raw_path)):
        asked = headers
        if headers is not None:
            # A conditional request: with the tag this server gave (the URL, hence the
            # host and port, is part of it).
            with urllib.request.urlopen(server.base() + path) as response:
                asked = {"If-None-Match": response.headers.get("ETag") or '"raw"'}
        split = Split(server) if server is built else None
        figures.append(wrk(server.base() + path, seconds, asked))
        if split is not None:
            figures[-1]["split"] = split.stop()
        figures[-1]["one"] = unloaded(server.base(), path, asked)
    ours, kept, base = figures
    failed = [figure["failed"] for figure in figures if any(figure["failed"])]
    print(
        f"{name:<19}{ours['rate']:12.0f}{ours['p50']:7.1f}{ours['p99']:7.1f}{ours['max']:7.0f}"
        f"{ours['one']:7.1f}{kept['rate']:13.0f}{kept['p50']:7.1f}{kept['p99']:7.1f}"
        f"{kept['max']:7.0f}"
        f"{base['rate']:10.0f}{base['p50']:7.1f}{base['p99']:7.1f}{base['one']:7.1f}"
        f"{ours['rate'] / base['rate']:9.2f}×{kept['rate'] / base['rate']:10.2f}×"
        + (f"  failed {failed}" if failed else "")
    )
    print(f"{'':<19}built: {ours['split']}; requests {ours['requests']}")


# Datasette beside the app: the same events from SQLite


# The events page as Datasette serves it: a canned query returning the same 50 events of a
# type and date range with their actors and claims nested by json_group_array (the way
# Datasette's own nested pages are written), asked for with `_json=` so that the nested
# arrays come out as JSON, not strings.
DATASETTE_PAGE_SQL = """
SELECT e.id, e.headline, e.summary, e.type, e.date_start, e.date_end, e.date_precision,
  e.date_qualifier, e.date_edtf, e.date_display, e.status, e.review, e.updated_at,
  (SELECT json_group_array(json_object('slug', a.slug, 'name', a.name, 'kind', a.kind,
     'role', l.role))
   FROM eventactor l JOIN actor a ON a.id = l.actor_id WHERE l.event_id = e.id) AS actors,
  (SELECT json_group_array(json_object(
     'source', json_object('id', s.id, 'title', s.title, 'publisher', s.publisher,
       'published', s.published, 'url', s.url),
     'quote', c.quote, 'char_start', c.char_start, 'char_end', c.char_end,
     'date', json_object('text', c.date_text, 'start', c.date_start, 'end', c.date_end,
       'precision', c.date_precision)))
   FROM claim c JOIN source s ON s.id = c.source_id WHERE c.event_id = e.id) AS claims
FROM event e
WHERE e.type = :type AND e.date_end >= :after AND e.date_start <= :before
  AND e.review <> 'rejected'
ORDER BY e.date_start, e.date_end, e.id
LIMIT 50
"""
# Each table's rows from PostgreSQL, and its columns in SQLite, typed so that the joins can
# use the indexes (a column without a type compares by other rules than an INTEGER key).
DATASETTE_TABLES = {
    "event": (
        "SELECT id, headline, summary, type, date_start::text, date_end::text, date_precision, "
        "date_qualifier, date_edtf, date_display, status, review, updated_at::text "
        "FROM timeline_event",
        "id INTEGER PRIMARY KEY, headline TEXT, summary TEXT, type TEXT, date_start TEXT, "
        "date_end TEXT, date_precision TEXT, date_qualifier TEXT, date_edtf TEXT, "
        "date_display TEXT, status TEXT, review TEXT, updated_at TEXT",
    ),
    "actor": (
        "SELECT id, slug, name, kind FROM timeline_actor",
        "id INTEGER PRIMARY KEY, slug TEXT, name TEXT, kind TEXT",
    ),
    "eventactor": (
        "SELECT id, event_id, actor_id, role FROM timeline_eventactor",
        "id INTEGER PRIMARY KEY, event_id INTEGER, actor_id INTEGER, role TEXT",
    ),
    "source": (
        "SELECT id, title, publisher, published::text, url FROM timeline_source",
        "id INTEGER PRIMARY KEY, title TEXT, publisher TEXT, published TEXT, url TEXT",
    ),
    "claim": (
        "SELECT id, event_id, source_id, quote, char_start, char_end, date_text, "
        "date_start::text, date_end::text, date_precision FROM timeline_claim "
        "WHERE retired_at IS NULL",
        "id INTEGER PRIMARY KEY, event_id INTEGER, source_id INTEGER, quote TEXT, "
        "char_start INTEGER, char_end INTEGER, date_text TEXT, date_start TEXT, "
        "date_end TEXT, date_precision TEXT",
    ),
}
# What the canned query needs to be quick, as Datasette users would add them.
DATASETTE_INDEXES = [
    "CREATE INDEX event_type_dates ON event (type, date_start, date_end, id)",
    "CREATE INDEX eventactor_event ON eventactor (event_id)",
    "CREATE INDEX claim_event ON claim (event_id)",
]


def sqlite_copy(url: str, path: Path) -> None:
    """The events, actors, links, live claims and their sources' reference fields, copied
    from PostgreSQL into a new SQLite file (article texts are left behind: Datasette's page
    does not show them)."""
    import sqlite3

    import psycopg

    target = sqlite3.connect(path)
    target.execute("PRAGMA journal_mode = OFF")
    target.execute("PRAGMA synchronous = OFF")
    with psycopg.connect(url) as connection:
        for table, (select, columns) in DATASETTE_TABLES.items():
            target.execute(f"CREATE TABLE {table} ({columns})")
            marks = ", ".join("?" * (columns.count(",") + 1))
            with connection.cursor(name=f"copy_{table}") as cursor:
                cursor.execute(select)
                while rows := cursor.fetchmany(20_000):
                    target.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    for statement in DATASETTE_INDEXES:
        target.execute(statement)
    target.execute("ANALYZE")
    target.commit()
    target.close()


def datasette_command() -> str:
    """`datasette` from DATASETTE, this Python's environment, or the PATH (install it from
    benchmarks/requirements.txt, in this environment or one of its own)."""
    for found in (
        os.environ.get("DATASETTE"),
        str(Path(sys.executable).with_name("datasette")),
        shutil.which("datasette"),
    ):
        if found and Path(found).exists():
            return found
    sys.exit("datasette is needed: pip install -r benchmarks/requirements.txt (or set DATASETTE)")


def compare_datasette(url: str, servers, app_path: str, raw_path: str, seconds: int) -> None:
    """The type+after+before page served by Datasette from SQLite, beside the app (built
    and cached) and the raw app, all with the same wrk."""
    import json

    workdir = Path(tempfile.mkdtemp(prefix="api-load-datasette."))
    process = None
    try:
        started = time.perf_counter()
        database = workdir / "timeline.db"
        sqlite_copy(url, database)
        print(f"copied the events to SQLite for Datasette in {time.perf_counter() - started:.0f} s")
        metadata = workdir / "metadata.json"
        metadata.write_text(
            json.dumps(
                {"databases": {"timeline": {"queries": {"events_page": DATASETTE_PAGE_SQL}}}}
            )
        )
        port = free_port()
        process = subprocess.Popen(
            [
                datasette_command(),
                "serve",
                "--immutable",
                str(database),
                "--metadata",
                str(metadata),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        page = (
            "/timeline/events_page.json?type=funding&after=2015-01-01&before=2016-12-31"
            "&_shape=array&_json=actors&_json=claims"
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + page, timeout=30) as response:
                    events = json.loads(response.read())
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    sys.exit("datasette did not start")
                time.sleep(0.5)
        assert len(events) == PAGE and isinstance(events[0]["claims"], list), events[:1]
        figures = {"datasette": wrk(base + page, seconds)}
        figures["datasette"]["one"] = unloaded(base, page)
        for name, server, path in zip(
            ("built", "cached", "raw"), servers, (app_path, app_path, raw_path), strict=True
        ):
            figures[name] = wrk(server.base() + path, seconds)
            figures[name]["one"] = unloaded(server.base(), path)
        reference = figures["datasette"]["rate"]
        print(f"\ntype+after+before beside Datasette {datasette_version()} (SQLite, same events)")
        header = (
            f"{'server':<11}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'1 req ms':>10}"
            f"{'× Datasette':>13}"
        )
        print(header + "\n" + "-" * len(header))
        for name, figure in figures.items():
            print(
                f"{name:<11}{figure['rate']:8.0f}{figure['p50']:9.1f}{figure['p99']:9.1f}"
                f"{figure['one']:10.1f}{figure['rate'] / reference:12.2f}×"
                + (f"  failed {figure['failed']}" if any(figure["failed"]) else "")
            )
    finally:
        if process is not None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)
        shutil.rmtree(workdir, ignore_errors=True)


def datasette_version() -> str:
    output = subprocess.run([datasette_command(), "--version"], capture_output=True, text=True)
    return output.stdout.strip().rsplit(" ", 1)[-1]


# Each filter's page, as the public would ask for it.
EXPLAINED = [
    "",
    "type=funding",
    "after=2015&before=2016",
    "type=funding&after=2015&before=2016",
    "actor=actor-7",
    "source=3",
    f"q={NEEDLE.replace(' ', '%20')}",
    "status=disputed",
    "status=disputed&after=2015",
    "cursor",
]


def cpu_per_request(n_events: int, repeat: int = 200) -> None:
    """Each page requested in this process through the whole WSGI stack (every
    middleware), anonymously, the response cache off: the median CPU time of this process
    per request, the CPU time of its PostgreSQL backend per request (from /proc, so the
    database must run on this machine), wall time and queries. CPU time is what the
    machine's load moves least: wall times here share the cores with everything else."""

    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings

    handler = WSGIHandler()
    # One backend throughout, whose CPU time is read: not reopened every 60 s.
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = None

    def request(path: str, headers: dict) -> tuple[str, dict]:
        environ = wsgi_environ(path, headers)
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer.update(status=status, headers=dict(response_headers))

        b"".join(handler(environ, start_response))
        return answer["status"], answer["headers"]

    def backend_seconds(pid: int) -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    app_cursor, _ = deep_cursor(os.environ["DATABASE_URL"], n_events)
    first = pages(n_events, "", "")[0][1]
    listed = [(name, path, {}) for name, path, _ in pages(n_events, app_cursor, "")]
    print(f"{'page':<19}{'status':>8}{'CPU ms':>8}{'PG CPU ms':>11}{'wall ms':>9}{'queries':>9}")
    with override_settings(API_RESPONSE_CACHE_SECONDS=0):
        _, headers = request(first, {})
        listed.append(("304", first, {"If-None-Match": headers["ETag"]}))
        for name, path, asked in listed:
            for _ in range(20):
                status, _ = request(path, asked)
            pid = connection.connection.info.backend_pid
            started = backend_seconds(pid)
            cpu, wall = [], []
            for _ in range(repeat):
                wall_started, cpu_started = time.perf_counter(), time.process_time()
                request(path, asked)
                cpu.append(time.process_time() - cpu_started)
                wall.append(time.perf_counter() - wall_started)
            database = (backend_seconds(pid) - started) / repeat
            with CaptureQueriesContext(connection) as queries:
                request(path, asked)
            print(
                f"{name:<19}{status.split()[0]:>8}{statistics.median(cpu) * 1000:8.2f}"
                f"{database * 1000:11.2f}{statistics.median(wall) * 1000:9.2f}{len(queries):9d}"
            )


# The actor's and q's pages read about a page's worth: at 1M events, 460 and 130 buffers
# (15,600 and 1,290 before the links held their events' dates and q asked the index for
# its rare word only). Over this they fail, as a sequential scan of events does.
PAGE_BUFFERS = 1000
READS_A_PAGE = ("actor=", "q=")


def explain_filters(url: str) -> None:
    """Every query each filter's page runs on the events table, planned and run on this
    data: the indexes it reads, the buffers it reads, and whether it scans the table
    sequentially (which fails it, as does an actor or q page reading over PAGE_BUFFERS)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    cursor = client.get(f"/api/events/?page_size={PAGE}").json()["next"]
    scanned = wide = 0
    for filters in EXPLAINED:
        path = cursor if filters == "cursor" else f"/api/events/?page_size={PAGE}&{filters}"
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        for query in captured.captured_queries:
            sql = query["sql"]
            if 'FROM "timeline_event"' not in sql:
                continue
            with connection.cursor() as plan_cursor:
                plan_cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                plan = "\n".join(row[0] for row in plan_cursor.fetchall())
            seq = "Seq Scan on timeline_event " in plan
            scanned += seq
            kind = "count" if sql.startswith("SELECT COUNT") else "page"
            if "TABLESAMPLE" in sql:
                kind = "sample"  # the search texts `q` reads word frequencies from
            used = sorted(set(re.findall(r"\b(?:using|on) (\w+)", plan)) - {"timeline_event"})
            # The plan's first line of buffers is its root's: everything the query read.
            found = re.search(r"Buffers: shared((?: \w+=\d+)+)", plan)
            buffers = sum(int(n) for n in re.findall(r"=(\d+)", found.group(1))) if found else 0
            too_wide = kind == "page" and filters.startswith(READS_A_PAGE)
            too_wide = too_wide and buffers > PAGE_BUFFERS
            wide += too_wide
            print(
                f"{filters or '(none)':<36}{kind:<7}{'SEQ SCAN' if seq else 'indexed':<10}"
                f"{buffers:>7} buffers{' TOO MANY' if too_wide else ''}  {', '.join(used)}"
            )
    print(f"{scanned} sequential scans of the events table")
    print(f"{wide} actor or q pages read over {PAGE_BUFFERS} buffers")
    if scanned or wide:
        sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=16, help="connections wrk keeps open")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the events already in DATABASE_URL, if any"
    )
    parser.add_argument(
        "--explain", action="store_true", help="print each filter's query plan instead of measuring"
    )
    parser.add_argument(
        "--csv-only", action="store_true", help="time the CSV exports only, not the pages"
    )
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="CPU per request in this process (and its database backend) instead of wrk",
    )
    parser.add_argument(
        "--full-csv", action="store_true", help="also export every event (1M at 1M), not ~100k"
    )
    parser.add_argument(
        "--only",
        type=lambda names: set(names.split(",")),
        help="measure only these pages, comma-separated (e.g. '304,timeline'), no CSV",
    )
    parser.add_argument(
        "--datasette",
        action="store_true",
        help="also serve the type+after+before page from SQLite with Datasette, beside the app",
    )
    options = parser.parse_args()
    global CONNECTIONS
    CONNECTIONS = options.connections
    if not shutil.which("wrk") and not (options.explain or options.cpu):
        sys.exit("wrk is needed: apt-get install -y wrk")
    cluster = None
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        cluster = Cluster()
        url = cluster.start()
    try:
        setup_django(url)
        measure(url, options)
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
