"""The repository's gunicorn config: a new worker answers one request in process before it
accepts connections, on the threads that will serve, and starts all the same when it
cannot; then it moves what it holds out of the cyclic garbage collector's reach."""

import contextlib
import gc
import importlib.util
import logging
import os
import select
import socket
import subprocess
import sys
import threading
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPResponse
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_started

ROOT = Path(__file__).resolve().parent.parent


def load_config():
    spec = importlib.util.spec_from_file_location("gunicorn_config", ROOT / "gunicorn.conf.py")
    config = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(config)
    return config


@pytest.fixture
def config(monkeypatch):
    monkeypatch.delenv("GUNICORN_WARM", raising=False)
    monkeypatch.delenv("GUNICORN_MAX_REQUESTS", raising=False)
    monkeypatch.delenv("GUNICORN_MAX_REQUESTS_JITTER", raising=False)
    monkeypatch.delenv("GUNICORN_GC_FREEZE", raising=False)
    monkeypatch.delenv("GUNICORN_WORKER_CONNECTIONS", raising=False)
    monkeypatch.delenv("GUNICORN_KEEPALIVE_REQUESTS", raising=False)
    monkeypatch.delenv("GUNICORN_ACCEPT_WHEN_IDLE", raising=False)
    return load_config()


@pytest.fixture(autouse=True)
def unfrozen():
    """The hook freezes the objects of the process it runs in: here, the test run's."""
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.fixture
def started():
    """The paths of the requests Django starts while the test runs, and their threads."""
    seen = []

    def record(sender, environ, **kwargs):
        seen.append((environ["PATH_INFO"], threading.current_thread().name))

    request_started.connect(record)
    yield seen
    request_started.disconnect(record)


def worker(application, pool=None) -> SimpleNamespace:
    """What the hook reads of a gunicorn worker: its app, log, pid and (gthread) pool."""
    return SimpleNamespace(
        wsgi=application, log=logging.getLogger("test.gunicorn"), pid=1234, tpool=pool
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_new_worker_answers_a_page_on_its_own_threads_before_it_accepts(config, started, caplog):
    with (
        ThreadPoolExecutor(1, thread_name_prefix="served") as pool,
        caplog.at_level(logging.INFO, logger="test.gunicorn"),
    ):
        config.post_worker_init(worker(WSGIHandler(), pool))

    assert [path for path, _ in started] == ["/api/events/"]
    assert started[0][1].startswith("served")
    assert "answered 200 OK" in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_sync_worker_is_warmed_on_its_own_thread(config, started, caplog):
    with caplog.at_level(logging.INFO, logger="test.gunicorn"):
        config.post_worker_init(worker(WSGIHandler()))

    assert started == [("/api/events/", threading.current_thread().name)]
    assert "answered 200 OK" in caplog.text


def test_a_worker_that_cannot_warm_starts_all_the_same(config, caplog):
    def broken(environ, start_response):
        raise ConnectionError("database unreachable")

    with caplog.at_level(logging.INFO, logger="test.gunicorn"):
        config.post_worker_init(worker(broken))

    assert "not warmed" in caplog.text
    assert "database unreachable" in caplog.text


def test_warming_can_be_switched_off(monkeypatch, started):
    monkeypatch.setenv("GUNICORN_WARM", "false")
    config = load_config()

    config.post_worker_init(worker(WSGIHandler()))

    assert started == []


def test_workers_are_recycled_rarely_and_each_at_its_own_count(config, monkeypatch):
    assert config.max_requests >= 50_000
    assert config.max_requests_jitter == config.max_requests // 2
    monkeypatch.setenv("GUNICORN_MAX_REQUESTS", "0")
    assert load_config().max_requests == 0


class Held:
    """A container the collector tracks, that a weak reference can watch."""


def tracked(thing) -> bool:
    """Whether the collector's generations (not the frozen ones) hold `thing`."""
    return any(found is thing for found in gc.get_objects())


def test_a_worker_freezes_what_it_holds_before_it_accepts_and_collects_what_comes_later(
    config,
):
    held = Held()
    assert tracked(held)

    config.post_worker_init(worker(broken_application))

    assert gc.get_freeze_count() > 0
    assert not tracked(held)
    later = Held()
    later.itself = later  # a cycle: only the collector can free it
    watched = weakref.ref(later)
    del later
    gc.collect()
    assert watched() is None


def test_freezing_can_be_switched_off(config, monkeypatch):
    monkeypatch.setenv("GUNICORN_GC_FREEZE", "false")
    held = Held()

    load_config().post_worker_init(worker(broken_application))

    assert gc.get_freeze_count() == 0
    assert tracked(held)


def test_a_worker_holds_gunicorns_default_connections_unless_capped(config, monkeypatch):
    assert config.worker_connections == 1000
    monkeypatch.setenv("GUNICORN_WORKER_CONNECTIONS", "8")
    assert load_config().worker_connections == 8


def broken_application(environ, start_response):
    raise ConnectionError("database unreachable")


def hello(environ, start_response):
    """The smallest application gunicorn can serve: what is measured here is the server.
    `/pid` answers the worker's process id; `/held` does too, once the file named by
    HELD_UNTIL exists (at most 30 s later), keeping a thread busy until then."""
    body = b"hello"
    if environ["PATH_INFO"] == "/held":
        deadline = time.monotonic() + 30
        while not Path(os.environ["HELD_UNTIL"]).exists() and time.monotonic() < deadline:
            time.sleep(0.01)
    if environ["PATH_INFO"] in ("/pid", "/held"):
        body = str(os.getpid()).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]


@contextlib.contextmanager
def gunicorn(**environment):
    """gunicorn with the repository's config and one worker, serving `hello` on a free port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "tests.test_gunicorn_conf:hello",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "1",
            "GUNICORN_WARM": "false",
            **environment,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "no gunicorn"
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def ask(connection: socket.socket, path: str = "/") -> tuple[str, bytes]:
    """One HTTP/1.1 GET on an open connection: the response's Connection header and body."""
    send(connection, path)
    return answer(connection)


def send(connection: socket.socket, path: str) -> None:
    connection.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())


def answer(connection: socket.socket) -> tuple[str, bytes]:
    response = HTTPResponse(connection)
    response.begin()
    return response.getheader("Connection"), response.read()


def test_a_kept_alive_connection_is_closed_after_its_share_of_requests_and_told_so():
    with gunicorn(GUNICORN_KEEPALIVE_REQUESTS="3") as port:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            answers = [ask(connection) for _ in range(3)]
            closed = connection.recv(1) == b""
        with socket.create_connection(("127.0.0.1", port), timeout=10) as again:
            reconnected = ask(again)

    assert answers == [("keep-alive", b"hello"), ("keep-alive", b"hello"), ("close", b"hello")]
    assert closed
    assert reconnected == ("keep-alive", b"hello")


def test_kept_alive_connections_can_be_left_unlimited():
    with (
        gunicorn(GUNICORN_KEEPALIVE_REQUESTS="0") as port,
        socket.create_connection(("127.0.0.1", port), timeout=10) as connection,
    ):
        answers = [ask(connection) for _ in range(30)]

    assert answers == [("keep-alive", b"hello")] * 30


def test_a_client_that_asks_to_close_is_closed_whatever_the_limit(config):
    with (
        gunicorn() as port,
        socket.create_connection(("127.0.0.1", port), timeout=10) as connection,
    ):
        connection.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        response = HTTPResponse(connection)
        response.begin()
        answer = response.getheader("Connection"), response.read()
        closed = connection.recv(1) == b""

    assert config.KEEPALIVE_REQUESTS == 0
    assert answer == ("close", b"hello")
    assert closed


def waiting(connection: socket.socket) -> bool:
    """Whether nothing has come back on `connection` yet."""
    return not select.select([connection], [], [], 0)[0]


def test_a_worker_whose_threads_are_all_busy_leaves_new_clients_to_another(tmp_path):
    released = tmp_path / "released"
    # Left to the other worker for up to 5 s: it has time to take each client, loaded or not.
    with gunicorn(
        GUNICORN_WORKERS="2",
        GUNICORN_THREADS="1",
        GUNICORN_ACCEPT_DEFER_MS="5000",
        HELD_UNTIL=str(released),
    ) as port:
        held = socket.create_connection(("127.0.0.1", port), timeout=30)
        send(held, "/held")
        # Each asks once the previous is answered: gunicorn's plain gthread worker, its one
        # thread busy, would accept some of them all the same and leave them to wait.
        others = []
        for _ in range(6):
            with socket.create_connection(("127.0.0.1", port), timeout=10) as other:
                others.append(ask(other, "/pid")[1])
        still_held = waiting(held)
        released.touch()
        held_by = answer(held)[1]
        held.close()

    assert still_held
    assert len(set(others)) == 1
    assert held_by not in others


def test_clients_wait_for_a_thread_when_every_one_is_busy_and_are_all_served(tmp_path):
    released = tmp_path / "released"
    with gunicorn(GUNICORN_WORKERS="1", GUNICORN_THREADS="1", HELD_UNTIL=str(released)) as port:
        held = socket.create_connection(("127.0.0.1", port), timeout=30)
        send(held, "/held")
        queued = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(3)]
        for connection in queued:
            send(connection, "/pid")
        unanswered = [waiting(connection) for connection in [held, *queued]]
        released.touch()
        answers = [answer(connection)[0] for connection in [held, *queued]]
        for connection in [held, *queued]:
            connection.close()

    assert unanswered == [True] * 4
    assert answers == ["keep-alive"] * 4


def test_the_plain_threaded_worker_can_be_chosen(monkeypatch):
    monkeypatch.setenv("GUNICORN_ACCEPT_WHEN_IDLE", "false")
    assert load_config().worker_class == "gthread"
    monkeypatch.delenv("GUNICORN_ACCEPT_WHEN_IDLE")
    assert load_config().worker_class == "timeline.server.IdleThreadAcceptingWorker"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("GUNICORN_KEEPALIVE_REQUESTS", "twenty"),
        ("GUNICORN_THREADS", "-2"),
        ("GUNICORN_TIMEOUT", "30s"),
    ],
)
def test_a_setting_that_is_not_a_count_stops_the_start_naming_it(
    config, monkeypatch, variable, value
):
    monkeypatch.setenv(variable, value)

    with pytest.raises(ValueError) as error:
        load_config()

    assert str(error.value) == f"{variable} must be a whole number of 0 or more, not {value!r}"


def test_an_empty_setting_takes_its_default(config, monkeypatch):
    monkeypatch.setenv("GUNICORN_THREADS", "")

    assert load_config().threads == 4
