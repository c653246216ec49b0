"""Actors gain a review state (discovered by the extractor, or curated); claims dated after
their own source are flagged.

SQLite adds a column with a default by rebuilding the table, which drops the claim quote
triggers of 0002; they are created again after the rebuild.
"""

import importlib

from django.db import migrations, models

quote_trigger = importlib.import_module("timeline.migrations.0002_claim_quote_trigger")


def recreate_sqlite_quote_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        quote_trigger.run(schema_editor, "", quote_trigger.SQLITE_BACKWARD)
        quote_trigger.run(schema_editor, "", quote_trigger.SQLITE_FORWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0007_event_search_text_trigram"),
    ]

    operations = [
        migrations.AddField(
            model_name="actor",
            name="review",
            field=models.CharField(
                choices=[
                    ("curated", "Curated"),
                    ("discovered", "Discovered"),
                    ("rejected", "Rejected"),
                ],
                db_index=True,
                default="curated",
                help_text="Discovered actors were found by the extractor and await an editor.",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="claim",
            name="after_source",
            field=models.BooleanField(
                db_index=True,
                default=False,
                help_text="Dated after its own source without looking ahead: shown to editors, "
                "kept off the event's reconciled date.",
            ),
        ),
        migrations.RunPython(recreate_sqlite_quote_triggers, migrations.RunPython.noop),
    ]
