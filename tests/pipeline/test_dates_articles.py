"""The date normalizer on the demo articles and on the labelled set of benchmarks/.

Labels give text, start, end and precision; cases written since the set began also give
the qualifier, which is then checked too.
"""

import itertools
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from timeline.pipeline.dates import find_dates, infer_reference_date, parse_reference

ROOT = Path(__file__).resolve().parents[2]
LABELLED = ROOT / "benchmarks" / "labelled" / "dates.jsonl"
CASES = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line]
# Everyday news forms (weekdays, weeks, offsets, fiscal years, holidays, ranges, short forms)
# in the three scripts, with durations as negatives; every mention labels its qualifier.
FORMS = ROOT / "benchmarks" / "labelled" / "dates_forms.jsonl"
FORM_CASES = [json.loads(line) for line in FORMS.read_text(encoding="utf-8").splitlines() if line]


def _keys(mentions) -> Counter:
    return Counter(
        (m.text, m.start and m.start.isoformat(), m.end and m.end.isoformat(), m.precision)
        for m in mentions
    )


def _expected(case) -> Counter:
    return Counter((e["text"], e["start"], e["end"], e["precision"]) for e in case["expected"])


def _mentions(case):
    reference = parse_reference(case["ref"]) if case["ref"] else None
    return find_dates(case["text"], reference=reference).mentions


def _found(case) -> Counter:
    return _keys(_mentions(case))


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if case["origin"].startswith("article")],
    ids=lambda case: case["text"][:24],
)
def test_every_date_of_the_demo_articles(case, article_text):
    prefix = case["origin"].split()[1]
    assert case["text"] in article_text(prefix) or case["text"].startswith("published:")
    assert _found(case) == _expected(case)


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if case["origin"] == "written"],
    ids=lambda case: case["text"][:24],
)
def test_every_written_case(case):
    mentions = _mentions(case)
    assert _keys(mentions) == _expected(case)
    qualifiers = {m.text: m.qualifier for m in mentions}
    for expected in case["expected"]:
        if "qualifier" in expected:
            assert qualifiers[expected["text"]] == expected["qualifier"], expected["text"]


@pytest.mark.parametrize("case", FORM_CASES, ids=lambda case: f"{case['lang']} {case['text'][:24]}")
def test_every_everyday_form(case):
    mentions = _mentions(case)
    assert _keys(mentions) == _expected(case)
    assert sorted((m.text, m.qualifier) for m in mentions) == sorted(
        (e["text"], e["qualifier"]) for e in case["expected"]
    )


def test_everyday_forms_cover_the_three_scripts_and_durations():
    languages = {case["lang"] for case in FORM_CASES}
    negatives = [case for case in FORM_CASES if case["origin"] == "forms: negative"]
    assert languages == {"zh-Hans", "zh-Hant", "en"}
    assert len(FORM_CASES) >= 200
    assert {case["lang"] for case in negatives} == languages


def test_labelled_set_quality():
    correct = found = expected = 0
    for case in CASES:
        wanted, got = _expected(case), _found(case)
        correct += sum((wanted & got).values())
        found += sum(got.values())
        expected += sum(wanted.values())
    assert expected >= 350
    assert correct / found >= 0.97
    assert correct / expected >= 0.97


@pytest.mark.parametrize(
    ("prefix", "start", "end", "precision"),
    [
        ("002", date(2025, 1, 1), date(2025, 1, 31), "month"),
        ("003", date(2025, 5, 1), date(2025, 8, 31), "part"),
        ("004", date(2024, 5, 1), date(2024, 8, 31), "part"),
    ],
)
def test_inferred_reference_of_undated_articles(article_text, prefix, start, end, precision):
    reference = infer_reference_date(article_text(prefix))
    assert (reference.start, reference.end, reference.precision) == (start, end, precision)
    assert reference.basis == "inferred"


def test_inferred_reference_dates_the_relative_expressions(article_text):
    text = article_text("002")
    scan = find_dates(text, reference=infer_reference_date(text))
    last_may = next(m for m in scan.mentions if m.text == "去年5月")
    assert (last_may.start, last_may.end) == (date(2024, 5, 1), date(2024, 5, 31))
    assert last_may.anchor.as_dict() == {"date": "2025-01", "basis": "inferred"}


def test_article_mentions_are_ordered_and_disjoint(article_text):
    for prefix in ("000", "001", "002", "003", "004"):
        text = article_text(prefix)
        mentions = find_dates(text, reference=parse_reference("2025-01-07")).mentions
        assert mentions
        for mention in mentions:
            assert text[mention.char_start : mention.char_end] == mention.text
        for before, after in itertools.pairwise(mentions):
            assert before.char_end <= after.char_start


def test_spam_block_of_article_001_has_no_dates(article_text):
    text = article_text("001")
    spam = text[text.index("题图来源") :]
    assert "3天前" in spam
    assert find_dates(spam, reference=parse_reference("2025-01-07")).mentions == ()
