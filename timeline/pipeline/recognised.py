"""What every name reader returns and asks: a name found in the text (`Recognised`), how
often a word is written in the article (`count_of`), and whether a range touches spans
already read (`SpanSet`). Plain Python.
"""

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from timeline.pipeline.actors import (
    fold_text,
)


@dataclass(frozen=True)
class Recognised:
    """One name found in the text: `text` is `source[char_start:char_end]`."""

    text: str
    char_start: int
    char_end: int
    kind: str


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


class SpanSet:
    """Sorted, non-overlapping spans, asked by bisection whether a range touches one."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _end in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self._starts, end) - 1
        return index >= 0 and self._spans[index][1] > start


@lru_cache(maxsize=4096)
def count_of(text: str, word: str, *, whole_words: bool = False, folded: bool = False) -> int:
    """How often `word` is written in `text`; cached, since the rules ask again for the
    same names and a long article must not be scanned once per date."""
    if folded:
        text = _folded(text)
    if not whole_words:
        return text.count(word)
    # Whole words, found with str.find: a pattern per word scanned a long text slowly.
    count, position = 0, text.find(word)
    while position >= 0:
        after = position + len(word)
        before, following = text[position - 1 : position], text[after : after + 1]
        if not _is_word_char(before) and not _is_word_char(following):
            count += 1
        position = text.find(word, after)
    return count


def _is_word_char(char: str) -> bool:
    return bool(char) and (char.isalnum() or char in "_-")


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    return fold_text(text)
