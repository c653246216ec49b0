"""Indexes that fit the event filters: one led by `type`, and interval overlap on PostgreSQL.

`?type=` pages through `(type, date_start, date_end, id)` in date order; the B-tree on
`type` alone goes, as the new index leads with it.

`?after=`/`?before=` ask whether an event's interval overlaps a period. On PostgreSQL,
`EventQuerySet.overlapping` writes that as `daterange(date_start, date_end, '[]') && …`,
which these GiST indexes answer (btree_gist lets `type` sit beside the range). They are
not partial: a partial index whose condition a query implies (`date_start IS NOT NULL`,
in every date-ordered list) is a candidate for any such query, even one it cannot narrow.
SQLite has no such index; its B-trees bound the scan on one side.
"""

from django.db import migrations, models

PERIOD = "daterange(date_start, date_end, '[]')"
GIST_INDEXES = {
    "event_period_gist": PERIOD,
    "event_type_period_gist": f"type, {PERIOD}",
}


def create_period_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for name, columns in GIST_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON timeline_event USING gist ({columns})"
        )


def drop_period_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The extension stays: other objects may have come to use it.
    for name in GIST_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0008_actor_review_claim_after_source"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                fields=["type", "date_start", "date_end", "id"], name="event_type_chronology"
            ),
        ),
        migrations.AlterField(
            model_name="event",
            name="type",
            field=models.CharField(
                choices=[
                    ("founding", "Founding"),
                    ("funding", "Funding"),
                    ("model_release", "model release"),
                    ("product_launch", "product launch"),
                    ("partnership", "Partnership"),
                    ("acquisition", "Acquisition"),
                    ("restructuring", "Restructuring"),
                    ("personnel", "Personnel"),
                    ("financials", "Financials"),
                    ("pricing", "Pricing"),
                    ("ranking", "Ranking"),
                    ("controversy", "Controversy"),
                    ("rumor", "Rumor"),
                    ("denial", "Denial"),
                    ("statement", "Statement"),
                    ("strategy", "Strategy"),
                    ("other", "Other"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(create_period_indexes, drop_period_indexes, elidable=False),
    ]
