"""Date extraction quality on the labelled set: our normalizer against dateparser alone.

Run as ``python benchmarks/date_quality.py [path/to/dates.jsonl ...]``. With no argument it
scores the main set (``dates.jsonl``) and, separately, the set of everyday news forms
(``dates_forms.jsonl``: weekdays, weeks, offsets, fiscal years, holidays…), the set of
news forms outside the issue's list (``dates_news.jsonl``: times of day, month and year
parts, ROC years, numeric forms, ranges, holidays, negatives), and the set of unseen
wordings of the issue's categories (``dates_unseen.jsonl``, written before the grammar
was changed for them). A found mention counts as correct when its text, start, end and
precision all equal a labelled one. The baseline is ``dateparser.search.search_dates``
with the case's language and RELATIVE_BASE = the reference date, each hit's period
(day/month/year) read with ``DateDataParser`` to give it an interval.
"""

import calendar
import json
import sys
import warnings
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.pipeline.dates import find_dates, parse_reference  # noqa: E402

LABELLED = ROOT / "benchmarks" / "labelled" / "dates.jsonl"
FORMS = ROOT / "benchmarks" / "labelled" / "dates_forms.jsonl"
NEWS = ROOT / "benchmarks" / "labelled" / "dates_news.jsonl"
UNSEEN = ROOT / "benchmarks" / "labelled" / "dates_unseen.jsonl"
DATEPARSER_LANGUAGES = {"zh-Hans": ["zh"], "zh-Hant": ["zh"], "en": ["en"]}

Key = tuple[str, str | None, str | None, str]


def load_cases(path: Path = LABELLED) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def expected_keys(case: dict) -> list[Key]:
    return [(e["text"], e["start"], e["end"], e["precision"]) for e in case["expected"]]


def our_keys(case: dict) -> list[Key]:
    reference = parse_reference(case["ref"]) if case["ref"] else None
    return [
        (m.text, m.start and m.start.isoformat(), m.end and m.end.isoformat(), m.precision)
        for m in find_dates(case["text"], reference=reference).mentions
    ]


def _period_interval(day: date, period: str) -> tuple[date, date, str]:
    if period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31), "year"
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last), "month"
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6), "week"
    return day, day, "day"


def dateparser_keys(case: dict) -> list[Key]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    languages = DATEPARSER_LANGUAGES[case["lang"]]
    settings = {}
    if case["ref"]:
        reference = parse_reference(case["ref"])
        settings["RELATIVE_BASE"] = datetime.combine(reference.start, datetime.min.time())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(case["text"], languages=languages, settings=settings) or []
        parser = DateDataParser(languages=languages, settings=settings)
        keys = []
        for text, moment in found:
            data = parser.get_date_data(text)
            start, end, precision = _period_interval(moment.date(), data.period or "day")
            keys.append((text, start.isoformat(), end.isoformat(), precision))
    return keys


def score(cases: list[dict], extract) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per language and overall."""
    tallies: dict[str, Counter] = {}
    for case in cases:
        expected, found = Counter(expected_keys(case)), Counter(extract(case))
        correct = sum((expected & found).values())
        for group in (case["lang"], "all"):
            tally = tallies.setdefault(group, Counter())
            tally.update(
                correct=correct, found=sum(found.values()), expected=sum(expected.values())
            )
    results = {}
    for group, tally in tallies.items():
        precision = tally["correct"] / tally["found"] if tally["found"] else 1.0
        recall = tally["correct"] / tally["expected"] if tally["expected"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        results[group] = {"precision": precision, "recall": recall, "f1": f1, **tally}
    return results


def report(path: Path) -> None:
    """Print one labelled set's scores, ours beside dateparser's."""
    cases = load_cases(path)
    ours, baseline = score(cases, our_keys), score(cases, dateparser_keys)
    labelled = sum(len(c["expected"]) for c in cases)
    print(f"{path.name}: {len(cases)} cases, {labelled} labelled mentions")
    header = f"{'language':<9} {'system':<11} {'precision':>9} {'recall':>7} {'F1':>6}"
    print(header)
    print("-" * len(header))
    for group in ("zh-Hans", "zh-Hant", "en", "all"):
        for name, results in (("timeline", ours), ("dateparser", baseline)):
            r = results.get(group)
            if r:
                line = f"{group:<9} {name:<11} {r['precision']:>9.3f} {r['recall']:>7.3f}"
                print(f"{line} {r['f1']:>6.3f}")
    ratio = ours["all"]["f1"] / baseline["all"]["f1"] if baseline["all"]["f1"] else float("inf")
    print(f"F1 ratio timeline / dateparser: {ratio:.2f}")


def main() -> None:
    paths = [Path(arg) for arg in sys.argv[1:]] or [LABELLED, FORMS, NEWS, UNSEEN]
    for index, path in enumerate(paths):
        if index:
            print()
        report(path)


if __name__ == "__main__":
    main()
