"""Merging: which statements name one happening, and the roles its actors then play.

A claim's key names its happening by type, principal and period or object, but a key is a
coarse name: two statements by one company in one month share "statement:01-ai:2024-05"
whatever they said, and an undated round ("funding:01-ai:usd-1-billion") has another key
than the dated round it restates ("funding:01-ai:2023"). So the key proposes and the
content decides. Claims with one key join unless what they say sets them apart: another
saying or strategy, another amount, valuation or lead investor, another employer left or
joined. Claims of one type and principal with different keys join only when one is undated
and their content says they are one (the same amount, or the object its key names), or
when one releases a series and the other a member it names, at overlapping dates.
`same_happening` decides for the loader and for `group_claims` alike; a claim that no
event holds under its key takes the key with what sets it apart (`split_key`).

Roles: each actor is linked once per event, in the strongest role any claim gives it; a
person whose own departure the article tells is not a co-actor of another's departure
unless the sentence says they left together.
"""

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from timeline.pipeline.actors import fold_text
from timeline.pipeline.claim import ExtractedClaim
from timeline.pipeline.money import money_amounts, round_amounts

ActorId = TypeVar("ActorId", bound=Hashable)

# Finest first, as DATES.md orders precisions.
_PRECISION_RANK = {
    "day": 0,
    "xun": 1,
    "month": 2,
    "interval": 3,
    "quarter": 4,
    "part": 5,
    "half": 6,
    "year": 7,
    "decade": 8,
}

# What a key adds after its base when content sets a claim apart from the event that
# holds the base key: "statement:01-ai:2024-05#makes-a-forecast-about-revenue".
KEY_SEPARATOR = "#"

# Types whose happening is one deal or round: amounts stated differently are different ones.
# A company's figures for a period are one happening however the sources disagree on them.
_DEAL_TYPES = frozenset({"funding", "acquisition", "rumor", "denial"})
# Types whose happening is what its headline words say, from the claim's own words: what
# was said ("says it will stay out of the price war"), where a strategy turns.
_SAYINGS = frozenset({"statement", "strategy"})
# The counterparties that tell one person's moves apart.
_MOVES = ("employer", "new employer")
_VAGUE = re.compile(r"\bshifts strategy$|\bshifted strategy$")
# Roles an actor plays in the happening itself, strongest first; any other non-generic role
# is a title ("ceo", "former head of pre-training") and ranks after them; the generic ones
# rank last.
_HAPPENING_ROLES = (
    "lead investor",
    "acquirer",
    "target",
    "founder",
    "co-founder",
    "developer",
    "investor",
    "new employer",
    "new team",
    "employer",
    "partner",
    "owner",
    "parent",
)
_GENERIC_ROLES = ("subject", "party", "mentioned", "")
# A departure in a claim's headline: "Huang Wenhao leaves 01.AI", "… is leaving Frontis".
_DEPARTS = re.compile(r"\b(?:leaves?|leaving|left|steps? down|resigns?|retires?)\b")
# Words that say two people left together, which makes each a party to the other's move.
_TOGETHER = re.compile(
    r"一起|一同|一并|同时|共同|联袂|\btogether\b|\balong with\b|\balongside\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventDraft:
    key: str
    event_type: str
    headline: str
    summary: str
    actors: tuple[tuple[str, str], ...]
    claims: tuple[ExtractedClaim, ...]


@dataclass(frozen=True)
class Account:
    """What one claim, or the claims an event already holds, say about a happening: enough
    to tell whether a new claim names the same one."""

    keys: frozenset[str]
    headline: str
    quotes: tuple[str, ...]
    actors: tuple[tuple[str, str], ...]
    dated: bool
    # An editor's event keeps every claim its key brings, as it did before.
    edited: bool = False
    # The interval the account dates its happening to, when it does.
    period: tuple[date, date] | None = None

    @property
    def bases(self) -> frozenset[str]:
        return frozenset(base_key(key) for key in self.keys)

    @property
    def families(self) -> frozenset[str]:
        return frozenset(family(key) for key in self.keys)


def account_of(claim: ExtractedClaim) -> Account:
    dated = claim.date is not None and claim.date.start is not None and claim.date.end is not None
    return Account(
        frozenset({claim.key}),
        claim.headline,
        (claim.quote,),
        claim.actors,
        dated,
        period=(claim.date.start, claim.date.end) if dated else None,
    )


def base_key(key: str) -> str:
    """The key without what a split added: the name the extractor gave the happening."""
    return key.split(KEY_SEPARATOR, 1)[0]


def family(key: str) -> str:
    """Type and principal: "funding:01-ai:2023" → "funding:01-ai"."""
    return ":".join(base_key(key).split(":")[:2])


# An amount as the headline words write it: "over RMB 100 million", "USD 1.5 billion".
_AMOUNT = re.compile(r"(?P<code>[A-Z]{3}) (?P<value>[\d.,]+)(?: (?P<scale>billion|million))?")
_SCALE = {"billion": 1e9, "million": 1e6, None: 1.0}
# Two figures within this share of each other are one figure rounded differently.
_TOLERANCE = 0.05

Amount = tuple[str, float]


def _amount(phrase: str) -> Amount | None:
    """ "over RMB 100 million" → ("RMB", 1e8): a bound on a figure names the figure."""
    match = _AMOUNT.search(phrase)
    if match is None:
        return None
    value = float(match.group("value").replace(",", "")) * _SCALE[match.group("scale")]
    return match.group("code"), value


def _amounts(quotes: Sequence[str]) -> tuple[frozenset[Amount], ...]:
    """(amounts raised or paid, valuations, every amount) the quotes state."""
    raised, valued, every = set(), set(), set()
    for quote in quotes:
        folded = fold_text(quote)
        amount, valuation = round_amounts(folded)
        raised.add(_amount(amount or ""))
        valued.add(_amount(valuation or ""))
        every.update(_amount(phrase) for _, _, phrase in money_amounts(folded))
    return tuple(frozenset(found - {None}) for found in (raised, valued, every))


def stated_amounts(quotes: Sequence[str]) -> frozenset[Amount]:
    """Every amount of money the quotes state, to compare with `amounts_shared`."""
    return _amounts(quotes)[2]


def amounts_shared(first: frozenset[Amount], second: frozenset[Amount]) -> bool:
    """Whether two sets of stated amounts share one (rounded alike, in one currency)."""
    return _shared(first, second)


def _same_amount(first: Amount, second: Amount) -> bool:
    (code, value), (other_code, other_value) = first, second
    return code == other_code and abs(value - other_value) <= _TOLERANCE * max(value, other_value)


def _shared(first: frozenset[Amount], second: frozenset[Amount]) -> bool:
    return any(_same_amount(a, b) for a in first for b in second)


def _amounts_clash(first: frozenset[Amount], second: frozenset[Amount]) -> bool:
    """Both state a figure in one currency and share none: a figure in yuan and one in
    dollars may be one figure converted, so they do not clash."""
    currencies = {code for code, _ in first} & {code for code, _ in second}
    return bool(currencies) and not _shared(first, second)


def _in_role(account: Account, wanted: str) -> frozenset[str]:
    return frozenset(slug for slug, role in account.actors if role == wanted)


def _leads(account: Account) -> frozenset[str]:
    return _in_role(account, "lead investor")


def _clash(first: frozenset[str], second: frozenset[str]) -> bool:
    """Both state something and share none of it."""
    return bool(first) and bool(second) and first.isdisjoint(second)


def _kind(account: Account) -> str:
    return next(iter(sorted(account.families))).split(":")[0]


def conflicts(new: Account, held: Account) -> bool:
    """Whether what two accounts of one key say makes them two happenings."""
    kind = _kind(new)
    if kind in _SAYINGS:
        # A statement is what was said, a strategy the way it turns: worded alike, or
        # another one. A strategy whose direction the words did not name ("shifts
        # strategy") may be either.
        vague = any(_VAGUE.search(a.headline) for a in (new, held))
        return not vague and _saying(new.headline) != _saying(held.headline)
    if kind == "personnel":
        # One person's moves: leaving one employer is not leaving another, nor is joining
        # one company joining another.
        return any(_clash(_in_role(new, role), _in_role(held, role)) for role in _MOVES)
    if kind not in _DEAL_TYPES:
        return False
    new_raised, new_valued, new_every = _amounts(new.quotes)
    held_raised, held_valued, held_every = _amounts(held.quotes)
    if kind == "funding":
        # One text may call a valuation what the other calls the round's size.
        loose = _shared(new_raised, held_valued) or _shared(held_raised, new_valued)
        return (
            (_amounts_clash(new_raised, held_raised) and not loose)
            or _amounts_clash(new_valued, held_valued)
            or _clash(_leads(new), _leads(held))
        )
    return _amounts_clash(new_every, held_every)


def agrees(new: Account, held: Account) -> bool:
    """Whether two accounts under different keys say they are one happening: the same
    amount, or the object one key names among the other's actors."""
    _, _, new_every = _amounts(new.quotes)
    _, _, held_every = _amounts(held.quotes)
    if _shared(new_every, held_every):
        return True
    held_slugs = {slug for slug, _ in held.actors}
    new_slugs = {slug for slug, _ in new.actors}
    objects = {base_key(key).split(":")[2] for key in new.keys if base_key(key).count(":") >= 2}
    held_objects = {
        base_key(key).split(":")[2] for key in held.keys if base_key(key).count(":") >= 2
    }
    return bool(objects & held_slugs) or bool(held_objects & new_slugs)


def same_happening(new: Account, held: Account) -> bool:
    """Whether a new claim joins an event (or draft) that already holds `held`."""
    if new.bases & held.bases:
        return held.edited or not conflicts(new, held)
    if series_and_member(new, held) or series_and_member(held, new):
        return True
    if not (new.families & held.families) or (new.dated and held.dated):
        return False
    # One side undated, of the same type and principal: it joins only what its content
    # names, and not where its content sets it apart.
    return _kind(new) not in _SAYINGS and agrees(new, held) and not conflicts(new, held)


def series_and_member(series: Account, member: Account) -> bool:
    """A release of a model series and a release of one of its members ("发布 Yi 系列模型"
    in 2023, "Yi系列模型（如Yi-34B）于2023年11月…发布") at overlapping dates, the member's
    account naming the series: one release told at two levels of detail."""
    releases = {"model_release", "product_launch"}
    works = [_work(key) for key in series.keys if _kind_of(key) in releases]
    members = [_work(key) for key in member.keys if _kind_of(key) in releases]
    named = {slug for slug, _ in member.actors}
    if not any(
        work in named and other.startswith(work + "-") for work in works for other in members
    ):
        return False
    if series.period is None or member.period is None:
        return False
    return series.period[0] <= member.period[1] and member.period[0] <= series.period[1]


def candidate_prefixes(key: str) -> tuple[str, ...]:
    """The key prefixes under which the events a claim may join are found: its type and
    principal, and for a release of a series member ("model_release:yi-34b") the series'
    ("model_release:yi")."""
    prefixes = [family(key)]
    kind, work = _kind_of(key), _work(key)
    if kind in {"model_release", "product_launch"}:
        pieces = work.split("-")
        prefixes += [f"{kind}:{'-'.join(pieces[:size])}" for size in range(1, len(pieces))]
    return tuple(prefixes)


def _kind_of(key: str) -> str:
    return base_key(key).split(":")[0]


def _work(key: str) -> str:
    parts = base_key(key).split(":")
    return parts[1] if len(parts) > 1 else ""


def _saying(headline: str) -> str:
    return re.sub(r"\s+", " ", headline.casefold()).strip()


def split_key(claim: ExtractedClaim, taken: Iterable[str]) -> str:
    """A key for a claim that its key's event does not hold: the key and what sets it apart
    (its headline's words), numbered if even that is taken."""
    taken = set(taken)
    if claim.key not in taken:
        return claim.key
    words = re.sub(r"[^a-z0-9]+", "-", claim.headline.casefold()).strip("-")[:60].strip("-")
    key = f"{claim.key}{KEY_SEPARATOR}{words or 'other'}"
    number = 2
    candidate = key
    while candidate in taken:
        candidate, number = f"{key}-{number}", number + 1
    return candidate


def rename_in_key(key: str, renames: dict[str, str]) -> str:
    """The key with each actor slug in its principal ("a+b" for partners, kept sorted) or
    object segment renamed: the extractor names a discovered actor by the slug it proposed,
    the database by the slug of the actor that name resolved to (an editor's merge may
    have folded it into another). What a split added after the separator stays."""
    base, separator, rest = key.partition(KEY_SEPARATOR)
    parts = base.split(":")
    if len(parts) > 1:
        principals = [renames.get(slug, slug) for slug in parts[1].split("+")]
        if len(principals) > 1:
            principals = sorted(dict.fromkeys(principals))
        parts[1] = "+".join(principals)
    if len(parts) > 2:
        parts[2] = renames.get(parts[2], parts[2])
    return ":".join(parts) + separator + rest


def rename_actors(claim: ExtractedClaim, renames: dict[str, str]) -> ExtractedClaim:
    """The claim with its key and actors under the slugs `renames` gives them."""
    if not renames:
        return claim
    key = rename_in_key(claim.key, renames)
    actors = tuple((renames.get(slug, slug), role) for slug, role in claim.actors)
    if key == claim.key and actors == claim.actors:
        return claim
    return replace(claim, key=key, actors=actors)


def role_strength(role: str) -> tuple[int, int]:
    """Lower is stronger: a part in the happening, then a title, then the generic roles."""
    if role in _HAPPENING_ROLES:
        return (0, _HAPPENING_ROLES.index(role))
    if role in _GENERIC_ROLES:
        return (2, _GENERIC_ROLES.index(role))
    return (1, 0)


def strongest_roles(pairs: Iterable[tuple[ActorId, str]]) -> tuple[tuple[ActorId, str], ...]:
    """One (actor, role) per actor (a slug, or a row's id), in the order actors first
    appear, each in its strongest role; of two equally strong, the first given."""
    best: dict[ActorId, str] = {}
    for slug, role in pairs:
        role = role or ""
        if slug not in best or role_strength(role) < role_strength(best[slug]):
            best[slug] = role
    return tuple(best.items())


def settle_actors(claims: Sequence[ExtractedClaim]) -> tuple[ExtractedClaim, ...]:
    """The claims of one article with one role per actor, and without the people whose
    own departure the article tells among the co-actors of another's departure (unless
    the claim says they left together)."""
    movers = {
        claim.actors[0][0]
        for claim in claims
        if _is_departure(claim) and claim.key == base_key(claim.key) and claim.actors
    }
    # Claims read from one list share their start; the last one's quote runs furthest
    # ("黄文灏与曹大鹏一同离开…" is quoted up to 黄文灏 for him).
    told: dict[int, str] = {}
    for claim in claims:
        if len(claim.quote) > len(told.get(claim.char_start, "")):
            told[claim.char_start] = claim.quote
    settled = []
    for claim in claims:
        actors = strongest_roles(claim.actors)
        if _is_departure(claim) and actors and not _TOGETHER.search(told[claim.char_start]):
            principal = actors[0][0]
            actors = tuple(
                (slug, role) for slug, role in actors if slug == principal or slug not in movers
            )
        settled.append(claim if actors == claim.actors else replace(claim, actors=actors))
    return tuple(settled)


def _is_departure(claim: ExtractedClaim) -> bool:
    # A person's own move has a key of two parts, "personnel:huang-wenhao"; "Senior staff
    # leave 01.AI" ("personnel:01-ai:2024") is nobody's own.
    kind, _, rest = claim.key.partition(":")
    person_key = kind == "personnel" and ":" not in rest
    return (person_key or kind == "rumor") and _DEPARTS.search(claim.headline) is not None


def claim_rank(claim: ExtractedClaim) -> tuple:
    """How well a claim dates its event: dated before undated, finer before coarser."""
    if claim.date is None or claim.date.start is None or claim.date.end is None:
        return (1, len(_PRECISION_RANK), 0)
    span = (claim.date.end - claim.date.start).days
    return (0, _PRECISION_RANK.get(claim.date.precision, len(_PRECISION_RANK)), span)


def group_claims(claims: Iterable[ExtractedClaim]) -> list[EventDraft]:
    """The drafts the claims make, in the order their happenings first appear: each claim
    joins the first draft `same_happening` says holds its happening, else starts one."""
    groups: list[list[ExtractedClaim]] = []
    keys: list[str] = []
    for claim in claims:
        new = account_of(claim)
        for index, members in enumerate(groups):
            if same_happening(new, _draft_account(keys[index], members)):
                members.append(claim)
                break
        else:
            groups.append([claim])
            keys.append(split_key(claim, keys))
    drafts = []
    for key, members in zip(keys, groups, strict=True):
        best = min(members, key=claim_rank)
        actors = strongest_roles(
            actor for claim in [best, *members] for actor in strongest_roles(claim.actors)
        )
        drafts.append(
            EventDraft(
                key=key,
                event_type=best.event_type,
                headline=best.headline,
                summary=best.summary,
                actors=actors,
                claims=tuple(members),
            )
        )
    return drafts


def _draft_account(key: str, members: Sequence[ExtractedClaim]) -> Account:
    best = min(members, key=claim_rank)
    return Account(
        keys=frozenset({key, *(claim.key for claim in members)}),
        headline=best.headline,
        quotes=tuple(claim.quote for claim in members),
        actors=tuple(actor for claim in members for actor in claim.actors),
        dated=account_of(best).dated,
        period=account_of(best).period,
    )
