"""Loading articles: exact counts, a clean re-run, editors' work kept, bad files isolated."""

from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from timeline.curation import update_event
from timeline.ingest import FAILED, LOADED, UNCHANGED, ingest_articles
from timeline.models import Claim, Event, EventActor, EventKey, Source
from timeline.pipeline.actors import ActorMatcher, load_gazetteer
from timeline.pipeline.extract import article_reference, extract_article
from timeline.pipeline.manifest import load_manifest
from timeline.pipeline.reading import read_article

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
MANIFEST = ARTICLES / "sources.json"


@pytest.fixture
def actors(db):
    call_command("loaddata", "actors", verbosity=0)


def snapshot() -> dict:
    """Every row the loader writes, as comparable tuples."""
    return {
        "sources": list(Source.objects.values_list("pk", "content_hash", "published", "report")),
        "events": list(
            Event.objects.values_list(
                "pk", "headline", "date_start", "date_end", "status", "review", "updated_at"
            )
        ),
        "claims": list(Claim.objects.values_list("pk", "event_id", "char_start", "date_start")),
        "links": list(EventActor.objects.values_list("pk", "event_id", "actor_id", "role")),
        "keys": list(EventKey.objects.values_list("pk", "event_id", "key")),
    }


def expected_claim_count() -> int:
    matcher = ActorMatcher(load_gazetteer(ROOT / "fixtures" / "actors.json"))
    manifest = load_manifest(MANIFEST)
    return sum(
        len(extract_article(read_article(path, manifest=manifest), matcher=matcher).claims)
        for path in sorted(ARTICLES.glob("*.txt"))
    )


def test_first_load_writes_every_claim_and_a_second_changes_nothing(actors):
    first = ingest_articles([ARTICLES], manifest=MANIFEST)

    assert [report.status for report in first.files] == [LOADED] * 5
    assert Source.objects.count() == 5
    assert Claim.objects.count() == expected_claim_count()
    assert first.totals()["claims_created"] == Claim.objects.count()
    assert first.totals()["events_created"] == Event.objects.count()
    assert EventKey.objects.count() == Event.objects.count()
    before = snapshot()

    second = ingest_articles([ARTICLES], manifest=MANIFEST)

    assert [report.status for report in second.files] == [UNCHANGED] * 5
    assert second.totals()["claims_created"] == 0
    assert second.totals()["events_created"] == 0
    assert second.totals()["events_unchanged"] > 0
    assert snapshot() == before


def test_the_founding_is_one_disputed_event_with_a_claim_per_source(actors):
    ingest_articles([ARTICLES], manifest=MANIFEST)

    founding = Event.objects.get(keys__key="founding:01-ai")

    assert founding.status == "disputed"
    assert founding.claims.values("source").distinct().count() >= 3
    quotes = set(founding.claims.values_list("date_text", flat=True))
    assert {"2023年3月", "2023年年中"} <= quotes


def test_reload_keeps_an_editors_event_and_still_attaches_claims(actors):
    ingest_articles([ARTICLES], manifest=MANIFEST)
    event = Event.objects.get(keys__key="founding:01-ai")
    update_event(
        event=event,
        changes={
            "headline": "01.AI is founded (editor's wording)",
            "date_start": date(2023, 3, 28),
            "date_end": date(2023, 3, 28),
            "date_precision": "day",
            "date_edtf": "2023-03-28",
        },
    )
    lost = event.claims.order_by("pk").last()
    lost_span = (lost.source_id, lost.char_start, lost.char_end)
    lost.delete()
    claims_before = Claim.objects.count()

    report = ingest_articles([ARTICLES], manifest=MANIFEST)

    event.refresh_from_db()
    assert Claim.objects.count() == claims_before + 1
    restored = Claim.objects.get(
        source_id=lost_span[0], char_start=lost_span[1], char_end=lost_span[2]
    )
    assert restored.event_id == event.pk
    assert event.headline == "01.AI is founded (editor's wording)"
    assert (event.date_start, event.date_end, event.date_precision) == (
        date(2023, 3, 28),
        date(2023, 3, 28),
        "day",
    )
    assert event.edited
    assert report.totals()["events_merged"] == 1


def test_reload_keeps_the_review_state(actors):
    ingest_articles([ARTICLES], manifest=MANIFEST)
    Event.objects.filter(keys__key="founding:01-ai").update(review="verified")

    ingest_articles([ARTICLES], manifest=MANIFEST)

    assert Event.objects.get(keys__key="founding:01-ai").review == "verified"


def test_dry_run_reports_and_writes_nothing(actors):
    report = ingest_articles([ARTICLES], manifest=MANIFEST, dry_run=True)

    assert report.totals()["claims_created"] == expected_claim_count()
    assert Source.objects.count() == Event.objects.count() == Claim.objects.count() == 0


BROKEN = {
    "empty.txt": (b"", "empty"),
    "binary.txt": (b"\x00\x01\x02PNG\x00\xff" * 50, "binary"),
    "frontmatter.md": (
        "---\ntitle: [unclosed\n---\n2024年5月,零一万物发布模型。".encode(),
        "front matter",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_file_is_reported_and_the_others_load(actors, tmp_path, name):
    content, reason = BROKEN[name]
    (tmp_path / name).write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("2024年5月13日,零一万物发布Yi-Large。\n", encoding="utf-8")

    report = ingest_articles([tmp_path], published=date(2024, 5, 20))

    by_name = {Path(file.path).name: file for file in report.files}
    assert by_name[name].status == FAILED
    assert reason in by_name[name].error
    assert by_name["good.txt"].status == LOADED
    assert Source.objects.count() == 1


def test_an_article_with_no_happening_is_recorded_once_and_reported_as_loaded(actors, tmp_path):
    # A new source is a change even when it holds no claim; loading it again is not.
    (tmp_path / "quiet.txt").write_text(
        "The Marlow rowing club keeps its boats by the river.\n", encoding="utf-8"
    )

    first = ingest_articles([tmp_path], published=date(2024, 5, 20))
    second = ingest_articles([tmp_path], published=date(2024, 5, 20))

    assert [(f.status, f.claims_found) for f in first.files] == [(LOADED, 0)]
    assert [f.status for f in second.files] == [UNCHANGED]
    assert Source.objects.count() == 1


def test_load_articles_command_prints_a_line_per_file_and_fails_on_a_bad_one(
    actors, tmp_path, capsys
):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("2024年5月13日,零一万物发布Yi-Large。\n", encoding="utf-8")

    with pytest.raises(CommandError, match="1 of 2 files failed"):
        call_command("load_articles", str(tmp_path), published="2024-05-20")

    out = capsys.readouterr().out
    assert "empty.txt: failed:" in out
    assert "good.txt: loaded:" in out
    assert Source.objects.count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/articles"], "/nonexistent/articles"),
        ([str(ARTICLES), "--published", "2024-13-01"], r"--published must be YYYY-MM-DD"),
    ],
)
def test_load_articles_names_bad_arguments(actors, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("load_articles", *args)


def test_a_broken_manifest_is_named_before_anything_loads(actors, tmp_path):
    manifest = tmp_path / "sources.json"
    manifest.write_text('[{"title": "no file"}]', encoding="utf-8")

    with pytest.raises(CommandError, match=r"sources\.json"):
        call_command("load_articles", str(ARTICLES), manifest=str(manifest))
    assert Source.objects.count() == 0


def test_demo_fixture_loads_into_an_empty_database(actors):
    call_command("loaddata", "demo_timeline", verbosity=0)

    assert Source.objects.count() == 5
    assert Event.objects.filter(keys__key="founding:01-ai", status="disputed").exists()
    assert Claim.objects.count() > 0


def test_load_demo_fills_an_empty_database_once_and_keeps_edits(db, capsys):
    call_command("load_demo")
    event = Event.objects.get(keys__key="founding:01-ai")
    event.headline = "Edited by an editor"
    event.save()

    call_command("load_demo")

    assert "already has a timeline" in capsys.readouterr().out
    assert Event.objects.get(pk=event.pk).headline == "Edited by an editor"
    assert Source.objects.count() == 5


def test_an_event_reads_as_its_best_dated_claim_whatever_the_load_order(actors):
    matcher = ActorMatcher(load_gazetteer(ROOT / "fixtures" / "actors.json"))
    manifest = load_manifest(MANIFEST)
    founding_claims = [
        claim
        for path in sorted(ARTICLES.glob("*.txt"))
        for claim in extract_article(read_article(path, manifest=manifest), matcher=matcher).claims
        if claim.key == "founding:01-ai"
    ]
    best = min(founding_claims, key=lambda claim: claim.date.end - claim.date.start)

    ingest_articles([ARTICLES], manifest=MANIFEST)

    founding = Event.objects.get(keys__key="founding:01-ai")
    assert len(founding_claims) == 3
    assert founding.headline == best.headline
    assert founding.summary == best.summary


def article(prefix: str) -> Path:
    (path,) = ARTICLES.glob(f"{prefix}_*.txt")
    return path


def event_holding(text: str, **fields) -> Event:
    return Event.objects.filter(**fields).distinct().get(claims__quote__contains=text)


def test_every_event_links_each_actor_once(actors):
    ingest_articles([ARTICLES], manifest=MANIFEST)

    links = list(EventActor.objects.values_list("event_id", "actor__slug"))
    assert links and len(links) == len(set(links))


def test_a_departure_lists_the_one_who_left_and_where_from_and_to(actors):
    ingest_articles([ARTICLES], manifest=MANIFEST)

    huang = Event.objects.get(keys__key="personnel:huang-wenhao")
    roles = dict(huang.event_actors.values_list("actor__slug", "role"))
    # Cao Dapeng and Pan Xin left too, each in an event of their own.
    assert roles == {
        "huang-wenhao": "former head of pre-training",
        "01-ai": "employer",
        "doubao": "new team",
    }
    for other in ("cao-dapeng", "pan-xin"):
        own = Event.objects.get(keys__key=f"personnel:{other}")
        assert set(own.event_actors.values_list("actor__slug", flat=True)) == {other, "01-ai"}


def test_two_sayings_of_one_month_are_two_events(actors):
    ingest_articles([ARTICLES], manifest=MANIFEST)

    price_war = event_holding("不参与价格战")
    revenue = event_holding("海外生產力產品線預期年營收過億元")
    assert price_war != revenue
    assert price_war.headline == "01.AI says it will stay out of the price war"
    assert price_war.claims.count() == 1
    ambition = event_holding("他说想打造 agi 时代的微软")
    assert ambition != event_holding("啓動下一代萬億參數Yi-XLarge MoE模型訓練")


@pytest.mark.parametrize("order", [("002", "003"), ("003", "002")])
def test_an_undated_valuation_joins_the_dated_round_in_either_load_order(actors, order):
    report = ingest_articles([article(name) for name in order], manifest=MANIFEST)

    assert not report.failed
    round_ = event_holding("估值10亿美元的独角兽")
    assert round_ == event_holding("2023年10億美元估值融資")
    assert (round_.date_start, round_.date_end) == (date(2023, 1, 1), date(2023, 12, 31))
    funding = Event.objects.filter(type="funding", event_actors__actor__slug="01-ai")
    assert funding.distinct().count() == 1


@pytest.mark.parametrize("order", [("001", "002"), ("002", "001")])
def test_one_release_told_in_two_scripts_is_one_event_in_either_load_order(actors, order):
    ingest_articles([article(name) for name in order], manifest=MANIFEST)

    releases = Event.objects.filter(keys__key__startswith="model_release:yi-large")
    (release,) = releases
    assert set(release.claims.values_list("source__file_name", flat=True)) == {
        article("001").name,
        article("002").name,
    }


@pytest.mark.parametrize("order", [("003", "004"), ("004", "003")])
def test_a_series_release_joins_the_release_of_its_member_in_either_load_order(actors, order):
    ingest_articles([article(name) for name in order], manifest=MANIFEST)

    # 004: "去年…发布 "Yi" 系列模型"; 003: "Yi系列模型（如Yi-34B）于2023年11月…发布".
    release = event_holding('发布 "Yi" 系列模型', type="model_release")
    assert release == event_holding("（如Yi-34B）于2023年11月作为开源大模型发布")
    assert (release.date_start, release.date_precision) == (date(2023, 11, 1), "month")


LATE_LAB = "消息传出的2025年3月12日,零一万物已与阿里云成立产业大模型联合实验室。"


def test_a_claim_dated_after_its_source_is_flagged_reported_and_dates_nothing(
    actors, tmp_path, capsys
):
    (tmp_path / "late.txt").write_text(f"{LATE_LAB}\n", encoding="utf-8")

    call_command("load_articles", str(tmp_path), published="2025-01-07")

    claim = Claim.objects.get()
    assert claim.after_source
    assert claim.date_start == date(2025, 3, 12)
    quote = f"«{claim.quote}»"
    assert f"  warning: dated after its source: {quote}" in capsys.readouterr().out.splitlines()
    assert f"dated after its source: {quote}" in claim.source.report["warnings"]
    event = claim.event
    assert (event.date_start, event.status, event.date_display) == (None, "unresolved", "")


def test_a_rerun_flags_a_claim_stored_before_the_flag(actors, tmp_path):
    (tmp_path / "late.txt").write_text(f"{LATE_LAB}\n", encoding="utf-8")
    ingest_articles([tmp_path], published=date(2025, 1, 7))
    # As loaded before claims were flagged: unflagged, and dating its event.
    Claim.objects.update(after_source=False)
    Event.objects.update(
        date_start=date(2025, 3, 12),
        date_end=date(2025, 3, 12),
        date_precision="day",
        status="consistent",
    )

    report = ingest_articles([tmp_path], published=date(2025, 1, 7))

    assert report.totals()["claims_updated"] == 1
    assert Claim.objects.get().after_source
    assert Event.objects.get().date_start is None


def test_no_demo_event_is_dated_after_its_sources(actors):
    # Whatever the date rules make of 001's "第二天" (the day after a January 7 interview,
    # today), a claim dated after its article is flagged and no event takes its date.
    manifest = load_manifest(MANIFEST)
    reference_ends = {}
    for path in sorted(ARTICLES.glob("*.txt")):
        article = read_article(path, manifest=manifest)
        reference_ends[article.content_hash] = article_reference(article).end

    ingest_articles([ARTICLES], manifest=MANIFEST)

    for claim in Claim.objects.select_related("source"):
        late = claim.date_start is not None
        late = late and claim.date_start > reference_ends[claim.source.content_hash]
        assert claim.after_source == late, claim.quote
    for event in Event.objects.filter(date_start__isnull=False).prefetch_related("claims__source"):
        latest = max(reference_ends[claim.source.content_hash] for claim in event.claims.all())
        assert event.date_start <= latest, event.headline


def test_a_claim_dated_after_its_source_neither_disputes_nor_rewords_its_event(actors, tmp_path):
    month = tmp_path / "month"
    month.mkdir()
    (month / "lab.txt").write_text(
        "---\ntitle: Lab\npublished: 2025-01-20\n---\n"
        "2025年1月,零一万物与阿里云成立产业大模型联合实验室。\n",
        encoding="utf-8",
    )
    late = tmp_path / "late"
    late.mkdir()
    (late / "late.txt").write_text(f"{LATE_LAB}\n", encoding="utf-8")

    ingest_articles([month])
    ingest_articles([late], published=date(2025, 1, 7))

    event = Event.objects.get()
    assert event.claims.count() == 2
    # Without the flag, 12 March 2025 against January 2025 would be a dispute, and the
    # day-precise claim would lend the event its wording.
    assert (event.status, event.date_start, event.date_end) == (
        "consistent",
        date(2025, 1, 1),
        date(2025, 1, 31),
    )
    assert event.summary.startswith("In January 2025")
