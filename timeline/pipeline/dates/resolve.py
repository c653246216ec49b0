"""Turning written date expressions into intervals of days.

The year of an expression comes, in this order, from the text itself, from the nearest
preceding year-bearing expression of the same paragraph (anchor basis "context"), or
from the reference date. Without a reference date, relative expressions stay unresolved.

The paragraph's year wins even where the writer meant another: in "The deal was signed in
December 2023 and closed in Q1", Q1 is Q1 2023, as DATES.md ("Context") says, though a
reader would take the quarter after December, Q1 2024. The rule is kept as written, so
that the labels, the resolver and the spec agree; a period without a year that follows a
late date of the paragraph's year is where it misreads.
"""

import functools
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.pipeline.dates import calendars, offsets, periods
from timeline.pipeline.dates.expressions import Point, Span
from timeline.pipeline.dates.model import Anchor, ReferenceDate

# Precision of each unit when it names a single period.
UNIT_PRECISION = {
    "year": "year",
    "month": "month",
    "month_start": "month",
    "day": "day",
    "quarter": "quarter",
    "half": "half",
    "part": "part",
    "xun": "xun",
    "decade": "decade",
    "recent": "month",
    "relative_day": "day",
    "relative_month": "month",
    "relative_quarter": "quarter",
    "year_to_date": "year",
    "rest_of_year": "year",
    "follow": "day",
    "weekday": "day",
    "week": "week",
    "weekend": "interval",
    "holiday": "day",
    "lunar": "day",
    "century": "century",
}
RELATIVE_UNITS = (
    "recent",
    "relative_day",
    "relative_month",
    "relative_quarter",
    "year_to_date",
    "rest_of_year",
    "follow",
    "weekday",
    "week",
    "weekend",
    "offset",
)
MONTH_BOUND_UNITS = ("month", "xun", "day")
# Periods that, written without a year and with none in the paragraph, are the latest one
# that starts on or before the reference date (months, xuns and days keep their own rule).
YEARLESS_PERIOD_UNITS = ("quarter", "half", "part", "month_start", "holiday", "lunar")
# Two-digit decades with no reference date: 00s–20s are this century, the rest the last;
# and 上世纪 / 本世纪 with none are the 20th / 21st century. Both assume what every text
# this project reads shares: it was written in the 21st century.
_DECADE_PIVOT = 30
_PRESENT_CENTURY = 2000


class ImpossibleDate(ValueError):
    """The words name a calendar date that does not exist (2月30日)."""


class NotADate(ValueError):
    """The words are a date only in a context this paragraph lacks (当年 with no year)."""


@dataclass
class ParagraphContext:
    """What the expressions read so far in a paragraph lend to the next ones."""

    year: int | None = None
    month: tuple[int, int] | None = None
    day: date | None = None
    # The last date read in the paragraph (start, end), for "三个月后", "six months later".
    last: tuple[date, date] | None = None
    # The last day read in the article before this paragraph, for a 次日 that opens one.
    article_day: date | None = None


@dataclass(frozen=True, init=False)
class Resolution:
    start: date | None
    end: date | None
    precision: str
    qualifier: str | None
    edtf: str | None
    anchor: Anchor | None
    year_from_text: bool = False
    warning: str | None = None

    def __init__(
        self,
        start: date | None,
        end: date | None,
        precision: str,
        qualifier: str | None,
        edtf: str | None,
        anchor: Anchor | None,
        year_from_text: bool = False,
        warning: str | None = None,
    ) -> None:
        # One per mention: stored in one go, as a Point's fields are (expressions.py).
        self.__dict__.update(
            start=start,
            end=end,
            precision=precision,
            qualifier=qualifier,
            edtf=edtf,
            anchor=anchor,
            year_from_text=year_from_text,
            warning=warning,
        )


@functools.lru_cache(maxsize=64)
def _reference_anchor(reference: ReferenceDate) -> Anchor:
    # One anchor per reference date, shared by every mention resolved against it (frozen).
    return Anchor(reference.display, reference.basis)


def _two_digit(value: int, reference: ReferenceDate) -> int:
    year = 2000 + value
    return year if year <= reference.end.year + 1 else year - 100


def _month_year(point: Point, reference: ReferenceDate, month: int) -> int:
    """The year of a month written without one, by the point's month rule."""
    ref_year, ref_month = reference.end.year, reference.end.month
    if point.month_rule == "this":
        return reference.start.year
    if point.month_rule == "before":
        return ref_year if month < ref_month else ref_year - 1
    if point.month_rule == "after":
        return ref_year if month > ref_month else ref_year + 1
    if point.unit in MONTH_BOUND_UNITS:
        return ref_year if month <= ref_month else ref_year - 1
    return reference.start.year


def _year(
    point: Point, context: ParagraphContext, reference: ReferenceDate | None, month: int | None
) -> tuple[int | None, Anchor | None, bool]:
    """(year, anchor, whether the text itself names the year)."""
    if point.year is not None:
        return point.year, None, True
    if point.two_digit_year is not None:
        if reference is None:
            return None, None, True
        return _two_digit(point.two_digit_year, reference), _reference_anchor(reference), True
    if point.year_shift is not None:
        if reference is None:
            return None, None, True
        return reference.start.year + point.year_shift, _reference_anchor(reference), True
    if point.context_year_shift is not None:
        if context.year is not None:
            year = context.year + point.context_year_shift
            return year, Anchor(str(context.year), "context"), True
        if context.last is not None:
            # "destroyed on Aug. 9 … reopened a year later": the year a yearless date of
            # the paragraph was read in is the paragraph's year, not R's.
            base = context.last[1].year
            return base + point.context_year_shift, Anchor(str(base), "context"), True
        if point.context_only:
            raise NotADate("no year in the paragraph to refer to")
        if reference is None:
            return None, None, True
        year = reference.start.year + point.context_year_shift
        return year, _reference_anchor(reference), True
    if context.year is not None and point.month_rule in ("latest", "ahead"):
        return context.year, Anchor(str(context.year), "context"), False
    if reference is None:
        return None, None, False
    if point.month_rule == "ahead" or point.unit in YEARLESS_PERIOD_UNITS:
        year = yearless_year(
            lambda year: _calendar_interval(point, year, month)[:2], point, reference
        )
    else:
        year = _month_year(point, reference, month) if month else reference.start.year
    return year, _reference_anchor(reference), False


def yearless_year(interval_in, point: Point, reference: ReferenceDate) -> int:
    """The year of a period written without one (DATES.md): the latest that starts on or
    before the reference, or, in a sentence that looks ahead, the first that ends on or
    after it."""
    if point.month_rule == "ahead":
        year = reference.start.year
        return year if interval_in(year)[1] >= reference.start else year + 1
    year = reference.end.year
    return year if interval_in(year)[0] <= reference.end else year - 1


def _shift_date_by_months(day: date, months: int) -> date:
    year, month = periods.shift_months(day.year, day.month, months)
    return min(date(year, month, 1) + timedelta(days=day.day - 1), periods.month_end(year, month))


def _around_reference(point: Point, reference: ReferenceDate) -> Resolution:
    """A day- or month-relative word read against a coarser reference: the reference, approx."""
    edtf = periods.edtf_for(reference.start, reference.end, reference.precision, "approx")
    return Resolution(
        reference.start,
        reference.end,
        reference.precision,
        "approx",
        edtf,
        _reference_anchor(reference),
    )


def _unresolved(point: Point) -> Resolution:
    qualifier = "approx" if point.unit == "recent" else None
    if point.unit == "offset":
        precision = offsets.OFFSET_PRECISION[point.offset_unit]
    else:
        precision = UNIT_PRECISION[point.unit]
    return Resolution(None, None, precision, qualifier, None, None)


def _year_split(point: Point, reference: ReferenceDate, anchor: Anchor) -> Resolution:
    """ "Earlier this year" is the reference year up to the reference; "later" the rest."""
    first, last = periods.year_interval(reference.start.year)
    if point.unit == "year_to_date":
        start, end = first, min(reference.end, last)
    else:
        start, end = reference.start, last
    edtf = f"{start.isoformat()}/{end.isoformat()}"
    if (start, end) == (first, last):
        edtf = periods.edtf_for(start, end, "year", None)
    return Resolution(start, end, "year", None, edtf, anchor)


def _offset(point: Point, context: ParagraphContext, reference: ReferenceDate | None):
    if point.count == (0, 0) and context.last is None:
        raise NotADate("当月 / 同月 with no month before it in the paragraph")
    if point.context_only:
        # "two days before the fire": counted from the happening, whose date is the one the
        # paragraph gave before, as precise as the count's unit, never the reference.
        if context.last is None:
            raise NotADate("no earlier date in the paragraph to count from")
        start, end = context.last
        if point.offset_unit in ("day", "week") and start != end:
            raise NotADate("a count of days from a happening dated less precisely")
        if point.offset_unit == "month" and (start.year, start.month) != (end.year, end.month):
            raise NotADate("a count of months from a happening dated only by its year")
    if point.from_context and context.last is not None:
        base, anchor = context.last, Anchor(_display_base(*context.last), "context")
    elif reference is None:
        return _unresolved(point)
    else:
        base, anchor = (reference.start, reference.end), _reference_anchor(reference)
    start, end, precision, qualifier = offsets.offset(point, base)
    edtf = offsets.offset_edtf(start, end, precision, qualifier)
    return Resolution(start, end, precision, qualifier, edtf, anchor)


def _display_base(start: date, end: date) -> str:
    if start == end:
        return start.isoformat()
    if (start.year, start.month) == (end.year, end.month):
        return start.isoformat()[:7]
    if start.year == end.year:
        return str(start.year)
    return f"{start.isoformat()}/{end.isoformat()}"


def _weekly(point: Point, reference: ReferenceDate | None) -> Resolution:
    if reference is None:
        return _unresolved(point)
    if reference.precision != "day":
        return _around_reference(point, reference)
    anchor = _reference_anchor(reference)
    if point.unit == "week":
        start, end = offsets.week_interval(reference.start + timedelta(weeks=point.week_shift))
        if point.part == "to_date":
            end = reference.start
        elif point.part == "rest":
            start = reference.start
        return Resolution(start, end, "week", None, offsets.week_edtf(start, end), anchor)
    if point.unit == "weekend":
        start, end = offsets.weekend(point, reference.start)
        return Resolution(start, end, "interval", None, offsets.week_edtf(start, end), anchor)
    day = offsets.weekday(point, reference.start)
    return Resolution(day, day, "day", None, day.isoformat(), anchor)


def _checked_day(point: Point, reference: ReferenceDate) -> Resolution:
    """今(21)日: the day written, with a warning where it is not the reference's."""
    anchor = _reference_anchor(reference)
    meant = reference.start + timedelta(days=point.day_shift)
    if reference.precision == "day" and meant.day == point.check_day:
        return Resolution(meant, meant, "day", None, meant.isoformat(), anchor)
    end = reference.end + timedelta(days=point.day_shift)
    year, month = end.year, end.month
    if point.check_day > end.day:
        year, month = periods.shift_months(year, month, -1)
    try:
        day = date(year, month, point.check_day)
    except ValueError as error:
        raise ImpossibleDate(f"impossible date {year}-{month:02d}-{point.check_day:02d}") from error
    warning = (
        f"the day written ({point.check_day}) is not the reference's "
        f"({meant.isoformat()}); the written day is kept"
    )
    return Resolution(day, day, "day", None, day.isoformat(), anchor, warning=warning)


def _relative(point: Point, context: ParagraphContext, reference: ReferenceDate | None):
    if point.unit == "offset":
        return _offset(point, context, reference)
    if point.unit in ("weekday", "week", "weekend"):
        return _weekly(point, reference)
    follow_base = context.day or context.article_day
    if point.unit == "follow" and point.context_only:
        # Counted from an event (首演前一天, "the day before the premiere"): only from a day
        # the paragraph gave before, never from the reference.
        if context.day is None:
            raise NotADate("no earlier day in the paragraph to count from")
        follow_base = context.day
    if point.unit == "follow" and follow_base is not None:
        day = follow_base + timedelta(days=point.day_shift)
        return Resolution(
            day, day, "day", None, day.isoformat(), Anchor(follow_base.isoformat(), "context")
        )
    if reference is None:
        return _unresolved(point)
    anchor = _reference_anchor(reference)
    if point.check_day is not None:
        return _checked_day(point, reference)
    if point.unit == "recent":
        start = _shift_date_by_months(reference.start, -1)
        edtf = f"{start.isoformat()[:7]}~/{reference.end.isoformat()[:7]}~"
        return Resolution(start, reference.end, "month", "approx", edtf, anchor)
    if point.unit in ("year_to_date", "rest_of_year"):
        return _year_split(point, reference, anchor)
    if point.unit in ("relative_day", "follow"):
        # With no earlier day in the paragraph, 次日 counts from the reference (DATES.md).
        if reference.precision != "day":
            return _around_reference(point, reference)
        day = reference.start + timedelta(days=point.day_shift)
        return Resolution(day, day, "day", None, day.isoformat(), anchor)
    if reference.precision not in ("day", "month"):
        return _around_reference(point, reference)
    if point.unit == "relative_quarter":
        quarter = (reference.start.month - 1) // 3 + point.quarter_shift
        year, index = reference.start.year + quarter // 4, quarter % 4 + 1
        start, end = periods.quarter_interval(year, index)
        return Resolution(
            start, end, "quarter", None, periods.edtf_for(start, end, "quarter", None), anchor
        )
    year, month = periods.shift_months(
        reference.start.year, reference.start.month, point.month_shift
    )
    if point.unit == "xun":
        start, end = periods.xun_interval(year, month, point.index)
        return Resolution(start, end, "xun", None, None, anchor)
    if point.unit == "day":
        try:
            day = date(year, month, point.day)
        except ValueError as error:
            raise ImpossibleDate(f"impossible date {year}-{month:02d}-{point.day:02d}") from error
        return Resolution(day, day, "day", None, day.isoformat(), anchor)
    start, end = periods.month_interval(year, month)
    return Resolution(
        start, end, "month", None, periods.edtf_for(start, end, "month", None), anchor
    )


def _calendar_interval(point: Point, year: int, month: int | None) -> tuple[date, date, str | None]:
    unit = point.unit
    if unit == "year":
        return (*periods.year_interval(year), None)
    if unit == "quarter":
        return (*periods.quarter_interval(year, point.index), None)
    if unit == "half":
        return (*periods.half_interval(year, point.index), None)
    if unit == "part":
        return (*periods.part_interval(year, point.part), point.part)
    if unit == "month_start":
        return (*periods.month_interval(year, 1), "early")
    if unit == "month":
        return (*periods.month_interval(year, month), None)
    if unit == "holiday":
        if point.holiday_week:
            # A break is approximate (who takes which days off varies); a US long weekend
            # is its three days.
            exact = point.holiday in calendars.LONG_WEEKENDS
            return (*calendars.holiday_week(point.holiday, year), None if exact else "approx")
        day = calendars.holiday(point.holiday, year)
        if point.day_shift:
            # A holiday's eve (端午节前夕): the day before it, approx.
            day += timedelta(days=point.day_shift)
            return day, day, "approx"
        return day, day, None
    if unit == "lunar":
        try:
            if point.day is None:
                return (*calendars.lunar_month(year, month, point.leap), None)
            day = calendars.lunar_to_solar(year, month, point.day, point.leap)
        except calendars.NoSuchLunarDate as error:
            raise ImpossibleDate(str(error)) from error
        return day, day, None
    if unit == "xun":
        return (*periods.xun_interval(year, month, point.index), None)
    try:
        day = date(year, month, point.day)
    except ValueError as error:
        raise ImpossibleDate(f"impossible date {year}-{month:02d}-{point.day:02d}") from error
    return day, day, None


def _decade(point: Point, reference: ReferenceDate | None) -> Resolution:
    if point.decade is not None:
        decade, anchor = point.decade, None
    elif point.century_shift is not None:
        if reference is None:
            century, anchor = _PRESENT_CENTURY + 100 * point.century_shift, None
        else:
            century = (reference.start.year // 100 + point.century_shift) * 100
            anchor = _reference_anchor(reference)
        decade = century + point.two_digit_year
    elif reference is not None:
        decade, anchor = _two_digit(point.two_digit_year, reference), _reference_anchor(reference)
    else:
        value = point.two_digit_year
        decade, anchor = (2000 + value if value < _DECADE_PIVOT else 1900 + value), None
    start, end = periods.decade_interval(decade)
    return Resolution(
        start, end, "decade", point.part, periods.edtf_for(start, end, "decade", None), anchor
    )


def resolve_point(
    point: Point, context: ParagraphContext, reference: ReferenceDate | None
) -> Resolution:
    """The interval ``point`` means.

    Raises ImpossibleDate for dates that cannot exist, NotADate for words that need a
    context the paragraph does not give.
    """
    if point.unit in RELATIVE_UNITS or point.month_shift is not None:
        return _relative(point, context, reference)
    if point.unit == "decade":
        return _decade(point, reference)
    if point.unit == "century":
        return _century(point, reference)
    resolution = _resolve_calendar_point(point, context, reference)
    if point.fiscal and resolution.start is not None:
        return replace(resolution, qualifier="fiscal")
    return resolution


def _century(point: Point, reference: ReferenceDate | None) -> Resolution:
    if point.decade is not None:
        first, anchor = point.decade, None
    elif reference is not None:
        first = (reference.start.year // 100 + point.century_shift) * 100
        anchor = _reference_anchor(reference)
    else:
        first, anchor = _PRESENT_CENTURY + 100 * point.century_shift, None
    start, end = date(first, 1, 1), date(first + 99, 12, 31)
    return Resolution(start, end, "century", None, f"{str(first)[:2]}XX", anchor)


def _resolve_calendar_point(
    point: Point, context: ParagraphContext, reference: ReferenceDate | None
) -> Resolution:
    month, month_anchor = point.month, None
    if point.unit == "xun" and month is None:
        if context.month is not None:
            context_year, month = context.month
            month_anchor = Anchor(f"{context_year:04d}-{month:02d}", "context")
        elif reference is None:
            return _unresolved(point)
        elif reference.precision not in ("day", "month"):
            return _around_reference(point, reference)
        else:
            context_year, month = reference.end.year, reference.end.month
            month_anchor = _reference_anchor(reference)
        point = point.with_year_of(Point("year", year=context_year))
    elif point.unit == "day" and month is None:
        if point.context_only and context.month is None:
            # "on the 9th" with no month before it in the paragraph: which month is unsaid.
            raise NotADate("no month in the paragraph for the day to fall in")
        if context.month is not None:
            context_year, month = context.month
            month_anchor = Anchor(f"{context_year:04d}-{month:02d}", "context")
            point = point.with_year_of(Point("year", year=context_year))
        elif reference is not None:
            ref_end = reference.end
            year, month = (
                (ref_end.year, ref_end.month)
                if point.day <= ref_end.day or reference.precision != "day"
                else periods.shift_months(ref_end.year, ref_end.month, -1)
            )
            month_anchor = _reference_anchor(reference)
            point = point.with_year_of(Point("year", year=year))
        else:
            return _unresolved(point)
    year, anchor, from_text = _year(point, context, reference, month)
    if year is None:
        return _unresolved(point)
    start, end, qualifier = _calendar_interval(point, year, month)
    precision = UNIT_PRECISION[point.unit]
    edtf = periods.edtf_for(start, end, precision, None)
    if start != end and precision == "day":
        # A holiday's break or a lunar month: the interval of solar days it covers.
        precision, edtf = "interval", f"{start.isoformat()}/{end.isoformat()}"
    return Resolution(
        start,
        end,
        precision,
        qualifier,
        edtf,
        month_anchor or anchor,
        from_text and not month_anchor,
    )


def resolve_span(
    span: Span, context: ParagraphContext, reference: ReferenceDate | None
) -> Resolution:
    first, last = span.first, span.last
    shared_anchor = None
    if first.unit == "decade":
        head, tail = _decade(first, reference), _decade(last, reference)
        if head.start is None or tail.start is None:
            return Resolution(None, None, "interval", None, None, None)
        if tail.end < head.start:
            raise ImpossibleDate("range ends before it starts")
        edtf = f"{head.edtf}/{tail.edtf}"
        return Resolution(head.start, tail.end, "interval", None, edtf, head.anchor or tail.anchor)
    if not last.has_year and first.has_year:
        last = last.with_year_of(first)
    elif not first.has_year and last.has_year:
        first = first.with_year_of(last)
    elif not first.has_year and "day" not in (first.unit, last.unit):
        # A range or list with no year ("9、10 月") lies in the context year, else in the
        # latest year where it starts on or before R (the first where it ends on or after R
        # when the sentence looks ahead).
        if context.year is not None:
            year, shared_anchor = context.year, Anchor(str(context.year), "context")
        elif reference is not None:
            year = yearless_year(
                lambda year: (
                    _calendar_interval(first, year, first.month)[0],
                    _calendar_interval(last, year, last.month)[1],
                ),
                first,
                reference,
            )
            shared_anchor = _reference_anchor(reference)
        else:
            return Resolution(None, None, "interval", None, None, None)
        first = first.with_year_of(Point("year", year=year))
        last = last.with_year_of(Point("year", year=year))
    head = resolve_point(first, context, reference)
    tail = resolve_point(last, context, reference)
    if shared_anchor is not None:
        head = replace(head, anchor=shared_anchor, year_from_text=False)
        tail = replace(tail, year_from_text=False)
    if head.start is None or tail.end is None:
        return Resolution(None, None, "interval", None, None, None, head.year_from_text)
    if tail.end < head.start:
        raise ImpossibleDate("range ends before it starts")
    edtf = f"{head.edtf}/{tail.edtf}" if head.edtf and tail.edtf else None
    # A fiscal year over two calendar years (2023/24财年) stays marked fiscal.
    qualifier = "fiscal" if first.fiscal and last.fiscal else None
    return Resolution(
        head.start,
        tail.end,
        "interval",
        qualifier,
        edtf,
        head.anchor or tail.anchor,
        head.year_from_text or tail.year_from_text,
    )


def remember(context: ParagraphContext, resolution: Resolution) -> None:
    """Let a resolved expression date the ones after it in the same paragraph."""
    if resolution.end is None:
        return
    if resolution.year_from_text:
        context.year = resolution.end.year
    if resolution.precision in MONTH_BOUND_UNITS or (
        resolution.precision == "interval" and resolution.start.month == resolution.end.month
    ):
        context.month = (resolution.end.year, resolution.end.month)
    if resolution.precision == "day":
        context.day = resolution.end
    if resolution.start is not None:
        context.last = (resolution.start, resolution.end)
