"""`manage.py demo_user`: a demo superuser with a fresh random password, printed once."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.accounts import reset_demo_superuser


class Command(BaseCommand):
    help = "Create or reset the demo superuser and print its new password (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options):
        if not settings.DEBUG:
            raise CommandError("demo_user is for local demos: it refuses to run with DEBUG off")
        password = reset_demo_superuser(username=username)
        self.stdout.write(f"Admin login: {username} / {password}")
