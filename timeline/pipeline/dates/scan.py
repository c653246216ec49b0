"""Finding every date expression in a text: run the grammars, pick non-overlapping
readings, join ranges, drop what is not a date, and resolve in paragraph order.
"""

import bisect
import re
from collections.abc import Iterable

from timeline.pipeline.dates.chinese import chinese_candidates
from timeline.pipeline.dates.english import english_candidates
from timeline.pipeline.dates.expressions import Candidate, Point, Span
from timeline.pipeline.dates.model import DateMention, DateScan, DateWarning, ReferenceDate
from timeline.pipeline.dates.numerals import fold_text
from timeline.pipeline.dates.numeric import numeric_candidates
from timeline.pipeline.dates.resolve import (
    ImpossibleDate,
    ParagraphContext,
    Resolution,
    remember,
    resolve_point,
    resolve_span,
)

# Links and image targets: any date inside is part of an address, not a statement.
ADDRESS = re.compile(
    r"https?://\S+|www\.\S+|\]\([^)\s]*\)"
    r"|(?<![A-Za-z0-9\-.])[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|org|net|cn|io|ai)/\S*"
)
RANGE_CONNECTOR = re.compile(
    r"\s?(?:至|到|~|-|–|—|、)\s?|\s*(?:–|—|-)\s*|\s+(?i:to|through|until|till|and)\s+"
)
RANGE_OPENER = re.compile(r"(?:从|自)\s?$|(?i:\b(?:from|between)\s+)$")
SENTENCE_END = re.compile(r"[。！？!?;；\n]|\.\s")
# Units that can be joined into a range; relative words and decades stand alone.
RANGE_UNITS = {"year", "month", "month_start", "day", "quarter", "half", "part", "xun"}


def _select(candidates: Iterable[Candidate], length: int) -> list[Candidate]:
    """Longest readings first, then leftmost; never two readings of the same character."""
    taken = bytearray(length)
    chosen = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if any(taken[candidate.start : candidate.end]):
            continue
        taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
        chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _outside_addresses(candidates: list[Candidate], folded: str) -> list[Candidate]:
    spans = [match.span() for match in ADDRESS.finditer(folded)]
    if not spans:
        return candidates
    starts = [start for start, _ in spans]
    kept = []
    for candidate in candidates:
        index = bisect.bisect_right(starts, candidate.start) - 1
        if index >= 0 and candidate.start < spans[index][1]:
            continue
        kept.append(candidate)
    return kept


def _joinable(first: Candidate, second: Candidate) -> bool:
    a, b = first.expression, second.expression
    if not (isinstance(a, Point) and isinstance(b, Point)):
        return False
    if a.unit not in RANGE_UNITS or b.unit not in RANGE_UNITS:
        return False
    if b.has_year and not a.has_year and a.unit == "year":
        return False
    if a.unit == "year" and b.unit != "year":
        return False
    return not (b.unit == "day" and b.month is None)


def _join_ranges(candidates: list[Candidate], folded: str) -> list[Candidate]:
    joined: list[Candidate] = []
    for candidate in candidates:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and RANGE_CONNECTOR.fullmatch(folded, previous.end, candidate.start)
            and _joinable(previous, candidate)
        ):
            opener = RANGE_OPENER.search(folded, max(0, previous.start - 9), previous.start)
            start = opener.start() if opener else previous.start
            span = Span(previous.expression, candidate.expression)
            joined[-1] = Candidate(start, candidate.end, span)
            continue
        joined.append(candidate)
    return joined


def _drop_rhetorical_days(candidates: list[Candidate], folded: str) -> list[Candidate]:
    """ "今天很困难，明天更困难，后天…" contrasts today with tomorrow: not dates."""

    ends = [match.start() for match in SENTENCE_END.finditer(folded)]

    def sentence_of(candidate: Candidate) -> int:
        return bisect.bisect_left(ends, candidate.start)

    day_words = [
        c
        for c in candidates
        if isinstance(c.expression, Point) and c.expression.unit == "relative_day"
    ]
    if len(day_words) < 2:
        return candidates
    by_sentence: dict[int, set[int]] = {}
    for candidate in day_words:
        by_sentence.setdefault(sentence_of(candidate), set()).add(candidate.expression.day_shift)
    rhetorical = {index for index, shifts in by_sentence.items() if {0, 1} <= shifts}
    if not rhetorical:
        return candidates
    dropped = {id(c) for c in day_words if sentence_of(c) in rhetorical}
    return [c for c in candidates if id(c) not in dropped]


def _mention(text: str, candidate: Candidate, resolution: Resolution) -> DateMention:
    return DateMention(
        text=text[candidate.start : candidate.end],
        char_start=candidate.start,
        char_end=candidate.end,
        start=resolution.start,
        end=resolution.end,
        precision=resolution.precision,
        qualifier=resolution.qualifier,
        edtf=resolution.edtf,
        anchor=resolution.anchor,
    )


def find_dates(text: str, *, reference: ReferenceDate | None = None) -> DateScan:
    """Every date expression in ``text``, resolved against ``reference`` where relative.

    Paragraphs (for year context and 当天/次日) are separated by newlines.
    """
    folded = fold_text(text)
    found = [*chinese_candidates(folded), *english_candidates(folded), *numeric_candidates(folded)]
    candidates = _select(_outside_addresses(found, folded), len(folded))
    candidates = _drop_rhetorical_days(_join_ranges(candidates, folded), folded)

    newlines = [index for index, char in enumerate(folded) if char == "\n"]
    mentions: list[DateMention] = []
    warnings: list[DateWarning] = []
    paragraph, context = -1, ParagraphContext()
    for candidate in candidates:
        current = bisect.bisect_left(newlines, candidate.start)
        if current != paragraph:
            paragraph, context = current, ParagraphContext()
        written = text[candidate.start : candidate.end]
        if candidate.expression is None:
            warnings.append(DateWarning(written, candidate.start, candidate.end, candidate.problem))
            continue
        try:
            if isinstance(candidate.expression, Span):
                resolution = resolve_span(candidate.expression, context, reference)
            else:
                resolution = resolve_point(candidate.expression, context, reference)
        except ImpossibleDate as error:
            warnings.append(DateWarning(written, candidate.start, candidate.end, str(error)))
            continue
        remember(context, resolution)
        mentions.append(_mention(text, candidate, resolution))
    return DateScan(tuple(mentions), tuple(warnings))
