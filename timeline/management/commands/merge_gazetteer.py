"""`manage.py merge_gazetteer [FILE]`: add the gazetteer's new actors, never touch existing ones."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from timeline.gazetteer import DEFAULT_GAZETTEER, GazetteerError, merge_gazetteer


class Command(BaseCommand):
    help = (
        "Add the actors of a gazetteer fixture (default fixtures/actors.json) whose slug is new, "
        "with their aliases. Actors already present, and their aliases, are left as editors "
        "left them."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_GAZETTEER), metavar="FILE")

    def handle(self, *args, file, **options):
        try:
            merge = merge_gazetteer(file)
        except GazetteerError as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            # Drivers word an outage over several lines; the report is one.
            reason = " ".join(str(error).split())
            raise CommandError(f"the database is unavailable: {reason}") from None
        self.stdout.write(merge.summary())
