"""The change reason written on history rows: set for a block of work (e.g. a load of
articles) rather than on each object it saves.

`django-simple-history` records every save and delete of the tracked models; its rows carry
a free-text change reason that is normally set per object. `change_reason` sets one for
everything saved inside a `with` block, and the receiver below copies it onto each row that
has none of its own.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

_reason: ContextVar[str] = ContextVar("history_change_reason", default="")


@contextmanager
def change_reason(reason: str) -> Iterator[None]:
    token = _reason.set(reason)
    try:
        yield
    finally:
        _reason.reset(token)


def current_reason() -> str:
    return _reason.get()


@receiver(pre_create_historical_record)
def _fill_change_reason(sender, instance, history_instance, **kwargs) -> None:
    if not history_instance.history_change_reason and _reason.get():
        history_instance.history_change_reason = _reason.get()
