"""Claim building: a clause's span, trigger and date made into claims with parties and key.

Plain Python.
"""

import re
from dataclasses import replace

from timeline.pipeline.actors import ActorMention
from timeline.pipeline.attribution import (
    HELD_BY_A_PERSON,
    listed_run,
    past_the_apposition,
    stated_role,
    told_per,
    with_attribution_span,
    with_post_holder,
)
from timeline.pipeline.claim import ExtractedClaim
from timeline.pipeline.clauses import BARE_VERB, trimmed_span
from timeline.pipeline.context import COMPANY_KINDS, ORGANIZATION_KINDS, WORK_KINDS, ArticleContext
from timeline.pipeline.cues import (
    ANAPHOR,
    DEAL,
    DOCUMENT,
    DROPS,
    FEATURE_OBJECT,
    FIRST_PERSON,
    PREDECESSOR,
    SAID_WHEN,
    SPEECH,
    TELLING,
    TOLD_WHEN,
    WORK_ANAPHOR,
)
from timeline.pipeline.dates import DateMention
from timeline.pipeline.extent import clause_start_at
from timeline.pipeline.happening_subjects import group_subject, named_in_subject, thing_of_holder
from timeline.pipeline.happenings import ZH_GROUP_OF
from timeline.pipeline.headlines import key_and_headline, summarize
from timeline.pipeline.parties import dedupe, find_parties
from timeline.pipeline.referents import company_named_before, referred_actors
from timeline.pipeline.scope import ParagraphState, SentenceScope
from timeline.pipeline.subjects import (
    APPOSITION_GAP,
    COMPANY_HAPPENINGS,
    IN_A_PLACE,
    PLACE_BEFORE,
    RELATIVE_OPENING,
    at_subject_position,
    carried_subject,
    company_of_sentence,
    opens_on_its_date,
    relative_subject,
    topic_before,
    with_mover,
    with_shared_subject,
)
from timeline.pipeline.triggers import Trigger

# "was ordered by the", "were bought by": the words before a passive's agent.
_PASSIVE_AGENT_BEFORE = re.compile(
    r"\b(?:was|were|been)\s+(?:[a-z]+\s+)?[a-z]+(?:ed|en|t|ld|ght)\s+by\s+(?:the\s+|an?\s+)?"
    # "by the small independent house Greyfield Press": a short description may stand
    # before the agent's name.
    r"(?:[a-z-]+\s+){0,3}$"
)


# Words between a verb and a name that make the name no party the verb acts on ("became
# free for Milwaukee residents"): the topic before still stands as the subject.
_NOT_ACTED_ON = re.compile(r"\b(?:for|to|from|with|of|by|about)\b")


def build_claim(
    context: ArticleContext,
    scope: SentenceScope,
    span: tuple[int, int],
    trigger: Trigger,
    mention: DateMention | None,
    state: ParagraphState,
    speaker_turn: bool,
    *,
    focus: ActorMention | None = None,
    quote_start: int | None = None,
    quote_end: int | None = None,
) -> ExtractedClaim | None:
    """The claim a span states, or None when it lacks what its type needs. `focus` picks
    the principal among several listed; `quote_end` cuts the quote short of the span."""
    start, end = trimmed_span(context, *span)
    if end <= start:
        return None
    folded = context.folded[start:end]
    kind = trigger.event_type
    if kind == "release":
        kind = "model_release"
    if kind == "departure":
        kind = "personnel"
    span_actors = context.actors_in(start, end)
    sentence_start, sentence_end = scope.clauses[0][0], scope.clauses[-1][1]
    # "该公司", "the regulator": the actor a referring expression stands for, in its place.
    referred = referred_actors(context, sentence_start, sentence_end, state.topic)
    if referred:
        span_actors = sorted(
            [*span_actors, *(m for m in referred if start <= m.char_start < end)],
            key=lambda mention: mention.char_start,
        )
    relative = (
        relative_subject(context, span[0])
        if context.language == "en" and RELATIVE_OPENING.match(context.folded, span[0])
        else None
    )
    if relative is not None:
        # ", who retired at the end of 2024": the name before the comma is the subject.
        span_actors = [relative, *(m for m in span_actors if m.slug != relative.slug)]
    elif kind == "personnel" and start > sentence_start:
        span_actors = with_mover(context, sentence_start, start, span_actors)
    elif context.language == "en" and start > sentence_start and BARE_VERB.match(folded):
        span_actors = with_shared_subject(context, referred, sentence_start, start, span_actors)
    elif (
        kind == "happening"
        and context.language != "en"
        and start > sentence_start
        and mention is not None
        and opens_on_its_date(context, start, mention)
    ):
        # "…，同年8月杀青": the subject of the sentence, standing in after the date.
        carried = carried_subject(context, scope.clauses, start, end, mention, state)
        if carried is not None and not any(
            mention.char_end <= m.char_start < mention.char_end + 3 for m in span_actors
        ):
            span_actors = [carried, *span_actors]
    if kind == "happening" and not span_actors and mention is not None:
        # "同年12月，首台机组发电": what befell a thing of the paragraph's latest actor.
        holder = thing_of_holder(context, scope, state, start, end, mention)
        span_actors = [holder] if holder is not None else span_actors
    if kind == "happening" and context.language == "en" and start < trigger.start:
        # "Rangers put out a campfire": the body whose people the bare plural names.
        group, told_from = group_subject(context, start, end)
        if group is not None and told_from == trigger.start:
            span_actors = [group, *(m for m in span_actors if m.char_start >= trigger.start)]
    if (
        kind == "acquisition"
        and state.deal
        and not any(context.kind(m.slug) in COMPANY_KINDS for m in span_actors)
        and DEAL.search(context.folded, start, end)
    ):
        # "The sale closed on August 30": the deal told before, by its parties.
        buyer, target = state.deal
        span_actors = [
            ActorMention(buyer, "", trigger.start, trigger.start),
            *span_actors,
            ActorMention(target, "", trigger.end, trigger.end),
        ]
    elif (
        kind == "approval"
        and state.deal
        and not any(context.kind(m.slug) in COMPANY_KINDS for m in span_actors)
    ):
        # "The Federal Reserve approved it in December 2023": the deal told before is what
        # was approved, its parties the approved ones.
        buyer, target = state.deal
        span_actors = [
            *span_actors,
            ActorMention(buyer, "", trigger.end, trigger.end),
            ActorMention(target, "", trigger.end, trigger.end),
        ]
    fallback = None
    # "A jury in Leeds convicted Tom Bray", "A fire tore through the Marlow Mill": an English
    # happening whose subject is a description tells of the actor it names; the topic of
    # the sentence before is no party to it.
    told_of = (
        named_in_subject(context, trigger.start, trigger.end, state)
        if kind == "happening" and context.language == "en"
        else (None, 0, None)
    )
    told_of_named = (
        told_of[0] is not None
        and told_of[2] is not None
        and told_of[0].char_start > told_of[2]
        and context.kind(told_of[0].slug) in ORGANIZATION_KINDS | {"person"}
        # "became free for Milwaukee residents": a name after "for" is no party acted on.
        and not _NOT_ACTED_ON.search(context.folded, told_of[2], told_of[0].char_start)
    )
    if not told_of_named and not any(
        context.kind(m.slug) in ORGANIZATION_KINDS
        and m.char_end <= trigger.start
        # "2014年在櫃買中心掛牌": where it happened, not who did it.
        and not PLACE_BEFORE.search(context.folded, max(start, m.char_start - 2), m.char_start)
        and not IN_A_PLACE.search(context.folded, max(start, m.char_start - 9), m.char_start)
        for m in span_actors
    ):
        fallback = topic_before(context, scope.clauses, start, state)
        lead = context.folded[sentence_start:end]
        if fallback is None and (
            (FIRST_PERSON.search(lead) and (speaker_turn or SPEECH.search(lead)))
            or ANAPHOR.search(folded)
        ):
            # "我们" in an interviewee's answer, "该公司" in a report: the company the
            # article is about (an English "it" only once that company is named).
            fallback = (
                company_named_before(context, start)
                if context.language == "en"
                else context.main_company
            )
        if (
            fallback is None
            and kind == "personnel"
            and not any(context.kind(m.slug) in ORGANIZATION_KINDS for m in span_actors)
        ):
            # "Chief executive Dana Whitfield stepped down": a title with no company is a
            # title at the company the article is about.
            fallback = context.main_company
        if fallback is None and kind in COMPANY_HAPPENINGS:
            fallback = company_of_sentence(context, scope, span_actors, referred, kind)
        if fallback is None and kind == "model_release":
            # "今年6月18日开启预售": a work's later release or sale is its maker's too.
            named = [*context.actors_in(sentence_start, end), *referred, *span_actors]
            works = [*(m.slug for m in named), state.work]
            made = [state.makers[slug] for slug in works if slug in state.makers]
            fallback = made[0] if made else None
    if fallback is None and not any(
        context.kind(m.slug) in ORGANIZATION_KINDS | WORK_KINDS for m in span_actors
    ):
        span_actors = [*span_actors, *scope.borrowed]
    # A statement's date must come before its verb: "在去年年中表示" is when it was said,
    # while "说 2025 年是…" is what was said. English puts it just after: "said in July 2024
    # that…".
    if kind == "statement" and (
        mention is None
        or (
            mention.char_start > trigger.start
            and not SAID_WHEN.fullmatch(context.folded, trigger.end, mention.char_start)
            # "told organisers in March that…": who was told stands before the date.
            and not (
                TELLING.fullmatch(context.folded, trigger.start, trigger.end)
                and TOLD_WHEN.fullmatch(context.folded, trigger.end, mention.char_start)
            )
        )
    ):
        return None
    leading = [
        *context.actors_in(sentence_start, start),
        *(m for m in referred if m.char_start < start),
    ]
    trailing = context.actors_in(end, sentence_end)
    if not any(
        context.kind(m.slug) in WORK_KINDS
        and (kind == "model_release" or m.char_end <= trigger.start)
        for m in span_actors
    ) and kind in {"model_release", "ranking", "pricing"}:
        # The thing released or ranked, named as the sentence's subject before the span,
        # or in the sentence before when this one opens with "它" / "it".
        works = [m for m in leading if context.kind(m.slug) in WORK_KINDS]
        pronoun = WORK_ANAPHOR.match(context.folded, sentence_start)
        if works:
            span_actors = [works[-1], *span_actors]
        elif pronoun and state.work and kind != "model_release":
            stand_in = ActorMention(state.work, pronoun.group(), *pronoun.span())
            span_actors = [stand_in, *span_actors]
    if (
        kind == "strategy"
        and state.planned
        and DROPS.search(folded)
        and not any(
            context.kind(m.slug) in WORK_KINDS and m.char_start >= trigger.end for m in span_actors
        )
    ):
        # "我们去年 5 月到 6 月就决定放弃了": what is dropped is the plan named before.
        span_actors = [*span_actors, ActorMention(state.planned, "", trigger.end, trigger.end)]
    # "Kimi 推出了打赏功能": a feature of the work named before the verb, not the work.
    if (
        kind == "model_release"
        and FEATURE_OBJECT.match(context.folded, trigger.end, end)
        and not any(
            context.kind(m.slug) in WORK_KINDS and m.char_start >= trigger.end for m in span_actors
        )
    ):
        return None
    if kind == "founding" and not any(context.kind(m.slug) == "person" for m in span_actors):
        founders = [
            m
            for m in leading
            if context.kind(m.slug) == "person"
            and at_subject_position(context, m, clause_start_at(scope, m.char_start))
        ]
        span_actors = [*founders[:1], *span_actors]
    parties = find_parties(
        context, kind, trigger, span_actors, fallback, trailing, (start, end), focus=focus
    )
    if kind in HELD_BY_A_PERSON and parties.principal:
        parties = with_post_holder(context, parties, span_actors, trigger)
    if context.language == "en" and kind != "happening" and parties.buyer is None:
        parties = past_the_apposition(context, parties, span_actors, trigger)
    if kind == "happening":
        # The clause's subject, standing right before its predicate, is what it is about.
        before = [m for m in span_actors if m.char_end <= trigger.start]
        # "东莞巴士约600名司机停止出车": a counted group of a body's people acts for the body.
        before = [
            m
            for m in before
            if not any(
                ZH_GROUP_OF.fullmatch(context.folded, other.char_end, m.char_end)
                for other in before
                if other.char_end < m.char_start
            )
        ]
        subject = [m.slug for m in before]
        # "Hugo Brandt, the former chief executive of Kellan Motors, died": the name
        # before the apposition, not the one inside it.
        apposed = [
            m.slug
            for m in before
            if APPOSITION_GAP.fullmatch(context.folded, m.char_end, trigger.start)
        ]
        if not subject and context.language == "en":
            # "The ship was ordered by the Polar Council in June 2022": a passive's agent
            # is who acted.
            subject = [
                m.slug
                for m in span_actors
                if _PASSIVE_AGENT_BEFORE.search(
                    context.folded, max(trigger.start, m.char_start - 80), m.char_start
                )
            ][:1]
        if not subject and context.language == "en":
            # "A hacker group known as Tidewolf leaked the files": the name inside the
            # subject phrase, before its verb.
            named, _phrase, verb_at = named_in_subject(context, trigger.start, trigger.end, state)
            if named is not None and verb_at is not None and named.char_start < verb_at:
                subject = [named.slug]
        if subject:
            principal = apposed[0] if apposed else subject[-1]
            others = [slug for slug in dedupe([m.slug for m in span_actors]) if slug != principal]
            # The clause's subject is its subject, whatever role a typed reading gave it
            # and whatever kind of actor it is.
            role = parties.roles.get(principal) if parties.principal == principal else None
            roles = {principal: role if role not in {None, "party", "mentioned"} else "subject"}
            maker = state.makers.get(principal)
            if maker is not None and maker not in others:
                # "这款游戏从2018年立项": what happens to a work happens to its maker too.
                others.append(maker)
                roles[maker] = "developer"
            parties = replace(parties, principal=principal, others=others, roles=roles)
    said = context.folded[trigger.end : sentence_end] if kind == "statement" else ""
    if kind == "statement" and DOCUMENT.fullmatch(context.folded, trigger.start, trigger.end):
        # "今年五月…不参与价格战的通稿": what a document says is written before it.
        said = context.folded[start : trigger.start]
    built = key_and_headline(
        context,
        kind,
        trigger,
        parties,
        folded,
        mention,
        said=said,
        trigger_at=trigger.start - start,
    )
    if (
        built is None
        and context.language != "en"
        and parties.principal
        and context.kind(parties.principal) not in ORGANIZATION_KINDS
        and kind not in {"happening", "statement", "denial", "rumor"}
    ):
        # "船长柯德伦决定取消一站": a person or a thing did what the type's wording tells
        # only of a company; the clause is told in its own words.
        told = Trigger("happening", trigger.start, end, False)
        built = key_and_headline(context, "happening", told, parties, folded, mention)
    if built is None:
        return None
    actors = tuple(
        (slug, parties.roles.get(slug, "mentioned"))
        for slug in dedupe(
            [*([parties.principal] if parties.principal else []), *parties.others, *parties.roles]
        )
    )
    date_value = mention if mention is not None and mention.start is not None else None
    if quote_end is not None:
        end = trimmed_span(context, start, quote_end)[1]
    if quote_start is not None:
        start = trimmed_span(context, quote_start, end)[0]
    summary = summarize(
        built,
        date_value,
        apposition=stated_role(context, built, parties),
        attribution=told_per(context, scope, (start, end), trigger, built, parties, state),
    )
    return ExtractedClaim(
        key=_ascii_key(built.key),
        event_type=built.event_type,
        headline=built.headline,
        summary=summary,
        quote=context.text[start:end],
        char_start=start,
        char_end=end,
        date=date_value,
        actors=actors,
    )


def make_claims(
    context: ArticleContext,
    scope: SentenceScope,
    span: tuple[int, int],
    trigger: Trigger,
    mention: DateMention | None,
    state: ParagraphState,
    speaker_turn: bool,
    *,
    quote_start: int | None = None,
) -> list[ExtractedClaim]:
    """The claims a span states: one, or one per person or work it lists ("离开,包括黄文灏、
    曹大鹏、潘欣等", "qwen2.0和qwen2.5发布后"), each quoted up to its own name."""
    span = with_attribution_span(context, scope, span, trigger)
    claim = build_claim(
        context, scope, span, trigger, mention, state, speaker_turn, quote_start=quote_start
    )
    if claim is None:
        return []
    listed = listed_run(context, span, trigger)
    if len(listed) < 2 and trigger.event_type == "personnel":
        return [claim, *_predecessors(context, scope, span, trigger, mention, state, claim)]
    if len(listed) < 2:
        return [claim]
    claims = []
    for position, item in enumerate(listed):
        quote_end = None if position == len(listed) - 1 else max(item.char_end, trigger.end)
        built = build_claim(
            context,
            scope,
            span,
            trigger,
            mention,
            state,
            speaker_turn,
            focus=item,
            quote_start=quote_start,
            quote_end=quote_end,
        )
        if built is not None and all(built.key != other.key for other in claims):
            claims.append(built)
    return claims or [claim]


def _predecessors(
    context: ArticleContext,
    scope: SentenceScope,
    span: tuple[int, int],
    trigger: Trigger,
    mention: DateMention | None,
    state: ParagraphState,
    claim: ExtractedClaim,
) -> list[ExtractedClaim]:
    """ "Helen Marsh became chief executive in January, succeeding Raymond Cole", "孙立接替
    刘振国": whoever is succeeded leaves at the same time, a move of their own."""
    made = []
    for verb in PREDECESSOR.finditer(context.folded, *span):
        people = [
            m
            for m in context.actors_in(verb.end(), min(span[1], verb.end() + 24))
            if context.kind(m.slug) == "person"
        ]
        if not people or people[0].slug == claim.actors[0][0]:
            continue
        gone = people[0]
        if gone.char_end >= claim.char_end:
            continue
        departure = Trigger("departure", verb.start(), verb.end(), trigger.reported)
        built = build_claim(
            context,
            scope,
            span,
            departure,
            mention,
            state,
            False,
            focus=gone,
            quote_end=gone.char_end,
        )
        if built is not None and built.key != claim.key:
            made.append(built)
    return made


def _ascii_key(key: str) -> str:
    key = re.sub(r"[^a-z0-9:+\-_.]", "-", key.lower())
    return key[:200]
