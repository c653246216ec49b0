"""Background loading (`timeline/jobs.py`, `timeline/tasks.py`): `load_articles --enqueue`,
and articles sent through the API loaded by a real Celery worker over a real Redis."""

import shutil
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from tests.conftest import ARTICLES
from tests.workers import (
    DatabaseGate,
    celery_worker,
    redis_server,
    send_to_test_queue,
    shared_database,
    wait_for,
)
from timeline.jobs import run_job, submit_article
from timeline.models import Claim, Job, JobState, Source
from timeline.pipeline.reading import read_article

FINISHED = (JobState.DONE, JobState.FAILED)


# Committing, as the command does outside tests: each job runs once its row is committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_enqueue_without_a_broker_runs_one_job_per_file_here(tmp_path, capsys):
    call_command("loaddata", "actors", verbosity=0)
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(ARTICLES.glob("00[34]_*.txt")):
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_text("  \n")

    with pytest.raises(Exception, match="1 files could not be sent"):
        call_command("load_articles", str(folder), "--enqueue")
    output = capsys.readouterr().out

    assert f"{folder / 'empty.txt'}: failed: empty file" in output
    jobs = list(Job.objects.order_by("file_name"))
    assert [job.file_name for job in jobs] == sorted(p.name for p in ARTICLES.glob("00[34]_*"))
    assert {job.state for job in jobs} == {JobState.DONE}
    for job in jobs:
        assert job.report["lines"][0].startswith(f"{job.file_name}: loaded: ")
        assert job.report["lines"][0] in output
        assert job.source.file_name == job.file_name

    # Sent again: every file is found loaded by its text; nothing new is queued.
    claims = Claim.objects.count()
    call_command("load_articles", *(str(p) for p in sorted(folder.glob("00*"))), "--enqueue")
    again = capsys.readouterr().out
    assert again.count("already loaded as source") == 2
    assert Job.objects.count() == 2 and Claim.objects.count() == claims


@pytest.mark.django_db
def test_enqueue_refuses_a_dry_run():
    with pytest.raises(Exception, match="cannot be enqueued"):
        call_command("load_articles", str(ARTICLES), "--enqueue", "--dry-run")


def article_sent():
    return read_article(sorted(ARTICLES.glob("*.txt"))[1])


def job_sent(article, django_capture_on_commit_callbacks):
    # Kept from running: these tests are about the job's row, not the load.
    with django_capture_on_commit_callbacks(execute=False):
        return submit_article(article)


@pytest.mark.django_db
def test_sending_a_text_again_fails_its_abandoned_job_and_queues_a_new_one(
    settings, django_capture_on_commit_callbacks
):
    settings.TIMELINE_JOB_ABANDONED_AFTER = 600
    article = article_sent()
    first = job_sent(article, django_capture_on_commit_callbacks).job
    # Its worker died after its retries ran out while the database was away: still running.
    Job.objects.filter(pk=first.pk).update(
        state=JobState.RUNNING, started_at=timezone.now() - timedelta(seconds=601)
    )
    again = job_sent(article, django_capture_on_commit_callbacks)
    assert again.created and again.job.pk != first.pk
    assert again.job.state == JobState.QUEUED
    first.refresh_from_db()
    assert first.state == JobState.FAILED
    assert "abandoned" in first.error and "600 seconds" in first.error
    assert first.text == article.text  # its article is kept


@pytest.mark.django_db
@pytest.mark.parametrize("state", [JobState.QUEUED, JobState.RUNNING])
def test_a_job_within_its_time_is_the_one_a_second_sending_gets(
    state, settings, django_capture_on_commit_callbacks
):
    settings.TIMELINE_JOB_ABANDONED_AFTER = 600
    article = article_sent()
    first = job_sent(article, django_capture_on_commit_callbacks).job
    Job.objects.filter(pk=first.pk).update(
        state=state,
        created_at=timezone.now() - timedelta(seconds=590),
        started_at=timezone.now() - timedelta(seconds=590) if state == JobState.RUNNING else None,
    )
    again = job_sent(article, django_capture_on_commit_callbacks)
    assert not again.created and again.job.pk == first.pk
    assert Job.objects.get(pk=first.pk).state == state


# --- with a broker and a worker -----------------------------------------------------------

worker_tests = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def feeder_client(db) -> APIClient:
    user = User.objects.create_user("feeder")
    user.user_permissions.add(Permission.objects.get(codename="add_source"))
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture(scope="session")
def redis_url():
    # One for the session: Celery keeps its connection to the first broker it sent to.
    with redis_server() as url:
        yield url


@pytest.fixture
def broker(redis_url, tmp_path, settings):
    """This process sends jobs to a real Redis; the database is one a worker sees too."""
    with shared_database(tmp_path) as database_url:
        settings.CELERY_BROKER_URL = redis_url
        send_to_test_queue(redis_url)
        call_command("loaddata", "actors", verbosity=0)
        yield redis_url, database_url


def finished(client, job_ids):
    states = {}
    for job_id in job_ids:
        body = client.get(f"/api/jobs/{job_id}/").json()
        if body["state"] not in FINISHED:
            return None
        states[job_id] = body
    return states


@worker_tests
def test_a_worker_loads_posted_articles_and_reports_every_job(broker, feeder_client, tmp_path):
    redis_url, database_url = broker
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("00[234]_*"))]
    log = tmp_path / "worker.log"
    with celery_worker(database_url, redis_url, log):
        responses = [
            feeder_client.post("/api/sources/", {"text": text}, format="json") for text in texts
        ]
        # The same text again while its job waits or runs: that job, or its source.
        repeat = feeder_client.post("/api/sources/", {"text": texts[0]}, format="json")
        assert [response.status_code for response in responses] == [202, 202, 202]
        job_ids = [response.json()["id"] for response in responses]
        jobs = wait_for(
            lambda: finished(feeder_client, job_ids), timeout=300, what="the jobs", log=log
        )

    assert repeat.status_code in (200, 202)
    if repeat.status_code == 202:
        assert repeat.json()["id"] == job_ids[0]
    else:
        assert repeat.json()["id"] == jobs[job_ids[0]]["source"]
    assert Job.objects.count() == 3
    for job in jobs.values():
        assert job["state"] == "done", job
        # On SQLite a job may meet the test's own writes holding the lock, and be retried.
        assert job["attempts"] >= 1
        assert job["report"]["status"] == "loaded"
        assert job["report"]["lines"][0].startswith(f"job {job['id']}: loaded: ")
        assert (
            Source.objects.get(pk=job["source"]).claims.count() == (job["report"]["claims_found"])
        )
    assert Source.objects.count() == 3
    assert "load_article_job" in log.read_text()


@worker_tests
def test_a_worker_retries_a_job_while_the_database_is_away(broker, feeder_client, tmp_path):
    """The worker cannot reach the database when the job arrives, then can: it retries and
    loads the article. On SQLite its database file goes away (the folder renamed; this
    process keeps its open file); on PostgreSQL it connects through a relay that hangs up
    until opened."""
    redis_url, database_url = broker
    text = next(ARTICLES.glob("004_*")).read_text(encoding="utf-8")
    response = feeder_client.post("/api/sources/", {"text": text}, format="json")
    assert response.status_code == 202
    job_id = response.json()["id"]
    log = tmp_path.parent / f"{tmp_path.name}-worker.log"

    if database_url.startswith("sqlite:"):
        away = tmp_path.parent / f"{tmp_path.name}-away"
        tmp_path.rename(away)
        worker_url, bring_back = database_url, lambda: away.rename(tmp_path)
    else:
        settings = connection.settings_dict
        gate = DatabaseGate(settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432))
        worker_url = database_url.replace(f":{settings['PORT'] or 5432}/", f":{gate.port}/")

        def bring_back():
            gate.open = True

    try:
        with celery_worker(worker_url, redis_url, log):
            wait_for(
                lambda: "Retry in" in log.read_text(errors="replace"),
                timeout=120,
                what="the worker to retry",
                log=log,
            )
            bring_back()
            wait_for(
                lambda: Job.objects.get(pk=job_id).state in FINISHED,
                timeout=300,
                what="the job",
                log=log,
            )
    finally:
        if database_url.startswith("sqlite:"):
            if not tmp_path.exists():
                bring_back()
        else:
            gate.close()

    job = Job.objects.get(pk=job_id)
    assert job.state == JobState.DONE, job.error
    assert job.source.claims.count() == job.report["claims_found"] > 0
    assert "OperationalError" in log.read_text(errors="replace")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_reads_only_from_the_primary_whatever_replicas_are_named(settings):
    """A load reads the rows it is about to join and write; a replica behind the primary
    could lack them. "replica1" names no database here: any read routed to it would fail.
    Outside a test's transaction, as a worker runs, since reads inside one stay on it."""
    call_command("loaddata", "actors", verbosity=0)
    (path,) = sorted(ARTICLES.glob("003_*.txt"))
    submission = submit_article(read_article(path), file_name=path.name)

    settings.DATABASE_REPLICAS = ["replica1"]
    job = run_job(submission.job.pk)
    settings.DATABASE_REPLICAS = []

    assert job.state == JobState.DONE, job.error
    assert job.source.file_name == path.name
