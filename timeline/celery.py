"""The Celery application the workers run: `celery -A timeline.celery worker`.

Its settings are Django's `CELERY_*` ones (the broker from CELERY_BROKER_URL or REDIS_URL);
its only tasks are in `timeline.tasks`.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")

app = Celery("timeline")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["timeline"])
