"""The learned clause gate: its model file, its candidates and what it must never claim.

The candidates are the dated clauses no reading claimed (`last_resort`); the gate is a
logistic model read as data (`vocabulary/clause_gate.json`, written by
`benchmarks/train_gate.py`). The shipped model is off by default, as it did not pay on the
leave-one-set-out measure (benchmarks/README.md, "A learned gate, tried"); the non-events
below are checked with its weights switched on all the same. Every sentence is written for
these tests, in English and both Chinese scripts."""

import json
import math
import re

import pytest

from timeline.pipeline import last_resort
from timeline.pipeline.clause_gate import SHIPPED, active_model, read_model
from timeline.pipeline.recogniser import slug_for

FEATURE_NAME = re.compile(
    r"(?:lang|tier|kind|precision|date_at|len|trigger|cue|guard)=[\w-]+"
    r"|(?:verb|word|bigram)#\d+"
    r"|actor_before_date|beside|counted|curated|discovered|first_choice|guarded|relative"
    r"|this_period|weekday"
)


def test_the_shipped_model_is_well_formed():
    text = SHIPPED.read_text(encoding="utf-8")
    data = json.loads(text)
    assert set(data) == {"bias", "enabled", "lexical", "threshold", "weights"}
    # Written sorted, one way only: the training command rebuilds it byte for byte.
    assert text == json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    model = read_model(SHIPPED)
    assert 0.0 < model.threshold < 1.0
    assert model.weights
    for name, weight in model.weights.items():
        assert FEATURE_NAME.fullmatch(name), name
        assert math.isfinite(weight) and weight != 0.0


def test_the_gate_is_off_by_default(monkeypatch, extraction_of):
    monkeypatch.delenv("TIMELINE_CLAUSE_GATE", raising=False)
    assert active_model() is None
    text = "Bellweather Rail's night service from Orton was cut in March."
    assert not extraction_of(text).claims


@pytest.mark.parametrize(
    "text, start, actor",
    [
        # Dated clauses no reading claims today, with an actor the tiers find.
        (
            "Bellweather Rail's night service from Orton was cut in March.",
            "2025-03-01",
            "Bellweather Rail",
        ),
        ("去年8月，楓林村的古橋被洪水沖毀。", "2024-08-01", "楓林村"),
        ("本月初，荔湾渡輪碼頭的舊浮橋被拖走。", "2025-06-01", "荔湾渡輪碼頭"),
    ],
)
def test_a_dated_clause_no_reading_claimed_is_a_candidate(extraction_of, text, start, actor):
    with last_resort.collecting() as seen:
        extraction = extraction_of(text)
    assert not extraction.claims
    found = [(str(claim.date.start), claim.actors[0][0]) for claim, _f, _s in seen.candidates]
    assert (start, slug_for(actor)) in found


@pytest.mark.parametrize(
    "text",
    [
        # A forecast.
        "Analysts expect Drayfield Mills to raise prices next month.",
        "业内人士预计，嘉川水泥下月将再次提价。",
        # A comparison with an earlier date.
        "Profits at Ousel Foods were higher than in 2022.",
        "禾田物流今年的订单量明显少于去年。",
        # A state at a date.
        "The Brisk Valley reservoir was full in April.",
        "青岚水库今年4月仍处于枯水期。",
        # A plan in the current month.
        "Corlan Water plans to replace the old pipes this month.",
        "翠灣巴士公司計劃本月更換全部舊車。",
        # A judgement.
        "Critics said the Marlpit Theatre's choice last week was a mistake.",
        # An age.
        "In 2020 the Wrenfield Choir's founder was 80 years old.",
    ],
)
def test_the_gate_claims_no_non_event(monkeypatch, extraction_of, text):
    monkeypatch.setenv("TIMELINE_CLAUSE_GATE", str(SHIPPED))
    assert [claim.quote for claim in extraction_of(text).claims] == []


@pytest.mark.parametrize(
    "text",
    [
        "Bellweather Rail's night service from Orton was cut in March.",
        "去年8月，楓林村的古橋被洪水沖毀。",
    ],
)
def test_the_features_of_a_clause_are_the_same_every_time(extraction_of, text):
    runs = []
    for _ in range(2):
        with last_resort.collecting() as seen:
            extraction_of(text)
        runs.append([(span, names) for _claim, names, span in seen.candidates])
    assert runs[0] == runs[1]
    assert runs[0]
    for _span, names in runs[0]:
        assert names == sorted(set(names))
