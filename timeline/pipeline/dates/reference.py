"""Reference dates: parsing one given on the command line, or inferring one from the
article's own statements about its present (DATES.md rule 2).

An article with no publication date is placed at the latest absolute date it states about
its present. Two kinds of words decide which dates those are:

- present markers ("截至2024年底", "截止到2024年6月", "到2024年底为止", "迄今为止，2024年…",
  "as of mid-2024", "so far in 2024") state the present outright: when the text has any,
  the latest date they mark is the reference, whatever later dates the text names;
- forecasts ("预计2026年…", "将于2026年…", "明年，也就是2026年", "2026年会翻倍", "by 2026",
  "plans to list in 2026", "In 2026, it will…") are never the present, marked or not.

A forecast word counts in the date's own clause: before the date back to the last comma or
sentence end, or after it up to the next one (the next clause when the date opens its
sentence with a comma: "2026年，公司将…"). Dates bounded as "before" ("2023年之前",
"2025年前完成") and decades name no present either.
"""

import bisect
import re
from datetime import date

from timeline.pipeline.dates import periods
from timeline.pipeline.dates.model import DateMention, ReferenceDate
from timeline.pipeline.dates.numerals import fold_text
from timeline.pipeline.dates.scan import find_dates

_REFERENCE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
# Where a clause ends: a comma also ends one, so that "截至2024年底，…，预计2026年…" keeps
# the forecast out of the first clause.
_CLAUSE_END = re.compile(r"[。！？!?;；,，:：\n]|\.(?:\s|$)")
# How far a clause is read on either side of a date, and the longest lead-in clause read
# with the clause after it.
_REACH = 48
_LEAD_IN = 6
# Right before the date, with spaces, commas or 的 between: "截至2024年底",
# "迄今为止，2024年…", "as of mid-2024", "so far in 2024".
_PRESENT_BEFORE = re.compile(
    r"(?:截至(?:目前)?|截止(?:到|至|目前)?|迄至|时至|到目前为止|迄今为止|迄今"
    r"|(?i:\bas\s+(?:of|at)|\bso\s+far(?:\s+in)?|\bto\s+date\s+in))[\s,，的]*$"
)
# Right after it: "到2024年底为止", "2024年迄今", "in 2024 so far", "2024 to date".
_PRESENT_AFTER = re.compile(r"\s*(?:为止|迄今|到目前为止)|,?\s+(?i:so\s+far|to\s+date)\b")
# A date after 自/从 and before 迄今 ("自2019年迄今") is where a span starts, not the present.
_SPAN_OPENER = re.compile(r"[自从]\s*$")
_FORECAST_ZH = re.compile(
    r"预计|预期|预测|预估|预判|有望|计划|规划|(?<![模虚比])拟|打算|力争|争取|目标|展望|未来|即将"
    r"|明年|后年|(?<![大老主名武猛干上中少女])将(?![近军其领士])"
    r"|(?<![社机协学工议事员大年峰布博览演晚盛聚约宴理都商总省州体运奥酒舞])"
    r"会(?![议上展谈员计长所场见面同考晤后期中前])"
)
# Forecast words: the Chinese ones looked for only in clauses holding one of their first
# characters, the English ones in the lower-cased clause.
_FORECAST_ZH_KEY = re.compile("[预有计规拟打力争目展未即明后将会]")
_FORECAST_EN = re.compile(
    r"\b(?=[wsphetifanu])(?:will|shall|would|(?:plans?|planned|planning|expects?|expected|aims?"
    r"|aiming|intends?|intended|hopes?|hoped|targets?|targeting|(?:is|are|was|were)\s+set)"
    r"\s+to|forecasts?|projected|predicts?|predicted|anticipates?|anticipated|scheduled|slated"
    r"|expected\s+in|next\s+year|upcoming)\b|'ll\b"
)
# "by 2026", "by the end of 2026": a deadline, only right before the date.
_DEADLINE_BEFORE = re.compile(r"(?i:\b(?:by|until|till)\s+(?:the\s+end\s+of\s+)?)$")
# The markers that end where the date starts are read in this many characters before it.
_MARKER_REACH = 20
# A period longer than this is a span of history, not a present.
_LONGEST_PRESENT_DAYS = 3 * 366


def parse_reference(value: str, *, basis: str = "published") -> ReferenceDate:
    """A reference date from "2025-01-07", "2025-01" or "2025"."""
    match = _REFERENCE.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"reference date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year = int(match["year"])
    try:
        if match["day"]:
            day = date(year, int(match["month"]), int(match["day"]))
            return ReferenceDate(day, day, "day", basis)
        if match["month"]:
            start, end = periods.month_interval(year, int(match["month"]))
            return ReferenceDate(start, end, "month", basis)
    except ValueError as error:
        raise ValueError(f"reference date {value!r} is not a calendar date: {error}") from None
    start, end = periods.year_interval(year)
    return ReferenceDate(start, end, "year", basis)


def _says_forecast(words: str) -> bool:
    if _FORECAST_ZH_KEY.search(words) and _FORECAST_ZH.search(words):
        return True
    return _FORECAST_EN.search(words.lower()) is not None


class _Clauses:
    """The words of a date's clause on either side of it, in one folded text."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        found = list(_CLAUSE_END.finditer(folded))
        self.starts = [match.start() for match in found]
        self.ends = [match.end() for match in found]

    def _start(self, position: int, floor: int) -> int:
        """Where the clause holding ``position`` starts, read back no further than ``floor``."""
        index = bisect.bisect_left(self.starts, position) - 1
        if index >= 0 and self.starts[index] >= floor and self.ends[index] <= position:
            return self.ends[index]
        return floor

    def _end(self, position: int) -> int:
        """Where the clause holding ``position`` ends, read on no further than _REACH."""
        ceiling = min(len(self.folded), position + _REACH)
        index = bisect.bisect_left(self.starts, position)
        return min(self.starts[index], ceiling) if index < len(self.starts) else ceiling

    def before(self, mention: DateMention) -> str:
        """The date's clause before it; when that is short, with a short clause before it too
        ("迄今为止，2024年", "公司预计，2026年", "明年，也就是2026年")."""
        text, end = self.folded, mention.char_start
        floor = max(0, end - _REACH)
        start = self._start(end, floor)
        if len(text[start:end].strip()) <= _LEAD_IN and start > floor and text[start - 1] in ",，":
            window = max(0, start - 1 - _LEAD_IN)
            lead = self._start(start - 1, window)
            if lead > window or window == 0:
                start = lead
        return text[start:end]

    def after(self, mention: DateMention) -> str:
        """The rest of the date's clause; the next clause when a comma follows the date."""
        text, start = self.folded, mention.char_end
        end = self._end(start)
        if not text[start:end].strip() and end < len(text) and text[end] in ",，":
            start = end + 1
            end = self._end(start)
        return text[start:end]

    def is_forecast(self, mention: DateMention, before: str) -> bool:
        return (
            _says_forecast(before)
            or _DEADLINE_BEFORE.search(before[-_MARKER_REACH:]) is not None
            or _says_forecast(self.after(mention))
        )

    def is_present(self, mention: DateMention, before: str) -> bool:
        if _PRESENT_BEFORE.search(before[-_MARKER_REACH:]):
            return True
        return bool(
            _PRESENT_AFTER.match(self.folded, mention.char_end) and not _SPAN_OPENER.search(before)
        )


def infer_reference_date(text: str) -> ReferenceDate | None:
    """The latest absolute date the text states about its present, at its precision.

    Only dates written in full count (no relative words, no two-digit years); forecasts
    never do, and dates with a present marker outrank the others (see the module's doc).
    """
    clauses = _Clauses(fold_text(text))
    stated, marked = [], []
    for mention in find_dates(text).mentions:
        if (
            mention.start is None
            or mention.anchor is not None
            or mention.precision == "decade"
            or (mention.end - mention.start).days > _LONGEST_PRESENT_DAYS
            or mention.qualifier == "before"
        ):
            continue
        before = clauses.before(mention)
        if clauses.is_forecast(mention, before):
            continue
        stated.append(mention)
        if clauses.is_present(mention, before):
            marked.append(mention)
    if not stated:
        return None
    latest = max(marked or stated, key=lambda m: (m.start, m.start - m.end))
    precision = latest.precision if latest.precision != "xun" else "day"
    return ReferenceDate(latest.start, latest.end, precision, "inferred")
