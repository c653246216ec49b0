"""The last resort for a dated sentence that gave nothing: when no reading of a sentence
made a claim, a clause of it that holds a past date, passes the guards every untyped
happening passes and names an actor is told as a happening of type `other`, in its own
words. Plain Python.

Which actor: the clause's subject; failing that, the first actor it names that does not
stand as a place where something happened; failing that, the paragraph's topic. How far
down that list the reading may go is `TIERS` (environment `TIMELINE_LAST_RESORT_TIERS`; 0 is off).
"""

import os
import re

from timeline.pipeline.actors import ActorMention
from timeline.pipeline.claim import ExtractedClaim
from timeline.pipeline.claim_building import build_claim
from timeline.pipeline.claim_dates import admissible, dating_the_clause, unrestated, usable
from timeline.pipeline.classification import is_future
from timeline.pipeline.context import ArticleContext
from timeline.pipeline.cues import NEGATION, SPEECH
from timeline.pipeline.happenings import clause_subject, plain_happening, stated_fact
from timeline.pipeline.referents import referred_actors
from timeline.pipeline.scope import ParagraphState, SentenceScope
from timeline.pipeline.subjects import IN_A_PLACE, PLACE_BEFORE
from timeline.pipeline.triggers import Trigger

TIERS = int(os.environ.get("TIMELINE_LAST_RESORT_TIERS", "0"))

# A word or two Han characters: what a clause that is more than its date holds.
_WORD = re.compile(r"[\w\u3400-\u9fff]{2,}")
# "in Ashford", "at the Marlow Mill": an English name standing where something happened.
_EN_AT_PLACE = re.compile(r"\b(?:in|at|near|from|to|into|across|outside|off)\s+(?:the\s+)?$")


def last_resort_claims(
    context: ArticleContext,
    scope: SentenceScope,
    state: ParagraphState,
    speaker_turn: bool,
) -> list[ExtractedClaim]:
    """At most one claim for a sentence no other reading claimed: its first clause that
    holds a usable past date, tells no non-event and names an actor."""
    if TIERS <= 0:
        return []
    clauses = scope.clauses
    for index, (start, end) in enumerate(clauses):
        found = context.dates_in(start, end)
        mentions = dating_the_clause(
            context, unrestated(context, [m for m in found if usable(context, m, start)])
        )
        if not mentions:
            continue
        mention = mentions[0]
        if index + 1 < len(clauses) and _only_its_date(context, start, end):
            # "2023年底，…", "In March," : a clause that is only its date is the next one's.
            following = clauses[index + 1]
            if not context.dates_in(*following):
                end = following[1]
        if mention.start is None or is_future(context, mention):
            continue
        if not stated_fact(context, (start, end), mention):
            continue
        if _not_a_fact(context, start, end):
            continue
        actor = _actor(context, start, end, state)
        if actor is None:
            continue
        at = actor.char_end if start <= actor.char_start and actor.char_end <= end else start
        trigger = Trigger("happening", at, end, False)
        if context.language == "en":
            # English marks a happening by its verb's tense: the clause's verb must be one
            # read as past and telling an act ("has had a busy first half" tells a state).
            read = plain_happening(context, (start, end), mention, state, actor)
            if read is None:
                continue
            trigger = read
        if not admissible(context, (start, end), mention, trigger):
            continue
        claim = build_claim(
            context,
            scope,
            (start, end),
            trigger,
            mention,
            state,
            speaker_turn,
            main_actor=actor.slug,
        )
        if claim is not None and claim.char_start <= mention.char_start < claim.char_end:
            return [claim]
    return []


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


def _actor(
    context: ArticleContext, start: int, end: int, state: ParagraphState
) -> ActorMention | None:
    """The clause's actor, by the tiers in order."""
    subject = clause_subject(context, start, end, state)
    if subject is not None or TIERS < 2:
        return subject
    named = sorted(
        [*context.actors_in(start, end), *referred_actors(context, start, end, state.topic)],
        key=lambda mention: mention.char_start,
    )
    for mention in named:
        if not _as_place(context, start, mention):
            return mention
    topic = state.topic or state.holder
    if TIERS < 3 or topic is None:
        return None
    return ActorMention(topic, context.name(topic), start, start)


def _only_its_date(context: ArticleContext, start: int, end: int) -> bool:
    """Whether a clause holds nothing but its dates (and an opener's punctuation)."""
    rest = context.folded[start:end]
    for mention in reversed(context.dates_in(start, end)):
        rest = rest[: mention.char_start - start] + rest[mention.char_end - start :]
    return len(_WORD.findall(rest)) == 0


def _as_place(context: ArticleContext, start: int, mention: ActorMention) -> bool:
    before = context.folded[max(start, mention.char_start - 12) : mention.char_start]
    if context.language == "en":
        return _EN_AT_PLACE.search(before) is not None
    return bool(PLACE_BEFORE.search(before) or IN_A_PLACE.search(before))
