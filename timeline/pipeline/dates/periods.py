"""Calendar arithmetic for date intervals: unit intervals, EDTF strings and display text.

Sub-year groupings follow ISO 8601-2 / EDTF level 2: 33–36 are quarters, 37–39 the
four-month thirds of a year (early = 37 Jan–Apr, mid = 38 May–Aug, late = 39 Sep–Dec)
and 40–41 the halves. A xun (third of a month) has no EDTF code, so its ``edtf`` is None.
"""

import calendar
import functools
from datetime import date, timedelta

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
PART_EDTF = {"early": 37, "mid": 38, "late": 39}
XUN_QUALIFIER = {1: "early", 2: "mid", 3: "late"}


@functools.lru_cache(maxsize=4096)
def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def year_interval(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), month_end(year, month)


def months_interval(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), month_end(year, last)


def quarter_interval(year: int, quarter: int) -> tuple[date, date]:
    return months_interval(year, 3 * quarter - 2, 3 * quarter)


def half_interval(year: int, half: int) -> tuple[date, date]:
    return months_interval(year, 6 * half - 5, 6 * half)


def part_interval(year: int, part: str) -> tuple[date, date]:
    first, last = PART_MONTHS[part]
    return months_interval(year, first, last)


def xun_interval(year: int, month: int, xun: int) -> tuple[date, date]:
    if xun == 1:
        return date(year, month, 1), date(year, month, 10)
    if xun == 2:
        return date(year, month, 11), date(year, month, 20)
    return date(year, month, 21), month_end(year, month)


def decade_interval(decade: int) -> tuple[date, date]:
    return date(decade, 1, 1), date(decade + 9, 12, 31)


def edtf_for(start: date, end: date, precision: str, qualifier: str | None) -> str | None:
    """The EDTF string of a single (non-interval) period, or None where EDTF has no code."""
    year = start.year
    if precision == "day":
        code = start.isoformat()
    elif precision == "month":
        code = f"{year:04d}-{start.month:02d}"
    elif precision == "year":
        code = f"{year:04d}"
    elif precision == "quarter":
        code = f"{year:04d}-{32 + (start.month + 2) // 3}"
    elif precision == "half":
        code = f"{year:04d}-{40 if start.month == 1 else 41}"
    elif precision == "part":
        part = {1: "early", 5: "mid", 9: "late"}[start.month]
        code = f"{year:04d}-{PART_EDTF[part]}"
    elif precision == "decade":
        code = f"{str(year)[:3]}X"
    else:
        return None
    return f"{code}~" if qualifier == "approx" else code


def _display_month(day: date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def _display_day(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _display_span(start: date, end: date) -> str:
    whole_months = start.day == 1 and end == month_end(end.year, end.month)
    if whole_months and start.month == 1 and end.month == 12:
        return f"{start.year} – {end.year}" if start.year != end.year else str(start.year)
    if whole_months:
        if start.year == end.year:
            return f"{MONTH_NAMES[start.month - 1]} – {_display_month(end)}"
        return f"{_display_month(start)} – {_display_month(end)}"
    if start.year == end.year and start.month == end.month:
        return f"{start.day} – {_display_day(end)}"
    return f"{_display_day(start)} – {_display_day(end)}"


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def display_date(start: date, end: date, precision: str, qualifier: str | None) -> str:
    """A short English rendering: "13 May 2024", "Q3 2024", "late 2024", "the 1990s",
    "the 17th century"."""
    if precision == "day" and start == end:
        text = _display_day(start)
    elif precision == "month" and (start.year, start.month) == (end.year, end.month):
        text = _display_month(start)
    elif precision == "xun":
        xun = 1 if start.day == 1 else 2 if start.day == 11 else 3
        month = _display_month(start)
        text = f"mid-{month}" if xun == 2 else f"{XUN_QUALIFIER[xun]} {month}"
    elif precision == "quarter":
        text = f"Q{(start.month + 2) // 3} {start.year}"
    elif precision == "half":
        text = f"H{1 if start.month == 1 else 2} {start.year}"
    elif precision == "part":
        part = {1: "early", 5: "mid", 9: "late"}.get(start.month, qualifier or "")
        text = f"mid-{start.year}" if part == "mid" else f"{part} {start.year}"
    elif precision == "year" and start.year == end.year:
        text = str(start.year)
    elif precision == "decade":
        text = f"the {start.year}s"
        if qualifier in ("early", "mid", "late"):
            text = f"the {qualifier} {start.year}s"
    elif precision == "century" and start.year % 100 == 0:
        text = f"the {_ordinal(start.year // 100 + 1)} century"
    else:
        text = _display_span(start, end)
    if qualifier == "approx":
        return f"around {text}"
    if qualifier == "before":
        return f"before {text}"
    if qualifier == "after":
        return f"after {text}"
    if qualifier == "fiscal":
        return f"fiscal {text}"
    return text


def days(count: int) -> timedelta:
    return timedelta(days=count)
