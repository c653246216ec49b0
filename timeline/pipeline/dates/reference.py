"""Reference dates: parsing one given on the command line, or inferring one from the
article's own statements about its present (DATES.md rule 2).
"""

import re
from datetime import date

from timeline.pipeline.dates import periods
from timeline.pipeline.dates.model import DateMention, ReferenceDate
from timeline.pipeline.dates.numerals import fold_text
from timeline.pipeline.dates.scan import find_dates

_REFERENCE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
# Words that make a date a forecast rather than the article's present.
_FORECAST_BEFORE = re.compile(
    r"(?:预计|预期|预测|预估|有望|计划|展望|目标|将于|将在|将|會|会|(?i:by|expected\s+in|forecast\s+for|"
    r"will\s+\w+\s+in|until))\s*$"
)
_FORECAST_AFTER = re.compile(r"^\s*(?:会|将|前|可能|有望|目标|预计|以前|之前|(?i:will|forecast))")


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


def _is_forecast(folded: str, mention: DateMention) -> bool:
    before = folded[max(0, mention.char_start - 12) : mention.char_start]
    after = folded[mention.char_end : mention.char_end + 8]
    return bool(_FORECAST_BEFORE.search(before) or _FORECAST_AFTER.search(after))


def infer_reference_date(text: str) -> ReferenceDate | None:
    """The latest absolute date the text states about its present, at its precision.

    Only dates written in full count (no relative words, no two-digit years), and
    forecasts ("预计2025年…", "2025 年会…") are not the present.
    """
    folded = fold_text(text)
    stated = [
        mention
        for mention in find_dates(text).mentions
        if mention.start is not None
        and mention.anchor is None
        and not _is_forecast(folded, mention)
    ]
    if not stated:
        return None
    latest = max(stated, key=lambda m: (m.start, m.start - m.end))
    precision = latest.precision if latest.precision != "xun" else "day"
    return ReferenceDate(latest.start, latest.end, precision, "inferred")
