"""Numeric dates: 2023-11-05, 2023/11/05, 2023.11.05 and 2023/3 in every language, and
11/05/2023 (month first) in English text.

A number glued to letters, hyphens or slashes is part of a name, version or URL path
(GPT-4o-2024-05-13, /2023/11/05/), so such matches are rejected by the boundaries.

Day and month orders: a leading four-digit year is always year/month/day. A trailing one
("11/05/2023", "11-05-2023") is read only in a paragraph written mostly in Latin letters,
since Chinese text does not use that form; there it is month/day/year, as in US English
news, unless the first number cannot be a month (25/12/2023 is 25 December). Two-digit
years (11/05/23) are too close to fractions and scores to read.
"""

import re
from collections.abc import Iterator

from timeline.pipeline.dates.expressions import Candidate, Point

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


def _written_in_latin(folded: str, position: int) -> bool:
    """Whether the paragraph around ``position`` (else the whole text) is mostly Latin."""
    start = folded.rfind("\n", 0, position) + 1
    end = folded.find("\n", position)
    paragraph = folded[start : end if end >= 0 else len(folded)]
    latin, han = len(_LATIN.findall(paragraph)), len(_HAN.findall(paragraph))
    if latin == han == 0:
        latin, han = len(_LATIN.findall(folded)), len(_HAN.findall(folded))
    return latin > han


def _year_last(folded: str, match: re.Match) -> Candidate | None:
    if not _written_in_latin(folded, match.start()):
        return None
    first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
    month, day = (first, second) if first <= 12 else (second, first)
    if not 1 <= month <= 12 or day < 1:
        return Candidate(*match.span(), None, problem=f"impossible date {match.group()}")
    return Candidate(*match.span(), Point("day", year=year, month=month, day=day))


def numeric_candidates(folded: str) -> Iterator[Candidate]:
    for match in NUMERIC_DATE.finditer(folded):
        year, month = int(match["year"]), int(match["month"])
        if match["sep"] == "." and not match["day"]:
            continue
        if match["day"] is None:
            if 1 <= month <= 12:
                yield Candidate(*match.span(), Point("month", year=year, month=month))
            continue
        if not 1 <= month <= 12:
            yield Candidate(*match.span(), None, problem=f"impossible month {month}")
            continue
        yield Candidate(*match.span(), Point("day", year=year, month=month, day=int(match["day"])))
    for match in YEAR_LAST_DATE.finditer(folded):
        candidate = _year_last(folded, match)
        if candidate is not None:
            yield candidate
