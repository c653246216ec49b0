"""Numeric dates shared by all languages: 2023-11-05, 2023/11/05, 2023.11.05, 2023/3.

A number glued to letters, hyphens or slashes is part of a name, version or URL path
(GPT-4o-2024-05-13, /2023/11/05/), so such matches are rejected by the boundaries.
"""

import re
from collections.abc import Iterator

from timeline.pipeline.dates.expressions import Candidate, Point

NUMERIC_DATE = re.compile(
    r"(?<![A-Za-z0-9_\-/.])(?P<year>(?:19|20)\d\d)(?P<sep>[\-/.])(?P<month>\d{1,2})"
    r"(?:(?P=sep)(?P<day>\d{1,2}))?(?![A-Za-z0-9_%]|[\-/.]\d)"
)


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
