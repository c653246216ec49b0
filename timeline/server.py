"""The gunicorn worker the repository's config serves with: gunicorn's threaded worker,
except that while all its threads are busy it leaves a new client to another worker for a
moment before taking it itself.

Every worker waits on the same listening socket, and when a client connects the kernel
wakes them all; the first to call accept() gets it, the busier worker (whose process is
often running already) as often as the idle one, so a burst of kept-alive clients stays
split as it fell, and clients that reconnect do not even it out either: wrk's 16 split
11–14 / 2–5 in most runs, and the crowded worker's clients waited 3–4× longer. This
worker, woken for a client while every thread it has is serving, stops listening for
DEFER_SECONDS for each request it holds beyond its threads: a worker with a thread free
takes the client meanwhile, and when all are busy the one with the fewest requests
waiting does. The client is taken when the time is up or a thread frees, whichever comes
first, so it waits at most a few ms for each request that it would have waited behind
anyway. Tried first: not listening until a thread frees, which kept reconnecting clients
in the kernel's queue for up to 1.6 s while both workers stayed busy, and a flat 10 ms,
after which two busy workers raced for the client as before (benchmarks/README.md).
"""

import os
import time

from gunicorn.workers.gthread import ThreadWorker

# How long a busy worker leaves a new client to the others, for each request it holds
# beyond its threads (GUNICORN_ACCEPT_DEFER_MS, the first included): a worker with an idle
# thread, woken by the same connection, accepts it within a few ms, and between busy
# workers the one with fewer requests waiting takes it.
_DEFER_MS = os.environ.get("GUNICORN_ACCEPT_DEFER_MS") or "3"
if not _DEFER_MS.isdigit():
    raise ValueError(
        f"GUNICORN_ACCEPT_DEFER_MS must be a whole number of 0 or more, not {_DEFER_MS!r}"
    )
DEFER_SECONDS = int(_DEFER_MS) / 1000


class IdleThreadAcceptingWorker(ThreadWorker):
    """gunicorn's `gthread` worker that, busy, leaves new clients to a less busy one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Requests handed to the thread pool and not finished: running or queued for a
        # thread. Changed on the main loop only (gunicorn runs finish_request there through
        # its method queue), so it needs no lock.
        self.in_flight = 0
        # While a client is left to the others: when this worker takes it all the same.
        self.deferred_until = None

    def enqueue_req(self, conn):
        self.in_flight += 1
        super().enqueue_req(conn)

    def finish_request(self, conn, fs):
        self.in_flight -= 1
        super().finish_request(conn, fs)

    def busy(self) -> bool:
        return self.in_flight >= self.cfg.threads

    def accept(self, listener):
        if self.busy() and self.deferred_until is None:
            # The more requests wait here beyond the threads, the longer it leaves the
            # client: when every worker is busy, the least loaded takes it first.
            waiting = self.in_flight - self.cfg.threads + 1
            self.deferred_until = time.monotonic() + DEFER_SECONDS * waiting
            super().set_accept_enabled(False)
            return
        super().accept(listener)

    def set_accept_enabled(self, enabled):
        # gunicorn's loop asks for this on every turn while the worker is below its
        # connection cap and not listening: here, while a client is left to the others.
        if enabled and self.deferred_until is not None:
            if self.busy() and time.monotonic() < self.deferred_until:
                return
            self.deferred_until = None
            if self.busy():
                # Time is up: the client, if no other worker took it, is this one's (a
                # client already taken leaves nothing to accept, which accept() ignores).
                for listener in self.sockets:
                    super().accept(listener)
        super().set_accept_enabled(enabled)

    def wait_for_and_dispatch_events(self, timeout):
        if self.deferred_until is not None:
            timeout = max(0.0, min(timeout, self.deferred_until - time.monotonic()))
        super().wait_for_and_dispatch_events(timeout)
