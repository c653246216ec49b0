"""A throwaway PostgreSQL cluster and the app served against it by gunicorn, both on free
loopback ports, for what must stop the database or load the server from outside: the
recovery test (tests/test_recovery.py) and `benchmarks/load_test.py`.

The cluster is made with `initdb` in a temporary directory (found as `bin/test` finds it)
and removed afterwards; PostgreSQL refuses to run as root, so as root it runs as the
`postgres` user. The server is `gunicorn timeline.wsgi` with the project's gunicorn.conf.py
and production settings (DEBUG off), throttling off.
"""

import contextlib
import glob
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def postgres_bindir() -> Path | None:
    """Where `initdb` and `pg_ctl` are: `pg_config --bindir`, else Debian's versioned dirs."""
    if shutil.which("pg_config"):
        found = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if found and (Path(found) / "initdb").is_file():
            return Path(found)
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").is_file():
            return Path(candidate)
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A PostgreSQL cluster of its own: `with Cluster() as cluster:`, then `stop()` and
    `start()` it at will; it is stopped and removed on leaving the block."""

    def __init__(self, server_options: str = "") -> None:
        """`server_options`: more `-c name=value` settings for the server."""
        self.server_options = server_options
        bindir = postgres_bindir()
        if bindir is None:
            raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl) found")
        self.bindir = bindir
        self.port = free_port()
        self.workdir = Path(tempfile.mkdtemp(prefix="timeline-served-pg."))
        self.data = self.workdir / "data"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def __enter__(self) -> "Cluster":
        if os.getuid() == 0:
            if subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
                subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)
            shutil.chown(self.workdir, user="postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        self.start()
        return self

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.workdir}"
        options = f"{options} {self.server_options}".strip()
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.workdir / "log"), "-w", "-o", options,
            "start",
        )  # fmt: skip

    def stop(self, mode: str = "immediate") -> None:
        """Stop the server; `immediate` is a crash: no checkpoint, clients cut off at once."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def __exit__(self, *exc) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


def app_environment(database_url: str, **extra: str) -> dict[str, str]:
    """Production settings against the given database, requests unthrottled."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_THROTTLE_ANON": "off",
        "DJANGO_THROTTLE_USER": "off",
        **extra,
    }


def manage(environment: dict[str, str], *args: str, timeout: int = 600) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


MAKE_EDITOR = """
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
user = User.objects.create_user("load-editor", password=None)
user.groups.add(Group.objects.get(name="editor"))
print(Token.objects.create(user=user).key)
"""


def prepare_database(environment: dict[str, str], *, pages: bool = False) -> str:
    """Migrate, add the gazetteer, and make an editor; returns the editor's API token.
    With `pages`, collect the static files too, which the public pages need with DEBUG off
    (into the git-ignored `staticfiles/`, as a deployment does)."""
    if pages:
        manage(environment, "collectstatic", "--no-input", "-v0")
    manage(environment, "migrate", "--no-input", "-v0")
    manage(environment, "merge_gazetteer", "fixtures/actors.json")
    return manage(environment, "shell", "-c", MAKE_EDITOR).strip().splitlines()[-1]


class Server:
    """`gunicorn timeline.wsgi` on a free loopback port: `with Server(environment) as s:`."""

    def __init__(self, environment: dict[str, str], workers: int = 2, threads: int = 4):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.environment = {
            **environment,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_THREADS": str(threads),
        }
        # Open while the server runs, read when it fails; closed with the server.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "timeline.wsgi"],
            cwd=ROOT,
            env=self.environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.base}/api/", timeout=5):
                    return self
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        output = self.output()
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer within 60 s:\n{output}")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-4000:]

    def __exit__(self, *exc) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def request(
    method: str, url: str, body: dict | None = None, token: str | None = None, timeout=60
) -> tuple[int, dict, bytes]:
    """One HTTP request: (status, headers, body), whatever the status."""
    # An export (`?format=csv`) answers only a client that accepts its type.
    headers = {"Accept": "*/*" if "format=" in url else "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Token {token}"
    sent = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(sent, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
