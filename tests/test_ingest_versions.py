"""A changed article is a new version of its source: kept claims keep their ids and events,
claims whose quote is gone are retired, editors' events keep their fields."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from rest_framework.test import APIClient

from timeline.curation import merge_events, update_event
from timeline.ingest import LOADED, UNCHANGED, ingest_articles
from timeline.models import Claim, Event, EventActor, EventKey, Source, SourceVersion
from timeline.pipeline.actors import ActorMatcher, load_gazetteer
from timeline.pipeline.extract import extract_article
from timeline.pipeline.manifest import load_manifest
from timeline.pipeline.reading import read_article

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
EDITED = "002_fdc685422840563a.txt"
# One sentence of the traditional-script article, as first loaded and as edited: longer, so
# every quote after it moves.
SENTENCE = "去年5月,在零一萬物發佈千億參數模型Yi-Large時"
SENTENCE_EDITED = "去年5月中旬,在零一萬物發佈千億參數模型Yi-Large時"


@pytest.fixture
def actors(db):
    call_command("loaddata", "actors", verbosity=0)


@pytest.fixture
def folder(tmp_path) -> Path:
    for path in ARTICLES.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def load(folder: Path):
    return ingest_articles([folder], manifest=folder / "sources.json")


def extracted_quotes(folder: Path, name: str) -> list[str]:
    matcher = ActorMatcher(load_gazetteer(ROOT / "fixtures" / "actors.json"))
    article = read_article(folder / name, manifest=load_manifest(folder / "sources.json"))
    return [claim.quote for claim in extract_article(article, matcher=matcher).claims]


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / EDITED
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def rows() -> dict:
    """Every row a load writes, retired claims included."""
    return {
        "sources": list(Source.objects.values_list("pk", "content_hash", "version", "changed_at")),
        "versions": list(SourceVersion.objects.values_list("pk", "source_id", "number")),
        "events": list(Event.objects.values_list("pk", "headline", "date_start", "updated_at")),
        "claims": list(Claim.all_objects.values_list("pk", "event_id", "char_start", "retired_at")),
        "links": list(EventActor.objects.values_list("pk", "event_id", "actor_id", "role")),
        "keys": list(EventKey.objects.values_list("pk", "event_id", "key")),
        "history": Claim.history.count() + Event.history.count(),
    }


def test_an_edited_sentence_makes_a_new_version_not_a_new_source(actors, folder):
    load(folder)
    source = Source.objects.get(file_name=EDITED)
    before = {claim.pk: claim for claim in Claim.objects.filter(source=source)}
    others_before = set(Claim.objects.exclude(source=source).values_list("pk", "event_id"))
    gone = [claim for claim in before.values() if claim.quote.startswith(SENTENCE)]
    assert gone
    # An editor rewords and redates the event of a claim whose sentence will change.
    event = gone[0].event
    update_event(
        event=event,
        changes={
            "headline": "Yi-Large comes out (editor's wording)",
            "date_start": date(2024, 5, 13),
            "date_end": date(2024, 5, 13),
            "date_precision": "day",
            "date_edtf": "2024-05-13",
        },
    )
    edit(folder, SENTENCE, SENTENCE_EDITED)
    new_quotes = extracted_quotes(folder, EDITED)

    report = load(folder)

    assert Source.objects.count() == 5
    source.refresh_from_db()
    assert source.version == 2 and source.changed_at is not None
    assert list(source.versions.values_list("number", "content_hash")) == [
        (1, SourceVersion.objects.get(source=source, number=1).content_hash),
        (2, source.content_hash),
    ]
    assert SENTENCE_EDITED in source.text
    # Live claims are exactly what the new text yields; the old sentence's claims retired.
    live = list(Claim.objects.filter(source=source))
    assert sorted(claim.quote for claim in live) == sorted(new_quotes)
    retired = Claim.all_objects.filter(source=source, retired_at__isnull=False)
    assert {claim.pk for claim in retired} == {claim.pk for claim in gone}
    # Unchanged quotes keep their ids and events, at the offsets of the new text.
    kept = [claim for claim in live if claim.pk in before]
    assert len(kept) == len(before) - len(gone)
    for claim in kept:
        assert claim.event_id == before[claim.pk].event_id
        assert source.text[claim.char_start : claim.char_end] == claim.quote
    assert any(claim.char_start != before[claim.pk].char_start for claim in kept)
    # Other sources' claims are untouched.
    assert set(Claim.objects.exclude(source=source).values_list("pk", "event_id")) == (
        others_before
    )
    # The editor's event keeps the editor's fields and no longer cites the retired claim.
    event.refresh_from_db()
    assert event.headline == "Yi-Large comes out (editor's wording)"
    assert (event.date_start, event.date_end, event.date_precision) == (
        date(2024, 5, 13),
        date(2024, 5, 13),
        "day",
    )
    assert gone[0].pk not in set(event.claims.values_list("pk", flat=True))
    file_report = next(item for item in report.files if item.path.endswith(EDITED))
    assert file_report.status == LOADED
    assert (file_report.new_version, file_report.claims_retired) == (2, len(gone))
    assert file_report.claims_created == len(new_quotes) - len(kept)
    assert [item.status for item in report.files if item is not file_report] == [UNCHANGED] * 4
    # History says when and why each claim was retired.
    for claim in gone:
        last = Claim.history.filter(id=claim.pk).order_by("-history_date", "-history_id")[0]
        assert last.retired_at is not None
        assert last.history_change_reason == ("load_articles: quote not in version 2 of its source")


def test_reloading_a_new_version_again_changes_nothing(actors, folder):
    load(folder)
    edit(folder, SENTENCE, SENTENCE_EDITED)
    load(folder)
    before = rows()

    report = load(folder)

    assert [item.status for item in report.files] == [UNCHANGED] * 5
    assert rows() == before


def test_the_api_says_which_version_and_hides_retired_claims(actors, folder):
    load(folder)
    source = Source.objects.get(file_name=EDITED)
    first = APIClient().get(f"/api/sources/{source.pk}/").json()
    edit(folder, SENTENCE, SENTENCE_EDITED)
    load(folder)
    retired = Claim.all_objects.filter(source=source, retired_at__isnull=False)
    retired_quotes = {claim.quote for claim in retired}
    editor = User.objects.create_user("ed", password="pw")
    editor.groups.add(Group.objects.get(name="editor"))
    anonymous, as_editor = APIClient(), APIClient()
    as_editor.force_authenticate(editor)

    assert (first["version"], first["changed"]) == (1, None)
    for client in (anonymous, as_editor):
        body = client.get(f"/api/sources/{source.pk}/").json()
        assert body["version"] == 2 and body["changed"] is not None
        assert not retired_quotes & {claim["quote"] for claim in body["claims"]}
        assert body["claim_count"] == Claim.objects.filter(source=source).count()
        for claim in body["claims"]:
            assert body["text"][claim["char_start"] : claim["char_end"]] == claim["quote"]
        events = client.get("/api/events/", {"source": source.pk, "page_size": 100}).json()
        quotes = {c["quote"] for event in events["results"] for c in event["claims"]}
        assert quotes and not retired_quotes & quotes


def test_an_event_left_without_claims_goes_and_its_retired_claim_stays(actors, tmp_path):
    article = tmp_path / "notes.txt"
    head = "---\ntitle: Notes\nurl: https://example.com/notes\npublished: 2025-02-01\n---\n"
    lightning = "01.AI released Yi-Lightning in October 2024.\n\n"
    lab = "Alibaba Cloud and 01.AI set up a joint lab in January 2025.\n"
    article.write_text(head + lightning + lab, encoding="utf-8")
    ingest_articles([article])
    lab_claim = Claim.objects.get(quote__startswith="Alibaba Cloud and 01.AI")
    lightning_claim = Claim.objects.get(quote__startswith="01.AI released Yi-Lightning")
    lab_event = lab_claim.event
    # The same URL with a changed text: the article, not a second source.
    article.write_text(head + lab, encoding="utf-8")

    ingest_articles([article])

    assert Source.objects.count() == 1
    lab_claim.refresh_from_db()
    assert lab_claim.event_id == lab_event.pk and lab_claim.char_start < len(head) + 5
    retired = Claim.all_objects.get(pk=lightning_claim.pk)
    assert retired.retired_at is not None and retired.event_id is None
    assert not Event.objects.filter(pk=lightning_claim.event_id).exists()
    assert Event.history.filter(id=lightning_claim.event_id, history_type="-").get()


def test_an_editors_event_stays_when_its_only_claim_retires(actors, tmp_path):
    article = tmp_path / "notes.txt"
    head = "---\ntitle: Notes\nurl: https://example.com/notes\npublished: 2025-02-01\n---\n"
    lightning = "01.AI released Yi-Lightning in October 2024.\n\n"
    lab = "Alibaba Cloud and 01.AI set up a joint lab in January 2025.\n"
    article.write_text(head + lightning + lab, encoding="utf-8")
    ingest_articles([article])
    event = Claim.objects.get(quote__startswith="01.AI released Yi-Lightning").event
    update_event(event=event, changes={"review": "verified"})
    article.write_text(head + lab, encoding="utf-8")

    ingest_articles([article])

    event.refresh_from_db()
    assert event.review == "verified"
    assert not event.claims.exists()
    assert Claim.all_objects.filter(event=event, retired_at__isnull=False).count() == 1


def test_a_merge_carries_retired_claims_along(actors, tmp_path):
    article = tmp_path / "notes.txt"
    head = "---\ntitle: Notes\nurl: https://example.com/notes\npublished: 2025-02-01\n---\n"
    lightning = "01.AI released Yi-Lightning in October 2024.\n\n"
    lab = "Alibaba Cloud and 01.AI set up a joint lab in January 2025.\n"
    article.write_text(head + lightning + lab, encoding="utf-8")
    ingest_articles([article])
    lightning_event = Claim.objects.get(quote__startswith="01.AI released Yi-Lightning").event
    lab_event = Claim.objects.get(quote__startswith="Alibaba Cloud and 01.AI").event
    update_event(event=lightning_event, changes={"review": "verified"})
    article.write_text(head + lab, encoding="utf-8")
    ingest_articles([article])

    merge_events(target=lab_event, others=[lightning_event])

    assert not Event.objects.filter(pk=lightning_event.pk).exists()
    assert Claim.all_objects.filter(event=lab_event, retired_at__isnull=False).count() == 1
    assert lab_event.claims.count() == 1


def test_a_file_without_url_is_matched_by_file_name_and_publisher(actors, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    body = "01.AI released Yi-Lightning in October 2024.\n"
    (one / "notes.txt").write_text("---\npublisher: Wire\n---\n" + body, encoding="utf-8")
    (two / "notes.txt").write_text("---\npublisher: Other\n---\n" + body + "\n", encoding="utf-8")
    ingest_articles([one / "notes.txt"])
    (one / "notes.txt").write_text("---\npublisher: Wire\n---\nIn short: " + body, encoding="utf-8")

    ingest_articles([one / "notes.txt"])
    ingest_articles([two / "notes.txt"])

    assert list(Source.objects.order_by("pk").values_list("publisher", "version")) == [
        ("Wire", 2),
        ("Other", 1),
    ]
