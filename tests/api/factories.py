"""Plain functions building sources, actors, events and claims for API tests."""

import hashlib
from datetime import date

from timeline.curation import refresh_search_text
from timeline.models import (
    Actor,
    ActorAlias,
    Claim,
    DateStatus,
    Event,
    EventActor,
    Source,
)


def make_source(
    *,
    title: str,
    text: str,
    publisher: str = "",
    url: str = "",
    language: str = "en",
    published: date | None = None,
    published_precision: str = "day",
    published_inferred: bool = False,
) -> Source:
    return Source.objects.create(
        title=title,
        text=text,
        publisher=publisher,
        url=url,
        language=language,
        published=published,
        published_precision=published_precision,
        published_inferred=published_inferred,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def make_actor(slug: str, name: str, kind: str = "company", aliases=()) -> Actor:
    actor = Actor.objects.create(slug=slug, name=name, kind=kind)
    for alias in aliases:
        ActorAlias(actor=actor, alias=alias).save()
    return actor


def make_event(
    headline: str,
    *,
    type: str = "other",
    start: date | None = None,
    end: date | None = None,
    precision: str = "",
    qualifier: str = "",
    edtf: str = "",
    display: str = "",
    status: str | None = None,
    review: str = "extracted",
    summary: str = "",
    actors=(),
) -> Event:
    if start is not None and end is None:
        end = start
    if start is not None and not precision:
        precision = "day"
    event = Event.objects.create(
        headline=headline,
        summary=summary,
        type=type,
        date_start=start,
        date_end=end,
        date_precision=precision,
        date_qualifier=qualifier,
        date_edtf=edtf,
        date_display=display,
        status=status or (DateStatus.CONSISTENT if start else DateStatus.UNRESOLVED),
        review=review,
    )
    for actor, role in actors:
        EventActor.objects.create(event=event, actor=actor, role=role)
    refresh_search_text([event])
    return event


def make_claim(
    event: Event,
    source: Source,
    quote: str,
    *,
    date_text: str = "",
    start: date | None = None,
    end: date | None = None,
    precision: str = "",
    edtf: str = "",
    anchor_date: str = "",
    anchor_basis: str = "",
    after_source: bool = False,
) -> Claim:
    char_start = source.text.index(quote)
    claim = Claim.objects.create(
        event=event,
        source=source,
        quote=quote,
        char_start=char_start,
        char_end=char_start + len(quote),
        date_text=date_text,
        date_start=start,
        date_end=end if end is not None else start,
        date_precision=precision or ("day" if start else ""),
        date_edtf=edtf,
        anchor_date=anchor_date,
        anchor_basis=anchor_basis,
        after_source=after_source,
    )
    refresh_search_text([event])
    return claim
