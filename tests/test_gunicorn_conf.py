"""The repository's gunicorn config: a new worker answers one request in process before it
accepts connections, on the threads that will serve, and starts all the same when it
cannot; then it moves what it holds out of the cyclic garbage collector's reach."""

import gc
import importlib.util
import logging
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor
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
