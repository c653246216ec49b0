"""Merging the gazetteer adds what is new and never undoes an editor's actor work."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import ROOT
from timeline import curation
from timeline.gazetteer import GazetteerError, merge_gazetteer
from timeline.models import Actor, ActorAlias, ActorKind, ActorReview, Event

pytestmark = pytest.mark.django_db

FIXTURE = ROOT / "fixtures" / "actors.json"


def fixture_counts() -> tuple[int, int]:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    actors = sum(row["model"] == "timeline.actor" for row in rows)
    return actors, len(rows) - actors


def actor_state() -> dict:
    """Every actor's fields and aliases, as an editor sees them."""
    return {
        actor.slug: (
            actor.name,
            actor.kind,
            actor.description,
            actor.review,
            sorted(actor.aliases.values_list("alias", "language")),
        )
        for actor in Actor.objects.all()
    }


def write_fixture(path, rows) -> str:
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return str(path)


def actor_row(slug, name, kind="company", **extra):
    fields = {"slug": slug, "name": name, "kind": kind, **extra}
    return {"model": "timeline.actor", "fields": fields}


def alias_row(slug, alias, language="en"):
    return {
        "model": "timeline.actoralias",
        "fields": {"actor": [slug], "alias": alias, "language": language},
    }


def test_an_empty_database_gets_the_whole_gazetteer_as_loaddata_gives_it():
    merge = merge_gazetteer()
    merged = actor_state()
    Actor.objects.all().delete()
    call_command("loaddata", str(FIXTURE), verbosity=0)

    assert (len(merge.actors_added), merge.aliases_added) == fixture_counts()
    assert merged == actor_state()


def test_a_second_merge_adds_and_changes_nothing():
    merge_gazetteer()
    before = actor_state()

    again = merge_gazetteer()

    assert again.actors_added == []
    assert again.aliases_added == 0
    assert again.actors_kept == fixture_counts()[0]
    assert actor_state() == before


def test_editors_actor_work_survives_load_demo(capsys):
    call_command("load_demo")
    zero_one = Actor.objects.get(slug="01-ai")
    kept_aliases = [
        (alias, language)
        for alias, language in zero_one.aliases.values_list("alias", "language")
        if alias != "Lingyi Wanwu"
    ]
    curation.update_actor(
        actor=zero_one,
        changes={"name": "01.AI (Lingyi)", "kind": ActorKind.LAB, "description": "Edited."},
        aliases=kept_aliases,
    )
    meta = Actor.objects.get(slug="meta")
    meta.review = ActorReview.REJECTED
    meta.save()
    ActorAlias.objects.filter(actor__slug="alibaba", alias="Alibaba Group").delete()
    edited = actor_state()
    events = list(Event.objects.values_list("pk", "headline", "updated_at"))

    call_command("load_demo")

    assert "0 actors added" in capsys.readouterr().out
    assert actor_state() == edited
    assert edited["01-ai"][:4] == ("01.AI (Lingyi)", ActorKind.LAB, "Edited.", "curated")
    assert ("Lingyi Wanwu", "en") not in edited["01-ai"][4]
    assert edited["meta"][3] == ActorReview.REJECTED
    assert ("Alibaba Group", "en") not in edited["alibaba"][4]
    assert list(Event.objects.values_list("pk", "headline", "updated_at")) == events


def test_only_new_actors_get_aliases(tmp_path):
    curation.create_actor(slug="acme", name="ACME", kind="company", aliases=[("ACME", "en")])
    path = write_fixture(
        tmp_path / "gazetteer.json",
        [
            actor_row("acme", "Acme Corporation", kind="lab"),
            alias_row("acme", "Acme Corp"),
            actor_row("zhipu", "Zhipu AI", description="Beijing lab."),
            alias_row("zhipu", "Zhipu AI"),
            alias_row("zhipu", "智谱", "zh-Hans"),
            alias_row("zhipu", "智譜", "zh-Hant"),  # the same normal form as 智谱
        ],
    )

    merge = merge_gazetteer(path)

    assert merge.actors_added == ["zhipu"]
    assert (merge.aliases_added, merge.actors_kept, merge.aliases_not_applied) == (2, 1, 1)
    state = actor_state()
    assert state["acme"] == ("ACME", "company", "", "curated", [("ACME", "en")])
    assert state["zhipu"] == (
        "Zhipu AI",
        "company",
        "Beijing lab.",
        "curated",
        [("Zhipu AI", "en"), ("智谱", "zh-Hans")],
    )


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("not json", "cannot read the gazetteer"),
        ({"model": "timeline.actor"}, "expected a list"),
        ([{"model": "timeline.event", "fields": {}}], "not an actor"),
        ([actor_row("bad slug", "Bad")], "actor 'bad slug'"),
        ([actor_row("x", "X", kind="planet")], "actor 'x'"),
        ([actor_row("x", "X"), alias_row("x", "   ")], "alias of 'x'"),
        ([alias_row(None, "X")], "names no actor"),
    ],
)
def test_a_bad_gazetteer_is_refused_whole(tmp_path, rows, message):
    path = tmp_path / "gazetteer.json"
    path.write_text(rows if isinstance(rows, str) else json.dumps(rows), encoding="utf-8")

    with pytest.raises(GazetteerError, match=message):
        merge_gazetteer(path)

    assert not Actor.objects.exists()


def test_the_command_reports_what_it_did(tmp_path, capsys):
    path = write_fixture(tmp_path / "g.json", [actor_row("zhipu", "Zhipu AI")])

    call_command("merge_gazetteer", path)

    assert capsys.readouterr().out.strip() == (
        "1 actors added with 0 aliases; 0 actors already present left as they are "
        "(0 of their gazetteer aliases not applied)."
    )


def test_the_command_names_a_missing_file_in_one_line(tmp_path):
    with pytest.raises(CommandError, match=r"cannot read the gazetteer .*missing\.json"):
        call_command("merge_gazetteer", str(tmp_path / "missing.json"))


def test_the_command_reports_a_lost_database_in_one_line(lose_database):
    with lose_database(), pytest.raises(CommandError) as error:
        call_command("merge_gazetteer")

    # The driver's own words follow: "unable to open database file" on SQLite, "connection
    # refused" on PostgreSQL; the report names the cause, without a traceback.
    assert str(error.value).startswith("the database is unavailable: ")
    assert "Traceback" not in str(error.value) and "\n" not in str(error.value)
