"""Event precision and recall of the extractor against hand-labelled articles.

    python benchmarks/event_quality.py [--labels benchmarks/labelled/events.json]

Each labelled article is read (the demo corpus with its manifest), extracted with the
curated gazetteer plus `labelled/actors.json` (the companies, people and regulators of the
articles written for this benchmark, which the curated gazetteer does not know), and its
claims compared with the expected events of that article.

Matching rule: an extracted claim matches an expected event when
  * its date interval equals the expected one (both undated counts as equal), and
  * either its key equals the expected key, or its type equals the expected type and its
    actors include every expected actor that is also a gazetteer actor.
Each expected event is matched at most once. Precision is matched claims over extracted
claims, recall matched events over expected events, F1 their harmonic mean; printed per
article and overall (micro-averaged).
"""

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.pipeline.actors import ActorMatcher, load_gazetteer  # noqa: E402
from timeline.pipeline.extract import extract_article  # noqa: E402
from timeline.pipeline.manifest import load_manifest  # noqa: E402
from timeline.pipeline.reading import read_article  # noqa: E402

MANIFEST = ROOT / "fixtures" / "articles" / "sources.json"
GAZETTEER = ROOT / "fixtures" / "actors.json"
BENCHMARK_ACTORS = ROOT / "benchmarks" / "labelled" / "actors.json"


def _interval(claim) -> tuple[date | None, date | None]:
    if claim.date is None:
        return (None, None)
    return (claim.date.start, claim.date.end)


def _expected_interval(event: dict) -> tuple[date | None, date | None]:
    start, end = event.get("start"), event.get("end")
    return (
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
    )


def matches(claim, event: dict, known: frozenset[str]) -> bool:
    if _interval(claim) != _expected_interval(event):
        return False
    if claim.key == event["key"]:
        return True
    slugs = {slug for slug, _role in claim.actors}
    wanted = {slug for slug in event.get("actors", []) if slug in known}
    return claim.event_type == event["type"] and bool(wanted) and wanted <= slugs


def score(matched: int, extracted: int, expected: int) -> tuple[float, float, float]:
    precision = matched / extracted if extracted else 1.0
    recall = matched / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(ROOT / "benchmarks" / "labelled" / "events.json"))
    parser.add_argument("--verbose", action="store_true", help="list misses and extras")
    options = parser.parse_args()
    labels = json.loads(Path(options.labels).read_text(encoding="utf-8"))["articles"]
    entries = load_gazetteer(GAZETTEER) + load_gazetteer(BENCHMARK_ACTORS)
    known = frozenset(entry.slug for entry in entries)
    matcher = ActorMatcher(entries)
    manifest = load_manifest(MANIFEST)
    totals = [0, 0, 0]
    print(f"{'article':48} {'P':>6} {'R':>6} {'F1':>6}  matched/extracted/expected")
    for name, expected in labels.items():
        article = read_article(ROOT / name, manifest=manifest)
        claims = extract_article(article, matcher=matcher).claims
        unmatched = list(expected)
        matched = 0
        extras = []
        for claim in claims:
            hit = next((event for event in unmatched if matches(claim, event, known)), None)
            if hit is None:
                extras.append(claim)
                continue
            unmatched.remove(hit)
            matched += 1
        precision, recall, f1 = score(matched, len(claims), len(expected))
        print(
            f"{name[-48:]:48} {precision:6.2f} {recall:6.2f} {f1:6.2f}"
            f"  {matched}/{len(claims)}/{len(expected)}"
        )
        if options.verbose:
            for event in unmatched:
                print(f"    missed  {event['key']} {event.get('start')}..{event.get('end')}")
            for claim in extras:
                print(f"    extra   {claim.key} {_interval(claim)}  {claim.quote[:60]}")
        totals[0] += matched
        totals[1] += len(claims)
        totals[2] += len(expected)
    precision, recall, f1 = score(*totals)
    counts = "/".join(str(total) for total in totals)
    print(f"{'overall':48} {precision:6.2f} {recall:6.2f} {f1:6.2f}  {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
