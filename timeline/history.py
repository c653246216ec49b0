"""Who and why on history rows, set for a block of work (a load of articles, an editor's
call to a curation service) rather than on each object it saves.

`django-simple-history` records every save and delete of the tracked models; its rows carry
a change reason and a user that are normally set per object (or, for the user, taken from
the request). `change_reason` and `by_editor` set them for everything saved inside the
block, and the receiver below copies them onto each row that has none of its own.
"""

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

_reason: ContextVar[str] = ContextVar("history_change_reason", default="")
_user: ContextVar[object] = ContextVar("history_user", default=None)


@contextmanager
def change_reason(reason: str) -> Iterator[None]:
    token = _reason.set(reason)
    try:
        yield
    finally:
        _reason.reset(token)


def by_editor(service):
    """Decorate a curation service: its `user=` keyword is the author of the rows it writes."""

    @functools.wraps(service)
    def recorded(*args, **kwargs):
        user = kwargs.get("user")
        if user is None or not getattr(user, "is_authenticated", False):
            return service(*args, **kwargs)
        token = _user.set(user)
        try:
            return service(*args, **kwargs)
        finally:
            _user.reset(token)

    return recorded


@receiver(pre_create_historical_record)
def _fill_change_reason(sender, instance, history_instance, **kwargs) -> None:
    if not history_instance.history_change_reason and _reason.get():
        history_instance.history_change_reason = _reason.get()
    if history_instance.history_user_id is None and _user.get() is not None:
        history_instance.history_user = _user.get()
