"""Claim attribution: who a claim is about and who says it.

The parties a span names past its subject (an apposition, a post holder, a listed run of people
or works) and the speaker or reporter a denial, statement or report starts at. Plain Python.
"""

import re
from dataclasses import replace

from timeline.pipeline.actors import ActorMention
from timeline.pipeline.clauses import QUOTE_LIMIT
from timeline.pipeline.context import ORGANIZATION_KINDS, WORK_KINDS, ArticleContext
from timeline.pipeline.cues import SAYING, SOURCE_OF, SPEECH
from timeline.pipeline.dates import DateMention
from timeline.pipeline.happening_subjects import post_holder
from timeline.pipeline.parties import Parties
from timeline.pipeline.scope import ParagraphState, SentenceScope
from timeline.pipeline.subjects import APPOSITION_GAP
from timeline.pipeline.triggers import REPORTED, Trigger
from timeline.pipeline.wording import Wording

# Kinds whose subject, written "集团前总经理李振华…", is the person holding the post rather
# than the organisation named before the post.
HELD_BY_A_PERSON = {"controversy", "personnel", "statement", "denial"}


def past_the_apposition(context: ArticleContext, parties, span_actors, trigger):
    """ "Ana Ruiz, the former finance director of Orrin Foods, was cleared on Monday": the
    name inside an apposition describes the subject before it; the subject is the principal."""
    principal = parties.principal
    before = [m for m in span_actors if m.char_end <= trigger.start]
    apposed = next(
        (
            m
            for m in before
            if APPOSITION_GAP.fullmatch(context.folded, m.char_end, trigger.start)
            and context.kind(m.slug) in ORGANIZATION_KINDS | {"person"}
        ),
        None,
    )
    if apposed is None or principal is None or principal == apposed.slug:
        return parties
    inside = [m for m in before if m.slug == principal and m.char_start > apposed.char_end]
    if not inside:
        return parties
    others = [principal, *(slug for slug in parties.others if slug != apposed.slug)]
    roles = {apposed.slug: parties.roles.get(principal, "subject"), principal: "mentioned"}
    roles.update({s: r for s, r in parties.roles.items() if s not in roles})
    return replace(parties, principal=apposed.slug, others=others, roles=roles)


def with_post_holder(context: ArticleContext, parties, span_actors, trigger):
    owners = [m for m in span_actors if m.slug == parties.principal and m.char_end <= trigger.start]
    if not owners:
        return parties
    before = [m for m in span_actors if m.char_end <= trigger.start]
    holder = post_holder(context, owners[-1], before)
    if holder is None or holder.slug == parties.principal:
        return parties
    owner = parties.principal
    roles = dict(parties.roles)
    roles[holder.slug] = roles.get(owner, "subject")
    roles[owner] = "employer"
    others = [owner, *(slug for slug in parties.others if slug not in {owner, holder.slug})]
    return replace(parties, principal=holder.slug, others=others, roles=roles)


_LISTED_KINDS = {"personnel": frozenset({"person"}), "release": WORK_KINDS}

_LIST_GAP = re.compile(r"\s*(?:、|,|，|和|与|及|以及|and|&)\s*[^。；;，,:：]{0,20}")


def listed_run(
    context: ArticleContext, span: tuple[int, int], trigger: Trigger
) -> list[ActorMention]:
    """The first run of two or more people (or works) the span lists, in text order."""
    kinds = _LISTED_KINDS.get(trigger.event_type)
    if kinds is None:
        return []
    mentions = [m for m in context.actors_in(*span) if context.kind(m.slug) in kinds]
    family = {m.slug for m in mentions}
    mentions = [
        m for m in mentions if not any(o != m.slug and o.startswith(m.slug + "-") for o in family)
    ]
    run: list[ActorMention] = []
    for mention in mentions:
        if run and _LIST_GAP.fullmatch(context.folded, run[-1].char_end, mention.char_start):
            if mention.slug != run[-1].slug or _version_of(context, mention) != _version_of(
                context, run[-1]
            ):
                run.append(mention)
            continue
        if len(run) >= 2:
            break
        run = [mention]
    return run if len(run) >= 2 else []


def _version_of(context: ArticleContext, mention: ActorMention) -> str:
    return context.folded[mention.char_start : mention.char_end]


def with_attribution_span(
    context: ArticleContext, scope: SentenceScope, span: tuple[int, int], trigger: Trigger
) -> tuple[int, int]:
    """A denial, statement or report starts at whoever speaks or reports it, earlier in the
    sentence ("李开复说:“我们没有寻求被收购”", "传闻你们资金紧张、裁员,以及被阿里收购")."""
    start, end = span
    if not (trigger.reported or trigger.event_type in {"denial", "statement"}):
        return span
    marker = REPORTED if trigger.reported else SPEECH
    if marker.search(context.folded, start, trigger.start):
        return span
    for clause_start, clause_end in reversed(scope.clauses):
        if clause_start >= start:
            continue
        if end - clause_start > QUOTE_LIMIT:
            break
        if marker.search(context.folded, clause_start, clause_end):
            return clause_start, end
    return span


def stated_role(context: ArticleContext, wording: Wording, parties: Parties) -> str:
    """A person's stated role when it says more than a bare title: "former head of
    pre-training"."""
    principal = parties.principal
    if principal is None or context.kind(principal) != "person":
        return ""
    # The role the clause states, as the event's actors carry it.
    role = parties.roles.get(principal, "")
    return role if (" of " in role or role.startswith("former")) else ""


def told_per(
    context: ArticleContext,
    scope: SentenceScope,
    span: tuple[int, int],
    trigger: Trigger,
    wording: Wording,
    parties: Parties,
    state: ParagraphState,
) -> str:
    """Per whom the claim is told: a named outlet or "reports" for a report, the speaker of
    the sentence ("李开复表示,2024年…"), or the interviewee whose answer it is."""
    if wording.event_type in {"statement", "denial"}:
        return ""
    sentence_start = scope.clauses[0][0]
    if trigger.reported:
        outlets = [
            m.slug
            for m in context.actors_in(sentence_start, trigger.start)
            if context.kind(m.slug) == "organization" and m.slug != parties.principal
        ]
        if outlets:
            return context.name(outlets[-1])
        return "" if wording.event_type == "rumor" else "reports"
    # "据 AI 产品榜的数据" / "according to LMSYS": a source named as such.
    source = SOURCE_OF.search(context.folded, sentence_start, span[1])
    if source:
        named = context.actors_in(source.end(), source.end() + 24)
        if named and named[0].char_start - source.end() <= 2 and named[0].slug not in parties.roles:
            return context.name(named[0].slug)
    saying = None
    for match in SAYING.finditer(context.folded, sentence_start, trigger.start):
        saying = match
    if saying is not None:
        speakers = [
            m.slug
            for m in context.actors_in(sentence_start, saying.start())
            if context.kind(m.slug) in {"person", "company"}
        ]
        if speakers and speakers[-1] != parties.principal:
            return context.name(speakers[-1])
    if state.speaker and state.speaker != parties.principal:
        return context.name(state.speaker)
    return ""


# "…, her lawyer said", "…, a spokesman told reporters": who told it, at the end of a
# sentence, after what happened.
_ATTRIBUTION_TAIL = re.compile(
    r",\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[a-z'’-]+\s+){0,3}?"
    r"(?:said|says|told\s+[a-z]+|added|confirmed)\s*[.!]?\s*$"
)


def before_attribution(context: ArticleContext, mention: DateMention, start: int, end: int) -> int:
    """Where a dated English clause's own words end before a described speaker's "…, her
    lawyer said": the happening is told before it, dated before it, and it is no statement
    of the speaker. A named speaker or a date in the tail leaves the clause whole."""
    tail = _ATTRIBUTION_TAIL.search(context.folded, start, end)
    if tail is None or mention.char_end > tail.start():
        return end
    if context.actors_in(tail.start(), end) or context.dates_in(tail.start(), end):
        return end
    return tail.start()
