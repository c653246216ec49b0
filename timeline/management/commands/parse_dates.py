"""Print every date expression of a text as JSON lines (see docs/API.md)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from timeline.pipeline.dates import find_dates, parse_reference


class Command(BaseCommand):
    help = "Find and normalize the date expressions of a text (FILE or stdin)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="text file to read; stdin when left out")
        parser.add_argument("--ref", help="reference date YYYY-MM-DD (or YYYY-MM, YYYY)")

    def handle(self, *args, file=None, ref=None, **options):
        try:
            reference = parse_reference(ref) if ref else None
        except ValueError as error:
            raise CommandError(f"--ref: {error}") from None
        try:
            with open(file, encoding="utf-8") if file else sys.stdin as source:
                text = source.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {file}: {error}") from None
        scan = find_dates(text, reference=reference)
        for mention in scan.mentions:
            self.stdout.write(json.dumps(mention.as_dict(), ensure_ascii=False))
        for warning in scan.warnings:
            self.stderr.write(
                f"warning: {warning.text!r} at {warning.char_start}: {warning.message}"
            )
