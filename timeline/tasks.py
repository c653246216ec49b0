"""The workers' tasks: load one queued article (`timeline.jobs.run_job`).

A lost database is retried with a growing pause; once the retries are spent the job is
marked failed with the reason, and keeps its article.
"""

from timeline.celery import app
from timeline.jobs import TRANSIENT_ERRORS, fail_job, run_job

MAX_RETRIES = 8


@app.task(
    bind=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=1,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=MAX_RETRIES,
    # Acknowledged once done: a worker killed mid-load leaves the message for another.
    acks_late=True,
    reject_on_worker_lost=True,
)
def load_article_job(self, job_id: int) -> str:
    try:
        return run_job(job_id).state
    except TRANSIENT_ERRORS as error:
        if self.request.retries >= MAX_RETRIES:
            fail_job(job_id, f"the database was unavailable: {' '.join(str(error).split())}")
            return "failed"
        raise
