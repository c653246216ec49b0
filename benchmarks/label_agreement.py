"""How far two analysts agree on a set's events, and how the extractor scores against each.

    python benchmarks/label_agreement.py --set blind7 [--set blind8]

A blind set's ``events.json`` holds one analyst's labels. ``agreement/SET.json`` holds a second
analyst's, made independently from the same articles under the same written instructions,
without seeing the first. Both are scored with ``heldout_quality.py``'s matching rule, so the
figures read like the extractor's:

* **second against first**: each second label is treated as a claim. It matches a first label
  when its interval equals the label's, its quote overlaps the label's quote in the article,
  and one of its actors is the label's main actor by name or alias (``alias_key``). Recall is
  first labels matched over first labels; precision is second labels that match over second
  labels. This is the recall and precision an extractor would score if it wrote exactly what
  the second analyst wrote.
* **first against second**: the same with the roles exchanged.
* **main to main**: as the first row, but only the second label's main actor counts, not any of
  its actors (stricter than the claims' rule).
* **extractor against first / against second**: ``extract_article`` with no gazetteer (mode B),
  scored by ``heldout_quality.score_article`` against each analyst's labels.

For the first labels the second analyst missed, the kind of disagreement is counted:
``unlisted`` (no second label on the quote at all), ``actor`` (a second label on it with the same
interval and another main actor), ``date`` (the main actor, another interval), ``both``.

Only totals are printed, per language and overall: no article's labels are shown.
"""

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

import heldout_quality as hq  # noqa: E402  (puts the repository root on sys.path)

from timeline.pipeline.actors import ActorMatcher  # noqa: E402
from timeline.pipeline.reading import read_article  # noqa: E402

AGREEMENT = BENCHMARKS / "agreement"


@dataclass(frozen=True)
class Label:
    span: tuple[int, int]
    interval: tuple[str, str]
    main: frozenset[str]
    every: frozenset[str]


@dataclass
class Agreement:
    labels: int = 0
    found: int = 0
    claims: int = 0
    correct: int = 0
    unlisted: int = 0
    actor: int = 0
    date: int = 0
    both: int = 0

    def add(self, other: "Agreement") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> str:
        recall = self.found / self.labels if self.labels else 0.0
        precision = self.correct / self.claims if self.claims else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (
            f"{name:<9} {recall:6.2f} {precision:6.2f} {f1:6.2f}"
            f"  {self.found}/{self.labels} {self.correct}/{self.claims}"
            f"  {self.unlisted:>8} {self.actor:>6} {self.date:>6} {self.both:>6}"
        )


def _labels(events: list[dict], text: str, article: str) -> list[Label]:
    return [
        Label(
            span=hq._span(text, event["quote_contains"], article),
            interval=(event["start"], event["end"]),
            main=hq._actor_keys(event["actors"][0]),
            every=frozenset().union(*(hq._actor_keys(actor) for actor in event["actors"])),
        )
        for event in events
    ]


def compare(reference: list[Label], other: list[Label], *, any_actor: bool) -> Agreement:
    """``other`` scored as claims against ``reference`` as labels."""
    result = Agreement(labels=len(reference), claims=len(other))
    matched: set[int] = set()
    for item in other:
        names = item.every if any_actor else item.main
        hits = [
            index
            for index, label in enumerate(reference)
            if item.interval == label.interval
            and hq._overlaps(item.span, label.span)
            and names & label.main
        ]
        if hits:
            result.correct += 1
            matched.update(hits)
    result.found = len(matched)
    for index, label in enumerate(reference):
        if index in matched:
            continue
        near = [item for item in other if hq._overlaps(item.span, label.span)]
        if not near:
            result.unlisted += 1
        elif any(item.interval == label.interval for item in near):
            result.actor += 1
        elif any((item.every if any_actor else item.main) & label.main for item in near):
            result.date += 1
        else:
            result.both += 1
    return result


def _extractor(article: str, events: list[dict], non_events: list[dict]) -> Agreement:
    tally = hq.score_article(article, events, non_events, ActorMatcher([]), {}).tally
    return Agreement(
        labels=tally.labels,
        found=tally.found,
        claims=tally.claims,
        correct=tally.correct,
        unlisted=tally.missed_unread,
        actor=tally.missed_actor,
        date=tally.missed_date,
        both=tally.missed_both,
    )


def _by_article(events: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for event in events:
        grouped.setdefault(event["article"], []).append(event)
    return grouped


def run(name: str, with_extractor: bool) -> None:
    first, first_furniture = hq.load_labels(hq.SETS[name])
    path = AGREEMENT / f"{name}.json"
    if not path.exists():
        raise SystemExit(f"{path}: no second analyst's labels for {name}")
    second_file = json.loads(path.read_text(encoding="utf-8"))
    second = second_file["events"]
    first_by, second_by = _by_article(first), _by_article(second)
    unknown = sorted(set(second_by) - set(first_by))
    if unknown:
        raise SystemExit(f"{path}: articles the set does not label: {', '.join(unknown)}")
    rows = {
        "second against first": {},
        "first against second": {},
        "main to main": {},
    }
    if with_extractor:
        rows["extractor against first"] = {}
        rows["extractor against second"] = {}
    for table in rows.values():
        for group in (*hq.LANGUAGES, "all"):
            table[group] = Agreement()
    for article in sorted(first_by):
        text = read_article(hq.ROOT / article).text
        a = _labels(first_by[article], text, article)
        try:
            b = _labels(second_by.get(article, []), text, article)
        except SystemExit as error:  # the second file's quote is not in the article
            raise SystemExit(f"{path}: {error}") from None
        results = {
            "second against first": compare(a, b, any_actor=True),
            "first against second": compare(b, a, any_actor=True),
            "main to main": compare(a, b, any_actor=False),
        }
        if with_extractor:
            results["extractor against first"] = _extractor(
                article, first_by[article], [i for i in first_furniture if i["article"] == article]
            )
            results["extractor against second"] = _extractor(
                article, second_by.get(article, []), []
            )
        for row, result in results.items():
            for group in (hq._language(article), "all"):
                rows[row][group].add(result)
    print(
        f"\nAGREEMENT, {name}/: {len(first_by)} articles, first analyst {len(first)} labels,"
        f" second analyst {len(second)} labels"
    )
    for row, table in rows.items():
        print(f"\n{row}")
        print(
            f"{'language':<9} {'R':>6} {'P':>6} {'F1':>6}  found/labels correct/claims"
            f"  {'unlisted':>8} {'actor':>6} {'date':>6} {'both':>6}"
        )
        for group in (*hq.LANGUAGES, "all"):
            print(table[group].row(group))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    known = sorted(path.stem for path in AGREEMENT.glob("*.json")) if AGREEMENT.exists() else []
    parser.add_argument("--set", choices=known or None, action="append", help="default: all")
    parser.add_argument(
        "--no-extractor", action="store_true", help="compare the analysts only (faster)"
    )
    options = parser.parse_args()
    for name in options.set or known:
        run(name, not options.no_extractor)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
