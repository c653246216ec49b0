"""History: every change to an event, claim, key, actor, alias or link is recorded (who, when,
what, why), shown on the admin's history pages and revertible; an event merge can be undone."""

from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from tests.factories import link_actor, make_actor, make_claim, make_event, make_source
from timeline import curation
from timeline.ingest import LOAD_REASON, ingest_articles
from timeline.models import Actor, ActorAlias, Claim, Event, EventActor, EventKey

pytestmark = pytest.mark.django_db

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
TEXT = "2023年3月,李开复创立零一万物。去年5月,零一万物发布Yi-Large。"


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="editor"))
    client.force_login(user)
    return user


@pytest.fixture
def two_events():
    """A founding and a release of 01.AI, each with a claim, a key and links of its own."""
    source = make_source(text=TEXT)
    company = make_actor("01-ai", name="01.AI", aliases=["零一万物"])
    model = make_actor("yi-large", name="Yi-Large", kind="model")
    founding = make_event(headline="Kai-Fu Lee founds 01.AI", type="founding")
    release = make_event(headline="01.AI releases Yi-Large", type="model_release")
    release.summary = "The release."
    release.save()
    EventKey.objects.create(event=founding, key="founding:01-ai")
    EventKey.objects.create(event=release, key="model_release:yi-large")
    link_actor(founding, company, "subject")
    link_actor(release, company, "subject")
    link_actor(release, model, "product")
    make_claim(
        event=founding,
        source=source,
        quote="2023年3月,李开复创立零一万物",
        date_text="2023年3月",
        start=date(2023, 3, 1),
        end=date(2023, 3, 31),
        precision="month",
    )
    make_claim(
        event=release,
        source=source,
        quote="去年5月,零一万物发布Yi-Large",
        date_text="去年5月",
        start=date(2024, 5, 1),
        end=date(2024, 5, 31),
        precision="month",
    )
    for event in (founding, release):
        curation.rederive_event(event)
    return founding, release


def state_of(event: Event) -> dict:
    return {
        "headline": event.headline,
        "summary": event.summary,
        "date": (event.date_start, event.date_end, event.date_precision),
        "claims": set(event.claims.values_list("pk", flat=True)),
        "keys": set(event.keys.values_list("key", flat=True)),
        "links": sorted(event.event_actors.values_list("actor__slug", "role")),
    }


def test_an_editors_change_is_recorded_with_who_and_what(editor, two_events):
    founding, _release = two_events
    curation.update_event(event=founding, changes={"headline": "01.AI is founded"}, user=editor)
    latest = founding.history.latest()
    delta = latest.diff_against(latest.prev_record)
    assert latest.history_user == editor
    assert latest.history_type == "~"
    assert sorted((change.field, change.old, change.new) for change in delta.changes) == [
        ("edited", False, True),
        ("headline", "Kai-Fu Lee founds 01.AI", "01.AI is founded"),
    ]


def test_the_admin_records_the_signed_in_editor(client, editor, two_events):
    actor = Actor.objects.get(slug="yi-large")
    url = reverse("admin:timeline_actor_change", args=[actor.pk])
    page = client.get(url)
    assert page.status_code == 200
    client.post(
        reverse("admin:timeline_actor_changelist"),
        {"action": "reject_selected", "_selected_action": [actor.pk]},
    )
    actor.refresh_from_db()
    assert actor.review == "rejected"
    latest = actor.history.latest()
    assert latest.history_user == editor
    assert latest.review == "rejected"
    # Rejecting drops the actor's links: each deletion is in the links' history.
    assert EventActor.history.filter(actor_id=actor.pk, history_type="-").exists()


def test_history_page_lists_the_changes_and_reverts_one(client, editor, two_events):
    founding, _release = two_events
    original = founding.headline
    curation.update_event(event=founding, changes={"headline": "Renamed"}, user=editor)
    before = founding.history.filter(headline=original).order_by("-history_date").first()

    revert_url = reverse(
        "admin:timeline_event_simple_history", args=[founding.pk, before.history_id]
    )
    page = client.get(reverse("admin:timeline_event_history", args=[founding.pk]))
    assert page.status_code == 200
    # Each version links to its revert form.
    assert revert_url in page.content.decode()
    form = client.get(revert_url)
    assert form.status_code == 200
    data = {
        "headline": original,
        "summary": founding.summary,
        "type": founding.type,
        "review": founding.review,
        "date_start": "2023-03-01",
        "date_end": "2023-03-31",
        "date_precision": "month",
        "date_qualifier": "",
        "date_edtf": "2023-03",
    }
    response = client.post(revert_url, data)
    assert response.status_code == 302
    founding.refresh_from_db()
    assert founding.headline == original
    latest = founding.history.latest()
    assert latest.history_change_reason == f"revert to version {before.history_id}"
    assert latest.history_user == editor
    # The derived search text follows the reverted headline.
    assert "kai-fu lee" in founding.search_text
    assert "renamed" not in founding.search_text


def test_a_merge_can_be_undone(two_events, editor):
    founding, release = two_events
    before = {"founding": state_of(founding), "release": state_of(release)}
    release_id = release.pk

    curation.merge_events(target=founding, others=[release], user=editor)
    assert not Event.objects.filter(pk=release_id).exists()
    assert curation.merged_into(founding) == [release_id]

    restored = curation.unmerge_event(event_id=release_id, user=editor)

    founding.refresh_from_db()
    assert restored.pk == release_id
    assert state_of(restored) == before["release"]
    assert state_of(founding)["claims"] == before["founding"]["claims"]
    assert state_of(founding)["keys"] == before["founding"]["keys"]
    assert state_of(founding)["links"] == before["founding"]["links"]
    assert curation.merged_into(founding) == []
    # The restored event is found again by its key and its search text is rebuilt.
    assert EventKey.objects.get(key="model_release:yi-large").event_id == release_id
    assert "yi-large" in restored.search_text


def test_undoing_a_merge_from_the_admin(client, editor, two_events):
    founding, release = two_events
    release_id = release.pk
    changelist = reverse("admin:timeline_event_changelist")
    client.post(
        changelist,
        {
            "action": "merge_selected",
            "_selected_action": [founding.pk, release.pk],
            "confirm": "yes",
            "target": founding.pk,
        },
    )
    assert not Event.objects.filter(pk=release_id).exists()

    response = client.post(changelist, {"action": "undo_merges", "_selected_action": [founding.pk]})

    assert response.status_code == 302
    restored = Event.objects.get(pk=release_id)
    assert restored.claims.count() == 1
    assert Claim.objects.filter(event=founding).count() == 1


def test_an_event_that_was_deleted_not_merged_cannot_be_unmerged(two_events):
    _founding, release = two_events
    release_id = release.pk
    curation.delete_event(event=release)
    with pytest.raises(ValueError, match="not merged"):
        curation.unmerge_event(event_id=release_id)


def test_the_loader_writes_history_with_its_reason_bulk_rows_included():
    ingest_articles([ARTICLES], manifest=ARTICLES / "sources.json")
    assert Event.objects.exists()
    for model in (Event, Claim, EventKey, EventActor):
        rows = model.history.filter(history_type="+")
        assert rows.count() == model.objects.count(), model
        assert set(rows.values_list("history_change_reason", flat=True)) == {LOAD_REASON}, model
    # Discovered actors and their aliases arrive by bulk_create: they are in the history too.
    discovered = Actor.objects.filter(review="discovered")
    assert discovered.exists()
    assert Actor.history.filter(id__in=discovered.values("id"), history_type="+").count() == (
        discovered.count()
    )
    aliases = ActorAlias.objects.filter(actor__in=discovered)
    assert ActorAlias.history.filter(id__in=aliases.values("id")).count() >= aliases.count()
