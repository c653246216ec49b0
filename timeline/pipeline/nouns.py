"""Words about actors that are not their names, kept as data: category nouns that refer back
to an actor of their kind ("集团", "基金会", "本片"), and the titles and trade words written
before a name ("现任校长", "地产商"). The recogniser strips descriptors off the names it finds
and never makes a category noun an actor; the referent reader resolves category nouns.

Chinese words are stored and compared in simplified script (folded text), so one row
serves both scripts. Plain Python.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VOCABULARY = Path(__file__).with_name("vocabulary")
CATEGORY_NOUNS_FILE = VOCABULARY / "category_nouns.tsv"
DESCRIPTORS_FILE = VOCABULARY / "descriptors.tsv"
DESCRIPTOR_SORTS = frozenset({"title", "trade", "status"})


@dataclass(frozen=True)
class CategoryNoun:
    """A noun standing for an actor named before: the endings of the names it may stand
    for (empty: any work of its kinds) and the kinds it may stand for."""

    noun: str
    endings: tuple[str, ...]
    kinds: frozenset[str]
    example: str


@dataclass(frozen=True)
class Descriptor:
    sort: str
    word: str
    example: str


def _rows(path: Path, width: int) -> list[tuple[int, list[str]]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) != width or not all(fields):
            raise ValueError(f"{path.name}:{number}: expected {width} tab-separated fields")
        rows.append((number, fields))
    return rows


def load_category_nouns(path: Path = CATEGORY_NOUNS_FILE) -> tuple[CategoryNoun, ...]:
    """The rows of a category-noun file: noun, endings (| between, - for any), kinds, example."""
    nouns = []
    for _number, (noun, endings, kinds, example) in _rows(path, 4):
        nouns.append(
            CategoryNoun(
                noun=noun,
                endings=() if endings == "-" else tuple(endings.split("|")),
                kinds=frozenset(kinds.split("|")),
                example=example,
            )
        )
    return tuple(nouns)


def load_descriptors(path: Path = DESCRIPTORS_FILE) -> tuple[Descriptor, ...]:
    """The rows of a descriptor file: sort (title, trade, status), word, example."""
    found = []
    for number, (sort, word, example) in _rows(path, 3):
        if sort not in DESCRIPTOR_SORTS:
            raise ValueError(f"{path.name}:{number}: unknown sort {sort!r}")
        found.append(Descriptor(sort, word, example))
    return tuple(found)


CATEGORY_NOUNS = load_category_nouns()
DESCRIPTORS = load_descriptors()
_BY_NOUN = {noun.noun: noun for noun in CATEGORY_NOUNS}


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


TITLES = frozenset(d.word for d in DESCRIPTORS if d.sort == "title")
_TITLE = _alternation(TITLES)
_STATUS = _alternation(d.word for d in DESCRIPTORS if d.sort == "status")
# "第十任校长": an ordinal post is a status too.
_STATUS_ANY = rf"(?:{_STATUS}|第[一二三四五六七八九十百0-9]+任)"
# A run of descriptors: trade words, titles, and a status only right before a title
# ("前总经理", not the 前 of "前海").
DESCRIPTOR_RUN = re.compile(
    rf"(?:{_alternation(d.word for d in DESCRIPTORS if d.sort == 'trade')}"
    rf"|{_STATUS_ANY}?(?:{_TITLE}))+"
)
TITLE_AT_END = re.compile(rf"(?:{_TITLE})$")
# "该集团", "这家基金会", "本校": a determiner before a category noun refers as well.
_DETERMINER = r"(?:该|这家|这所|这个|此|本|其)?"
_CATEGORY = re.compile(rf"{_DETERMINER}(?P<noun>{_alternation(_BY_NOUN)})")


def category_noun(simplified: str) -> CategoryNoun | None:
    """The category noun a name is, alone or after a determiner ("基金会", "该集团"), else
    None: such a word names a kind of actor, never one."""
    match = _CATEGORY.fullmatch(simplified)
    return _BY_NOUN[match.group("noun")] if match else None


def category_pattern() -> str:
    """The nouns as one alternation, longest first."""
    return _alternation(_BY_NOUN)


@lru_cache(maxsize=64)
def noun_entry(noun: str) -> CategoryNoun | None:
    return _BY_NOUN.get(noun)
