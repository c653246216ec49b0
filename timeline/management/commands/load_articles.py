"""`manage.py load_articles PATH…`: extract dated events from articles and load them, or
with `--enqueue` send each file as a job to the workers (`timeline.jobs`)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from timeline.ingest import FileReport, ingest_articles
from timeline.jobs import enqueue_articles, submission_lines
from timeline.pipeline.article_error import ArticleError
from timeline.pipeline.manifest import ManifestError


class Command(BaseCommand):
    help = "Read articles (files or directories of .txt/.md), extract dated events, load them."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--manifest", help="JSON list of sources (format of sources.json)")
        parser.add_argument("--published", help="YYYY-MM-DD, for files that give no date")
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="send one job per file to the workers instead of loading here "
            "(without a broker the jobs run here, one by one)",
        )

    def handle(self, *args, paths, manifest, published, dry_run, enqueue, **options):
        try:
            published_date = date.fromisoformat(published) if published else None
        except ValueError:
            raise CommandError(f"--published must be YYYY-MM-DD, not {published!r}") from None
        if enqueue:
            if dry_run:
                raise CommandError("--dry-run loads nothing: it cannot be enqueued")
            return self.enqueue(paths, manifest, published_date)
        try:
            report = ingest_articles(
                paths,
                manifest=manifest,
                published=published_date,
                dry_run=dry_run,
                progress=self.write_progress,
            )
        except (ArticleError, ManifestError) as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            # Drivers word an outage over several lines; the report is one.
            reason = " ".join(str(error).split())
            raise CommandError(f"the database is unavailable: {reason}") from None
        self.stdout.write(report.summary())
        if report.failed:
            named = ", ".join(file.path for file in report.failed[:3])
            more = ", …" if len(report.failed) > 3 else ""
            raise CommandError(
                f"{len(report.failed)} of {len(report.files)} files failed to load: {named}{more}"
            )

    def enqueue(self, paths, manifest, published_date) -> None:
        failed = []
        try:
            for path, submission, error in enqueue_articles(
                paths, manifest=manifest, published=published_date
            ):
                for line in submission_lines(path, submission, error):
                    self.stdout.write(line)
                if submission is None:
                    failed.append(path)
        except ManifestError as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            reason = " ".join(str(error).split())
            raise CommandError(f"the database is unavailable: {reason}") from None
        if failed:
            raise CommandError(f"{len(failed)} files could not be sent: {', '.join(failed[:3])}")

    def write_progress(self, file: FileReport) -> None:
        for line in file.lines():
            self.stdout.write(line)
