"""Trigger vocabularies kept as data: every row's example is read as its type, and a broken
file is refused with its name and line."""

import re

import pytest

from timeline.pipeline.actors import fold_text
from timeline.pipeline.happening_subjects import AGENT_NOUN
from timeline.pipeline.triggers import (
    FORECAST,
    HEDGE,
    REPORTED,
    TRIGGER_TABLES,
    TRIGGERS,
    TYPES,
    VocabularyRow,
    load_cue,
    load_fragments,
    load_patterns,
    load_trigger_tables,
    load_type_order,
    load_vocabulary,
    phrase_pattern,
    row_pattern,
    trigger_type,
)
from timeline.pipeline.undated_clauses import AT_ONCE

ROWS = load_vocabulary()
PATTERNS = dict(TRIGGERS)
TYPE_ROWS = [(kind, row) for kind, rows in TRIGGER_TABLES for row in rows]
CUES = {
    "reported": REPORTED,
    "forecast": FORECAST,
    "hedge": HEDGE,
    "at_once": AT_ONCE,
    "agent_nouns": AGENT_NOUN,
}
CUE_ROWS = [(name, row) for name in CUES for row in load_cue(name)]


def _folded(text: str) -> str:
    return fold_text(text).casefold()


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.event_type}-{row.phrase}")
def test_each_row_gives_its_example_its_type(row):
    assert row.event_type in PATTERNS
    folded = _folded(row.example)
    assert PATTERNS[row.event_type].search(folded)
    # The phrase itself is what matches, in either script.
    assert re.search(phrase_pattern(row), folded)


@pytest.mark.parametrize(("kind", "row"), TYPE_ROWS, ids=lambda value: getattr(value, "where", ""))
def test_each_pattern_row_reads_its_example_as_its_type(kind, row):
    folded = _folded(row.example)
    # The row's own pattern matches, and no type before its own in the order claims the example.
    assert re.search(row_pattern(row), folded)
    assert trigger_type(folded) == kind


@pytest.mark.parametrize(("name", "row"), CUE_ROWS, ids=lambda value: getattr(value, "where", ""))
def test_each_cue_row_matches_its_example(name, row):
    folded = _folded(row.example)
    assert re.search(row_pattern(row), folded)
    assert CUES[name].search(folded)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Priority order: a denial that names a controversy is a denial.
        ("The brewer denied the allegations in May.", "denial"),
        ("港口集团否认数据泄露。", "denial"),
        # Fragments expand: {SITES} after a count, {TITLES} after "became".
        ("The grocer shuttered 12 rural stores in 2023.", "restructuring"),
        ("Ines Moreau became the first director of the museum in 2019.", "personnel"),
        # "raised" with prices after it is no funding ({NOT_MONEY}).
        ("The ferry line raised its summer fares.", "pricing"),
        ("The ferry line raised $3 million.", "funding"),
        # Words inside longer words do not fire.
        ("The leftover stock was small.", None),
    ],
)
def test_tables_read_in_priority_order(text, kind):
    assert trigger_type(_folded(text)) == kind


def test_every_type_has_a_file_in_the_order():
    assert load_type_order() == TYPES
    assert TYPES[-1] == "statement"
    assert all(rows for _, rows in TRIGGER_TABLES)


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path):
    """A small vocabulary tree: two types, one fragment."""
    _write(tmp_path / "order.tsv", "# order\nfunding\tmoney\nrelease\tproducts\n")
    _write(tmp_path / "fragments.tsv", "MONEY\t(?:cash|funds)\tmoney words\n")
    _write(tmp_path / "triggers" / "funding.tsv", "en\traised {MONEY}\tIt raised cash.\n")
    _write(tmp_path / "triggers" / "release.tsv", "zh\t发布\t它发布了新品。\n")
    return tmp_path


def _load(root):
    return load_trigger_tables(root / "triggers", root / "order.tsv", root / "fragments.tsv")


def test_a_small_tree_loads_in_its_order_with_fragments_expanded(data):
    tables = _load(data)
    assert [kind for kind, _ in tables] == ["funding", "release"]
    assert tables[0][1][0].pattern == "raised (?:cash|funds)"
    assert tables[0][1][0].where == "triggers/funding.tsv:1"


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        ("triggers/funding.tsv", "en\traised {CASH}\tIt raised.\n", r"funding\.tsv:1.*\{CASH\}"),
        ("triggers/funding.tsv", "# c\nen\traised (cash\tIt raised.\n", r"funding\.tsv:2.*regex"),
        ("triggers/funding.tsv", "fr\tlevé\tIl a levé.\n", r"funding\.tsv:1.*language"),
        ("triggers/funding.tsv", "en\traised\n", r"funding\.tsv:1.*fields"),
        ("triggers/merger.tsv", "en\tmerged\tThey merged.\n", r"merger\.tsv.*unknown type"),
        ("order.tsv", "funding\tmoney\nrelease\tproducts\ntrial\ttrials\n", r"trial has no file"),
        ("fragments.tsv", "MONEY\t(?:cash\tmoney words\n", r"fragments\.tsv:1.*regex"),
    ],
)
def test_a_broken_file_is_refused_with_its_name_and_line(data, file, text, message):
    _write(data / file, text)
    with pytest.raises(ValueError, match=message):
        _load(data)


def test_a_fragment_may_use_one_defined_above_it(tmp_path):
    path = _write(tmp_path / "fragments.tsv", "A\t(?:x|y)\tone\nB\t{A}z\ttwo\n")
    assert load_fragments(path) == {"A": "(?:x|y)", "B": "(?:x|y)z"}


def test_english_rows_join_on_word_bounds_after_chinese_ones(data):
    _write(data / "triggers" / "release.tsv", "en\tlaunched\tX launched Y.\nzh\t发布\t发布。\n")
    rows = load_patterns(data / "triggers" / "release.tsv", {})
    assert [row_pattern(row) for row in rows] == [r"\b(?:launched)\b", "发布"]
    release = dict(_load(data))["release"]
    assert [row.language for row in release] == ["en", "zh"]


def test_a_malformed_row_is_refused(tmp_path):
    path = tmp_path / "triggers.tsv"
    path.write_text("# comment\nrelease\tzh\t上架\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"triggers\.tsv:2"):
        load_vocabulary(path)


def test_a_phrase_of_an_unknown_type_is_refused(tmp_path):
    path = tmp_path / "triggers.tsv"
    path.write_text("merger\ten\tteamed\tThey teamed.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"triggers\.tsv:1: unknown type merger"):
        load_vocabulary(path, TYPES)


def test_rows_are_read_with_comments_and_blank_lines_skipped(tmp_path):
    path = tmp_path / "triggers.tsv"
    path.write_text("# c\n\nfunding\ten\ttook a stake\tX took a stake in Y.\n", encoding="utf-8")
    assert load_vocabulary(path) == (
        VocabularyRow("funding", "en", "took a stake", "X took a stake in Y."),
    )
