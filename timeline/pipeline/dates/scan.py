"""Finding every date expression in a text: run the grammars, pick non-overlapping
readings, join ranges, read the words that bound a date, drop what is not a date, and
resolve in paragraph order.

Bounds ("2023年之前", "before 2023", "自2023年以来", "since May", "2024年前后") keep the
interval of the period written; the qualifier (before / after / approx) carries the
bound and the mention's text includes the bounding words. Their EDTF is the ISO 8601-2
"one of a set" form, which reads inclusively as DATES.md's interval does: "[..2023]" is
2023 or earlier, "[2023..]" 2023 or later. Fiscal years (FY2024, 2024财年) are not
dates: where a fiscal year starts depends on the company, so no calendar interval is
safe to give.
"""

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace

from timeline.pipeline.dates import chinese, english, numeric
from timeline.pipeline.dates.expressions import Candidate, Point, Span
from timeline.pipeline.dates.model import DateMention, DateScan, DateWarning, ReferenceDate
from timeline.pipeline.dates.numerals import fold_text
from timeline.pipeline.dates.resolve import (
    ImpossibleDate,
    NotADate,
    ParagraphContext,
    Resolution,
    remember,
    resolve_point,
    resolve_span,
)
from timeline.pipeline.dates.rules import Paragraphs, find_all, run_rules

GRAMMARS = (*chinese.RULES, *english.RULES, *numeric.RULES)
# Whitespace within a line: nothing here joins or bounds across a paragraph break.
_S = r"[^\S\n]"
# Links and image targets: any date inside is part of an address, not a statement.
ADDRESS = re.compile(
    r"https?://\S+|www\.\S+|\]\([^)\s]*\)"
    r"|(?<![A-Za-z0-9\-.])[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|org|net|cn|io|ai)/\S*"
)
ADDRESS_KEY = re.compile(r"://|www\.|\]\(|\.(?:com|org|net|cn|io|ai)/")
# Fiscal years and quarters: the calendar interval depends on the company (see above).
FISCAL = re.compile(
    rf"(?<![A-Za-z])(?:FY|(?i:fiscal)(?:(?:{_S}|-)+(?i:year))?){_S}?['’]?(?:19|20)?\d\d(?![0-9])"
    rf"(?:{_S}*(?:Q[1-4]|H[12]))?"
    rf"|(?<![A-Za-z])[QH][1-4]{_S}*FY{_S}?['’]?(?:19|20)?\d\d(?![0-9])"
    rf"|(?<![0-9])(?:19|20)\d\d{_S}+(?i:fiscal)(?:(?:{_S}|-)+(?i:year))?"
    rf"|(?i:fiscal){_S}+(?:(?i:first|second|third|fourth)(?:{_S}|-)+(?i:quarter|half)|[QH][1-4])"
    rf"|(?:(?<![0-9])(?:19|20)?[0-9]{{2}}|[一二][〇零一二三四五六七八九]{{3}}){_S}?财(?:政)?年(?:度)?"
    r"(?:第[一二三四1-4]季度?|[一二三四1-4]季度|[上下]半年|[Qq][1-4])?"
)
FISCAL_KEY = re.compile("fy|fiscal|财")
RANGE_CONNECTOR = re.compile(
    rf"{_S}?(?:至|到|~|-|–|—|、){_S}?|{_S}*(?:–|—|-){_S}*|{_S}+(?i:to|through|until|till){_S}+"
    rf"|{_S}+(?P<and>(?i:and)){_S}+"
)
RANGE_OPENER = re.compile(rf"(?:从|自){_S}?$|(?i:\b(?:from|(?P<between>between)){_S}+)$")
# Words after a date that bound it (前 and 后 only where they do not start another word:
# 前夕, 前三季度, 后期, 后半段) and words before it.
_NOT_AFTER_QIAN_HOU = (
    "0-9一二三四五六七八九十两几半数天年日"
    "夕期景沿列者身往任台端排方面线所锋瞻途奏卫科缀程辈车嫌额续来盾劲继果患援悔世生代备勤手门置宫人视座浪"
)
QUALIFIER_AFTER = re.compile(
    rf"{_S}?(?:(?P<approx>前后|左右)|(?P<before>之前|以前|前(?![{_NOT_AFTER_QIAN_HOU}]))"
    rf"|(?P<after>之后|以后|以来|后(?![{_NOT_AFTER_QIAN_HOU}]))|(?P<since>起|开始))"
    rf"|{_S}+(?P<onwards>(?i:onwards?))\b"
)
QUALIFIER_BEFORE = re.compile(
    rf"(?:(?P<from>自|从){_S}?"
    rf"|(?<![A-Za-z])(?P<word>(?i:before|prior{_S}+to|after|since|around|circa|about|approximately"
    rf"|roughly)){_S}+)$"
)
ENGLISH_QUALIFIERS = {
    "before": "before",
    "prior to": "before",
    "after": "after",
    "since": "after",
    "around": "approx",
    "circa": "approx",
    "about": "approx",
    "approximately": "approx",
    "roughly": "approx",
}
# After 起 with no 自/从 before the date, what shows it means "from … on" (2024年起,公司…).
_SINCE_FOLLOWERS = "将就便已正开"
_HAN_CHARACTER = re.compile("[\u3400-\u9fff]")
_UNQUALIFIED_UNITS = ("recent", "follow", "year_to_date", "rest_of_year")
SENTENCE_END = re.compile(r"[。！？!?;；\n]|\.\s")
# Units that can be joined into a range (and decades with decades); relative words stand
# alone.
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


def _outside_non_dates(candidates: list[Candidate], paragraphs: Paragraphs) -> list[Candidate]:
    """Drop readings that touch an address (a URL path) or a fiscal period."""
    found = sorted(
        [match.span() for match in find_all(ADDRESS, paragraphs, ADDRESS_KEY)]
        + [match.span() for match in find_all(FISCAL, paragraphs, FISCAL_KEY, lower=True)]
    )
    if not found:
        return candidates
    spans: list[list[int]] = []
    for start, end in found:
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    starts = [start for start, _ in spans]
    kept = []
    for candidate in candidates:
        index = bisect.bisect_left(starts, candidate.end) - 1
        if index >= 0 and candidate.start < spans[index][1]:
            continue
        kept.append(candidate)
    return kept


def _joinable(first: Candidate, second: Candidate) -> bool:
    a, b = first.expression, second.expression
    if not (isinstance(a, Point) and isinstance(b, Point)):
        return False
    if a.unit == "decade" or b.unit == "decade":
        # "20世纪末至本世纪初": two decades make a range; a decade and a year do not.
        return a.unit == b.unit
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
        connector = (
            RANGE_CONNECTOR.fullmatch(folded, previous.end, candidate.start)
            if previous is not None
            else None
        )
        if connector and _joinable(previous, candidate):
            opener = RANGE_OPENER.search(folded, max(0, previous.start - 9), previous.start)
            # "in 2019 and 2021" lists two years; only "between 2019 and 2021" is a range.
            if connector["and"] and not (opener and opener["between"]):
                joined.append(candidate)
                continue
            start = opener.start() if opener else previous.start
            span = Span(previous.expression, candidate.expression)
            joined[-1] = Candidate(start, candidate.end, span)
            continue
        joined.append(candidate)
    return joined


def _bound(candidate: Candidate, folded: str, limit: int, floor: int):
    """The (start, end, qualifier) the words around a date give it, or None if unbounded."""
    after = QUALIFIER_AFTER.match(folded, candidate.end, limit)
    before = QUALIFIER_BEFORE.search(folded, max(floor, candidate.start - 16), candidate.start)
    opened = before is not None and before["from"] is not None
    if after is not None and after["since"]:
        # 起/开始 bound only after 自/从 ("从2024年起"), or 起 before a pause ("2024年起,").
        following = folded[after.end() : after.end() + 1]
        pause = not _HAN_CHARACTER.match(following) or following in _SINCE_FOLLOWERS
        if opened or (after["since"] == "起" and pause):
            return (before.start() if opened else candidate.start), after.end(), "after"
    elif after is not None:
        if after["onwards"] or after["after"]:
            return (before.start() if opened else candidate.start), after.end(), "after"
        return candidate.start, after.end(), "approx" if after["approx"] else "before"
    if before is not None and before["word"]:
        word = " ".join(before["word"].lower().split())
        return before.start(), candidate.end, ENGLISH_QUALIFIERS[word]
    return None


def _qualify(candidates: list[Candidate], folded: str) -> list[Candidate]:
    """Widen each date to the words that bound it and record the bound as its qualifier."""
    qualified: list[Candidate] = []
    for index, candidate in enumerate(candidates):
        point = candidate.expression
        bound = None
        if isinstance(point, Point) and point.unit not in _UNQUALIFIED_UNITS:
            limit = candidates[index + 1].start if index + 1 < len(candidates) else len(folded)
            floor = qualified[-1].end if qualified else 0
            bound = _bound(candidate, folded, limit, floor)
        if bound is None:
            qualified.append(candidate)
        else:
            start, end, qualifier = bound
            qualified.append(replace(candidate, start=start, end=end, qualifier=qualifier))
    return qualified


def _drop_rhetorical_days(candidates: list[Candidate], folded: str) -> list[Candidate]:
    """ "今天很困难，明天更困难，后天…" contrasts today with tomorrow: not dates."""
    day_words = [
        c
        for c in candidates
        if isinstance(c.expression, Point) and c.expression.unit == "relative_day"
    ]
    if len(day_words) < 2:
        return candidates
    ends = [match.start() for match in SENTENCE_END.finditer(folded)]

    def sentence_of(candidate: Candidate) -> int:
        return bisect.bisect_left(ends, candidate.start)

    by_sentence: dict[int, set[int]] = {}
    for candidate in day_words:
        by_sentence.setdefault(sentence_of(candidate), set()).add(candidate.expression.day_shift)
    rhetorical = {index for index, shifts in by_sentence.items() if {0, 1} <= shifts}
    if not rhetorical:
        return candidates
    dropped = {id(c) for c in day_words if sentence_of(c) in rhetorical}
    return [c for c in candidates if id(c) not in dropped]


def _qualified_edtf(edtf: str | None, qualifier: str) -> str | None:
    if edtf is None:
        return None
    if qualifier == "before":
        return f"[..{edtf}]"
    if qualifier == "after":
        return f"[{edtf}..]"
    return edtf if edtf.endswith("~") else f"{edtf}~"


def _mention(text: str, candidate: Candidate, resolution: Resolution) -> DateMention:
    if candidate.qualifier is not None:
        resolution = replace(
            resolution,
            qualifier=candidate.qualifier,
            edtf=_qualified_edtf(resolution.edtf, candidate.qualifier),
        )
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
    paragraphs = Paragraphs(folded)
    found = list(run_rules(GRAMMARS, paragraphs))
    candidates = _select(_outside_non_dates(found, paragraphs), len(folded))
    candidates = _drop_rhetorical_days(_join_ranges(candidates, folded), folded)
    candidates = _qualify(candidates, folded)

    newlines = paragraphs.breaks
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
        except NotADate:
            continue
        remember(context, resolution)
        mentions.append(_mention(text, candidate, resolution))
    return DateScan(tuple(mentions), tuple(warnings))
