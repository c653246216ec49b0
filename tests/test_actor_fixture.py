"""The curated actor gazetteer loads with `loaddata`, stays idempotent and is self-consistent."""

import json
import re

import pytest
from django.core.management import call_command

from tests.conftest import ROOT
from timeline.models import Actor, ActorAlias, ActorKind, Language
from timeline.pipeline.actors import normalize_alias

FIXTURE = ROOT / "fixtures" / "actors.json"

DEMO_SLUGS = {
    "01-ai": ActorKind.COMPANY,
    "kai-fu-lee": ActorKind.PERSON,
    "alibaba": ActorKind.COMPANY,
    "alibaba-cloud": ActorKind.COMPANY,
    "yi-34b": ActorKind.MODEL,
    "yi-large": ActorKind.MODEL,
    "yi-lightning": ActorKind.MODEL,
    "meta": ActorKind.COMPANY,
    "deepseek": ActorKind.COMPANY,
    "bytedance": ActorKind.COMPANY,
}


def fixture_rows(model: str) -> list[dict]:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [row["fields"] for row in rows if row["model"] == model]


@pytest.fixture
def loaded(db):
    call_command("loaddata", str(FIXTURE), verbosity=0)


def test_loads_into_an_empty_database(loaded):
    assert Actor.objects.count() == len(fixture_rows("timeline.actor"))
    assert ActorAlias.objects.count() == len(fixture_rows("timeline.actoralias"))


def test_loading_twice_changes_nothing(loaded):
    before = sorted(ActorAlias.objects.values_list("actor__slug", "normalized", "id"))
    call_command("loaddata", str(FIXTURE), verbosity=0)
    after = sorted(ActorAlias.objects.values_list("actor__slug", "normalized", "id"))
    assert after == before
    assert Actor.objects.count() == len(fixture_rows("timeline.actor"))


def test_has_at_least_fifty_actors(loaded):
    assert Actor.objects.count() >= 50


def test_demo_slugs_exist_with_their_kinds(loaded):
    kinds = dict(Actor.objects.filter(slug__in=DEMO_SLUGS).values_list("slug", "kind"))
    assert kinds == DEMO_SLUGS


def test_aliases_resolve_across_scripts(loaded):
    assert ActorAlias.objects.get(normalized=normalize_alias("零一萬物")).actor.slug == "01-ai"
    assert ActorAlias.objects.get(normalized=normalize_alias("01.ai")).actor.slug == "01-ai"
    assert (
        ActorAlias.objects.get(normalized=normalize_alias("阿里雲")).actor.slug == "alibaba-cloud"
    )
    assert set(
        ActorAlias.objects.filter(normalized="阿里").values_list("actor__slug", flat=True)
    ) == {"alibaba"}


@pytest.mark.parametrize("fields", fixture_rows("timeline.actoralias"), ids=lambda f: f["alias"])
def test_alias_normalized_form_is_normalize_alias(fields):
    assert fields["normalized"] == normalize_alias(fields["alias"])


@pytest.mark.parametrize("fields", fixture_rows("timeline.actoralias"), ids=lambda f: f["alias"])
def test_alias_language_is_a_known_value(fields):
    assert fields["language"] in {*Language.values, ""}
    has_han = re.search(r"[\u3400-\u9fff]", fields["alias"]) is not None
    assert (fields["language"] in {"zh-Hans", "zh-Hant"}) == has_han


def test_no_actor_has_two_aliases_with_one_normal_form():
    pairs = [(f["actor"][0], f["normalized"]) for f in fixture_rows("timeline.actoralias")]
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("fields", fixture_rows("timeline.actor"), ids=lambda f: f["slug"])
def test_actor_slug_follows_the_rule(fields):
    words = re.findall(r"[a-z0-9]+", fields["name"].lower())
    assert fields["slug"] == "-".join(words)
    assert fields["kind"] in ActorKind.values
    assert fields["description"]


def test_every_actor_has_its_canonical_name_as_an_alias():
    normalized = {(f["actor"][0], f["normalized"]) for f in fixture_rows("timeline.actoralias")}
    for actor in fixture_rows("timeline.actor"):
        assert (actor["slug"], normalize_alias(actor["name"])) in normalized
