"""Fast page builders: pages of events as plain dicts, built from rows without model instances.

A page of events costs a fixed number of queries (the page, its actor links, its claims with
their sources), each reading only the columns it returns: never a source's text or report.
An export (`export_rows`) reads the events once, through a cursor, and their links and
claims two queries per batch, and yields flat rows: no dict per event or claim.
The dicts have exactly the shape of `api.serializers.EventSerializer` and
`CompactEventSerializer` (API.md), which stay the documented schema; a test holds the two
equal on the demo timeline. Shared by the API and the public pages.
"""

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from itertools import groupby
from operator import itemgetter

from django.db import connections
from django.db.models.sql.constants import MULTI
from django.utils import timezone

from timeline.models import Actor, ActorReview, Claim, EventActor, Source, published_display
from timeline.pipeline.reconcile import PRECISION_RANK

# What an event row must hold for the builders below (and for keyset pagination).
EVENT_COLUMNS = (
    "id",
    "headline",
    "summary",
    "type",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
    "date_edtf",
    "date_display",
    "status",
    "review",
    "updated_at",
)
COMPACT_EVENT_COLUMNS = (
    "id",
    "headline",
    "type",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
    "date_edtf",
    "date_display",
    "status",
    "updated_at",
)
LINK_COLUMNS = ("event_id", "actor__slug", "actor__name", "actor__kind", "role")
CLAIM_COLUMNS = (
    "event_id",
    "source_id",
    "source__title",
    "source__publisher",
    "source__published",
    "source__published_precision",
    "source__published_inferred",
    "source__url",
    "quote",
    "char_start",
    "char_end",
    "date_text",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
    "date_edtf",
    "anchor_date",
    "anchor_basis",
    "after_source",
)


def iso_date(value: date | str | None) -> str | None:
    """A date as ISO text; text (a date as the database wrote it) is that already."""
    if value is None or value.__class__ is str:
        return value
    return value.isoformat()


def iso_datetime(value: datetime) -> str:
    """As the API writes instants: in the current time zone, UTC written `Z`."""
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def event_date(row: dict) -> dict:
    return {
        "start": iso_date(row["date_start"]),
        "end": iso_date(row["date_end"]),
        "precision": row["date_precision"] or None,
        "qualifier": row["date_qualifier"] or None,
        "edtf": row["date_edtf"] or None,
        "display": row["date_display"] or None,
    }


def actor_links(event_ids: list[int], *, with_rejected_actors: bool):
    """The actor links of these events, in link order, as tuples of `LINK_COLUMNS`."""
    links = EventActor.objects.filter(event_id__in=event_ids)
    if not with_rejected_actors:
        links = links.exclude(actor__review=ActorReview.REJECTED)
    return links.order_by("event_id", "id").values_list(*LINK_COLUMNS)


def claim_dicts(event_ids: list[int]) -> dict[int, list[dict]]:
    """Each event's claims, in claim order, with the reference fields of their sources."""
    claims: dict[int, list[dict]] = {}
    rows = (
        Claim.objects.filter(event_id__in=event_ids)
        .order_by("event_id", "source_id", "char_start", "id")
        .values_list(*CLAIM_COLUMNS)
    )
    for row in rows:
        claims.setdefault(row[0], []).append(claim_dict(row))
    return claims


def claim_dict(row: tuple, sources: dict | None = None) -> dict:
    """A claim (a row of `CLAIM_COLUMNS`, its dates as dates or ISO text) as
    `ClaimSerializer` shows it. Given `sources`, a source's dict is built once and shared
    by its claims (they are written, never changed)."""
    source = None if sources is None else sources.get(row[1:8])
    if source is None:
        source = source_dict(row)
        if sources is not None:
            sources[row[1:8]] = source
    (
        quote,
        char_start,
        char_end,
        date_text,
        start,
        end,
        precision,
        qualifier,
        edtf,
        anchor_date,
        anchor_basis,
        after_source,
    ) = row[8:]
    return {
        "source": source,
        "quote": quote,
        "char_start": char_start,
        "char_end": char_end,
        "date": {
            "text": date_text,
            "start": iso_date(start),
            "end": iso_date(end),
            "precision": precision or None,
            "qualifier": qualifier or None,
            "edtf": edtf or None,
            "anchor": ({"date": anchor_date, "basis": anchor_basis} if anchor_basis else None),
        },
        "after_source": after_source,
    }


def source_dict(row: tuple) -> dict:
    """The source of a claim (a row of `CLAIM_COLUMNS`) as `ClaimSerializer` shows it."""
    source_id, title, publisher, published, published_precision, published_inferred, url = row[1:8]
    if published.__class__ is str:
        published = date.fromisoformat(published)
    shown = published_display(published, published_precision) or None
    return {
        "id": source_id,
        "title": title,
        "publisher": publisher,
        "published": None if published_inferred else shown,
        "published_inferred": shown if published_inferred else None,
        "url": url or None,
    }


def event_page(rows: Iterable[dict], *, with_rejected_actors: bool) -> list[dict]:
    """Events (rows of `EVENT_COLUMNS`) as `EventSerializer` shows them: two more queries."""
    rows = list(rows)
    ids = [row["id"] for row in rows]
    if not ids:
        return []
    links = actor_links(ids, with_rejected_actors=with_rejected_actors)
    return event_dicts(rows, actor_dicts(links), claim_dicts(ids), iso_datetime)


def actor_dicts(links: Iterable[tuple]) -> dict[int, list[dict]]:
    """Each event's actors (from rows of `LINK_COLUMNS`) as `EventSerializer` shows them."""
    actors: dict[int, list[dict]] = {}
    # One dict per actor and role, shared by its events on the page (written, never changed).
    shown: dict[tuple, dict] = {}
    for row in links:
        link = tuple(row[1:])
        actor = shown.get(link)
        if actor is None:
            slug, name, kind, role = link
            actor = shown[link] = {"slug": slug, "name": name, "kind": kind, "role": role or None}
        actors.setdefault(row[0], []).append(actor)
    return actors


def event_dicts(
    rows: list[dict], actors: dict[int, list[dict]], claims: dict[int, list[dict]], instant
) -> list[dict]:
    """Event rows with their actors and claims as `EventSerializer` shows them; `instant`
    writes `updated_at` as the database returned it."""
    return [
        {
            "id": row["id"],
            "headline": row["headline"],
            "summary": row["summary"],
            "type": row["type"],
            "date": event_date(row),
            "status": row["status"],
            "review": row["review"],
            "actors": actors.get(row["id"], []),
            "claims": claims.get(row["id"], []),
            "updated_at": instant(row["updated_at"]),
        }
        for row in rows
    ]


def compact_event_page(rows: Iterable[dict], *, with_rejected_actors: bool) -> list[dict]:
    """Events (rows of `COMPACT_EVENT_COLUMNS`) as a timeline bucket shows them, with their
    actors' slugs, each once: one more query."""
    rows = list(rows)
    ids = [row["id"] for row in rows]
    links = actor_links(ids, with_rejected_actors=with_rejected_actors) if ids else []
    return compact_event_dicts(rows, links)


def compact_event_dicts(rows: list[dict], links: Iterable[tuple]) -> list[dict]:
    """Event rows as a timeline bucket shows them, with their actors' slugs (from rows of
    `LINK_COLUMNS`), each once."""
    slugs: dict[int, dict[str, None]] = {}
    for event_id, slug, *_ in links:
        slugs.setdefault(event_id, {})[slug] = None
    return [
        {
            "id": row["id"],
            "headline": row["headline"],
            "type": row["type"],
            "date": event_date(row),
            "status": row["status"],
            "actors": list(slugs.get(row["id"], ())),
        }
        for row in rows
    ]


# What an export reads of each event, in the order of the CSV columns they fill
# (`api.renderers.CSV_COLUMNS`), the links' and claims' columns coming in between.
EXPORT_EVENT_COLUMNS = (
    "id",
    "headline",
    "type",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
    "date_edtf",
    "date_display",
    "status",
    "review",
    "summary",
    "updated_at",
)
# Where an undated claim ranks: after every precision, known or not.
UNDATED_RANK = len(PRECISION_RANK) + 1
NO_BEST_QUOTE = (None, None, None, None, None)


def export_rows(events, *, with_rejected_actors: bool, batch_size: int = 2000) -> Iterator[tuple]:
    """The CSV rows of an ordered queryset of events, in its order.

    Each row holds the columns of `api.renderers.CSV_COLUMNS` but the last: the event's
    own, its actors as `slug:role`, its sources' ids in claim order, its summary and update
    time, how many claims it has, and the quote and source of its best-dated claim (ranked
    as `api.renderers.best_claim` ranks them). Values are strings, numbers or None.

    The events are read through one cursor (server-side on PostgreSQL) `batch_size` at a
    time, and each batch's links and claims with one query each, so that memory stays flat
    however many there are. The rows are taken as the database driver gives them, without
    Django's per-value converters, which would cost more than the rest of the export.
    """
    query = events.values_list(*EXPORT_EVENT_COLUMNS).query
    compiler = query.get_compiler(using=events.db)
    local = timezone.get_current_timezone()
    with connections[events.db].cursor() as cursor:
        for batch in compiler.execute_sql(MULTI, chunked_fetch=True, chunk_size=batch_size):
            ids = [row[0] for row in batch]
            actors = export_actors(cursor, ids, with_rejected_actors=with_rejected_actors)
            claims = export_claims(cursor, ids)
            for (
                event_id,
                headline,
                kind,
                start,
                end,
                precision,
                qualifier,
                edtf,
                display,
                status,
                review,
                summary,
                updated_at,
            ) in batch:
                sources, count, best = claims.get(event_id, ("", 0, NO_BEST_QUOTE))
                yield (
                    event_id,
                    headline,
                    kind,
                    day_text(start),
                    day_text(end),
                    precision,
                    qualifier,
                    edtf,
                    display,
                    status,
                    review,
                    actors.get(event_id, ""),
                    sources,
                    summary,
                    instant_text(updated_at, local),
                    count,
                    *best,
                )


def day_text(value) -> str | None:
    """A date as the driver gives it (SQLite: already ISO text) in ISO form."""
    if value is None or value.__class__ is str:
        return value
    return value.isoformat()


def as_date(value) -> date | None:
    return date.fromisoformat(value) if value.__class__ is str else value


def instant_text(value, local) -> str:
    """As `iso_datetime`, from an instant as the driver gives it: aware, or naive in UTC
    (SQLite, as a datetime or as text)."""
    if value.__class__ is str:
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    text = value.astimezone(local).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def id_list(ids: list[int]) -> str:
    # Integers from the database itself: written into the SQL, they spare the driver and
    # Django two thousand parameters a batch.
    return ",".join(map(str, map(int, ids)))


def export_actors(cursor, event_ids: list[int], *, with_rejected_actors: bool) -> dict[int, str]:
    """Each event's actors as one cell: `slug:role` (or the slug) in link order, `; `-joined."""
    link, actor = EventActor._meta.db_table, Actor._meta.db_table
    hidden = "" if with_rejected_actors else "AND a.review <> %s"
    cursor.execute(
        f"SELECT l.event_id, a.slug, l.role FROM {link} l JOIN {actor} a ON a.id = l.actor_id "
        f"WHERE l.event_id IN ({id_list(event_ids)}) {hidden} ORDER BY l.event_id, l.id",
        [] if with_rejected_actors else [ActorReview.REJECTED],
    )
    named: dict[int, list[str]] = {}
    for event_id, slug, role in cursor.fetchall():
        named.setdefault(event_id, []).append(f"{slug}:{role}" if role else slug)
    return {event_id: "; ".join(slugs) for event_id, slugs in named.items()}


def export_claims(cursor, event_ids: list[int]) -> dict[int, tuple[str, int, tuple]]:
    """Each event's sources cell, claim count and best-dated claim's five quote cells, from
    its live claims (a retired claim counts nowhere)."""
    claim, source = Claim._meta.db_table, Source._meta.db_table
    cursor.execute(
        "SELECT c.event_id, c.source_id, c.after_source, c.date_start, c.date_end, "
        "c.date_precision, c.quote, s.title, s.publisher, s.published, "
        f"s.published_precision, s.published_inferred FROM {claim} c "
        f"JOIN {source} s ON s.id = c.source_id WHERE c.event_id IN ({id_list(event_ids)}) "
        "AND c.retired_at IS NULL ORDER BY c.event_id, c.source_id, c.char_start, c.id"
    )
    found: dict[int, tuple[str, int, tuple]] = {}
    for event_id, claims in groupby(cursor.fetchall(), key=itemgetter(0)):
        sources: dict = {}
        best_rank = best = None
        count = 0
        for _, source_id, after_source, start, end, precision, *quote in claims:
            sources[source_id] = None
            if start is None:
                rank = (bool(after_source), UNDATED_RANK, 0, count)
            else:
                rank = (
                    bool(after_source),
                    PRECISION_RANK.get(precision, len(PRECISION_RANK)),
                    (as_date(end) - as_date(start)).days,
                    count,
                )
            if best_rank is None or rank < best_rank:
                best_rank, best = rank, quote
            count += 1
        found[event_id] = export_claim_cells(sources, count, best)
    return found


def export_claim_cells(sources: dict, count: int, best: list) -> tuple[str, int, tuple]:
    quote, title, publisher, published, published_precision, published_inferred = best
    shown = published_display(as_date(published), published_precision) or None
    return (
        "; ".join(map(str, sources)),
        count,
        (
            quote,
            title,
            publisher,
            None if published_inferred else shown,
            shown if published_inferred else None,
        ),
    )
