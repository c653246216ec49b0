"""Read replicas: the router's choices, the request scope, and a real streaming replica.

The first tests read the router's decisions for replica aliases named in the settings; no
query runs on them. The last ones run on PostgreSQL against the streaming replica that
bin/test starts from its throwaway primary (`TIMELINE_TEST_REPLICA_URL`): the router's
replica alias is pointed at it, on the primary's test database, which replication copies.
They commit, so they roll back by serialization as the other committing tests do. The
last test stops a primary for real: one of a pair of its own (benchmarks/replica_reads.py's
`Cluster`), since the suite's primary must keep running.
"""

import os
import subprocess
import sys
import time
from datetime import date

import dj_database_url
import pytest
from django.contrib.auth.models import Group, User
from django.db import connection, connections, router, transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from rest_framework.authtoken.models import Token

from tests.factories import make_event
from timeline.middleware import ReadYourWritesMiddleware
from timeline.models import Event
from timeline.replicas import PRIMARY, ReplicaRouter, pinned, request_scope

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# --- the router's decisions ------------------------------------------------------------


def test_with_no_replica_every_query_goes_to_the_primary(settings):
    settings.DATABASE_REPLICAS = []
    with request_scope():
        assert router.db_for_read(Event) == PRIMARY
        assert router.db_for_write(Event) == PRIMARY
        # Nothing to stay away from: the scope is not marked by the write.
        assert not pinned()


def test_reads_go_to_a_replica_until_the_scope_writes(settings):
    settings.DATABASE_REPLICAS = ["replica1", "replica2"]
    with request_scope():
        first = router.db_for_read(Event)
        assert first in {"replica1", "replica2"}
        assert router.db_for_write(Event) == PRIMARY
        assert router.db_for_read(Event) == PRIMARY
    # The next request starts on a replica again.
    with request_scope():
        assert router.db_for_read(Event) in {"replica1", "replica2"}


def test_one_scope_reads_from_one_replica(settings):
    settings.DATABASE_REPLICAS = ["replica1", "replica2", "replica3"]
    with request_scope():
        chosen = {router.db_for_read(Event) for _ in range(50)}
    assert len(chosen) == 1


def test_scopes_spread_over_the_replicas(settings):
    settings.DATABASE_REPLICAS = ["replica1", "replica2"]
    chosen = set()
    for _ in range(200):
        with request_scope():
            chosen.add(router.db_for_read(Event))
    assert chosen == {"replica1", "replica2"}


def test_sessions_are_read_from_the_primary(settings):
    from django.contrib.sessions.models import Session

    settings.DATABASE_REPLICAS = ["replica1"]
    with request_scope():
        assert router.db_for_read(Session) == PRIMARY
        assert router.db_for_read(Event) == "replica1"


# Not wrapped in a test transaction, whose atomic block would already hold the primary;
# rolled back by serialization, as every committing test is.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reads_inside_a_transaction_on_the_primary_stay_in_it(settings):
    settings.DATABASE_REPLICAS = ["replica1"]
    with request_scope():
        with transaction.atomic():
            assert router.db_for_read(Event) == PRIMARY
        assert router.db_for_read(Event) == "replica1"


def test_migrations_run_on_the_primary_only(settings):
    settings.DATABASE_REPLICAS = ["replica1"]
    replica_router = ReplicaRouter()
    assert replica_router.allow_migrate("replica1", "timeline") is False
    assert replica_router.allow_migrate(PRIMARY, "timeline") is None
    assert router.allow_migrate(PRIMARY, "timeline")
    assert not router.allow_migrate("replica1", "timeline")


def read_in_request(method: str, *, write: bool = False) -> list[str]:
    """The aliases a request's reads go to, before and after an optional write, as seen by a
    view behind the middleware."""
    seen = []

    def view(request):
        seen.append(router.db_for_read(Event))
        if write:
            router.db_for_write(Event)
            seen.append(router.db_for_read(Event))
        return HttpResponse()

    request = getattr(RequestFactory(), method.lower())("/")
    ReadYourWritesMiddleware(view)(request)
    return seen


@pytest.mark.parametrize(
    ("method", "write", "expected"),
    [
        ("GET", False, ["replica1"]),
        ("HEAD", False, ["replica1"]),
        ("GET", True, ["replica1", PRIMARY]),
        ("POST", False, [PRIMARY]),
        ("PATCH", False, [PRIMARY]),
        ("DELETE", True, [PRIMARY, PRIMARY]),
    ],
)
def test_a_request_reads_from_the_primary_once_it_wrote_or_will_write(
    settings, method, write, expected
):
    settings.DATABASE_REPLICAS = ["replica1"]
    assert read_in_request(method, write=write) == expected


def read_in_stream(method: str, *, write: bool = False) -> tuple[str, list[str]]:
    """Where a streamed response's body reads, beside where its view read."""
    seen = []

    def body():
        for _ in range(3):
            seen.append(router.db_for_read(Event))
            yield b"row\n"

    def view(request):
        seen.append(router.db_for_read(Event))
        if write:
            router.db_for_write(Event)
        return StreamingHttpResponse(body())

    request = getattr(RequestFactory(), method.lower())("/")
    response = ReadYourWritesMiddleware(view)(request)
    assert b"".join(response.streaming_content) == b"row\nrow\nrow\n"
    return seen[0], seen[1:]


@pytest.mark.parametrize(
    ("method", "write", "body_reads_from"),
    [("GET", False, "the view's replica"), ("GET", True, PRIMARY), ("POST", False, PRIMARY)],
)
def test_a_streamed_body_reads_where_its_request_left_off(settings, method, write, body_reads_from):
    settings.DATABASE_REPLICAS = [f"replica{number}" for number in range(1, 9)]
    view_read, body_reads = read_in_stream(method, write=write)

    expected = view_read if body_reads_from == "the view's replica" else PRIMARY
    assert body_reads == [expected] * 3


def test_a_request_does_not_leak_its_write_into_the_next(settings):
    settings.DATABASE_REPLICAS = ["replica1"]
    read_in_request("POST", write=True)
    assert read_in_request("GET") == ["replica1"]


# --- settings ------------------------------------------------------------------------


def settings_of(**env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO", "DATABASE"))
    }
    environment.update(env)
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps({'replicas': settings.DATABASE_REPLICAS, 'routers': "
        "settings.DATABASE_ROUTERS, 'databases': {alias: {key: db.get(key) for key in "
        "('ENGINE', 'NAME', 'HOST', 'PORT', 'TEST', 'OPTIONS', 'CONN_MAX_AGE')} "
        "for alias, db in settings.DATABASES.items()}}, default=str))"
    )
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def parsed(result: subprocess.CompletedProcess) -> dict:
    import json

    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_replica_urls_there_is_one_database():
    found = parsed(settings_of())

    assert found["replicas"] == []
    assert list(found["databases"]) == ["default"]


def test_each_replica_url_is_an_alias_that_tests_mirror_to_the_primary():
    found = parsed(
        settings_of(
            DATABASE_URL="postgres://app@primary.internal:5432/timeline",
            DATABASE_REPLICA_URLS=(
                "postgres://app@replica-a.internal:5432/timeline, "
                "postgres://app@replica-b.internal:6432/timeline"
            ),
        )
    )

    assert found["replicas"] == ["replica1", "replica2"]
    databases = found["databases"]
    assert [databases[alias]["HOST"] for alias in ("default", "replica1", "replica2")] == [
        "primary.internal",
        "replica-a.internal",
        "replica-b.internal",
    ]
    assert databases["replica2"]["PORT"] == 6432
    assert databases["replica1"]["TEST"]["MIRROR"] == "default"
    assert "timeline.replicas.ReplicaRouter" in found["routers"]


def test_the_pool_is_psycopgs_on_every_alias_and_replaces_persistent_connections():
    found = parsed(
        settings_of(
            DATABASE_URL="postgres://app@primary.internal/timeline",
            DATABASE_REPLICA_URLS="postgres://app@replica-a.internal/timeline",
            DATABASE_POOL="true",
            DATABASE_POOL_MAX_SIZE="12",
            DJANGO_CONN_MAX_AGE="60",
        )
    )

    for alias in ("default", "replica1"):
        database = found["databases"][alias]
        assert database["OPTIONS"]["pool"]["max_size"] == 12
        assert database["CONN_MAX_AGE"] == 0


def test_a_pool_on_sqlite_is_refused_with_the_reason():
    result = settings_of(DATABASE_POOL="true")

    assert result.returncode != 0
    assert "DATABASE_POOL needs PostgreSQL" in result.stderr


# --- a real streaming replica (PostgreSQL) --------------------------------------------

# How long replication may take on a busy machine before the test calls it broken.
REPLAY_WAIT_SECONDS = 60


@pytest.fixture
def streaming_replica(settings):
    """The alias `replica1`, on the streaming replica of the test database, as the only
    replica the router knows."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite has no streaming replication: these tests need PostgreSQL")
    url = os.environ.get("TIMELINE_TEST_REPLICA_URL")
    if not url:
        pytest.fail(
            "TIMELINE_TEST_REPLICA_URL names no replica: bin/test starts one beside its "
            "PostgreSQL primary"
        )
    where = dj_database_url.parse(url)
    primary = connections[PRIMARY]
    alias = "replica1"
    # A connection of this thread only, outside DATABASES, as the router will name it: the
    # test case neither flushes it (a replica refuses writes) nor forbids it.
    replica = primary.__class__(
        {
            **primary.settings_dict,
            **{key: where[key] for key in ("HOST", "PORT", "USER", "PASSWORD")},
            # The primary's test database, which the replica receives by replication.
            "NAME": primary.settings_dict["NAME"],
        },
        alias,
    )
    connections[alias] = replica
    settings.DATABASE_REPLICAS = [alias]
    try:
        yield alias
    finally:
        # A paused replay would outlive the test in the server.
        with replica.cursor() as cursor:
            cursor.execute("SELECT pg_wal_replay_resume()")
        replica.close()
        del connections[alias]


def scalar(alias: str, sql: str, params=()):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def wait_for_replay(alias: str) -> None:
    """Until the replica has replayed everything the primary has written so far."""
    target = scalar(PRIMARY, "SELECT pg_current_wal_lsn()")
    deadline = time.monotonic() + REPLAY_WAIT_SECONDS
    while not scalar(alias, "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [str(target)]):
        if time.monotonic() > deadline:
            pytest.fail(f"the replica did not replay up to {target} in {REPLAY_WAIT_SECONDS} s")
        time.sleep(0.05)


def pause_replay(alias: str) -> None:
    """Hold the replica at its present point: what the primary writes next stays unseen
    there until the fixture resumes replay, a lag of any length on demand."""
    wait_for_replay(alias)
    scalar(alias, "SELECT pg_wal_replay_pause()")
    while scalar(alias, "SELECT pg_get_wal_replay_pause_state()") != "paused":
        time.sleep(0.05)


committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@committing
def test_the_router_picks_the_replica_for_reads_and_the_primary_for_writes(
    streaming_replica,
):
    with request_scope():
        read = router.db_for_read(Event)
        assert scalar(read, "SELECT pg_is_in_recovery()") is True
        write = router.db_for_write(Event)
        assert scalar(write, "SELECT pg_is_in_recovery()") is False


@committing
def test_a_committed_write_is_read_from_the_replica_once_replayed(streaming_replica):
    make_event(headline="Replicated round", start=date(2024, 5, 1))
    wait_for_replay(streaming_replica)

    with request_scope():
        found = Event.objects.filter(headline="Replicated round")
        assert found.db == streaming_replica
        assert found.count() == 1


@committing
def test_the_events_page_is_served_by_the_replica(streaming_replica, client):
    make_event(headline="Seen everywhere", start=date(2024, 5, 1))
    pause_replay(streaming_replica)
    make_event(headline="Not replayed yet", start=date(2024, 6, 1))

    during = client.get("/api/events/").json()
    scalar(streaming_replica, "SELECT pg_wal_replay_resume()")
    wait_for_replay(streaming_replica)
    after = client.get("/api/events/").json()

    assert [event["headline"] for event in during["results"]] == ["Seen everywhere"]
    assert [event["headline"] for event in after["results"]] == [
        "Seen everywhere",
        "Not replayed yet",
    ]


@committing
def test_a_scope_that_wrote_reads_its_own_write_despite_the_lag(streaming_replica):
    pause_replay(streaming_replica)

    with request_scope():
        before = Event.objects.filter(headline="Written just now")
        assert before.db == streaming_replica
        event = make_event(headline="Written just now", start=date(2024, 7, 1))
        after = Event.objects.filter(pk=event.pk)
        assert after.db == PRIMARY
        assert after.count() == 1
    # The replica, still paused, has not got it: the primary answered above.
    assert not scalar(
        streaming_replica,
        "SELECT count(*) FROM timeline_event WHERE headline = %s",
        ["Written just now"],
    )


@committing
def test_a_request_that_writes_reads_from_the_primary(streaming_replica, client):
    pause_replay(streaming_replica)
    # Written after the pause: on the primary only, until replay resumes.
    event = make_event(headline="Old headline", start=date(2024, 5, 1))
    editor = User.objects.create_user("editor", password="unused-in-tests")
    editor.groups.add(Group.objects.get(name="editor"))
    token = Token.objects.create(user=editor)

    response = client.patch(
        f"/api/events/{event.pk}/",
        {"headline": "New headline"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )
    # A reading request goes to the replica, which has not got the event yet.
    lagging = client.get(f"/api/events/{event.pk}/")

    assert response.status_code == 200, response.content[:300]
    assert response.json()["headline"] == "New headline"
    assert lagging.status_code == 404


@committing
def test_reads_keep_working_without_the_primary_and_writes_answer_503(
    streaming_replica, client, lose_database
):
    event = make_event(headline="Still readable", start=date(2024, 5, 1))
    wait_for_replay(streaming_replica)

    with lose_database():
        page = client.get("/api/events/")
        detail = client.get(f"/api/events/{event.pk}/")
        write = client.patch(
            f"/api/events/{event.pk}/",
            {"headline": "x"},
            content_type="application/json",
            HTTP_AUTHORIZATION="Token abc",
        )

    assert page.status_code == 200
    assert [item["headline"] for item in page.json()["results"]] == ["Still readable"]
    assert detail.status_code == 200
    assert write.status_code == 503
    assert write.json()["errors"][0]["code"] == "service_unavailable"


def manage_shell(code: str, **env: str) -> dict:
    """Run `code` in `manage.py shell` with only the given database settings; it prints one
    JSON line, returned parsed."""
    import json

    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO", "DATABASE", "TIMELINE"))
    }
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        # A hang on the stopped primary would end here, and fail the test.
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


LOAD_ONE_EVENT = """
import json
from datetime import date
from timeline.models import Event
event = Event.objects.create(
    headline="Read with the primary down", type="other", date_start=date(2024, 5, 1),
    date_end=date(2024, 5, 1), date_precision="day", status="consistent",
)
print(json.dumps({"id": event.pk}))
"""

READ_AND_WRITE = """
import json
from django.test.utils import setup_test_environment
setup_test_environment()
from django.test import Client
client = Client()
page = client.get("/api/events/")
detail = client.get("/api/events/%(id)d/")
write = client.patch(
    "/api/events/%(id)d/", {"headline": "x"}, content_type="application/json",
    HTTP_AUTHORIZATION="Token abc",
)
from django.db import connections
print(json.dumps({
    "pooled": all(connections[alias].pool is not None for alias in ("default", "replica1")),
    "page": page.status_code,
    "headlines": [event["headline"] for event in page.json()["results"]],
    "detail": detail.status_code,
    "write": write.status_code,
    "write_error": write.json()["errors"][0]["code"],
}))
"""


def test_reads_keep_working_with_the_primary_stopped():
    """On a pair of its own, so that the suite's primary keeps running: the primary's server
    is really stopped, and a fresh process configured with it and its replica reads."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite has no streaming replication: this test needs PostgreSQL")
    from benchmarks.replica_reads import Cluster, wait_for_replay

    with Cluster(replicas=1) as pair:
        primary = pair.url(pair.primary_port)
        replica = pair.url(pair.replica_ports[0])
        loaded = manage_shell(
            "from django.core.management import call_command; "
            "call_command('migrate', verbosity=0); " + LOAD_ONE_EVENT,
            DATABASE_URL=primary,
        )
        wait_for_replay(primary, [replica])
        pair.stop_primary()

        found = manage_shell(
            READ_AND_WRITE % loaded, DATABASE_URL=primary, DATABASE_REPLICA_URLS=replica
        )
        # The same from psycopg's pools: the primary's never gets a connection, and gives
        # up after its timeout instead of making the write wait for ever.
        pooled = manage_shell(
            READ_AND_WRITE % loaded,
            DATABASE_URL=primary,
            DATABASE_REPLICA_URLS=replica,
            DATABASE_POOL="true",
            DATABASE_POOL_TIMEOUT="3",
        )

    expected = {
        "page": 200,
        "headlines": ["Read with the primary down"],
        "detail": 200,
        "write": 503,
        "write_error": "service_unavailable",
    }
    assert found == {**expected, "pooled": False}
    assert pooled == {**expected, "pooled": True}
