"""Merging: claims that name the same happening (the same key) become one event draft.

Within one article and across articles alike, the key decides; the draft takes its type,
headline and summary from its best-dated claim and the union of the claims' actors.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from timeline.pipeline.events import ExtractedClaim

# Finest first, as DATES.md orders precisions.
_PRECISION_RANK = {
    "day": 0,
    "xun": 1,
    "month": 2,
    "interval": 3,
    "quarter": 4,
    "part": 5,
    "half": 6,
    "year": 7,
    "decade": 8,
}


@dataclass(frozen=True)
class EventDraft:
    key: str
    event_type: str
    headline: str
    summary: str
    actors: tuple[tuple[str, str], ...]
    claims: tuple[ExtractedClaim, ...]


def claim_rank(claim: ExtractedClaim) -> tuple:
    """How well a claim dates its event: dated before undated, finer before coarser."""
    if claim.date is None or claim.date.start is None or claim.date.end is None:
        return (1, len(_PRECISION_RANK), 0)
    span = (claim.date.end - claim.date.start).days
    return (0, _PRECISION_RANK.get(claim.date.precision, len(_PRECISION_RANK)), span)


def group_claims(claims: Iterable[ExtractedClaim]) -> list[EventDraft]:
    """One draft per key, in the order keys first appear; claims keep their given order."""
    grouped: dict[str, list[ExtractedClaim]] = {}
    for claim in claims:
        grouped.setdefault(claim.key, []).append(claim)
    drafts = []
    for key, members in grouped.items():
        best = min(members, key=claim_rank)
        actors: list[tuple[str, str]] = []
        for claim in [best, *members]:
            for actor in claim.actors:
                if actor not in actors:
                    actors.append(actor)
        drafts.append(
            EventDraft(
                key=key,
                event_type=best.event_type,
                headline=best.headline,
                summary=best.summary,
                actors=tuple(actors),
                claims=tuple(members),
            )
        )
    return drafts
