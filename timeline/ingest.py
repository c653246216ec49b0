"""The one place that writes what the pipeline found: articles in, sources/events/claims out.

Each article loads in its own transaction and upserts on natural keys (a source's content
hash, a claim's span in its source, an event's key), so a second run changes nothing and
an editor's event keeps the fields the editor set while still gaining new claims.

A changed article (found again at its URL, or with no URL under its file name and
publisher) is a new version of its source: claims whose quote is still in the text keep
their ids and events, moved to where the quote now stands; the others are retired.
"""

import copy
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import opencc
from django.db import connection, transaction
from django.db.models import Prefetch, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from timeline.curation import derive_event_date, events_of_actors, refresh_search_text
from timeline.history import change_reason
from timeline.models import (
    Actor,
    ActorAlias,
    ActorKind,
    ActorReview,
    Claim,
    Event,
    EventActor,
    EventKey,
    Language,
    Review,
    Source,
    SourceVersion,
)
from timeline.pipeline.actors import ActorEntry, ActorMatcher, normalize_alias, to_simplified
from timeline.pipeline.article_error import ArticleError
from timeline.pipeline.dates import DateMention, ReferenceDate
from timeline.pipeline.extract import ExtractedClaim, Extraction, extract_article
from timeline.pipeline.language import detect_language
from timeline.pipeline.manifest import ManifestEntry, load_manifest
from timeline.pipeline.merge import (
    Account,
    account_of,
    candidate_prefixes,
    rename_actors,
    same_happening,
    settle_actors,
    split_key,
    strongest_roles,
)
from timeline.pipeline.reading import Article, find_article_paths, read_article
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
    # Claims whose quote the new version of the source no longer holds.
    claims_retired: int = 0
    # Whether this load recorded the source for the first time (it may hold no claim).
    source_created: bool = False
    # The source's version number when this load gave it a new text, else None.
    new_version: int | None = None
    events_created: int = 0
    events_merged: int = 0
    events_unchanged: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    # New actors this file made: "name (slug)", for editors to review.
    actors_discovered: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.source_created
            or self.claims_created
            or self.claims_updated
            or self.claims_retired
            or self.new_version
            or self.events_created
            or self.actors_discovered
        )

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
            f"{len(self.warnings)} warnings; {len(self.actors_discovered)} actors discovered"
        ]
        if self.new_version:
            lines.append(
                f"  a changed text: version {self.new_version} of source {self.source_id}; "
                f"{self.claims_retired} claims retired (their quote is gone)"
            )
        lines += [f"  warning: {warning}" for warning in self.warnings]
        lines += [f"  needs an editor (no date): {quote}" for quote in self.undated]
        if self.candidates:
            lines.append(f"  names not in the gazetteer: {', '.join(self.candidates)}")
        if self.actors_discovered:
            lines.append(f"  actors discovered: {', '.join(self.actors_discovered)}")
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
            f"{totals['events_merged']} merged, {totals['events_unchanged']} unchanged; "
            f"{totals['actors_discovered']} actors discovered"
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
            totals["actors_discovered"] += len(report.actors_discovered)
        return totals


class DryRunRollback(Exception):
    """Raised inside a dry run's transaction so that nothing it wrote is kept."""


def load_gazetteer_from_database() -> ActorMatcher:
    """The actors extraction links: curated ones, and rejected ones so that their names are
    never linked nor discovered again.

    Actors the extractor discovered and no editor has confirmed are left out: an article's
    claims then depend on that article and the curated gazetteer alone, not on which
    articles were loaded before it, so loading is order-independent and a re-run changes
    nothing. A name discovered again resolves to the same row by its normalized alias.
    """
    entries = [
        ActorEntry(
            slug=actor.slug,
            name=actor.name,
            kind=actor.kind,
            aliases=tuple(alias.alias for alias in actor.aliases.all()),
            review=actor.review,
        )
        for actor in Actor.objects.exclude(review=ActorReview.DISCOVERED).with_aliases()
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


# The change reason on the history rows a load writes.
LOAD_REASON = "load_articles"


def ingest_file(
    path: Path,
    *,
    manifest: dict[str, ManifestEntry] | None,
    published: date | None,
    matcher: ActorMatcher,
    dry_run: bool = False,
) -> FileReport:
    try:
        article = read_article(path, manifest=manifest, published=published)
    except ArticleError as error:
        return FileReport(path=str(path), status=FAILED, error=str(error))
    return ingest_article(article, matcher=matcher, dry_run=dry_run)


def ingest_article(article: Article, *, matcher: ActorMatcher, dry_run: bool = False) -> FileReport:
    """Extract and load one article already read (a file, an upload or a posted text)."""
    try:
        extraction = extract_article(article, matcher=matcher)
    except ArticleError as error:
        return FileReport(path=article.path, status=FAILED, error=str(error))
    return load_extraction(extraction, dry_run=dry_run)


def load_extraction(extraction: Extraction, *, dry_run: bool = False) -> FileReport:
    """Write one article's extraction in its own transaction (rolled back for a dry run)."""
    report = FileReport(path=extraction.article.path)
    try:
        with transaction.atomic(), change_reason(LOAD_REASON):
            write_extraction(extraction, report)
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        pass
    report.status = LOADED if report.changed else UNCHANGED
    return report


class HistoryRows:
    """The history rows of one article's saves, written at its end in one insert per model
    (and kind of change) rather than one per save, in the order of the saves, each as the
    object stood when it was saved and dated then.

    The history library's own handler writes a row per save and builds a manager class for
    each: most of a load's queries and about a fifth of its time. Deletions still write
    their rows at once, so the rows waiting are written first.
    """

    def __init__(self) -> None:
        self._rows: list[tuple[type, str, object]] = []

    def save(self, instance, **kwargs) -> None:
        kind = "+" if instance._state.adding else "~"
        instance.skip_history_when_saving = True
        try:
            instance.save(**kwargs)
        finally:
            del instance.skip_history_when_saving
        self.saved([instance], kind)

    def saved(self, instances: Iterable, kind: str) -> None:
        """Record rows for objects saved without history (``kind`` "+" created, "~" changed)."""
        now = timezone.now()
        for instance in instances:
            row = copy.copy(instance)
            row._history_date = now
            self._rows.append((type(instance), kind, row))

    def delete(self, instance) -> None:
        self.write()
        instance.delete()

    def write(self) -> None:
        by_model: dict[type, list[tuple[str, object]]] = {}
        for model, kind, row in self._rows:
            by_model.setdefault(model, []).append((kind, row))
        self._rows.clear()
        for model, rows in by_model.items():
            start = 0
            for index in range(1, len(rows) + 1):
                if index == len(rows) or rows[index][0] != rows[start][0]:
                    model.history.bulk_history_create(
                        [row for _kind, row in rows[start:index]],
                        update=rows[start][0] == "~",
                        default_change_reason=LOAD_REASON,
                    )
                    start = index


# The PostgreSQL advisory lock a load holds while it writes one article.
LOAD_LOCK = 0x54494D454C494E45  # "TIMELINE"


def one_load_at_a_time() -> None:
    """Wait until no other load is writing, for the rest of this transaction (PostgreSQL).

    Two loaders at once would otherwise each make an event for one new happening (the
    second failing on its key), or wait on each other's events, locked in opposite orders.
    SQLite takes one writer at a time anyway.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOAD_LOCK])


def locked_event(event_id: int) -> Event:
    """The event as it is now, its row locked until the load commits: an editor's PATCH
    that commits while the load runs is then neither overwritten nor overwrites."""
    return Event.objects.select_for_update().get(pk=event_id)


def write_extraction(extraction: Extraction, report: FileReport) -> Source:
    """Upsert the source, its claims and their events; fill in `report`."""
    history = HistoryRows()
    one_load_at_a_time()
    article = extraction.article
    source = upsert_source(article, extraction.reference, extraction)
    report.source_id = source.pk
    report.source_created = getattr(source, "created_now", False)
    report.claims_found = len(extraction.claims)
    report.skipped = dict(extraction.skipped)
    report.warnings = extraction_warnings(extraction)
    report.candidates = list(extraction.candidates)
    report.undated = [claim.quote for claim in extraction.claims if claim.date is None]

    actors = {actor.slug: actor for actor in Actor.objects.all()}
    discovered = resolve_discovered(
        extraction.discovered, taken_slugs=set(actors), article_language=article.language
    )
    report.actors_discovered = [f"{actor.name} ({actor.slug})" for actor in discovered.created]
    # Claims name a discovered actor by the slug the extractor proposed for it; keys and
    # links take the slug of the actor it resolved to, so that a name an editor merged
    # into another actor keys its happenings as that actor's (and finds its events).
    renames = {
        proposed: actor.slug
        for proposed, actor in discovered.actors.items()
        if actor.slug != proposed
    }
    actors.update(discovered.actors)
    actors.update({actor.slug: actor for actor in discovered.actors.values()})
    actors = {slug: actor for slug, actor in actors.items() if actor.review != ActorReview.REJECTED}
    settled = settle_actors([rename_actors(claim, renames) for claim in extraction.claims])
    existing = list(Claim.objects.filter(source=source).select_related("event"))
    matched = match_claims(existing, settled)
    kept = {claim.pk for claim in matched.values()}
    retired = [claim for claim in existing if claim.pk not in kept]
    bereft = retire_claims(retired, source.version)
    report.claims_retired = len(retired)
    if getattr(source, "text_replaced", False):
        report.new_version = source.version
    for index in move_claims(source, matched, settled):
        # A claim that could not move to its new place is retired and comes in anew.
        claim = matched.pop(index)
        bereft.update(retire_claims([claim], source.version))
        report.claims_retired += 1

    touched: dict[int, Event] = {}
    untouched: set[int] = set()
    for index, extracted in enumerate(settled):
        claim = matched.get(index)
        if claim is not None:
            if update_claim(claim, extracted, history):
                report.claims_updated += 1
                if claim.event_id not in touched:
                    touched[claim.event_id] = locked_event(claim.event_id)
            else:
                untouched.add(claim.event_id)
            continue
        event, key = matching_event(extracted, touched)
        created = event is None
        if created:
            event = create_event(extracted, key, history)
            report.events_created += 1
        else:
            if event.pk not in touched:
                report.events_merged += 1
            adopt_wording_if_better_dated(event, extracted)
        link_actors(event, extracted.actors, actors, new=created, history=history)
        claim = Claim(event=event, source=source, **claim_fields(extracted))
        history.save(claim, force_insert=True)
        report.claims_created += 1
        touched[event.pk] = event

    for event_id in sorted(bereft.keys() - touched.keys()):
        untouched.discard(event_id)
        event = locked_event(event_id)
        if not remove_if_empty(event):
            touched[event_id] = event
    report.events_unchanged = len(untouched - touched.keys())
    # Every touched event's claims in one query, each event's in the order its own
    # `event.claims.all()` gives (the model's ordering starts with the event).
    claims_of: dict[int, list[Claim]] = {pk: [] for pk in touched}
    for claim in Claim.objects.filter(event_id__in=list(touched)):
        claims_of[claim.event_id].append(claim)
    for event in touched.values():
        derive_event_date(event, claims_of[event.pk])
        history.save(event)
    history.write()
    refresh_search_text(touched.values())
    return source


# --- versions of a source ------------------------------------------------------------------


def match_claims(
    existing: Sequence[Claim], extracted: Sequence[ExtractedClaim]
) -> dict[int, Claim]:
    """Which stored claim each extracted claim is (by its index): the one at the same span
    with the same quote, else one with the same quote, the nearest to where it now stands
    (a new version moves every quote after an edit)."""
    matched: dict[int, Claim] = {}
    by_span = {(claim.char_start, claim.char_end): claim for claim in existing}
    for index, claim in enumerate(extracted):
        stored = by_span.get((claim.char_start, claim.char_end))
        if stored is not None and stored.quote == claim.quote:
            matched[index] = stored
    taken = {claim.pk for claim in matched.values()}
    by_quote: dict[str, list[Claim]] = defaultdict(list)
    for claim in existing:
        if claim.pk not in taken:
            by_quote[claim.quote].append(claim)
    for index, claim in enumerate(extracted):
        candidates = by_quote.get(claim.quote)
        if index in matched or not candidates:
            continue
        stored = min(candidates, key=lambda c: (abs(c.char_start - claim.char_start), c.pk))
        candidates.remove(stored)
        matched[index] = stored
    return matched


def retire_claims(claims: Iterable[Claim], version: int) -> dict[int, Event]:
    """Retire claims whose quote the source's text no longer holds; returns their events.

    The row stays (editors see it in the admin, its history says why); the live-claim
    manager leaves it out of events, counts, exports and pages from now on.
    """
    bereft: dict[int, Event] = {}
    now = timezone.now()
    for claim in claims:
        claim.retired_at = now
        claim._change_reason = f"{LOAD_REASON}: quote not in version {version} of its source"
        claim.save(update_fields=["retired_at"])
        if claim.event_id is not None:
            bereft[claim.event_id] = claim.event
    return bereft


def move_claims(
    source: Source, matched: dict[int, Claim], extracted: Sequence[ExtractedClaim]
) -> list[int]:
    """Move kept claims to where their quotes stand in the source's new text, and return the
    indexes of those that could not move.

    A claim's span is unique among a source's live claims, so a claim moves only once no
    other claim still holds its new span; claims that trade places in a ring cannot.
    """
    pending = {
        index: claim
        for index, claim in matched.items()
        if (claim.char_start, claim.char_end)
        != (extracted[index].char_start, extracted[index].char_end)
    }
    if not pending:
        return []
    held = {
        (start, end): pk
        for pk, start, end in Claim.objects.filter(source=source).values_list(
            "pk", "char_start", "char_end"
        )
    }
    while pending:
        moved = False
        for index, claim in list(pending.items()):
            target = (extracted[index].char_start, extracted[index].char_end)
            if held.get(target, claim.pk) != claim.pk:
                continue
            held.pop((claim.char_start, claim.char_end), None)
            held[target] = claim.pk
            # The quote is the same, so its date sits at the same place within it;
            # `update_claim` then brings the date itself up to date.
            shift = target[0] - claim.char_start
            claim.char_start, claim.char_end = target
            fields = ["char_start", "char_end"]
            if claim.date_char_start is not None:
                claim.date_char_start += shift
                claim.date_char_end += shift
                fields += ["date_char_start", "date_char_end"]
            claim.save(update_fields=fields)
            del pending[index]
            moved = True
        if not moved:
            break
    return list(pending)


def remove_if_empty(event: Event) -> bool:
    """Delete an extracted event that has lost every claim; True if it did.

    An event an editor touched (edited or reviewed) stays, as the editor left it. The
    retired claims of a deleted event stay too, without an event.
    """
    if event.edited or event.review != Review.EXTRACTED or event.claims.exists():
        return False
    for claim in Claim.all_objects.filter(event=event):
        claim.event = None
        claim._change_reason = f"{LOAD_REASON}: its event lost every claim"
        claim.save(update_fields=["event"])
    event._change_reason = f"{LOAD_REASON}: every claim retired"
    event.delete()
    return True


# --- discovered actors ---------------------------------------------------------------------


@dataclass
class DiscoveredActors:
    """How an article's discovered entries map to database actors."""

    actors: dict[str, Actor]  # the extractor's proposed slug -> the actor it resolved to
    created: list[Actor]


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def alias_language(alias: str, article_language: str) -> str:
    """The script an alias is written in: zh-Hant, zh-Hans, en, or "" for none of them.

    A Chinese alias whose characters are the same in both scripts (中芯) is taken to be in
    the script of the article that wrote it.
    """
    if any("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" for char in alias):
        traditional = to_simplified(alias) != alias
        simplified = _to_traditional().convert(alias) != alias
        if traditional and simplified:
            return detect_language(alias, chinese=True)
        if traditional:
            return Language.TRADITIONAL
        if simplified:
            return Language.SIMPLIFIED
        if article_language in (Language.SIMPLIFIED, Language.TRADITIONAL):
            return article_language
        return Language.SIMPLIFIED
    if any(char.isascii() and char.isalpha() for char in alias):
        return Language.ENGLISH
    return ""


def unique_slug(proposal: str, name: str, taken: set[str]) -> str:
    """The proposed slug, or with `-2`, `-3`… when another actor holds it."""
    base = slugify(proposal)[:90].strip("-") or slugify(name)[:90].strip("-") or "actor"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def written_forms(entry: ActorEntry) -> dict[str, str]:
    """Normalized form -> the first way the article wrote it, name first."""
    forms: dict[str, str] = {}
    for written in (entry.name, *entry.aliases):
        written = written.strip()[:200]
        normalized = normalize_alias(written)
        if normalized:
            forms.setdefault(normalized, written)
    return forms


def resolve_discovered(
    entries: Sequence[ActorEntry], *, taken_slugs: set[str], article_language: str
) -> DiscoveredActors:
    """Give every discovered entry a database actor, in a fixed number of queries.

    An actor any of whose aliases, or whose name, has the normalized form of one of the
    entry's names is reused whatever its review state; otherwise a `discovered` actor is
    created under a free slug. Either way the actor gains the entry's names it lacks.
    """
    if not entries:
        return DiscoveredActors(actors={}, created=[])
    forms_of = {entry.slug: written_forms(entry) for entry in entries}
    all_forms = {form for forms in forms_of.values() for form in forms}
    all_written = {written for forms in forms_of.values() for written in forms.values()}
    known = list(
        Actor.objects.alias(name_lower=Lower("name"))
        .filter(
            Q(aliases__normalized__in=all_forms)
            | Q(name__in=all_written)
            | Q(name_lower__in=all_forms)
        )
        .distinct()
        .prefetch_related("aliases")
    )
    # Curated actors first, then the oldest: the one an editor most likely meant.
    known.sort(key=lambda actor: (actor.review != ActorReview.CURATED, actor.pk))
    actor_forms: dict[int, set[str]] = {}
    by_form: dict[str, Actor] = {}
    for actor in known:
        names = {alias.normalized for alias in actor.aliases.all()}
        names.add(normalize_alias(actor.name))
        actor_forms[id(actor)] = names
        for form in names:
            by_form.setdefault(form, actor)

    taken = set(taken_slugs)
    resolved: dict[str, Actor] = {}
    created: list[Actor] = []
    new_aliases: list[ActorAlias] = []
    for entry in entries:
        forms = forms_of[entry.slug]
        if not forms:
            continue
        actor = next((by_form[form] for form in forms if form in by_form), None)
        if actor is None:
            actor = Actor(
                slug=unique_slug(entry.slug, entry.name, taken),
                name=next(iter(forms.values())),
                kind=entry.kind if entry.kind in ActorKind.values else ActorKind.ORGANIZATION,
                review=ActorReview.DISCOVERED,
            )
            taken.add(actor.slug)
            created.append(actor)
            actor_forms[id(actor)] = set()
        for form, written in forms.items():
            if form not in actor_forms[id(actor)]:
                actor_forms[id(actor)].add(form)
                by_form.setdefault(form, actor)
                new_aliases.append(
                    ActorAlias(
                        actor=actor,
                        alias=written,
                        normalized=form,
                        language=alias_language(written, article_language),
                    )
                )
        resolved[entry.slug] = actor

    # bulk_create fills in the new actors' keys, which their aliases then take.
    # The history library's bulk helper writes one history row per object in one more query.
    bulk_create_with_history(created, Actor, default_change_reason=LOAD_REASON)
    bulk_create_with_history(new_aliases, ActorAlias, default_change_reason=LOAD_REASON)
    # A known actor's events are found by its aliases: index the new ones too.
    grown = {alias.actor_id for alias in new_aliases} - {actor.pk for actor in created}
    if grown:
        refresh_search_text(events_of_actors(grown))
    return DiscoveredActors(actors=resolved, created=created)


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
            "warnings": extraction_warnings(extraction),
            "candidate names": list(extraction.candidates),
        },
    }
    source = earlier_text_of(article)
    if source is None:
        source, created = Source.objects.get_or_create(
            content_hash=article.content_hash, defaults={**fields, "text": article.text}
        )
        if created:
            record_version(source, article, source.loaded_at)
            source.created_now = True
    else:
        created = False
        if source.content_hash != article.content_hash:
            add_version(source, article)
    if not created:
        changed = [name for name, value in fields.items() if getattr(source, name) != value]
        if changed:
            for name in changed:
                setattr(source, name, fields[name])
            source.save(update_fields=changed)
    return source


def earlier_text_of(article: Article) -> Source | None:
    """The source this article is a text of, locked: the one with the same text, else (a
    changed article) the one at its URL, else, with no URL, the one with its file name
    and publisher."""
    sources = Source.objects.select_for_update().defer("text", "report")
    found = sources.filter(content_hash=article.content_hash).first()
    if found is not None:
        return found
    if article.url:
        return sources.filter(url=article.url).order_by("pk").first()
    if article.file_name:
        return (
            sources.filter(url="", file_name=article.file_name, publisher=article.publisher or "")
            .order_by("pk")
            .first()
        )
    return None


def record_version(source: Source, article: Article, loaded_at) -> SourceVersion:
    return SourceVersion.objects.create(
        source=source,
        number=source.version,
        content_hash=article.content_hash,
        text=article.text,
        loaded_at=loaded_at,
    )


def add_version(source: Source, article: Article) -> None:
    """Make the article's text the source's next version."""
    if not source.versions.exists():
        # A source loaded from a fixture has no version rows yet: its text is version 1.
        SourceVersion.objects.create(
            source=source,
            number=source.version,
            content_hash=source.content_hash,
            text=Source.objects.values_list("text", flat=True).get(pk=source.pk),
            loaded_at=source.loaded_at,
        )
    now = timezone.now()
    source.version += 1
    source.text, source.content_hash, source.changed_at = article.text, article.content_hash, now
    source.save(update_fields=["version", "text", "content_hash", "changed_at"])
    record_version(source, article, now)
    # Read by `write_extraction`, which reports the new version.
    source.text_replaced = True


def extraction_warnings(extraction: Extraction) -> list[str]:
    """The extractor's warnings, then one per claim dated after its own source."""
    return [
        *extraction.warnings,
        *(
            f"dated after its source: «{' '.join(claim.quote.split())}»"
            for claim in extraction.claims
            if claim.after_source
        ),
    ]


def claim_fields(extracted: ExtractedClaim) -> dict:
    fields = {
        "quote": extracted.quote,
        "char_start": extracted.char_start,
        "char_end": extracted.char_end,
        **claim_date_fields(extracted),
    }
    return fields


def claim_date_fields(extracted: ExtractedClaim) -> dict:
    """The claim's date columns and its after-source flag, which a re-run may change."""
    return {**date_fields(extracted.date), "after_source": extracted.after_source}


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


def update_claim(claim: Claim, extracted: ExtractedClaim, history: HistoryRows) -> bool:
    """Bring a known claim's date up to what the extractor now reads; True if it changed."""
    fields = claim_date_fields(extracted)
    changed = [name for name, value in fields.items() if getattr(claim, name) != value]
    if not changed:
        return False
    for name in changed:
        setattr(claim, name, fields[name])
    history.save(claim, update_fields=changed)
    return True


def create_event(extracted: ExtractedClaim, key: str | None, history: HistoryRows) -> Event:
    event = Event(
        headline=extracted.headline[:300],
        summary=extracted.summary,
        type=extracted.event_type,
    )
    history.save(event, force_insert=True)
    history.save(EventKey(event=event, key=key or extracted.key), force_insert=True)
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
            return loaded.get(event.pk) or locked_event(event.pk), extracted.key
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
    if event.edited or mention is None or mention.start is None or extracted.after_source:
        return
    current = date_rank(event.date_start, event.date_end, event.date_precision)
    if date_rank(mention.start, mention.end, mention.precision) >= current:
        return
    event.headline = extracted.headline[:300]
    event.summary = extracted.summary
    event.type = extracted.event_type
    event.date_start, event.date_end = mention.start, mention.end
    event.date_precision = mention.precision


def link_actors(
    event: Event,
    wanted: Sequence[tuple[str, str]],
    actors: dict[str, Actor],
    *,
    new: bool = False,
    history: HistoryRows,
) -> None:
    """Add the claim's actors to the event, unless an editor has curated its actors: one
    link per actor, in the strongest role any claim gives it (`merge.strongest_roles`).
    An event just created (``new``) has no links yet to read."""
    if event.edited:
        return
    # Compared by actor, not slug: a discovered actor may be named by the extractor's
    # proposed slug while its row holds another (or two slugs may resolve to one actor).
    links = [] if new else list(event.event_actors.order_by("pk"))
    named = [(actors[slug].pk, role or "") for slug, role in wanted if slug in actors]
    settled = strongest_roles([*((link.actor_id, link.role) for link in links), *named])
    kept: dict[int, EventActor] = {}
    for link in links:
        if link.actor_id in kept:
            history.delete(link)
        else:
            kept[link.actor_id] = link
    created = []
    for actor_id, role in settled:
        link = kept.get(actor_id)
        if link is None:
            created.append(EventActor(event=event, actor_id=actor_id, role=role))
        elif link.role != role:
            link.role = role
            history.save(link, update_fields=["role"])
    EventActor.objects.bulk_create(created)
    history.saved(created, "+")
