"""Indexes that fit the event filters: one led by `type`, and an actor's links by actor.

`(type, date_start, date_end, id)` serves `type=` alone and with `after`/`before`, whose
bounds it checks inside the index; the B-tree on `type` alone goes, as the new one leads
with it. `?actor=` reads the actor's event ids from `(actor, event)` alone.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0009_dates_week_century_fiscal"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="eventactor",
            index=models.Index(fields=["actor", "event"], name="event_actor_by_actor"),
        ),
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
    ]
