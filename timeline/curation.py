"""Editors' writes: create, edit, merge (and undo a merge), review and delete events;
create, edit, review (confirm or reject), merge and delete actors.

The admin and the API call these functions; they keep each event's derived fields (date,
status, display, search text) in step with its claims and actors, and mark editors' changes
so that a reload of the articles never overwrites them. Every write goes through model
saves and deletes (or the history library's bulk helpers) so that each change to an event,
claim, key, actor, alias or link leaves a history row.
"""

import dataclasses
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from timeline.history import by_editor
from timeline.models import (
    Actor,
    ActorAlias,
    ActorReview,
    Claim,
    DateStatus,
    Event,
    EventActor,
    EventKey,
    Review,
)
from timeline.pipeline.actors import is_blank, normalize_alias
from timeline.pipeline.dates import display_date, periods
from timeline.pipeline.merge import KEY_SEPARATOR, rename_in_key
from timeline.pipeline.reconcile import DatedInterval, Reconciled, reconcile_dates

DATE_FIELDS = ("date_start", "date_end", "date_precision", "date_qualifier", "date_edtf")
EDITABLE_FIELDS = ("headline", "summary", "type", "review", *DATE_FIELDS)
# Changing any of these marks the event edited: reloads then leave it as the editor left it.
GUARDED_FIELDS = ("headline", *DATE_FIELDS)


def claim_interval(claim: Claim) -> DatedInterval:
    return DatedInterval(
        start=claim.date_start,
        end=claim.date_end,
        precision=claim.date_precision,
        qualifier=claim.date_qualifier or None,
        edtf=claim.date_edtf or None,
        after_source=claim.after_source,
    )


def event_interval(event: Event) -> DatedInterval:
    return DatedInterval(
        start=event.date_start,
        end=event.date_end,
        precision=event.date_precision,
        qualifier=event.date_qualifier or None,
        edtf=event.date_edtf or None,
    )


def apply_interval(event: Event, interval: DatedInterval) -> None:
    event.date_start = interval.start
    event.date_end = interval.end
    event.date_precision = interval.precision if interval.is_dated else ""
    event.date_qualifier = (interval.qualifier or "") if interval.is_dated else ""
    event.date_edtf = (interval.edtf or "") if interval.is_dated else ""
    event.date_display = (
        display_date(interval.start, interval.end, interval.precision, interval.qualifier)
        if interval.is_dated
        else ""
    )


# The whole calendar period of each precision that holds a given first day, so that an
# editor's date is written with the period's own EDTF code only when it is that period.
CALENDAR_PERIODS = {
    "day": lambda day: (day, day),
    "month": lambda day: periods.month_interval(day.year, day.month),
    "quarter": lambda day: periods.quarter_interval(day.year, (day.month + 2) // 3),
    "half": lambda day: periods.half_interval(day.year, 1 if day.month <= 6 else 2),
    "part": lambda day: periods.part_interval(
        day.year, "early" if day.month <= 4 else "mid" if day.month <= 8 else "late"
    ),
    "year": lambda day: periods.year_interval(day.year),
    "decade": lambda day: periods.decade_interval(day.year - day.year % 10),
}


def _whole_months(start, end, months: int) -> bool:
    """True if start..end is `months` whole months from the first of a month (fiscal years
    and their quarters and halves start in any month)."""
    if start.day != 1:
        return False
    year, month = periods.shift_months(start.year, start.month, months - 1)
    return end == periods.month_end(year, month)


# Whether an interval is exactly one period of a precision (e.g. a `month` is one whole
# calendar month); `interval` is any span.
PRECISION_FITS = {
    "day": lambda start, end: start == end,
    "week": lambda start, end: start.weekday() == 0 and (end - start).days == 6,
    "xun": lambda start, end: (
        start.day in (1, 11, 21)
        and periods.xun_interval(start.year, start.month, (start.day + 9) // 10) == (start, end)
    ),
    "month": lambda start, end: periods.month_interval(start.year, start.month) == (start, end),
    "quarter": lambda start, end: (
        start.month % 3 == 1
        and periods.quarter_interval(start.year, (start.month + 2) // 3) == (start, end)
    ),
    "half": lambda start, end: (
        start.month in (1, 7)
        and periods.half_interval(start.year, 1 if start.month == 1 else 2) == (start, end)
    ),
    "part": lambda start, end: (
        (start.month, end.month) in periods.PART_MONTHS.values() and _whole_months(start, end, 4)
    ),
    "year": lambda start, end: periods.year_interval(start.year) == (start, end),
    "decade": lambda start, end: (
        start.year % 10 == 0 and periods.decade_interval(start.year) == (start, end)
    ),
    "century": lambda start, end: (
        start.year % 100 == 0
        and (start, end)
        == (periods.year_interval(start.year)[0], periods.year_interval(start.year + 99)[1])
    ),
    "interval": lambda start, end: start <= end,
}
FISCAL_MONTHS = {"year": 12, "half": 6, "quarter": 3}
PRECISION_WORDING = {
    "day": "a single day",
    "week": "a Monday-to-Sunday week",
    "xun": "days 1–10, 11–20 or 21 to the end of one month",
    "month": "one whole calendar month",
    "quarter": "one whole calendar quarter",
    "half": "January–June or July–December of one year",
    "part": "January–April, May–August or September–December of one year",
    "year": "one whole calendar year",
    "decade": "one whole decade (1990–1999)",
    "century": "one whole century (1900–1999)",
}


def normalized_date(interval: DatedInterval) -> str:
    """Check that an editor's date is one period of its precision and return its EDTF string,
    computed when none was given and checked when one was.

    Raises ValidationError naming `date_precision` or `date_edtf`.
    """
    start, end, precision = interval.start, interval.end, interval.precision
    if start > end:
        raise ValidationError({"date_end": "The end must not be before the start."})
    if interval.qualifier == "fiscal" and precision in FISCAL_MONTHS:
        fits = _whole_months(start, end, FISCAL_MONTHS[precision])
    else:
        fits = PRECISION_FITS.get(precision, lambda *_: False)(start, end)
    if not fits:
        raise ValidationError(
            {
                "date_precision": f"A {precision} date must be "
                f"{PRECISION_WORDING.get(precision, 'a known precision')}; "
                f"{start.isoformat()} to {end.isoformat()} is not."
            }
        )
    computed = edtf_for(interval) or ""
    given = (interval.edtf or "").strip()
    if not given:
        return computed
    accepted = {computed, f"{start.isoformat()}/{end.isoformat()}"}
    if interval.qualifier == "approx":
        accepted |= {f"{code}~" for code in accepted}
    if given not in accepted:
        raise ValidationError(
            {
                "date_edtf": f"{given!r} is not the EDTF of {start.isoformat()} to "
                f"{end.isoformat()} at {precision} precision: send {computed!r} or leave it out."
            }
        )
    return given


def edtf_for(interval: DatedInterval) -> str | None:
    """The EDTF string of an editor-set date: the period's code, else the plain interval."""
    if not interval.is_dated:
        return None
    period = CALENDAR_PERIODS.get(interval.precision)
    if period and period(interval.start) == (interval.start, interval.end):
        return periods.edtf_for(interval.start, interval.end, interval.precision, None)
    return f"{interval.start.isoformat()}/{interval.end.isoformat()}"


def reconcile_event(event: Event, claims: Iterable[Claim]) -> Reconciled:
    """The event's date as its claims (and an editor's date) give it, with the reason when
    dated claims left it undated; claims dated after their source do not count."""
    editor_date = event_interval(event) if event.edited else None
    return reconcile_dates([claim_interval(c) for c in claims], editor_date=editor_date)


def derive_event_date(event: Event, claims: Iterable[Claim]) -> None:
    """Set the event's date and status from its claims, keeping an editor's date."""
    reconciled = reconcile_event(event, claims)
    apply_interval(event, reconciled.date)
    event.status = reconciled.status


def event_search_text(event: Event, claims: Iterable[Claim], aliases: Iterable[str]) -> str:
    parts = [event.headline, event.summary, *(c.quote for c in claims), *aliases]
    return normalize_alias("\n".join(part for part in parts if part))


def refresh_search_text(events: Iterable[Event]) -> None:
    """Rebuild the script-insensitive search text of these events, in three queries."""
    ids = [event.pk for event in events]
    rows = Event.objects.filter(pk__in=ids).prefetch_related(
        Prefetch("claims", queryset=Claim.objects.only("id", "event_id", "quote")),
        Prefetch("actors", queryset=Actor.objects.prefetch_related("aliases").only("id", "name")),
    )
    updated = []
    for event in rows:
        aliases = [
            name
            for actor in event.actors.all()
            for name in (actor.name, *(alias.alias for alias in actor.aliases.all()))
        ]
        event.search_text = event_search_text(event, event.claims.all(), aliases)
        updated.append(event)
    Event.objects.bulk_update(updated, ["search_text"])


@transaction.atomic
def rederive_event(event: Event) -> Event:
    """Recompute the event's date and status from its claims (an editor's date stays)."""
    derive_event_date(event, event.claims.all())
    event.save(update_fields=[*DATE_FIELDS, "date_display", "status", "updated_at"])
    return event


def _set_actors(event: Event, actors: Sequence[tuple[Actor, str]]) -> bool:
    named = [actor.pk for actor, _role in actors]
    if len(named) != len(set(named)):
        twice = sorted({actor.slug for actor, _ in actors if named.count(actor.pk) > 1})
        raise ValidationError({"actors": f"Each actor once: {', '.join(twice)} is named twice."})
    wanted = {(actor.pk, role or "") for actor, role in actors}
    current = set(event.event_actors.values_list("actor_id", "role"))
    if wanted == current:
        return False
    event.event_actors.exclude(
        pk__in=[
            link.pk for link in event.event_actors.all() if (link.actor_id, link.role) in wanted
        ]
    ).delete()
    bulk_create_with_history(
        [
            EventActor(event=event, actor_id=actor_id, role=role)
            for actor_id, role in sorted(wanted - current)
        ],
        EventActor,
    )
    return True


@by_editor
@transaction.atomic
def create_event(
    *,
    headline: str,
    type: str,
    summary: str = "",
    date: dict | None = None,
    actors: Sequence[tuple[Actor, str]] = (),
    user=None,
) -> Event:
    """An event written by an editor: it counts as edited from the start."""
    event = Event(headline=headline, type=type, summary=summary, edited=True)
    if date:
        interval = DatedInterval(
            start=date.get("start"),
            end=date.get("end"),
            precision=date.get("precision", ""),
            qualifier=date.get("qualifier"),
            edtf=date.get("edtf"),
        )
        if interval.is_dated:
            interval = dataclasses.replace(interval, edtf=normalized_date(interval) or None)
        apply_interval(event, interval)
        event.status = DateStatus.CONSISTENT if interval.is_dated else DateStatus.UNRESOLVED
    event.full_clean(exclude=["search_text"])
    event.save()
    _set_actors(event, actors)
    refresh_search_text([event])
    event.refresh_from_db()
    return event


@by_editor
@transaction.atomic
def update_event(
    *,
    event: Event,
    changes: dict,
    actors: Sequence[tuple[Actor, str]] | None = None,
    user=None,
) -> Event:
    """Apply an editor's changes; a changed date, headline or actor list marks it edited."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    # Hold the row until this transaction ends: two editors setting the actors at once
    # then apply one after the other, and neither sees the other's half-written links.
    # The links are read (in `_set_actors`) only once the lock is held.
    list(Event.objects.select_for_update().filter(pk=event.pk).values_list("pk"))
    # The changes apply to the event as it is now, with what another writer committed
    # while this one waited for the lock, not to the copy read before it.
    event.refresh_from_db()
    guarded_change = any(
        field in changes and changes[field] != getattr(event, field) for field in GUARDED_FIELDS
    )
    for field, value in changes.items():
        nullable = field in ("date_start", "date_end")
        setattr(event, field, "" if value is None and not nullable else value)
    if set(changes) & set(DATE_FIELDS) and event.date_start is not None:
        event.date_edtf = normalized_date(event_interval(event))
    if actors is not None and _set_actors(event, actors):
        guarded_change = True
    if guarded_change:
        event.edited = True
    derive_event_date(event, event.claims.all())
    event.full_clean(exclude=["search_text"])
    event.save()
    refresh_search_text([event])
    event.refresh_from_db()
    return event


@transaction.atomic
def record_editor_change(
    *, event: Event, changed_fields: Iterable[str] | None, actors_changed: bool
) -> Event:
    """After the admin saved an event form: mark guarded changes, re-derive, re-index.

    `changed_fields` is None for a newly added event, which counts as an editor's own.
    """
    changed = set(changed_fields) if changed_fields is not None else set(GUARDED_FIELDS)
    if actors_changed or changed & set(GUARDED_FIELDS):
        event.edited = True
    if changed & set(DATE_FIELDS) and "date_edtf" not in changed:
        # The editor moved the date but left the EDTF string: it describes the old date.
        event.date_edtf = edtf_for(event_interval(event)) or ""
    derive_event_date(event, event.claims.all())
    event.save()
    refresh_search_text([event])
    return event


@transaction.atomic
def move_claim(*, claim: Claim, event: Event, previous_event_id: int) -> Claim:
    """Attach a claim to another event; both events' dates are derived again."""
    claim.event = event
    claim.save(update_fields=["event"])
    for affected in Event.objects.filter(pk__in={previous_event_id, event.pk}):
        rederive_event(affected)
    refresh_search_text(Event.objects.filter(pk__in={previous_event_id, event.pk}))
    return claim


@by_editor
@transaction.atomic
def delete_event(*, event: Event, user=None) -> None:
    event.delete()


@by_editor
@transaction.atomic
def set_review(*, events: Iterable[Event], review: str, user=None) -> int:
    """Mark events verified, rejected or back to extracted; returns how many changed."""
    if review not in Review.values:
        raise ValueError(f"unknown review state {review!r}; one of {', '.join(Review.values)}")
    ids = [event.pk for event in events]
    changed = list(Event.objects.filter(pk__in=ids).exclude(review=review))
    # One save per event rather than one UPDATE: each change is then in the history.
    for event in changed:
        event.review = review
        event.save(update_fields=["review", "updated_at"])
    return len(changed)


def merge_reason(other_id: int, target_id: int) -> str:
    """The history change reason of every row a merge writes: `unmerge` finds them by it."""
    return f"merge {other_id} into {target_id}"


@by_editor
@transaction.atomic
def merge_events(*, target: Event, others: Iterable[Event], user=None) -> Event:
    """Fold `others` into `target`: claims and actor links move over, nothing is lost.

    Duplicate actor links collapse; summaries of the merged events are kept in the target's
    summary when it has none; the target's date is re-derived from all the claims (an
    editor's date on the target stays). Each row moved, added or deleted is saved one by
    one with the change reason `merge_reason(other, target)`, so `unmerge_event` can undo it.
    """
    others = [event for event in others if event.pk != target.pk]
    if not others:
        return target
    have = set(target.event_actors.values_list("actor_id", "role"))
    for other in others:
        reason = merge_reason(other.pk, target.pk)
        # Retired claims move too, so that they outlive the merged-away event. Only the link
        # is saved: a retired quote no longer matches its source's current text.
        for row in [*Claim.all_objects.filter(event=other), *EventKey.objects.filter(event=other)]:
            row.event = target
            row._change_reason = reason
            row.save(update_fields=["event"])
        for link in EventActor.objects.filter(event=other).order_by("id"):
            if (link.actor_id, link.role) not in have:
                have.add((link.actor_id, link.role))
                added = EventActor(event=target, actor_id=link.actor_id, role=link.role)
                added._change_reason = reason
                added.save()
            # Deleted here rather than by the cascade, so that the row carries the reason.
            link._change_reason = reason
            link.delete()

    if not target.summary:
        target.summary = next((event.summary for event in others if event.summary), "")
    if any(event.review == Review.VERIFIED for event in others) or target.review == Review.VERIFIED:
        target.review = Review.VERIFIED
    for other in others:
        other._change_reason = merge_reason(other.pk, target.pk)
        other.delete()

    # Read afresh: a target handed in with its claims prefetched would miss those moved in.
    derive_event_date(target, Claim.objects.filter(event=target))
    # The merge is an editor's decision: a reload must not split the event again.
    target.edited = True
    target._change_reason = "merge"
    target.save()
    refresh_search_text([target])
    target.refresh_from_db()
    return target


@by_editor
@transaction.atomic
def unmerge_event(*, event_id: int, user=None) -> Event:
    """Undo the merge that deleted event `event_id`: it comes back as it was, with its claims,
    keys and actor links; the links the merge added to the target go again, and both events'
    dates are derived anew. Claims or keys that have since left the target stay where they are.

    Raises ValueError when no merge deleted that event, or it exists again.
    """
    if Event.objects.filter(pk=event_id).exists():
        raise ValueError(f"event {event_id} exists; there is no merge to undo")
    deletion = (
        Event.history.filter(
            id=event_id, history_type="-", history_change_reason__startswith="merge "
        )
        .order_by("-history_date", "-history_id")
        .first()
    )
    if deletion is None:
        raise ValueError(f"event {event_id} was not merged away")
    reason = deletion.history_change_reason
    target_id = int(reason.rsplit(" ", 1)[1])

    restored = deletion.instance
    restored._change_reason = f"unmerge {event_id} from {target_id}"
    restored.save(force_insert=True)
    undo = restored._change_reason

    for manager in (Claim.all_objects, EventKey.objects):
        moved = manager.model.history.filter(history_change_reason=reason, history_type="~")
        for row in manager.filter(pk__in=moved.values("id"), event_id=target_id):
            row.event = restored
            row._change_reason = undo
            row.save(update_fields=["event"])
    links = EventActor.history.filter(history_change_reason=reason)
    for added in EventActor.objects.filter(
        pk__in=links.filter(history_type="+").values("id"), event_id=target_id
    ):
        added._change_reason = undo
        added.delete()
    for old in links.filter(history_type="-", event_id=event_id):
        link = old.instance
        if (
            not EventActor.objects.filter(
                event=restored, actor_id=link.actor_id, role=link.role
            ).exists()
            and Actor.objects.filter(pk=link.actor_id).exists()
        ):
            link._change_reason = undo
            link.save(force_insert=True)

    for affected in Event.objects.filter(pk__in=[event_id, target_id]):
        derive_event_date(affected, affected.claims.all())
        affected._change_reason = undo
        affected.save()
    refresh_search_text(Event.objects.filter(pk__in=[event_id, target_id]))
    restored.refresh_from_db()
    return restored


def merged_into(target: Event) -> list[int]:
    """Ids of the events merged into `target` that are still gone, newest merge first."""
    ids = (
        Event.history.filter(history_type="-")
        .filter(history_change_reason__endswith=f" into {target.pk}")
        .filter(history_change_reason__startswith="merge ")
        .order_by("-history_date")
        .values_list("id", flat=True)
    )
    return [pk for pk in dict.fromkeys(ids) if not Event.objects.filter(pk=pk).exists()]


# Actors

ACTOR_FIELDS = ("slug", "name", "kind", "description")
# What an event shows of each of its actors: changing one of these changes the events.
SHOWN_ACTOR_FIELDS = ("slug", "name", "kind")
# What an event's search text holds of each of its actors (besides the aliases).
SEARCHED_ACTOR_FIELDS = ("name",)


def events_of_actors(actor_ids: Iterable[int]):
    """The events linked to these actors, as a query that loads nothing but the ids."""
    links = EventActor.objects.filter(actor_id__in=list(actor_ids)).values("event_id")
    return Event.objects.filter(pk__in=links).only("pk")


def _replace_aliases(actor: Actor, aliases: Sequence[tuple[str, str]]) -> bool:
    """Make the actor's aliases exactly these (alias, language) pairs; True if they changed."""
    wanted = [(alias, language or "") for alias, language in aliases]
    seen = set()
    for alias, _language in wanted:
        normalized = normalize_alias(alias)
        if not normalized or is_blank(normalized):
            raise ValidationError({"aliases": f"{alias!r} has no visible character."})
        if normalized in seen:
            raise ValidationError(
                {"aliases": f"{alias!r} repeats another alias (ignoring script and case)."}
            )
        seen.add(normalized)
    if sorted(wanted) == sorted(actor.aliases.values_list("alias", "language")):
        return False
    actor.aliases.all().delete()
    for alias, language in wanted:
        ActorAlias(actor=actor, alias=alias, language=language).save()
    return True


@by_editor
@transaction.atomic
def create_actor(
    *,
    slug: str,
    name: str,
    kind: str,
    description: str = "",
    aliases: Sequence[tuple[str, str]] = (),
    user=None,
) -> Actor:
    """A new actor with its (alias, language) pairs; no event names it yet."""
    actor = Actor(slug=slug, name=name, kind=kind, description=description)
    actor.full_clean()
    actor.save()
    _replace_aliases(actor, aliases)
    return actor


@by_editor
@transaction.atomic
def update_actor(
    *,
    actor: Actor,
    changes: dict,
    aliases: Sequence[tuple[str, str]] | None = None,
    user=None,
) -> Actor:
    """Apply an editor's changes; `aliases`, when given, replaces the whole list.

    The actor's events are re-indexed for search when its name or aliases change, and
    marked updated when what they show of it (slug, name, kind) changes.
    """
    unknown = set(changes) - set(ACTOR_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    changed = [field for field, value in changes.items() if getattr(actor, field) != value]
    for field, value in changes.items():
        setattr(actor, field, value)
    actor.full_clean()
    actor.save()
    aliases_changed = aliases is not None and _replace_aliases(actor, aliases)
    record_actor_change(actor=actor, changed_fields=changed, aliases_changed=aliases_changed)
    return actor


@transaction.atomic
def record_actor_change(
    *, actor: Actor, changed_fields: Iterable[str], aliases_changed: bool
) -> None:
    """After an actor was saved (by `update_actor` or the admin): bring its events in step."""
    changed = set(changed_fields)
    events = events_of_actors([actor.pk])
    if aliases_changed or changed & set(SEARCHED_ACTOR_FIELDS):
        refresh_search_text(events)
    if changed & set(SHOWN_ACTOR_FIELDS):
        events.update(updated_at=timezone.now())


@by_editor
@transaction.atomic
def delete_actors(*, actors: Iterable[Actor], user=None) -> int:
    """Delete actors and their event links; the events stay, re-indexed and marked updated.

    Returns how many actors were deleted.
    """
    actor_ids = [actor.pk for actor in actors]
    event_ids = list(events_of_actors(actor_ids).values_list("pk", flat=True))
    _total, per_model = Actor.objects.filter(pk__in=actor_ids).delete()
    events = Event.objects.filter(pk__in=event_ids).only("pk")
    refresh_search_text(events)
    events.update(updated_at=timezone.now())
    return per_model.get(Actor._meta.label, 0)


def delete_actor(*, actor: Actor, user=None) -> None:
    delete_actors(actors=[actor], user=user)


# Reviewing discovered actors


@by_editor
@transaction.atomic
def confirm_actors(*, actors: Iterable[Actor], user=None) -> int:
    """Mark actors curated: an editor vouches for them. Returns how many changed."""
    ids = [actor.pk for actor in actors]
    return _set_actor_review(ids, ActorReview.CURATED)


def _set_actor_review(ids: list[int], review: str) -> int:
    """One save per actor rather than one UPDATE, so that each change is in the history."""
    changed = list(Actor.objects.filter(pk__in=ids).exclude(review=review))
    for actor in changed:
        actor.review = review
        actor.save(update_fields=["review"])
    return len(changed)


@by_editor
@transaction.atomic
def reject_actors(*, actors: Iterable[Actor], user=None) -> int:
    """Mark actors as not actors: their event links go, their aliases stay.

    The matcher still recognises a rejected actor's aliases, and lets them link nothing,
    so the extractor never discovers the same name again. Returns how many changed.
    """
    ids = [actor.pk for actor in actors]
    changed = _set_actor_review(ids, ActorReview.REJECTED)
    event_ids = list(events_of_actors(ids).values_list("pk", flat=True))
    EventActor.objects.filter(actor_id__in=ids).delete()
    events = Event.objects.filter(pk__in=event_ids).only("pk")
    refresh_search_text(events)
    events.update(updated_at=timezone.now())
    return changed


# Roles that say least about an actor's part in an event, weakest first; any other role
# ("founder", "acquirer", "lead investor"…) is specific and beats them all.
GENERIC_ROLES = ("", "mentioned", "party", "subject")


def role_strength(role: str) -> int:
    return GENERIC_ROLES.index(role) if role in GENERIC_ROLES else len(GENERIC_ROLES)


@by_editor
@transaction.atomic
def merge_actors(*, target: Actor, others: Iterable[Actor], user=None) -> Actor:
    """Fold `others` into `target`, which keeps its slug, name and kind.

    Event keys that named a happening by one of the others' slugs name it by the target's
    (`rename_keys`), so later loads find those events under the target's keys.

    Aliases move over unless the target already has one of the same normalized form; event
    links move over, one per event, keeping the strongest role of any of the merged actors
    (earliest link first among equals); the others are deleted. A discovered target
    merged with a curated actor becomes curated; a target without a description takes
    the first of the others'. The affected events are re-indexed.
    """
    others = [actor for actor in others if actor.pk != target.pk]
    if not others:
        return target
    other_ids = [actor.pk for actor in others]
    all_ids = [target.pk, *other_ids]

    have = set(target.aliases.values_list("normalized", flat=True))
    moving = []
    for alias_id, normalized in (
        ActorAlias.objects.filter(actor_id__in=other_ids)
        .order_by("actor_id", "id")
        .values_list("id", "normalized")
    ):
        if normalized not in have:
            have.add(normalized)
            moving.append(alias_id)
    for alias in ActorAlias.objects.filter(pk__in=moving):
        alias.actor = target
        alias._change_reason = "merge"
        alias.save()

    strongest: dict[int, EventActor] = {}
    for link in EventActor.objects.filter(actor_id__in=all_ids).order_by("id"):
        kept = strongest.get(link.event_id)
        if kept is None or role_strength(link.role) > role_strength(kept.role):
            strongest[link.event_id] = link
    kept_ids = [link.pk for link in strongest.values()]
    # Delete before moving: the kept links then share no event, so none can collide.
    EventActor.objects.filter(actor_id__in=all_ids).exclude(pk__in=kept_ids).delete()
    for link in EventActor.objects.filter(pk__in=kept_ids).exclude(actor=target):
        link.actor = target
        link._change_reason = "merge"
        link.save()

    if target.review == ActorReview.DISCOVERED and any(
        actor.review == ActorReview.CURATED for actor in others
    ):
        target.review = ActorReview.CURATED
    if not target.description:
        target.description = next((actor.description for actor in others if actor.description), "")
    target.save(update_fields=["review", "description"])
    rename_keys({actor.slug: target.slug for actor in others})
    Actor.objects.filter(pk__in=other_ids).delete()

    events = Event.objects.filter(pk__in=list(strongest)).only("pk")
    refresh_search_text(events)
    events.update(updated_at=timezone.now())
    target.refresh_from_db()
    return target


def rename_keys(renames: dict[str, str]) -> int:
    """Rename actors' slugs in event keys; returns how many keys changed.

    A renamed key another event already holds ("founding:01-ai" for two events of one
    merged actor) keeps the old slug after the separator: its base is then the other's, so
    the loader's matching reads both as the same happening, and `likely_same.duplicate_events`
    offers the pair to editors.
    """
    changed = 0
    query = Q()
    for slug in renames:
        query |= Q(key__contains=slug)
    if not query:
        return 0
    rows = list(EventKey.objects.filter(query).order_by("pk"))
    taken = set(EventKey.objects.values_list("key", flat=True))
    for row in rows:
        renamed = rename_in_key(row.key, renames)
        if renamed == row.key:
            continue
        if renamed in taken:
            old_principal = row.key.split(":")[1] if ":" in row.key else row.key
            candidate = f"{renamed}{KEY_SEPARATOR}{old_principal}"
            number = 2
            renamed = candidate
            while renamed in taken:
                renamed, number = f"{candidate}-{number}", number + 1
        taken.discard(row.key)
        taken.add(renamed)
        row.key = renamed
        row._change_reason = "merge actors"
        row.save(update_fields=["key"])
        changed += 1
    return changed
