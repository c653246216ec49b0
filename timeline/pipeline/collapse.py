"""Collapsing one article's claims so each happening is stated once.

Claims of the same key keep one, except where one key covers two separate moves. Plain Python.
"""

from collections.abc import Sequence
from dataclasses import replace

from timeline.pipeline.claim import ExtractedClaim


def _interval_days(claim: ExtractedClaim) -> int:
    if claim.date is None or claim.date.start is None or claim.date.end is None:
        return 1 << 30
    return (claim.date.end - claim.date.start).days


def collapse_claims(claims: Sequence[ExtractedClaim]) -> tuple[ExtractedClaim, ...]:
    """One claim per key and per span in an article: the most precisely dated, then the first.

    An article that restates a happening ("去年 5 月…发布了 yi-large" twice) gives one
    statement of it; two spans never share offsets, as the claim table requires.
    """
    best: dict[str, ExtractedClaim] = {}
    for claim in _told_apart(claims):
        current = best.get(claim.key)
        if current is None or _interval_days(claim) < _interval_days(current):
            best[claim.key] = claim
    kept: list[ExtractedClaim] = []
    spans: set[tuple[int, int]] = set()
    for claim in sorted(best.values(), key=lambda c: (c.char_start, c.char_end)):
        if (claim.char_start, claim.char_end) in spans:
            continue
        spans.add((claim.char_start, claim.char_end))
        kept.append(claim)
    return tuple(kept)


# Kinds whose key names only who moved: one person's two moves in one article ("joined
# Streamly in 2021 and became chief executive in mid-2023") share it.
_ONE_KEY_PER_ACTOR = frozenset({"personnel"})


def _told_apart(claims: Sequence[ExtractedClaim]) -> list[ExtractedClaim]:
    """The claims, each one of a kind whose key names only its actor given a key of its
    own when the article tells another move under that key at a date that does not
    overlap and in other words: the later move's key carries its year (its month when
    the year is taken too), so it is not collapsed into the first nor merged with it."""
    first: dict[str, ExtractedClaim] = {}
    taken = {claim.key for claim in claims}
    told: list[ExtractedClaim] = []
    for claim in claims:
        held = first.get(claim.key)
        if held is None or claim.event_type not in _ONE_KEY_PER_ACTOR:
            first.setdefault(claim.key, claim)
            told.append(claim)
            continue
        if not _another_move(held, claim):
            told.append(claim)
            continue
        start = claim.date.start
        key = f"{claim.key}:{start.year}"
        if key in taken:
            key = f"{key}-{start.month:02d}"
        taken.add(key)
        told.append(replace(claim, key=key))
    return told


def _another_move(held: ExtractedClaim, claim: ExtractedClaim) -> bool:
    """Whether two claims under one key tell two happenings: both dated, at dates that
    do not overlap, in different words."""
    dates = (held.date, claim.date)
    if any(d is None or d.start is None or d.end is None for d in dates):
        return False
    if held.headline == claim.headline:
        return False
    return held.date.end < claim.date.start or claim.date.end < held.date.start
