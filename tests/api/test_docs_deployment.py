"""The docs page as deployed: DEBUG off, `collectstatic`, gunicorn, WhiteNoise serving.

With DEBUG off the static files storage is WhiteNoise's manifest storage, so the page
links content-hashed file names that exist only after `collectstatic`; WhiteNoise serves
them from STATIC_ROOT. The server runs on a free loopback port and is stopped at the end.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.test_settings import PRODUCTION

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """Settings as in production (STATIC_ROOT in a temporary directory), static files
    collected, and gunicorn serving them; yields the server's base URL."""
    tmp_path = tmp_path_factory.mktemp("deployment")
    static_root = str(tmp_path / "static")
    (tmp_path / "deployed_settings.py").write_text(
        f"from timeline.settings import *  # noqa: F403\nSTATIC_ROOT = {static_root!r}\n"
    )
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO")}
    environment.update(PRODUCTION)
    environment.update(
        DJANGO_SETTINGS_MODULE="deployed_settings",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Plain HTTP on loopback: TLS would be a proxy's job.
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]),
    )
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert collected.returncode == 0, collected.stderr

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "timeline.wsgi:application",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/", timeout=2).close()
                break
            # A first answer slower than the probe's timeout (a busy machine) is retried
            # like a refused connection, until the deadline.
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    pytest.fail(f"gunicorn did not start:\n{server.communicate()[1]}")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_the_docs_page_and_its_static_files_are_served_without_debug(deployment):
    status, _headers, body = fetch(f"{deployment}/api/docs/")

    assert status == 200
    page = body.decode()
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page)
    names = {asset.rsplit("/", 1)[-1] for asset in assets}
    # Manifest names: the content hash sits before the extension.
    for stem in ("swagger-ui-bundle", "swagger-ui-standalone-preset", "swagger-ui"):
        assert any(re.fullmatch(rf"{stem}\.[0-9a-f]{{12}}\.(js|css)", name) for name in names)
    for asset in assets:
        status, headers, content = fetch(deployment + asset)
        assert status == 200, asset
        assert content
        # WhiteNoise marks hashed files as never changing.
        assert "immutable" in headers.get("Cache-Control", ""), asset

    status, headers, _ = fetch(f"{deployment}/api/schema/")
    assert status == 200
    assert headers["Content-Type"].startswith("application/vnd.oai.openapi")


def test_a_missing_static_file_is_a_404_not_an_error(deployment):
    status, _headers, _body = fetch(f"{deployment}/static/drf_spectacular_sidecar/nothing.js")

    assert status == 404


def test_the_pages_and_the_vendored_timelinejs_are_served_without_debug(deployment):
    status, _headers, body = fetch(f"{deployment}/timelinejs/")

    assert status == 200
    page = body.decode()
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page)
    names = {asset.rsplit("/", 1)[-1] for asset in assets}
    for stem in ("timeline", "pages", "timelinejs-view"):
        assert any(re.fullmatch(rf"{stem}\.[0-9a-f]{{12}}\.(js|css)", name) for name in names)
    for asset in assets:
        status, _headers, content = fetch(deployment + asset)
        assert status == 200, asset
        assert content
    # The icon font that TimelineJS's stylesheet names is collected under its hashed name.
    (stylesheet,) = [asset for asset in assets if "/timelinejs/css/timeline." in asset]
    css = fetch(deployment + stylesheet)[2].decode()
    icons = re.findall(r'url\("?([^)"?#]*tl-icons\.[0-9a-f]{12}\.woff2)', css)
    assert icons
    base = deployment + stylesheet.rsplit("/", 1)[0] + "/"
    assert fetch(urllib.request.urljoin(base, icons[0]))[0] == 200
