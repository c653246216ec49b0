"""Date expressions as the grammars read them, before any reference date is applied.

A ``Point`` records what the words say ("May of last year", "the day after"); the
resolver later turns it into days. A ``Span`` is an explicit range or list of two points.
"""

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Point:
    """One date as written.

    ``unit`` is what the expression names: year, month, day, quarter, half, part, xun,
    decade, month_start (伊始: the first month, qualifier early), recent (近日),
    relative_day (昨天), relative_month (上个月), relative_quarter (上季度), year_to_date
    ("earlier this year"), rest_of_year ("later this year") or follow (当天/次日: relative
    to the previous day named in the paragraph).

    A xun or day without a month (月底, "the end of the month") takes the month of the
    paragraph, else the reference month. ``context_only`` marks words that are a date only
    when the paragraph has named a year before (当年 "that year"; else "back then").
    ``century_shift`` dates a decade or century part against the reference century
    (上世纪 = −1, 本世纪 = 0); ``part`` on a decade is its qualifier (90年代初, 本世纪初).
    """

    unit: str
    year: int | None = None
    two_digit_year: int | None = None
    year_shift: int | None = None
    context_year_shift: int | None = None
    month: int | None = None
    month_shift: int | None = None
    day: int | None = None
    day_shift: int | None = None
    index: int | None = None
    part: str | None = None
    decade: int | None = None
    century_shift: int | None = None
    quarter_shift: int | None = None
    context_only: bool = False
    month_rule: str = "latest"

    @property
    def has_year(self) -> bool:
        return (
            self.year is not None
            or self.two_digit_year is not None
            or self.year_shift is not None
            or self.context_year_shift is not None
        )

    def with_year_of(self, other: "Point") -> "Point":
        """This point, dated in the year ``other`` names (for "2024年5月至6月")."""
        return replace(
            self,
            year=other.year,
            two_digit_year=other.two_digit_year,
            year_shift=other.year_shift,
            context_year_shift=other.context_year_shift,
        )


@dataclass(frozen=True)
class Span:
    """An explicit range or list: from the start of ``first`` to the end of ``last``."""

    first: Point
    last: Point


@dataclass(frozen=True)
class Candidate:
    """A grammar's reading of ``text[start:end]``; ``problem`` marks an impossible date.

    ``qualifier`` is set by the scanner when the words around the date bound it
    ("2023年之前" before, "since May" after, "2024年前后" approx).
    """

    start: int
    end: int
    expression: Point | Span | None
    problem: str | None = None
    qualifier: str | None = None
