"""Trigger vocabularies and their matcher: the words that make a clause an event of one type,
or a report, a forecast or a hedge, loaded from the data files of `vocabulary/` (see
docs/VOCABULARY.md), checked, compiled behind a first-character gate and matched.

Patterns run over folded text (simplified script, lower case), so one table serves both
Chinese scripts. English words are bounded so "left" does not fire inside "leftover".
"""

import re
from dataclasses import dataclass
from pathlib import Path
from re import _constants as _sre
from re import _parser as _sre_parser

from timeline.pipeline.actors import fold_text


def words(*words: str) -> str:
    return r"\b(?:" + "|".join(words) + r")\b"


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, read from the parse tree of re's
    own parser; None when any character could (a wildcard, a negated class, a category)."""
    found, _ = _first_of(list(_sre_parser.parse(pattern)))
    return frozenset(found) if found is not None else None


def _first_of(items: list) -> tuple[set[str] | None, bool]:
    """(the first characters of a sequence of parse items, whether it can match empty)."""
    found: set[str] = set()
    for op, argument in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero-width: \b, lookarounds
        if op is _sre.LITERAL:
            found.add(chr(argument))
            return found, False
        if op is _sre.IN:
            for kind, value in argument:
                if kind is _sre.LITERAL:
                    found.add(chr(value))
                elif kind is _sre.RANGE and value[1] - value[0] <= 256:
                    found.update(chr(code) for code in range(value[0], value[1] + 1))
                else:
                    return None, False
            return found, False
        if op is _sre.SUBPATTERN or op is _sre.BRANCH:
            nullable = False
            for branch in argument[1] if op is _sre.BRANCH else [argument[3]]:
                first, empty = _first_of(list(branch))
                if first is None:
                    return None, False
                found |= first
                nullable |= empty
            if not nullable:
                return found, False
            continue
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            least, _, body = argument
            first, empty = _first_of(list(body))
            if first is None:
                return None, False
            found |= first
            if least and not empty:
                return found, False
            continue
        return None, False
    return found, True


def gated(pattern: str) -> re.Pattern:
    """The pattern behind a one-character lookahead of the characters it can start with, so
    that the scan rejects most positions of a text at once."""
    starts = first_characters(pattern)
    if starts is None:
        return re.compile(pattern)
    escaped = "".join(sorted(re.escape(c) if c in "\\]^-[" else c for c in starts))
    return re.compile(f"(?=[{escaped}])(?:{pattern})")


# Where the vocabularies live: one file per event type in priority order, the report,
# forecast and hedge words, and the regex fragments they share.
VOCABULARY_DIR = Path(__file__).with_name("vocabulary")
TYPE_ORDER = VOCABULARY_DIR / "trigger_types.tsv"
FRAGMENTS = VOCABULARY_DIR / "fragments.tsv"
TRIGGER_DIR = VOCABULARY_DIR / "triggers"
CUE_DIR = VOCABULARY_DIR / "cues"
# Plain phrases of any type, one a row with its type: added to the end of the type's patterns.
VOCABULARY = VOCABULARY_DIR / "triggers.tsv"

LANGUAGES = ("zh", "en")
# "{SITES}" in a pattern; a regex quantifier such as "{0,6}" never starts with a capital.
_FRAGMENT = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def _where(path: Path, number: int) -> str:
    return f"{path.parent.name}/{path.name}:{number}"


def _data_rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    """(line number, fields) of each data line of a tab-separated file; a line starting with
    # is a comment. A line with another number of fields, or an empty one, is refused."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) != columns or not all(fields):
            raise ValueError(f"{_where(path, number)}: expected {columns} tab-separated fields")
        rows.append((number, fields))
    return rows


def _compiled(pattern: str, where: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"{where}: bad regex {pattern!r}: {error}") from None
    return pattern


def _expand(pattern: str, fragments: dict[str, str], where: str) -> str:
    def fragment(match: re.Match) -> str:
        if match.group(1) not in fragments:
            raise ValueError(f"{where}: unknown fragment {match.group(0)}")
        return fragments[match.group(1)]

    return _FRAGMENT.sub(fragment, pattern)


def load_fragments(path: Path = FRAGMENTS) -> dict[str, str]:
    """Named regex fragments (name, pattern, meaning); a fragment may use one named above it."""
    fragments: dict[str, str] = {}
    for number, (name, pattern, _meaning) in _data_rows(path, 3):
        where = _where(path, number)
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name) or name in fragments:
            raise ValueError(f"{where}: fragment names are unique and in capitals: {name}")
        fragments[name] = _compiled(_expand(pattern, fragments, where), where)
    return fragments


def load_type_order(path: Path = TYPE_ORDER) -> tuple[str, ...]:
    """The event types in priority order (type, what it covers)."""
    types = tuple(kind for _, (kind, _covers) in _data_rows(path, 2))
    if len(set(types)) != len(types):
        raise ValueError(f"{path.name}: a type is listed twice")
    return types


@dataclass(frozen=True)
class PatternRow:
    """One row of a pattern file: its place, language, pattern (fragments expanded), example."""

    where: str
    language: str
    pattern: str
    example: str


def load_patterns(path: Path, fragments: dict[str, str]) -> tuple[PatternRow, ...]:
    """The rows of a pattern file (language, pattern, example sentence), each pattern checked
    on its own: a known language, known fragments, a regex that compiles."""
    rows = []
    for number, (language, pattern, example) in _data_rows(path, 3):
        where = _where(path, number)
        if language not in LANGUAGES:
            raise ValueError(f"{where}: unknown language {language!r}, expected zh or en")
        expanded = _compiled(_expand(pattern, fragments, where), where)
        rows.append(PatternRow(where, language, expanded, example))
    return tuple(rows)


def row_pattern(row: PatternRow) -> str:
    """The pattern of one row on its own: an English one is a whole word or phrase."""
    return rf"\b(?:{row.pattern})\b" if row.language == "en" else row.pattern


def joined(rows: tuple[PatternRow, ...]) -> str:
    """One pattern for a file's rows: the Chinese alternatives in file order, then the English
    ones in a single group on word bounds."""
    chinese = [row.pattern for row in rows if row.language == "zh"]
    english = [row.pattern for row in rows if row.language == "en"]
    if english:
        chinese.append(r"\b(?:" + "|".join(english) + r")\b")
    return "|".join(chinese)


def load_trigger_tables(
    directory: Path = TRIGGER_DIR, order: Path = TYPE_ORDER, fragments: Path = FRAGMENTS
) -> tuple[tuple[str, tuple[PatternRow, ...]], ...]:
    """Each event type in priority order with the rows of its file; a file of a type the order
    does not list, or a listed type without a file, is refused."""
    types = load_type_order(order)
    shared = load_fragments(fragments)
    unknown = sorted(path.stem for path in directory.glob("*.tsv") if path.stem not in types)
    if unknown:
        raise ValueError(f"{directory.name}/{unknown[0]}.tsv: unknown type, not in {order.name}")
    missing = [kind for kind in types if not (directory / f"{kind}.tsv").is_file()]
    if missing:
        raise ValueError(f"{order.name}: type {missing[0]} has no file {directory.name}/")
    return tuple((kind, load_patterns(directory / f"{kind}.tsv", shared)) for kind in types)


@dataclass(frozen=True)
class VocabularyRow:
    event_type: str
    language: str
    phrase: str
    example: str


def load_vocabulary(
    path: Path = VOCABULARY, types: tuple[str, ...] | None = None
) -> tuple[VocabularyRow, ...]:
    """The rows of a phrase file: type, language (en, zh), phrase, example sentence; a line
    starting with # is a comment. With `types`, a row of another type is refused."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not all(field.strip() for field in fields):
            raise ValueError(f"{path.name}:{number}: expected type, language, phrase, example")
        row = VocabularyRow(*(field.strip() for field in fields))
        if types is not None and row.event_type not in types:
            raise ValueError(f"{path.name}:{number}: unknown type {row.event_type}")
        rows.append(row)
    return tuple(rows)


def phrase_pattern(row: VocabularyRow) -> str:
    """The pattern of one phrase in folded text: literal, any run of spaces for a space,
    English phrases on word bounds."""
    phrase = re.escape(fold_text(row.phrase).casefold()).replace(r"\ ", r"\s+")
    return rf"\b{phrase}\b" if row.language == "en" else phrase


def _with_vocabulary(kind: str, pattern: str, rows: tuple[VocabularyRow, ...]) -> str:
    extra = [phrase_pattern(row) for row in rows if row.event_type == kind]
    return "|".join([pattern, *extra]) if extra else pattern


TRIGGER_TABLES = load_trigger_tables()
TYPES = tuple(kind for kind, _ in TRIGGER_TABLES)
_ROWS = load_vocabulary(VOCABULARY, TYPES)

# In priority order: the first type whose vocabulary matches a clause is the clause's type.
# "approval", "listing", "production", "trial" and "rules" are happenings the API calls `other`.
TRIGGERS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (kind, gated(_with_vocabulary(kind, joined(rows), _ROWS))) for kind, rows in TRIGGER_TABLES
)


def trigger_type(folded: str) -> str | None:
    """The type whose vocabulary first matches folded text, in priority order; the words
    alone, before the checks of `classification` (negation, pending approval…)."""
    return next((kind for kind, pattern in TRIGGERS if pattern.search(folded)), None)


def load_cue(name: str, directory: Path = CUE_DIR) -> tuple[PatternRow, ...]:
    """The rows of one word list that is no event type: reported, forecast, hedge."""
    return load_patterns(directory / f"{name}.tsv", load_fragments())


# Words that make a clause a report of somebody else's claim, not the writer's own.
REPORTED = gated(joined(load_cue("reported")))
# Forecasts and plans: an event that has not happened is not on the timeline.
FORECAST = gated(joined(load_cue("forecast")))
# Conditionals and guesses.
HEDGE = gated(joined(load_cue("hedge")))

# "超过/超越/surpassed" are rankings only when another actor follows: "超过了文心一言".
OVERTAKE = re.compile(
    r"超过了?|超越了?|" + words("surpass(?:ed|es)", "overtook", "overtakes", "outranked")
)
# A reported "投资" or "invests" with no other trigger: a planned investment.
INVEST = re.compile(r"(?<!融)投(?:资)?\s*\d|" + words("invest(?:s|ed|ing)?"))

# Any word that can give a clause a type: a clause without one is not read further. The
# lookahead admits only characters some trigger can start with, so most positions are
# rejected at once.
_ANY = "|".join(
    f"(?:{pattern.pattern})" for pattern in [*(p for _, p in TRIGGERS), OVERTAKE, INVEST]
)
ANY_TRIGGER = gated(_ANY)
# The characters each type's words can start with: a clause with none of them is not
# scanned for that type.
TRIGGER_STARTS: tuple[frozenset[str] | None, ...] = tuple(
    first_characters(pattern.pattern) for _, pattern in TRIGGERS
)


@dataclass(frozen=True)
class Trigger:
    """The words that gave a span its type, and whether the span reports someone else's claim."""

    event_type: str
    start: int
    end: int
    reported: bool
