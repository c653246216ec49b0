"""The last resort for dated clauses that no reading claimed: each such clause (in a
sentence with no claim, or beside a claimed clause) that holds a usable, non-future date
and offers an actor is a candidate happening of type `other`, in its own words, once per
actor offered. The learned clause gate (`clause_gate`) weighs each candidate and claims, per
clause, the likeliest one it passes. With the gate off (the default) nothing here runs
past its first line. Plain Python.

Which actors, each once, with the tier that offers it: the clause's subject (1); the actors
it names that do not stand as a place where something happened (2); the paragraph's topic
(3); the actors the sentence's other clauses name (4); the paragraph's latest main actor
(5). The guards every untyped happening passes (`stated_fact`, a denial or a saying, the
English verb reading, `admissible`) do not drop a clause here: what they say is among the
gate's features, with the tier.

`collecting()` records every candidate with its claim and features instead of claiming
any: how `benchmarks/train_gate.py` makes its training data.
"""

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from timeline.pipeline.actors import ActorEntry, ActorMention
from timeline.pipeline.claim import ExtractedClaim
from timeline.pipeline.claim_building import build_claim
from timeline.pipeline.claim_dates import admissible, dating_the_clause, unrestated, usable
from timeline.pipeline.classification import is_future
from timeline.pipeline.clause_gate import Candidate, active_model, features, probability
from timeline.pipeline.context import ArticleContext
from timeline.pipeline.cues import NEGATION, SPEECH
from timeline.pipeline.dates import DateMention
from timeline.pipeline.happenings import clause_subject, plain_happening, stated_fact
from timeline.pipeline.referents import referred_actors
from timeline.pipeline.scope import ParagraphState, SentenceScope
from timeline.pipeline.subjects import IN_A_PLACE, PLACE_BEFORE
from timeline.pipeline.triggers import Trigger

# While `collecting()`: the candidates seen, as (claim, features); None otherwise.
_collected: list[tuple[ExtractedClaim, list[str], tuple[int, int]]] | None = None
# While `collecting()`: the dated clauses that gave no candidate, as (start, end, why).
_stopped: list[tuple[int, int, str]] | None = None
# While `collecting()`: the candidates' actors by slug.
_entries: dict[str, ActorEntry] | None = None


@dataclass
class Collected:
    """What `collecting()` saw of one extraction."""

    # (claim, features, clause span): one per clause and choice of actor.
    candidates: list[tuple[ExtractedClaim, list[str], tuple[int, int]]]
    stopped: list[tuple[int, int, str]]
    # The candidates' actors by slug: a discovered actor only a candidate names is in no
    # extraction's `discovered`, as no claim links it.
    entries: dict[str, ActorEntry] = field(default_factory=dict)


@contextmanager
def collecting() -> Iterator[Collected]:
    """Record every candidate (claim and features, lexical ones included) and every dated
    clause that gave none (and why), and claim none."""
    global _collected, _stopped, _entries
    seen = Collected([], [])
    _collected, _stopped, _entries = seen.candidates, seen.stopped, seen.entries
    try:
        yield seen
    finally:
        _collected, _stopped, _entries = None, None, None


def _stop(start: int, end: int, why: str) -> None:
    if _stopped is not None:
        _stopped.append((start, end, why))


# A word or two Han characters: what a clause that is more than its date holds.
_WORD = re.compile(r"[\w\u3400-\u9fff]{2,}")
# "in Ashford", "at the Marlow Mill": an English name standing where something happened.
_EN_AT_PLACE = re.compile(r"\b(?:in|at|near|from|to|into|across|outside|off)\s+(?:the\s+)?$")


def last_resort_claims(
    context: ArticleContext,
    scope: SentenceScope,
    state: ParagraphState,
    speaker_turn: bool,
    made: Sequence[ExtractedClaim] = (),
) -> list[ExtractedClaim]:
    """The claims of a sentence's clauses no other reading claimed (`made`: the claims its
    other clauses gave, if any): the clauses that hold a usable past date and name an actor,
    when the gate passes them. The guards of the untyped reading are the gate's features."""
    model = active_model()
    if model is None and _collected is None:
        return []
    claims = []
    clauses = scope.clauses
    for index, (start, end) in enumerate(clauses):
        if any(claim.char_start < end and start < claim.char_end for claim in made):
            continue
        found = context.dates_in(start, end)
        mentions = dating_the_clause(
            context, unrestated(context, [m for m in found if usable(context, m, start)])
        )
        if not mentions:
            _stop(start, end, "no usable date" if found else "no date")
            continue
        mention = mentions[0]
        if index + 1 < len(clauses) and _only_its_date(context, start, end):
            # "2023年底，…", "In March," : a clause that is only its date is the next one's.
            following = clauses[index + 1]
            if not context.dates_in(*following):
                end = following[1]
        if mention.start is None or is_future(context, mention):
            _stop(start, end, "future or open date")
            continue
        # The guards every untyped happening passes, recorded for the gate to weigh.
        flags = ["beside"] if made else []
        if not stated_fact(context, (start, end), mention):
            flags.append("guard=stated")
        if _not_a_fact(context, start, end):
            flags.append("guard=not_a_fact")
        sentence = (clauses[0][0], clauses[-1][1])
        choices = _actors(context, start, end, state, sentence)
        if not choices:
            _stop(start, end, "no actor")
            continue
        best: tuple[float, ExtractedClaim] | None = None
        for rank, (actor, tier) in enumerate(choices):
            claim, candidate = _candidate(
                context, scope, (start, end), mention, state, speaker_turn, actor, tier, flags
            )
            if claim is None:
                _stop(start, end, "no claim built")
                continue
            if rank == 0:
                candidate = replace(candidate, flags=(*candidate.flags, "first_choice"))
            if _collected is not None and _entries is not None:
                _collected.append((claim, features(context, candidate), (start, end)))
                for slug, _role in claim.actors:
                    _entries[slug] = context.matcher.entry(slug)
            elif model is not None:
                chance = probability(context, candidate, model)
                if chance >= model.threshold and (best is None or chance > best[0]):
                    best = (chance, claim)
        if best is not None:
            # One reading per clause: the actor the gate finds likeliest.
            claims.append(best[1])
    return claims


def _candidate(
    context: ArticleContext,
    scope: SentenceScope,
    span: tuple[int, int],
    mention: DateMention,
    state: ParagraphState,
    speaker_turn: bool,
    actor: ActorMention,
    tier: int,
    flags: list[str],
) -> tuple[ExtractedClaim | None, Candidate]:
    """The claim a clause makes with one choice of actor, and the candidate the gate reads."""
    start, end = span
    flags = list(flags)
    at = actor.char_end if start <= actor.char_start and actor.char_end <= end else start
    trigger = Trigger("happening", at, end, False)
    if context.language == "en":
        # English marks a happening by its verb's tense: the clause's verb must be one
        # read as past and telling an act ("has had a busy first half" tells a state).
        read = plain_happening(context, span, mention, state, actor)
        if read is None:
            flags.append("guard=en_verb")
        else:
            trigger = read
    if not admissible(context, span, mention, trigger):
        flags.append("guard=admissible")
    claim = build_claim(
        context, scope, span, trigger, mention, state, speaker_turn, main_actor=actor.slug
    )
    candidate = Candidate(start, end, mention, actor, tier, tuple(flags))
    if claim is None or not claim.char_start <= mention.char_start < claim.char_end:
        return None, candidate
    return claim, candidate


def _not_a_fact(context: ArticleContext, start: int, end: int) -> bool:
    """A clause that says something was not done, or that reports a saying: what was said
    is read by the typed path, and a denial tells no happening."""
    folded = context.folded
    if SPEECH.search(folded, start, end):
        return True
    step = 1 if context.language != "en" else None
    for at in range(start + 1, end + 1):
        if step is None and folded[at : at + 1] not in (" ", ",", "."):
            continue
        if NEGATION.search(folded, start, at):
            return True
    return False


def _actors(
    context: ArticleContext,
    start: int,
    end: int,
    state: ParagraphState,
    sentence: tuple[int, int],
) -> list[tuple[ActorMention, int]]:
    """The clause's possible actors, each once, with the tier that offers it: its subject
    (1), the actors it names that do not stand as a place (2), the paragraph's topic (3),
    the actors the sentence's other clauses name (4), the paragraph's latest main actor (5).
    """
    found: list[tuple[ActorMention, int]] = []
    subject = clause_subject(context, start, end, state)
    if subject is not None:
        found.append((subject, 1))
    named = sorted(
        [*context.actors_in(start, end), *referred_actors(context, start, end, state.topic)],
        key=lambda mention: mention.char_start,
    )
    found.extend((mention, 2) for mention in named if not _as_place(context, start, mention))
    if state.topic is not None:
        found.append((ActorMention(state.topic, context.name(state.topic), start, start), 3))
    around = [
        mention
        for mention in context.actors_in(*sentence)
        if not (start <= mention.char_start and mention.char_end <= end)
    ]
    found.extend((mention, 4) for mention in around)
    if state.holder is not None:
        found.append((ActorMention(state.holder, context.name(state.holder), start, start), 5))
    seen: set[str] = set()
    distinct = []
    for mention, tier in found:
        if mention.slug not in seen:
            seen.add(mention.slug)
            distinct.append((mention, tier))
    return distinct


def _only_its_date(context: ArticleContext, start: int, end: int) -> bool:
    """Whether a clause holds nothing but its dates (and an opener's punctuation)."""
    rest = context.folded[start:end]
    for mention in reversed(context.dates_in(start, end)):
        rest = rest[: mention.char_start - start] + rest[mention.char_end - start :]
    return len(_WORD.findall(rest)) == 0


def _as_place(context: ArticleContext, start: int, mention: ActorMention) -> bool:
    """Whether a name stands where something happened ("in Ashford", "在青石镇")."""
    before = context.folded[max(start, mention.char_start - 12) : mention.char_start]
    if context.language == "en":
        return _EN_AT_PLACE.search(before) is not None
    return bool(PLACE_BEFORE.search(before) or IN_A_PLACE.search(before))
