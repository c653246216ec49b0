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
    "type=model_release&after=2024-05&before=2024-06": ("event_type_chronology",),
    # The actor's links first, then its events by id.
    "actor=kai-fu-lee": ("event_actor_by_actor",),
}


@pytest.mark.parametrize("filters", list(FILTER_INDEXES))
def test_each_filter_reads_its_index(api_client, corpus, filters):
    shown = plan(page_query(api_client, f"/api/events/?{filters}"))

    assert any(index in shown for index in FILTER_INDEXES[filters])


def test_several_types_need_no_distinct(api_client, corpus):
    sql = page_query(api_client, "/api/events/?type=model_release&type=founding")

    assert "DISTINCT" not in sql
