"""The gunicorn worker the repository's config serves with: gunicorn's threaded worker,
except that it takes a new connection only while one of its threads is idle.

Every worker waits on the same listening socket, and when a client connects the kernel
wakes them all; the first to call accept() gets it. That is most often the busiest worker,
whose process is already running, so a burst of kept-alive clients (and every client that
reconnects) piles onto one worker: wrk's 16 split 11–14 / 2–5 in most runs, and the
crowded worker's clients waited 3–4× longer. This worker stops listening while all its
threads are serving, so a client that connects meanwhile goes to a worker with a thread
free; it listens again as soon as one is free. Nobody is refused or starves: a worker
whose threads are all busy frees one as soon as a request ends, and when every worker is
busy the client waits in the kernel's queue for the first thread free anywhere, as long
as it would have waited inside a worker for one. Together with closing a kept-alive
connection after a number of requests (`pre_request` in gunicorn.conf.py), the clients
keep moving towards the less busy worker while they stay.
"""

from gunicorn.workers.gthread import ThreadWorker


class IdleThreadAcceptingWorker(ThreadWorker):
    """gunicorn's `gthread` worker that accepts only while a thread is idle."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Requests handed to the thread pool and not finished: running or queued for a thread.
        self.in_flight = 0

    def enqueue_req(self, conn):
        self.in_flight += 1
        super().enqueue_req(conn)
        if self.in_flight >= self.cfg.threads:
            self.set_accept_enabled(False)

    def finish_request(self, conn, fs):
        # Called on the main loop (through gunicorn's method queue), as is enqueue_req, so
        # the count needs no lock. The loop then asks set_accept_enabled(True) again.
        self.in_flight -= 1
        super().finish_request(conn, fs)

    def set_accept_enabled(self, enabled):
        # gunicorn's loop asks to accept whenever the worker is below its connection cap;
        # it is allowed only while a thread is idle, and asked again on every turn.
        super().set_accept_enabled(enabled and self.in_flight < self.cfg.threads)
