"""The English date grammar: month names, years after a preposition, quarters, halves,
parts of a year, decades and the common relative words.

Month names must be capitalised and either carry a day or year or follow a word that
introduces a date ("in May", "early May"), so the verb "may" never becomes a date.
"""

import re
from collections.abc import Callable, Iterator

from timeline.pipeline.dates.expressions import Candidate, Point, Span

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
ORDINALS["4th"] = 4
XUN_WORDS = {
    "early": 1,
    "beginning of": 1,
    "start of": 1,
    "mid": 2,
    "middle of": 2,
    "late": 3,
    "end of": 3,
}
PART_WORDS = {
    "early": "early",
    "mid": "mid",
    "middle of": "mid",
    "late": "late",
    "end of": "late",
    "close of": "late",
}
YEAR_SHIFTS = {"last": -1, "this": 0, "next": 1}
DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
FOLLOW_WORDS = {
    "the same day": 0,
    "that same day": 0,
    "that day": 0,
    "the next day": 1,
    "the following day": 1,
    "the day after": 1,
    "the day before": -1,
    "the previous day": -1,
}
RECENT_WORDS = ("recently", "earlier this month", "in recent weeks", "lately")

_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_B = r"(?<![A-Za-z0-9_\-/.])"
_E = r"(?![A-Za-z0-9_]|[\-/]\d)"
_INTRO = (
    r"(?i:in|on|since|by|until|till|from|during|through|before|after|of|between|and|to|or"
    r"|this|last|next|each|every)"
)
_YEAR_INTRO = (
    r"(?i:in|since|by|during|until|till|through|throughout|from|before|after|of|for|around"
    r"|circa|to|and|year|fiscal|as of)"
)
_REL = r"(?P<rel>(?i:this|last|next))"


def _i(words) -> str:
    alternatives = sorted(words, key=len, reverse=True)
    return "(?i:" + "|".join(w.replace(" ", r"\s+") for w in alternatives) + ")"


DAY_MONTH_FIRST = re.compile(
    rf"{_B}(?P<month>{_MONTH_NAME})\s+(?P<day>{_DAY})(?!\d)(?:,?\s+(?P<year>{_YEAR}))?{_E}"
)
DAY_DAY_FIRST = re.compile(
    rf"{_B}(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH_NAME})(?:,?\s+(?P<year>{_YEAR}))?{_E}"
)
MONTH_RANGE = re.compile(
    rf"{_B}(?P<first>{_MONTH_NAME})\s*[–—\-]\s*(?P<last>{_MONTH_NAME})(?:,?\s+(?P<year>{_YEAR}))?{_E}"
)
DAY_RANGE_MONTH_FIRST = re.compile(
    rf"{_B}(?P<month>{_MONTH_NAME})\s+(?P<day>{_DAY})\s*[–—\-]\s*(?P<last>{_DAY})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?{_E}"
)
DAY_RANGE_DAY_FIRST = re.compile(
    rf"{_B}(?P<day>{_DAY})\s*[–—\-]\s*(?P<last>{_DAY})\s+(?P<month>{_MONTH_NAME})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?{_E}"
)
MONTH_YEAR = re.compile(rf"{_B}(?P<month>{_MONTH_NAME}),?\s+(?:of\s+)?(?P<year>{_YEAR}){_E}")
XUN = re.compile(
    rf"{_B}(?:(?i:the)\s+)?(?P<word>{_i(XUN_WORDS)})[\s\-]+(?P<month>{_MONTH_NAME})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?{_E}"
)
MONTH_RELATIVE = re.compile(rf"{_B}{_REL}\s+(?P<month>{_MONTH_NAME})(?!\s*\d){_E}")
MONTH_BARE = re.compile(rf"{_B}{_INTRO}\s+(?P<month>{_MONTH_NAME})(?!\s*\d){_E}")
PART_OF_YEAR = re.compile(
    rf"{_B}(?:(?i:the)\s+)?(?P<word>{_i(PART_WORDS)})[\s\-]+"
    rf"(?:(?P<year>{_YEAR})|{_REL}\s+(?i:year))(?!['’]s\b){_E}"
)
START_OF_YEAR = re.compile(
    rf"{_B}(?:(?i:the)\s+)?(?i:start|beginning|turn)\s+(?i:of)\s+"
    rf"(?:(?P<year>{_YEAR})|{_REL}\s+(?i:year)){_E}"
)
QUARTER_WORDS = re.compile(
    rf"{_B}(?:(?i:the)\s+)?(?P<ord>{_i(ORDINALS)})[\s\-]+(?i:quarter)"
    rf"(?:\s+(?i:of)\s+(?:(?P<year>{_YEAR})|{_REL}\s+(?i:year)|(?i:the\s+year))|,?\s+(?P<year2>{_YEAR}))?{_E}"
)
QUARTER_CODE = re.compile(
    rf"{_B}(?:(?P<year_first>{_YEAR})\s*)?Q(?P<q>[1-4])(?:(?:\s+|-|\s+of\s+)(?P<year>{_YEAR}))?{_E}"
)
HALF_WORDS = re.compile(
    rf"{_B}(?:(?i:the)\s+)?(?P<ord>(?i:first|second|1st|2nd))\s+(?i:half)\s+(?i:of)\s+"
    rf"(?:(?P<year>{_YEAR})|{_REL}\s+(?i:year)|(?P<the>(?i:the\s+year))){_E}"
)
HALF_CODE = re.compile(
    rf"{_B}(?:(?P<year_first>{_YEAR})\s*)?H(?P<h>[12])(?:(?:\s+|-)(?P<year>{_YEAR}))?{_E}"
)
DECADE = re.compile(rf"{_B}(?:(?i:the)\s+)?(?P<decade>1[5-9]\d0|20\d0|['’]\d0)s{_E}")
# Nouns that make a number after "from"/"of" a count ("from 2000 investors"), not a year.
COUNTED_NOUNS = (
    "people|investors|users|employees|staff|workers|members|customers|companies|firms|startups"
    "|units|GPUs|chips|cards|servers|shares|dollars|yuan|times|words|tokens|models|items"
)
YEAR_AFTER_WORD = re.compile(
    rf"{_B}{_YEAR_INTRO}\s+(?P<year>{_YEAR}){_E}(?!\s+(?i:{COUNTED_NOUNS})\b)"
)
YEAR_RELATIVE = re.compile(rf"{_B}(?:(?i:earlier|later)\s+)?{_REL}\s+(?i:year)(?!\s+ago){_E}")
MONTH_RELATIVE_WORD = re.compile(rf"{_B}{_REL}\s+(?i:month){_E}")
DAY_WORD = re.compile(rf"{_B}(?P<word>{_i(DAY_WORDS)}){_E}")
FOLLOW_WORD = re.compile(rf"{_B}(?P<word>{_i(FOLLOW_WORDS)}){_E}")
RECENT_WORD = re.compile(rf"{_B}(?P<word>{_i(RECENT_WORDS)}){_E}")


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _year_fields(match: re.Match, *names: str) -> dict:
    for name in names:
        if match.groupdict().get(name):
            return {"year": int(match[name])}
    if match.groupdict().get("rel"):
        return {"year_shift": YEAR_SHIFTS[match["rel"].lower()]}
    return {}


def _word(match: re.Match) -> str:
    return " ".join(match["word"].lower().split())


def _day(match: re.Match) -> Candidate | None:
    day = int(re.sub(r"\D", "", match["day"]))
    return Candidate(
        *match.span(),
        Point("day", month=_month(match["month"]), day=day, **_year_fields(match, "year")),
    )


def _month_range(match: re.Match) -> Candidate | None:
    first, last = _month(match["first"]), _month(match["last"])
    if last <= first:
        return None
    year = _year_fields(match, "year")
    return Candidate(
        *match.span(), Span(Point("month", month=first, **year), Point("month", month=last, **year))
    )


def _day_range(match: re.Match) -> Candidate | None:
    first, last = (int(re.sub(r"\D", "", match[name])) for name in ("day", "last"))
    if last <= first:
        return None
    month, year = _month(match["month"]), _year_fields(match, "year")
    return Candidate(
        *match.span(),
        Span(
            Point("day", month=month, day=first, **year),
            Point("day", month=month, day=last, **year),
        ),
    )


def _month_year(match: re.Match) -> Candidate:
    return Candidate(
        *match.span(), Point("month", month=_month(match["month"]), year=int(match["year"]))
    )


def _xun(match: re.Match) -> Candidate:
    point = Point(
        "xun",
        month=_month(match["month"]),
        index=XUN_WORDS[_word(match)],
        **_year_fields(match, "year"),
    )
    return Candidate(*match.span(), point)


def _month_relative(match: re.Match) -> Candidate:
    rule = {"last": "before", "this": "this", "next": "after"}[match["rel"].lower()]
    return Candidate(*match.span(), Point("month", month=_month(match["month"]), month_rule=rule))


def _month_bare(match: re.Match) -> Candidate:
    return Candidate(*match.span("month"), Point("month", month=_month(match["month"])))


def _part_of_year(match: re.Match) -> Candidate:
    point = Point("part", part=PART_WORDS[_word(match)], **_year_fields(match, "year"))
    return Candidate(*match.span(), point)


def _start_of_year(match: re.Match) -> Candidate:
    return Candidate(*match.span(), Point("month_start", month=1, **_year_fields(match, "year")))


def _quarter_words(match: re.Match) -> Candidate:
    point = Point(
        "quarter", index=ORDINALS[match["ord"].lower()], **_year_fields(match, "year", "year2")
    )
    return Candidate(*match.span(), point)


def _quarter_code(match: re.Match) -> Candidate:
    point = Point("quarter", index=int(match["q"]), **_year_fields(match, "year_first", "year"))
    return Candidate(*match.span(), point)


def _half_words(match: re.Match) -> Candidate:
    index = 1 if match["ord"].lower() in ("first", "1st") else 2
    return Candidate(*match.span(), Point("half", index=index, **_year_fields(match, "year")))


def _half_code(match: re.Match) -> Candidate:
    point = Point("half", index=int(match["h"]), **_year_fields(match, "year_first", "year"))
    return Candidate(*match.span(), point)


def _decade(match: re.Match) -> Candidate:
    digits = match["decade"]
    if digits[0] in "'’":
        return Candidate(*match.span(), Point("decade", two_digit_year=int(digits[1:])))
    return Candidate(*match.span(), Point("decade", decade=int(digits)))


def _year_after_word(match: re.Match) -> Candidate:
    return Candidate(*match.span("year"), Point("year", year=int(match["year"])))


def _year_relative(match: re.Match) -> Candidate:
    return Candidate(*match.span(), Point("year", year_shift=YEAR_SHIFTS[match["rel"].lower()]))


def _month_relative_word(match: re.Match) -> Candidate:
    shift = YEAR_SHIFTS[match["rel"].lower()]
    return Candidate(*match.span(), Point("relative_month", month_shift=shift))


def _day_word(match: re.Match) -> Candidate:
    return Candidate(*match.span(), Point("relative_day", day_shift=DAY_WORDS[_word(match)]))


def _follow_word(match: re.Match) -> Candidate:
    return Candidate(*match.span(), Point("follow", day_shift=FOLLOW_WORDS[_word(match)]))


def _recent_word(match: re.Match) -> Candidate:
    return Candidate(*match.span(), Point("recent"))


GRAMMAR: tuple[tuple[re.Pattern, Callable[[re.Match], Candidate | None]], ...] = (
    (MONTH_RANGE, _month_range),
    (DAY_RANGE_MONTH_FIRST, _day_range),
    (DAY_RANGE_DAY_FIRST, _day_range),
    (DAY_MONTH_FIRST, _day),
    (DAY_DAY_FIRST, _day),
    (MONTH_YEAR, _month_year),
    (XUN, _xun),
    (MONTH_RELATIVE, _month_relative),
    (MONTH_BARE, _month_bare),
    (PART_OF_YEAR, _part_of_year),
    (START_OF_YEAR, _start_of_year),
    (QUARTER_WORDS, _quarter_words),
    (QUARTER_CODE, _quarter_code),
    (HALF_WORDS, _half_words),
    (HALF_CODE, _half_code),
    (DECADE, _decade),
    (YEAR_AFTER_WORD, _year_after_word),
    (YEAR_RELATIVE, _year_relative),
    (MONTH_RELATIVE_WORD, _month_relative_word),
    (DAY_WORD, _day_word),
    (FOLLOW_WORD, _follow_word),
    (RECENT_WORD, _recent_word),
)


def english_candidates(folded: str) -> Iterator[Candidate]:
    """Every reading the English grammar finds in ``folded`` (may overlap)."""
    for pattern, build in GRAMMAR:
        for match in pattern.finditer(folded):
            candidate = build(match)
            if candidate is not None:
                yield candidate
