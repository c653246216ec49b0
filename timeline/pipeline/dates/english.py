"""The English date grammar: month names, years after a preposition, quarters, halves,
parts of a year, decades and the common relative words.

A month name must carry a day or year or follow a word that introduces a date ("in May",
"early May"). Written in lower case it counts only where it cannot be another word: full
names do ("in june", "on november 5"), but "may", "march" and abbreviations ("mar",
"dec") need a day or year next to them ("may 2024", "may 13"), so the verbs never become
dates. Weeks and weekdays are not dates here (DATES.md does not define them): "on Tuesday,
March 5" is the day March 5, "last week" nothing.
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
    "later that day": 0,
    "earlier that day": 0,
    "that night": 0,
    "that same night": 0,
    "the same night": 0,
    "later that night": 0,
    "that evening": 0,
    "that morning": 0,
    "the next day": 1,
    "the following day": 1,
    "the day after": 1,
    "the next morning": 1,
    "the following morning": 1,
    "the day before": -1,
    "the previous day": -1,
    "the night before": -1,
}
RECENT_WORDS = ("recently", "earlier this month", "in recent weeks", "lately")

_MONTH_NAME = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
# Lower-case names that are also words: only with a day or year, and not after a subject
# ("you may 13 times" is no date).
_AMBIGUOUS_LOWER = {"may", "march"}
_FULL_NAMES = {name for name in MONTHS if len(name) > 3 and name != "sept"}
_SUBJECT_BEFORE = re.compile(r"(?i:\b(?:i|you|we|they|he|she|it|who|which|that)\s+)$")
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
    r"|circa|to|and|between|year|as of|prior to)"
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
# "the end of the month", "mid-month", "early this month", "late last month".
XUN_OF_MONTH = re.compile(
    rf"{_B}(?:(?i:the)\s+)?(?P<word>{_i(XUN_WORDS)})[\s\-]+(?:(?i:the\s+)|{_REL}\s+)?(?i:month){_E}"
)
MONTH_BARE = re.compile(rf"{_B}{_INTRO}\s+(?P<month>{_MONTH_NAME})(?!\s*\d){_E}")
PART_OF_YEAR = re.compile(
    rf"{_B}(?:(?i:the)\s+)?(?P<word>{_i(PART_WORDS)})[\s\-]+"
    rf"(?:(?P<year>{_YEAR})|{_REL}\s+(?i:year)|(?i:the\s+year))(?!['’]s\b){_E}"
)
# "by year-end", "a mid-year review": the part of the paragraph's year, else the reference's.
YEAR_END = re.compile(rf"{_B}(?:(?P<late>(?i:year[\s\-]end))|(?i:mid[\s\-]?year)){_E}")
START_OF_YEAR = re.compile(
    rf"{_B}(?:(?i:the)\s+)?(?i:start|beginning|turn)\s+(?i:of)\s+"
    rf"(?:(?P<year>{_YEAR})|{_REL}\s+(?i:year)|(?i:the\s+year)){_E}"
)
QUARTER_WORDS = re.compile(
    rf"{_B}(?:(?i:the)\s+)?(?P<ord>{_i(ORDINALS)})[\s\-]+(?i:quarter)"
    rf"(?:\s+(?i:of)\s+(?:(?P<year>{_YEAR})|{_REL}\s+(?i:year)|(?i:the\s+year))|,?\s+(?P<year2>{_YEAR}))?{_E}"
)
QUARTER_CODE = re.compile(
    rf"{_B}(?:(?P<year_first>{_YEAR})\s*)?Q(?P<q>[1-4])(?:(?:\s+|-|\s+of\s+)(?P<year>{_YEAR}))?{_E}"
)
HALF_WORDS = re.compile(
    rf"{_B}(?:(?i:the)\s+)?(?P<ord>(?i:first|second|1st|2nd))[\s\-]+(?i:half)"
    rf"(?:\s+(?i:of)\s+(?:(?P<year>{_YEAR})|{_REL}\s+(?i:year)|(?P<the>(?i:the\s+year)))"
    rf"|(?!\s+(?i:of)\b)){_E}"
)
HALF_CODE = re.compile(
    rf"{_B}(?:(?P<year_first>{_YEAR})\s*)?H(?P<h>[12])(?:(?:\s+|-)(?P<year>{_YEAR}))?{_E}"
)
DECADE = re.compile(
    rf"{_B}(?:(?i:the)\s+)?(?:(?P<word>(?i:early|mid|late))[\s\-]+)?"
    rf"(?P<decade>1[5-9]\d0|20\d0|['’]\d0)s{_E}"
)
# Nouns that make a number after "from"/"of" a count ("from 2000 investors"), not a year.
COUNTED_NOUNS = (
    "people|investors|users|employees|staff|workers|members|customers|companies|firms|startups"
    "|units|GPUs|chips|cards|servers|shares|dollars|yuan|times|words|tokens|models|items"
)
YEAR_AFTER_WORD = re.compile(
    rf"{_B}{_YEAR_INTRO}\s+(?P<year>{_YEAR}){_E}(?!\s+(?i:{COUNTED_NOUNS})\b)"
)
# "2019–2021", "2019 to 2021": two years, the second after the first.
YEAR_RANGE = re.compile(
    rf"{_B}(?:(?i:from)\s+)?(?P<first>{_YEAR})(?:\s*[–—\-]\s*|\s+(?i:to|through)\s+)(?P<last>{_YEAR}){_E}"
)
YEAR_RELATIVE = re.compile(
    rf"{_B}(?:(?P<split>(?i:earlier|later))\s+)?{_REL}\s+(?i:year)(?!\s+ago){_E}"
)
MONTH_RELATIVE_WORD = re.compile(rf"{_B}{_REL}\s+(?i:month){_E}")
QUARTER_RELATIVE_WORD = re.compile(rf"{_B}{_REL}\s+(?i:quarter){_E}")
DAY_WORD = re.compile(rf"{_B}(?P<word>{_i(DAY_WORDS)}){_E}")
FOLLOW_WORD = re.compile(rf"{_B}(?P<word>{_i(FOLLOW_WORDS)}){_E}")
RECENT_WORD = re.compile(rf"{_B}(?P<word>{_i(RECENT_WORDS)}){_E}")


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _name_ok(name: str, *, day: bool = False, year: bool = False) -> bool:
    """Whether a month name is one as written: capitalised, or unambiguous in lower case."""
    if name[0].isupper():
        return True
    key = name.rstrip(".").lower()
    if key in _AMBIGUOUS_LOWER or key not in _FULL_NAMES:
        return day or year
    return True


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
    # "5 may" is more often "figure 5 may …" than a date: day-first needs a capital or a year.
    day_first = match.start("day") < match.start("month")
    if not _name_ok(match["month"], day=not day_first, year=bool(match["year"])):
        return None
    name = match["month"]
    if (
        name.islower()
        and name in _AMBIGUOUS_LOWER
        and not match["year"]
        and _SUBJECT_BEFORE.search(match.string, max(0, match.start() - 12), match.start())
    ):
        return None
    day = int(re.sub(r"\D", "", match["day"]))
    return Candidate(
        *match.span(),
        Point("day", month=_month(match["month"]), day=day, **_year_fields(match, "year")),
    )


def _month_range(match: re.Match) -> Candidate | None:
    first, last = _month(match["first"]), _month(match["last"])
    if last <= first:
        return None
    year_given = bool(match["year"])
    if not (_name_ok(match["first"], year=year_given) and _name_ok(match["last"], year=year_given)):
        return None
    year = _year_fields(match, "year")
    return Candidate(
        *match.span(), Span(Point("month", month=first, **year), Point("month", month=last, **year))
    )


def _day_range(match: re.Match) -> Candidate | None:
    first, last = (int(re.sub(r"\D", "", match[name])) for name in ("day", "last"))
    if last <= first or not _name_ok(match["month"], year=bool(match["year"])):
        return None
    month, year = _month(match["month"]), _year_fields(match, "year")
    return Candidate(
        *match.span(),
        Span(
            Point("day", month=month, day=first, **year),
            Point("day", month=month, day=last, **year),
        ),
    )


def _month_year(match: re.Match) -> Candidate | None:
    if not _name_ok(match["month"], year=True):
        return None
    return Candidate(
        *match.span(), Point("month", month=_month(match["month"]), year=int(match["year"]))
    )


def _xun(match: re.Match) -> Candidate | None:
    if not _name_ok(match["month"], year=bool(match["year"])):
        return None
    point = Point(
        "xun",
        month=_month(match["month"]),
        index=XUN_WORDS[_word(match)],
        **_year_fields(match, "year"),
    )
    return Candidate(*match.span(), point)


def _xun_of_month(match: re.Match) -> Candidate:
    index = XUN_WORDS[_word(match)]
    if match["rel"]:
        shift = YEAR_SHIFTS[match["rel"].lower()]
        return Candidate(*match.span(), Point("xun", month_shift=shift, index=index))
    return Candidate(*match.span(), Point("xun", index=index))


def _month_relative(match: re.Match) -> Candidate | None:
    if not _name_ok(match["month"]):
        return None
    rule = {"last": "before", "this": "this", "next": "after"}[match["rel"].lower()]
    return Candidate(*match.span(), Point("month", month=_month(match["month"]), month_rule=rule))


def _month_bare(match: re.Match) -> Candidate | None:
    if not _name_ok(match["month"]):
        return None
    return Candidate(*match.span("month"), Point("month", month=_month(match["month"])))


def _part_of_year(match: re.Match) -> Candidate:
    point = Point("part", part=PART_WORDS[_word(match)], **_year_fields(match, "year"))
    return Candidate(*match.span(), point)


def _year_end(match: re.Match) -> Candidate:
    return Candidate(*match.span(), Point("part", part="late" if match["late"] else "mid"))


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
    part = PART_WORDS[match["word"].lower()] if match["word"] else None
    if digits[0] in "'’":
        point = Point("decade", two_digit_year=int(digits[1:]), part=part)
    else:
        point = Point("decade", decade=int(digits), part=part)
    return Candidate(*match.span(), point)


def _year_after_word(match: re.Match) -> Candidate:
    return Candidate(*match.span("year"), Point("year", year=int(match["year"])))


def _year_range(match: re.Match) -> Candidate | None:
    first, last = int(match["first"]), int(match["last"])
    if last <= first:
        return None
    return Candidate(*match.span(), Span(Point("year", year=first), Point("year", year=last)))


def _year_relative(match: re.Match) -> Candidate:
    shift = YEAR_SHIFTS[match["rel"].lower()]
    if match["split"] and shift == 0:
        unit = "year_to_date" if match["split"].lower() == "earlier" else "rest_of_year"
        return Candidate(*match.span(), Point(unit, year_shift=0))
    return Candidate(*match.span(), Point("year", year_shift=shift))


def _month_relative_word(match: re.Match) -> Candidate:
    shift = YEAR_SHIFTS[match["rel"].lower()]
    return Candidate(*match.span(), Point("relative_month", month_shift=shift))


def _quarter_relative_word(match: re.Match) -> Candidate:
    shift = YEAR_SHIFTS[match["rel"].lower()]
    return Candidate(*match.span(), Point("relative_quarter", quarter_shift=shift))


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
    (XUN_OF_MONTH, _xun_of_month),
    (MONTH_RELATIVE, _month_relative),
    (MONTH_BARE, _month_bare),
    (PART_OF_YEAR, _part_of_year),
    (YEAR_END, _year_end),
    (START_OF_YEAR, _start_of_year),
    (QUARTER_WORDS, _quarter_words),
    (QUARTER_CODE, _quarter_code),
    (HALF_WORDS, _half_words),
    (HALF_CODE, _half_code),
    (DECADE, _decade),
    (YEAR_AFTER_WORD, _year_after_word),
    (YEAR_RANGE, _year_range),
    (YEAR_RELATIVE, _year_relative),
    (MONTH_RELATIVE_WORD, _month_relative_word),
    (QUARTER_RELATIVE_WORD, _quarter_relative_word),
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
