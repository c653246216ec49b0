"""Finding every date expression in a text: run the grammars, pick non-overlapping
readings, join ranges, read the words that bound a date, drop what is not a date, and
resolve in paragraph order.

Bounds ("2023年之前", "before 2023", "自2023年以来", "since May", "2024年前后") keep the
interval of the period written; the qualifier (before / after / approx) carries the
bound and the mention's text includes the bounding words. Their EDTF is the ISO 8601-2
"one of a set" form, which reads inclusively as DATES.md's interval does: "[..2023]" is
2023 or earlier, "[2023..]" 2023 or later.

A period written without a year in a clause that looks ahead ("公司计划5月发布",
"will launch in the third quarter") is marked so that the resolver takes the first such
period that ends on or after the reference date rather than the latest that starts on or
before it. A bare weekday right next to the day it names ("5月20日(周一)", "Tuesday,
March 5") is dropped: the day says it all.
"""

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import replace

from timeline.pipeline.dates import chinese, english, festivals, numeric, weeks
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
from timeline.pipeline.han import HAN_CHARACTER

GRAMMARS = (*chinese.RULES, *english.RULES, *numeric.RULES, *weeks.RULES, *festivals.RULES)
# Whitespace within a line: nothing here joins or bounds across a paragraph break.
_S = r"[^\S\n]"
# Links and image targets: any date inside is part of an address, not a statement.
ADDRESS = re.compile(
    r"https?://\S+|www\.\S+|\]\([^)\s]*\)"
    r"|(?<![A-Za-z0-9\-.])[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|org|net|cn|io|ai)/\S*"
)
ADDRESS_KEY = re.compile(r"://|www\.|\]\(|\.(?:com|org|net|cn|io|ai)/")
RANGE_CONNECTOR = re.compile(
    rf"{_S}?(?:——|至|到|~|-|–|—|、){_S}?|{_S}*(?:–|—|-){_S}*|{_S}+(?i:to|through|until|till){_S}+"
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
_BEFORE_LAST = ("自", "从")
# Qualifiers that bound a state rather than place the narrative at a date.
BOUNDS = frozenset({"before", "after"})
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
_UNQUALIFIED_UNITS = ("recent", "follow", "year_to_date", "rest_of_year", "offset")
SENTENCE_END = re.compile(r"[。！？!?;；\n]|\.\s")
# Units that can be joined into a range (and decades with decades); relative words stand
# alone.
RANGE_UNITS = {
    *("year", "month", "month_start", "day", "quarter", "half", "part", "xun"),
    *("holiday", "lunar"),
}
# Words in a clause that make it look ahead (DATES.md: 将, 计划, 预计, will, plans to).
# The Chinese words count anywhere in the clause (周五将发布, 将于周五发布); the English ones
# only before the date, since after it they are mostly reported speech ("said Monday it
# will cut jobs").
LOOKS_AHEAD_ZH = re.compile(
    r"(?<![大老主名武猛干上中少女])将(?![近军其领士])|计划|预计|预期|有望|即将|打算|(?<![模虚比])拟"
)
# "Will" before a capitalised word is a given name ("Will Okafor opened a bakery in March").
LOOKS_AHEAD_EN = re.compile(
    r"(?:\b(?:will|WILL)\b|\bWill\b(?!\s+[A-Z][a-z])"
    r"|(?i:\bshall\b|'ll\b|\b(?:plans?|planned|planning|expects?|expected|aims?|intends?"
    r"|(?:is|are)\s+set|is\s+scheduled|are\s+scheduled)\s+to\b|\bscheduled\s+for\b))"
)
CLAUSE_BREAK = re.compile(r"[。！？!?;；,，\n]|\.\s")
# How far a clause is read before a date (a window, so that a long line stays linear), and
# how far after it a Chinese look-ahead word still belongs to it (周五将, 第三季度有望).
_CLAUSE_REACH = 60
_RIGHT_AFTER = 3
# Units whose year (or, for weekdays, week) a look-ahead changes when none is written.
AHEAD_UNITS = {"month", "quarter", "half", "part", "xun", "day", "holiday", "lunar", "weekday"}
# Periods that, opening a sentence before a comma, date the clause after it ("下半年，市场将…");
# a day or month there is more often the time of a report ("1月6日晚，有消息称公司将…").
CLAUSE_OPENING_UNITS = {"quarter", "half", "part", "holiday"}
# Between a weekday and the date it names: "5月20日(周一)", "Tuesday, March 5".
_WEEKDAY_GAP = re.compile(r"[\s,，(（)）]*")


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
    """Drop readings that touch an address (a URL path)."""
    found = sorted(match.span() for match in find_all(ADDRESS, paragraphs, ADDRESS_KEY))
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
    if a.unit == "year" and b.unit != "year" and not b.has_year:
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
    # A bounding word before the date ends in 自, 从 or a space: look for one only there.
    last = folded[candidate.start - 1] if candidate.start > floor else ""
    before = (
        QUALIFIER_BEFORE.search(folded, max(floor, candidate.start - 16), candidate.start)
        if last in _BEFORE_LAST or last.isspace()
        else None
    )
    opened = before is not None and before["from"] is not None
    if after is not None and after["since"]:
        # 起/开始 bound only after 自/从 ("从2024年起"), or 起 before a pause ("2024年起,").
        following = folded[after.end() : after.end() + 1]
        pause = not HAN_CHARACTER.match(following) or following in _SINCE_FOLLOWERS
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


def _yearless(expression) -> bool:
    if isinstance(expression, Span):
        return _yearless(expression.first) and _yearless(expression.last)
    return (
        isinstance(expression, Point)
        and expression.unit in AHEAD_UNITS
        and not expression.has_year
        and expression.month_rule == "latest"
        and expression.month_shift is None
        and expression.week_shift is None
    )


def _unit(expression) -> str:
    return (expression.first if isinstance(expression, Span) else expression).unit


def _ahead(expression):
    if isinstance(expression, Span):
        return Span(_ahead(expression.first), _ahead(expression.last))
    return replace(expression, month_rule="ahead")


def _looks_ahead(candidate: Candidate, folded: str) -> bool:
    """Whether the clause of a yearless date looks ahead: a look-ahead word before the date
    in its clause, or right after it (周五将发布); for a period opening its sentence before
    a comma, anywhere in the next clause (下半年，市场将继续分化)."""
    floor = max(0, candidate.start - _CLAUSE_REACH)
    opening = max(
        max(folded.rfind(mark, floor, candidate.start) for mark in "。！？!?;；,，\n"),
        floor - 1,
    )
    before = (opening + 1, candidate.start)
    if LOOKS_AHEAD_ZH.search(folded, *before) or LOOKS_AHEAD_EN.search(folded, *before):
        return True
    if LOOKS_AHEAD_ZH.search(folded, candidate.end, candidate.end + _RIGHT_AFTER):
        return True
    if folded[opening + 1 : candidate.start].strip():
        return False
    if _unit(candidate.expression) not in CLAUSE_OPENING_UNITS:
        return False
    ceiling = min(len(folded), candidate.end + _CLAUSE_REACH)
    comma = CLAUSE_BREAK.search(folded, candidate.end, ceiling)
    if comma is None or comma.group() not in ",，":
        return False
    ceiling = min(len(folded), comma.end() + _CLAUSE_REACH)
    closing = CLAUSE_BREAK.search(folded, comma.end(), ceiling)
    clause = (comma.end(), closing.start() if closing else ceiling)
    return bool(LOOKS_AHEAD_ZH.search(folded, *clause) or LOOKS_AHEAD_EN.search(folded, *clause))


def _mark_looking_ahead(candidates: list[Candidate], folded: str) -> list[Candidate]:
    """Mark the yearless periods of clauses that look ahead ("计划5月发布")."""
    return [
        replace(candidate, expression=_ahead(candidate.expression))
        if _yearless(candidate.expression) and _looks_ahead(candidate, folded)
        else candidate
        for candidate in candidates
    ]


def _is_day(candidate: Candidate) -> bool:
    return isinstance(candidate.expression, Point) and candidate.expression.unit == "day"


def _drop_weekdays_of_days(candidates: list[Candidate], folded: str) -> list[Candidate]:
    """A weekday written beside its day ("5月20日(周一)") is not a date of its own."""
    kept = []
    for index, candidate in enumerate(candidates):
        point = candidate.expression
        if isinstance(point, Point) and point.unit == "weekday" and point.week_shift is None:
            before = candidates[index - 1] if index else None
            after = candidates[index + 1] if index + 1 < len(candidates) else None
            if (
                before is not None
                and _is_day(before)
                and _WEEKDAY_GAP.fullmatch(folded, before.end, candidate.start)
            ) or (
                after is not None
                and _is_day(after)
                and _WEEKDAY_GAP.fullmatch(folded, candidate.end, after.start)
            ):
                continue
        kept.append(candidate)
    return kept


def _drop_rhetorical_days(candidates: list[Candidate], folded: str) -> list[Candidate]:
    """ "今天很困难，明天更困难，后天…" contrasts today with tomorrow: not dates."""
    day_words = [
        c
        for c in candidates
        if isinstance(c.expression, Point) and c.expression.unit == "relative_day"
    ]
    if len(day_words) < 2:
        return candidates
    # Number the day words' sentences: a new one wherever a sentence ends between two day
    # words (looked for only there, not over the whole text).
    sentence_of: dict[int, int] = {}
    sentence, previous = 0, None
    for candidate in day_words:
        if previous is not None:
            end = SENTENCE_END.search(folded, previous.start, candidate.start + 1)
            if end is not None and end.start() < candidate.start:
                sentence += 1
        sentence_of[id(candidate)] = sentence
        previous = candidate

    by_sentence: dict[int, set[int]] = {}
    for candidate in day_words:
        shifts = by_sentence.setdefault(sentence_of[id(candidate)], set())
        shifts.add(candidate.expression.day_shift)
    rhetorical = {index for index, shifts in by_sentence.items() if {0, 1} <= shifts}
    if not rhetorical:
        return candidates
    dropped = {id(c) for c in day_words if sentence_of[id(c)] in rhetorical}
    return [c for c in candidates if id(c) not in dropped]


def _qualified_edtf(edtf: str | None, qualifier: str) -> str | None:
    if edtf is None:
        return None
    if qualifier == "before":
        return f"[..{edtf}]"
    if qualifier == "after":
        return f"[{edtf}..]"
    if qualifier != "approx":
        return edtf  # early / late of a quarter's month: the month itself
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


@functools.lru_cache(maxsize=2)
def _read(text: str) -> tuple[tuple[Candidate, ...], tuple[int, ...]]:
    """The text's date readings before resolution, and its line breaks.

    Nothing here depends on the reference date, so a text read twice (once to infer its
    reference, once against it) is scanned once: the last two texts are kept.
    """
    folded = fold_text(text)
    paragraphs = Paragraphs(folded)
    found = list(run_rules(GRAMMARS, paragraphs))
    candidates = _select(_outside_non_dates(found, paragraphs), len(folded))
    candidates = _drop_weekdays_of_days(candidates, folded)
    candidates = _drop_rhetorical_days(_join_ranges(candidates, folded), folded)
    candidates = _mark_looking_ahead(_qualify(candidates, folded), folded)
    return tuple(candidates), tuple(paragraphs.breaks)


def find_dates(text: str, *, reference: ReferenceDate | None = None) -> DateScan:
    """Every date expression in ``text``, resolved against ``reference`` where relative.

    Paragraphs (for year context and 当天/次日) are separated by newlines.
    """
    candidates, newlines = _read(text)
    mentions: list[DateMention] = []
    warnings: list[DateWarning] = []
    paragraph, context = -1, ParagraphContext()
    for candidate in candidates:
        current = bisect.bisect_left(newlines, candidate.start)
        if current != paragraph:
            # 次日 opening a paragraph counts from the last day of the paragraphs before.
            article_day = context.day or context.article_day
            paragraph, context = current, ParagraphContext(article_day=article_day)
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
        if candidate.qualifier not in BOUNDS:
            # "自2022年起" or "since 2019" says where a state began or ended, not when the
            # narrative is: a yearless "5月12日" after it keeps the reference's year.
            remember(context, resolution)
        mentions.append(_mention(text, candidate, resolution))
        if resolution.warning is not None:
            warnings.append(
                DateWarning(written, candidate.start, candidate.end, resolution.warning)
            )
    return DateScan(tuple(mentions), tuple(warnings))
