"""Classification: a clause's event type, and whether what it dates is past, pending or forecast.

Plain Python.
"""

import re

from timeline.pipeline.context import ArticleContext
from timeline.pipeline.cues import (
    DELAYED_AFTER,
    DELAYED_BEFORE,
    NEGATED_SALE,
    NEGATION,
    PENDING,
    RELEASE_AS_MODIFIER,
    SPEECH,
)
from timeline.pipeline.dates import DateMention
from timeline.pipeline.guards import COMMENT, forecast_cue, unnamed
from timeline.pipeline.past_tense import past_verb
from timeline.pipeline.triggers import (
    ANY_TRIGGER,
    FORECAST,
    HEDGE,
    INVEST,
    OVERTAKE,
    REPORTED,
    TRIGGER_STARTS,
    TRIGGERS,
    Trigger,
)


def classify(
    context: ArticleContext,
    start: int,
    end: int,
    *,
    report_from: int | None = None,
    speaking: bool = False,
) -> Trigger | None:
    """The event type a span of text states, by the first vocabulary that matches.

    A report marker earlier in the sentence ("第一财经也报道,…") makes the span reported.
    A sale its own party negates in speech ("李开复说:“我们没有寻求被收购”", or any line of
    an interviewee's answer when `speaking`) is a denial; other negated verbs state nothing.
    """
    folded = context.folded[start:end]
    if ANY_TRIGGER.search(folded) is None:
        # Most clauses name no happening at all: one scan says so.
        return None
    floor = start if report_from is None else min(report_from, start)
    reported = REPORTED.search(context.folded, floor, end) is not None
    present = set(folded)
    for (kind, pattern), starts in zip(TRIGGERS, TRIGGER_STARTS, strict=True):
        if starts is not None and starts.isdisjoint(present):
            continue
        for match in pattern.finditer(folded):
            before = folded[max(0, match.start() - 6) : match.start()]
            if context.language == "en" and _inside_a_name(
                context, start + match.start(), start + match.end()
            ):
                continue  # "the Workers' Alliance called a strike": the word is a name's
            if kind == "acquisition":
                negated = _negated_sale(folded, match.start(), match.end())
                if negated and (
                    speaking or SPEECH.search(context.folded, floor, start + match.start())
                ):
                    return Trigger("denial", start + match.start(), start + match.end(), False)
                if negated:
                    continue
            if kind != "denial" and (NEGATION.search(before) or _NEGATED_LIGHT.search(before)):
                continue
            if kind == "approval" and PENDING.search(
                folded[max(0, match.start() - 40) : match.start()]
            ):
                continue
            if kind == "release" and (
                RELEASE_AS_MODIFIER.match(folded, match.end())
                or DELAYED_AFTER.match(folded, match.end())
                or DELAYED_BEFORE.search(folded, 0, match.start())
            ):
                continue
            return Trigger(kind, start + match.start(), start + match.end(), reported)
    overtake = OVERTAKE.search(folded)
    if overtake and context.actors_in(start + overtake.end(), end):
        return Trigger("ranking", start + overtake.start(), start + overtake.end(), reported)
    invest = INVEST.search(folded)
    if reported and invest:
        return Trigger("funding_plan", start + invest.start(), start + invest.end(), reported)
    return None


def _inside_a_name(context: ArticleContext, start: int, end: int) -> bool:
    return any(
        m.char_start <= start and end <= m.char_end
        for m in context.actors_in(max(0, start - 80), end + 80)
    )


def _negated_sale(folded: str, verb_start: int, verb_end: int) -> bool:
    """True when a negation governs the sale verb at [verb_start, verb_end) of `folded`."""
    return any(
        match.start() < verb_end and match.end() >= verb_end - 1
        for match in NEGATED_SALE.finditer(folded, max(0, verb_start - 40), verb_end + 8)
    )


# A negation before a light verb that carries the trigger's noun: "并未发生亏损", "没有出现
# 故障".
_NEGATED_LIGHT = re.compile(
    r"(?:没有|没|未|不|并未|尚未|从未|并无)(?:发生|出现|录得|实现|遭遇|有)$"
)


# A clause that a past happening's verb goes on to govern ("recalled the kettles on Wednesday
# after reports that the handles could overheat"): what it reports is its own, not a guess
# about the happening.
_EN_SUBORDINATE = re.compile(r"\b(?:that|which|who|whether)\b")


def hedged(context: ArticleContext, start: int, end: int, verb_end: int) -> bool:
    """Whether the span holds a conditional or a guess before any clause that the verb
    ending at `verb_end` governs (English); in the whole span otherwise."""
    if context.language == "en" and start <= verb_end < end:
        clause = _EN_SUBORDINATE.search(context.folded, verb_end, end)
        if clause is not None:
            end = clause.start()
    if context.language == "en":
        # "cut fares in March, a move it believes will lift ridership": a comment on the
        # happening told before it guesses; the happening is stated.
        comment = COMMENT.search(context.folded, start, end)
        if comment is not None and past_verb(context.folded[start : comment.start()]):
            end = comment.start()
    return bool(HEDGE.search(unnamed(context, start, end)))


# A plan or a schedule, not an estimate: it names a date for the act, which has not been
# told to have come ("计划7月动工" after a past date is still only a plan).
_SCHEDULED = re.compile(r"原定|原计划|原本计划|预定|计划|打算|准备")


# 将 before a verb, not "nearly" (将近) nor a general (将军, 将领): after a period the source
# is written in ("本月将启用新码头"), it is "will".
_ZH_WILL = re.compile(r"(?<![已曾])将(?!近|军|领|士)")


def is_forecast(context: ArticleContext, start: int, end: int, mention: DateMention) -> bool:
    folded = unnamed(context, start, end)
    if (
        context.language != "en"
        and _runs_on(context, mention)
        and _ZH_WILL.search(folded, max(0, mention.char_end - start))
    ):
        # "X本月将启用新码头", published mid-month: a plan for the rest of the period.
        return True
    comment = _trailing_comment(context, start, end, mention)
    dated_verb = _dated_past_verb(context, start, mention)
    position = 0
    while (match := forecast_cue(folded, position)) is not None:
        position = match.end()
        following = start + match.end()
        if comment is not None and start + match.start() >= comment:
            continue
        if _outlook_after(context, start, mention, start + match.start()):
            continue
        if dated_verb is not None and following <= dated_verb:
            # "The plant will package chips under an agreement the two companies signed
            # on March 5, 2024": the date is the past verb's, the outlook is the plant's.
            continue
        # "预计2024年收入约为…" written after 2024: an estimate of a past period.
        if (
            mention.char_start - following <= 1
            and mention.char_start >= following
            and is_past(context, mention)
            # "原定今年年中投产", "计划7月动工": a schedule for a past date is still a plan.
            and not _SCHEDULED.match(match.group())
        ):
            continue
        return True
    return False


# "opened a plant in May 2024 and plans to expand it": the outlook is a second predicate's,
# joined after the dated one.
_EN_THEN = re.compile(
    r"\s*,?\s*(?:and|but)\s+(?:(?:it|they|he|she)\s+)?(?:now\s+|also\s+|still\s+)?"
)


def _outlook_after(context: ArticleContext, start: int, mention: DateMention, cue: int) -> bool:
    """Whether an English forecast word at `cue` opens a predicate joined by "and" or "but"
    right after a dated past one ("X opened a plant in May 2024 and plans to…")."""
    return (
        context.language == "en"
        and mention.char_end <= cue
        and is_past(context, mention)
        and _EN_THEN.fullmatch(context.folded, mention.char_end, cue) is not None
        and past_verb(context.folded[start : mention.char_start])
    )


def _trailing_comment(
    context: ArticleContext, start: int, end: int, mention: DateMention
) -> int | None:
    """Where an English comment after a dated past happening starts ("ended its partnership
    last month, a change executives say will lift margins"), or None."""
    if context.language != "en":
        return None
    comment = COMMENT.search(context.folded, max(start, mention.char_end), end)
    if comment is None:
        return None
    before = context.folded[start : comment.start()]
    if FORECAST.search(before) or not past_verb(before.replace(mention.text.lower(), " ")):
        return None
    return comment.start()


# A verb in the past right before its date: "signed on March 5, 2024", "began in early 2022".
_VERB_BEFORE_DATE = re.compile(r"\b([a-z]+)\s+(?:(?:on|in|at|during)\s+)?$")

_NOT_A_HAPPENING = frozenset(
    [
        "expected",
        "scheduled",
        "planned",
        "slated",
        "set",
        "due",
        "projected",
        "forecast",
        "estimated",
        "intended",
        "aimed",
        "hoped",
        "wanted",
        "needed",
        "proposed",
    ]
)


def _dated_past_verb(context: ArticleContext, start: int, mention: DateMention) -> int | None:
    """Where an English past verb that the date directly follows starts, so an earlier
    "will" is no outlook on it; None when the date follows no such verb or is not past."""
    if context.language != "en" or not is_past(context, mention):
        return None
    before = context.folded[max(start, mention.char_start - 30) : mention.char_start]
    verb = _VERB_BEFORE_DATE.search(before)
    if verb is None or verb.group(1) in _NOT_A_HAPPENING or not past_verb(verb.group(1)):
        return None
    return mention.char_start - len(before) + verb.start()


# ", the company said", ", Tidewave told reporters": an English attribution after what
# was said, its date following the verb.
_ATTRIBUTION = re.compile(
    r",\s*(?:[^,]{1,40}?\s)?(?:said|announced|told [a-z]+|confirmed)\s*(?:on\s+|in\s+)?$"
)


def attribution_start(context: ArticleContext, floor: int, position: int) -> int:
    """Where an English attribution ending at `position` starts (after its comma), else
    `position` itself."""
    if context.language != "en":
        return position
    found = _ATTRIBUTION.search(context.folded, max(floor, position - 60), position)
    return found.start() + 1 if found else position


def _runs_on(context: ArticleContext, mention: DateMention) -> bool:
    """Whether the mention is a period that began by the source's date and runs on past it:
    "本月", "今年", "this week"."""
    return (
        context.reference is not None
        and mention.start is not None
        and mention.end is not None
        and mention.start <= context.reference.start
        and mention.end > context.reference.end
    )


def is_past(context: ArticleContext, mention: DateMention) -> bool:
    return (
        context.reference is not None
        and mention.end is not None
        and mention.end < context.reference.start
    )


def is_future(context: ArticleContext, mention: DateMention) -> bool:
    return (
        context.reference is not None
        and mention.start is not None
        and mention.start > context.reference.end
    )
