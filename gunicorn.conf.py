"""How to serve Timeline with gunicorn: `gunicorn timeline.wsgi` in the project root reads
this file (or name it with `-c gunicorn.conf.py`); every setting can be changed from the
environment.

Threaded workers (`gthread`), so that a long response is never cut off. A sync worker
tells the arbiter it is alive only between requests: while it streams a CSV export of a
million events it cannot, and after `timeout` seconds the arbiter kills it in the middle
of the body, after the 200 status has gone out, and the user gets a truncated file. A
threaded worker's main loop keeps reporting while its threads serve, so `timeout` still
catches a worker that hangs, and only that.

If a response must stop early all the same (the worker restarted, the database went
away), the client can tell: a streamed response has no Content-Length and goes out in
chunked transfer encoding, whose closing empty chunk never arrives, which HTTP clients
report as an error (curl exits with 18, Python raises IncompleteRead).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
# Requests spend most of their time in Python: one process per core, and a few threads
# each to overlap the waits on the database and the network.
workers = int(os.environ.get("GUNICORN_WORKERS", os.cpu_count() or 2))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Seconds a worker's main loop may stay silent before it is restarted; a long request
# does not count against it (see above).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "60"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Restart a worker now and then, staggered, so that its memory stays flat over weeks.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
