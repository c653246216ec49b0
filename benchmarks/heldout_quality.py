"""Date and event quality on text the extractor was not developed on: the held-out and blind sets.

    python benchmarks/heldout_quality.py [--verbose]
        [--set heldout|blind|blind2|…|blind12]
        [--mode A|B] [--no-dates]

Dates: every case of ``heldout/dates.jsonl`` is scored with ``date_quality.score`` for our
normalizer (``date_quality.our_keys``) and for dateparser alone (``date_quality.dateparser_keys``),
with the same matching rule (text, start, end and precision all equal).

Events: every article of ``heldout/``, ``blind/``, ``blind2/``, ``blind3/``, ``blind4/``,
``blind5/``, ``blind6/``, ``blind7/``, ``blind8/``, ``blind9/``, ``blind10/``, ``blind11/`` and
``blind12/`` is read and extracted, never with a gazetteer made for its articles, in two modes:

  A  the curated demo gazetteer only (``fixtures/actors.json``);
  B  no gazetteer at all (``ActorMatcher([])``): every actor must be discovered.

A claim (``extract_article(article, matcher=...).claims``) matches a labelled event when

  * its date interval (``claim.date.start``, ``claim.date.end``) equals the label's
    ``start``..``end`` (an undated claim matches nothing);
  * its quote span ``[char_start, char_end)`` in ``article.text`` overlaps the span of the
    label's ``quote_contains`` in ``article.text``; and
  * one of its actors is the label's main actor (the first one) by name: each claim slug is
    mapped to the name and aliases of its entry in the gazetteer used or in the extraction's
    ``discovered`` entries, and a name matches when its ``alias_key`` equals the
    ``alias_key`` of the label actor's name or of one of its aliases.

Recall is labels matched by at least one claim over labels. Precision is claims that match
at least one label over claims: a second quote of an already matched happening counts as
correct, as it is the same event stated again. Reported apart: type agreement (the share of
matching claims whose ``event_type`` equals the type of a label they match; the type is not
part of the match) and "non-events made events" (claims whose quote overlaps a ``non_events``
span of the labels: forecasts, durations, ages, bylines, datelines, link-list stamps).

Labels: ``blind/events.json``, ``blind2/events.json``, ``blind3/events.json``,
``blind4/events.json``, ``blind5/events.json``, ``blind6/events.json``,
``blind7/events.json``, ``blind8/events.json``, ``blind9/events.json``,
``blind10/events.json``, ``blind11/events.json`` and ``blind12/events.json`` give actors as
``{"name", "aliases"}``.
``heldout/events.json`` gives gazetteer slugs or English names; they are converted on the fly
into the same shape from ``fixtures/actors.json`` (slugs) and ``heldout/actors.json`` (names),
which hold the aliases the articles write. Those files only describe the labels here: neither
is given to the extractor in mode B, and ``heldout/actors.json`` never is.

Recall, precision and F1 are printed per language (from the file name prefix) and overall,
per set and mode. ``--verbose`` lists missed and spurious date mentions per paragraph, and
per article the labels no claim matched and the claims that match no label.
"""

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

import date_quality  # noqa: E402  (puts the repository root on sys.path)

from timeline.pipeline.actors import (  # noqa: E402
    ActorEntry,
    ActorMatcher,
    alias_key,
    load_gazetteer,
)
from timeline.pipeline.dates import find_dates  # noqa: E402
from timeline.pipeline.extract import article_reference, extract_article  # noqa: E402
from timeline.pipeline.reading import read_article  # noqa: E402

ROOT = BENCHMARKS.parent
HELDOUT = BENCHMARKS / "heldout"
BLIND = BENCHMARKS / "blind"
BLIND2 = BENCHMARKS / "blind2"
BLIND3 = BENCHMARKS / "blind3"
BLIND4 = BENCHMARKS / "blind4"
BLIND5 = BENCHMARKS / "blind5"
BLIND6 = BENCHMARKS / "blind6"
BLIND7 = BENCHMARKS / "blind7"
BLIND8 = BENCHMARKS / "blind8"
BLIND9 = BENCHMARKS / "blind9"
BLIND10 = BENCHMARKS / "blind10"
BLIND11 = BENCHMARKS / "blind11"
BLIND12 = BENCHMARKS / "blind12"
GAZETTEER = ROOT / "fixtures" / "actors.json"
LANGUAGES = ("zh-Hans", "zh-Hant", "en")
PREFIXES = {"hans": "zh-Hans", "hant": "zh-Hant", "en": "en"}
SETS = {
    "heldout": HELDOUT,
    "blind": BLIND,
    "blind2": BLIND2,
    "blind3": BLIND3,
    "blind4": BLIND4,
    "blind5": BLIND5,
    "blind6": BLIND6,
    "blind7": BLIND7,
    "blind8": BLIND8,
    "blind9": BLIND9,
    "blind10": BLIND10,
    "blind11": BLIND11,
    "blind12": BLIND12,
}
MODES = {"A": "curated demo gazetteer only", "B": "no gazetteer"}


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


# --- labels ----------------------------------------------------------------------------------


def _entry_actor(entry: ActorEntry) -> dict:
    return {"name": entry.name, "aliases": [entry.name, *entry.aliases]}


def load_labels(folder: Path) -> tuple[list[dict], list[dict]]:
    """The set's events, with actors as {"name", "aliases"}, and its non-events."""
    labels = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    events = labels["events"]
    if folder == HELDOUT:
        # Held-out labels name actors by gazetteer slug or English name (see module docstring).
        by_slug = {entry.slug: entry for entry in load_gazetteer(GAZETTEER)}
        by_name = {entry.name: entry for entry in load_gazetteer(HELDOUT / "actors.json")}
        events = [
            {
                **event,
                "actors": [
                    _entry_actor(by_slug.get(actor) or by_name[actor]) for actor in event["actors"]
                ],
            }
            for event in events
        ]
    return events, labels.get("non_events", [])


# --- matching --------------------------------------------------------------------------------


def _span(text: str, needle: str, article: str) -> tuple[int, int]:
    start = text.find(needle)
    if start < 0:
        raise SystemExit(f"{article}: label text not in the article: {needle!r}")
    return start, start + len(needle)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _interval(claim) -> tuple[str, str] | None:
    if claim.date is None or claim.date.start is None or claim.date.end is None:
        return None
    return (claim.date.start.isoformat(), claim.date.end.isoformat())


def _actor_keys(actor: dict) -> frozenset[str]:
    return frozenset(alias_key(name) for name in (actor["name"], *actor["aliases"]))


@dataclass
class Tally:
    labels: int = 0
    found: int = 0
    claims: int = 0
    correct: int = 0
    typed: int = 0
    non_events: int = 0
    # Why labels were missed (--why): no claim on the label's quote at all; a claim on it
    # with the label's date but not its main actor; with the main actor but another date
    # (or none); with neither.
    missed_unread: int = 0
    # The unread split by what the label's sentence offers: no date mention there with the
    # label's interval (the date is the gap); a claim on another clause of the sentence (the
    # clause was cut off or quoted short); the date there and no claim on the sentence at all
    # (the gate that decides a clause tells a happening).
    unread_undated: int = 0
    unread_beside: int = 0
    unread_silent: int = 0
    # The silent split by whether the label's main actor is on some claim of the article:
    # then the actor was read and the sentence was not; else the actor itself was missed.
    silent_named: int = 0
    missed_actor: int = 0
    missed_date: int = 0
    missed_both: int = 0

    def add(self, other: "Tally") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> tuple[float, float, float]:
        recall = self.found / self.labels if self.labels else 1.0
        precision = self.correct / self.claims if self.claims else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return recall, precision, f1


@dataclass
class ArticleResult:
    tally: Tally
    missed: list[dict] = field(default_factory=list)
    extras: list[tuple] = field(default_factory=list)
    made_from_non_events: list[tuple] = field(default_factory=list)


def score_article(
    path: str, events: list[dict], non_events: list[dict], matcher: ActorMatcher, names: dict
) -> ArticleResult:
    article = read_article(ROOT / path)
    extraction = extract_article(article, matcher=matcher)
    text = article.text
    known = dict(names)
    for entry in getattr(extraction, "discovered", ()):
        known[entry.slug] = frozenset(alias_key(name) for name in (entry.name, *entry.aliases))
    labelled = [
        (
            event,
            _span(text, event["quote_contains"], path),
            (event["start"], event["end"]),
            _actor_keys(event["actors"][0]),
        )
        for event in events
    ]
    furniture = [_span(text, item["text_contains"], path) for item in non_events]
    result = ArticleResult(Tally(labels=len(events), claims=len(extraction.claims)))
    matched: set[int] = set()
    for claim in extraction.claims:
        span, interval = (claim.char_start, claim.char_end), _interval(claim)
        claim_names = _names(claim.actors, known)
        hits = [
            index
            for index, (_event, label_span, label_interval, actor_keys) in enumerate(labelled)
            if interval == label_interval
            and _overlaps(span, label_span)
            and claim_names & actor_keys
        ]
        if hits:
            result.tally.correct += 1
            matched.update(hits)
            if any(labelled[index][0]["type"] == claim.event_type for index in hits):
                result.tally.typed += 1
        else:
            result.extras.append((claim, interval))
        if any(_overlaps(span, other) for other in furniture):
            result.tally.non_events += 1
            result.made_from_non_events.append((claim, interval))
    result.tally.found = len(matched)
    result.missed = [labelled[i][0] for i in range(len(labelled)) if i not in matched]
    on_quote = [
        ((claim.char_start, claim.char_end), _interval(claim), claim.actors)
        for claim in extraction.claims
    ]
    mentions = find_dates(text, reference=article_reference(article)).mentions
    for index in range(len(labelled)):
        if index in matched:
            continue
        _event, label_span, label_interval, actor_keys = labelled[index]
        near = [
            (interval == label_interval, bool(_names(actors, known) & actor_keys))
            for span, interval, actors in on_quote
            if _overlaps(span, label_span)
        ]
        if not near:
            result.tally.missed_unread += 1
            sentence = _sentence(text, label_span)
            if not any(
                _overlaps((m.char_start, m.char_end), sentence)
                and (m.start and m.start.isoformat(), m.end and m.end.isoformat()) == label_interval
                for m in mentions
            ):
                result.tally.unread_undated += 1
            elif any(_overlaps(span, sentence) for span, _interval, _actors in on_quote):
                result.tally.unread_beside += 1
            else:
                result.tally.unread_silent += 1
                if any(_names(actors, known) & actor_keys for _span, _i, actors in on_quote):
                    result.tally.silent_named += 1
        elif any(dated for dated, _named in near):
            result.tally.missed_actor += 1
        elif any(named for _dated, named in near):
            result.tally.missed_date += 1
        else:
            result.tally.missed_both += 1
    return result


SENTENCE_ENDS = ".!?。！？；;\n"


def _sentence(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The sentence holding a span: from after the last stop before it to the next stop."""
    start = max(text.rfind(stop, 0, span[0]) for stop in SENTENCE_ENDS) + 1
    ends = [text.find(stop, span[1]) for stop in SENTENCE_ENDS]
    return start, min((end for end in ends if end >= 0), default=len(text))


def _names(actors, known: dict) -> frozenset[str]:
    return frozenset().union(*(known.get(slug, ()) for slug, _role in actors))


# --- events ----------------------------------------------------------------------------------


def _gazetteer(mode: str) -> list[ActorEntry]:
    return load_gazetteer(GAZETTEER) if mode == "A" else []


def _row(name: str, tally: Tally) -> str:
    recall, precision, f1 = tally.scores()
    # With no claims precision is undefined: shown as "-" rather than a flattering 1.00.
    shown = f"{precision:6.2f}" if tally.claims else f"{'-':>6}"
    typed = f"{tally.typed / tally.correct:.2f}" if tally.correct else "-"
    return (
        f"{name:<34} {recall:6.2f} {shown} {f1:6.2f} {typed:>6} {tally.non_events:>6}"
        f"  {tally.found}/{tally.labels} {tally.correct}/{tally.claims}"
    )


def _show_claim(tag: str, claim, interval) -> None:
    dates = f"{interval[0]}..{interval[1]}" if interval else "undated"
    actors = ",".join(slug for slug, _role in claim.actors)
    print(f"    {tag:<6} {claim.event_type:<14} {actors[:40]:<40} {dates}  «{claim.quote[:60]}»")


def run_events(folder: Path, mode: str, verbose: bool) -> dict[str, Tally]:
    events, non_events = load_labels(folder)
    entries = _gazetteer(mode)
    matcher = ActorMatcher(entries)
    names = {
        entry.slug: frozenset(alias_key(name) for name in (entry.name, *entry.aliases))
        for entry in entries
    }
    by_article: dict[str, list[dict]] = {}
    for event in events:
        by_article.setdefault(event["article"], []).append(event)
    furniture: dict[str, list[dict]] = {}
    for item in non_events:
        furniture.setdefault(item["article"], []).append(item)

    print(
        f"\nEVENTS, {folder.name}/, mode {mode} ({MODES[mode]}): {len(by_article)} articles, "
        f"{len(events)} labels, {len(non_events)} non-events"
    )
    header = f"{'article':<34} {'R':>6} {'P':>6} {'F1':>6} {'type':>6} {'nonev':>6}"
    print(header + "  found/labels correct/claims")
    tallies = {group: Tally() for group in (*LANGUAGES, "all")}
    for article in sorted(by_article):
        result = score_article(
            article, by_article[article], furniture.get(article, []), matcher, names
        )
        for group in (_language(article), "all"):
            tallies[group].add(result.tally)
        print(_row(Path(article).name, result.tally))
        if verbose:
            for event in result.missed:
                main = event["actors"][0]["name"]
                dates = f"{event['start']}..{event['end']}"
                print(
                    f"    missed {event['type']:<14} {main[:40]:<40} {dates}"
                    f"  «{event['quote_contains']}»"
                )
            for claim, interval in result.extras:
                _show_claim("extra", claim, interval)
            for claim, interval in result.made_from_non_events:
                _show_claim("nonev", claim, interval)
    for group in (*LANGUAGES, "all"):
        print(_row(group, tallies[group]))
    return tallies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="default: every set")
    parser.add_argument("--mode", choices=sorted(MODES), action="append", help="default: both")
    parser.add_argument("--no-dates", action="store_true", help="skip the date score")
    parser.add_argument(
        "--why",
        action="store_true",
        help="count the misses by kind (totals only: no article's labels are shown)",
    )
    options = parser.parse_args()
    if not options.no_dates:
        run_dates(options.verbose)
    summary = []
    for name in options.set or tuple(SETS):
        for mode in options.mode or ("A", "B"):
            tallies = run_events(SETS[name], mode, options.verbose)
            summary += [(name, mode, group, tallies[group]) for group in (*LANGUAGES, "all")]
    print("\nSUMMARY (type: type agreement among correct claims; nonev: claims from non-events)")
    columns = f"{'R':>6} {'P':>6} {'F1':>6} {'type':>6} {'nonev':>6}"
    print(f"{'set':<8} {'mode':<5} {'language':<9} {columns}  found/labels correct/claims")
    for name, mode, group, tally in summary:
        print(_summary(name, mode, group, tally))
    if options.why:
        print(
            "\nMISSES BY KIND (unread: no claim on the label's quote; actor: a claim on it with"
            " the label's\ndate but not its main actor; date: with the main actor but another or"
            " no date; both: neither;\nthe unread split: undated: no date mention in the label's"
            " sentence with its interval;\nbeside: a claim on another clause of that sentence;"
            " silent: its date there, no claim on the sentence;\nnamed: of the silent, those whose"
            " main actor some claim of the article names)"
        )
        print(
            f"{'set':<8} {'mode':<5} {'language':<9} {'missed':>6} {'unread':>7} {'actor':>6}"
            f" {'date':>6} {'both':>6}  {'undated':>7} {'beside':>6} {'silent':>6} {'named':>6}"
        )
        for name, mode, group, t in summary:
            missed = t.labels - t.found
            print(
                f"{name:<8} {mode:<5} {group:<9} {missed:>6} {t.missed_unread:>7}"
                f" {t.missed_actor:>6} {t.missed_date:>6} {t.missed_both:>6}"
                f"  {t.unread_undated:>7} {t.unread_beside:>6} {t.unread_silent:>6}"
                f" {t.silent_named:>6}"
            )
    return 0


def _summary(name: str, mode: str, group: str, tally: Tally) -> str:
    return f"{name:<8} {mode:<5} {group:<9}" + _row("", tally)[34:]


if __name__ == "__main__":
    raise SystemExit(main())
