"""Which database a query goes to: reads to a read replica, writes to the primary.

Configured by `DATABASE_REPLICA_URLS` (settings.py builds one alias per URL and lists them
in `DATABASE_REPLICAS`); with none, every query goes to `default` as before.

A replica lags the primary by the time its WAL takes to replay, so whatever has written
reads its own write from the primary: once a request (or a command, or a test inside
`request_scope`) writes, or as soon as a request arrives with an unsafe HTTP method, every
later query of that scope goes to `default`. A scope also keeps one replica for all its
reads, so that one page never mixes two replicas' different points in time.
"""

import random
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connections

PRIMARY = "default"

# Per request (the middleware opens a scope) or per thread outside one: a context variable
# follows the code that runs, so gunicorn's threads never share it.
_pinned: ContextVar[bool] = ContextVar("timeline_primary_pinned", default=False)
_replica: ContextVar[str | None] = ContextVar("timeline_replica", default=None)

# Sessions are read right after the login that wrote them, by the next request: a lagging
# replica would sign the editor out again. They are few and small, so the primary keeps them.
PRIMARY_ONLY_APPS = {"sessions"}


def replicas() -> list[str]:
    return list(getattr(settings, "DATABASE_REPLICAS", []))


def pin_primary() -> None:
    """Send every later query of the current scope to the primary."""
    _pinned.set(True)


def pinned() -> bool:
    return _pinned.get()


def scope_state() -> dict:
    """The current scope as `request_scope` takes it, to carry it where the code runs after
    the scope has closed (a streamed response's body)."""
    return {"primary": _pinned.get(), "replica": _replica.get()}


@contextmanager
def request_scope(*, primary: bool = False, replica: str | None = None) -> Iterator[None]:
    """A fresh scope (one request): nothing written yet, no replica chosen. `primary=True`
    pins it from the start (an unsafe HTTP method will write); `replica` continues a scope
    on the replica it had chosen (see `scope_state`)."""
    pinned_token = _pinned.set(primary)
    replica_token = _replica.set(replica)
    try:
        yield
    finally:
        _pinned.reset(pinned_token)
        _replica.reset(replica_token)


class ReplicaRouter:
    """Database router for `DATABASE_ROUTERS`: reads on a replica unless the scope wrote,
    writes and migrations on the primary."""

    def db_for_read(self, model, **hints) -> str | None:
        aliases = replicas()
        if not aliases or _pinned.get() or model._meta.app_label in PRIMARY_ONLY_APPS:
            return PRIMARY
        # Inside a transaction on the primary (an atomic block, select_for_update), reads
        # belong to that transaction: a replica could not see its own uncommitted rows.
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        chosen = _replica.get()
        if chosen not in aliases:
            chosen = random.choice(aliases)
            _replica.set(chosen)
        return chosen

    def db_for_write(self, model, **hints) -> str:
        if replicas():
            pin_primary()
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        # Replicas hold the primary's rows: an object read from one may point at another's.
        databases = {PRIMARY, *replicas()}
        if obj1._state.db in databases and obj2._state.db in databases:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool | None:
        if db in replicas():
            return False
        return None
