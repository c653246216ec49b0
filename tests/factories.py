"""Small builders for database rows in tests: real rows, no mocks."""

import hashlib
from datetime import date
from itertools import count

from timeline.models import Actor, ActorAlias, Claim, Event, EventActor, Source

_serial = count(1)

SOURCE_TEXT = "2023年3月,李开复创立零一万物。去年5月,零一万物发布Yi-Large。"


def make_source(*, text: str = SOURCE_TEXT, **fields) -> Source:
    fields.setdefault("title", f"Article {next(_serial)}")
    fields.setdefault("language", "zh-Hans")
    fields.setdefault("content_hash", hashlib.sha256(f"{text}{next(_serial)}".encode()).hexdigest())
    return Source.objects.create(text=text, **fields)


def make_actor(slug: str, *, name: str = "", kind: str = "company", aliases=()) -> Actor:
    actor = Actor.objects.create(slug=slug, name=name or slug, kind=kind)
    for alias in aliases:
        ActorAlias.objects.create(actor=actor, alias=alias)
    return actor


def make_event(
    *,
    headline: str = "An event",
    type: str = "other",
    start: date | None = None,
    end: date | None = None,
    precision: str = "",
    **fields,
) -> Event:
    if start is not None:
        fields.setdefault("status", "consistent")
        precision = precision or "day"
    return Event.objects.create(
        headline=headline,
        type=type,
        date_start=start,
        date_end=end if end is not None else start,
        date_precision=precision,
        **fields,
    )


def make_claim(
    *,
    event: Event,
    source: Source,
    quote: str,
    date_text: str = "",
    start: date | None = None,
    end: date | None = None,
    precision: str = "",
    **fields,
) -> Claim:
    """A claim quoting `quote`, which must occur in the source's text."""
    char_start = source.text.index(quote)
    if date_text:
        fields.setdefault("date_char_start", source.text.index(date_text, char_start))
        fields.setdefault("date_char_end", fields["date_char_start"] + len(date_text))
    return Claim.objects.create(
        event=event,
        source=source,
        quote=quote,
        char_start=char_start,
        char_end=char_start + len(quote),
        date_text=date_text,
        date_start=start,
        date_end=end if end is not None else start,
        date_precision=precision or ("day" if start else ""),
        **fields,
    )


def link_actor(event: Event, actor: Actor, role: str = "") -> EventActor:
    return EventActor.objects.create(event=event, actor=actor, role=role)
