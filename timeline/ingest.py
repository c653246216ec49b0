"""The one place that writes what the pipeline found: articles in, sources/events/claims out.

Each article loads in its own transaction and upserts on natural keys (a source's content
hash, a claim's span in its source, an event's key), so a second run changes nothing and
an editor's event keeps the fields the editor set while still gaining new claims.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from django.db.models import Prefetch, Q

from timeline.curation import derive_event_date, refresh_search_text
from timeline.models import Actor, Claim, Event, EventActor, EventKey, Source
from timeline.pipeline.actors import ActorEntry, ActorMatcher
from timeline.pipeline.dates import DateMention, ReferenceDate
from timeline.pipeline.extract import ExtractedClaim, Extraction, extract_article
from timeline.pipeline.merge import (
    Account,
    account_of,
    candidate_prefixes,
    same_happening,
    settle_actors,
    split_key,
    strongest_roles,
)
from timeline.pipeline.reading import (
    Article,
    ArticleError,
    ManifestEntry,
    iter_article_paths,
    load_manifest,
    read_article,
)
from timeline.pipeline.reconcile import PRECISION_RANK

LOADED = "loaded"
UNCHANGED = "unchanged"
FAILED = "failed"


@dataclass
class FileReport:
    """What loading one file did, or would do with --dry-run."""

    path: str
    status: str = UNCHANGED
    error: str = ""
    source_id: int | None = None
    claims_found: int = 0
    claims_created: int = 0
    claims_updated: int = 0
    events_created: int = 0
    events_merged: int = 0
    events_unchanged: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.claims_created or self.claims_updated or self.events_created)

    def lines(self) -> list[str]:
        """The progress line for this file, then one line per thing an editor should see."""
        if self.status == FAILED:
            # Reading errors name the file already.
            return [f"{self.path}: failed: {self.error.removeprefix(f'{self.path}: ')}"]
        skipped = ", ".join(f"{count} {reason}" for reason, count in sorted(self.skipped.items()))
        lines = [
            f"{self.path}: {self.status}: {self.claims_found} claims "
            f"({self.claims_created} new, {self.claims_updated} updated); events "
            f"{self.events_created} created, {self.events_merged} merged, "
            f"{self.events_unchanged} unchanged; lines skipped as noise: {skipped or 'none'}; "
            f"{len(self.warnings)} warnings"
        ]
        lines += [f"  warning: {warning}" for warning in self.warnings]
        lines += [f"  needs an editor (no date): {quote}" for quote in self.undated]
        if self.candidates:
            lines.append(f"  names not in the gazetteer: {', '.join(self.candidates)}")
        return lines


@dataclass
class IngestReport:
    files: list[FileReport]
    dry_run: bool = False

    @property
    def failed(self) -> list[FileReport]:
        return [report for report in self.files if report.status == FAILED]

    def summary(self) -> str:
        totals = self.totals()
        return (
            f"{'Dry run, nothing written: ' if self.dry_run else ''}{len(self.files)} files, "
            f"{totals[LOADED]} changed, {totals[UNCHANGED]} unchanged, {totals[FAILED]} failed; "
            f"{totals['claims_found']} claims found; events {totals['events_created']} created, "
            f"{totals['events_merged']} merged, {totals['events_unchanged']} unchanged"
        )

    def totals(self) -> Counter:
        totals = Counter()
        for report in self.files:
            totals[report.status] += 1
            for name in (
                "claims_found",
                "claims_created",
                "claims_updated",
                "events_created",
                "events_merged",
                "events_unchanged",
            ):
                totals[name] += getattr(report, name)
        return totals


class DryRunRollback(Exception):
    """Raised inside a dry run's transaction so that nothing it wrote is kept."""


def load_gazetteer_from_database() -> ActorMatcher:
    entries = [
        ActorEntry(
            slug=actor.slug,
            name=actor.name,
            kind=actor.kind,
            aliases=tuple(alias.alias for alias in actor.aliases.all()),
            review=actor.review,
        )
        for actor in Actor.objects.with_aliases()
    ]
    return ActorMatcher(entries)


def ingest_articles(
    paths: Iterable[str | Path],
    *,
    manifest: str | Path | None = None,
    published: date | None = None,
    dry_run: bool = False,
    progress: Callable[[FileReport], None] | None = None,
) -> IngestReport:
    """Load articles (files or directories); each in its own transaction.

    A file that cannot be read or extracted is reported as failed; the others still load.
    Raises `ArticleError` for a missing path and `ManifestError` for a broken manifest,
    before anything is written.
    """
    entries = load_manifest(manifest) if manifest else None
    article_paths = iter_article_paths(paths)
    matcher = load_gazetteer_from_database()
    reports = []
    for path in article_paths:
        report = ingest_file(
            path, manifest=entries, published=published, matcher=matcher, dry_run=dry_run
        )
        reports.append(report)
        if progress:
            progress(report)
    return IngestReport(files=reports, dry_run=dry_run)


def ingest_file(
    path: Path,
    *,
    manifest: dict[str, ManifestEntry] | None,
    published: date | None,
    matcher: ActorMatcher,
    dry_run: bool = False,
) -> FileReport:
    report = FileReport(path=str(path))
    try:
        article = read_article(path, manifest=manifest, published=published)
        extraction = extract_article(article, matcher=matcher)
    except ArticleError as error:
        report.status, report.error = FAILED, str(error)
        return report
    try:
        with transaction.atomic():
            write_extraction(extraction, report)
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        pass
    report.status = LOADED if report.changed else UNCHANGED
    return report


def write_extraction(extraction: Extraction, report: FileReport) -> Source:
    """Upsert the source, its claims and their events; fill in `report`."""
    article = extraction.article
    source = upsert_source(article, extraction.reference, extraction)
    report.source_id = source.pk
    report.claims_found = len(extraction.claims)
    report.skipped = dict(extraction.skipped)
    report.warnings = list(extraction.warnings)
    report.candidates = list(extraction.candidates)
    report.undated = [claim.quote for claim in extraction.claims if claim.date is None]

    actors = {actor.slug: actor for actor in Actor.objects.all()}
    existing = {
        (claim.char_start, claim.char_end): claim
        for claim in Claim.objects.filter(source=source).select_related("event")
    }

    touched: dict[int, Event] = {}
    untouched: set[int] = set()
    for extracted in settle_actors(extraction.claims):
        claim = existing.get((extracted.char_start, extracted.char_end))
        if claim is not None:
            if update_claim(claim, extracted):
                report.claims_updated += 1
                touched[claim.event_id] = claim.event
            else:
                untouched.add(claim.event_id)
            continue
        event, key = matching_event(extracted, touched)
        if event is None:
            event = create_event(extracted, key)
            report.events_created += 1
        else:
            if event.pk not in touched:
                report.events_merged += 1
            adopt_wording_if_better_dated(event, extracted)
        link_actors(event, extracted.actors, actors)
        Claim.objects.create(event=event, source=source, **claim_fields(extracted))
        report.claims_created += 1
        touched[event.pk] = event

    report.events_unchanged = len(untouched - touched.keys())
    for event in touched.values():
        derive_event_date(event, event.claims.all())
        event.save()
    refresh_search_text(touched.values())
    return source


def upsert_source(
    article: Article, reference: ReferenceDate | None, extraction: Extraction
) -> Source:
    fields = {
        "title": article.title[:500],
        "publisher": article.publisher or "",
        "authors": list(article.authors),
        "url": article.url or "",
        "language": article.language,
        "file_name": article.file_name,
        "published": reference.start if reference else None,
        "published_precision": reference.precision if reference else "day",
        "published_inferred": bool(reference and reference.basis == "inferred"),
        "report": {
            "reference date": (f"{reference.display} ({reference.basis})" if reference else ""),
            "lines skipped": dict(extraction.skipped),
            "warnings": list(extraction.warnings),
            "candidate names": list(extraction.candidates),
        },
    }
    source, created = Source.objects.get_or_create(
        content_hash=article.content_hash, defaults={**fields, "text": article.text}
    )
    if not created:
        changed = [name for name, value in fields.items() if getattr(source, name) != value]
        if changed:
            for name in changed:
                setattr(source, name, fields[name])
            source.save(update_fields=changed)
    return source


def claim_fields(extracted: ExtractedClaim) -> dict:
    fields = {
        "quote": extracted.quote,
        "char_start": extracted.char_start,
        "char_end": extracted.char_end,
        **date_fields(extracted.date),
    }
    return fields


def date_fields(mention: DateMention | None) -> dict:
    if mention is None:
        return {
            "date_text": "",
            "date_char_start": None,
            "date_char_end": None,
            "date_start": None,
            "date_end": None,
            "date_precision": "",
            "date_qualifier": "",
            "date_edtf": "",
            "anchor_date": "",
            "anchor_basis": "",
        }
    return {
        "date_text": mention.text,
        "date_char_start": mention.char_start,
        "date_char_end": mention.char_end,
        "date_start": mention.start,
        "date_end": mention.end,
        "date_precision": mention.precision if mention.start else "",
        "date_qualifier": mention.qualifier or "",
        "date_edtf": mention.edtf or "",
        "anchor_date": mention.anchor.date if mention.anchor else "",
        "anchor_basis": mention.anchor.basis if mention.anchor else "",
    }


def update_claim(claim: Claim, extracted: ExtractedClaim) -> bool:
    """Bring a known claim's date up to what the extractor now reads; True if it changed."""
    fields = date_fields(extracted.date)
    changed = [name for name, value in fields.items() if getattr(claim, name) != value]
    if not changed:
        return False
    for name in changed:
        setattr(claim, name, fields[name])
    claim.save(update_fields=changed)
    return True


def create_event(extracted: ExtractedClaim, key: str | None = None) -> Event:
    event = Event.objects.create(
        headline=extracted.headline[:300],
        summary=extracted.summary,
        type=extracted.event_type,
    )
    EventKey.objects.create(event=event, key=key or extracted.key)
    return event


def matching_event(extracted: ExtractedClaim, loaded: dict[int, Event]) -> tuple[Event | None, str]:
    """The event that already holds the claim's happening, else None and the key a new
    event for it takes; `timeline.pipeline.merge.same_happening` decides, over the events
    whose keys share the claim's type and principal (its own key's first). An event this
    load has touched is returned as the instance in `loaded`, which holds its changes."""
    prefixes = Q()
    for prefix in candidate_prefixes(extracted.key):
        prefixes |= Q(key__startswith=prefix)
    held = (
        EventKey.objects.filter(prefixes)
        .select_related("event")
        .prefetch_related(
            "event__keys",
            Prefetch("event__claims", queryset=Claim.objects.only("event_id", "quote")),
            Prefetch("event__event_actors", queryset=EventActor.objects.select_related("actor")),
        )
        .order_by("pk")
    )
    events = {event_key.event_id: event_key.event for event_key in held}
    new = account_of(extracted)
    for event in sorted(events.values(), key=lambda e: extracted.key not in _keys_of(e)):
        # What this load has already changed in the event (its wording, its date) counts.
        current = loaded.get(event.pk, event)
        account = Account(
            keys=frozenset(_keys_of(event)),
            headline=current.headline,
            quotes=tuple(claim.quote for claim in event.claims.all()),
            actors=tuple((link.actor.slug, link.role) for link in event.event_actors.all()),
            dated=current.date_start is not None,
            edited=current.edited,
            period=(current.date_start, current.date_end) if current.date_start else None,
        )
        if same_happening(new, account):
            # The instance above caches the claims it held before this one.
            return loaded.get(event.pk) or Event.objects.get(pk=event.pk), extracted.key
    return None, split_key(extracted, (event_key.key for event_key in held))


def _keys_of(event: Event) -> list[str]:
    return [event_key.key for event_key in event.keys.all()]


def date_rank(start: date | None, end: date | None, precision: str) -> tuple:
    """Orders dates finest first; an undated one comes last."""
    if start is None or end is None:
        return (len(PRECISION_RANK) + 1, 0)
    return (PRECISION_RANK.get(precision, len(PRECISION_RANK)), (end - start).days)


def adopt_wording_if_better_dated(event: Event, extracted: ExtractedClaim) -> None:
    """An extracted event reads as its most precisely dated claim states it.

    Claims arrive article by article, so the first one seen may be the vaguest; a later,
    better-dated claim brings its headline, summary and type. An editor's event keeps its
    own wording.
    """
    mention = extracted.date
    if event.edited or mention is None or mention.start is None:
        return
    current = date_rank(event.date_start, event.date_end, event.date_precision)
    if date_rank(mention.start, mention.end, mention.precision) >= current:
        return
    event.headline = extracted.headline[:300]
    event.summary = extracted.summary
    event.type = extracted.event_type
    event.date_start, event.date_end = mention.start, mention.end
    event.date_precision = mention.precision


def link_actors(event: Event, wanted: Sequence[tuple[str, str]], actors: dict[str, Actor]) -> None:
    """Add the claim's actors to the event, unless an editor has curated its actors: one
    link per actor, in the strongest role any claim gives it (`merge.strongest_roles`)."""
    if event.edited:
        return
    links = list(event.event_actors.select_related("actor").order_by("pk"))
    settled = strongest_roles(
        [*((link.actor.slug, link.role) for link in links), *((s, r or "") for s, r in wanted)]
    )
    kept: dict[str, EventActor] = {}
    for link in links:
        if link.actor.slug in kept:
            link.delete()
        else:
            kept[link.actor.slug] = link
    created = []
    for slug, role in settled:
        link = kept.get(slug)
        if link is None and slug in actors:
            created.append(EventActor(event=event, actor=actors[slug], role=role))
        elif link is not None and link.role != role:
            link.role = role
            link.save(update_fields=["role"])
    EventActor.objects.bulk_create(created)
