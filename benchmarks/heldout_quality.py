"""Date and event quality on the held-out set (benchmarks/heldout/), labelled before any run.

    python benchmarks/heldout_quality.py [--verbose]

Dates: every case of ``heldout/dates.jsonl`` is scored with ``date_quality.score`` for our
normalizer (``date_quality.our_keys``) and for dateparser alone (``date_quality.dateparser_keys``),
with the same matching rule (text, start, end and precision all equal).

Events: each held-out article is read and extracted, and its claims are matched to the
expected events of ``heldout/events.json`` with ``event_quality.matches`` (interval equal;
type equal and every expected actor known to the gazetteer among the claim's actors). The
labels carry no extractor keys, so only the type-and-actors path can match. It runs twice:
with the curated gazetteer alone (events whose actors it lacks cannot be matched: that is
the linking gap) and with the gazetteer plus ``heldout/actors.json``.

Precision, recall and F1 are printed per language (from the file name prefix) and overall.
``--verbose`` lists missed and spurious date mentions per paragraph, and missed and extra
event claims per article.
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

import date_quality  # noqa: E402  (puts the repository root on sys.path)
import event_quality  # noqa: E402

from timeline.pipeline.actors import ActorMatcher, load_gazetteer  # noqa: E402
from timeline.pipeline.extract import extract_article  # noqa: E402
from timeline.pipeline.reading import read_article  # noqa: E402

ROOT = BENCHMARKS.parent
HELDOUT = BENCHMARKS / "heldout"
GAZETTEER = ROOT / "fixtures" / "actors.json"
LANGUAGES = ("zh-Hans", "zh-Hant", "en")
PREFIXES = {"hans": "zh-Hans", "hant": "zh-Hant", "en": "en"}


def _language(article: str) -> str:
    return PREFIXES[Path(article).name.split("_", 1)[0]]


def _line(name: str, r: dict) -> str:
    return f"{name:<22} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>6.3f}"


# --- dates -----------------------------------------------------------------------------------


def run_dates(verbose: bool) -> None:
    cases = date_quality.load_cases(HELDOUT / "dates.jsonl")
    systems = (("timeline", date_quality.our_keys), ("dateparser", date_quality.dateparser_keys))
    results = {name: date_quality.score(cases, extract) for name, extract in systems}
    mentions = sum(len(case["expected"]) for case in cases)
    print(f"DATES: {len(cases)} paragraphs, {mentions} labelled mentions")
    header = f"{'language':<9} {'system':<12} {'precision':>9} {'recall':>7} {'F1':>6}"
    header += "  found/correct/expected"
    print(header)
    print("-" * len(header))
    for group in (*LANGUAGES, "all"):
        for name, _extract in systems:
            r = results[name][group]
            counts = f"{r['found']}/{r['correct']}/{r['expected']}"
            print(f"{group:<9} {_line(name, r)}  {counts}")
    ours, baseline = results["timeline"]["all"]["f1"], results["dateparser"]["all"]["f1"]
    print(f"F1 ratio timeline / dateparser: {ours / baseline if baseline else float('inf'):.2f}")
    if verbose:
        print("\nDate mentions, timeline (missed: labelled, not found; extra: found, not labelled)")
        for case in cases:
            expected = Counter(date_quality.expected_keys(case))
            found = Counter(date_quality.our_keys(case))
            missed, extra = expected - found, found - expected
            if missed or extra:
                print(f"  [{case['origin'][8:]} ref={case['ref']}] {case['text'][:70]}")
                for key in missed.elements():
                    print(f"      missed {key}")
                for key in extra.elements():
                    print(f"      extra  {key}")


# --- events ----------------------------------------------------------------------------------


def _slugs_by_name(fixture: Path) -> dict[str, str]:
    rows = json.loads(fixture.read_text(encoding="utf-8"))
    return {
        row["fields"]["name"]: row["fields"]["slug"]
        for row in rows
        if row["model"] == "timeline.actor"
    }


def _as_scored_event(event: dict, slugs: dict[str, str]) -> dict:
    """The label in the shape event_quality.matches reads: slugs, and no extractor key."""
    return {**event, "key": None, "actors": [slugs.get(actor, actor) for actor in event["actors"]]}


def run_events(verbose: bool, with_heldout_actors: bool) -> None:
    entries = load_gazetteer(GAZETTEER)
    if with_heldout_actors:
        entries += load_gazetteer(HELDOUT / "actors.json")
    known = frozenset(entry.slug for entry in entries)
    matcher = ActorMatcher(entries)
    slugs = _slugs_by_name(HELDOUT / "actors.json")
    labels = json.loads((HELDOUT / "events.json").read_text(encoding="utf-8"))["events"]
    by_article: dict[str, list[dict]] = {}
    for event in labels:
        by_article.setdefault(event["article"], []).append(_as_scored_event(event, slugs))

    title = "gazetteer + heldout/actors.json" if with_heldout_actors else "curated gazetteer only"
    print(f"\nEVENTS ({title}): {len(by_article)} articles, {len(labels)} expected events")
    print(f"{'article':<34} {'P':>6} {'R':>6} {'F1':>6}  matched/extracted/expected")
    tallies: dict[str, list[int]] = {group: [0, 0, 0] for group in (*LANGUAGES, "all")}
    for article, expected in sorted(by_article.items()):
        claims = extract_article(read_article(ROOT / article), matcher=matcher).claims
        unmatched, extras = list(expected), []
        for claim in claims:
            hit = next((e for e in unmatched if event_quality.matches(claim, e, known)), None)
            if hit is None:
                extras.append(claim)
            else:
                unmatched.remove(hit)
        matched = len(expected) - len(unmatched)
        counts = (matched, len(claims), len(expected))
        for group in (_language(article), "all"):
            tallies[group] = [
                total + count for total, count in zip(tallies[group], counts, strict=True)
            ]
        precision, recall, f1 = event_quality.score(*counts)
        name = Path(article).name
        print(f"{name:<34} {precision:6.2f} {recall:6.2f} {f1:6.2f}  {'/'.join(map(str, counts))}")
        if verbose:
            for event in unmatched:
                actors = ",".join(event["actors"])
                dates = f"{event['start']}..{event['end']}"
                quote = event["quote_contains"]
                print(f"    missed {event['type']:<14} {actors:<44} {dates}  «{quote}»")
            for claim in extras:
                start, end = event_quality._interval(claim)
                actors = ",".join(slug for slug, _role in claim.actors)
                quote = claim.quote[:50]
                print(f"    extra  {claim.event_type:<14} {actors:<44} {start}..{end}  «{quote}»")
    for group in (*LANGUAGES, "all"):
        precision, recall, f1 = event_quality.score(*tallies[group])
        counts = "/".join(map(str, tallies[group]))
        print(f"{group:<34} {precision:6.2f} {recall:6.2f} {f1:6.2f}  {counts}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    options = parser.parse_args()
    run_dates(options.verbose)
    run_events(options.verbose, with_heldout_actors=False)
    run_events(options.verbose, with_heldout_actors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
