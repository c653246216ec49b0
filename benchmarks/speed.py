"""Extraction and loading speed: prints seconds, MB/s and ratios, all measured in one run.

    python benchmarks/speed.py [--repeat 3]

1. Loading the five demo articles into a fresh SQLite database (after start-up and
   migrations), then the idempotent second run.
2. Extraction throughput on articles of 0.25, 0.5 and 1 MB built from the demo articles'
   paragraphs, against reading and segmenting the same text (the baseline): the time per
   MB should stay flat as the text grows if extraction is linear. Loading and extraction
   also print the process's CPU time (all its threads), which a busy machine disturbs less.
3. The date normalizer alone (``find_dates``) on 1 MB of Chinese and 1 MB of English
   paragraphs (the demo articles and the labelled short articles), in MB/s of UTF-8:
   wall clock, and CPU time of this process, which a busy machine disturbs less.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ARTICLES = ROOT / "fixtures" / "articles"


def _forget_read_texts() -> None:
    """Empty the date scanner's memory of the texts it read last, the matcher's of the
    texts it folded, and the recogniser's of the article's simplified copy and of the
    sentences it tagged, so that each timed run reads its text afresh, as the first run
    does (the tagger itself stays loaded)."""
    from timeline.pipeline import actors, chinese_tagger
    from timeline.pipeline.dates import scan

    scan._read.cache_clear()
    actors._fold_long.cache_clear()
    actors._fold_short.cache_clear()
    chinese_tagger.simplified_script.cache_clear()
    if chinese_tagger.lac_tagger.cache_info().currsize:
        chinese_tagger.lac_tagger()._known.clear()


def timed(repeat: int, run) -> tuple[float, float]:
    """The best wall-clock and the best CPU time (this process's, all its threads) of
    ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        _forget_read_texts()
        started, cpu_started = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu_started)
    return min(walls), min(cpus)


def best_of(repeat: int, run) -> float:
    return timed(repeat, run)[0]


def measure_loading(repeat: int) -> None:
    workdir = tempfile.mkdtemp()
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from timeline.ingest import ingest_articles
    from timeline.models import Claim, Event, Source

    call_command("migrate", verbosity=0)
    call_command("loaddata", "actors", verbosity=0)
    manifest = ARTICLES / "sources.json"

    loaded = []
    first_seconds, first_cpu = timed(
        1, lambda: loaded.append(ingest_articles([ARTICLES], manifest=manifest))
    )
    first = loaded[0]
    second_seconds = best_of(repeat, lambda: ingest_articles([ARTICLES], manifest=manifest))
    print("loading the five demo articles (SQLite, after start-up)")
    print(f"  first load     {first_seconds:8.3f} s   (CPU {first_cpu:.3f} s)   {first.summary()}")
    print(
        f"  re-run         {second_seconds:8.3f} s   "
        f"({Source.objects.count()} sources, {Event.objects.count()} events, "
        f"{Claim.objects.count()} claims unchanged)"
    )


def synthetic_article(size: int, directory: Path) -> Path:
    from timeline.pipeline.reading import read_article
    from timeline.pipeline.segmentation import segment_article

    paragraphs = []
    for path in sorted(ARTICLES.glob("*.txt")):
        document = segment_article(read_article(path))
        paragraphs.extend(paragraph.text for paragraph in document.paragraphs)
    body, index = [], 0
    written = 0
    while written < size:
        paragraph = paragraphs[index % len(paragraphs)]
        body.append(paragraph)
        written += len(paragraph.encode()) + 1
        index += 1
    path = directory / f"synthetic-{size}.txt"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


def measure_throughput(repeat: int) -> None:
    from timeline.pipeline.actors import ActorMatcher, load_gazetteer
    from timeline.pipeline.extract import extract_article
    from timeline.pipeline.reading import read_article
    from timeline.pipeline.segmentation import segment_article

    matcher = ActorMatcher(load_gazetteer(ROOT / "fixtures" / "actors.json"))
    directory = Path(tempfile.mkdtemp())
    print("\nextraction throughput (articles built from the demo paragraphs)")
    print(
        f"  {'size':>8} {'read+segment':>14} {'extract':>10} {'MB/s':>8} {'ratio':>7}"
        f" {'CPU s':>8} {'CPU MB/s':>9}"
    )
    per_mb = []
    for size in (256 * 1024, 512 * 1024, 1024 * 1024):
        path = synthetic_article(size, directory)
        megabytes = path.stat().st_size / 1_000_000
        baseline = best_of(repeat, lambda path=path: segment_article(read_article(path)))
        article = read_article(path)
        seconds, cpu = timed(
            repeat, lambda article=article: extract_article(article, matcher=matcher)
        )
        per_mb.append(seconds / megabytes)
        print(
            f"  {megabytes:6.2f}MB {baseline:12.3f} s {seconds:8.3f} s "
            f"{megabytes / seconds:8.2f} {seconds / baseline:6.1f}x "
            f"{cpu:8.3f} {megabytes / cpu:9.2f}"
        )
    print(
        f"  time per MB at 1 MB / at 0.25 MB: {per_mb[-1] / per_mb[0]:.2f} "
        "(1.00 is perfectly linear)"
    )


def _text_of(language: str, size: int) -> str:
    from timeline.pipeline.reading import read_article
    from timeline.pipeline.segmentation import segment_article

    paragraphs = []
    labelled = ROOT / "benchmarks" / "labelled" / "articles"
    for path in [*sorted(ARTICLES.glob("*.txt")), *sorted(labelled.glob("*.txt"))]:
        article = read_article(path)
        if (article.language == "en") == (language == "en"):
            paragraphs.extend(p.text for p in segment_article(article).paragraphs)
    body, written, index = [], 0, 0
    while written < size:
        paragraph = paragraphs[index % len(paragraphs)]
        body.append(paragraph)
        written += len(paragraph.encode()) + 1
        index += 1
    return "\n".join(body)


def measure_dates(repeat: int) -> None:
    from timeline.pipeline.dates import find_dates, parse_reference

    reference = parse_reference("2025-01-07")
    print("\ndate normalizer throughput (find_dates alone, 1 MB)")
    print(f"  {'text':>8} {'wall':>10} {'MB/s':>8} {'cpu MB/s':>9}")
    for language in ("zh", "en"):
        text = _text_of(language, 1024 * 1024)
        megabytes = len(text.encode()) / 1_000_000
        wall = best_of(repeat, lambda text=text: find_dates(text, reference=reference))
        cpu = []
        for _ in range(repeat):
            _forget_read_texts()
            started = time.process_time()
            find_dates(text, reference=reference)
            cpu.append(time.process_time() - started)
        print(f"  {language:>8} {wall:8.3f} s {megabytes / wall:8.2f} {megabytes / min(cpu):9.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    measure_loading(args.repeat)
    measure_throughput(args.repeat)
    measure_dates(args.repeat)


if __name__ == "__main__":
    main()
