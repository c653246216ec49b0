"""Claims of clauses with no date of their own: a clause that carries on the dated one
before it (a second happening at the same time), a Chinese clause that tells its own
subject's happening at the previous clause's date, and an undated clause that names its
happening without a date (kept undated, or dated by what it points back to).
"""

import re
from dataclasses import replace

from timeline.pipeline.claim import ExtractedClaim
from timeline.pipeline.claim_building import build_claim, make_claims
from timeline.pipeline.claim_dates import (
    admissible,
    context_anchor,
    pointed_date,
    release_done,
    that_year,
)
from timeline.pipeline.classification import classify
from timeline.pipeline.clauses import QUOTE_LIMIT
from timeline.pipeline.context import WORK_KINDS, ArticleContext
from timeline.pipeline.cues import (
    CONTINUES,
    DONE_AFTER,
    DONE_BEFORE,
    DROPS,
    LATER,
    SPEECH,
    SPIN_OFF,
    TAKEN_OVER_BY,
    WHEN_CLAUSE,
)
from timeline.pipeline.dates import DateMention
from timeline.pipeline.extent import absorbed, completed
from timeline.pipeline.guards import forecasts, unnamed
from timeline.pipeline.happenings import plain_happening
from timeline.pipeline.periods import UNDATED_TAG
from timeline.pipeline.scope import ParagraphState, SentenceScope, remember
from timeline.pipeline.subjects import with_subject
from timeline.pipeline.triggers import HEDGE, Trigger, gated, joined, load_cue


def undated_claims(
    context: ArticleContext,
    scope: SentenceScope,
    index: int,
    state: ParagraphState,
    speaker_turn: bool,
) -> list[ExtractedClaim]:
    """A clause with no date that still names its happening without one: a denial, a
    report of a sale, a partnership, an acquisition, a founding, a release, a person's move,
    a controversy over a named thing. Kept with no date, for an editor (or another article)
    to date; a happening whose key needs a period ("funding:x:2024") is not kept.

    Two readings date such a clause from its context, saying so in the date's anchor: a
    demonstrative that points back to the latest dated happening of its type ("这一波…降价"
    after "5 月的这一波价格战"), and a dated lead-in ending in a colon, which dates what it
    introduces as done by that day (qualifier "before")."""
    start, end = scope.clauses[index]
    trigger = classify(context, start, end, report_from=scope.clauses[0][0], speaking=speaker_turn)
    if trigger is None or trigger.event_type == "statement":
        return []
    # "李开复创立的零一万物": a verb that only describes a noun states nothing new.
    if context.folded[trigger.end : trigger.end + 1] == "的":
        return []
    folded = unnamed(context, start, end)
    if HEDGE.search(folded) or (not trigger.reported and forecasts(folded)):
        return []
    if context.language == "en" and (
        _EN_AGE_STATED.search(context.folded, start, end)
        or _EN_DURATION.search(context.folded, start, end)
    ):
        # "Its chair, retired keeper Ann Lowe, is 81": an age, no happening; "It raised
        # €210,000 in eight months": a length of time dates nothing.
        return []
    span = absorbed(context, scope, completed(context, scope, (start, end), trigger), trigger)
    span = with_subject(context, scope, index, span, trigger)
    pointed = pointed_date(context, start, trigger, state)
    if pointed is not None:
        if admissible(context, span, pointed, trigger):
            return make_claims(context, scope, span, trigger, pointed, state, speaker_turn)
        return []
    if trigger.event_type == "release" and not release_done(context, start, end, trigger):
        if not (trigger.reported and forecasts(folded)):
            return []
        # "据路透社报道,辉达计划在中国推出…": a reported plan to release, a rumour.
        trigger = Trigger("release_plan", trigger.start, trigger.end, True)
    introduced = state.lead_in if index == 0 else None
    if (
        introduced is not None
        and end - introduced[0] <= QUOTE_LIMIT
        and (
            DONE_BEFORE.search(context.folded, start, trigger.start)
            or DONE_AFTER.match(context.folded, trigger.end)
        )
    ):
        lead_start, lead_date = introduced
        by_then = replace(lead_date, qualifier="before", anchor=context_anchor(lead_date))
        return make_claims(
            context,
            scope,
            span,
            trigger,
            by_then,
            state,
            speaker_turn,
            quote_start=lead_start,
        )
    if trigger.event_type in _DATED_ONLY or not _names_itself(context, span, trigger):
        return []
    claims = make_claims(context, scope, span, trigger, None, state, speaker_turn)
    return [claim for claim in claims if not claim.key.endswith(UNDATED_TAG)]


# "is 81", "was 64 at the time": an age stated with its verb.
_EN_AGE_STATED = re.compile(
    r"\b(?:is|was|are|were|turned|aged)\s+\d{1,3}\b(?!\s*(?:%|percent|per\b|million|billion"
    r"|bn|m\b|[a-z]+\s+(?:of|in|on|at|to)\b)|[.,]\d)"
)
# "in eight months", "over three years", "within 10 days": a length of time.
_EN_DURATION = re.compile(
    r"\b(?:in|over|within|for|after)\s+(?:the\s+(?:first|past|last|next)\s+)?(?:just\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few"
    r"|eighteen|eighteen|twenty)\s+(?:days|weeks|months|years|day|week|month|year)\b"
)


def _names_itself(context: ArticleContext, span: tuple[int, int], trigger: Trigger) -> bool:
    """Whether an undated strategy or restructuring can have a key of its own: only a plan
    dropped for a named work, or a unit spun off, does."""
    if trigger.event_type == "strategy":
        return DROPS.search(context.folded, *span) is not None and any(
            context.kind(m.slug) in WORK_KINDS for m in context.actors_in(*span)
        )
    if trigger.event_type == "restructuring":
        return SPIN_OFF.search(context.folded, *span) is not None
    return True


# Types whose happening is named by its period alone ("financials:x:2024-35", "other:x:
# approval:2024-06"): with no date they name nothing, so no claim is built.
_DATED_ONLY = frozenset(
    {"financials", "pricing", "approval", "listing", "production", "trial", "rules"}
)


def continued_claim(
    context: ArticleContext,
    scope: SentenceScope,
    index: int,
    previous: tuple[int, DateMention, int],
    state: ParagraphState,
    speaker_turn: bool,
    claims: list[ExtractedClaim],
) -> ExtractedClaim | None:
    """ "去年发布 Yi 系列模型,被指使用了 LLaMA 的架构": a clause that carries on the dated
    one before it, with a verb of its own, is a second happening at the same time. So is
    the main clause after a dated "when" clause: "去年5月,在…发布 Yi-Large 时,李开复还宣布…"."""
    clauses = scope.clauses
    previous_index, mention, span_start = previous
    if previous_index != index - 1:
        return None
    start, end = clauses[index]
    when = WHEN_CLAUSE.search(
        context.folded, clauses[previous_index][0], clauses[previous_index][1]
    )
    if LATER.search(context.folded, start, end):
        # "…in May, and the hotel group was sued weeks later": a time of its own.
        return None
    taken_over = TAKEN_OVER_BY.match(context.folded, start, end)
    after_a_move = bool(claims) and claims[-1].event_type == "personnel"
    if not (when or taken_over or after_a_move or CONTINUES.search(context.folded[start:end])):
        return None
    trigger = classify(context, start, end, report_from=clauses[0][0], speaking=speaker_turn)
    if trigger is None or (trigger.event_type == "statement" and not when):
        return None
    people = [m for m in context.actors_in(start, end) if context.kind(m.slug) == "person"]
    # "董事长刘振国退休，总经理孙立接任董事长": one person's move after another's, in a
    # clause of its own, happens at the same time.
    parallel = (
        trigger.event_type == "personnel"
        and people
        and after_a_move
        and claims[-1].actors[0][0] != people[0].slug
    )
    if not (when or taken_over or parallel or CONTINUES.search(context.folded[start:end])):
        return None
    if taken_over and not (when or trigger.event_type == "personnel"):
        return None
    if end - span_start > QUOTE_LIMIT:
        return None
    if any(claim.char_start <= start < claim.char_end for claim in claims):
        return None
    if not admissible(context, (start, end), mention, trigger):
        return None
    # "陈立新辞任，由总裁王海峰接任", "…stepped down, and Maria Ortiz took over": the person
    # this clause names is the one it is about.
    focus = people[0] if trigger.event_type == "personnel" and people else None
    claim = build_claim(
        context, scope, (span_start, end), trigger, mention, state, speaker_turn, focus=focus
    )
    if claim is None or any(existing.key == claim.key for existing in claims[-2:]):
        return None
    return claim


# "随即", "当即": what follows happened at once, on the day of the clause before.
AT_ONCE = gated(joined(load_cue("at_once")))
# How far into a clause, past its subject, the word may stand.
_AT_ONCE_REACH = 16


# A happening told of some of a group with 有 ("4日晚，有村民与施工人员发生推搡"): the
# scene of what the next clause tells, which is its own happening at the same date.
_THERE_WAS = re.compile(r"(?:[^，,。；;]{1,16}[，,]\s*)?(?:另|亦|也|还|還)?有")


def happening_at_previous_date(
    context: ArticleContext,
    scope: SentenceScope,
    index: int,
    previous: tuple[int, DateMention, int],
    state: ParagraphState,
    speaker_turn: bool,
    claims: list[ExtractedClaim],
) -> list[ExtractedClaim]:
    """ "补选昨(24)日投开票，无党籍候选人周明哲以4.2万票当选": a Chinese clause with no date
    of its own, after a dated clause that told nobody's happening, tells its own subject's
    happening at the sentence's date."""
    previous_index, mention, span_start = previous
    if context.language == "en" or previous_index != index - 1:
        return []
    start, end = scope.clauses[index]
    at_once = AT_ONCE.search(context.folded, start, min(end, start + _AT_ONCE_REACH))
    told = [claim for claim in claims if claim.char_end > span_start]
    if (
        told
        and (at_once is None or any(claim.char_end > start for claim in claims))
        and not all(_THERE_WAS.match(claim.quote) for claim in told)
    ):
        # The dated clause told a happening: this one carries it on, or not; unless it
        # tells what someone did at once after it ("，消防部门随即派出…", "，饭店当即疏散
        # 住客"), at the same date.
        return []
    if LATER.search(context.folded, start, end) or SPEECH.search(context.folded, span_start, start):
        return []
    mention = that_year(context, start, end, mention)
    trigger = plain_happening(context, (start, end), mention, state)
    if trigger is None or not admissible(context, (start, end), mention, trigger):
        return []
    # The quote runs from the date's clause, so that the date it is told at stands in it.
    quote_start = span_start if mention.char_start >= span_start else None
    if mention.char_start >= start:
        quote_start = None  # 当年 in the clause itself
    made = make_claims(
        context,
        scope,
        (start, end),
        trigger,
        mention,
        state,
        speaker_turn,
        quote_start=quote_start,
    )
    remember(state, made)
    return made
