"""Reads per second of the events page served by gunicorn, from the primary alone and
with read replicas, on real PostgreSQL streaming replication.

    python benchmarks/replica_reads.py [--events 100000] [--seconds 15] [--replicas 2] [--rounds 1]

Starts a throwaway PostgreSQL primary and `--replicas` streaming replicas of it
(`pg_basebackup -R`) on free loopback ports (as the user postgres when run as root),
fills the primary with N synthetic events (benchmarks/read_speed.py's rows), waits until
every replica has replayed them, then for each configuration starts gunicorn with the
repository's config (GUNICORN_WORKERS, GUNICORN_THREADS from the environment, 2 × 4 by
default), loads `/api/events/?page_size=50` with wrk (`--connections` open at once) and
prints requests/s, the latency percentiles wrk reports, and the share of the transactions
each server ran during the run (from pg_stat_database), which shows where the reads went.

Configurations: the primary alone with persistent connections (DJANGO_CONN_MAX_AGE=60),
the primary alone with psycopg's pool (DATABASE_POOL=true), then one replica and two
replicas with persistent connections, `--rounds` times in turn. Everything shares this
machine's cores: the figure says what the routing costs or saves here, not what a replica
on its own machine adds.
"""

import argparse
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGE = "/api/events/?page_size=50"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pg_bindir() -> Path:
    found = shutil.which("pg_config")
    if found:
        candidate = Path(subprocess.check_output([found, "--bindir"], text=True).strip())
        if (candidate / "initdb").exists():
            return candidate
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin")):
        if (candidate / "initdb").exists():
            return candidate
    sys.exit("PostgreSQL server binaries not found (apt-get install postgresql)")


class Cluster:
    """A primary and its streaming replicas in one temporary directory, removed at exit
    (also used by tests/test_replicas.py, which stops the primary of its own pair)."""

    def __init__(self, replicas: int):
        self.bindir = pg_bindir()
        self.workdir = Path(tempfile.mkdtemp(prefix="timeline-replicas."))
        self.as_postgres = os.getuid() == 0
        if self.as_postgres:
            shutil.chown(self.workdir, "postgres")
        self.primary_port = free_port()
        self.replica_ports = [free_port() for _ in range(replicas)]
        self.data_dirs: list[Path] = []

    def run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

    def start(self, data: Path, port: int, *settings: str) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {self.workdir} " + " ".join(
            f"-c {setting}" for setting in settings
        )
        self.run("pg_ctl", "-D", str(data), "-l", f"{data}.log", "-w", "-o", options, "start")
        self.data_dirs.append(data)

    def __enter__(self) -> "Cluster":
        primary = self.workdir / "primary"
        self.run("initdb", "-D", str(primary), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        with open(primary / "pg_hba.conf", "a") as hba:
            hba.write("host replication postgres 127.0.0.1/32 trust\n")
        # As a deployment would run (fsync and autovacuum on), with WAL sent to replicas.
        self.start(primary, self.primary_port, "wal_level=replica", "max_wal_senders=8")
        for number, port in enumerate(self.replica_ports, start=1):
            data = self.workdir / f"replica{number}"
            self.run(
                "pg_basebackup",
                *("-D", str(data), "-h", "127.0.0.1", "-p", str(self.primary_port)),
                *("-U", "postgres", "-R", "-X", "stream", "-c", "fast"),
            )
            self.start(data, port, "hot_standby=on")
        return self

    def stop_primary(self) -> None:
        self.run("pg_ctl", "-D", str(self.workdir / "primary"), "-m", "fast", "stop")
        self.data_dirs.remove(self.workdir / "primary")

    def __exit__(self, *exc) -> None:
        for data in reversed(self.data_dirs):
            with contextlib.suppress(subprocess.CalledProcessError):
                self.run("pg_ctl", "-D", str(data), "-m", "fast", "stop")
        shutil.rmtree(self.workdir, ignore_errors=True)

    @staticmethod
    def url(port: int) -> str:
        return f"postgres://postgres@127.0.0.1:{port}/postgres"


def query(url: str, sql: str):
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as db:
        return db.execute(sql).fetchone()[0]


def wait_for_replay(primary: str, replicas: list[str]) -> None:
    target = query(primary, "SELECT pg_current_wal_lsn()::text")
    for replica in replicas:
        sql = f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"
        while not query(replica, sql):
            time.sleep(0.1)


def transactions(url: str) -> int:
    return query(
        url, "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'postgres'"
    )


def fill(primary: str, events: int) -> None:
    environment = {**os.environ, "DATABASE_URL": primary}
    code = (
        "import sys; sys.path.insert(0, '.'); "
        "from benchmarks.read_speed import setup_django, fill; "
        f"setup_django(); fill({events})"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, check=True)


def serve(environment: dict, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "timeline.wsgi"],
        cwd=ROOT,
        env={**environment, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("gunicorn did not start")


def load(port: int, seconds: int, connections: int) -> dict:
    output = subprocess.run(
        [
            "wrk",
            *("-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency"),
            # A slow answer is measured, not dropped: wrk's default gives up after 2 s.
            *("--timeout", "30s"),
            f"http://127.0.0.1:{port}{PAGE}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        sys.exit(f"{errors.group(1)} requests failed:\n{output}")
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", output, re.MULTILINE))
    failures = re.search(r"Socket errors: (.*)", output)
    return {
        "errors": failures.group(1).strip() if failures else "none",
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency.get("50"),
        "p99": latency.get("99"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--replicas", type=int, default=2, choices=[1, 2, 3])
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure every configuration this many times, in turn, to see the spread",
    )
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk not found (apt-get install wrk)")

    with Cluster(options.replicas) as cluster:
        primary = cluster.url(cluster.primary_port)
        replicas = [cluster.url(port) for port in cluster.replica_ports]
        started = time.perf_counter()
        fill(primary, options.events)
        wait_for_replay(primary, replicas)
        print(
            f"{options.events} events on PostgreSQL {query(primary, 'SHOW server_version')}, "
            f"{len(replicas)} streaming replicas (filled and replayed in "
            f"{time.perf_counter() - started:.0f} s); {os.cpu_count()} cores; "
            f"wrk -c {options.connections} for {options.seconds} s on {PAGE}"
        )
        base = {
            **{key: value for key, value in os.environ.items() if not key.startswith("DATABASE")},
            "DATABASE_URL": primary,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "replica-benchmark-only",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_THROTTLE_ANON": "off",
            "DJANGO_CONN_MAX_AGE": "60",
        }
        configurations = [
            ("primary alone", {}),
            ("primary alone, psycopg pool", {"DATABASE_POOL": "true"}),
        ] + [
            (
                f"{count} replica{'s' if count > 1 else ''}",
                {"DATABASE_REPLICA_URLS": ",".join(replicas[:count])},
            )
            for count in range(1, len(replicas) + 1)
        ]
        servers = [primary, *replicas]
        print(
            "| configuration | req/s | p50 | p99 | errors | load "
            "| transactions on primary / replicas |"
        )
        print("|---|---|---|---|---|---|---|")
        for name, extra in configurations * options.rounds:
            port = free_port()
            server = serve({**base, **extra}, port)
            try:
                load(port, 2, options.connections)  # warm the workers and their connections
                time.sleep(2)  # servers publish their counters about once a second
                before = [transactions(url) for url in servers]
                figures = load(port, options.seconds, options.connections)
                time.sleep(2)
                after = [transactions(url) for url in servers]
            finally:
                server.terminate()
                server.wait()
            done = [end - start for start, end in zip(before, after, strict=True)]
            total = sum(done) or 1
            shares = " / ".join(f"{100 * count / total:.0f}%" for count in done)
            # The machine's 1-minute load average after the run: other work shares the cores.
            load_average = os.getloadavg()[0]
            print(
                f"| {name} | {figures['rps']:.0f} | {figures['p50']} | {figures['p99']} "
                f"| {figures['errors']} | {load_average:.1f} | {shares} |"
            )


if __name__ == "__main__":
    main()
