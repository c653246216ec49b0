"""Sentences and clauses: the spans of an article's text, and where its sentences and clauses end.

Plain Python.
"""

import re
from dataclasses import dataclass

from timeline.pipeline.language import WORD


@dataclass(frozen=True)
class Span:
    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True)
class Sentence(Span):
    pass


_SENTENCE_END_CJK = "。！？｡"

_SENTENCE_END_ASCII = "!?"

_CLOSING = "”’」』）)]】》〉"

_ABBREVIATIONS = frozenset(
    (
        *("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "gov", "sen"),
        *("rep", "rev", "col", "lt", "sgt", "capt", "cmdr", "adm", "pres", "hon", "vs", "etc"),
        *("est", "approx", "dept", "univ", "fig", "figs", "vol", "eds", "ed", "al", "cf", "ca"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
        *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
        # "Co. Donegal", "Co. Mayo": an Irish county.
        "co",
    )
)


def _is_han(ch: str) -> bool:
    return (
        "\u3400" <= ch <= "\u9fff"
        or "\uf900" <= ch <= "\ufaff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
    )


def _abbreviation_before(text: str, dot: int, floor: int, end: int) -> bool:
    """True when the full stop at ``dot`` ends an abbreviation rather than a sentence."""
    start = dot
    floor = max(floor, dot - 20)  # abbreviations are short; this bounds the walk back
    while (
        start > floor
        and text[start - 1].isascii()
        and (text[start - 1].isalpha() or text[start - 1] == ".")
    ):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    if "." in word:  # U.S., e.g., a.m., unless a typical sentence opener follows
        following = _WORD_AFTER.match(text, dot + 1, end)
        return not (following and following.group(1) in _SENTENCE_OPENERS)
    if len(word) == 1 and word.isupper():  # an initial: J. Smith
        return True
    return word.lower() in _ABBREVIATIONS or (
        word.lower() == "no" and _next_word_starts(text, dot + 1, len(text)).isdigit()
    )


def ends_sentence(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends a sentence, not an abbreviation ("Jan.",
    "Dr.", "U.S.") or an initial."""
    return not _abbreviation_before(text, dot, 0, len(text))


_WORD_AFTER = re.compile(r"\s+([A-Z][a-z]*)\b")

_SENTENCE_OPENERS = frozenset(
    (
        *("The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "This", "That"),
        *("These", "Those", "In", "On", "At", "But", "And", "However", "Meanwhile", "After"),
    )
)


def _next_word_starts(text: str, position: int, end: int) -> str:
    """The first character after ``position`` that is neither space nor a closing mark."""
    while position < end and (text[position].isspace() or text[position] in _SKIPPED_BEFORE_WORD):
        position += 1
    return text[position] if position < end else ""


# Characters that can end a sentence or change quote state; everything else is skipped.
_SENTENCE_CANDIDATE = re.compile(
    r'["。！？｡；!?;…]|\.\.\.|\.(?=[\s”’」』）)\]】》〉"\']|$)'
    r"|(?<=[\u3400-\u9fff])\.(?=[\u3400-\u9fff])"
)

_SKIPPED_BEFORE_WORD = _CLOSING + "\"'*"


def _sentence_boundaries(text: str, start: int, end: int):
    """Offsets in [start, end) just after each sentence end."""
    straight_open = False
    i = start
    while True:
        candidate = _SENTENCE_CANDIDATE.search(text, i, end)
        if candidate is None:
            return
        i = candidate.start()
        ch = text[i]
        if ch == '"':
            straight_open = not straight_open
            i += 1
            continue
        stop = None
        if ch in _SENTENCE_END_CJK or ch in "；":
            stop = i + 1
            while stop < end and text[stop] in _SENTENCE_END_CJK + _SENTENCE_END_ASCII:
                stop += 1
        elif ch in _SENTENCE_END_ASCII:
            stop = i + 1
            while stop < end and text[stop] in _SENTENCE_END_CJK + _SENTENCE_END_ASCII:
                stop += 1
            following = text[stop] if stop < end else ""
            if following and not (
                following.isspace()
                or following in _CLOSING
                or following in "\"'*"
                or _is_han(following)
            ):
                stop = None
            elif not _is_han(text[i - 1] if i > start else "") and (
                _next_word_starts(text, stop, end).islower()
            ):
                # "Is it?" she asked: an English question inside a sentence.
                stop = None
        elif ch == ";":
            previous = text[i - 1] if i > start else ""
            if _is_han(previous):
                stop = i + 1
        elif ch == "…" or (ch == "." and text.startswith("...", i)):
            stop = i
            while stop < end and text[stop] in "….":
                stop += 1
            following = text[stop] if stop < end else ""
            # An ellipsis before a closing quote trails off inside the quotation; before a
            # lower-case word it is a pause inside an English sentence.
            if (
                following
                and not _is_han(following)
                and (not following.isspace() or _next_word_starts(text, stop, end).islower())
            ):
                i = stop
                continue
        elif ch == ".":
            previous = text[i - 1] if i > start else ""
            following = text[i + 1] if i + 1 < end else ""
            if not following or following.isspace() or following in _CLOSING + "\"'":
                if (
                    not _abbreviation_before(text, i, start, end)
                    and not _next_word_starts(text, i + 1, end).islower()
                ):
                    stop = i + 1
            elif _is_han(previous) and _is_han(following):
                stop = i + 1
        if stop is None:
            i += 1
            continue
        # Closing quotes, brackets and emphasis that follow the stop belong to the sentence.
        while stop < end:
            c = text[stop]
            if c in _CLOSING or c in "*_":
                stop += 1
            elif c == '"' and straight_open:
                straight_open = False
                stop += 1
            elif c == "'" and (stop + 1 >= end or text[stop + 1].isspace()):
                stop += 1
            else:
                break
        yield stop
        i = stop


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not WORD.search(text, start, end):
        return None
    return start, end


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of ``text[start:end]`` with absolute offsets, trimmed of whitespace."""
    sentences = []
    previous = start
    for stop in _sentence_boundaries(text, start, end):
        bounds = trimmed_span(text, previous, stop)
        if bounds:
            sentences.append(Sentence(bounds[0], bounds[1], text[bounds[0] : bounds[1]]))
        previous = stop
    bounds = trimmed_span(text, previous, end)
    if bounds:
        sentences.append(Sentence(bounds[0], bounds[1], text[bounds[0] : bounds[1]]))
    return sentences


def sentences_between(text: str, start: int, end: int, cuts: list[tuple[int, int]]):
    """Sentences of [start, end) that never cross a cut (an injected spam phrase)."""
    position = start
    for cut_start, cut_end in sorted(cuts):
        if cut_start < position:
            position = max(position, cut_end)
            continue
        yield from split_sentences(text, position, min(cut_start, end))
        position = cut_end
    if position < end:
        yield from split_sentences(text, position, end)


# Half-width marks split unless they sit between digits ("1,000", "10:30") or open "://".
_CLAUSE_BREAK = re.compile(r"[，；：;]|——+|(?<!\d)[,:](?!//)|[,:](?![\d/])")


def split_clauses(sentence: Span) -> tuple[Span, ...]:
    """Clauses of a sentence, split after ，,；;： and ——, with absolute offsets.

    Commas and colons between digits ("1,000", "10:30") and the colon of a URL scheme do
    not split.
    """
    text = sentence.text
    base = sentence.char_start
    clauses: list[Span] = []
    previous = 0
    for match in _CLAUSE_BREAK.finditer(text):
        stop = match.end()
        while stop < len(text) and text[stop] in _CLOSING:
            stop += 1
        bounds = trimmed_span(text, previous, stop)
        if bounds:
            clauses.append(Span(base + bounds[0], base + bounds[1], text[bounds[0] : bounds[1]]))
        previous = stop
    bounds = trimmed_span(text, previous, len(text))
    if bounds:
        clauses.append(Span(base + bounds[0], base + bounds[1], text[bounds[0] : bounds[1]]))
    if not clauses:
        return (Span(sentence.char_start, sentence.char_end, sentence.text),)
    return tuple(clauses)
