"""The two editorial groups: `viewer` reads the admin, `editor` curates the timeline."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATED_MODELS = ["event", "eventactor", "claim", "actor", "actoralias"]
ALL_MODELS = [*CURATED_MODELS, "source"]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    timeline_perms = Permission.objects.filter(content_type__app_label="timeline")

    viewer, _ = Group.objects.get_or_create(name="viewer")
    viewer.permissions.set(
        timeline_perms.filter(codename__in=[f"view_{model}" for model in ALL_MODELS])
    )

    editor, _ = Group.objects.get_or_create(name="editor")
    codenames = [f"view_{model}" for model in ALL_MODELS] + [
        f"{action}_{model}" for model in CURATED_MODELS for action in ("add", "change", "delete")
    ]
    editor.permissions.set(timeline_perms.filter(codename__in=codenames))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["viewer", "editor"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0002_claim_quote_trigger"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
