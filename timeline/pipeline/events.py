"""Event claims: a dated clause of a news article read as one typed, keyed happening.

Trigger vocabularies (English and Chinese, compared in folded simplified script) give each
clause an event type; the actors around it give its principal parties; the two give a key
that names the happening the same way in every article and script. Plain Python.
"""

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.pipeline.actors import ActorMention
from timeline.pipeline.context import (
    COMPANY_KINDS,
    ORGANIZATION_KINDS,
    WORK_KINDS,
    ArticleContext,
)
from timeline.pipeline.dates import DateMention
from timeline.pipeline.headlines import key_and_headline
from timeline.pipeline.parties import dedupe, find_parties
from timeline.pipeline.reading import Paragraph, Span, split_clauses
from timeline.pipeline.triggers import (
    ANAPHOR,
    AS_OF,
    BOUND_AFTER,
    CONTINUES,
    FIRST_PERSON,
    FORECAST,
    HEDGE,
    INVEST,
    NEGATION,
    OPENERS,
    OVERTAKE,
    QUESTION_END,
    REPORTED,
    TRIGGERS,
    TRIM,
    Trigger,
)

EVENT_TYPES = (
    "founding",
    "funding",
    "model_release",
    "product_launch",
    "partnership",
    "acquisition",
    "restructuring",
    "personnel",
    "financials",
    "pricing",
    "ranking",
    "controversy",
    "rumor",
    "denial",
    "statement",
    "strategy",
    "other",
)

# A quote longer than this is cut back to the clause that holds the date.
QUOTE_LIMIT = 160
# Clauses a date-only clause may reach forward for its verb ("去年5月,在零一万物发布…时").
REACH = 2


@dataclass(frozen=True)
class ExtractedClaim:
    """One article's statement of one happening, with its exact quote and normalized date."""

    key: str
    event_type: str
    headline: str
    summary: str
    quote: str
    char_start: int
    char_end: int
    date: DateMention | None
    actors: tuple[tuple[str, str], ...]


# --- clauses ----------------------------------------------------------------------------------


def _trimmed(context: ArticleContext, start: int, end: int) -> tuple[int, int]:
    while end > start and context.text[end - 1] in TRIM:
        end -= 1
    while start < end and context.text[start] in TRIM:
        start += 1
    return start, end


def sentence_clauses(context: ArticleContext, sentence: Span) -> list[tuple[int, int]]:
    """The units a sentence is read in: clauses in Chinese, the sentence (split at
    semicolons) in English, never cutting through a date expression."""
    if context.language == "en" and len(sentence.text) <= QUOTE_LIMIT:
        pieces = [(sentence.char_start, sentence.char_end)]
    elif context.language == "en":
        pieces = []
        start = sentence.char_start
        for match in re.finditer(r";", sentence.text):
            pieces.append((start, sentence.char_start + match.end()))
            start = sentence.char_start + match.end()
        pieces.append((start, sentence.char_end))
    else:
        pieces = []
        for clause in split_clauses(sentence):
            pieces.extend(_comma_pieces(clause))
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and any(
            mention.char_start < merged[-1][1] < mention.char_end
            for mention in context.dates_in(merged[-1][0], end)
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    # A date cut by the split (English "Nov. 5, 2023") joins its two halves.
    joined: list[tuple[int, int]] = []
    for start, end in merged:
        if joined and _cuts_a_date(context, joined[-1][1]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return [_trimmed(context, start, end) for start, end in joined if end > start]


_ASCII_COMMA = re.compile(r",(?!\d{3}(?!\d))")


def _comma_pieces(clause: Span) -> list[tuple[int, int]]:
    """Chinese text often uses ASCII commas before digits ("认同,2025年是…"); they split
    clauses too, unless they group thousands ("1,000")."""
    pieces = []
    start = clause.char_start
    for match in _ASCII_COMMA.finditer(clause.text):
        pieces.append((start, clause.char_start + match.end()))
        start = clause.char_start + match.end()
    pieces.append((start, clause.char_end))
    return pieces


def _cuts_a_date(context: ArticleContext, position: int) -> bool:
    index = bisect_left(context._date_starts, position) - 1
    return index >= 0 and context.dates[index].char_end > position


# --- classification ---------------------------------------------------------------------------


def classify(
    context: ArticleContext, start: int, end: int, *, report_from: int | None = None
) -> Trigger | None:
    """The event type a span of text states, by the first vocabulary that matches.

    A report marker earlier in the sentence ("第一财经也报道,…") makes the span reported.
    """
    folded = context.folded[start:end]
    floor = start if report_from is None else min(report_from, start)
    reported = REPORTED.search(context.folded[floor:end]) is not None
    for kind, pattern in TRIGGERS:
        for match in pattern.finditer(folded):
            before = folded[max(0, match.start() - 6) : match.start()]
            if kind not in {"denial", "statement"} and NEGATION.search(before):
                continue
            return Trigger(kind, start + match.start(), start + match.end(), reported)
    overtake = OVERTAKE.search(folded)
    if overtake and context.actors_in(start + overtake.end(), end):
        return Trigger("ranking", start + overtake.start(), start + overtake.end(), reported)
    invest = INVEST.search(folded)
    if reported and invest:
        return Trigger("funding_plan", start + invest.start(), start + invest.end(), reported)
    return None


def _without_dates(context: ArticleContext, start: int, end: int) -> str:
    """The folded span with its date expressions blanked: "May 2024" is no "may"."""
    folded = context.folded[start:end]
    for mention in context.dates_in(start, end):
        width = mention.char_end - mention.char_start
        offset = mention.char_start - start
        folded = folded[:offset] + "\0" * width + folded[offset + width :]
    return folded


def _is_forecast(context: ArticleContext, start: int, end: int, mention: DateMention) -> bool:
    folded = _without_dates(context, start, end)
    for match in FORECAST.finditer(folded):
        following = start + match.end()
        # "预计2024年收入约为…" written after 2024: an estimate of a past period.
        if (
            mention.char_start - following <= 1
            and mention.char_start >= following
            and _is_past(context, mention)
        ):
            continue
        return True
    return False


def _is_past(context: ArticleContext, mention: DateMention) -> bool:
    return (
        context.reference is not None
        and mention.end is not None
        and mention.end < context.reference.start
    )


def _is_future(context: ArticleContext, mention: DateMention) -> bool:
    return (
        context.reference is not None
        and mention.start is not None
        and mention.start > context.reference.end
    )


# --- actors -----------------------------------------------------------------------------------


def _at_subject_position(context: ArticleContext, mention: ActorMention, clause_start: int) -> bool:
    lead = context.folded[clause_start : mention.char_start]
    return len(OPENERS.sub("", lead, count=1).strip()) <= 1


@dataclass
class ParagraphState:
    """The company the paragraph is about so far (the subject Chinese leaves unsaid)."""

    topic: str | None = None


def _topic_before(
    context: ArticleContext,
    clauses: Sequence[tuple[int, int]],
    position: int,
    state: ParagraphState,
) -> str | None:
    """The nearest organization standing as subject before `position` in this sentence,
    else any organization earlier in the sentence, else the paragraph's topic."""
    subject = None
    anywhere = None
    for start, end in clauses:
        if start >= position:
            break
        for mention in context.actors_in(start, min(end, position)):
            if context.kind(mention.slug) not in ORGANIZATION_KINDS:
                continue
            anywhere = mention.slug
            if _at_subject_position(context, mention, start):
                subject = mention.slug
    return subject or anywhere or state.topic


def _update_topic(
    context: ArticleContext, clauses: Sequence[tuple[int, int]], state: ParagraphState
) -> None:
    """The paragraph's topic becomes the sentence's subject company, or its only company."""
    subject = None
    companies = []
    for start, end in clauses:
        for mention in context.actors_in(start, end):
            if context.kind(mention.slug) not in COMPANY_KINDS:
                continue
            companies.append(mention.slug)
            if _at_subject_position(context, mention, start):
                subject = mention.slug
    if subject is None and len(set(companies)) == 1:
        subject = companies[0]
    if subject is not None:
        state.topic = subject


@dataclass(frozen=True)
class SentenceScope:
    """Where a span sits: its sentence's clauses, and actors lent by the next sentence when
    this one names none ("5 月的这一波价格战…。以字节跳动、阿里、百度为例,…")."""

    clauses: Sequence[tuple[int, int]]
    borrowed: Sequence[ActorMention] = ()


# What each type needs named in its span before the span is complete.
_NEEDS = {
    "personnel": frozenset({"person"}),
    "release": WORK_KINDS,
    "founding": ORGANIZATION_KINDS,
}


def _completed(
    context: ArticleContext, scope: SentenceScope, span: tuple[int, int], trigger: Trigger
) -> tuple[int, int]:
    """The span reaching forward, clause by clause, to the party its type needs
    ("2024 年,零一陆续有中高层离开,包括前预训练负责人黄文灏…")."""
    needed = _NEEDS.get(trigger.event_type)
    start, end = span
    if needed is None or any(context.kind(m.slug) in needed for m in context.actors_in(start, end)):
        return span
    for clause_start, clause_end in scope.clauses:
        if clause_start < end:
            continue
        if clause_end - start > QUOTE_LIMIT or context.dates_in(clause_start, clause_end):
            break
        if any(context.kind(m.slug) in needed for m in context.actors_in(clause_start, clause_end)):
            return start, clause_end
    return span


def _cut_aside(context: ArticleContext, span: tuple[int, int], keep: int) -> tuple[int, int]:
    """A parenthesis opened after the date and the verb is an aside: the span stops there."""
    start, end = span
    folded = context.folded
    for position in range(max(start, keep), end):
        if folded[position] in "(（":
            return start, position
    return span


def _build_claim(
    context: ArticleContext,
    scope: SentenceScope,
    span: tuple[int, int],
    trigger: Trigger,
    mention: DateMention | None,
    state: ParagraphState,
    speaker_turn: bool,
) -> ExtractedClaim | None:
    start, end = _trimmed(context, *span)
    if end <= start:
        return None
    folded = context.folded[start:end]
    kind = trigger.event_type
    if kind == "release":
        kind = "model_release"
    span_actors = context.actors_in(start, end)
    sentence_start, sentence_end = scope.clauses[0][0], scope.clauses[-1][1]
    fallback = None
    if not any(
        context.kind(m.slug) in ORGANIZATION_KINDS and m.char_end <= trigger.start
        for m in span_actors
    ):
        fallback = _topic_before(context, scope.clauses, start, state)
        lead = context.folded[sentence_start:end]
        if fallback is None and (
            (speaker_turn and FIRST_PERSON.search(lead)) or ANAPHOR.search(folded)
        ):
            # "我们" in an interviewee's answer, "该公司" in a report: the company the
            # article is about.
            fallback = context.main_company
    if fallback is None and not any(
        context.kind(m.slug) in ORGANIZATION_KINDS | WORK_KINDS for m in span_actors
    ):
        span_actors = [*span_actors, *scope.borrowed]
    # A statement's date must come before its verb: "在去年年中表示" is when it was said,
    # while "说 2025 年是…" is what was said.
    if kind == "statement" and (mention is None or mention.char_start > trigger.start):
        return None
    leading = context.actors_in(sentence_start, start)
    trailing = context.actors_in(end, sentence_end)
    if not any(
        context.kind(m.slug) in WORK_KINDS
        and (kind == "model_release" or m.char_end <= trigger.start)
        for m in span_actors
    ) and kind in {"model_release", "ranking", "pricing"}:
        # The thing released or ranked, named as the sentence's subject before the span.
        works = [m for m in leading if context.kind(m.slug) in WORK_KINDS]
        if works:
            span_actors = [works[-1], *span_actors]
    if kind == "founding" and not any(context.kind(m.slug) == "person" for m in span_actors):
        founders = [
            m
            for m in leading
            if context.kind(m.slug) == "person"
            and _at_subject_position(context, m, _clause_start(scope, m.char_start))
        ]
        span_actors = [*founders[:1], *span_actors]
    parties = find_parties(context, kind, trigger, span_actors, fallback, trailing, (start, end))
    built = key_and_headline(context, kind, trigger, parties, folded, mention)
    if built is None:
        return None
    event_type, key, headline = built
    actors = tuple(
        (slug, parties.roles.get(slug, "mentioned"))
        for slug in dedupe(
            [*([parties.principal] if parties.principal else []), *parties.others, *parties.roles]
        )
    )
    date_value = mention if mention is not None and mention.start is not None else None
    return ExtractedClaim(
        key=_ascii_key(key),
        event_type=event_type,
        headline=headline,
        summary="",
        quote=context.text[start:end],
        char_start=start,
        char_end=end,
        date=date_value,
        actors=actors,
    )


def _clause_start(scope: SentenceScope, position: int) -> int:
    for start, end in scope.clauses:
        if start <= position < end:
            return start
    return position


def _ascii_key(key: str) -> str:
    key = re.sub(r"[^a-z0-9:+\-_.]", "-", key.lower())
    return key[:200]


# --- one paragraph ----------------------------------------------------------------------------


def paragraph_claims(
    context: ArticleContext, paragraph: Paragraph, state: ParagraphState
) -> list[ExtractedClaim]:
    """Claims of one content paragraph, in text order."""
    claims: list[ExtractedClaim] = []
    state.topic = None
    speaker_turn = paragraph.speaker is not None
    sentences = paragraph.sentences
    for number, sentence in enumerate(sentences):
        clauses = sentence_clauses(context, sentence)
        if not clauses:
            continue
        borrowed: Sequence[ActorMention] = ()
        if number + 1 < len(sentences) and not context.actors_in(
            sentence.char_start, sentence.char_end
        ):
            following = sentences[number + 1]
            if not context.dates_in(following.char_start, following.char_end):
                borrowed = context.actors_in(following.char_start, following.char_end)
        scope = SentenceScope(clauses, borrowed)
        claims.extend(_sentence_claims(context, scope, sentence, state, speaker_turn))
        _update_topic(context, clauses, state)
    return claims


def _sentence_claims(
    context: ArticleContext,
    scope: SentenceScope,
    sentence: Span,
    state: ParagraphState,
    speaker_turn: bool,
) -> list[ExtractedClaim]:
    claims: list[ExtractedClaim] = []
    clauses = scope.clauses
    sentence_end = clauses[-1][1]
    asks = QUESTION_END.search(sentence.text) is not None
    previous_dated: tuple[int, DateMention] | None = None

    def keep(claim: ExtractedClaim | None) -> None:
        if claim is not None:
            claims.append(claim)

    for index, (start, end) in enumerate(clauses):
        mentions = [m for m in context.dates_in(start, end) if _usable(context, m, start)]
        if not mentions:
            if previous_dated is not None:
                keep(
                    _continued_claim(
                        context, scope, index, previous_dated, state, speaker_turn, claims
                    )
                )
            elif not (asks and end >= sentence_end):
                keep(_undated_claim(context, scope, index, state, speaker_turn))
            previous_dated = None
            continue
        for position, mention in enumerate(mentions):
            seg_start = start if position == 0 else mention.char_start
            last = position == len(mentions) - 1
            seg_end = end if last else mentions[position + 1].char_start
            span = (seg_start, seg_end)
            trigger = classify(context, seg_start, seg_end, report_from=clauses[0][0])
            if trigger is None and last:
                for reach in range(1, REACH + 1):
                    if index + reach >= len(clauses):
                        break
                    next_start, next_end = clauses[index + reach]
                    if context.dates_in(next_start, next_end) or next_end - seg_start > QUOTE_LIMIT:
                        break
                    trigger = classify(context, next_start, next_end, report_from=clauses[0][0])
                    if trigger is not None:
                        span = (seg_start, next_end)
                        break
            if trigger is None:
                continue
            span = _cut_aside(context, span, max(mention.char_end, trigger.end))
            span = _completed(context, scope, span, trigger)
            if asks and span[1] >= sentence_end:
                continue
            if not _admissible(context, span, mention, trigger):
                continue
            claim = _build_claim(context, scope, span, trigger, mention, state, speaker_turn)
            keep(claim)
            if claim is not None and mention.start is None:
                context.warnings.append(
                    f"unresolved date {mention.text!r} at {mention.char_start}: claim kept undated"
                )
        previous_dated = (index, mentions[-1])
    return claims


# Happenings worth keeping undated: who denied, reported, partnered or bought what does not
# depend on a date to be named.
UNDATED_TYPES = frozenset({"denial", "partnership", "acquisition"})


def _undated_claim(
    context: ArticleContext,
    scope: SentenceScope,
    index: int,
    state: ParagraphState,
    speaker_turn: bool,
) -> ExtractedClaim | None:
    """A clause with no date that still states a denial, a report of a sale, a partnership
    or an acquisition: kept with no date, for an editor to date."""
    start, end = scope.clauses[index]
    trigger = classify(context, start, end, report_from=scope.clauses[0][0])
    if trigger is None:
        return None
    if trigger.event_type not in UNDATED_TYPES and not (
        trigger.reported and trigger.event_type in {"acquisition", "funding"}
    ):
        return None
    # "李开复创立的零一万物": a verb that only describes a noun states nothing new.
    if context.folded[trigger.end : trigger.end + 1] == "的":
        return None
    folded = _without_dates(context, start, end)
    if HEDGE.search(folded) or (not trigger.reported and FORECAST.search(folded)):
        return None
    return _build_claim(context, scope, (start, end), trigger, None, state, speaker_turn)


def _usable(context: ArticleContext, mention: DateMention, clause_start: int) -> bool:
    """A date that bounds ("2023 年之前", "as of mid-2025", "since May") dates no happening."""
    lead = context.folded[max(clause_start, mention.char_start - 12) : mention.char_start]
    tail = context.folded[mention.char_end : mention.char_end + 4]
    return not (AS_OF.search(lead) or BOUND_AFTER.match(tail))


def _admissible(
    context: ArticleContext, span: tuple[int, int], mention: DateMention, trigger: Trigger
) -> bool:
    start, end = span
    folded = _without_dates(context, start, end)
    if HEDGE.search(folded):
        return False
    if trigger.reported:
        return True
    if _is_future(context, mention):
        return False
    return not _is_forecast(context, start, end, mention)


def _continued_claim(
    context: ArticleContext,
    scope: SentenceScope,
    index: int,
    previous: tuple[int, DateMention],
    state: ParagraphState,
    speaker_turn: bool,
    claims: list[ExtractedClaim],
) -> ExtractedClaim | None:
    """ "去年发布 Yi 系列模型,被指使用了 LLaMA 的架构": a clause that carries on the dated
    one before it, with a verb of its own, is a second happening at the same time."""
    clauses = scope.clauses
    previous_index, mention = previous
    if previous_index != index - 1:
        return None
    start, end = clauses[index]
    if not CONTINUES.search(context.folded[start:end]):
        return None
    trigger = classify(context, start, end, report_from=clauses[0][0])
    if trigger is None or trigger.event_type == "statement":
        return None
    span_start = clauses[previous_index][0]
    if end - span_start > QUOTE_LIMIT:
        return None
    if any(claim.char_start <= start < claim.char_end for claim in claims):
        return None
    if not _admissible(context, (start, end), mention, trigger):
        return None
    claim = _build_claim(context, scope, (span_start, end), trigger, mention, state, speaker_turn)
    if claim is None or any(existing.key == claim.key for existing in claims[-2:]):
        return None
    return claim


# --- within one article -----------------------------------------------------------------------


def _interval_days(claim: ExtractedClaim) -> int:
    if claim.date is None or claim.date.start is None or claim.date.end is None:
        return 1 << 30
    return (claim.date.end - claim.date.start).days


def collapse_claims(claims: Sequence[ExtractedClaim]) -> tuple[ExtractedClaim, ...]:
    """One claim per key and per span in an article: the most precisely dated, then the first.

    An article that restates a happening ("去年 5 月…发布了 yi-large" twice) gives one
    statement of it; two spans never share offsets, as the claim table requires.
    """
    best: dict[str, ExtractedClaim] = {}
    for claim in claims:
        current = best.get(claim.key)
        if current is None or _interval_days(claim) < _interval_days(current):
            best[claim.key] = claim
    kept: list[ExtractedClaim] = []
    spans: set[tuple[int, int]] = set()
    for claim in sorted(best.values(), key=lambda c: (c.char_start, c.char_end)):
        if (claim.char_start, claim.char_end) in spans:
            continue
        spans.add((claim.char_start, claim.char_end))
        kept.append(claim)
    return tuple(kept)
