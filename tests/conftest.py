"""Shared fixtures: the project's real articles and curated actors."""

import os
import socket
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connections
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in the test's thread; the test's own ORM calls
# stay synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Request throttling and login lock-out off: most tests send hundreds of requests and
    log in with the test client, which gives no request to django-axes. The tests of both
    (tests/api/test_limits.py) turn them back on with small rates."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None},
    }
    settings.AXES_ENABLED = False


@pytest.fixture(autouse=True)
def reads_on_the_primary(settings):
    """Every query on the test database, even when the environment names replicas: their
    aliases only mirror it, on connections that cannot see a test's uncommitted rows.
    tests/test_replicas.py names the replicas it routes to."""
    settings.DATABASE_REPLICAS = []


@pytest.fixture(autouse=True)
def no_broker(settings):
    """Jobs run in the test's process, whatever broker the environment names; the worker
    tests (tests/test_jobs.py) set one."""
    settings.CELERY_BROKER_URL = ""


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached: the response cache is keyed by the data
    version, and a test that writes nothing sees the same version as the last one did,
    with its own settings."""
    cache.clear()


@pytest.fixture
def lose_database(tmp_path):
    """A context manager: inside it the default connection goes where no database answers,
    so every query fails in the driver as with the server stopped: on SQLite a file in a
    directory that does not exist, on PostgreSQL a loopback port nothing listens on."""

    @contextmanager
    def lost():
        original = connections["default"]
        if original.vendor == "sqlite":
            elsewhere = {"NAME": str(tmp_path / "removed" / "db.sqlite3")}
        else:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            elsewhere = {"HOST": "127.0.0.1", "PORT": str(port)}
        gone = original.__class__({**original.settings_dict, **elsewhere}, "default")
        connections["default"] = gone
        try:
            yield
        finally:
            connections["default"] = original
            gone.close()

    return lost


@pytest.fixture
def articles_dir() -> Path:
    return ARTICLES


@pytest.fixture
def article_text():
    """Read one of the demo articles by file-name prefix ("001")."""

    def read(prefix: str) -> str:
        (path,) = ARTICLES.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture
def page():
    """A page in Debian's Chromium, headless, with no network beyond this machine."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser.new_page()
        browser.close()
        # ORM calls made while Playwright's loop runs open their own connection; close it,
        # or PostgreSQL refuses to drop the test database at the end of the session.
        connections.close_all()
