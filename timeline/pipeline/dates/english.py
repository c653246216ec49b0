"""The English date grammar: month names, years after a preposition, quarters, halves,
parts of a year, decades and the common relative words.

A month name must carry a day or year or follow a word that introduces a date ("in May",
"early May"). Written in lower case it counts only where it cannot be another word: full
names do ("in june", "on november 5"), but "may", "march" and abbreviations ("mar",
"dec") need a day or year next to them ("may 2024", "may 13"), so the verbs never become
dates. Weekdays, weeks and counted offsets are read by ``weeks``, holidays by
``festivals``. Fiscal years ("fiscal 2024", "FY2025", "Q3 FY2024") are the calendar year
with qualifier fiscal, as DATES.md says while a company's fiscal calendar is not known.
"""

import re

from timeline.pipeline.dates.expressions import Candidate, Point, Span
from timeline.pipeline.dates.rules import Rule

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
DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "yesterday morning": -1,
    "yesterday afternoon": -1,
    "yesterday evening": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "tomorrow morning": 1,
    "tomorrow afternoon": 1,
    "tomorrow evening": 1,
    "tomorrow night": 1,
    "the day after tomorrow": 2,
}
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
    "the same evening": 0,
    "that same evening": 0,
    "the same morning": 0,
    "that same morning": 0,
    "later that evening": 0,
    "earlier that evening": 0,
    "later that morning": 0,
    "the next day": 1,
    "the following day": 1,
    "the day after": 1,
    "the next morning": 1,
    "the following morning": 1,
    "the next evening": 1,
    "the following evening": 1,
    "the next night": 1,
    "the following night": 1,
    "the day before": -1,
    "the previous day": -1,
    "the night before": -1,
    "the previous night": -1,
    "the previous evening": -1,
    "the evening before": -1,
    "the previous morning": -1,
}
# Years named against the paragraph's year ("founded in 2021 … the following year"). The
# first three are dates only after a year in the paragraph; the others fall back to the
# reference year, as 次年 does.
CONTEXT_YEAR_WORDS = {
    "that year": 0,
    "that same year": 0,
    "the same year": 0,
    "the following year": 1,
    "the next year": 1,
    "a year later": 1,
    "the previous year": -1,
    "the year before": -1,
    "a year earlier": -1,
}
# Months named against the paragraph's previous date ("left in June … named a successor the
# same month"): an offset of whole months from it, else from the reference.
CONTEXT_MONTH_WORDS = {
    "the same month": 0,
    "that same month": 0,
    "that month": 0,
    "later that month": 0,
    "earlier that month": 0,
    "the following month": 1,
    "the next month": 1,
    "the previous month": -1,
    "the month before": -1,
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
    r"|circa|to|and|between|year|as of|prior to"
    # "The district ended 2024 with a deficit", "began 2023 in the second tier": the year a
    # verb of a period's end or start takes as its object.
    r"|ended|began|started|finished|ending|beginning|starting)"
)
_REL = r"(?P<rel>(?i:this|last|next))"
# Whitespace within a line: an expression never runs across a line break (a paragraph),
# which also lets the scanner read paragraphs separately.
_S = r"[^\S\n]"


def _opens(*words: str) -> str:
    """A lookahead for the first letters a pattern's matches can start with.

    A pattern that starts with a look-behind (``_B``) or optional words gives the regex
    engine no first character to skip ahead to, so it tries a whole match at every
    position of the text; this lookahead lets it rule out most positions at once. It only
    states what the pattern already requires, so the matches are the same (matched without
    case, as the words are).
    """
    letters = "".join(sorted({word[0].lower() for word in words}))
    return f"(?=(?i:[{letters}]))"


def _alternatives(pattern: str) -> list[str]:
    """The words of a "(?i:a|b|c)" pattern."""
    return pattern[len("(?i:") : -1].split("|")


_MONTH_OPENS = _opens(*"jfmasond")
_DAY_OPENS = "(?=[0-9])"


def _i(words) -> str:
    alternatives = sorted(words, key=len, reverse=True)
    return "(?i:" + "|".join(w.replace(" ", _S + "+") for w in alternatives) + ")"


DAY_MONTH_FIRST = re.compile(
    rf"{_MONTH_OPENS}{_B}(?P<month>{_MONTH_NAME}){_S}+(?P<day>{_DAY})(?!\d)(?:,?{_S}+(?P<year>{_YEAR}))?{_E}"
)
DAY_DAY_FIRST = re.compile(
    rf"{_DAY_OPENS}{_B}(?P<day>{_DAY}){_S}+(?:of{_S}+)?(?P<month>{_MONTH_NAME})(?:,?{_S}+(?P<year>{_YEAR}))?{_E}"
)
MONTH_RANGE = re.compile(
    rf"{_MONTH_OPENS}{_B}(?P<first>{_MONTH_NAME}){_S}*[–—\-]{_S}*(?P<last>{_MONTH_NAME})(?:,?{_S}+(?P<year>{_YEAR}))?{_E}"
)
# "March 5-7, 2024"; with between / from before it, also "between March 5 and 7".
DAY_RANGE_MONTH_FIRST = re.compile(
    rf"{_opens('between', 'from', *'jfmasond')}{_B}(?P<opener>(?i:between|from){_S}+)?"
    rf"(?P<month>{_MONTH_NAME}){_S}+(?P<day>{_DAY})"
    rf"(?:{_S}*[–—\-]{_S}*|(?(opener){_S}+(?i:and|to|through){_S}+|(?!)))(?P<last>{_DAY})"
    rf"(?:,?{_S}+(?P<year>{_YEAR}))?{_E}"
)
DAY_RANGE_DAY_FIRST = re.compile(
    rf"{_DAY_OPENS}{_B}(?P<day>{_DAY}){_S}*[–—\-]{_S}*(?P<last>{_DAY}){_S}+(?P<month>{_MONTH_NAME})"
    rf"(?:,?{_S}+(?P<year>{_YEAR}))?{_E}"
)
MONTH_YEAR = re.compile(
    rf"{_MONTH_OPENS}{_B}(?P<month>{_MONTH_NAME}),?{_S}+(?:of{_S}+)?(?P<year>{_YEAR}){_E}"
)
XUN = re.compile(
    rf"{_opens('the', *XUN_WORDS)}{_B}(?:(?i:the){_S}+)?(?P<word>{_i(XUN_WORDS)})(?:{_S}|-)+"
    rf"(?P<month>{_MONTH_NAME})"
    rf"(?:,?{_S}+(?P<year>{_YEAR}))?{_E}"
)
MONTH_RELATIVE = re.compile(
    rf"{_opens('this', 'last', 'next')}{_B}{_REL}{_S}+(?P<month>{_MONTH_NAME})(?!{_S}*\d){_E}"
)
# "May last year", "January this year", "last year in May": one month of that year, not a
# month and a year.
MONTH_OF_RELATIVE_YEAR = re.compile(
    rf"{_B}(?P<month>{_MONTH_NAME}){_S}+{_REL}{_S}+(?i:year){_E}"
    rf"|{_B}(?P<rel2>(?i:this|last|next)){_S}+(?i:year){_S}+(?i:in){_S}+(?P<month2>{_MONTH_NAME})"
    rf"(?!{_S}*\d){_E}"
)
# "the end of the month", "mid-month", "early this month", "late last month".
XUN_OF_MONTH = re.compile(
    rf"{_B}(?:(?i:the){_S}+)?(?P<word>{_i(XUN_WORDS)})(?:{_S}|-)+(?:(?i:the{_S}+)|{_REL}{_S}+)?(?i:month){_E}"
)
MONTH_BARE = re.compile(
    rf"{_opens(*_alternatives(_INTRO))}{_B}{_INTRO}{_S}+(?P<month>{_MONTH_NAME})(?!{_S}*\d){_E}"
)
PART_OF_YEAR = re.compile(
    rf"{_B}(?:(?i:the){_S}+)?(?P<word>{_i(PART_WORDS)})(?:{_S}|-)+"
    rf"(?:(?P<year>{_YEAR})|{_REL}{_S}+(?i:year)|(?i:the{_S}+year))(?!['’]s\b){_E}"
    # "end-2024" (only hyphened: "to end 2024 with a profit" is the verb).
    rf"|{_B}(?P<end>(?i:end))-(?P<end_year>{_YEAR}){_E}"
)
# "by year-end", "a mid-year review": the part of the paragraph's year, else the reference's.
YEAR_END = re.compile(rf"{_B}(?:(?P<late>(?i:year(?:{_S}|-)end))|(?i:mid(?:{_S}|-)?year)){_E}")
START_OF_YEAR = re.compile(
    rf"{_B}(?:(?i:the){_S}+)?(?i:start|beginning|turn){_S}+(?i:of){_S}+"
    rf"(?:(?P<year>{_YEAR})|{_REL}{_S}+(?i:year)|(?i:the{_S}+year)){_E}"
)
QUARTER_WORDS = re.compile(
    rf"{_B}(?:(?i:the){_S}+)?(?P<ord>{_i(ORDINALS)})(?:{_S}|-)+(?i:quarter)"
    rf"(?:{_S}+(?i:of){_S}+(?:(?P<year>{_YEAR})|{_REL}{_S}+(?i:year)|(?i:the{_S}+year))|,?{_S}+(?P<year2>{_YEAR}))?{_E}"
)
QUARTER_CODE = re.compile(
    rf"{_B}(?:(?P<year_first>{_YEAR}){_S}*)?[Qq](?P<q>[1-4])(?:(?:{_S}+|-|{_S}+of{_S}+)(?P<year>{_YEAR}))?{_E}"
)
HALF_WORDS = re.compile(
    rf"{_B}(?:(?i:the){_S}+)?(?P<ord>(?i:first|second|1st|2nd))(?:{_S}|-)+(?i:half)"
    rf"(?:{_S}+(?i:of){_S}+(?:(?P<year>{_YEAR})|{_REL}{_S}+(?i:year)|(?P<the>(?i:the{_S}+year)))"
    rf"|(?!{_S}+(?i:of)\b)){_E}"
)
HALF_CODE = re.compile(
    rf"{_B}(?:(?P<year_first>{_YEAR}){_S}*)?H(?P<h>[12])(?:(?:{_S}+|-)(?P<year>{_YEAR}))?{_E}"
)
DECADE = re.compile(
    rf"{_B}(?:(?i:the){_S}+)?(?:(?P<word>(?i:early|mid|late))(?:{_S}|-)+)?"
    rf"(?P<decade>1[5-9]\d0|20\d0|['’]\d0)s{_E}"
)
# Nouns that make a number after "from"/"of" a count ("from 2000 investors"), not a year.
COUNTED_NOUNS = (
    "people|investors|users|employees|staff|workers|members|customers|companies|firms|startups"
    "|units|GPUs|chips|cards|servers|shares|dollars|yuan|times|words|tokens|models|items"
)
YEAR_AFTER_WORD = re.compile(
    rf"{_opens(*_alternatives(_YEAR_INTRO))}{_B}{_YEAR_INTRO}{_S}+(?P<year>{_YEAR}){_E}(?!{_S}+(?i:{COUNTED_NOUNS})\b)"
)
# "2019–2021", "2019 to 2021", "the 2022-23 season": two years, the second after the first.
YEAR_RANGE = re.compile(
    rf"{_B}(?:(?i:from){_S}+)?(?P<first>{_YEAR})"
    rf"(?:(?:{_S}*[–—\-]{_S}*|{_S}+(?i:to|through){_S}+)(?P<last>{_YEAR})|[–—\-](?P<short>\d\d)){_E}"
)
CONTEXT_YEAR = re.compile(
    rf"{_opens(*CONTEXT_YEAR_WORDS)}{_B}(?P<word>{_i(CONTEXT_YEAR_WORDS)}){_E}"
)
YEAR_RELATIVE = re.compile(
    rf"{_B}(?:(?P<split>(?i:earlier|later)){_S}+)?{_REL}{_S}+(?i:year)(?!{_S}+ago){_E}"
)
MONTH_RELATIVE_WORD = re.compile(rf"{_B}{_REL}{_S}+(?i:month){_E}")
QUARTER_RELATIVE_WORD = re.compile(rf"{_B}{_REL}{_S}+(?i:quarter){_E}")
DAY_WORD = re.compile(rf"{_B}(?P<word>{_i(DAY_WORDS)}){_E}")
# "On March 3 … On the 9th, …": a day of the month the paragraph gave before, written as
# an ordinal after "on the" (the 9th of a list, floor or anniversary is no date).
DAY_OF_CONTEXT_MONTH = re.compile(
    rf"(?<=(?i:on|by){_S})(?i:the){_S}+(?P<day>[1-9]|[12][0-9]|3[01])(?i:st|nd|rd|th){_E}"
    rf"(?!{_S}+(?i:of|century|anniversary|floor|minute|time|day|place|hole|round|week|year"
    r"|birthday|lap|inning|game|match|race|stage|tee|attempt|try)\b)"
)
FOLLOW_WORD = re.compile(rf"{_B}(?P<word>{_i(FOLLOW_WORDS)}){_E}")
CONTEXT_MONTH = re.compile(rf"{_B}(?P<word>{_i(CONTEXT_MONTH_WORDS)}){_E}")
RECENT_WORD = re.compile(rf"{_B}(?P<word>{_i(RECENT_WORDS)}){_E}")
_FY_YEAR = r"['’]?(?P<fy>(?:19|20)?\d\d)(?!\d)"
_PERIOD_CODE = r"(?:Q(?P<q>[1-4])|H(?P<h>[12]))"
_FISCAL_CODE = r"(?:Q(?P<q3>[1-4])|H(?P<h3>[12]))"
FISCAL = re.compile(
    # "fiscal 2023's fourth quarter", "the second quarter of fiscal 2024": one quarter.
    rf"{_B}(?i:fiscal)(?:(?:{_S}|-)+(?i:year))?{_S}+(?P<year3>{_YEAR})['’]s{_S}+"
    rf"(?P<ord2>{_i(ORDINALS)})(?:{_S}|-)+(?i:quarter){_E}"
    rf"|{_B}(?:(?i:the){_S}+)?(?P<ord3>{_i(ORDINALS)})(?:{_S}|-)+(?i:quarter){_S}+(?i:of){_S}+"
    rf"(?i:fiscal)(?:(?:{_S}|-)+(?i:year))?{_S}+(?P<year4>{_YEAR}){_E}"
    rf"|{_B}(?:{_PERIOD_CODE}{_S}+)?FY{_S}?{_FY_YEAR}(?:{_S}*(?:Q(?P<q2>[1-4])|H(?P<h2>[12])))?{_E}"
    rf"|{_B}(?i:fiscal)(?:(?:{_S}|-)+(?i:year))?{_S}+(?:{_FISCAL_CODE}{_S}+)?"
    rf"(?P<year>{_YEAR}){_E}"
    rf"|{_B}(?P<year2>{_YEAR}){_S}+(?i:fiscal)(?:{_S}|-)+(?i:year){_E}"
    rf"|{_B}(?i:fiscal){_S}+(?:(?P<ord>{_i(ORDINALS)})(?:{_S}|-)+(?i:quarter)|Q(?P<q4>[1-4])){_E}"
)
_MONTH_COUNTS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
}
MONTHS_OF_YEAR = re.compile(
    rf"{_B}(?:(?i:the){_S}+)?(?P<which>(?i:first|last|final)){_S}+"
    rf"(?P<n>{_i(_MONTH_COUNTS)}|[1-9]|1[01]){_S}+(?i:months){_S}+(?i:of){_S}+"
    rf"(?:(?P<year>{_YEAR})|{_REL}{_S}+(?i:year)|(?i:the{_S}+year)){_E}"
)
# "the three months to June", "the year to March 2025", "the nine months ended September
# 30, 2023": the months up to and including the one named.
MONTHS_TO = re.compile(
    rf"{_B}(?i:the){_S}+(?:(?P<n>{_i(_MONTH_COUNTS)}|[1-9]|1[01]){_S}+(?i:months)"
    rf"|(?P<whole>(?i:year|twelve{_S}+months|12{_S}+months))){_S}+(?i:to|ended|ending|through)"
    rf"{_S}+(?P<month>{_MONTH_NAME})(?:{_S}+(?:[12]\d|3[01]|0?[1-9])(?![0-9]))?"
    rf"(?:,?{_S}+(?P<year>{_YEAR}))?{_E}"
)
_CENTURY_WORDS = {
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}
CENTURY = re.compile(
    rf"{_B}(?:(?i:the){_S}+)?(?:(?P<word>(?i:early|late))(?:{_S}|-)+)?"
    rf"(?:(?P<n>1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)|(?P<nw>{_i(_CENTURY_WORDS)}))(?:{_S}|-)+(?i:century){_E}"
)


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


def _day(text: str, match: re.Match) -> Candidate | None:
    # "5 may" is more often "figure 5 may …" than a date: day-first needs a capital or a year.
    day_first = match.start("day") < match.start("month")
    if not _name_ok(match["month"], day=not day_first, year=bool(match["year"])):
        return None
    name = match["month"]
    if (
        name.islower()
        and name in _AMBIGUOUS_LOWER
        and not match["year"]
        and _SUBJECT_BEFORE.search(text, max(0, match.start() - 12), match.start())
    ):
        return None
    day = int(re.sub(r"\D", "", match["day"]))
    return Candidate(
        *match.span(),
        Point("day", month=_month(match["month"]), day=day, **_year_fields(match, "year")),
    )


def _month_range(text: str, match: re.Match) -> Candidate | None:
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


def _day_range(text: str, match: re.Match) -> Candidate | None:
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


def _month_year(text: str, match: re.Match) -> Candidate | None:
    if not _name_ok(match["month"], year=True):
        return None
    return Candidate(
        *match.span(), Point("month", month=_month(match["month"]), year=int(match["year"]))
    )


def _xun(text: str, match: re.Match) -> Candidate | None:
    if not _name_ok(match["month"], year=bool(match["year"])):
        return None
    point = Point(
        "xun",
        month=_month(match["month"]),
        index=XUN_WORDS[_word(match)],
        **_year_fields(match, "year"),
    )
    return Candidate(*match.span(), point)


def _xun_of_month(text: str, match: re.Match) -> Candidate:
    index = XUN_WORDS[_word(match)]
    if match["rel"]:
        shift = YEAR_SHIFTS[match["rel"].lower()]
        return Candidate(*match.span(), Point("xun", month_shift=shift, index=index))
    return Candidate(*match.span(), Point("xun", index=index))


def _month_relative(text: str, match: re.Match) -> Candidate | None:
    if not _name_ok(match["month"]):
        return None
    rule = {"last": "before", "this": "this", "next": "after"}[match["rel"].lower()]
    return Candidate(*match.span(), Point("month", month=_month(match["month"]), month_rule=rule))


def _month_of_relative_year(text: str, match: re.Match) -> Candidate | None:
    name = match["month"] or match["month2"]
    if not _name_ok(name):
        return None
    shift = YEAR_SHIFTS[(match["rel"] or match["rel2"]).lower()]
    return Candidate(*match.span(), Point("month", month=_month(name), year_shift=shift))


def _month_bare(text: str, match: re.Match) -> Candidate | None:
    if not _name_ok(match["month"]):
        return None
    return Candidate(*match.span("month"), Point("month", month=_month(match["month"])))


def _part_of_year(text: str, match: re.Match) -> Candidate:
    if match["end"]:
        return Candidate(*match.span(), Point("part", part="late", year=int(match["end_year"])))
    point = Point("part", part=PART_WORDS[_word(match)], **_year_fields(match, "year"))
    return Candidate(*match.span(), point)


def _year_end(text: str, match: re.Match) -> Candidate:
    return Candidate(*match.span(), Point("part", part="late" if match["late"] else "mid"))


def _start_of_year(text: str, match: re.Match) -> Candidate:
    return Candidate(*match.span(), Point("month_start", month=1, **_year_fields(match, "year")))


def _quarter_words(text: str, match: re.Match) -> Candidate:
    point = Point(
        "quarter", index=ORDINALS[match["ord"].lower()], **_year_fields(match, "year", "year2")
    )
    return Candidate(*match.span(), point)


def _quarter_code(text: str, match: re.Match) -> Candidate:
    point = Point("quarter", index=int(match["q"]), **_year_fields(match, "year_first", "year"))
    return Candidate(*match.span(), point)


def _half_words(text: str, match: re.Match) -> Candidate:
    index = 1 if match["ord"].lower() in ("first", "1st") else 2
    return Candidate(*match.span(), Point("half", index=index, **_year_fields(match, "year")))


def _half_code(text: str, match: re.Match) -> Candidate:
    point = Point("half", index=int(match["h"]), **_year_fields(match, "year_first", "year"))
    return Candidate(*match.span(), point)


def _decade(text: str, match: re.Match) -> Candidate:
    digits = match["decade"]
    part = PART_WORDS[match["word"].lower()] if match["word"] else None
    if digits[0] in "'’":
        point = Point("decade", two_digit_year=int(digits[1:]), part=part)
    else:
        point = Point("decade", decade=int(digits), part=part)
    return Candidate(*match.span(), point)


def _year_after_word(text: str, match: re.Match) -> Candidate:
    return Candidate(*match.span("year"), Point("year", year=int(match["year"])))


def _year_range(text: str, match: re.Match) -> Candidate | None:
    first = int(match["first"])
    if match["short"]:
        # "2022-23" is a range; "2012-11" is left to the numeric grammar: November 2012.
        last = first // 100 * 100 + int(match["short"])
        if int(match["short"]) <= 12 or last <= first:
            return None
    else:
        last = int(match["last"])
    if last <= first:
        return None
    return Candidate(*match.span(), Span(Point("year", year=first), Point("year", year=last)))


def _context_year(text: str, match: re.Match) -> Candidate:
    word = _word(match)
    shift = CONTEXT_YEAR_WORDS[word]
    point = Point("year", context_year_shift=shift, context_only=shift == 0)
    return Candidate(*match.span(), point)


def _year_relative(text: str, match: re.Match) -> Candidate:
    shift = YEAR_SHIFTS[match["rel"].lower()]
    if match["split"] and shift == 0:
        unit = "year_to_date" if match["split"].lower() == "earlier" else "rest_of_year"
        return Candidate(*match.span(), Point(unit, year_shift=0))
    return Candidate(*match.span(), Point("year", year_shift=shift))


def _month_relative_word(text: str, match: re.Match) -> Candidate:
    shift = YEAR_SHIFTS[match["rel"].lower()]
    return Candidate(*match.span(), Point("relative_month", month_shift=shift))


def _quarter_relative_word(text: str, match: re.Match) -> Candidate:
    shift = YEAR_SHIFTS[match["rel"].lower()]
    return Candidate(*match.span(), Point("relative_quarter", quarter_shift=shift))


def _day_word(text: str, match: re.Match) -> Candidate:
    return Candidate(*match.span(), Point("relative_day", day_shift=DAY_WORDS[_word(match)]))


# "the day before the premiere", "the night before his trial": counted from an event, read
# only from a day the paragraph gave before (DATES.md).
_EVENT_AFTER = re.compile(rf"{_S}+(?:(?i:the|his|her|its|their|a|an)\b|[A-Z])")
_BEFORE_OR_AFTER_EVENT = {word for word in FOLLOW_WORDS if word.endswith((" before", " after"))}


def _follow_word(text: str, match: re.Match) -> Candidate:
    word = _word(match)
    event = word in _BEFORE_OR_AFTER_EVENT and _EVENT_AFTER.match(text, match.end())
    point = Point("follow", day_shift=FOLLOW_WORDS[word], context_only=bool(event))
    return Candidate(*match.span(), point)


def _day_of_context_month(text: str, match: re.Match) -> Candidate:
    point = Point("day", day=int(match["day"]), context_only=True)
    return Candidate(*match.span(), point)


def _context_month(text: str, match: re.Match) -> Candidate:
    shift = CONTEXT_MONTH_WORDS[_word(match)]
    point = Point(
        "offset",
        count=(abs(shift), abs(shift)),
        offset_unit="month",
        direction=-1 if shift < 0 else 1,
        from_context=True,
    )
    return Candidate(*match.span(), point)


def _recent_word(text: str, match: re.Match) -> Candidate:
    return Candidate(*match.span(), Point("recent"))


def _fiscal(text: str, match: re.Match) -> Candidate:
    if match["fy"]:
        digits = match["fy"]
        year = {"year": int(digits)} if len(digits) == 4 else {"two_digit_year": int(digits)}
    elif match["year"] or match["year2"] or match["year3"] or match["year4"]:
        year = {"year": int(match["year"] or match["year2"] or match["year3"] or match["year4"])}
    else:
        year = {}
    quarter = match["q"] or match["q2"] or match["q3"] or match["q4"]
    half = match["h"] or match["h2"] or match["h3"]
    ordinal = match["ord"] or match["ord2"] or match["ord3"]
    if ordinal:
        quarter = ORDINALS[" ".join(ordinal.lower().split())]
    if quarter:
        point = Point("quarter", index=int(quarter), fiscal=True, **year)
    elif half:
        point = Point("half", index=int(half), fiscal=True, **year)
    else:
        point = Point("year", fiscal=True, **year)
    return Candidate(*match.span(), point)


def _months_of_year(text: str, match: re.Match) -> Candidate:
    word = match["n"].lower()
    count = int(word) if word.isdigit() else _MONTH_COUNTS[word]
    year = _year_fields(match, "year")
    if match["which"].lower() == "first":
        first, last = 1, count
    else:
        first, last = 13 - count, 12
    span = Span(Point("month", month=first, **year), Point("month", month=last, **year))
    return Candidate(*match.span(), span)


def _months_to(text: str, match: re.Match) -> Candidate | None:
    if match["whole"]:
        count = 12
    else:
        word = match["n"].lower()
        count = int(word) if word.isdigit() else _MONTH_COUNTS[word]
    last = MONTHS[match["month"].lower().rstrip(".")]
    first = last - count + 1
    year = _year_fields(match, "year")
    if first >= 1:
        span = Span(Point("month", month=first, **year), Point("month", month=last, **year))
    elif year:
        # Over the turn of the year: the months before January are the year before's.
        start = Point("month", month=first + 12, year=year["year"] - 1)
        span = Span(start, Point("month", month=last, **year))
    else:
        return None
    return Candidate(*match.span(), span)


def _century(text: str, match: re.Match) -> Candidate:
    number = int(match["n"]) if match["n"] else _CENTURY_WORDS[match["nw"].lower()]
    first = (number - 1) * 100
    if match["word"]:
        part = PART_WORDS[match["word"].lower()]
        decade = first if part == "early" else first + 90
        return Candidate(*match.span(), Point("decade", decade=decade, part=part))
    return Candidate(*match.span(), Point("century", decade=first))


def _rule(pattern: re.Pattern, build, key: str) -> Rule:
    return Rule(pattern, build, re.compile(key), lower=True)


# Keys, searched in the lower-cased text: a word or number every match contains.
_MONTH_KEY = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])"
)
# A year after a space (the word before it is left to the pattern: a key only picks the lines
# to read, and a year is rarer to start from than a letter).
_WORD_THEN_YEAR_KEY = rf"(?:1[5-9]|20)\d\d(?<={_S}....)"
_YEAR_RANGE_KEY = rf"(?:1[5-9]|20)\d\d(?:{_S}*[–—\-]|{_S}+(?:to|through))"

RULES: tuple[Rule, ...] = (
    _rule(MONTH_RANGE, _month_range, _MONTH_KEY),
    _rule(DAY_RANGE_MONTH_FIRST, _day_range, _MONTH_KEY),
    _rule(DAY_RANGE_DAY_FIRST, _day_range, _MONTH_KEY),
    _rule(DAY_MONTH_FIRST, _day, _MONTH_KEY),
    _rule(DAY_DAY_FIRST, _day, _MONTH_KEY),
    _rule(MONTH_YEAR, _month_year, _MONTH_KEY),
    _rule(XUN, _xun, _MONTH_KEY),
    _rule(XUN_OF_MONTH, _xun_of_month, "month"),
    _rule(MONTH_RELATIVE, _month_relative, _MONTH_KEY),
    _rule(MONTH_BARE, _month_bare, _MONTH_KEY),
    _rule(MONTH_OF_RELATIVE_YEAR, _month_of_relative_year, "year"),
    _rule(PART_OF_YEAR, _part_of_year, "early|mid|late|end|close"),
    _rule(YEAR_END, _year_end, "year"),
    _rule(START_OF_YEAR, _start_of_year, "start|beginning|turn"),
    _rule(QUARTER_WORDS, _quarter_words, "quarter"),
    _rule(QUARTER_CODE, _quarter_code, "q[1-4]"),
    _rule(HALF_WORDS, _half_words, "half"),
    _rule(HALF_CODE, _half_code, "h[12]"),
    _rule(DECADE, _decade, "0s"),
    _rule(YEAR_AFTER_WORD, _year_after_word, _WORD_THEN_YEAR_KEY),
    _rule(YEAR_RANGE, _year_range, _YEAR_RANGE_KEY),
    _rule(CONTEXT_YEAR, _context_year, "year"),
    _rule(YEAR_RELATIVE, _year_relative, "year"),
    _rule(MONTH_RELATIVE_WORD, _month_relative_word, "month"),
    _rule(QUARTER_RELATIVE_WORD, _quarter_relative_word, "quarter"),
    _rule(DAY_WORD, _day_word, "today|tonight|yesterday|tomorrow|this|last night"),
    _rule(FOLLOW_WORD, _follow_word, "day|night|morning|evening"),
    _rule(CONTEXT_MONTH, _context_month, "month"),
    _rule(DAY_OF_CONTEXT_MONTH, _day_of_context_month, r"the [0-9]{1,2}(?:st|nd|rd|th)"),
    _rule(RECENT_WORD, _recent_word, "recent|lately|earlier"),
    _rule(FISCAL, _fiscal, "f(?:y|iscal)"),
    _rule(MONTHS_OF_YEAR, _months_of_year, "months"),
    _rule(MONTHS_TO, _months_to, "months|year"),
    _rule(CENTURY, _century, "century"),
)
