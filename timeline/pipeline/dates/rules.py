"""Running a grammar's rules over a text, each only in the paragraphs that contain its key.

A rule is a pattern, a builder that turns a match into a ``Candidate`` and an optional
key: a cheap pattern (a literal or a class the regex engine can skip ahead to) that
every match of the rule contains. The scanner finds the paragraphs (lines) where the key
occurs and runs the rule's pattern over those only, adjacent ones merged into one span.
No rule matches across a line break, so the result is that of a scan of the whole text;
the keys only spare the patterns that start with look-behinds or optional words, which
the engine must try at every position, the text they cannot match in. Keys of plain
words are found by string search; the keys written as patterns are found together, in
one pass over the text that stops only where one of them can start.

A rule may also name ``stretches``: the ``alphabet`` of characters its pattern can read
(look-behinds aside) and the characters, ``within``, that every match it keeps holds. A
match then lies in one run of the alphabet, and the engine's scan restarts after each
run; the rule's pattern runs only over the runs that hold one of ``within`` (each with
the character that closes it, as a lookahead may test it) and finds there what it finds
over the whole line, less matches its builder would throw away.

A rule marked ``han`` fires only where a Chinese character is (in its match or in a
look-behind or lookahead): in a text with none at all, such as most English articles, it
is not run, and its key not searched for.
"""

import bisect
import functools
import re
import re._constants as _sre
import re._parser as _sre_parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from timeline.pipeline.dates.expressions import Candidate
from timeline.pipeline.han import HAN_CHARACTER

_NEWLINE = re.compile("\n")
# One key for the English calendar words (weekdays, weeks, offsets, holidays), searched in
# lower case: one pass over the text gates all their rules.
ENGLISH_CALENDAR_KEY = re.compile(
    "day|week|ago|later|earlier|from now|after|before|thanksgiving|christmas|new year"
    "|halloween|festival|valentine|easter"
)
# Characters that make a key more than plain words.
_SPECIAL = re.compile(r"[\\.^$*+?{}\[\]()|]")
# A class of plain characters ("[月旬]"): no range, escape or negation.
_CHARACTER_CLASS = re.compile(r"\[[^\\\[\]^\-]+\]")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class Rule:
    """One pattern of a grammar; ``key`` (searched in lower case when ``lower``) gates it."""

    pattern: re.Pattern
    build: Callable[[str, re.Match], Candidate | None]
    key: re.Pattern | None = None
    lower: bool = False
    han: bool = False
    stretches: "Stretches | None" = None


class Stretches:
    """Finds the runs of characters of ``alphabet`` that hold one of ``within``.

    The finder opens with the alphabet as a class, so the engine skips the characters
    outside it at the speed of a class check, and reads each run once.
    """

    def __init__(self, alphabet: str, within: str) -> None:
        self.alphabet, self.within = alphabet, within
        other = re.escape("".join(sorted(set(alphabet) - set(within))))
        need, every = re.escape(within), re.escape(alphabet)
        # The look-behind keeps a run without a character of ``within`` from being tried
        # again from each of its characters.
        self.pattern = re.compile(
            f"[{every}](?<![{every}][{every}])(?:(?<=[{need}])|[{other}]*+[{need}])[{every}]*+"
        )

    def find(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """(start, endpos) of each run in ``text[start:end]``; endpos takes in the character
        that closes the run, which the rule's pattern reads but never goes past."""
        return [(run.start(), run.end() + 1) for run in self.pattern.finditer(text, start, end)]


class Paragraphs:
    """A folded text with its line breaks, and the spans of lines a key occurs in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [match.start() for match in _NEWLINE.finditer(text)]
        self._lower: str | None = None
        self._has_han: bool | None = None
        self._spans: dict[tuple[re.Pattern, bool], list[tuple[int, int]]] = {}
        self._stretches: dict[tuple[re.Pattern | None, Stretches], list[tuple[int, int]]] = {}

    @property
    def lower(self) -> str:
        """The text in lower case, offset for offset (ASCII only if Unicode would shift)."""
        if self._lower is None:
            lowered = self.text.lower()
            if len(lowered) != len(self.text):
                lowered = self.text.translate(_ASCII_LOWER)
            self._lower = lowered
        return self._lower

    @property
    def has_han(self) -> bool:
        """Whether the text holds a Chinese character anywhere."""
        if self._has_han is None:
            self._has_han = HAN_CHARACTER.search(self.text) is not None
        return self._has_han

    def spans(self, key: re.Pattern, *, lower: bool = False) -> list[tuple[int, int]]:
        """The lines containing ``key``, adjacent lines merged, as (start, end) offsets."""
        if (key, lower) not in self._spans:
            self._spans[key, lower] = self._find_spans(key, lower)
        return self._spans[key, lower]

    def stretches(self, key: re.Pattern | None, stretches: Stretches) -> list[tuple[int, int]]:
        """The stretches of ``stretches`` within the lines containing ``key``."""
        if (key, stretches) not in self._stretches:
            text = self.text
            lines = [(0, len(text))] if key is None else self.spans(key)
            self._stretches[key, stretches] = [
                stretch for start, end in lines for stretch in stretches.find(text, start, end)
            ]
        return self._stretches[key, stretches]

    def find_keys(self, keys: Iterable[tuple[re.Pattern, bool]]) -> None:
        """Find the lines of every key written as a pattern in one pass per haystack.

        A separate search per key reads every character once per key; one pass of a
        class of all their first characters stops only where one of them may start, and
        each key is then tried there alone. Keys of plain words keep their string search.
        """
        pending: dict[bool, list[re.Pattern]] = {}
        for key, lower in keys:
            if (key, lower) in self._spans or _literal_words(key) is not None:
                continue
            # The lower-case keys open with common letters (a, d, m, s …): in English
            # text, stopping at each of them costs more than a pass per key; in Chinese
            # text, where Latin letters are few, one pass is cheaper.
            if (lower and not self.has_han) or _first_characters(key) is None:
                continue
            bucket = pending.setdefault(lower, [])
            if key not in bucket:
                bucket.append(key)
        for lower, patterns in pending.items():
            haystack = self.lower if lower else self.text
            finder, by_first = _combined(tuple(patterns))
            breaks = self.breaks
            lines: dict[re.Pattern, set[int]] = {key: set() for key in patterns}
            for found in finder.finditer(haystack):
                at = found.start()
                line = bisect.bisect_left(breaks, at)
                for key in by_first[haystack[at]]:
                    seen = lines[key]
                    if line not in seen and key.match(haystack, at):
                        seen.add(line)
            for key in patterns:
                self._spans[key, lower] = self._spans_of_lines(lines[key])

    def _find_spans(self, key: re.Pattern, lower: bool) -> list[tuple[int, int]]:
        haystack = self.lower if lower else self.text
        words = _literal_words(key)
        if words is not None:
            return self._spans_of_words(haystack, words)
        breaks, size = self.breaks, len(self.text)
        spans: list[tuple[int, int]] = []
        found = key.search(haystack)
        while found is not None:
            line = bisect.bisect_left(breaks, found.start())
            start = breaks[line - 1] + 1 if line else 0
            end = breaks[line] if line < len(breaks) else size
            if spans and spans[-1][1] + 1 == start:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
            # One hit is enough for a line: go on from the next one.
            found = key.search(haystack, end + 1) if end < size else None
        return spans

    def _spans_of_words(self, haystack: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
        """The spans of the lines holding one of ``words``, found by string search: many
        times faster than the engine trying an alternation or a class of Chinese
        characters at every position."""
        breaks = self.breaks
        last = len(breaks)
        lines: set[int] = set()
        for word in words:
            found = haystack.find(word)
            while found >= 0:
                line = bisect.bisect_left(breaks, found)
                lines.add(line)
                if line == last:
                    break
                # One hit is enough for a line: go on from the next one.
                found = haystack.find(word, breaks[line] + 1)
        return self._spans_of_lines(lines)

    def _spans_of_lines(self, lines: set[int]) -> list[tuple[int, int]]:
        """The spans of the given lines (numbered from 0), adjacent ones merged."""
        breaks, size = self.breaks, len(self.text)
        last = len(breaks)
        spans: list[tuple[int, int]] = []
        previous = -2
        for line in sorted(lines):
            end = breaks[line] if line < last else size
            if line == previous + 1:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((breaks[line - 1] + 1 if line else 0, end))
            previous = line
        return spans


@functools.cache
def _literal_words(key: re.Pattern) -> tuple[str, ...] | None:
    """The words of a key written as plain words joined by "|" (in one optional group) or
    as a class of plain characters, else None."""
    pattern = key.pattern
    if key.flags & re.IGNORECASE:
        return None
    if _CHARACTER_CLASS.fullmatch(pattern):
        return tuple(pattern[1:-1])
    if pattern.startswith("(?:") and pattern.endswith(")"):
        pattern = pattern[3:-1]
    words = tuple(pattern.split("|"))
    if any(_SPECIAL.search(word) or not word for word in words):
        return None
    return words


@functools.cache
def _first_characters(key: re.Pattern) -> frozenset[str] | None:
    """The characters a match of ``key`` can start with, if its pattern opens with plain
    characters, classes of them (ranges included) or alternatives of those; else None.
    A key with flags or groups gets None too: it could not be read the same inside the
    shared finder's alternation."""
    if key.flags != re.UNICODE or key.groups:
        return None
    try:
        parsed = _sre_parse.parse(key.pattern, key.flags)
    except re.error:
        return None
    return _opening(list(parsed))


def _opening(items: list) -> frozenset[str] | None:
    if not items:
        return None
    op, value = items[0]
    if op is _sre.LITERAL:
        return frozenset(chr(value))
    if op is _sre.IN:
        characters: set[str] = set()
        for member, argument in value:
            if member is _sre.LITERAL:
                characters.add(chr(argument))
            elif member is _sre.RANGE and argument[1] - argument[0] < 256:
                characters.update(chr(code) for code in range(argument[0], argument[1] + 1))
            else:
                return None
        return frozenset(characters)
    if op is _sre.BRANCH:
        union: set[str] = set()
        for branch in value[1]:
            opening = _opening(list(branch))
            if opening is None:
                return None
            union |= opening
        return frozenset(union)
    if op is _sre.SUBPATTERN:
        group, add_flags, del_flags, inner = value
        if group is not None or add_flags or del_flags:
            return None
        return _opening(list(inner))
    return None


@functools.cache
def _combined(keys: tuple[re.Pattern, ...]) -> tuple[re.Pattern, dict[str, list[re.Pattern]]]:
    """One finder for ``keys`` and, for each character a key opens with, those keys.

    The finder opens with the class of every first character, which the engine skips
    to, and looks back at that character to check that one of the keys matches from it:
    it stops only where a key starts (a key's own look-behinds see the text before).
    """
    by_first: dict[str, list[re.Pattern]] = {}
    for key in keys:
        for character in sorted(_first_characters(key)):
            by_first.setdefault(character, []).append(key)
    opening = "".join(re.escape(character) for character in sorted(by_first))
    either = "|".join(f"(?:{key.pattern})" for key in keys)
    return re.compile(f"[{opening}](?<=(?=(?:{either})).)"), by_first


def find_all(
    pattern: re.Pattern,
    paragraphs: Paragraphs,
    key: re.Pattern | None = None,
    *,
    lower=False,
    stretches: Stretches | None = None,
) -> Iterator[re.Match]:
    """Every match of ``pattern`` in the lines where ``key`` occurs (everywhere if None),
    only in the stretches of ``stretches`` there if given."""
    text = paragraphs.text
    if stretches is not None:
        spans = paragraphs.stretches(key, stretches)
    elif key is None:
        spans = [(0, len(text))]
    else:
        spans = paragraphs.spans(key, lower=lower)
    for start, end in spans:
        yield from pattern.finditer(text, start, end)


def run_rules(rules: tuple[Rule, ...], paragraphs: Paragraphs) -> Iterator[Candidate]:
    """Every candidate the rules find, rule by rule.

    An empty match names nothing (the point grammar's optional parts match empty wherever
    they can start): it is skipped before its builder is called.
    """
    text = paragraphs.text
    paragraphs.find_keys(
        (rule.key, rule.lower)
        for rule in rules
        if rule.key is not None and not (rule.han and not paragraphs.has_han)
    )
    for rule in rules:
        if rule.han and not paragraphs.has_han:
            continue
        found = find_all(
            rule.pattern, paragraphs, rule.key, lower=rule.lower, stretches=rule.stretches
        )
        for match in found:
            if match.start() == match.end():
                continue
            candidate = rule.build(text, match)
            if candidate is not None:
                yield candidate
