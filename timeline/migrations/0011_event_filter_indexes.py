"""An index led by `type`, so that `?type=` pages through one type's events in date order.

`(type, date_start, date_end, id)` serves `type=` alone and with `after`/`before`, whose
bounds it checks inside the index; the B-tree on `type` alone goes, as the new one leads
with it.
"""

from django.db import migrations, models


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
    ]
