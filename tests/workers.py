"""A real Redis and a real Celery worker for the tests of background loading.

`bin/test` starts a `redis-server` and exports TEST_REDIS_URL; run alone, the tests start
their own. The worker is a `celery … worker --pool=solo` subprocess on a queue of its own, against
a database the test process shares with it: a SQLite file (the in-memory test database is
invisible to another process), or the PostgreSQL test database itself.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connections

ROOT = Path(__file__).resolve().parent.parent
# One queue for this test run, so that no other worker on the same Redis takes its jobs.
# One for the whole run: Celery fixes its queues at the first message sent. Each test waits
# for its own jobs, so none is left for the next test's worker.
QUEUE = f"timeline-test-{uuid.uuid4().hex[:10]}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, *, timeout: float, what: str, log: Path | None = None):
    """Poll until `check()` is truthy; fail naming `what` (and the worker's log) if not."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-4000:] if log and log.exists() else ""
    pytest.fail(f"gave up waiting for {what}\n{tail}")


@contextmanager
def redis_server():
    """TEST_REDIS_URL when set (bin/test starts one), else a throwaway redis-server."""
    if os.environ.get("TEST_REDIS_URL"):
        yield os.environ["TEST_REDIS_URL"]
        return
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed (bin/test installs Debian's redis-server)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import redis

        client = redis.Redis(port=port)

        def answers():
            try:
                return client.ping()
            except redis.ConnectionError:
                return False

        wait_for(answers, timeout=20, what="redis-server to start")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextmanager
def shared_database(tmp_path: Path):
    """The URL of a database this process and a worker both see, as `default` here."""
    original = connections["default"]
    if original.vendor != "sqlite":
        settings = original.settings_dict
        user = quote(settings["USER"] or "", safe="")
        password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
        yield (
            f"postgres://{user}{password}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}"
        )
        return
    path = tmp_path / "shared.sqlite3"
    shared = original.__class__({**original.settings_dict, "NAME": str(path)}, "default")
    connections["default"] = shared
    try:
        call_command("migrate", verbosity=0)
        yield f"sqlite:///{path}"
    finally:
        connections["default"] = original
        shared.close()


def send_to_test_queue(broker_url: str) -> None:
    """This process's Celery app sends to this run's queue on `broker_url`."""
    from timeline.celery import app

    if app.conf.broker_url != broker_url:
        # Celery keeps its connections to the broker it first sent to: drop them.
        if app._pool is not None:
            app._pool.force_close_all()
            app._pool = None
        app.amqp._producer_pool = None
    app.conf.broker_url = broker_url
    app.conf.task_default_queue = QUEUE


@contextmanager
def celery_worker(database_url: str, broker_url: str, log: Path, *, name: str = "w1"):
    """A real worker on this run's queue (`send_to_test_queue` first)."""
    queue = QUEUE
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url,
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
    }
    command = [
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
        "-Q",
        queue,
        "-n",
        f"{name}-{uuid.uuid4().hex[:6]}@%h",
    ]
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        wait_for(
            lambda: "ready." in log.read_text(errors="replace") or process.poll() is not None,
            timeout=120,
            what="the Celery worker to start",
            log=log,
        )
        if process.poll() is not None:
            pytest.fail(f"the Celery worker exited:\n{log.read_text(errors='replace')[-4000:]}")
        yield queue
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class DatabaseGate:
    """A TCP relay in front of the PostgreSQL server, shut or open: while shut it hangs up
    on every connection, as a server that went away does; opened, it relays bytes both ways.
    The worker is pointed at it to lose its database and get it back."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.open = False
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            server = socket.create_connection(self.target)
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.close()

    def close(self):
        self.closed = True
        self.listener.close()
