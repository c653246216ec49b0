"""Fast page builders: pages of events as plain dicts, built from rows without model instances.

A page of events costs a fixed number of queries (the page, its actor links, its claims with
their sources), each reading only the columns it returns: never a source's text or report.
The dicts have exactly the shape of `api.serializers.EventSerializer` and
`CompactEventSerializer` (API.md), which stay the documented schema; a test holds the two
equal on the demo timeline. Shared by the API and the public pages.
"""

from collections.abc import Iterable
from datetime import date, datetime

from django.utils import timezone

from timeline.models import ActorReview, Claim, EventActor, published_display

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


def iso_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


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
    for (
        event_id,
        source_id,
        title,
        publisher,
        published,
        published_precision,
        published_inferred,
        url,
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
    ) in rows:
        shown = published_display(published, published_precision) or None
        claims.setdefault(event_id, []).append(
            {
                "source": {
                    "id": source_id,
                    "title": title,
                    "publisher": publisher,
                    "published": None if published_inferred else shown,
                    "published_inferred": shown if published_inferred else None,
                    "url": url or None,
                },
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
                    "anchor": (
                        {"date": anchor_date, "basis": anchor_basis} if anchor_basis else None
                    ),
                },
                "after_source": after_source,
            }
        )
    return claims


def event_page(rows: Iterable[dict], *, with_rejected_actors: bool) -> list[dict]:
    """Events (rows of `EVENT_COLUMNS`) as `EventSerializer` shows them: two more queries."""
    rows = list(rows)
    ids = [row["id"] for row in rows]
    if not ids:
        return []
    actors: dict[int, list[dict]] = {}
    for event_id, slug, name, kind, role in actor_links(
        ids, with_rejected_actors=with_rejected_actors
    ):
        actors.setdefault(event_id, []).append(
            {"slug": slug, "name": name, "kind": kind, "role": role or None}
        )
    claims = claim_dicts(ids)
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
            "updated_at": iso_datetime(row["updated_at"]),
        }
        for row in rows
    ]


def compact_event_page(rows: Iterable[dict], *, with_rejected_actors: bool) -> list[dict]:
    """Events (rows of `COMPACT_EVENT_COLUMNS`) as a timeline bucket shows them, with their
    actors' slugs, each once: one more query."""
    rows = list(rows)
    ids = [row["id"] for row in rows]
    slugs: dict[int, dict[str, None]] = {}
    if ids:
        for event_id, slug, *_ in actor_links(ids, with_rejected_actors=with_rejected_actors):
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
