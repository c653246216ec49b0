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


def _count(name, default):
    """A whole number of `name` from the environment, or `default`; a value that is not one
    stops the server at start with the variable's name, not a bare int() error."""
    value = os.environ.get(name)
    if value is None or value == "":
        return int(default)
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise ValueError(f"{name} must be a whole number of 0 or more, not {value!r}")
    return number


def _switched_off(name):
    """Whether a switch that is on by default is turned off (false, 0, no, off)."""
    return os.environ.get(name, "true").strip().lower() in ("0", "false", "no", "off")


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gthread's worker, except that while all its threads are busy it leaves a new client to
# a less busy worker for a few ms (timeline/server.py), so that clients spread evenly over
# the workers; `GUNICORN_ACCEPT_WHEN_IDLE=false` serves with gthread as it is.
worker_class = (
    "gthread"
    if _switched_off("GUNICORN_ACCEPT_WHEN_IDLE")
    else "timeline.server.IdleThreadAcceptingWorker"
)
# Requests spend most of their time in Python: one process per core, and a few threads
# each to overlap the waits on the database and the network.
workers = _count("GUNICORN_WORKERS", os.cpu_count() or 2)
threads = _count("GUNICORN_THREADS", "4")
# Connections a worker holds at once, gunicorn's 1,000 by default. A kept-alive connection
# stays on the worker that accepted it; with plain gthread one worker often accepted most
# of a burst (wrk's 16 split 3 / 13), and its clients waited three times longer than the
# other's. A cap of a few per thread evens the split too, but a worker at its cap takes no
# one else while its clients keep asking: clients beyond workers × cap that never pause
# wait until one leaves, so the cap is for a known number of clients (a proxy's pool); the
# worker class above evens the split without refusing anyone (benchmarks/README.md).
worker_connections = _count("GUNICORN_WORKER_CONNECTIONS", "1000")
# Requests a kept-alive connection carries before the worker closes it (0: no limit). The
# last one is answered with `Connection: close` and the client connects again, which the
# worker class above hands to the less busy worker: so the split keeps evening out while
# clients come and go, instead of staying as a burst left it. On its own (plain gthread)
# it evens nothing: the busy worker accepts the new connection as often as the idle one.
# Off by default: at 1M, closing every 20th request doubled the p99 of the 304 and the
# cached pages (23-27 ms -> 45-53 ms at 1,000-2,000 req/s, one reconnection each 20
# requests), and the worker class alone already split wrk's 16 connections 8 / 8 and 6 / 10
# (benchmarks/README.md, "Evening the split without a cap").
KEEPALIVE_REQUESTS = _count("GUNICORN_KEEPALIVE_REQUESTS", "0")
# Seconds a worker's main loop may stay silent before it is restarted; a long request
# does not count against it (see above).
timeout = _count("GUNICORN_TIMEOUT", "30")
graceful_timeout = _count("GUNICORN_GRACEFUL_TIMEOUT", "60")
keepalive = _count("GUNICORN_KEEPALIVE", "5")
# Restart a worker now and then, so that its memory stays flat over weeks: rarely, since a
# restart costs a core two seconds of imports while the other workers carry the load, and
# each worker at its own count (a jitter of up to half again), so that two seldom restart
# together.
max_requests = _count("GUNICORN_MAX_REQUESTS", "100000")
max_requests_jitter = _count("GUNICORN_MAX_REQUESTS_JITTER", max_requests // 2)
# Seconds a new worker may spend warming up (below) before it takes requests regardless.
WARM_SECONDS = 20
WARM_PATH = "/api/events/?page_size=1"


def warm_environ(path: str) -> dict:
    """A GET of `path` as a client would send it to this server: a host Django accepts, and
    over HTTPS when Django redirects plain HTTP (or trusts a proxy's header saying so)."""
    import io
    import sys

    from django.conf import settings

    hosts = [host for host in settings.ALLOWED_HOSTS if host != "*"]
    host = hosts[0].lstrip(".") if hosts else "localhost"
    route, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": route,
        "QUERY_STRING": query,
        "SERVER_NAME": host,
        "SERVER_PORT": "443",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if header:
        environ[header[0]] = header[1]
    return environ


def warm_request(application, path: str) -> str:
    """`path` answered by the WSGI application in this process; its status line."""
    answer = []

    def start_response(status, headers, exc_info=None):
        answer.append(status)

    body = application(warm_environ(path), start_response)
    try:
        for _ in body:
            pass
    finally:
        if hasattr(body, "close"):
            body.close()
    return answer[0]


def pre_request(worker, req):
    """Mark the request that reaches KEEPALIVE_REQUESTS on its connection as the last: gunicorn
    then answers it with `Connection: close` (so an HTTP/1.1 client knows not to send more)
    and closes the connection after the response, as it does when the client asked."""
    # An HTTP/2 request's number is its stream's: many streams share one connection there.
    if KEEPALIVE_REQUESTS and not hasattr(req, "stream") and req.req_number >= KEEPALIVE_REQUESTS:
        req.must_close = True


def post_worker_init(worker):
    """A new worker, before it accepts a connection: warmed, then its objects frozen."""
    warm_worker(worker)
    freeze_heap(worker)


def freeze_heap(worker):
    """Move every object the worker holds now (Django, the settings, the URL configuration,
    the views and the pipeline the warm-up imported: about 100,000 tracked by the cyclic
    garbage collector) out of the collector's reach, for good (`GUNICORN_GC_FREEZE=false`
    leaves them in). They live as long as the worker, yet a full collection walked them
    all, every 500–2,000 requests: 50 ms in process, 90–370 ms in a worker under
    load, during which the worker's threads answered nobody, and every request in flight or
    queued on it took that long more. Those pauses were the slowest requests of the built
    event pages at 1M. After freezing, a full collection walks only what came later (1.5
    ms on average in process); the young generations are collected as before, and objects
    made by requests are freed as before. One collection first, so that the garbage of the
    start is freed, not frozen."""
    if _switched_off("GUNICORN_GC_FREEZE"):
        return
    import gc

    gc.collect()
    gc.freeze()
    worker.log.info("worker %s froze %d objects", worker.pid, gc.get_freeze_count())


def warm_worker(worker):
    """Warm a new worker before it accepts a connection (`GUNICORN_WARM=false` leaves it
    cold). Loading the app imports Django and the settings only; the first request then
    resolves the URL configuration, which imports the views, the renderers and the
    extraction pipeline behind the loading endpoint: 0.7–1.5 s here, while the clients
    whose connections the worker had accepted waited (at 1,000 req/s, the p99 of a 304
    was 1.3 s when workers restarted every 5,000 requests, 46 ms when they did not). So
    one request is answered here first, on the thread pool that will serve the real ones,
    so that one of its threads also holds an open database connection when
    DJANGO_CONN_MAX_AGE keeps them. A failure (the database down) is logged and the worker
    starts all the same: it would answer 503 then, warm or cold."""
    if _switched_off("GUNICORN_WARM"):
        return
    import time

    started = time.monotonic()
    pool = getattr(worker, "tpool", None)  # gthread's threads; a sync worker has none
    try:
        if pool is None:
            status = warm_request(worker.wsgi, WARM_PATH)
        else:
            status = pool.submit(warm_request, worker.wsgi, WARM_PATH).result(WARM_SECONDS)
    except Exception as error:  # a worker that cannot warm still serves
        worker.log.warning("worker %s not warmed: %r", worker.pid, error)
        return
    worker.log.info(
        "worker %s warmed in %.2f s: GET %s answered %s",
        worker.pid,
        time.monotonic() - started,
        WARM_PATH,
        status,
    )
