"""The data version (`timeline.versions`): its one-row table, and the triggers that change
its token on every write to the tables the API reads.

PostgreSQL: a trigger after each writing statement (a bulk insert changes the token once).
The change is visible to the writing transaction itself, whose later reads must not be
answered from an earlier cache entry, and commits or rolls back with it. Writers therefore
take turns from their first write to their commit; the project's writers (the loader,
editors) are few. SQLite, which has no statement triggers, has one per row and operation;
it runs one writer at a time anyway. SQLite drops a table's triggers when a migration
rebuilds the table: a later migration that alters a watched table there must create them
again (this one runs after the rebuild of the claims table in 0013).
"""

from django.db import migrations

TABLE = "timeline_data_version"
WATCHED_TABLES = (
    "timeline_event",
    "timeline_claim",
    "timeline_eventactor",
    "timeline_actor",
    "timeline_actoralias",
    "timeline_source",
)
OPERATIONS = ("INSERT", "UPDATE", "DELETE")

POSTGRESQL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION timeline_bump_data_version() RETURNS trigger AS $$
BEGIN
    UPDATE {TABLE} SET token = md5(random()::text || clock_timestamp()::text);
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def create_data_version(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"CREATE TABLE {TABLE} (id integer PRIMARY KEY, token text NOT NULL)")
        schema_editor.execute(
            f"INSERT INTO {TABLE} VALUES (1, md5(random()::text || clock_timestamp()::text))"
        )
        schema_editor.execute(POSTGRESQL_FUNCTION)
        for table in WATCHED_TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_data_version AFTER INSERT OR UPDATE OR DELETE OR "
                f"TRUNCATE ON {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION timeline_bump_data_version()"
            )
    elif vendor == "sqlite":
        schema_editor.execute(f"CREATE TABLE {TABLE} (id integer PRIMARY KEY, token text NOT NULL)")
        schema_editor.execute(f"INSERT INTO {TABLE} VALUES (1, lower(hex(randomblob(16))))")
        for table in WATCHED_TABLES:
            for operation in OPERATIONS:
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_data_version_{operation.lower()} AFTER {operation} "
                    f"ON {table} BEGIN UPDATE {TABLE} SET token = lower(hex(randomblob(16))); END"
                )


def drop_data_version(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for table in WATCHED_TABLES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_data_version ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS timeline_bump_data_version()")
    elif vendor == "sqlite":
        for table in WATCHED_TABLES:
            for operation in OPERATIONS:
                schema_editor.execute(
                    f"DROP TRIGGER IF EXISTS {table}_data_version_{operation.lower()}"
                )
    if vendor in ("postgresql", "sqlite"):
        schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0013_source_versions"),
    ]

    operations = [
        migrations.RunPython(create_data_version, drop_data_version, elidable=False),
    ]
