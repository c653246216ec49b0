"""Train the learned clause gate from the labelled sets, and measure it leaving one set out.

    python benchmarks/train_gate.py                 # rebuild vocabulary/clause_gate.json
    python benchmarks/train_gate.py --loso          # the leave-one-set-out table, per config
    python benchmarks/train_gate.py --loso-models DIR
        # one model file per held-out set, DIR/without_SET.json, for
        # TIMELINE_CLAUSE_GATE=DIR/without_SET.json heldout_quality.py --set SET
    python benchmarks/train_gate.py --stops         # where missed labels stop (counts only)

`--groups base+verb --c 0.3 --threshold 0.5` try another setting than the shipped one;
`--cache FILE` keeps the collected candidates between runs.

Training data is made by this script, never by eye. Every article of the six labelled sets
(`heldout`, `blind` … `blind5`, no gazetteer, as `heldout_quality.py --mode B` reads them)
and of the demo's labels (`labelled/events.json`, with the gazetteers `event_quality.py`
uses) is extracted while `last_resort.collecting()` records each candidate: a dated clause
no reading claimed, with a usable past date, once per actor its tiers offer, with its
features (the untyped reading's guards among them). A candidate is positive when
`heldout_quality.py` would count its claim correct: its date interval equals a label's, its
quote overlaps the label's quote, and one of its actors is the label's main actor by name
or alias. For the demo, when its interval equals a label's and its actors include the
label's known actors (the type is not asked: a candidate is always `other`). Nothing is
printed of an article's sentences or labels, so the closed half of `blind5` stays closed.

The model is scikit-learn's logistic regression (training only: the app reads the weights
as data). Features seen in fewer than `MIN_COUNT` training candidates are dropped. The
leave-one-set-out figure: for each set S, train on the other five and the demo, and add, per
clause, the likeliest candidate of S the model passes to the claims the pipeline makes with
the gate off; recall, precision and F1 per language, as `heldout_quality.py` computes them
(the effect of a new claim on later sentences' readings is left out here; the real runs
include it). A last column gives a perfect gate: every right candidate and no wrong one.
"""

import argparse
import json
import pickle
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

import heldout_quality as hq  # noqa: E402  (puts the repository root on sys.path)

from timeline.pipeline import last_resort  # noqa: E402
from timeline.pipeline.actors import ActorMatcher, alias_key, load_gazetteer  # noqa: E402
from timeline.pipeline.clause_gate import SHIPPED  # noqa: E402
from timeline.pipeline.extract import extract_article  # noqa: E402
from timeline.pipeline.manifest import load_manifest  # noqa: E402
from timeline.pipeline.reading import read_article  # noqa: E402

ROOT = BENCHMARKS.parent
SETS = ("heldout", "blind", "blind2", "blind3", "blind4", "blind5")
DEMO = "demo"
DEMO_LABELS = BENCHMARKS / "labelled" / "events.json"
DEMO_ACTORS = BENCHMARKS / "labelled" / "actors.json"
MANIFEST = ROOT / "fixtures" / "articles" / "sources.json"

# The shipped model's settings, chosen by the leave-one-set-out table (`--loso`), never by
# a set's own score. `ENABLED` is whether the pipeline uses the gate by default.
GROUPS = ("base", "verb", "word", "bigram")
C = 1.0
THRESHOLD = 0.8
MIN_COUNT = 3
ENABLED = False

# Why missed labels gave no candidate: (set, reasons) → count.
STOPS: Counter = Counter()

# Feature groups, by the prefix of their names; "base" is everything else.
_GROUP_PREFIXES = {"verb": "verb#", "word": "word#", "bigram": "bigram#"}


@dataclass
class Row:
    """One candidate: where it came from, its features, and which labels it would match."""

    set: str
    article: str
    language: str
    features: list[str]
    hits: frozenset[int]
    # The clause it reads, (article, start): the gate keeps one actor per clause.
    clause: tuple[str, int] = ("", 0)


@dataclass
class Base:
    """What the pipeline makes with the gate off, per set and language."""

    labels: int = 0
    claims: int = 0
    correct: int = 0
    found: set = field(default_factory=set)


def _group(name: str) -> str:
    for group, prefix in _GROUP_PREFIXES.items():
        if name.startswith(prefix):
            return group
    return "base"


def _collect_set(name: str, rows: list[Row], base: dict) -> None:
    folder = hq.SETS[name]
    events, _non_events = hq.load_labels(folder)
    matcher = ActorMatcher([])
    by_article: dict[str, list[dict]] = {}
    for event in events:
        by_article.setdefault(event["article"], []).append(event)
    for article_path in sorted(by_article):
        language = hq._language(article_path)
        article = read_article(ROOT / article_path)
        with last_resort.collecting() as collected:
            extraction = extract_article(article, matcher=matcher)
        text = article.text
        # The names of every actor a claim or a candidate links: a candidate's own
        # discovered actor is in no extraction's `discovered`, since no claim links it, and
        # would be when the gate claims it.
        entries = [*collected.entries.values(), *getattr(extraction, "discovered", ())]
        known = {
            entry.slug: frozenset(alias_key(n) for n in (entry.name, *entry.aliases))
            for entry in entries
        }
        labelled = [
            (
                hq._span(text, event["quote_contains"], article_path),
                (event["start"], event["end"]),
                hq._actor_keys(event["actors"][0]),
            )
            for event in by_article[article_path]
        ]

        def hits(claim, labelled=labelled, known=known) -> frozenset[int]:
            span, interval = (claim.char_start, claim.char_end), hq._interval(claim)
            names = hq._names(claim.actors, known)
            return frozenset(
                index
                for index, (label_span, label_interval, keys) in enumerate(labelled)
                if interval == label_interval and hq._overlaps(span, label_span) and names & keys
            )

        tally = base.setdefault((name, language), Base())
        tally.labels += len(labelled)
        for claim in extraction.claims:
            matched = hits(claim)
            tally.claims += 1
            tally.correct += bool(matched)
            tally.found.update((article_path, index) for index in matched)
        for claim, names, (start, _end) in collected.candidates:
            found = frozenset((article_path, index) for index in hits(claim))
            rows.append(Row(name, article_path, language, names, found, (article_path, start)))
        for index, (label_span, _interval, _keys) in enumerate(labelled):
            if (article_path, index) in tally.found:
                continue
            # Why a missed label's clause gave no candidate, counted only.
            reasons = {
                why
                for start, end, why in collected.stopped
                if hq._overlaps((start, end), label_span)
            }
            near = [
                claim
                for claim, _names, _span in collected.candidates
                if hq._overlaps((claim.char_start, claim.char_end), label_span)
            ]
            if near:
                dated = any(hq._interval(claim) == _interval for claim in near)
                named = any(hq._names(claim.actors, known) & _keys for claim in near)
                reasons = {
                    "candidate, "
                    + ("right date" if dated else "other date")
                    + ", "
                    + ("right actor" if named else "other actor")
                }
            STOPS[(name, " / ".join(sorted(reasons)) or "clause not reached")] += 1


def _collect_demo(rows: list[Row]) -> None:
    labels = json.loads(DEMO_LABELS.read_text(encoding="utf-8"))["articles"]
    entries = load_gazetteer(hq.GAZETTEER) + load_gazetteer(DEMO_ACTORS)
    known = frozenset(entry.slug for entry in entries)
    matcher = ActorMatcher(entries)
    manifest = load_manifest(MANIFEST)
    for article_path, expected in labels.items():
        article = read_article(ROOT / article_path, manifest=manifest)
        with last_resort.collecting() as collected:
            extract_article(article, matcher=matcher)
        for claim, names, (start, _end) in collected.candidates:
            interval = hq._interval(claim)
            slugs = {slug for slug, _role in claim.actors}
            found = frozenset(
                (article_path, index)
                for index, event in enumerate(expected)
                if (event.get("start"), event.get("end")) == interval
                and {s for s in event.get("actors", []) if s in known}
                and {s for s in event.get("actors", []) if s in known} <= slugs
            )
            rows.append(
                Row(DEMO, article_path, article.language, names, found, (article_path, start))
            )


def collect() -> tuple[list[Row], dict]:
    rows: list[Row] = []
    base: dict = {}
    for name in SETS:
        _collect_set(name, rows, base)
    _collect_demo(rows)
    return rows, base


# --- the model --------------------------------------------------------------------------------


def _kept(names: list[str], groups: tuple[str, ...]) -> list[str]:
    return [name for name in names if _group(name) in groups]


def fit(rows: list[Row], groups: tuple[str, ...], c: float) -> dict:
    """A logistic model over the rows' features, as the data the pipeline reads."""
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for row in rows for name in set(_kept(row.features, groups)))
    vocabulary = sorted(name for name, count in counts.items() if count >= MIN_COUNT)
    index = {name: number for number, name in enumerate(vocabulary)}
    from scipy.sparse import lil_matrix

    matrix = lil_matrix((len(rows), len(vocabulary)))
    for number, row in enumerate(rows):
        for name in _kept(row.features, groups):
            if name in index:
                matrix[number, index[name]] = 1.0
    target = [1 if row.hits else 0 for row in rows]
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    model.fit(matrix.tocsr(), target)
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(vocabulary, model.coef_[0], strict=True)
        if round(float(weight), 4) != 0.0
    }
    return {
        "bias": round(float(model.intercept_[0]), 4),
        "lexical": any(group in groups for group in ("word", "bigram")),
        "weights": dict(sorted(weights.items())),
    }


def probability(model: dict, names: list[str]) -> float:
    import math

    total = model["bias"] + sum(model["weights"].get(name, 0.0) for name in names)
    return 1.0 / (1.0 + math.exp(-total))


def _scores(labels: int, found: int, claims: int, correct: int) -> tuple[float, float, float]:
    recall = found / labels if labels else 1.0
    precision = correct / claims if claims else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return recall, precision, f1


def loso(rows: list[Row], base: dict, groups, c: float, thresholds) -> dict:
    """(set, language) → threshold → (R, P, F1) with the gate on; threshold None is off."""
    table: dict = {}
    for held in SETS:
        model = fit([row for row in rows if row.set != held], groups, c)
        scored = [(row, probability(model, row.features)) for row in rows if row.set == held]
        for language in hq.LANGUAGES:
            tally = base[(held, language)]
            cell = table.setdefault((held, language), {})
            cell[None] = _scores(tally.labels, len(tally.found), tally.claims, tally.correct)
            for threshold in thresholds:
                passed = _chosen([(r, p) for r, p in scored if r.language == language], threshold)
                found = set(tally.found).union(*(r.hits for r in passed))
                claims = tally.claims + len(passed)
                correct = tally.correct + sum(1 for r in passed if r.hits)
                cell[threshold] = _scores(tally.labels, len(found), claims, correct)
            # A perfect gate: every clause's right candidate, and nothing else.
            right = _chosen([(r, 1.0) for r, _p in scored if r.language == language and r.hits], 0)
            found = set(tally.found).union(*(r.hits for r in right))
            cell["oracle"] = _scores(
                tally.labels, len(found), tally.claims + len(right), tally.correct + len(right)
            )
    return table


def _chosen(scored: list[tuple[Row, float]], threshold: float) -> list[Row]:
    """What the gate claims: per clause, the likeliest actor's candidate if it passes."""
    best: dict[tuple[str, int], tuple[float, Row]] = {}
    for row, chance in scored:
        if chance >= threshold and (row.clause not in best or chance > best[row.clause][0]):
            best[row.clause] = (chance, row)
    return [row for _chance, row in best.values()]


def _summary(table: dict, threshold) -> tuple[int, float, int, int]:
    """Cells whose F1 rose, mean F1 change, and cells whose precision fell below 0.85 from
    at or above it."""
    rose = sum(1 for cell in table.values() if cell[threshold][2] > cell[None][2] + 1e-9)
    change = sum(cell[threshold][2] - cell[None][2] for cell in table.values()) / len(table)
    broken = sum(
        1 for cell in table.values() if cell[None][1] >= 0.85 and cell[threshold][1] < 0.85
    )
    fell = sum(1 for cell in table.values() if cell[threshold][2] < cell[None][2] - 1e-9)
    return rose, change, broken, fell


CONFIGS = (
    (("base",), 0.1),
    (("base",), 0.3),
    (("base",), 1.0),
    (("base",), 3.0),
    (("base", "verb"), 0.3),
    (("base", "verb"), 1.0),
    (("base", "verb", "word", "bigram"), 0.3),
    (("base", "verb", "word", "bigram"), 1.0),
    (("base", "word", "bigram"), 0.3),
)
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _print_table(table: dict, threshold) -> None:
    print(
        f"{'set':<8} {'language':<8} {'off R/P/F1':>16} {'on R/P/F1':>17}    dF1"
        f" {'perfect gate R/P/F1':>21}"
    )
    for (held, language), cell in table.items():
        off, on, best = cell[None], cell[threshold], cell["oracle"]
        print(
            f"{held:<8} {language:<8} {off[0]:.2f}/{off[1]:.2f}/{off[2]:.3f}"
            f"   {on[0]:.2f}/{on[1]:.2f}/{on[2]:.3f}  {on[2] - off[2]:+.3f}"
            f"     {best[0]:.2f}/{best[1]:.2f}/{best[2]:.3f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loso", action="store_true", help="print the leave-one-set-out table")
    parser.add_argument("--loso-models", help="write one model per held-out set in this folder")
    parser.add_argument("--groups", help="feature groups joined by '+' (default: GROUPS)")
    parser.add_argument("--c", type=float, help="regularisation (default: C)")
    parser.add_argument("--threshold", type=float, help="threshold (default: THRESHOLD)")
    parser.add_argument("--stops", action="store_true", help="count where missed labels stop")
    parser.add_argument("--cache", help="keep the collected candidates in this file between runs")
    options = parser.parse_args()
    global GROUPS, C, THRESHOLD
    GROUPS = tuple(options.groups.split("+")) if options.groups else GROUPS
    C = options.c if options.c is not None else C
    THRESHOLD = options.threshold if options.threshold is not None else THRESHOLD
    cache = Path(options.cache) if options.cache else None
    if cache is not None and cache.exists():
        rows, base = pickle.loads(cache.read_bytes())
    else:
        rows, base = collect()
        if cache is not None:
            cache.write_bytes(pickle.dumps((rows, base)))
    positives = sum(1 for row in rows if row.hits)
    print(f"candidates: {len(rows)}, positive: {positives}", file=sys.stderr)
    if options.stops:
        for (name, why), count in sorted(STOPS.items()):
            print(f"{name:<8} {why:<50} {count}")
    if options.loso:
        for groups, c in CONFIGS:
            table = loso(rows, base, groups, c, THRESHOLDS)
            for threshold in THRESHOLDS:
                rose, change, broken, fell = _summary(table, threshold)
                print(
                    f"groups={'+'.join(groups):<24} C={c:<4} t={threshold}: F1 rose in {rose}/18,"
                    f" fell in {fell}/18, mean dF1 {change:+.4f}, P<0.85 newly in {broken}"
                )
        print(f"\nchosen: groups={'+'.join(GROUPS)} C={C} t={THRESHOLD}")
        _print_table(loso(rows, base, GROUPS, C, (THRESHOLD,)), THRESHOLD)
        return 0
    if options.loso_models:
        folder = Path(options.loso_models)
        folder.mkdir(parents=True, exist_ok=True)
        for held in SETS:
            model = fit([row for row in rows if row.set != held], GROUPS, C)
            _write(folder / f"without_{held}.json", model, enabled=True)
        return 0
    _write(SHIPPED, fit(rows, GROUPS, C), enabled=ENABLED)
    return 0


def _write(path: Path, model: dict, enabled: bool) -> None:
    data = {**model, "enabled": enabled, "threshold": THRESHOLD}
    path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
