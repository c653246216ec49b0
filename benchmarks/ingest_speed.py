"""Articles through the API and the queue: 100 articles posted to `POST /api/sources/`,
each twice at the same moment, loaded by 2 Celery workers over Redis.

    python benchmarks/ingest_speed.py [--articles 100] [--workers 2] [--clients 8]

Starts everything it needs in a temporary folder and stops it afterwards: a `redis-server`,
the API under gunicorn, and the workers (`celery -A timeline.celery worker --pool=solo`),
on a fresh SQLite file, or on the PostgreSQL database DATABASE_URL names (which it migrates
and fills: give it an empty one). The articles are variations of the five demo articles
and the development articles (`benchmarks/labelled`, `benchmarks/heldout`): each base
article with its paragraphs in a shuffled order and a numbered title, so every text is new.

Checks and prints: every article loaded (one source per text), none twice although each
was posted twice concurrently, a finished job with its report for every article; then
articles per second per worker, from the first post to the last job's end, and from the
jobs' own running time.
"""

import argparse
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from json import dumps, loads
from pathlib import Path
from urllib.error import HTTPError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BASES = [
    *sorted((ROOT / "fixtures" / "articles").glob("*.txt")),
    *sorted((ROOT / "benchmarks" / "labelled" / "articles").glob("*.md")),
    *sorted((ROOT / "benchmarks" / "heldout" / "articles").glob("*.md")),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = check()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.3)
    raise SystemExit(f"gave up waiting for {what}")


def variations(count: int) -> list[str]:
    """`count` distinct articles: base articles with shuffled paragraphs, numbered titles."""
    from timeline.pipeline.front_matter import split_front_matter

    rng = random.Random(12)
    texts = []
    for number in range(count):
        base = BASES[number % len(BASES)].read_text(encoding="utf-8").replace("\r\n", "\n")
        _, body_start = split_front_matter(base)
        head, body = base[:body_start], base[body_start:]
        paragraphs = [part for part in body.split("\n\n") if part.strip()]
        if len(paragraphs) < 3:
            paragraphs = [line for line in body.split("\n") if line.strip()]
        first, rest = paragraphs[:1], paragraphs[1:]
        rng.shuffle(rest)
        title = f"Variation {number + 1}"
        texts.append(f"{head}{title}\n\n" + "\n\n".join(first + rest) + "\n")
    return texts


RETRIED_503 = []


def post_with_retry(url: str, token: str, body: dict) -> tuple[int, dict]:
    """As a well-behaved client does: a 503 (the database busy or away) is sent again after
    its Retry-After."""
    for _ in range(20):
        status, answer = request(url, token, body)
        if status != 503:
            return status, answer
        RETRIED_503.append(url)
        time.sleep(1)
    return status, answer


def request(url: str, token: str, body: dict | None = None) -> tuple[int, dict]:
    data = dumps(body).encode() if body is not None else None
    call = urllib.request.Request(
        url,
        data=data,
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
        method="POST" if body is not None else "GET",
    )
    try:
        with urllib.request.urlopen(call, timeout=120) as response:
            return response.status, loads(response.read())
    except HTTPError as error:
        return error.code, loads(error.read() or b"{}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8, help="concurrent posting threads")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="timeline-ingest-bench-"))
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir}/bench.sqlite3"
    redis_port, web_port = free_port(), free_port()
    broker = f"redis://127.0.0.1:{redis_port}/0"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker,
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
        # The benchmark posts far past the default rates.
        "DJANGO_THROTTLE_USER": "off",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth.models import Permission, User
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token

    from timeline.models import Job, Source

    call_command("migrate", verbosity=0)
    call_command("loaddata", "actors", verbosity=0)
    user = User.objects.create_user("bench-feeder")
    user.user_permissions.add(Permission.objects.get(codename="add_source"))
    token = Token.objects.create(user=user).key
    texts = variations(options.articles)

    processes = []
    try:
        processes.append(
            subprocess.Popen(
                [
                    shutil.which("redis-server") or "redis-server",
                    "--port",
                    str(redis_port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ],
                stdout=subprocess.DEVNULL,
            )
        )
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "timeline.wsgi",
                    "-c",
                    "gunicorn.conf.py",
                    "-b",
                    f"127.0.0.1:{web_port}",
                    "--workers",
                    "2",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
            )
        )
        logs = []
        for number in range(options.workers):
            log = workdir / f"worker{number + 1}.log"
            logs.append(log)
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "celery",
                        "-A",
                        "timeline.celery",
                        "worker",
                        "--pool=solo",
                        "--without-gossip",
                        "--without-mingle",
                        "--without-heartbeat",
                        "--loglevel=INFO",
                        "-n",
                        f"bench{number + 1}@%h",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=log.open("w"),
                    stderr=subprocess.STDOUT,
                )
            )
        base = f"http://127.0.0.1:{web_port}"
        wait_until(lambda: urllib.request.urlopen(f"{base}/api/", timeout=5), 60, "the API")
        wait_until(
            lambda: all("ready." in log.read_text(errors="replace") for log in logs),
            120,
            "the workers",
        )

        # Each text twice, back to back: two clients send it at the same moment.
        posts = [text for text in texts for _ in range(2)]
        started = time.monotonic()
        with ThreadPoolExecutor(options.clients) as pool:
            answers = list(
                pool.map(
                    lambda text: post_with_retry(f"{base}/api/sources/", token, {"text": text}),
                    posts,
                )
            )
        posted = time.monotonic() - started
        statuses = sorted({status for status, _ in answers})
        bad = [body for status, body in answers if status not in (200, 202)]
        if bad:
            raise SystemExit(f"posts refused: {bad[:3]}")

        def all_finished():
            return not Job.objects.filter(state__in=["queued", "running"]).exists()

        wait_until(all_finished, 3600, "the jobs")
        elapsed = time.monotonic() - started
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()

    jobs = list(Job.objects.all())
    done = [job for job in jobs if job.state == "done"]
    reported = [job for job in jobs if job.report and job.report.get("lines")]
    sources = Source.objects.count()
    busy = sum((job.finished_at - job.started_at).total_seconds() for job in done)
    retried = sum(1 for job in jobs if job.attempts > 1)
    engine = "PostgreSQL" if database_url.startswith("postg") else "SQLite"
    print(
        f"{options.articles} articles, each posted twice at once by {options.clients} "
        f"clients; {options.workers} workers; {engine}"
    )
    print(
        f"  answers: {', '.join(str(status) for status in statuses)}; posting took {posted:.1f} s; "
        f"503 (database busy) sent again: {len(RETRIED_503)}"
    )
    print(
        f"  jobs {len(jobs)}, done {len(done)}, failed {len(jobs) - len(done)}, "
        f"with a report {len(reported)}, retried {retried} (one job per text: "
        f"{'yes' if len(jobs) == options.articles else 'NO'})"
    )
    print(f"  sources {sources} (one per text: {'yes' if sources == options.articles else 'NO'})")
    print(
        f"  wall: {elapsed:.1f} s from the first post to the last job, "
        f"{len(done) / elapsed:.2f} articles/s, "
        f"{len(done) / elapsed / options.workers:.2f} articles/s per worker"
    )
    print(f"  busy: {busy:.1f} s of job time, {len(done) / busy:.2f} articles/s per busy worker")
    for job in jobs:
        if job.state != "done":
            print(f"  job {job.pk} {job.state}: {job.error}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
