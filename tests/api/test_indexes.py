"""The indexes behind `q` and `ordering=updated`, on whichever database the suite runs.

`q` is `search_text LIKE '%…%'`: on PostgreSQL a pg_trgm GIN index serves it, SQLite has
no such index and scans. `ordering=updated` pages through an (updated_at, id) B-tree.
"""

import importlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

TRIGRAM_INDEX = "event_search_text_trgm"
trigram_migration = importlib.import_module("timeline.migrations.0007_event_search_text_trigram")


class RecordingSchemaEditor:
    """Stands in for a schema editor of the named vendor and records the SQL it is given."""

    def __init__(self, vendor: str):
        self.connection = type("Connection", (), {"vendor": vendor})()
        self.statements: list[str] = []

    def execute(self, sql, params=()):
        self.statements.append(sql)


@pytest.mark.parametrize(
    ("vendor", "expected"),
    [
        (
            "postgresql",
            [
                "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON timeline_event "
                "USING gin (search_text gin_trgm_ops)",
            ],
        ),
        ("sqlite", []),
        ("mysql", []),
    ],
)
def test_the_trigram_migration_acts_only_on_postgresql(vendor, expected):
    forwards = RecordingSchemaEditor(vendor)
    backwards = RecordingSchemaEditor(vendor)

    trigram_migration.create_trigram_index(None, forwards)
    trigram_migration.drop_trigram_index(None, backwards)

    assert forwards.statements == expected
    assert backwards.statements == ([f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}"] if expected else [])


def event_indexes() -> dict:
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, "timeline_event")


def index_definition(name: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        return cursor.fetchone()[0]


# What the migrated test database holds, by vendor; an unknown vendor fails loudly.
HAS_TRIGRAM_INDEX = {"postgresql": True, "sqlite": False}


def test_the_search_text_has_a_trigram_index_exactly_on_postgresql():
    indexes = event_indexes()

    assert (TRIGRAM_INDEX in indexes) is HAS_TRIGRAM_INDEX[connection.vendor]
    if connection.vendor == "postgresql":
        assert indexes[TRIGRAM_INDEX]["columns"] == ["search_text"]
        assert indexes[TRIGRAM_INDEX]["type"] == "gin"
        assert "gin_trgm_ops" in index_definition(TRIGRAM_INDEX)
    else:
        # Nothing else covers search_text either: SQLite answers `q` with a scan.
        assert not [name for name, index in indexes.items() if "search_text" in index["columns"]]


def test_updated_ordering_has_its_index():
    assert event_indexes()["event_updated"]["columns"] == ["updated_at", "id"]


def page_query(client, url: str) -> str:
    """The SQL of the query that reads the page of events for `url`."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    (sql,) = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith('SELECT "timeline_event"."id"')
    ]
    return sql


def plan(sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A few rows are cheaper to scan than to look up: take that choice away, so
            # that the plan shows which indexes the query can use at all.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(str(row) for row in cursor.fetchall())


def test_the_q_filter_can_use_the_trigram_index(api_client, corpus):
    # Ordered by update, the list has no date condition that the chronology index could
    # serve instead: only the trigram index can answer the search.
    sql = page_query(api_client, "/api/events/?q=Yi-Large&ordering=-updated")

    assert "LIKE" in sql
    assert (TRIGRAM_INDEX in plan(sql)) is HAS_TRIGRAM_INDEX[connection.vendor]


@pytest.mark.parametrize("ordering", ["updated", "-updated"])
def test_the_updated_ordering_reads_its_index(api_client, corpus, ordering):
    sql = page_query(api_client, f"/api/events/?ordering={ordering}&page_size=2")

    assert "event_updated" in plan(sql)


# The index each filter's page query can use: a chronology B-tree, led by `type` for `type=`,
# that checks the date bounds inside the index while reading it in page order; the links
# by actor for `actor=`.
FILTER_INDEXES = {
    "type=model_release": ("event_type_chronology",),
    # Either bound can lead: which one the planner takes depends on the table's size on
    # disk, which tests that insert and roll back many rows change.
    "after=2024-05&before=2024-06": ("event_chronology", "event_date_end"),
    # With the dates bounding the leading column of both chronology indexes, the plain one
    # may serve the type too; which one depends on the table's size on disk, as above.
    "type=model_release&after=2024-05&before=2024-06": (
        "event_type_chronology",
        "event_chronology",
    ),
    # The actor's links first, then its events by id; on PostgreSQL the links in page
    # order (`event_actor_chronology`, migration 0017).
    "actor=kai-fu-lee": ("event_actor_by_actor", "event_actor_chronology"),
}


@pytest.mark.parametrize("filters", list(FILTER_INDEXES))
def test_each_filter_reads_its_index(api_client, corpus, filters):
    shown = plan(page_query(api_client, f"/api/events/?{filters}"))

    assert any(index in shown for index in FILTER_INDEXES[filters])
    assert "Seq Scan on timeline_event " not in shown + " "


def test_several_types_need_no_distinct(api_client, corpus):
    sql = page_query(api_client, "/api/events/?type=model_release&type=founding")

    assert "DISTINCT" not in sql


span_migration = importlib.import_module("timeline.migrations.0015_event_span_index")


@pytest.mark.parametrize(
    ("vendor", "expected"),
    [
        (
            "postgresql",
            ["CREATE INDEX IF NOT EXISTS event_span ON timeline_event ((date_end - date_start))"],
        ),
        ("sqlite", []),
    ],
)
def test_the_span_migration_acts_only_on_postgresql(vendor, expected):
    forwards = RecordingSchemaEditor(vendor)
    backwards = RecordingSchemaEditor(vendor)

    span_migration.create_span_index(None, forwards)
    span_migration.drop_span_index(None, backwards)

    assert forwards.statements == expected
    assert backwards.statements == (["DROP INDEX IF EXISTS event_span"] if expected else [])


# Whether `after=` bounds the start of the interval too, by the longest span read from the
# `event_span` index: PostgreSQL only; SQLite keeps the plain overlap test.
BOUNDS_THE_START = {"postgresql": True, "sqlite": False}


def scan_plan(sql: str, *, sort: bool = True) -> list[str]:
    """The plan PostgreSQL chooses when it is told to read indexes rather than scan: with
    a handful of rows a scan is cheaper, and would show nothing about the bounds. With
    `sort=False` sorting is priced out too (it stays possible), so the plan shows whether
    an index can give the rows in page order at all: a handful of rows is cheaper to sort."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        if not sort:
            cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        ("after=2024-05", "event_chronology"),
        ("after=2024-05&before=2024-06", "event_chronology"),
        ("type=model_release&after=2024-05", "event_type_chronology"),
    ],
)
def test_after_bounds_the_leading_column_of_the_chronology_index(
    api_client, corpus, filters, index
):
    sql = page_query(api_client, f"/api/events/?{filters}")

    assert ("MAX" in sql) is BOUNDS_THE_START[connection.vendor]
    if connection.vendor != "postgresql":
        return
    shown = scan_plan(sql)
    # The longest span is one step down its own index, not a scan of every event ...
    assert any("event_span" in line for line in shown), shown
    # ... and the chronology is read from a lower bound on its first column: a range scan,
    # not a walk from the earliest event.
    reads = (f"using {index} ", f"Scan on {index} ")
    at = next((n for n, line in enumerate(shown) if any(r in line for r in reads)), None)
    assert at is not None, shown
    conditions = " ".join(line for line in shown[at + 1 :] if "Cond:" in line)
    assert "date_start >=" in conditions, shown


def test_an_actors_page_starts_from_the_actors_links(api_client, corpus):
    sql = page_query(api_client, "/api/events/?actor=kai-fu-lee")
    if connection.vendor != "postgresql":
        # SQLite drives the plain `IN` from the links itself.
        assert "event_actor_by_actor" in plan(sql)
        return
    shown = scan_plan(sql, sort=False)

    # One actor's page reads its links in page order from `event_actor_chronology` (they
    # carry their events' dates, migration 0017) and fetches each event by id, stopping
    # at the page's end: no sort of the actor's events, no walk of the chronology that
    # probes each event's links.
    links = next((n for n, line in enumerate(shown) if "event_actor_chronology" in line), None)
    assert links is not None, shown
    assert "actor_id = " in shown[links + 1], shown
    assert not any("Sort" in line for line in shown), shown
    assert not any("event_chronology" in line for line in shown), shown
    assert not any("Seq Scan on timeline_event " in line + " " for line in shown), shown


def undated_count_query(client, url: str) -> str:
    """The SQL that counts the undated events a dated list of `url` leaves out."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    (sql,) = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith("SELECT COUNT(*)") and "IS NULL" in query["sql"]
    ]
    return sql


@pytest.mark.parametrize("filters", ["", "type=model_release", "status=disputed"])
def test_the_undated_count_reads_an_index_of_undated_events(api_client, corpus, filters):
    shown = plan(undated_count_query(api_client, f"/api/events/?{filters}"))

    if connection.vendor == "postgresql":
        # The partial index of the undated events, not the heap of every event.
        assert "event_undated" in shown
    else:
        # SQLite finds them through the chronology, whose first column is NULL for them.
        assert "SCAN timeline_event" not in shown


chronology_migration = importlib.import_module("timeline.migrations.0017_event_actor_chronology")


@pytest.mark.parametrize("vendor", ["postgresql", "sqlite"])
def test_the_link_chronology_migration_acts_only_on_postgresql(vendor):
    forwards = RecordingSchemaEditor(vendor)
    backwards = RecordingSchemaEditor(vendor)

    chronology_migration.create_link_chronology(None, forwards)
    chronology_migration.drop_link_chronology(None, backwards)

    if vendor != "postgresql":
        assert forwards.statements == backwards.statements == []
        return
    # The links are filled before their index is built, and every trigger is dropped again.
    assert forwards.statements[-1].startswith("CREATE INDEX IF NOT EXISTS event_actor_chronology")
    assert "(actor_id, event_date_start, event_date_end, event_id)" in forwards.statements[-1]
    assert any(sql.startswith("UPDATE timeline_eventactor") for sql in forwards.statements[:-1])
    created = {sql.split()[2] for sql in forwards.statements if sql.startswith("CREATE TRIGGER")}
    dropped = {sql.split()[4] for sql in backwards.statements if sql.startswith("DROP TRIGGER")}
    assert (
        created
        == dropped
        == {
            "timeline_link_takes_event_dates",
            "timeline_event_gives_links_dates",
        }
    )


def test_the_links_carry_their_events_dates_on_postgresql(corpus):
    # Whatever wrote them (here the factories, then a plain UPDATE of one event's dates),
    # the links' copies equal their events' dates; SQLite's links have no copies.
    with connection.cursor() as cursor:
        columns = [
            c.name
            for c in connection.introspection.get_table_description(cursor, "timeline_eventactor")
        ]
    has_copies = "event_date_start" in columns
    assert has_copies is (connection.vendor == "postgresql")
    if not has_copies:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE timeline_event SET date_start = date_start - 400, date_end = date_end - 400 "
            "WHERE id = (SELECT MIN(link.event_id) FROM timeline_eventactor link "
            "JOIN timeline_event dated ON dated.id = link.event_id "
            "WHERE dated.date_start IS NOT NULL)"
        )
        assert cursor.rowcount == 1
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE link.event_date_start IS NOT DISTINCT FROM "
            "event.date_start AND link.event_date_end IS NOT DISTINCT FROM event.date_end) "
            "FROM timeline_eventactor link JOIN timeline_event event ON event.id = link.event_id"
        )
        links, equal = cursor.fetchone()
    assert links > 0
    assert equal == links
