"""Trigger vocabularies kept as data: every row's example is read as its type."""

import re

import pytest

from timeline.pipeline.actors import fold_text
from timeline.pipeline.triggers import TRIGGERS, VocabularyRow, load_vocabulary, phrase_pattern

ROWS = load_vocabulary()
PATTERNS = dict(TRIGGERS)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.event_type}-{row.phrase}")
def test_each_row_gives_its_example_its_type(row):
    assert row.event_type in PATTERNS
    folded = fold_text(row.example).casefold()
    assert PATTERNS[row.event_type].search(folded)
    # The phrase itself is what matches, in either script.
    assert re.search(phrase_pattern(row), folded)


def test_a_malformed_row_is_refused(tmp_path):
    path = tmp_path / "triggers.tsv"
    path.write_text("# comment\nrelease\tzh\t上架\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"triggers\.tsv:2"):
        load_vocabulary(path)


def test_rows_are_read_with_comments_and_blank_lines_skipped(tmp_path):
    path = tmp_path / "triggers.tsv"
    path.write_text("# c\n\nfunding\ten\ttook a stake\tX took a stake in Y.\n", encoding="utf-8")
    assert load_vocabulary(path) == (
        VocabularyRow("funding", "en", "took a stake", "X took a stake in Y."),
    )
