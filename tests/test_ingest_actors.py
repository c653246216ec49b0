"""Loading discovered actors: created once, reused across scripts, never linked when rejected.

The extractions here are built by hand, as the extractor would hand them over: an article
read from a file, claims quoting it, and the actors it discovered.
"""

from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_actor
from timeline.curation import merge_actors
from timeline.ingest import (
    FileReport,
    alias_language,
    load_gazetteer_from_database,
    resolve_discovered,
    write_extraction,
)
from timeline.likely_same import duplicate_events
from timeline.models import Actor, ActorAlias, Event, EventActor, EventKey
from timeline.pipeline.actors import ActorEntry
from timeline.pipeline.dates import DateMention
from timeline.pipeline.extract import ExtractedClaim, Extraction
from timeline.pipeline.reading import read_article

pytestmark = pytest.mark.django_db

SIMPLIFIED = "宁德时代2024年5月在德国建厂。"
TRADITIONAL = "寧德時代2024年5月在德國建廠。"


def catl(*aliases: str, slug: str = "ning-de-shi-dai") -> ActorEntry:
    return ActorEntry(
        slug=slug, name=aliases[0], kind="company", aliases=aliases, review="discovered"
    )


def extraction(
    tmp_path: Path,
    text: str,
    discovered: tuple[ActorEntry, ...],
    actors: tuple[tuple[str, str], ...] = (("ning-de-shi-dai", "subject"),),
    *,
    name: str = "article.txt",
    key: str = "expansion:ning-de-shi-dai:2024-05",
) -> Extraction:
    """One claim quoting the whole first line of `text`, dated May 2024."""
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    article = read_article(path, published=date(2025, 1, 1))
    quote = text.rstrip("。")
    start = article.text.index(quote)
    date_start = article.text.index("2024年5月")
    mention = DateMention(
        text="2024年5月",
        char_start=date_start,
        char_end=date_start + len("2024年5月"),
        start=date(2024, 5, 1),
        end=date(2024, 5, 31),
        precision="month",
        qualifier=None,
        edtf="2024-05",
        anchor=None,
    )
    claim = ExtractedClaim(
        key=key,
        event_type="other",
        headline=quote,
        summary="",
        quote=quote,
        char_start=start,
        char_end=start + len(quote),
        date=mention,
        actors=actors,
    )
    return Extraction(
        article=article,
        reference=None,
        claims=(claim,),
        skipped={},
        warnings=(),
        candidates=(),
        discovered=discovered,
    )


def load(data: Extraction) -> FileReport:
    report = FileReport(path=data.article.path)
    write_extraction(data, report)
    return report


def aliases_of(actor: Actor) -> list[tuple[str, str]]:
    return sorted(actor.aliases.values_list("alias", "language"))


def test_a_discovered_actor_becomes_a_discovered_row_linked_to_its_event(tmp_path):
    report = load(extraction(tmp_path, SIMPLIFIED, (catl("宁德时代"),)))

    actor = Actor.objects.get()
    assert (actor.slug, actor.name, actor.kind, actor.review) == (
        "ning-de-shi-dai",
        "宁德时代",
        "company",
        "discovered",
    )
    assert aliases_of(actor) == [("宁德时代", "zh-Hans")]
    assert list(EventActor.objects.values_list("actor__slug", "role")) == [
        ("ning-de-shi-dai", "subject")
    ]
    assert report.actors_discovered == ["宁德时代 (ning-de-shi-dai)"]
    assert report.lines()[0].endswith("; 1 actors discovered")
    assert "  actors discovered: 宁德时代 (ning-de-shi-dai)" in report.lines()


def test_the_same_name_in_the_other_script_reuses_the_actor_and_adds_new_aliases(tmp_path):
    load(extraction(tmp_path, SIMPLIFIED, (catl("宁德时代"),), name="hans.txt"))

    report = load(
        extraction(
            tmp_path,
            "寧德時代(CATL)2024年5月在德國建廠。",
            (catl("寧德時代", "CATL"),),
            name="hant.txt",
            key="expansion:catl:2024-05",
        )
    )

    actor = Actor.objects.get()
    assert report.actors_discovered == []
    # 寧德時代 is 宁德时代 once normalized: one alias row holds both spellings.
    assert aliases_of(actor) == [("CATL", "en"), ("宁德时代", "zh-Hans")]
    assert EventActor.objects.filter(actor=actor).count() == 2


def test_a_curated_actor_is_reused_and_keeps_its_review(tmp_path):
    curated = make_actor("catl", name="CATL", aliases=["CATL"])

    report = load(extraction(tmp_path, TRADITIONAL, (catl("寧德時代", "CATL"),)))

    curated.refresh_from_db()
    assert Actor.objects.get() == curated
    assert curated.review == "curated"
    assert aliases_of(curated) == [("CATL", ""), ("寧德時代", "zh-Hant")]
    assert list(EventActor.objects.values_list("actor__slug", flat=True)) == ["catl"]
    assert report.actors_discovered == []


def test_an_alias_added_to_a_known_actor_makes_its_older_events_findable(tmp_path):
    load(extraction(tmp_path, SIMPLIFIED, (catl("宁德时代"),), name="hans.txt"))
    older = Event.objects.get()

    load(
        extraction(
            tmp_path,
            "寧德時代(CATL)2024年5月在匈牙利建廠。",
            (catl("寧德時代", "CATL"),),
            name="hant.txt",
            key="expansion:ning-de-shi-dai:hungary",
        )
    )

    older.refresh_from_db()
    assert "catl" in older.search_text


def test_an_actor_is_also_found_by_its_name(tmp_path):
    named = make_actor("catl", name="CATL")

    load(extraction(tmp_path, SIMPLIFIED, (catl("宁德时代", "Catl"),)))

    assert Actor.objects.get() == named
    assert aliases_of(named) == [("宁德时代", "zh-Hans")]


def test_a_taken_slug_gets_the_next_free_number(tmp_path):
    make_actor("ning-de-shi-dai", name="Ningde Holdings", aliases=["宁德控股"])
    make_actor("ning-de-shi-dai-2", name="Ningde Times Hotel", aliases=["宁德时代酒店"])

    report = load(extraction(tmp_path, SIMPLIFIED, (catl("宁德时代"),)))

    created = Actor.objects.get(review="discovered")
    assert created.slug == "ning-de-shi-dai-3"
    assert report.actors_discovered == ["宁德时代 (ning-de-shi-dai-3)"]
    # The claim named the actor by the proposed slug: the link goes to the new actor.
    assert list(EventActor.objects.values_list("actor__slug", flat=True)) == ["ning-de-shi-dai-3"]


def test_a_rejected_actor_is_not_rediscovered_and_its_links_are_dropped(tmp_path):
    rejected = make_actor("ning-de-shi-dai", name="宁德时代", aliases=["宁德时代"])
    rejected.review = "rejected"
    rejected.save()
    make_actor("germany", name="Germany", kind="organization", aliases=["德国"])

    report = load(
        extraction(
            tmp_path,
            SIMPLIFIED,
            (catl("宁德时代", slug="ning-de-shi-dai-x"),),
            actors=(
                ("ning-de-shi-dai-x", "subject"),
                ("ning-de-shi-dai", "subject"),
                ("germany", "place"),
            ),
        )
    )

    assert Actor.objects.count() == 2
    assert report.actors_discovered == []
    assert list(EventActor.objects.values_list("actor__slug", "role")) == [("germany", "place")]
    rejected.refresh_from_db()
    assert rejected.review == "rejected"


def test_two_spellings_in_one_article_make_one_actor(tmp_path):
    report = load(
        extraction(
            tmp_path,
            SIMPLIFIED,
            (catl("宁德时代"), catl("寧德時代", "CATL", slug="catl")),
            actors=(("ning-de-shi-dai", "subject"), ("catl", "subject")),
        )
    )

    actor = Actor.objects.get()
    assert report.actors_discovered == ["宁德时代 (ning-de-shi-dai)"]
    assert aliases_of(actor) == [("CATL", "en"), ("宁德时代", "zh-Hans")]
    assert list(EventActor.objects.values_list("actor__slug", "role")) == [
        ("ning-de-shi-dai", "subject")
    ]


def test_a_second_run_creates_nothing(tmp_path):
    data = extraction(tmp_path, SIMPLIFIED, (catl("宁德时代", "CATL"),))
    load(data)
    before = (
        list(Actor.objects.values_list("pk", "slug", "review")),
        list(ActorAlias.objects.values_list("pk", "alias", "language")),
        list(EventActor.objects.values_list("pk", "event_id", "actor_id", "role")),
    )

    report = load(data)

    assert report.actors_discovered == []
    assert not report.changed
    assert (
        list(Actor.objects.values_list("pk", "slug", "review")),
        list(ActorAlias.objects.values_list("pk", "alias", "language")),
        list(EventActor.objects.values_list("pk", "event_id", "actor_id", "role")),
    ) == before


def queries_to_load(tmp_path: Path, count: int, offset: int) -> int:
    """Load an article naming `count` companies, half of them known already (one alias
    each), and return how many queries that took."""
    written = [f"测试公司{chr(0x4E00 + offset + n)}" for n in range(count)]
    for number, name in enumerate(written[: count // 2]):
        make_actor(f"known-{offset + number}", name=f"Known {offset + number}", aliases=[name])
    entries = tuple(
        ActorEntry(slug=f"ce-shi-{offset + n}", name=name, kind="company", aliases=(name,))
        for n, name in enumerate(written)
    )
    data = extraction(
        tmp_path,
        "".join(written) + "2024年5月宣布合作。",
        entries,
        actors=tuple((entry.slug, "party") for entry in entries),
        name=f"article-{offset}.txt",
        key=f"partnership:{offset}",
    )
    with CaptureQueriesContext(connection) as captured:
        load(data)
    created = Actor.objects.filter(review="discovered", name__in=written)
    assert created.count() == count - count // 2
    assert EventActor.objects.filter(event__keys__key=f"partnership:{offset}").count() == count
    return len(captured.captured_queries)


def test_an_articles_actors_are_resolved_in_the_same_queries_however_many_it_names(tmp_path):
    assert queries_to_load(tmp_path, 2, 0) == queries_to_load(tmp_path, 12, 100)


def test_resolution_takes_six_queries(tmp_path, django_assert_num_queries):
    make_actor("catl", name="CATL", aliases=["CATL", "宁德时代"])
    entries = (
        catl("宁德时代", "CATL"),
        catl("比亚迪", slug="bi-ya-di"),
        catl("蔚来", slug="wei-lai"),
    )

    with django_assert_num_queries(6):
        # The known actors, their aliases, then one insert of actors and one of aliases,
        # each followed by one insert of their history rows.
        resolved = resolve_discovered(entries, taken_slugs={"catl"}, article_language="zh-Hans")

    assert {slug: actor.slug for slug, actor in resolved.actors.items()} == {
        "ning-de-shi-dai": "catl",
        "bi-ya-di": "bi-ya-di",
        "wei-lai": "wei-lai",
    }


@pytest.mark.parametrize(
    ("alias", "article_language", "expected"),
    [
        ("宁德时代", "zh-Hant", "zh-Hans"),
        ("寧德時代", "zh-Hans", "zh-Hant"),
        ("CATL", "zh-Hans", "en"),
        ("Nio 蔚来", "en", "zh-Hans"),
        # The same characters in both scripts: the article's script decides.
        ("小米", "zh-Hant", "zh-Hant"),
        ("小米", "zh-Hans", "zh-Hans"),
        ("小米", "en", "zh-Hans"),
        ("ソニー", "en", ""),
    ],
)
def test_an_alias_language_is_the_script_it_is_written_in(alias, article_language, expected):
    assert alias_language(alias, article_language) == expected


def test_extraction_links_curated_and_knows_rejected_names_but_not_unconfirmed_discoveries():
    make_actor("acme", name="Acme", aliases=["Acme"])
    Actor.objects.filter(pk=make_actor("widget-week", aliases=["Widget Week"]).pk).update(
        review="rejected"
    )
    Actor.objects.filter(pk=make_actor("bolt-works", aliases=["Bolt Works"]).pk).update(
        review="discovered"
    )

    matcher = load_gazetteer_from_database()
    found = matcher.find("Acme, Widget Week and Bolt Works met.")

    # Which earlier article discovered Bolt Works must not change what this one links.
    assert [mention.slug for mention in found] == ["acme"]
    assert "widget week" in matcher.keys
    assert "bolt works" not in matcher.keys


def test_after_an_editor_merges_a_discovered_actor_its_name_finds_the_targets_events(tmp_path):
    company = make_actor("catl", name="CATL", aliases=["CATL"])
    held = Event.objects.create(
        headline="CATL builds a plant in Germany",
        type="other",
        date_start=date(2024, 5, 1),
        date_end=date(2024, 5, 31),
        date_precision="month",
    )
    EventKey.objects.create(event=held, key="expansion:catl:2024-05")
    EventActor.objects.create(event=held, actor=company, role="subject")
    load(extraction(tmp_path, SIMPLIFIED, (catl("宁德时代"),), name="hans.txt"))
    discovered = Actor.objects.get(slug="ning-de-shi-dai")
    told_again = Event.objects.exclude(pk=held.pk).get()

    merge_actors(target=company, others=[discovered])

    # The merged actor's key now names the target; the two events are offered as one.
    assert list(told_again.keys.values_list("key", flat=True)) == [
        "expansion:catl:2024-05#ning-de-shi-dai"
    ]
    assert [(a.pk, b.pk) for a, b in duplicate_events([company.pk])] == [(held.pk, told_again.pk)]
    report = load(extraction(tmp_path, TRADITIONAL, (catl("寧德時代"),), name="hant.txt"))

    assert (report.events_created, report.events_merged) == (0, 1)
    assert held.claims.get().quote == TRADITIONAL.rstrip("。")
