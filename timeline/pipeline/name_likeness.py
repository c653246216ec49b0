"""Whether two actors' names say they may be one actor: one is the other's transliteration,
acronym or short form.

Editors see these as suggestions ("possibly the same as …"); nothing is merged on a name
alone, since 阿里 may be short for 阿里巴巴 and a company's initials may be another's.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from timeline.pipeline.actors import normalize_alias

TRANSLITERATION = "transliteration"
ACRONYM = "acronym"
SHORT_FORM = "short form"

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ONLY_HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
_WORD = re.compile(r"[a-z0-9]+")
# Words an acronym leaves out: "Bank of China" is BOC or BC.
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "&"})
# A short form is a name's first characters, but not one this short: 中 is not 中芯.
_SHORTEST = 2
# Two letters are the initials of too many names to suggest anything.
_SHORTEST_ACRONYM = 3


@lru_cache(maxsize=4096)
def _pinyin(name: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(syllable.casefold() for syllable in lazy_pinyin(name))


def _latin(name: str) -> str:
    """Letters and digits only: "01.AI" → "01ai", "Li Kaifu" → "likaifu"."""
    return "".join(_WORD.findall(name.casefold()))


def _initials(name: str) -> set[str]:
    """The acronyms a Latin name may go by, with and without its small words."""
    words = _WORD.findall(name.casefold())
    if len(words) < 2:
        return set()
    every = "".join(word[0] for word in words)
    content = "".join(word[0] for word in words if word not in _SMALL_WORDS)
    return {every, content}


def likeness(first: Iterable[str], second: Iterable[str], *, people: bool = False) -> str | None:
    """The reason two actors' names (each its name and aliases) say they may be one actor,
    or None. `people`: both are people, whose given names are no short forms."""
    first = {normalize_alias(name) for name in first if name.strip()}
    second = {normalize_alias(name) for name in second if name.strip()}
    if first & second:
        return TRANSLITERATION
    for one, other in ((first, second), (second, first)):
        for name in one:
            if not _HAN.search(name):
                continue
            syllables = _pinyin(name)
            spelled = "".join(syllables)
            # Latin names of Chinese companies are often the pinyin with the suffix
            # dropped, or its initials: "Xiaomi", "BYD" for 比亚迪.
            for written in other:
                if _HAN.search(written):
                    continue
                latin = _latin(written)
                if latin and latin == spelled:
                    return TRANSLITERATION
                if len(latin) >= _SHORTEST_ACRONYM and latin == "".join(s[0] for s in syllables):
                    return ACRONYM
    for one, other in ((first, second), (second, first)):
        for name in one:
            if _HAN.search(name):
                continue
            latin = _latin(name)
            if len(latin) >= _SHORTEST_ACRONYM and any(latin in _initials(o) for o in other):
                return ACRONYM
    if not people:
        for one, other in ((first, second), (second, first)):
            for short in one:
                for long in other:
                    if _is_short_form(short, long):
                        return SHORT_FORM
    return None


def _is_short_form(short: str, long: str) -> bool:
    """阿里 for 阿里巴巴; "Alibaba" for "Alibaba Group": the longer name's first characters
    (Chinese) or first words (Latin)."""
    if len(short) >= len(long):
        return False
    if _ONLY_HAN.match(short) and _ONLY_HAN.match(long):
        return len(short) >= _SHORTEST and long.startswith(short)
    if _HAN.search(short) or _HAN.search(long):
        return False
    short_words, long_words = _WORD.findall(short), _WORD.findall(long)
    rest = long_words[len(short_words) :]
    # "Yi-34B", "GPT 4" name a member of a series or a version, not the series itself.
    if any(char.isdigit() for word in rest for char in word):
        return False
    return bool(short_words) and long_words[: len(short_words)] == short_words


def likeness_keys(names: Iterable[str]) -> tuple[set[str], set[str]]:
    """An index that spares comparing every actor with every other: (keys, probes). Two
    actors' names may be alike (`likeness`) only when they share a key, or one's probe is
    the other's key; most that do are not."""
    keys, probes = set(), set()
    for name in {normalize_alias(name) for name in names if name.strip()}:
        keys.add(f"n:{name}")
        if _HAN.search(name):
            syllables = _pinyin(name)
            keys.add(f"l:{''.join(syllables)}")
            keys.add(f"a:{''.join(s[0] for s in syllables)}")
            if _ONLY_HAN.match(name):
                keys.add(f"s:{name}")
                probes.update(f"s:{name[:size]}" for size in range(_SHORTEST, len(name)))
            continue
        latin = _latin(name)
        keys.update({f"l:{latin}", f"a:{latin}", *(f"a:{i}" for i in _initials(name))})
        words = _WORD.findall(name)
        keys.add(f"s:{' '.join(words)}")
        probes.update(f"s:{' '.join(words[:size])}" for size in range(1, len(words)))
    return keys, probes
