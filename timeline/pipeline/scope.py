"""Reading state: what reading an article has established so far, and where a span sits.

Plain Python.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline.pipeline.actors import ActorMention
from timeline.pipeline.claim import ExtractedClaim
from timeline.pipeline.dates import DateMention


@dataclass
class ParagraphState:
    """What reading has established so far: the company the paragraph is about (the
    subject Chinese leaves unsaid), a dated lead-in that introduces what follows it, and the
    date of the latest dated claim of each type in the article."""

    topic: str | None = None
    work: str | None = None
    # A work the paragraph names as a plan ("一个 yi-x-large 模型的计划"), which a later
    # "决定放弃了" with no object drops.
    planned: str | None = None
    # The gazetteer actor whose interview answer the paragraph is.
    speaker: str | None = None
    lead_in: tuple[int, DateMention] | None = None
    # The main actor of the paragraph's latest claim: a later sentence that names no one
    # and tells what befell a thing ("同年12月，首台机组发电") tells it of this actor.
    holder: str | None = None
    dated: dict[str, DateMention] = field(default_factory=dict)
    # The parties of the latest deal told, which "the sale" or "该交易" refers back to.
    deal: tuple[str, str] | None = None
    # Each work's maker, as a release told in the article named it: a later happening of
    # the work ("今年6月18日开启预售") is its maker's too.
    makers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SentenceScope:
    """Where a span sits: its sentence's clauses, and actors lent by the next sentence when
    this one names none ("5 月的这一波价格战…。以字节跳动、阿里、百度为例,…")."""

    clauses: Sequence[tuple[int, int]]
    borrowed: Sequence[ActorMention] = ()


def remember(state: ParagraphState, claims: Sequence[ExtractedClaim]) -> None:
    for claim in claims:
        roles = dict(claim.actors)
        if claim.event_type == "acquisition" and {"acquirer", "target"} <= set(roles.values()):
            buyer = next(slug for slug, role in roles.items() if role == "acquirer")
            target = next(slug for slug, role in roles.items() if role == "target")
            state.deal = (buyer, target)
        if claim.event_type in _TYPE_FAMILY and claim.actors:
            maker = next((slug for slug, role in claim.actors if role == "developer"), None)
            if maker is not None and maker != claim.actors[0][0]:
                state.makers.setdefault(claim.actors[0][0], maker)
        if claim.date is not None:
            state.dated[_TYPE_FAMILY.get(claim.event_type, claim.event_type)] = claim.date


# Claim types under the trigger type that gives them ("release" gives both).
_TYPE_FAMILY = {"model_release": "release", "product_launch": "release"}
