"""Editors' actor writes keep their events' search text and `updated_at` in step.

Through `timeline.curation` directly, and through the admin's actor pages, which call it.
"""

from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import link_actor, make_actor, make_event
from timeline import curation
from timeline.models import Actor, ActorAlias, Event, EventActor
from timeline.pipeline.actors import normalize_alias
from timeline.pipeline.reconcile import DatedInterval

pytestmark = pytest.mark.django_db

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


@pytest.fixture
def zero_one():
    """01.AI with one alias, named by two events; a third event names someone else."""
    actor = make_actor("01-ai", name="01.AI", aliases=["零一万物"])
    other = make_actor("alibaba", name="Alibaba", aliases=["阿里巴巴"])
    for headline, actors in [
        ("Yi-Large is released", [actor]),
        ("A joint lab opens", [actor, other]),
        ("Qwen is released", [other]),
    ]:
        event = make_event(headline=headline)
        for linked in actors:
            link_actor(event, linked)
    curation.refresh_search_text(Event.objects.all())
    Event.objects.update(updated_at=LONG_AGO)
    return actor


def found(text: str) -> list[str]:
    """Headlines of the events whose search text holds `text`, as the `q` filter finds them."""
    needle = normalize_alias(text)
    return sorted(
        Event.objects.filter(search_text__contains=needle).values_list("headline", flat=True)
    )


def updated() -> list[str]:
    return sorted(Event.objects.exclude(updated_at=LONG_AGO).values_list("headline", flat=True))


OWN_EVENTS = ["A joint lab opens", "Yi-Large is released"]


def test_renaming_an_actor_reindexes_and_touches_its_events(zero_one):
    assert found("01.ai") == OWN_EVENTS

    curation.update_actor(actor=zero_one, changes={"name": "Zero One Everything"})

    assert found("01.ai") == []
    assert found("zero one everything") == OWN_EVENTS
    assert found("零一萬物") == OWN_EVENTS
    assert updated() == OWN_EVENTS


def test_new_aliases_replace_the_old_in_the_search_text(zero_one):
    curation.update_actor(
        actor=zero_one, changes={}, aliases=[("零一萬物", "zh-Hant"), ("Lingyi", "en")]
    )

    assert sorted(zero_one.aliases.values_list("alias", "language")) == [
        ("Lingyi", "en"),
        ("零一萬物", "zh-Hant"),
    ]
    assert found("lingyi") == OWN_EVENTS
    assert found("零一万物") == OWN_EVENTS
    curation.update_actor(actor=zero_one, changes={}, aliases=[("Lingyi", "en")])
    assert found("零一万物") == []
    # The events show no alias: only their search text changed.
    assert updated() == []


def test_a_description_or_the_same_aliases_change_no_event(zero_one):
    before = dict(Event.objects.values_list("headline", "search_text"))

    curation.update_actor(
        actor=zero_one, changes={"description": "A Beijing lab."}, aliases=[("零一万物", "")]
    )

    zero_one.refresh_from_db()
    assert zero_one.description == "A Beijing lab."
    assert dict(Event.objects.values_list("headline", "search_text")) == before
    assert updated() == []


def test_a_new_slug_or_kind_touches_the_events_that_show_it(zero_one):
    curation.update_actor(actor=zero_one, changes={"slug": "lingyi", "kind": "lab"})

    assert updated() == OWN_EVENTS
    assert found("01.ai") == OWN_EVENTS


def test_deleting_an_actor_keeps_its_events_without_it(zero_one):
    curation.delete_actor(actor=zero_one)

    assert not Actor.objects.filter(slug="01-ai").exists()
    assert Event.objects.count() == 3
    assert found("01.ai") == []
    assert found("零一万物") == []
    assert found("阿里巴巴") == ["A joint lab opens", "Qwen is released"]
    assert updated() == OWN_EVENTS


def test_deleting_several_actors_counts_them(zero_one):
    deleted = curation.delete_actors(actors=Actor.objects.all())

    assert deleted == 2
    assert found("阿里巴巴") == []
    assert updated() == sorted([*OWN_EVENTS, "Qwen is released"])


@pytest.mark.parametrize(
    ("changes", "aliases", "field"),
    [
        ({"kind": "planet"}, None, "kind"),
        ({"slug": "not a slug"}, None, "slug"),
        ({"name": ""}, None, "name"),
        ({}, [("零一萬物", ""), ("零一万物", "")], "aliases"),
        ({}, [("  ", "")], "aliases"),
        ({}, [("\u200b\u3000", "")], "aliases"),
        ({}, [("\ufeff\u200d ", "")], "aliases"),
    ],
)
def test_invalid_changes_are_refused_and_nothing_changes(zero_one, changes, aliases, field):
    with pytest.raises(ValidationError) as raised:
        curation.update_actor(actor=zero_one, changes=changes, aliases=aliases)

    assert field in raised.value.message_dict
    stored = Actor.objects.get(pk=zero_one.pk)
    assert (stored.slug, stored.name, stored.kind) == ("01-ai", "01.AI", "company")
    assert list(stored.aliases.values_list("alias", flat=True)) == ["零一万物"]


def test_fields_that_are_not_the_actors_own_are_refused(zero_one):
    with pytest.raises(ValueError, match="not editable: id"):
        curation.update_actor(actor=zero_one, changes={"id": 99})


def test_a_slug_taken_by_another_actor_is_refused(zero_one):
    with pytest.raises(ValidationError) as raised:
        curation.update_actor(actor=zero_one, changes={"slug": "alibaba"})

    assert "slug" in raised.value.message_dict


def test_creating_an_actor_saves_its_aliases():
    actor = curation.create_actor(
        slug="moonshot-ai", name="Moonshot AI", kind="company", aliases=[("月之暗面", "zh-Hans")]
    )

    assert list(actor.aliases.values_list("alias", "language", "normalized")) == [
        ("月之暗面", "zh-Hans", "月之暗面")
    ]


# Through the admin


@pytest.fixture
def admin_client(client):
    user = User.objects.create_user("editor", password="unused", is_staff=True)
    user.groups.add(Group.objects.get(name="editor"))
    client.force_login(user)
    return client


def actor_form(actor: Actor, aliases: list[str], **changes) -> dict:
    """The admin's change form for `actor`, its alias rows replaced by `aliases`."""
    existing = list(actor.aliases.all())
    data = {
        "slug": actor.slug,
        "name": actor.name,
        "kind": actor.kind,
        "description": actor.description,
        "aliases-TOTAL_FORMS": str(len(existing) + len(aliases)),
        "aliases-INITIAL_FORMS": str(len(existing)),
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    for index, alias in enumerate(existing):
        data.update(
            {
                f"aliases-{index}-id": alias.pk,
                f"aliases-{index}-actor": actor.pk,
                f"aliases-{index}-alias": alias.alias,
                f"aliases-{index}-language": alias.language,
                f"aliases-{index}-DELETE": "on",
            }
        )
    for index, alias in enumerate(aliases, start=len(existing)):
        data.update(
            {
                f"aliases-{index}-actor": actor.pk,
                f"aliases-{index}-alias": alias,
                f"aliases-{index}-language": "",
            }
        )
    data.update(changes)
    return data


def test_renaming_in_the_admin_reindexes_the_events(admin_client, zero_one):
    response = admin_client.post(
        reverse("admin:timeline_actor_change", args=[zero_one.pk]),
        actor_form(zero_one, ["Lingyi"], name="Zero One"),
    )

    assert response.status_code == 302, response.context["adminform"].errors
    assert list(ActorAlias.objects.filter(actor=zero_one).values_list("alias", flat=True)) == [
        "Lingyi"
    ]
    assert found("zero one") == OWN_EVENTS
    assert found("lingyi") == OWN_EVENTS
    assert found("零一万物") == []
    assert found("01.ai") == []
    assert updated() == OWN_EVENTS


def test_changing_only_aliases_in_the_admin_reindexes_the_events(admin_client, zero_one):
    response = admin_client.post(
        reverse("admin:timeline_actor_change", args=[zero_one.pk]),
        actor_form(zero_one, ["Lingyi"]),
    )

    assert response.status_code == 302
    assert found("lingyi") == OWN_EVENTS
    assert found("零一万物") == []
    assert updated() == []


def test_deleting_in_the_admin_reindexes_the_events(admin_client, zero_one):
    response = admin_client.post(
        reverse("admin:timeline_actor_delete", args=[zero_one.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Actor.objects.filter(pk=zero_one.pk).exists()
    assert found("01.ai") == []
    assert updated() == OWN_EVENTS


def test_the_admins_delete_action_reindexes_the_events(admin_client, zero_one):
    response = admin_client.post(
        reverse("admin:timeline_actor_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": list(Actor.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert Actor.objects.count() == 0
    assert found("阿里巴巴") == []
    assert found("零一万物") == []


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (date(2023, 3, 28), date(2023, 3, 28), "day", "2023-03-28"),
        (date(2024, 5, 1), date(2024, 5, 31), "month", "2024-05"),
        (date(2024, 7, 1), date(2024, 9, 30), "quarter", "2024-35"),
        (date(2024, 7, 1), date(2024, 12, 31), "half", "2024-41"),
        (date(2024, 1, 1), date(2024, 12, 31), "year", "2024"),
        # Not the whole period its precision names: the plain interval says what is meant.
        (date(2024, 5, 2), date(2024, 5, 31), "month", "2024-05-02/2024-05-31"),
        (date(2024, 5, 1), date(2024, 6, 30), "interval", "2024-05-01/2024-06-30"),
    ],
)
def test_an_editor_set_date_gets_its_periods_edtf(start, end, precision, expected):
    assert curation.edtf_for(DatedInterval(start, end, precision)) == expected


# Reviewing discovered actors


def discovered(slug: str, *aliases: str, kind: str = "company") -> Actor:
    actor = make_actor(slug, name=aliases[0], kind=kind, aliases=aliases)
    actor.review = "discovered"
    actor.save()
    return actor


def test_confirming_makes_discovered_actors_curated_and_counts_the_changed():
    first, second = discovered("ning-de-shi-dai", "宁德时代"), discovered("bi-ya-di", "比亚迪")
    already = make_actor("catl", name="CATL")

    count = curation.confirm_actors(actors=[first, second, already])

    assert count == 2
    assert set(Actor.objects.values_list("review", flat=True)) == {"curated"}


def test_rejecting_drops_the_links_keeps_the_aliases_and_reindexes(zero_one):
    count = curation.reject_actors(actors=[zero_one])

    zero_one.refresh_from_db()
    assert count == 1
    assert zero_one.review == "rejected"
    assert list(zero_one.aliases.values_list("alias", flat=True)) == ["零一万物"]
    assert not zero_one.event_links.exists()
    assert Event.objects.count() == 3
    assert not Event.objects.filter(search_text__contains="零一万物").exists()
    assert set(
        Event.objects.filter(updated_at__gt=LONG_AGO).values_list("headline", flat=True)
    ) == {
        "Yi-Large is released",
        "A joint lab opens",
    }


def test_merging_moves_aliases_and_links_and_deletes_the_others(zero_one):
    duplicate = discovered("ling-yi-wan-wu", "零一萬物", "Lingyi Wanwu")
    duplicate.description = "A Beijing AI start-up."
    duplicate.save()
    people = discovered("01-ai-team", "01.AI team")
    founding = make_event(headline="The company is founded")
    link_actor(founding, duplicate, "subject")
    lab = Event.objects.get(headline="A joint lab opens")
    link_actor(lab, duplicate, "partner")
    link_actor(lab, people, "mentioned")

    merged = curation.merge_actors(target=zero_one, others=[duplicate, people, zero_one])

    assert merged == zero_one
    assert merged.review == "curated"
    assert merged.description == "A Beijing AI start-up."
    assert not Actor.objects.filter(slug__in=["ling-yi-wan-wu", "01-ai-team"]).exists()
    # 零一萬物 is 零一万物 once normalized: the target's own spelling stays.
    assert sorted(merged.aliases.values_list("alias", flat=True)) == [
        "01.AI team",
        "Lingyi Wanwu",
        "零一万物",
    ]
    links = {
        (link.event.headline, link.role)
        for link in EventActor.objects.filter(actor=zero_one).select_related("event")
    }
    # One link per event: the joint lab keeps "partner", the strongest of its three roles.
    assert links == {
        ("Yi-Large is released", ""),
        ("A joint lab opens", "partner"),
        ("The company is founded", "subject"),
    }
    founding.refresh_from_db()
    assert normalize_alias("Lingyi Wanwu") in founding.search_text
    assert founding.updated_at > LONG_AGO


def test_merging_a_curated_actor_into_a_discovered_one_makes_it_curated(zero_one):
    target = discovered("ling-yi-wan-wu", "零一萬物")

    merged = curation.merge_actors(target=target, others=[zero_one])

    assert merged.review == "curated"
    assert merged.slug == "ling-yi-wan-wu"
    assert list(merged.aliases.values_list("alias", flat=True)) == ["零一萬物"]
    assert merged.event_links.count() == 2


def test_merging_into_itself_changes_nothing(zero_one):
    assert curation.merge_actors(target=zero_one, others=[zero_one]) == zero_one
    assert Actor.objects.count() == 2
    assert zero_one.event_links.count() == 2


@pytest.mark.parametrize(
    ("weaker", "stronger"),
    [("", "mentioned"), ("mentioned", "party"), ("party", "subject"), ("subject", "founder")],
)
def test_a_specific_role_is_stronger_than_a_generic_one(weaker, stronger):
    assert curation.role_strength(weaker) < curation.role_strength(stronger)


@pytest.mark.parametrize("alias", ["\u200b", " \u200b ", "\u2060\u00a0\u200c"])
def test_the_admin_refuses_an_alias_of_invisible_characters(admin_client, zero_one, alias):
    response = admin_client.post(
        reverse("admin:timeline_actor_change", args=[zero_one.pk]),
        actor_form(zero_one, [alias]),
    )

    assert response.status_code == 200
    assert "An alias needs at least one visible character." in response.content.decode()
    assert list(zero_one.aliases.values_list("alias", flat=True)) == ["零一万物"]


# Editors' dates: the precision must fit the interval; the EDTF follows from both.


@pytest.mark.parametrize(
    ("start", "end", "precision", "qualifier", "edtf"),
    [
        (date(2024, 5, 13), date(2024, 5, 13), "day", "", "2024-05-13"),
        (date(2024, 5, 13), date(2024, 5, 19), "week", "", "2024-05-13/2024-05-19"),
        (date(2024, 5, 11), date(2024, 5, 20), "xun", "", "2024-05-11/2024-05-20"),
        (date(2024, 2, 21), date(2024, 2, 29), "xun", "", "2024-02-21/2024-02-29"),
        (date(2024, 2, 1), date(2024, 2, 29), "month", "", "2024-02"),
        (date(2024, 10, 1), date(2024, 12, 31), "quarter", "", "2024-36"),
        (date(2024, 7, 1), date(2024, 12, 31), "half", "", "2024-41"),
        (date(2024, 9, 1), date(2024, 12, 31), "part", "late", "2024-39"),
        (date(2024, 1, 1), date(2024, 12, 31), "year", "", "2024"),
        (date(2024, 4, 1), date(2025, 3, 31), "year", "fiscal", "2024-04-01/2025-03-31"),
        (date(1990, 1, 1), date(1999, 12, 31), "decade", "", "199X"),
        (date(1900, 1, 1), date(1999, 12, 31), "century", "", "1900-01-01/1999-12-31"),
        (date(2024, 5, 3), date(2024, 6, 17), "interval", "", "2024-05-03/2024-06-17"),
    ],
)
def test_a_date_that_fits_its_precision_is_kept_with_its_edtf(
    start, end, precision, qualifier, edtf
):
    event = make_event(headline="Dated by an editor")
    changes = {
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_qualifier": qualifier,
        "date_edtf": "",
    }

    curation.update_event(event=event, changes=changes)

    event.refresh_from_db()
    assert (event.date_start, event.date_end, event.date_precision) == (start, end, precision)
    assert event.date_edtf == edtf


@pytest.mark.parametrize(
    ("start", "end", "precision", "qualifier"),
    [
        (date(2024, 5, 13), date(2024, 5, 14), "day", ""),
        (date(2024, 5, 14), date(2024, 5, 20), "week", ""),
        (date(2024, 5, 12), date(2024, 5, 21), "xun", ""),
        (date(2024, 2, 1), date(2024, 2, 28), "month", ""),
        (date(2024, 5, 1), date(2024, 6, 30), "month", ""),
        (date(2024, 2, 1), date(2024, 4, 30), "quarter", ""),
        (date(2024, 4, 1), date(2024, 9, 30), "half", ""),
        (date(2024, 3, 1), date(2024, 6, 30), "part", "early"),
        (date(2024, 4, 1), date(2025, 3, 31), "year", ""),
        (date(2024, 4, 15), date(2025, 4, 14), "year", "fiscal"),
        (date(1991, 1, 1), date(2000, 12, 31), "decade", ""),
        (date(1901, 1, 1), date(2000, 12, 31), "century", ""),
    ],
)
def test_a_precision_that_does_not_fit_the_interval_is_refused(start, end, precision, qualifier):
    event = make_event(headline="Dated by an editor")
    changes = {
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_qualifier": qualifier,
    }

    with pytest.raises(ValidationError) as raised:
        curation.update_event(event=event, changes=changes)

    assert list(raised.value.message_dict) == ["date_precision"]
    event.refresh_from_db()
    assert event.date_start is None


@pytest.mark.parametrize(
    ("edtf", "accepted"),
    [
        ("2024-05", True),
        ("2024-05-01/2024-05-31", True),
        ("garbage", False),
        ("2024-06", False),
        ("2024", False),
    ],
)
def test_an_edtf_given_with_the_date_must_describe_it(edtf, accepted):
    event = make_event(headline="Dated by an editor")
    changes = {
        "date_start": date(2024, 5, 1),
        "date_end": date(2024, 5, 31),
        "date_precision": "month",
        "date_edtf": edtf,
    }
    if accepted:
        curation.update_event(event=event, changes=changes)
        event.refresh_from_db()
        assert event.date_edtf == edtf
    else:
        with pytest.raises(ValidationError) as raised:
            curation.update_event(event=event, changes=changes)
        assert list(raised.value.message_dict) == ["date_edtf"]


def test_naming_an_actor_twice_is_refused(zero_one):
    event = make_event(headline="Twice")
    with pytest.raises(ValidationError) as raised:
        curation.update_event(
            event=event, changes={}, actors=[(zero_one, "founder"), (zero_one, "")]
        )
    assert "actors" in raised.value.message_dict
    assert not event.event_actors.exists()


@pytest.mark.django_db
def test_an_update_applies_to_the_event_as_committed_not_to_the_copy_read_before():
    """Two editors read the event; the first commits a new headline while the second waits
    for the row's lock. The second's change of summary keeps the first's headline."""
    event = make_event(headline="Before")
    stale = Event.objects.get(pk=event.pk)
    curation.update_event(event=event, changes={"headline": "The first editor's"})

    curation.update_event(event=stale, changes={"summary": "The second editor's"})

    event.refresh_from_db()
    assert (event.headline, event.summary) == ("The first editor's", "The second editor's")
