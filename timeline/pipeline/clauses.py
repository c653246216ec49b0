"""Clause scanning: cutting a sentence into the clauses that may each state one happening.

Plain Python.
"""

import re
from bisect import bisect_left

from timeline.pipeline.context import ArticleContext
from timeline.pipeline.cues import TRIM
from timeline.pipeline.english_names import EN_DATELINE, EN_PLACE_LINE, ZH_DATELINE
from timeline.pipeline.past_tense import EN_PAST_VERB
from timeline.pipeline.sentences import Span, split_clauses
from timeline.pipeline.triggers import ANY_TRIGGER

# A quote longer than this is cut back to the clause that holds the date.
QUOTE_LIMIT = 160


def trimmed_span(context: ArticleContext, start: int, end: int) -> tuple[int, int]:
    while end > start and context.text[end - 1] in TRIM:
        end -= 1
    while start < end and context.text[start] in TRIM:
        start += 1
    return start, end


def sentence_clauses(context: ArticleContext, sentence: Span) -> list[tuple[int, int]]:
    """The units a sentence is read in: clauses in Chinese, the sentence (split at
    semicolons, and between two coordinated clauses that each name a happening) in English,
    never cutting through a date expression."""
    if context.language == "en" and len(sentence.text) <= QUOTE_LIMIT:
        pieces = _coordinated(context, sentence.char_start, sentence.char_end)
    elif context.language == "en":
        pieces = []
        start = sentence.char_start
        for match in re.finditer(r";", sentence.text):
            pieces.append((start, sentence.char_start + match.end()))
            start = sentence.char_start + match.end()
        pieces.append((start, sentence.char_end))
    else:
        pieces = []
        for clause in split_clauses(sentence):
            pieces.extend(_comma_pieces(clause))
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and any(
            mention.char_start < merged[-1][1] < mention.char_end
            for mention in context.dates_in(merged[-1][0], end)
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    # A date cut by the split (English "Nov. 5, 2023") joins its two halves.
    joined: list[tuple[int, int]] = []
    for start, end in merged:
        if joined and _cuts_a_date(context, joined[-1][1]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    if context.language == "en" and joined:
        # "OSLO, March 7 — Halvorsen named…": the dateline dates the dispatch, not what it
        # tells; the sentence is read from the name after the dash.
        dateline = EN_DATELINE.match(context.text, joined[0][0], joined[0][1])
        if dateline and context.dates_in(joined[0][0], dateline.end()):
            joined[0] = (dateline.end(), joined[0][1])
        elif placed := EN_PLACE_LINE.match(context.text, joined[0][0], joined[0][1]):
            # "CALDER BRIDGE — Drivers at…": the place the dispatch was written in.
            joined[0] = (placed.end(), joined[0][1])
    elif joined:
        # "新华社北京10月9日电（记者 张岚）由…": the same for a Chinese wire dateline.
        dateline = ZH_DATELINE.match(context.text, joined[0][0], joined[0][1])
        if dateline and context.dates_in(joined[0][0], dateline.end()):
            joined[0] = (dateline.end(), joined[0][1])
    return [trimmed_span(context, start, end) for start, end in joined if end > start]


_COORDINATION = re.compile(
    r"; |, (?=(?:and|but|while|then)\b)"
    # "joined Streamly in 2021 and became chief executive in mid-2023": a second verb in
    # the past, its subject shared.
    # "Lumora Motors, founded in 2018, delivered its first car in late 2021": the main
    # verb after an aside that has a happening of its own.
    # "Streamly, which launched in November 2019, had…": an aside about the name before.
    rf"|, (?=(?:which|who) (?:was |were |had )?(?:{EN_PAST_VERB})\b)"
    r"|, (?=(?:later |then |also )?(?:[a-z]+ed|became|took|won|left|made|bought|sold|began"
    r"|rose|fell|grew|cut|set|led|hired|paid|spent|struck|shut|built|broke)\b)"
    r"| (?=and (?:later |then |also )?(?:(?:was|were|had been|has been) )?"
    r"(?:[a-z]+ed|became|took|won|left|made|bought|sold|began"
    r"|rose|fell|grew|cut|set|led|hired|named|paid|spent|struck|shut|built|broke)\b)"
)


def _coordinated(context: ArticleContext, start: int, end: int) -> list[tuple[int, int]]:
    """ "Tom Becker stepped down in January 2024, and Maria Ortiz took over": two clauses,
    when the words before and after ", and" each have a happening's word; a list ("Alibaba,
    Tencent, and HongShan") stays whole."""
    folded = context.folded
    pieces = []
    for match in _COORDINATION.finditer(folded, start, end):
        after = ANY_TRIGGER.search(folded, match.end(), end) is not None
        if _RELATIVE.match(folded, match.end()):
            # An aside is a clause of its own when it is dated: "which launched in 2019".
            aside_end = folded.find(",", match.end(), end)
            aside_end = end if aside_end < 0 else aside_end
            rest = aside_end + 1
            if (
                aside_end < end
                and context.dates_in(match.end(), aside_end)
                and context.dates_in(rest, end)
                and BARE_VERB.match(folded, rest + 1)
            ):
                # Cut after the aside: "Orbis Foods, which was founded in 1998," keeps its
                # name, and the verb after it shares the sentence's subject.
                pieces.append((start, rest + 1))
                start = rest + 1
            continue
        if not after and _JOINED_CLAUSE.match(folded, match.start()):
            # "The Fed approved it in December 2023, and the OCC followed in January 2024":
            # two clauses, each with its own date, the second with no vocabulary word.
            after = bool(context.dates_in(match.end(), end)) and bool(
                context.dates_in(start, match.start())
            )
        if not after and BARE_VERB.match(folded, match.end()):
            # "…, founded in 2018, delivered its first car in late 2021": a dated main
            # verb no vocabulary names is a happening in its own words.
            # Each side dated: "hired and trained 300 technicians in May 2024" is one.
            after = bool(context.dates_in(match.end(), end)) and bool(
                context.dates_in(start, match.start())
            )
        if ANY_TRIGGER.search(folded, start, match.start()) and after:
            pieces.append((start, match.end()))
            start = match.end()
    pieces.append((start, end))
    return pieces


_ASCII_COMMA = re.compile(r",(?!\d{3}(?!\d))")


def _comma_pieces(clause: Span) -> list[tuple[int, int]]:
    """Chinese text often uses ASCII commas before digits ("认同,2025年是…"); they split
    clauses too, unless they group thousands ("1,000")."""
    pieces = []
    start = clause.char_start
    for match in _ASCII_COMMA.finditer(clause.text):
        pieces.append((start, clause.char_start + match.end()))
        start = clause.char_start + match.end()
    pieces.append((start, clause.char_end))
    return pieces


def _cuts_a_date(context: ArticleContext, position: int) -> bool:
    index = bisect_left(context._date_starts, position) - 1
    return index >= 0 and context.dates[index].char_end > position


# An English clause that opens on its verb: the second verb of its sentence's subject
# ("…, and delivered its first car in late 2021", "…, founded in 2018, delivered…").
_RELATIVE = re.compile(r"(?:which|who) ")

_JOINED_CLAUSE = re.compile(r", (?:and|but|while) (?!(?:later|then|also) )(?![a-z]+ed\b)")

BARE_VERB = re.compile(
    r"(?:and )?(?:later |then |also )?(?:(?:was|were|had been|has been) )?"
    # Any simple past of the data file: "and held its first show", "and found the fault".
    rf"(?:had|{EN_PAST_VERB})\b"
)
