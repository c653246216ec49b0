"""Suggestions for editors: actors that look like one actor, and events that look like one
happening once their actors are known to be one.

Nothing here writes. Two actors (at least one discovered, neither rejected) look like one
when their names say so (`pipeline.name_likeness`) or when at least two of their events
tell the same happenings: events of one type which the loader's own rule
(`pipeline.merge.same_happening`) would join if the two actors were one, and whose content
backs that up (another actor both name, an amount or object both state, overlapping
dates). One such event alone is not enough: every two companies have a founding. Editors
merge on a suggestion with the admin's merge (`curation.merge_actors`); after that,
`duplicate_events` lists the merged actor's events that now read as one happening.
"""

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from django.db.models import Prefetch

from timeline.models import Actor, ActorKind, ActorReview, Claim, Event, EventActor
from timeline.pipeline.merge import (
    Account,
    agrees,
    base_key,
    rename_in_key,
    same_happening,
)
from timeline.pipeline.name_likeness import likeness

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


def _backed(first: Account, second: Account, pair: set[str]) -> bool:
    """Whether the content of two accounts, beyond their principals, says they are one."""
    others = {slug for slug, _ in first.actors} & {slug for slug, _ in second.actors}
    if others - pair:
        return True
    if agrees(first, second):
        return True
    if first.period and second.period:
        return first.period[0] <= second.period[1] and second.period[0] <= first.period[1]
    return False


def likely_same_actors(actor_id: int | None = None) -> list[Suggestion]:
    """Every pair of actors that look like one (those of `actor_id` only, if given), the
    pairs with most shared events first."""
    actors = {
        actor.slug: actor
        for actor in Actor.objects.exclude(review=ActorReview.REJECTED).prefetch_related("aliases")
    }
    shared: dict[tuple[str, str], list[tuple[Event, Event]]] = defaultdict(list)
    backed: dict[tuple[str, str], int] = defaultdict(int)
    by_kind: dict[str, list[Event]] = defaultdict(list)
    for event in _events():
        by_kind[_kind(event)].append(event)
    for events in by_kind.values():
        for first, second in combinations(events, 2):
            mine, theirs = _principals(first), _principals(second)
            for slug in mine - theirs:
                for other in theirs - mine:
                    pair = _pair(actors, slug, other)
                    if pair is None:
                        continue
                    one, two = account(first), account(second, {other: slug})
                    if not (same_happening(two, one) or same_happening(one, two)):
                        continue
                    ordered = (first, second) if pair == (slug, other) else (second, first)
                    shared[pair].append(ordered)
                    backed[pair] += _backed(one, two, {slug})
    suggestions = []
    for first, second in combinations(sorted(actors), 2):
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
            reasons.append(f"{len(shared[pair])} events alike")
        if reasons:
            suggestions.append(Suggestion(a, b, tuple(reasons), tuple(shared[pair])))
    suggestions.sort(key=lambda s: (-len(s.shared), s.actor.name, s.other.name))
    return suggestions


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
