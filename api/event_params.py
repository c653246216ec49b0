"""The event-list filters read from a query string once, by hand, for the fast read path.

`api.filters.EventFilter` (django-filter) stays the documented schema and answers every
request this parser does not take: it copies its filters and builds a form per request,
which cost more than the page's SQL. This parser accepts exactly the values that
FilterSet accepts without an error and means the same by them; for anything else (a bad
value, an empty repeated value, a slug or source that does not exist) it answers None,
and the view goes the FilterSet's way, which writes the 400 as it always has.
"""

import re

from django.db import connections

from api.filters import DATE_ORDERINGS, MAX_REPEATS, parse_partial_date, sees_rejected_actors
from timeline.event_queries import EventFilters
from timeline.models import ActorReview, DateStatus, EventType, Precision
from timeline.pipeline.actors import normalize_alias

TYPES = frozenset(EventType.values)
STATUSES = frozenset(DateStatus.values)
PRECISIONS = frozenset(Precision.values)
TRUE_FALSE = {"true": True, "1": True, "false": False, "0": False}
# What `django.core.validators.validate_slug` accepts.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SOURCE_ID = re.compile(r"[0-9]{1,18}")
Q_MAX_LENGTH = 200


class Unsure(Exception):
    """The FilterSet must judge this value (it is an error there, or a rare form)."""


def event_filters(query, user, db: str, *, actor_id: int | None = None) -> EventFilters | None:
    """The filters of `query` (a QueryDict), or None when the FilterSet must read them.

    `actor_id` narrows the list to one actor's events (an actor's own timeline).
    """
    try:
        return read(query, user, db, actor_id)
    except Unsure:
        return None


def single(query, name: str, *, strip: bool = False) -> str | None:
    """The last value given (as a form reads a QueryDict), None when absent or empty."""
    value = query.get(name)
    if value is None:
        return None
    if strip:
        value = value.strip()
    return value or None


def read(query, user, db: str, actor_id: int | None) -> EventFilters:
    after = partial_date(single(query, "after", strip=True))
    before = partial_date(single(query, "before", strip=True))
    if after is not None and before is not None and after.first > before.last:
        raise Unsure
    strict = true_false(query.get("strict"))
    dated = true_false(query.get("dated"))
    status = choice(single(query, "status"), STATUSES)
    min_precision = choice(single(query, "min_precision"), PRECISIONS)
    types = tuple(query.getlist("type"))
    if any(value not in TYPES for value in types):
        raise Unsure
    needle = text(query.get("q"))
    actor_sets = ((actor_id,),) if actor_id is not None else ()
    slugs = query.getlist("actor")
    if slugs:
        actor_sets = (*actor_sets, actor_ids(slugs, user, db))
    source = source_id(single(query, "source"), db)
    if dated is None:
        ordering = query.get("ordering")
        dated = True if (ordering or DATE_ORDERINGS[0]) in DATE_ORDERINGS else None
    return EventFilters(
        public=not user.has_perm("timeline.change_event"),
        after=after.first if after else None,
        before=before.last if before else None,
        strict=bool(strict),
        actor_sets=actor_sets,
        types=types,
        source=source,
        status=status,
        min_precision=min_precision,
        needle=needle,
        dated=dated,
    )


def partial_date(value: str | None):
    if value is None:
        return None
    try:
        return parse_partial_date(value)
    except ValueError:
        raise Unsure from None


def true_false(value: str | None) -> bool | None:
    if value is None or value == "":
        return None
    try:
        return TRUE_FALSE[value.lower()]
    except KeyError:
        raise Unsure from None


def choice(value: str | None, choices: frozenset) -> str | None:
    if value is not None and value not in choices:
        raise Unsure
    return value


def text(value: str | None) -> str | None:
    """`q` as the form cleans it (stripped, at most 200 characters, no NUL), normalized as
    the search text is."""
    if value is None:
        return None
    value = value.strip()
    if len(value) > Q_MAX_LENGTH or "\x00" in value:
        raise Unsure
    if not value:
        return None
    return normalize_alias(value) or None


def actor_ids(slugs: list[str], user, db: str) -> tuple[int, ...]:
    """The ids of the actors named, every one of which must exist and be visible."""
    if len(slugs) > MAX_REPEATS or not all(SLUG.fullmatch(slug) for slug in slugs):
        raise Unsure
    hidden = "" if sees_rejected_actors(user) else ' AND NOT ("review" = %s)'
    marks = ", ".join(["%s"] * len(slugs))
    with connections[db].cursor() as cursor:
        cursor.execute(
            f'SELECT "id", "slug" FROM "timeline_actor" WHERE "slug" IN ({marks}){hidden}',
            [*slugs, *([] if hidden == "" else [ActorReview.REJECTED])],
        )
        found = dict((slug, ident) for ident, slug in cursor.fetchall())
    if any(slug not in found for slug in slugs):
        raise Unsure
    return tuple(sorted(set(found.values())))


def source_id(value: str | None, db: str) -> int | None:
    if value is None:
        return None
    if not SOURCE_ID.fullmatch(value):
        raise Unsure
    with connections[db].cursor() as cursor:
        cursor.execute('SELECT 1 FROM "timeline_source" WHERE "id" = %s', [int(value)])
        if cursor.fetchone() is None:
            raise Unsure
    return int(value)
