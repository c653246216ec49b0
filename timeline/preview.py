"""What the extractor would make of a text, storing nothing: `POST /api/extract/`.

Reads the text as a sent article (the same limits and front matter as `load_articles`),
extracts it against the actors in the database, and lays out its claims and the events
they would form within the article, as JSON-ready dicts. Nothing is written: discovered
actors are listed, not created, and the claims are not matched against stored events.
"""

from collections.abc import Sequence
from datetime import date

from timeline.ingest import extraction_warnings, load_gazetteer_from_database
from timeline.jobs import read_sent_article
from timeline.models import Actor, ActorReview
from timeline.pipeline.dates import DateMention
from timeline.pipeline.dates.periods import display_date
from timeline.pipeline.extract import ExtractedClaim, extract_article
from timeline.pipeline.merge import settle_actors, strongest_roles
from timeline.pipeline.reconcile import DatedInterval, reconcile_dates

# Keyed like a manifest entry; errors name the field the text came in.
TEXT_NAME = "text"


def preview_extraction(
    text: str, *, reference_date: date | None = None, language: str | None = None
) -> dict:
    """The claims and events extraction would create from `text`. Raises ArticleError."""
    article = read_sent_article(
        text.encode("utf-8"), TEXT_NAME, published=reference_date, language=language
    )
    extraction = extract_article(article, matcher=load_gazetteer_from_database())
    claims = list(settle_actors(extraction.claims))
    known = {
        actor.slug: actor
        for actor in Actor.objects.filter(
            slug__in={slug for claim in claims for slug, _ in claim.actors}
        )
    }
    discovered = {entry.slug: entry for entry in extraction.discovered}

    def actor(slug: str, role: str | None) -> dict:
        if slug in known:
            row = known[slug]
            return {
                "slug": slug,
                "name": row.name,
                "kind": row.kind,
                "role": role or None,
                "review": row.review,
            }
        entry = discovered.get(slug)
        return {
            "slug": slug,
            "name": entry.name if entry else slug,
            "kind": entry.kind if entry else None,
            "role": role or None,
            # Found in this text only: loading it would add the actor for editors to review.
            "review": ActorReview.DISCOVERED,
        }

    groups: dict[str, list[int]] = {}
    for index, claim in enumerate(claims):
        groups.setdefault(claim.key, []).append(index)
    event_of = {
        index: number for number, members in enumerate(groups.values()) for index in members
    }

    reference = extraction.reference
    return {
        "language": article.language,
        "reference_date": (
            {"date": reference.display, "basis": reference.basis} if reference else None
        ),
        "claims": [
            {
                "event": event_of[index],
                "headline": claim.headline,
                "type": claim.event_type,
                "quote": claim.quote,
                "char_start": claim.char_start,
                "char_end": claim.char_end,
                "date": mention_dict(claim.date),
                "after_source": claim.after_source,
                "actors": [actor(slug, role) for slug, role in claim.actors],
            }
            for index, claim in enumerate(claims)
        ],
        "events": [
            event_dict(number, [claims[index] for index in members], members, actor)
            for number, members in enumerate(groups.values())
        ],
        "actors_discovered": [
            {
                "slug": entry.slug,
                "name": entry.name,
                "kind": entry.kind,
                "aliases": list(entry.aliases),
            }
            for entry in extraction.discovered
            if entry.slug not in known
        ],
        "warnings": extraction_warnings(extraction),
        "lines_skipped": dict(extraction.skipped),
    }


def mention_dict(mention: DateMention | None) -> dict | None:
    if mention is None:
        return None
    return {**mention.as_dict(), "display": mention.display}


def event_dict(number: int, claims: Sequence[ExtractedClaim], members, actor) -> dict:
    """One would-be event: its best-dated claim's wording, its reconciled date and actors."""
    intervals = [
        DatedInterval(
            start=claim.date.start if claim.date else None,
            end=claim.date.end if claim.date else None,
            precision=claim.date.precision if claim.date else "",
            qualifier=claim.date.qualifier if claim.date else None,
            edtf=claim.date.edtf if claim.date else None,
            after_source=claim.after_source,
        )
        for claim in claims
    ]
    reconciled = reconcile_dates(intervals)
    dated = [
        (interval.sort_key(), position)
        for position, interval in enumerate(intervals)
        if interval.is_dated and not interval.after_source
    ]
    lead = claims[min(dated)[1]] if dated else claims[0]
    interval = reconciled.date
    roles = strongest_roles([pair for claim in claims for pair in claim.actors])
    return {
        "id": number,
        "headline": lead.headline,
        "summary": lead.summary,
        "type": lead.event_type,
        "date": {
            "start": interval.start.isoformat() if interval.start else None,
            "end": interval.end.isoformat() if interval.end else None,
            "precision": interval.precision or None,
            "qualifier": interval.qualifier,
            "edtf": interval.edtf,
            "display": (
                display_date(interval.start, interval.end, interval.precision, interval.qualifier)
                if interval.is_dated
                else None
            ),
        },
        "status": reconciled.status,
        "actors": [actor(slug, role) for slug, role in roles],
        "claims": list(members),
    }
