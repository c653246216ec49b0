"""Holidays and the Chinese lunar calendar: the solar days they fall on in a given year.

The only module that knows the lunar calendar comes from the ``lunardate`` package; the
rest of the normalizer asks for days by name ("mid_autumn", "thanksgiving") or by lunar
month and day, and gets ``date`` objects back. Fixed-date holidays and the US holidays
counted by weekday ("the fourth Thursday of November") are computed here directly.
"""

from datetime import date, timedelta

from dateutil.easter import easter
from lunardate import LunarDate

# Holidays on a lunar date: (lunar month, lunar day).
LUNAR_HOLIDAYS = {
    "spring_festival": (1, 1),
    "lantern": (1, 15),
    "dragon_boat": (5, 5),
    "qixi": (7, 7),
    "mid_autumn": (8, 15),
    "double_ninth": (9, 9),
    "laba": (12, 8),
    "little_new_year": (12, 23),
}
# Holidays on a fixed solar date: (month, day).
SOLAR_HOLIDAYS = {
    "new_year": (1, 1),
    "valentine": (2, 14),
    "womens_day": (3, 8),
    "labour_day_cn": (5, 1),
    "childrens_day": (6, 1),
    "independence_day": (7, 4),
    "teachers_day": (9, 10),
    "national_day": (10, 1),
    "double_ten": (10, 10),
    "halloween": (10, 31),
    "singles_day": (11, 11),
    "double_twelve": (12, 12),
    "christmas_eve": (12, 24),
    "christmas": (12, 25),
    "boxing_day": (12, 26),
    "new_year_eve": (12, 31),
}
# US holidays counted by weekday: (month, weekday with Monday = 0, nth; -1 = the last).
WEEKDAY_HOLIDAYS = {
    "memorial_day": (5, 0, -1),
    "labor_day_us": (9, 0, 1),
    "thanksgiving": (11, 3, 4),
    "mothers_day": (5, 6, 2),
    "fathers_day": (6, 6, 3),
}
# Holidays computed by a rule of their own: Western Easter, and 清明, the solar term that
# falls on 4 or 5 April (the day of the sun's longitude 15°, by the usual formula for
# 2000–2099: 4.81 + 0.2422·YY, less the leap days since 2000; 1900–1999: 5.59).
COMPUTED_HOLIDAYS = {"easter", "qingming", "winter_solstice"}
# Days after another holiday: (holiday, days after).
FOLLOWING_HOLIDAYS = {
    "black_friday": ("thanksgiving", 1),
    "cyber_monday": ("thanksgiving", 4),
    "chinese_new_year_eve": ("spring_festival", -1),
    "memorial_day_weekend": ("memorial_day", -2),
    "labor_day_weekend": ("labor_day_us", -2),
}
# How long the holiday weeks last ("国庆期间", "春节假期"): the official breaks.
# The May Day break has been five days since 2020; a US long weekend is Saturday to Monday.
HOLIDAY_WEEKS = {
    "spring_festival": 7,
    "national_day": 7,
    "labour_day_cn": 5,
    "memorial_day_weekend": 3,
    "labor_day_weekend": 3,
}
LONG_WEEKENDS = frozenset(("memorial_day_weekend", "labor_day_weekend"))

HOLIDAYS = frozenset(
    (*LUNAR_HOLIDAYS, *SOLAR_HOLIDAYS, *WEEKDAY_HOLIDAYS, *FOLLOWING_HOLIDAYS, *COMPUTED_HOLIDAYS)
)


class NoSuchLunarDate(ValueError):
    """The lunar year has no such month or day (a leap month it lacks, a 30th of 29 days)."""


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> date:
    """The solar day of lunar ``year``/``month``/``day`` (``leap`` for a leap month)."""
    try:
        return LunarDate(year, month, day, leap).to_solar_date()
    except ValueError as error:
        raise NoSuchLunarDate(f"no lunar date {year}-{month}-{day}") from error


def lunar_month(year: int, month: int, leap: bool = False) -> tuple[date, date]:
    """The solar days a lunar month spans, first to last."""
    first = lunar_to_solar(year, month, 1, leap)
    for length in (30, 29):
        try:
            return first, lunar_to_solar(year, month, length, leap)
        except NoSuchLunarDate:
            continue
    raise NoSuchLunarDate(f"no lunar month {year}-{month}")


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    following = date(year + month // 12, month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _qingming(year: int) -> date:
    century, short = divmod(year, 100)
    constant = {19: 5.59, 20: 4.81}.get(century)
    if constant is None:
        return date(year, 4, 5)
    leap_days = short // 4 if century == 20 else (short - 1) // 4
    return date(year, 4, int(short * 0.2422 + constant) - leap_days)


# 冬至, the solar term of the sun's longitude 270° (21 or 22 December), by the same formula:
# 21.94 + 0.2422·YY less the leap days since 2000 (1900–1999: 22.60), with the formula's
# known misses corrected.
_WINTER_SOLSTICE_MISSES = {1918: -1, 2021: -1}


def _winter_solstice(year: int) -> date:
    century, short = divmod(year, 100)
    constant = {19: 22.60, 20: 21.94}.get(century)
    if constant is None:
        return date(year, 12, 22)
    day = int(short * 0.2422 + constant) - short // 4
    return date(year, 12, day + _WINTER_SOLSTICE_MISSES.get(year, 0))


def holiday(name: str, year: int) -> date:
    """The day holiday ``name`` falls on in ``year`` (the lunar year for lunar holidays)."""
    if name in LUNAR_HOLIDAYS:
        return lunar_to_solar(year, *LUNAR_HOLIDAYS[name])
    if name in SOLAR_HOLIDAYS:
        return date(year, *SOLAR_HOLIDAYS[name])
    if name in WEEKDAY_HOLIDAYS:
        return _nth_weekday(year, *WEEKDAY_HOLIDAYS[name])
    if name == "easter":
        return easter(year)
    if name == "qingming":
        return _qingming(year)
    if name == "winter_solstice":
        return _winter_solstice(year)
    base, days = FOLLOWING_HOLIDAYS[name]
    return holiday(base, year) + timedelta(days=days)


def holiday_week(name: str, year: int) -> tuple[date, date]:
    """The days of a holiday's break: its week where it has one, else the day itself."""
    first = holiday(name, year)
    return first, first + timedelta(days=HOLIDAY_WEEKS.get(name, 1) - 1)
