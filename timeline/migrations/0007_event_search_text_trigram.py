"""A trigram index for the `q` search on PostgreSQL; nothing on other databases.

The search is `search_text LIKE '%needle%'`, which no B-tree can serve. On PostgreSQL a
GIN index with `gin_trgm_ops` (from the pg_trgm extension) can. SQLite has no such index
and scans; it is the small local database.
"""

from django.db import migrations

INDEX = "event_search_text_trgm"


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON timeline_event "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The extension stays: other objects may have come to use it.
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0006_event_updated_index"),
    ]

    operations = [
        migrations.RunPython(create_trigram_index, drop_trigram_index, elidable=False),
    ]
