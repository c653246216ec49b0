"""Loading jobs: an article sent through the API (or `load_articles --enqueue`) is kept as a
`Job`, loaded by a Celery worker when a broker is configured, else in the sending process
once its transaction commits, and the loader's per-file report is written back on the job.

A job is idempotent: the article's content hash makes a second run, or a second job for the
same text, find the source already loaded and change nothing.
"""

import contextlib
import dataclasses
import logging
from collections.abc import Iterator
from datetime import date, timedelta

from django.conf import settings
from django.db import (
    IntegrityError,
    InterfaceError,
    OperationalError,
    connections,
    transaction,
)
from django.db.models import Q
from django.utils import timezone

from timeline.ingest import FAILED, FileReport, load_extraction, load_gazetteer_from_database
from timeline.models import ACTIVE_JOB_STATES, Job, JobState, Source
from timeline.pipeline.article_error import ArticleError
from timeline.pipeline.extract import extract_article
from timeline.pipeline.manifest import ManifestEntry, load_manifest
from timeline.pipeline.reading import Article, article_from_bytes, find_article_paths, read_article
from timeline.replicas import request_scope

logger = logging.getLogger(__name__)

# The database errors that mean "not now" (the server went away, a lock timed out) rather
# than "never": a worker retries on these, and reports anything else on the job.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


def article_metadata(article: Article) -> dict:
    """What was read about an article besides its text, JSON-ready, to rebuild it later."""
    return {
        "title": article.title,
        "publisher": article.publisher,
        "authors": list(article.authors),
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
    }


def read_sent_article(
    data: bytes,
    name: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    authors: tuple[str, ...] = (),
    url: str | None = None,
    published: date | None = None,
    language: str | None = None,
) -> Article:
    """An article from bytes sent by a client, with what the client said about it.

    What the client gives wins over the front matter, as a manifest entry does for a file;
    the same size, encoding and front matter checks apply. Raises ArticleError.
    """
    entry = ManifestEntry(
        file=name,
        title=title or None,
        publisher=publisher or None,
        authors=tuple(authors),
        url=url or None,
        published=published,
        language=language or None,
        note=None,
    )
    return article_from_bytes(data, name, manifest={name: entry})


def article_of(job: Job) -> Article:
    """The job's article, read again from what it keeps, exactly as it was first read."""
    meta = job.metadata
    name = job.file_name or f"job {job.pk}"
    article = read_sent_article(
        job.text.encode("utf-8"),
        name,
        title=meta.get("title"),
        publisher=meta.get("publisher"),
        authors=tuple(meta.get("authors") or ()),
        url=meta.get("url"),
        published=date.fromisoformat(meta["published"]) if meta.get("published") else None,
        language=meta.get("language"),
    )
    return dataclasses.replace(article, file_name=job.file_name)


class AlreadyLoaded(Exception):
    """Rolls back a job whose text was loaded while it was being queued."""


@dataclasses.dataclass
class Submission:
    """What sending an article gave: its source when that text is loaded already, else the
    job that loads it (a new one, or the one already queued or running for that text)."""

    source: Source | None = None
    job: Job | None = None
    created: bool = False


def submit_article(article: Article, *, file_name: str = "", user=None) -> Submission:
    """Queue one article for loading, unless its text is loaded or queued already."""
    source = Source.objects.filter(content_hash=article.content_hash).first()
    if source is not None:
        return Submission(source=source)
    abandon_stale_jobs(article.content_hash)
    job = Job(
        file_name=file_name,
        content_hash=article.content_hash,
        text=article.text,
        metadata=article_metadata(article),
        submitted_by=user if getattr(user, "is_authenticated", False) else None,
    )
    try:
        with transaction.atomic():
            job.save()
            # The text's last job may have finished since the look above: its source is
            # committed now, and this job would only find it.
            source = Source.objects.filter(content_hash=article.content_hash).first()
            if source is not None:
                raise AlreadyLoaded
    except AlreadyLoaded:
        return Submission(source=source)
    except IntegrityError:
        # Another request queued the same text a moment ago: report that job.
        active = Job.objects.filter(
            content_hash=article.content_hash, state__in=[JobState.QUEUED, JobState.RUNNING]
        ).first()
        if active is None:  # it finished in between
            return Submission(source=Source.objects.filter(content_hash=job.content_hash).first())
        return Submission(job=active)
    dispatch(job)
    return Submission(job=job, created=True)


def broker_configured() -> bool:
    return bool(getattr(settings, "CELERY_BROKER_URL", ""))


def dispatch(job: Job) -> None:
    """Hand the job to the workers, or run it here, once the job's row is committed."""
    if broker_configured():
        transaction.on_commit(lambda: send_to_workers(job.pk))
    else:
        transaction.on_commit(lambda: run_job_here(job.pk))


def send_to_workers(job_id: int) -> None:
    """Queue the job for the workers; if the broker cannot take it, the job fails saying so
    (its article kept), so that the article can be sent again rather than wait forever."""
    from kombu.exceptions import OperationalError as BrokerError

    from timeline.tasks import load_article_job

    try:
        load_article_job.delay(job_id)
    except BrokerError as error:
        logger.error("job %s: the queue is unavailable: %s", job_id, error)
        fail_job(job_id, f"the queue was unavailable, send the article again: {error}")


def run_job_here(job_id: int) -> None:
    """Run a job in this process (no broker): a lost database fails the job, not the caller."""
    try:
        run_job(job_id)
    except TRANSIENT_ERRORS as error:
        logger.warning("job %s: database unavailable: %s", job_id, error)
        # Still gone: the job stays queued or running with its article, to be sent again.
        with contextlib.suppress(*TRANSIENT_ERRORS):
            fail_job(job_id, f"the database was unavailable: {' '.join(str(error).split())}")


def run_job(job_id: int) -> Job:
    """Load the job's article and record the loader's report on it.

    Raises TRANSIENT_ERRORS (the caller retries); any other failure is reported on the job.
    Running a finished job again changes nothing. Every query is on the primary: a load
    reads what it is about to write (the job, the source's hash, the events its claims
    join), which a replica behind the primary may not have yet; and in a scope of its own,
    so that one job's writes do not send a worker's later jobs' reads anywhere.
    """
    with request_scope(primary=True):
        return _run_job(job_id)


def _run_job(job_id: int) -> Job:
    job = Job.objects.get(pk=job_id)
    if job.state in (JobState.DONE, JobState.FAILED):
        return job
    Job.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING, started_at=timezone.now(), attempts=job.attempts + 1
    )
    name = job.file_name or f"job {job.pk}"
    try:
        article = article_of(job)
        # Extraction reads only the gazetteer: workers run it side by side, outside any
        # transaction, and take turns only to write.
        extraction = extract_article(article, matcher=load_gazetteer_from_database())
        # The load and the job's report commit together: a job is never done without its
        # source, nor a source loaded by a job still queued. The load takes its turn to
        # write (`ingest.one_load_at_a_time`), beside other workers and `load_articles` alike.
        with transaction.atomic():
            return finish_job(job, load_extraction(extraction))
    except ArticleError as error:
        return finish_job(job, FileReport(path=error.path, status=FAILED, error=str(error)))
    except TRANSIENT_ERRORS:
        # A lost connection stays unusable until closed; the retry opens a new one.
        connections.close_all()
        raise
    except Exception as error:  # reported on the job, never lost
        logger.exception("job %s failed", job_id)
        reason = f"{type(error).__name__}: {error}"
        return finish_job(job, FileReport(path=name, status=FAILED, error=reason))


def finish_job(job: Job, report: FileReport) -> Job:
    job.refresh_from_db()
    job.state = JobState.FAILED if report.status == FAILED else JobState.DONE
    job.report = {**dataclasses.asdict(report), "lines": report.lines()}
    job.error = report.error
    job.source_id = report.source_id
    job.finished_at = timezone.now()
    job.save()
    return job


def abandon_stale_jobs(content_hash: str) -> int:
    """Fail the text's job if it has been queued or running for longer than
    `TIMELINE_JOB_ABANDONED_AFTER` seconds: no worker is coming back to it (its retries ran
    out while the database was away, so it could not even record that). Its article stays
    on it; a worker that does reach it later finds it failed and leaves it.
    """
    limit = settings.TIMELINE_JOB_ABANDONED_AFTER
    cutoff = timezone.now() - timedelta(seconds=limit)
    stale = Job.objects.filter(content_hash=content_hash, state__in=ACTIVE_JOB_STATES).filter(
        Q(started_at__lt=cutoff) | Q(started_at__isnull=True, created_at__lt=cutoff)
    )
    return stale.update(
        state=JobState.FAILED,
        error=f"abandoned: not finished within {limit} seconds; the text was sent again",
        finished_at=timezone.now(),
    )


def fail_job(job_id: int, error: str) -> None:
    """Mark a job failed with why, keeping its article; used once retries are spent."""
    Job.objects.filter(pk=job_id, state__in=[JobState.QUEUED, JobState.RUNNING]).update(
        state=JobState.FAILED, error=error, finished_at=timezone.now()
    )


def enqueue_articles(
    paths, *, manifest=None, published: date | None = None
) -> Iterator[tuple[str, Submission | None, str]]:
    """`load_articles --enqueue`: read each article file here (the same checks as a load)
    and send it as one job; yields (path, what sending gave, or None and why it failed).

    Raises ManifestError for a broken manifest before anything is sent.
    """
    entries = load_manifest(manifest) if manifest else None
    articles = find_article_paths(paths)
    for skipped in articles.skipped:
        yield str(skipped.path), None, skipped.reason
    for path in articles.found:
        try:
            article = read_article(path, manifest=entries, published=published)
        except ArticleError as error:
            yield str(path), None, error.reason
            continue
        yield str(path), submit_article(article, file_name=path.name), ""


def submission_lines(path: str, submission: Submission | None, error: str) -> list[str]:
    """`load_articles --enqueue`'s report of a file: what sending it gave, and the job's
    own report when it has run already (no broker)."""
    if submission is None:
        return [f"{path}: failed: {error}"]
    if submission.source is not None:
        return [f"{path}: already loaded as source {submission.source.pk}"]
    job = submission.job
    if not submission.created:
        return [f"{path}: already queued as job {job.pk} ({job.state})"]
    job.refresh_from_db()
    if job.state in (JobState.DONE, JobState.FAILED):
        return [f"{path}: job {job.pk} {job.state}", *(job.report or {}).get("lines", [])]
    return [f"{path}: queued as job {job.pk}"]
