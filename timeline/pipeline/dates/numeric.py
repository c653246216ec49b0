"""Numeric dates: 2023-11-05, 2023/11/05, 2023.11.05 and 2023/3 in every language, and
11/05/2023 (month first) in English text.

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

from timeline.pipeline.dates.expressions import Candidate, Point
from timeline.pipeline.dates.rules import Rule

NUMERIC_DATE = re.compile(
    r"(?<![A-Za-z0-9_\-/.])(?P<year>(?:19|20)\d\d)(?P<sep>[\-/.])(?P<month>\d{1,2})"
    r"(?:(?P=sep)(?P<day>\d{1,2}))?(?![A-Za-z0-9_%]|[\-/.]\d)"
)
YEAR_LAST_DATE = re.compile(
    r"(?<![A-Za-z0-9_\-/.])(?P<first>\d{1,2})(?P<sep>[\-/])(?P<second>\d{1,2})(?P=sep)"
    r"(?P<year>(?:19|20)\d\d)(?![A-Za-z0-9_%]|[\-/.]\d)"
)
_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u3400-\u9fff]")


_WINDOW = 200


@functools.lru_cache(maxsize=4)
def _mostly_latin(text: str) -> bool | None:
    latin, han = len(_LATIN.findall(text)), len(_HAN.findall(text))
    return None if latin == han == 0 else latin > han


def _written_in_latin(folded: str, position: int) -> bool:
    """Whether the line around ``position`` (else the whole text) is mostly Latin letters.

    Only a window of the line is read, so that many dates on one long line stay linear.
    """
    start = max(folded.rfind("\n", 0, position) + 1, position - _WINDOW)
    end = folded.find("\n", position, position + _WINDOW)
    around = folded[start : end if end >= 0 else position + _WINDOW]
    latin, han = len(_LATIN.findall(around)), len(_HAN.findall(around))
    if latin or han:
        return latin > han
    return bool(_mostly_latin(folded))


def _year_last(folded: str, match: re.Match) -> Candidate | None:
    if not _written_in_latin(folded, match.start()):
        return None
    first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
    month, day = (first, second) if first <= 12 else (second, first)
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


RULES: tuple[Rule, ...] = (
    Rule(NUMERIC_DATE, _year_first, re.compile(r"(?:19|20)\d\d[\-/.]\d")),
    Rule(YEAR_LAST_DATE, _year_last, re.compile(r"\d[\-/](?:19|20)\d\d")),
)
