"""Sources keep their versions; a claim whose quote is gone from a new version is retired.

Every existing source gets its version 1 row. SQLite alters the claim table by rebuilding
it, which drops the claim quote triggers of 0002; they are created again afterwards.
"""

import importlib

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

quote_trigger = importlib.import_module("timeline.migrations.0002_claim_quote_trigger")


def recreate_sqlite_quote_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        quote_trigger.run(schema_editor, "", quote_trigger.SQLITE_BACKWARD)
        quote_trigger.run(schema_editor, "", quote_trigger.SQLITE_FORWARD)


def first_versions(apps, schema_editor):
    Source = apps.get_model("timeline", "Source")
    SourceVersion = apps.get_model("timeline", "SourceVersion")
    SourceVersion.objects.bulk_create(
        SourceVersion(
            source=source,
            number=1,
            content_hash=source.content_hash,
            text=source.text,
            loaded_at=source.loaded_at,
        )
        for source in Source.objects.iterator()
    )


class Migration(migrations.Migration):

    dependencies = [
        ('timeline', '0012_job'),
    ]

    operations = [
        migrations.CreateModel(
            name='SourceVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField()),
                ('content_hash', models.CharField(help_text='SHA-256 of the text.', max_length=64)),
                ('text', models.TextField()),
                ('loaded_at', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'ordering': ['source_id', 'number'],
            },
        ),
        migrations.RemoveConstraint(
            model_name='claim',
            name='claim_unique_span_per_source',
        ),
        migrations.AddField(
            model_name='claim',
            name='retired_at',
            field=models.DateTimeField(blank=True, help_text='When a new version of the source no longer held the quote; its offsets index the version before that one.', null=True),
        ),
        migrations.AddField(
            model_name='historicalclaim',
            name='retired_at',
            field=models.DateTimeField(blank=True, help_text='When a new version of the source no longer held the quote; its offsets index the version before that one.', null=True),
        ),
        migrations.AddField(
            model_name='source',
            name='changed_at',
            field=models.DateTimeField(blank=True, help_text='When the current text replaced an earlier one.', null=True),
        ),
        migrations.AddField(
            model_name='source',
            name='version',
            field=models.PositiveIntegerField(default=1, help_text='Which text of the article this is: 2 after it changed once.'),
        ),
        migrations.AlterField(
            model_name='claim',
            name='event',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='claims', to='timeline.event'),
        ),
        migrations.AddConstraint(
            model_name='claim',
            constraint=models.UniqueConstraint(condition=models.Q(('retired_at__isnull', True)), fields=('source', 'char_start', 'char_end'), name='claim_unique_span_per_source'),
        ),
        migrations.AddConstraint(
            model_name='claim',
            constraint=models.CheckConstraint(condition=models.Q(('event__isnull', False), ('retired_at__isnull', False), _connector='OR'), name='claim_live_has_event'),
        ),
        migrations.AddField(
            model_name='sourceversion',
            name='source',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='timeline.source'),
        ),
        migrations.AddConstraint(
            model_name='sourceversion',
            constraint=models.UniqueConstraint(fields=('source', 'number'), name='source_version_unique'),
        ),
        migrations.RunPython(recreate_sqlite_quote_triggers, migrations.RunPython.noop),
        migrations.RunPython(first_versions, migrations.RunPython.noop),
    ]
