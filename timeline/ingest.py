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

from timeline.curation import derive_event_date, refresh_search_text
from timeline.models import Actor, Claim, Event, EventActor, EventKey, Source
from timeline.pipeline.actors import ActorEntry, ActorMatcher
from timeline.pipeline.dates import DateMention, ReferenceDate
from timeline.pipeline.extract import ExtractedClaim, Extraction, extract_article
from timeline.pipeline.reading import (
    Article,
    ArticleError,
    ManifestEntry,
    find_article_paths,
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

    A path that holds no loadable article (missing, a dangling or looping link, a fifo, an
    unreadable directory), a manifest naming files that do not exist beside it (one report),
    and a file that cannot be read or extracted are each reported as failed; the others
    still load.
    Raises `ManifestError` for a broken manifest, before anything is written.
    """
    entries = load_manifest(manifest) if manifest else None
    articles = find_article_paths(paths)
    matcher = load_gazetteer_from_database()
    reports = [
        FileReport(path=str(skipped.path), status=FAILED, error=skipped.reason)
        for skipped in articles.skipped
    ]
    if entries:
        folder = Path(manifest).parent
        missing = [name for name in entries if not (folder / name).is_file()]
        if missing:
            reports.append(
                FileReport(
                    path=str(manifest),
                    status=FAILED,
                    error=f"names {len(missing)} files not found beside it: {', '.join(missing)}",
                )
            )
    if progress:
        for report in reports:
            progress(report)
    for path in articles.found:
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
    events_by_key = {
        event_key.key: event_key.event
        for event_key in EventKey.objects.filter(
            key__in={claim.key for claim in extraction.claims}
        ).select_related("event")
    }

    touched: dict[int, Event] = {}
    untouched: set[int] = set()
    for extracted in extraction.claims:
        claim = existing.get((extracted.char_start, extracted.char_end))
        if claim is not None:
            if update_claim(claim, extracted):
                report.claims_updated += 1
                touched[claim.event_id] = claim.event
            else:
                untouched.add(claim.event_id)
            continue
        event = events_by_key.get(extracted.key)
        if event is None:
            event = create_event(extracted)
            events_by_key[extracted.key] = event
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


def create_event(extracted: ExtractedClaim) -> Event:
    event = Event.objects.create(
        headline=extracted.headline[:300],
        summary=extracted.summary,
        type=extracted.event_type,
    )
    EventKey.objects.create(event=event, key=extracted.key)
    return event


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
    """Add the claim's actors to the event, unless an editor has curated its actors."""
    if event.edited:
        return
    have = set(event.event_actors.values_list("actor__slug", "role"))
    EventActor.objects.bulk_create(
        [
            EventActor(event=event, actor=actors[slug], role=role or "")
            for slug, role in dict.fromkeys(wanted)
            if slug in actors and (slug, role or "") not in have
        ]
    )
