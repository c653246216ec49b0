"""Chinese names that the word for their part introduces, read from the tagger's word
classes where the tagger runs the word into the name or cuts the name apart: a company
after the part it plays in a deal or a works ("承建方|华建路桥", "營辦商|金輪小巴有限公司",
"市场管理方|鸿运物业"), and a person after a role or an occupation ("店主|陈国荣", "第三代傳人
|陳國榮", "的士司機|黃志強").

The words for a part are the trade descriptors of `vocabulary/descriptors.tsv` that end in
方 or 商: the side of an arrangement a named company stands on. A person's role needs no
list: a run of common nouns (and counts: "第三代") before a name the tagger reads as a
person's, two or three characters starting with a surname.

Plain Python on the article's simplified copy (same offsets as the source); the caller turns
the (start, end) pairs into names.
"""

import re
from collections.abc import Callable, Iterable, Sequence

from timeline.pipeline.actors import COMPOUND_SURNAMES, SURNAMES
from timeline.pipeline.nouns import DESCRIPTORS, TITLE_AT_END, category_noun
from timeline.pipeline.wordlists import word_list

Tagger = Callable[[str], Sequence[tuple[str, str]]]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# The parts a company plays in an arrangement: "承建方", "运营方", "营办商", "开发商".
PARTS = frozenset(
    row.word for row in DESCRIPTORS if row.sort == "trade" and row.word.endswith(("方", "商"))
)
_PART = re.compile(_alternation(PARTS))
# How far after the word for its part a name may run, in characters.
_NAME_REACH = 12
# The classes of a name's words after its part: names, places and nouns ("华建/ORG 路桥/n",
# "青城/LOC 公交/n", "鸿运/nz 物业/n").
_NAME_TAGS = frozenset({"n", "nz", "nw", "nt", "ORG", "LOC", "ns", "PER"})
# What may follow the name: a time, a verb, an adverb, a preposition, a mark, an auxiliary.
_AFTER_NAME = frozenset({"TIME", "v", "vd", "d", "ad", "p", "w", "u", "c"})
# A name's words hold a proper part: one common noun alone ("承建方|单位") names no company.
_PROPER_TAGS = frozenset({"nz", "nw", "nt", "ORG", "LOC", "ns", "PER"})
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
PEOPLE = word_list("zh_people_nouns.txt")


def names_after_parts(
    simple: str, spans: Iterable[tuple[int, int]], tag: Tagger
) -> list[tuple[int, int]]:
    """(start, end) of each company named right after the word for its part ("承建方华建路桥
    上月…" → "华建路桥"), in the given stretches of `simple`. The name is the run of name
    and noun words after the part, up to a time, a verb, a preposition or a mark; it must
    hold a proper part (the tagger's name or place, or a word it does not know as a common
    noun) and not be a category noun ("承建方|公司")."""
    found: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        for match in _PART.finditer(simple, span_start, span_end):
            run = _HAN_RUN.match(simple, match.end(), min(span_end, match.end() + _NAME_REACH))
            if run is None or len(run.group()) < 2:
                continue
            words = tag(run.group())
            length, proper, following = 0, False, ""
            for word, word_tag in words:
                if word_tag not in _NAME_TAGS:
                    following = word_tag
                    break
                length += len(word)
                proper = proper or word_tag in _PROPER_TAGS
            if following and following not in _AFTER_NAME:
                continue  # "承建方|负责…": a clause, not a name
            if not following and run.end() - match.end() >= _NAME_REACH:
                continue  # the run goes on past the reach: no end of a name in sight
            name = simple[match.end() : match.end() + length]
            taken = _taken(words, length)
            if length < 2 or not (proper or _coined(taken)):
                continue
            if category_noun(name) or name in PARTS or _PEOPLE_AT_END.search(name):
                continue  # "承建方|公司", "承建方|单位负责人": a kind or a person, no name
            found.append((match.end(), match.end() + length))
    return found


def _taken(words: Sequence[tuple[str, str]], length: int) -> list[tuple[str, str]]:
    """The first words of `words` that make up `length` characters."""
    taken, count = [], 0
    for word, word_tag in words:
        if count >= length:
            break
        taken.append((word, word_tag))
        count += len(word)
    return taken


def _coined(words: Sequence[tuple[str, str]]) -> bool:
    """Whether common nouns make a company's name: a distinctive word and a trade word
    ("远洋/n 置地/n"), not an action's noun and its thing ("施工/vn 单位/n")."""
    return len(words) >= 2 and all(word_tag == "n" for _word, word_tag in words)


# A person or people at the end of what follows a part: "(承建方)单位负责人", "(运营方)员工".
_PEOPLE_AT_END = re.compile(rf"(?:{TITLE_AT_END.pattern})|(?:{_alternation(PEOPLE)})$")

# A role's words before a person's name: nouns and counts ("第三代/m 传人/n", "的士/n 司机/n").
_ROLE_TAGS = frozenset({"n", "m", "q", "vn", "nz"})


def person_after_role(simple: str, tag: Tagger) -> int | None:
    """Where the person's name starts in `simple`, a run read as one name ("店主陈国荣",
    "第三代传人陈国荣"), when it is a role or an occupation and a person's name: the tagger
    reads the last two or three characters as a person's name starting with a surname, and
    everything before as common nouns or counts. None otherwise ("华建路桥", "陈国荣")."""
    words = list(tag(simple))
    if len(words) < 2:
        return None
    name, name_tag = words[-1]
    if name_tag != "PER" or not 2 <= len(name) <= 3:
        return None
    if name[0] not in SURNAMES and not name.startswith(COMPOUND_SURNAMES):
        return None
    if not all(word_tag in _ROLE_TAGS for _word, word_tag in words[:-1]):
        return None
    return len(simple) - len(name)
