"""A partial index of the undated events by type, status and review.

Every dated list says how many undated events its filters match (`undated`); counted over
this index, that reads the 1% of events without a date instead of the table's heap (at a
million events 1.8 ms instead of 46 ms, the price of the first page after each write).
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('timeline', '0015_event_span_index'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='event',
            index=models.Index(condition=models.Q(('date_start__isnull', True)), fields=['type', 'status', 'review'], name='event_undated'),
        ),
    ]
