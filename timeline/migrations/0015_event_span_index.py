"""An index of each event's span in days on PostgreSQL, for `after=` pages; nothing elsewhere.

`EventQuerySet.overlapping` bounds `date_start` from below by `after` minus the longest span,
which it reads in the same statement as `MAX(date_end - date_start)`: with this expression
index that is one step down the index instead of a scan of every event.
"""

from django.db import migrations

INDEX = "event_span"


def create_span_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON timeline_event ((date_end - date_start))"
    )


def drop_span_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0014_data_version"),
    ]

    operations = [
        migrations.RunPython(create_span_index, drop_span_index, elidable=False),
    ]
