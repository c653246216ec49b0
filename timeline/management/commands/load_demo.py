"""`manage.py load_demo`: the curated actors merged in, and the demo timeline into an empty one."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from timeline.gazetteer import merge_gazetteer
from timeline.models import Claim, Event, Source


class Command(BaseCommand):
    help = (
        "Merge fixtures/actors.json (new actors only), then load fixtures/demo_timeline.json "
        "unless the database already holds sources, events or claims: a restart never "
        "overwrites edits."
    )

    def handle(self, *args, **options):
        self.stdout.write("Gazetteer: " + merge_gazetteer().summary())
        if Source.objects.exists() or Event.objects.exists() or Claim.objects.exists():
            self.stdout.write("Demo timeline not loaded: the database already has a timeline.")
            return
        call_command("loaddata", "demo_timeline", verbosity=0)
        self.stdout.write(
            f"Loaded the demo timeline: {Source.objects.count()} sources, "
            f"{Event.objects.count()} events, {Claim.objects.count()} claims."
        )
