"""Snapshot of everything the extractor reads from the project's articles, to show that a
speed change alters no output.

    python benchmarks/extraction_snapshot.py save /tmp/before.json
    python benchmarks/extraction_snapshot.py check /tmp/before.json

Extracts every article of ``fixtures/articles``, ``benchmarks/heldout/articles``,
``benchmarks/blind/articles`` and ``benchmarks/labelled/articles`` twice (with the curated
gazetteer, and with none, so that every actor is discovered), plus 256 kB of demo
paragraphs as one article, and runs ``find_dates`` on every labelled date case and on the
long texts ``speed.py`` times. Each claim (quote, offsets, headline, date, actors), each
discovered actor, the proposed names and the warnings go into one JSON document; ``check``
extracts again and names every article whose output differs from the saved one.
"""

import argparse
import dataclasses
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.pipeline.actors import ActorMatcher, load_gazetteer  # noqa: E402
from timeline.pipeline.dates import find_dates, parse_reference  # noqa: E402
from timeline.pipeline.extract import extract_article  # noqa: E402
from timeline.pipeline.manifest import load_manifest  # noqa: E402
from timeline.pipeline.reading import read_article  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
import speed  # noqa: E402

FOLDERS = (
    "fixtures/articles",
    "benchmarks/heldout/articles",
    "benchmarks/blind/articles",
    "benchmarks/labelled/articles",
)
DATE_SETS = (
    "benchmarks/labelled/dates.jsonl",
    "benchmarks/labelled/dates_forms.jsonl",
    "benchmarks/heldout/dates.jsonl",
)


def _plain(value):
    """A JSON-ready copy of a dataclass tree (dates as ISO strings)."""
    if dataclasses.is_dataclass(value):
        fields = dataclasses.fields(value)
        return {field.name: _plain(getattr(value, field.name)) for field in fields}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def _extraction(path: Path, matcher: ActorMatcher) -> dict:
    manifest_path = path.parent / "sources.json"
    manifest = load_manifest(manifest_path) if manifest_path.exists() else None
    article = read_article(path, manifest=manifest)
    extraction = extract_article(article, matcher=matcher)
    return {
        "reference": _plain(extraction.reference),
        "claims": _plain(extraction.claims),
        "discovered": _plain(extraction.discovered),
        "candidates": list(extraction.candidates),
        "warnings": list(extraction.warnings),
        "skipped": dict(extraction.skipped),
    }


def snapshot() -> dict:
    gazetteer = ActorMatcher(load_gazetteer(ROOT / "fixtures" / "actors.json"))
    empty = ActorMatcher([])
    articles = {}
    for folder in FOLDERS:
        for path in sorted([*(ROOT / folder).glob("*.txt"), *(ROOT / folder).glob("*.md")]):
            name = str(path.relative_to(ROOT))
            articles[f"{name} gazetteer"] = _extraction(path, gazetteer)
            articles[f"{name} none"] = _extraction(path, empty)
    dates = {}
    for name in DATE_SETS:
        for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            case = json.loads(line)
            reference = parse_reference(case["ref"]) if case.get("ref") else None
            dates[f"{name}:{number + 1}"] = _plain(find_dates(case["text"], reference=reference))
    # The long texts speed.py times: 256 kB of demo paragraphs as one article, and the
    # date normalizer over 256 kB of Chinese and of English paragraphs.
    directory = Path(tempfile.mkdtemp())
    long_article = speed.synthetic_article(256 * 1024, directory)
    articles["synthetic 256 kB gazetteer"] = _extraction(long_article, gazetteer)
    reference = parse_reference("2025-01-07")
    for language in ("zh", "en"):
        text = speed._text_of(language, 256 * 1024)
        dates[f"{language} 256 kB"] = _plain(find_dates(text, reference=reference))
    return {"articles": articles, "dates": dates}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("file")
    options = parser.parse_args()
    current = json.loads(json.dumps(snapshot(), ensure_ascii=False))
    if options.action == "save":
        Path(options.file).write_text(json.dumps(current, ensure_ascii=False, indent=1))
        articles, dates = len(current["articles"]), len(current["dates"])
        print(f"saved {articles} extractions and {dates} date cases")
        return 0
    saved = json.loads(Path(options.file).read_text())
    differing = [
        f"{kind} {name}"
        for kind in ("articles", "dates")
        for name in sorted(set(saved[kind]) | set(current[kind]))
        if saved[kind].get(name) != current[kind].get(name)
    ]
    for name in differing:
        print(f"differs: {name}")
    total = len(current["articles"]) + len(current["dates"])
    print(f"{total - len(differing)} of {total} identical")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
