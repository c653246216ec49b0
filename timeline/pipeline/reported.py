"""Happenings dated only by their report: "Brennock Glassworks has shut its second furnace,
the union said on Tuesday", "The council announced on Monday that it had dropped the plan".
The clause told is a happening of its own, placed at the report's date (it happened on or
before it), the date's anchor saying it was taken from the report. English only. Plain
Python.

A reported plan, forecast, hope, view or denial ("said it would", "expects", "believes") is
no happening and gives nothing.
"""

import re
from dataclasses import replace

from timeline.pipeline.claim_dates import context_anchor
from timeline.pipeline.context import ArticleContext
from timeline.pipeline.cues import SAID_WHEN, SPEECH
from timeline.pipeline.dates import DateMention
from timeline.pipeline.guards import forecasts
from timeline.pipeline.guards import unnamed as guard_text
from timeline.pipeline.triggers import HEDGE

# The verbs of a report that tell what was done; "says" and "told" are reports as well.
_REPORTING = re.compile(r"\b(?:said|says|announced|told|confirmed|stated|added|reported)\b")
# A view, a hope or an intention stated in the clause: what it holds has not happened.
_VIEW = re.compile(
    r"\b(?:believes?|believed|thinks?|thought|hopes?|hoped|expects?|expected|may|might|could"
    r"|would|should|will|to be|(?:plan|aim|intend|want)(?:s|ed)?\s+to)\b"
)
# The speaker before a tail: a comma, then at most a few words naming who ("the union",
# "a spokeswoman for the trust", "both companies", "police").
_TAIL_COMMA = re.compile(r",\s+(?:[^,;:]{1,60}?)\s*$")
# Who was told and how, between the saying and its date: "told parents in a letter on
# Tuesday", "told staff in an email last Friday", "said in a filing on Monday".
_TOLD_WHEN = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:in\s+an?\s+(?:[a-z-]+\s+)?"
    r"(?:letter|email|e-mail|memo|note|post|filing|statement|notice|message)\s+)?"
    r"(?:on|last|this)?\s*"
)
# What may open a reported clause after the saying's date.
_THAT = re.compile(r"\s*,?\s*(?:that\s+)?")
# A pronoun standing for the speaker as the reported clause's subject.
_PRONOUN = re.compile(r"(?:it|they|he|she|we)\b")


def _told(context: ArticleContext, start: int, end: int) -> bool:
    """Whether [start, end) tells something done: no date of its own, no forecast, hedge
    or view."""
    if end - start < 8 or context.dates_in(start, end):
        return False
    text = guard_text(context, start, end)
    return not (forecasts(text) or HEDGE.search(text) or _VIEW.search(text))


def _saying_before(context: ArticleContext, start: int, mention: DateMention) -> re.Match | None:
    """The reporting verb right before the date ("said on Tuesday", "told reporters on
    Monday"), or None."""
    if mention.precision != "day":
        # "said in July 2024 that…": a saying dated by a month is background, not the
        # day's report a happening is placed at.
        return None
    saying = None
    for match in SPEECH.finditer(context.folded, start, mention.char_start):
        saying = match
    if saying is None or not _REPORTING.fullmatch(context.folded, saying.start(), saying.end()):
        return None
    between = (saying.end(), mention.char_start)
    if not (
        SAID_WHEN.fullmatch(context.folded, *between)
        or _TOLD_WHEN.fullmatch(context.folded, *between)
    ):
        return None
    return saying


def report_tail(context: ArticleContext, start: int, end: int, mention: DateMention) -> int | None:
    """Where the told clause ends before "…, the union said on Tuesday." at the end of
    [start, end): the comma before the speaker, or None when the sentence is not so built or
    the clause tells no done thing."""
    if context.language != "en" or mention.start is None:
        return None
    if context.folded[mention.char_end : end].strip(" .;\"'”’") != "":
        return None
    saying = _saying_before(context, start, mention)
    if saying is None:
        return None
    tail = _TAIL_COMMA.search(context.folded, start, saying.start())
    if tail is None or not _told(context, start, tail.start()):
        return None
    return tail.start()


def reported_clause(
    context: ArticleContext, start: int, end: int, mention: DateMention
) -> tuple[int, int] | None:
    """The clause said after "X said on Monday (that) …" in [start, end), or None when the
    sentence is not so built or what was said tells no done thing."""
    if context.language != "en" or mention.start is None or mention.char_end >= end:
        return None
    if _saying_before(context, start, mention) is None:
        return None
    opening = _THAT.match(context.folded, mention.char_end, end)
    told = opening.end()
    stop = end
    while stop > told and context.folded[stop - 1] in " .;\"'”’":
        stop -= 1
    if not _told(context, told, stop):
        return None
    return told, stop


def speaks_for_itself(context: ArticleContext, start: int) -> int | None:
    """Where the pronoun standing for its speaker ends, when the reported clause at `start`
    opens on one ("…said on Friday they had arrested…"); else None."""
    pronoun = _PRONOUN.match(context.folded, start)
    return pronoun.end() if pronoun else None


def dated_by_report(mention: DateMention) -> DateMention:
    """The report's date as the happening's: the same days, the anchor saying the date was
    taken from the report."""
    return replace(mention, anchor=context_anchor(mention))
