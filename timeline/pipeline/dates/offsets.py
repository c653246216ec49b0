"""Weekdays, weeks and counted offsets ("三年前", "two weeks ago", "six months later").

Weeks run Monday to Sunday. A bare weekday is the most recent such day on or before the
reference date; "last" the most recent before it, "next" the first after it; 本周三 /
上周五 / 下周一 are that day of the reference's week, or of the week before or after.

An offset moves the reference (or, for "later" and the words DATES.md counts from
context, the paragraph's previous date) by the count, and gives the period of its unit
that the moved point falls in: 三年前 from 2025-03-12 is 2022, "two weeks ago" the week of
2025-02-26. A vague count (几年前, "several years ago") covers every period it can reach,
qualifier approx. Moved from a period wider than the unit (2019年……三个月后) the result is
the interval the moved period covers.
"""

from datetime import date, timedelta

from timeline.pipeline.dates import periods
from timeline.pipeline.dates.expressions import Point

OFFSET_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}


def week_interval(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week_edtf(start: date, end: date) -> str:
    return f"{start.isoformat()}/{end.isoformat()}"


def weekday(point: Point, reference: date) -> date:
    """The day a weekday word names, read against the reference day."""
    if point.week_shift is not None:
        monday = week_interval(reference)[0] + timedelta(weeks=point.week_shift)
        return monday + timedelta(days=point.index)
    back = (reference.weekday() - point.index) % 7
    if point.month_rule == "after":
        return reference + timedelta(days=(point.index - reference.weekday()) % 7 or 7)
    if point.month_rule == "ahead":
        return reference + timedelta(days=(point.index - reference.weekday()) % 7)
    if point.month_rule == "before":
        return reference - timedelta(days=back or 7)
    return reference - timedelta(days=back)


def weekend(point: Point, reference: date) -> tuple[date, date]:
    """Saturday and Sunday of the week named (本周末, last weekend), or, with no week
    named ("over the weekend"), the most recent weekend that began on or before the
    reference."""
    if point.week_shift is not None:
        monday = week_interval(reference)[0] + timedelta(weeks=point.week_shift)
    else:
        saturday = reference - timedelta(days=(reference.weekday() - 5) % 7)
        monday = saturday - timedelta(days=5)
    return monday + timedelta(days=5), monday + timedelta(days=6)


def _move(day: date, unit: str, count: int) -> date:
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    months = count * 12 if unit == "year" else count
    year, month = periods.shift_months(day.year, day.month, months)
    return min(date(year, month, 1) + timedelta(days=day.day - 1), periods.month_end(year, month))


def _unit_interval(day: date, unit: str) -> tuple[date, date]:
    if unit == "day":
        return day, day
    if unit == "week":
        return week_interval(day)
    if unit == "month":
        return periods.month_interval(day.year, day.month)
    return periods.year_interval(day.year)


def offset(point: Point, base: tuple[date, date]) -> tuple[date, date, str, str | None]:
    """(start, end, precision, qualifier) of an offset counted from ``base``."""
    low, high = point.count
    counts = (low * point.direction, high * point.direction)
    first = min(_move(base[0], point.offset_unit, count) for count in counts)
    last = max(_move(base[1], point.offset_unit, count) for count in counts)
    start, end = (
        _unit_interval(first, point.offset_unit)[0],
        _unit_interval(last, point.offset_unit)[1],
    )
    precision = OFFSET_PRECISION[point.offset_unit]
    single = _unit_interval(first, point.offset_unit) == (start, end)
    if low != high:
        return start, end, precision, "approx"
    return start, end, precision if single else "interval", None


def offset_edtf(start: date, end: date, precision: str, qualifier: str | None) -> str:
    """The EDTF of an offset: its period's code, or the codes of both ends of a vague one
    ("2016~/2023~"); a week or an interval is written as its two days."""
    codes = {"year": lambda day: f"{day.year:04d}", "month": lambda day: day.isoformat()[:7]}
    codes["day"] = date.isoformat
    if precision not in codes:
        return f"{start.isoformat()}/{end.isoformat()}"
    first, last = codes[precision](start), codes[precision](end)
    mark = "~" if qualifier == "approx" else ""
    return f"{first}{mark}" if first == last else f"{first}{mark}/{last}{mark}"
