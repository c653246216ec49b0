"""Numeric dates: 2023-11-05, 2023/11/05, 2023.11.05, 2023/3 and 2024-03-05T10:00 (the
day) in every language, and 11/05/2023 (month first) and 05.03.2024 (day first) in
English text.

A number glued to letters, hyphens or slashes is part of a name, version or URL path
(GPT-4o-2024-05-13, /2023/11/05/), so such matches are rejected by the boundaries.

Day and month orders: a leading four-digit year is always year/month/day. A trailing one
("11/05/2023", "11-05-2023") is read only where the line around it is written mostly in
Latin letters (or, in a line of neither, the whole text), since Chinese text does not use
that form; there it is month/day/year, as in US English news, unless the first number
cannot be a month (25/12/2023 is 25 December). Two-digit years (11/05/23) are too close to
fractions and scores to read.
"""

import functools
import re

from timeline.pipeline.dates.expressions import Candidate, Point, Span
from timeline.pipeline.dates.rules import Rule
from timeline.pipeline.han import HAN_CHARACTER

NUMERIC_DATE = re.compile(
    r"(?<![A-Za-z0-9_\-/.])(?P<year>(?:19|20)\d\d)(?P<sep>[\-/.])(?P<month>\d{1,2})"
    r"(?:(?P=sep)(?P<day>\d{1,2}))?(?!(?!T\d\d:\d\d)[A-Za-z0-9_%]|[\-/.]\d)"
)
YEAR_LAST_DATE = re.compile(
    r"(?<![A-Za-z0-9_\-/.])(?P<first>\d{1,2})(?P<sep>[\-/.])(?P<second>\d{1,2})(?P=sep)"
    r"(?P<year>(?:19|20)\d\d)(?![A-Za-z0-9_%]|[\-/.]\d)"
)
# 2001.07-23: a dotted year and month with the day after a hyphen.
MIXED_DATE = re.compile(
    r"(?P<year>(?:19|20)\d\d)\.(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?![A-Za-z0-9_%]|[\-/.]\d)"
)
# 2011.05-2013, 2011.05-2013.08, 2011/05-2013/08: from a month to a year or a month.
MONTH_RANGE = re.compile(
    r"(?P<year>(?:19|20)\d\d)(?P<sep>[./])(?P<month>\d{1,2})"
    r"[ \t]?[\-–—~][ \t]?(?P<last>(?:19|20)\d\d)(?:(?P=sep)(?P<last_month>\d{1,2}))?"
    r"(?![A-Za-z0-9_%]|[\-/.]\d)"
)
# 7·21, 9•11, 3・15: a month and day joined by a middle dot name an event by its day.
# The dot comes first, so that the engine can skip ahead to it; the month before it is
# read by the builder.
DOTTED_DAY = re.compile(r"[·•・](?P<day>[0-3]?[0-9])(?![0-9·•・])")
_DOTTED_MONTH = re.compile(r"(?<![0-9.·•・])(?P<month>1[0-2]|[1-9])$")
_GLUED_BEFORE = re.compile(r"[A-Za-z0-9_\-/.]")
_LATIN = re.compile(r"[A-Za-z]")


_WINDOW = 200


@functools.lru_cache(maxsize=4)
def _mostly_latin(text: str) -> bool | None:
    latin, han = len(_LATIN.findall(text)), len(HAN_CHARACTER.findall(text))
    return None if latin == han == 0 else latin > han


def _written_in_latin(folded: str, position: int) -> bool:
    """Whether the line around ``position`` (else the whole text) is mostly Latin letters.

    Only a window of the line is read, so that many dates on one long line stay linear.
    """
    start = max(folded.rfind("\n", 0, position) + 1, position - _WINDOW)
    end = folded.find("\n", position, position + _WINDOW)
    around = folded[start : end if end >= 0 else position + _WINDOW]
    latin, han = len(_LATIN.findall(around)), len(HAN_CHARACTER.findall(around))
    if latin or han:
        return latin > han
    return bool(_mostly_latin(folded))


def _year_last(folded: str, match: re.Match) -> Candidate | None:
    if not _written_in_latin(folded, match.start()):
        return None
    first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
    # Dots are written day first (05.03.2024, as in Europe); slashes and hyphens month first.
    month, day = (first, second) if first <= 12 and match["sep"] != "." else (second, first)
    if not 1 <= month <= 12 or day < 1:
        return Candidate(*match.span(), None, problem=f"impossible date {match.group()}")
    return Candidate(*match.span(), Point("day", year=year, month=month, day=day))


def _year_first(text: str, match: re.Match) -> Candidate | None:
    year, month = int(match["year"]), int(match["month"])
    if match["sep"] == "." and not match["day"]:
        return None
    if match["day"] is None:
        return (
            Candidate(*match.span(), Point("month", year=year, month=month))
            if 1 <= month <= 12
            else None
        )
    if not 1 <= month <= 12:
        return Candidate(*match.span(), None, problem=f"impossible month {month}")
    return Candidate(*match.span(), Point("day", year=year, month=month, day=int(match["day"])))


def _glued(text: str, match: re.Match) -> bool:
    """Whether a match starts inside a name, a version or a path (checked here rather than
    by a look-behind, so that the engine can skip ahead to the year)."""
    return match.start() > 0 and _GLUED_BEFORE.match(text, match.start() - 1) is not None


def _mixed(text: str, match: re.Match) -> Candidate | None:
    if _glued(text, match):
        return None
    month, day = int(match["month"]), int(match["day"])
    if not 1 <= month <= 12:
        return Candidate(*match.span(), None, problem=f"impossible month {month}")
    return Candidate(*match.span(), Point("day", year=int(match["year"]), month=month, day=day))


def _month_range(text: str, match: re.Match) -> Candidate | None:
    if _glued(text, match):
        return None
    year, month, last = int(match["year"]), int(match["month"]), int(match["last"])
    if not 1 <= month <= 12 or last < year:
        return None
    if match["last_month"]:
        last_month = int(match["last_month"])
        if not 1 <= last_month <= 12:
            return None
        tail = Point("month", year=last, month=last_month)
    else:
        tail = Point("year", year=last)
    return Candidate(*match.span(), Span(Point("month", year=year, month=month), tail))


def _dotted_day(text: str, match: re.Match) -> Candidate | None:
    month = _DOTTED_MONTH.search(text, max(0, match.start() - 2), match.start())
    day = int(match["day"])
    if month is None or not 1 <= day <= 31:
        return None
    point = Point("day", month=int(month["month"]), day=day)
    return Candidate(month.start(), match.end(), point)


# A year then a separator and a digit: every year-first numeric form holds one. The keys
# start at the separator, rarer than a digit, and look back for the rest: the lines they
# are found in are the same.
_YEAR_FIRST_KEY = re.compile(r"[\-/.](?<=(?:19|20)\d\d[\-/.])\d")
RULES: tuple[Rule, ...] = (
    Rule(MIXED_DATE, _mixed, _YEAR_FIRST_KEY),
    Rule(MONTH_RANGE, _month_range, _YEAR_FIRST_KEY),
    Rule(DOTTED_DAY, _dotted_day, re.compile("[·•・]")),
    Rule(NUMERIC_DATE, _year_first, _YEAR_FIRST_KEY),
    Rule(YEAR_LAST_DATE, _year_last, re.compile(r"[\-/.](?<=\d[\-/.])(?:19|20)\d\d")),
)
