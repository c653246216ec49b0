"""The database stops in the middle of a request and starts again: the request in flight
answers a JSON 503 with `Retry-After`, the next requests succeed, and every write the API
confirmed before the stop is still there.

The test starts its own PostgreSQL cluster and serves the app from it with gunicorn
(tests/served.py), so that stopping the server touches nothing else. It needs the
PostgreSQL server binaries, which `bin/test` installs for its PostgreSQL pass, and runs in
that pass; SQLite has no server to stop.
"""

import json
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.conf import settings

from tests.served import Cluster, Server, app_environment, prepare_database, request

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="stopping a database server mid-request needs a server: the PostgreSQL pass runs it",
)


def wait_for_lock_waiter(url: str, timeout: float = 30) -> None:
    """Until a backend of the cluster waits for a row lock: the request is in flight."""
    deadline = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as watcher:
        while time.monotonic() < deadline:
            waiting = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            ).fetchone()[0]
            if waiting:
                return
            time.sleep(0.05)
    raise AssertionError("the request never reached the database")


def test_a_stopped_database_fails_the_request_in_flight_and_loses_no_confirmed_write():
    with Cluster() as cluster:
        environment = app_environment(cluster.url)
        token = prepare_database(environment)
        with Server(environment, workers=1, threads=4) as server:
            events = f"{server.base}/api/events/"
            status, _, body = request(
                "POST", events, {"headline": "Recovery check", "type": "other"}, token
            )
            assert status == 201, body
            url = f"{events}{json.loads(body)['id']}/"
            for number in range(3):
                status, _, body = request("PATCH", url, {"summary": f"confirmed {number}"}, token)
                assert status == 200, body

            # Another transaction holds the event's row, so the next PATCH (which locks
            # it) waits inside the database when the server stops.
            holder = psycopg.connect(cluster.url)
            holder.execute(
                "SELECT id FROM timeline_event WHERE id = %s FOR UPDATE", [url.split("/")[-2]]
            )
            with ThreadPoolExecutor(1) as pool:
                in_flight = pool.submit(request, "PATCH", url, {"summary": "in flight"}, token)
                wait_for_lock_waiter(cluster.url)
                cluster.stop("immediate")
                status, headers, body = in_flight.result(timeout=60)
            holder.close()

            assert status == 503, body
            assert headers["Content-Type"].startswith("application/json")
            assert int(headers["Retry-After"]) > 0
            assert json.loads(body)["errors"][0]["code"] == "service_unavailable"
            # While it is down, every request is a 503 too.
            status, headers, _ = request("GET", events)
            assert status == 503 and int(headers["Retry-After"]) > 0

            cluster.start()

            status, _, body = request("GET", url)
            assert status == 200, body
            assert json.loads(body)["summary"] == "confirmed 2"
            status, _, body = request("PATCH", url, {"summary": "after"}, token)
            assert status == 200, body
            status, _, body = request("GET", url)
            assert json.loads(body)["summary"] == "after"
            with psycopg.connect(cluster.url) as check:
                summaries = [
                    row[0]
                    for row in check.execute(
                        "SELECT summary FROM timeline_historicalevent WHERE id = %s "
                        "ORDER BY history_id",
                        [url.split("/")[-2]],
                    )
                ]
            # Every confirmed write is in the history, the interrupted one is not.
            assert [s for s in summaries if s] == [
                "confirmed 0",
                "confirmed 1",
                "confirmed 2",
                "after",
            ]
