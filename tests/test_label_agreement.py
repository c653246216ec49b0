"""The agreement score between two analysts' labels (``benchmarks/label_agreement.py``)."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import heldout_quality
import label_agreement
from label_agreement import Label, compare


def label(start, end, interval, main, *others):
    names = frozenset({main, *others})
    return Label(span=(start, end), interval=interval, main=frozenset({main}), every=names)


MAY = ("2024-05-01", "2024-05-31")
JUNE = ("2024-06-01", "2024-06-30")
MILL = label(0, 20, MAY, "mill")
SHARED = label(0, 20, MAY, "union", "mill")


@pytest.mark.parametrize(
    ("reference", "other", "any_actor", "expected"),
    [
        # The same happening, quoted a little differently: one match each way.
        ([label(0, 20, MAY, "mill")], [label(5, 30, MAY, "mill")], True, (1, 1, 0, 0, 0, 0)),
        # Nothing on the first label's quote: the second analyst did not list it.
        ([label(0, 20, MAY, "mill")], [label(40, 60, MAY, "mill")], True, (0, 0, 1, 0, 0, 0)),
        # Same quote and interval, another main actor: an actor disagreement.
        ([label(0, 20, MAY, "mill")], [label(0, 20, MAY, "union")], True, (0, 0, 0, 1, 0, 0)),
        # Same quote and actor, another interval: a date disagreement.
        ([label(0, 20, MAY, "mill")], [label(0, 20, JUNE, "mill")], True, (0, 0, 0, 0, 1, 0)),
        # The first label's main actor is only the second label's other actor: the claims'
        # rule counts it, main to main does not.
        ([MILL], [SHARED], True, (1, 1, 0, 0, 0, 0)),
        ([MILL], [SHARED], False, (0, 0, 0, 1, 0, 0)),
        # Two second labels on one happening: both correct, one label found.
        (
            [label(0, 20, MAY, "mill")],
            [label(0, 10, MAY, "mill"), label(10, 20, MAY, "mill")],
            True,
            (1, 2, 0, 0, 0, 0),
        ),
    ],
)
def test_second_labels_scored_as_claims(reference, other, any_actor, expected):
    result = compare(reference, other, any_actor=any_actor)
    assert result.labels == len(reference)
    assert result.claims == len(other)
    found = (result.found, result.correct, result.unlisted, result.actor, result.date, result.both)
    assert found == expected


def test_a_second_label_whose_quote_is_not_in_its_article_is_named_with_its_file(
    tmp_path, monkeypatch
):
    labels = json.loads((heldout_quality.SETS["blind6"] / "events.json").read_text("utf-8"))
    labels["events"][0]["quote_contains"] = "words no article holds"
    (tmp_path / "blind6.json").write_text(json.dumps(labels), encoding="utf-8")
    monkeypatch.setattr(label_agreement, "AGREEMENT", tmp_path)

    with pytest.raises(SystemExit) as stopped:
        label_agreement.run("blind6", with_extractor=False)

    message = str(stopped.value)
    assert str(tmp_path / "blind6.json") in message
    assert "'words no article holds'" in message
