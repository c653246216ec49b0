"""Date expressions as the grammars read them, before any reference date is applied.

A ``Point`` records what the words say ("May of last year", "the day after"); the
resolver later turns it into days. A ``Span`` is an explicit range or list of two points.
"""

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, init=False)
class Point:
    """One date as written.

    ``unit`` is what the expression names: year, month, day, quarter, half, part, xun,
    decade, month_start (伊始: the first month, qualifier early), recent (近日),
    relative_day (昨天), relative_month (上个月), relative_quarter (上季度), year_to_date
    ("earlier this year"), rest_of_year ("later this year") or follow (当天/次日: relative
    to the previous day named in the paragraph).

    A xun or day without a month (月底, "the end of the month") takes the month of the
    paragraph, else the reference month. ``context_only`` marks words that are a date only
    when the paragraph has named a year before (当年 "that year"; else "back then"); on a
    follow word, one counted from an event (首演前一天), read only from the paragraph's day.
    ``century_shift`` dates a decade or century part against the reference century
    (上世纪 = −1, 本世纪 = 0); ``part`` on a decade is its qualifier (90年代初, 本世纪初).

    The units of the calendar words: weekday (``index`` 0 = Monday; ``week_shift`` for
    本周三 / 上周五, else ``month_rule`` says which side of the reference), week and
    weekend (``week_shift``; a weekend without one is the latest; ``part`` "to_date" or
    "rest" for "earlier / later this week"), offset ("三年前", "six months later":
    ``count`` low and high, ``offset_unit``, ``direction``; ``from_context`` counts from
    the paragraph's previous date where there is one; a count of (0, 0) is 当月/同月, that
    date's own month, and no date without one),
    holiday (``holiday`` names it; ``holiday_week`` for the break, 国庆期间), lunar
    (``month``/``day`` of the lunar calendar, ``leap``) and century (``decade`` is its
    first year). ``fiscal`` marks a fiscal year or quarter;
    ``check_day`` the day written in "今(21)日", to be checked against the reference.
    ``month_rule`` "ahead" marks a period without a year in a sentence that looks ahead.
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
    week_shift: int | None = None
    count: tuple[int, int] | None = None
    offset_unit: str | None = None
    direction: int = 0
    from_context: bool = False
    holiday: str | None = None
    holiday_week: bool = False
    leap: bool = False
    fiscal: bool = False
    check_day: int | None = None

    def __init__(self, unit: str, **fields) -> None:
        # The grammars build a Point for every match: only the fields written are stored,
        # the others read their class default. A frozen dataclass's own __init__ would set
        # all 26 one by one through object.__setattr__, which is most of a scan's cost of
        # building them.
        unknown = fields.keys() - _POINT_FIELDS
        if unknown:
            raise TypeError(f"Point() got unexpected fields {sorted(unknown)}")
        attributes = self.__dict__
        attributes["unit"] = unit
        attributes.update(fields)

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


_POINT_FIELDS = frozenset(field.name for field in fields(Point)) - {"unit"}


@dataclass(frozen=True)
class Span:
    """An explicit range or list: from the start of ``first`` to the end of ``last``."""

    first: Point
    last: Point


@dataclass(frozen=True, init=False)
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

    def __init__(
        self,
        start: int,
        end: int,
        expression: Point | Span | None,
        problem: str | None = None,
        qualifier: str | None = None,
    ) -> None:
        # One per match of every rule: stored in one go rather than through the frozen
        # dataclass's object.__setattr__ for each field (as Point's).
        self.__dict__.update(
            start=start, end=end, expression=expression, problem=problem, qualifier=qualifier
        )
