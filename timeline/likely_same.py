"""Suggestions for editors: actors that look like one actor, and events that look like one
happening once their actors are known to be one.

Nothing here writes. Two actors (at least one discovered, neither rejected) look like one
when their names say so (`pipeline.name_likeness`) or when at least two of their events
tell the same happenings: events of one type which the loader's own rule
(`pipeline.merge.same_happening`) would join if the two actors were one, and whose content
backs that up (overlapping dates, and another actor, object or amount in common). One such
event alone is not enough: every two companies have a founding. Editors merge on a
suggestion with the admin's merge (`curation.merge_actors`); after that,
`duplicate_events` lists the merged actor's events that now read as one happening.
"""

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from django.db.models import Prefetch

from timeline.models import Actor, ActorKind, ActorReview, Claim, Event, EventActor
from timeline.pipeline.merge import (
    Account,
    amounts_shared,
    base_key,
    rename_in_key,
    same_happening,
    stated_amounts,
)
from timeline.pipeline.name_likeness import likeness, likeness_keys

# Shared happenings that make a suggestion without any likeness of names.
SHARED_EVENTS_NEEDED = 2


@dataclass(frozen=True)
class Suggestion:
    actor: Actor
    other: Actor
    reasons: tuple[str, ...]
    # (the actor's event, the other's event) pairs that tell one happening.
    shared: tuple[tuple[Event, Event], ...]


def _events():
    return Event.objects.prefetch_related(
        "keys",
        Prefetch("claims", queryset=Claim.objects.only("event_id", "quote")),
        Prefetch("event_actors", queryset=EventActor.objects.select_related("actor")),
    ).order_by("pk")


def account(event: Event, renames: dict[str, str] | None = None) -> Account:
    """What the event says of its happening, as the loader reads it, with actors' slugs
    renamed as `renames` says (to read two actors as one)."""
    renames = renames or {}
    return Account(
        keys=frozenset(rename_in_key(key.key, renames) for key in event.keys.all()),
        headline=event.headline,
        quotes=tuple(claim.quote for claim in event.claims.all()),
        actors=tuple(
            (renames.get(link.actor.slug, link.actor.slug), link.role)
            for link in event.event_actors.all()
        ),
        dated=event.date_start is not None,
        period=(event.date_start, event.date_end) if event.date_start else None,
    )


def _principals(event: Event) -> set[str]:
    """The slugs event keys name their happening's principal by."""
    found = set()
    for key in event.keys.all():
        parts = base_key(key.key).split(":")
        if len(parts) > 1:
            found.update(parts[1].split("+"))
    return found


def _kind(event: Event) -> str:
    return next((base_key(key.key).split(":")[0] for key in event.keys.all()), event.type)


@dataclass(frozen=True)
class _Told:
    """What backs an event up beyond its principal's name: when, who else, how much."""

    event: Event
    principals: frozenset[str]
    period: tuple | None
    actors: frozenset[str]
    amounts: frozenset
    # What its keys name the happening's object by ("llama", "sale"), not a period.
    objects: frozenset[str]


def _told(event: Event, principals: set[str]) -> _Told:
    objects = set()
    for key in event.keys.all():
        parts = base_key(key.key).split(":")
        if len(parts) > 2 and not parts[2][:1].isdigit():
            objects.add(parts[2])
    return _Told(
        event=event,
        principals=frozenset(principals),
        period=(event.date_start, event.date_end) if event.date_start else None,
        actors=frozenset(link.actor.slug for link in event.event_actors.all()),
        amounts=stated_amounts([claim.quote for claim in event.claims.all()]),
        objects=frozenset(objects),
    )


def _backed(first: _Told, second: _Told, pair: set[str]) -> bool:
    """Whether two events' content, beyond the two actors' names, says they are one: dates
    that overlap (or one undated) and another actor both name, an object both keys name
    ("controversy:…:llama") or an amount both state."""
    if first.period and second.period:
        (start, end), (other_start, other_end) = first.period, second.period
        if start > other_end or other_start > end:
            return False
    return (
        bool((first.actors & second.actors) - pair)
        or bool(first.objects & second.objects)
        or amounts_shared(first.amounts, second.amounts)
    )


def _alike(first: Event, second: Event, slug: str, other: str) -> bool:
    """Whether the loader would join the two events if actor `other` were actor `slug`."""
    one, two = account(first), account(second, {other: slug})
    return same_happening(two, one) or same_happening(one, two)


def likely_same_actors(actor_id: int | None = None) -> list[Suggestion]:
    """Every pair of actors that look like one (those of `actor_id` only, if given), the
    pairs with most shared events first."""
    actors = {
        actor.slug: actor
        for actor in Actor.objects.exclude(review=ActorReview.REJECTED).prefetch_related("aliases")
    }
    wanted = next((a.slug for a in actors.values() if a.pk == actor_id), None)
    by_kind: dict[str, list[_Told]] = defaultdict(list)
    for event in _events().filter(pk__in=_pool()):
        principals = _principals(event) & actors.keys()
        if principals:
            by_kind[_kind(event)].append(_told(event, principals))
    # First the pairs whose content backs them up (cheap to test), then the loader's rule.
    backed: dict[tuple[str, str], int] = defaultdict(int)
    candidates = []
    for told in by_kind.values():
        for first, second in combinations(told, 2):
            mine, theirs = first.principals, second.principals
            if wanted is not None and wanted not in mine | theirs:
                continue
            for slug in mine - theirs:
                for other in theirs - mine:
                    pair = _pair(actors, slug, other)
                    if pair is None or (wanted is not None and wanted not in pair):
                        continue
                    candidates.append((pair, slug, other, first.event, second.event))
                    if _backed(first, second, {slug, other}) and _alike(
                        first.event, second.event, slug, other
                    ):
                        backed[pair] += 1
    shared: dict[tuple[str, str], list[tuple[Event, Event]]] = defaultdict(list)
    # Only actors whose names share an index key may be alike by name.
    by_key: dict[str, set[str]] = defaultdict(set)
    probes_of: dict[str, set[str]] = {}
    for slug, actor in actors.items():
        keys, probes_of[slug] = likeness_keys(_names(actor))
        for key in keys:
            by_key[key].add(slug)
    pairs = set(backed)
    for slugs in by_key.values():
        if wanted is not None:
            if wanted in slugs:
                pairs.update(tuple(sorted((wanted, other))) for other in slugs - {wanted})
            continue
        pairs.update(combinations(sorted(slugs), 2))
    for slug, probes in probes_of.items():
        for probe in probes:
            for other in by_key.get(probe, ()):
                if other != slug and wanted in (None, slug, other):
                    pairs.add((slug, other) if slug < other else (other, slug))
    suggestions = []
    for first, second in sorted(pairs):
        a, b = actors[first], actors[second]
        if ActorReview.DISCOVERED not in (a.review, b.review):
            continue
        if actor_id is not None and actor_id not in (a.pk, b.pk):
            continue
        reasons = []
        reason = likeness(
            _names(a),
            _names(b),
            people=a.kind == ActorKind.PERSON and b.kind == ActorKind.PERSON,
        )
        if reason:
            reasons.append(f"names: {reason}")
        pair = (first, second)
        if backed[pair] >= SHARED_EVENTS_NEEDED:
            reasons.append("events alike")
        if reasons:
            suggestions.append(Suggestion(a, b, tuple(reasons), ()))
    # Every pair of events the suggested actors' names would join, backed up or not.
    suggested = {(s.actor.slug, s.other.slug): index for index, s in enumerate(suggestions)}
    for pair, slug, other, first, second in candidates:
        if pair in suggested and _alike(first, second, slug, other):
            shared[pair].append((first, second) if pair == (slug, other) else (second, first))
    suggestions = [
        dataclasses.replace(
            s,
            reasons=tuple(
                f"{len(shared[pair])} events alike" if reason == "events alike" else reason
                for reason in s.reasons
            ),
            shared=tuple(shared[pair]),
        )
        for pair, s in (((s.actor.slug, s.other.slug), s) for s in suggestions)
    ]
    suggestions.sort(key=lambda s: (-len(s.shared), s.actor.name, s.other.name))
    return suggestions


# The most events one look reads: the pool below is bounded by the editors' review queue,
# and this keeps a database whose discovered actors nobody reviews from making the actor
# pages slow; past it the latest events are read.
POOL_LIMIT = 20_000


def _pool() -> list[int]:
    """The ids of the events a look reads: those of discovered actors (every suggestion has
    one), then the latest events of the same types, among which the other side of an alike
    pair is (the loader joins some happenings, a founding, whatever their dates)."""
    seeds = Event.objects.filter(event_actors__actor__review=ActorReview.DISCOVERED)
    ids = set(seeds.order_by("-pk").values_list("pk", flat=True)[:POOL_LIMIT])
    kinds = set(Event.objects.filter(pk__in=ids).values_list("type", flat=True))
    if kinds and len(ids) < POOL_LIMIT:
        around = Event.objects.filter(type__in=kinds).exclude(pk__in=seeds)
        ids.update(around.order_by("-pk").values_list("pk", flat=True)[: POOL_LIMIT - len(ids)])
    return sorted(ids)


def _pair(actors: dict[str, Actor], first: str, second: str) -> tuple[str, str] | None:
    """The two slugs in a fixed order if both are actors that may be suggested."""
    a, b = actors.get(first), actors.get(second)
    if a is None or b is None or ActorReview.DISCOVERED not in (a.review, b.review):
        return None
    if (a.kind == ActorKind.PERSON) != (b.kind == ActorKind.PERSON):
        return None
    return (first, second) if first < second else (second, first)


def _names(actor: Actor) -> list[str]:
    return [actor.name, *(alias.alias for alias in actor.aliases.all())]


def duplicate_events(actor_ids: list[int] | None = None) -> list[tuple[Event, Event]]:
    """Pairs of events of one actor (of these actors, if given) that the loader's rule reads
    as one happening: what an editor's merge of two actors leaves to merge."""
    links = EventActor.objects.all()
    if actor_ids is not None:
        links = links.filter(actor_id__in=actor_ids)
    events = list(_events().filter(pk__in=links.values("event_id")))
    by_family: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        families = {":".join(base_key(key.key).split(":")[:2]) for key in event.keys.all()}
        for name in families:
            by_family[name].append(event)
    pairs: dict[tuple[int, int], tuple[Event, Event]] = {}
    for members in by_family.values():
        for first, second in combinations(members, 2):
            one, two = account(first), account(second)
            if same_happening(two, one) or same_happening(one, two):
                pairs.setdefault((first.pk, second.pk), (first, second))
    return list(pairs.values())
