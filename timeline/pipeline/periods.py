"""Period words: how a claim's date reads in keys, headlines and summaries.

Plain Python.
"""

from timeline.pipeline.dates import DateMention, display_date


def period_words(mention: DateMention | None) -> str:
    if mention is None or mention.start is None:
        return ""
    return str(mention.start.year)


# Types a report turns into a rumour: a reported funding round or release is still dated
# news, but a reported sale, departure or plan is not yet a fact.
REPORTABLE = frozenset(
    {"acquisition", "personnel", "restructuring", "funding_plan", "release_plan"}
)

# The period part of a key that has no date: such a key names no happening of its own.
UNDATED_TAG = ":undated"


def period_tag(mention: DateMention | None, *, month: bool) -> str:
    if mention is None or mention.start is None:
        return UNDATED_TAG[1:]
    if month and mention.precision in {"day", "xun", "month"}:
        return mention.start.strftime("%Y-%m")
    return str(mention.start.year)


# Precisions that name a reporting period: a financial report's key carries the period
# itself ("2024-09", "2024-35" for Q3, "2024-40" for the first half), so a company's
# monthly, quarterly and yearly figures stay apart.
REPORTING_PERIODS = frozenset({"month", "quarter", "half", "year", "interval"})


def reporting_period(mention: DateMention | None) -> str:
    """The EDTF period a financial figure covers, or the year of the day it was reported."""
    if mention is not None and mention.precision in REPORTING_PERIODS and mention.edtf:
        return mention.edtf
    return period_tag(mention, month=False)


def date_phrase(mention: DateMention | None) -> str:
    """ "In May 2024", "On 6 January 2025", "Around December 2024", "By 8 January 2025"."""
    if mention is None or mention.start is None or mention.end is None:
        return ""
    shown = display_date(mention.start, mention.end, mention.precision, None)
    if mention.qualifier == "approx":
        return f"Around {shown}"
    if mention.qualifier == "before":
        return f"By {shown}"
    if mention.qualifier == "after":
        return f"After {shown}"
    if mention.precision == "day" and mention.start == mention.end:
        return f"On {shown}"
    return f"In {shown}"
