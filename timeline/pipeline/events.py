"""Event claims: a dated clause of a news article read as one typed, keyed happening.

Trigger vocabularies (English and Chinese, compared in folded simplified script) give each
clause an event type; the actors around it give its principal parties; the two give a key
that names the happening the same way in every article and script. This module reads a
paragraph sentence by sentence into claims; ``undated_clauses`` reads the clauses with no
date of their own, ``claim_building`` makes each claim, and the modules it names (clauses,
classification, subjects, extent, attribution, claim dates) each answer one of its
questions. Plain Python.
"""

import re
from collections.abc import Sequence
from itertools import pairwise

from timeline.pipeline.actors import ActorMention
from timeline.pipeline.attribution import before_attribution
from timeline.pipeline.chinese_tagger import chinese_words
from timeline.pipeline.claim import ExtractedClaim
from timeline.pipeline.claim_building import make_claims
from timeline.pipeline.claim_dates import (
    admissible,
    dates_the_saying,
    dating_the_clause,
    unrestated,
    usable,
)
from timeline.pipeline.classification import attribution_start, classify, is_future, is_past
from timeline.pipeline.clauses import BARE_VERB, QUOTE_LIMIT, sentence_clauses
from timeline.pipeline.context import WORK_KINDS, ArticleContext
from timeline.pipeline.cues import ATTRIBUTIVE, DOCUMENT, NOTE, PLAN, QUESTION_END, SPEECH
from timeline.pipeline.dates import DateMention
from timeline.pipeline.extent import (
    absorbed,
    announced_happening,
    completed,
    cut_aside,
    serial,
    with_what_was_said,
)
from timeline.pipeline.happening_subjects import (
    PRONOUN_SUBJECT,
    en_thing_opening,
    group_subject,
    thing_of_holder,
)
from timeline.pipeline.happenings import plain_happening
from timeline.pipeline.referents import referred_actors
from timeline.pipeline.reported import (
    dated_by_report,
    report_tail,
    reported_clause,
    speaks_for_itself,
)
from timeline.pipeline.scope import ParagraphState, SentenceScope, remember
from timeline.pipeline.segmentation import Paragraph
from timeline.pipeline.sentences import Span
from timeline.pipeline.subject_phrases import discovered_subject, subject_phrase
from timeline.pipeline.subjects import (
    DEAL_ANNOUNCED,
    NEXT_CLAUSE,
    RELATIVE_OPENING,
    carried_subject,
    clause_joint,
    opens_on_its_date,
    relative_subject,
    update_topic,
    with_shared_subject,
)
from timeline.pipeline.triggers import ANY_TRIGGER, Trigger
from timeline.pipeline.undated_clauses import (
    continued_claim,
    happening_at_previous_date,
    undated_claims,
)

# Clauses a date-only clause may reach forward for its verb ("去年5月,在零一万物发布…时").
REACH = 2


# --- one paragraph ----------------------------------------------------------------------------


def paragraph_claims(
    context: ArticleContext, paragraph: Paragraph, state: ParagraphState
) -> list[ExtractedClaim]:
    """Claims of one content paragraph, in text order."""
    claims: list[ExtractedClaim] = []
    state.topic = state.work = state.planned = state.holder = None
    speaker_turn = paragraph.speaker is not None
    # An editor's note inside an interview ("(注:…)") is not the interviewee's answer.
    state.speaker = None
    if speaker_turn and not NOTE.match(paragraph.text):
        state.speaker = context.speaker_actor(paragraph.speaker)
    sentences = paragraph.sentences
    for number, sentence in enumerate(sentences):
        clauses = sentence_clauses(context, sentence)
        if not clauses:
            state.lead_in = None
            continue
        borrowed: Sequence[ActorMention] = ()
        if number + 1 < len(sentences) and not context.actors_in(
            sentence.char_start, sentence.char_end
        ):
            following = sentences[number + 1]
            if not context.dates_in(following.char_start, following.char_end):
                borrowed = context.actors_in(following.char_start, following.char_end)
        scope = SentenceScope(clauses, borrowed)
        # Most sentences have no word a happening is named by: nothing to read in them.
        made = (
            _sentence_claims(context, scope, sentence, state, speaker_turn)
            if ANY_TRIGGER.search(context.folded, sentence.char_start, sentence.char_end)
            or (
                context.dates_in(sentence.char_start, sentence.char_end)
                and (
                    context.actors_in(sentence.char_start, sentence.char_end)
                    or PRONOUN_SUBJECT.search(
                        context.folded, sentence.char_start, sentence.char_end
                    )
                    # "公司在2021年底交付了第一辆车": a referring expression as subject.
                    or referred_actors(context, sentence.char_start, sentence.char_end, state.topic)
                    # "同年12月，首台机组发电": a thing of the paragraph's latest actor.
                    or (state.holder is not None and context.language != "en")
                    # "该冷库去年11月停用": a noun phrase no name covers (`subject_phrases`).
                    or context.language != "en"
                    # "The lodge reopened in October 2024": a thing of the paragraph's body.
                    or (
                        context.language == "en"
                        and en_thing_opening(context, sentence.char_start, sentence.char_end)
                    )
                    # "Rangers rescued a walker on Sunday": a body's people, unnamed.
                    or (
                        context.language == "en"
                        and group_subject(context, sentence.char_start, sentence.char_end)[0]
                    )
                )
            )
            else []
        )
        claims.extend(made)
        # The claim's subject, not a partner listed before it ("实验室与微软签署…").
        holders = [
            next((slug for slug, role in claim.actors if role == "subject"), claim.actors[0][0])
            for claim in made
            if claim.actors
        ]
        state.holder = holders[-1] if holders else state.holder
        update_topic(context, clauses, state)
        works = [c.actors[0][0] for c in made if c.event_type in {"model_release", "ranking"}]
        state.work = works[-1] if works else state.work
        for mention in context.actors_in(sentence.char_start, sentence.char_end):
            if context.kind(mention.slug) in WORK_KINDS and PLAN.match(
                context.folded, mention.char_end
            ):
                state.planned = mention.slug
        state.lead_in = _lead_in(context, sentence, clauses)
    return claims


def _lead_in(
    context: ArticleContext, sentence: Span, clauses: Sequence[tuple[int, int]]
) -> tuple[int, DateMention] | None:
    """ "变动消息传出的第二天,李开复向《晚点》解释了实际发生的调整:": a sentence that ends in a
    colon after a date and a speech verb dates what it introduces, as known by that day."""
    if not sentence.text.rstrip().endswith((":", "：")):
        return None
    mentions = [
        m
        for start, end in clauses
        for m in context.dates_in(start, end)
        if m.start is not None and usable(context, m, start)
    ]
    if not mentions or not SPEECH.search(context.folded, mentions[-1].char_end, sentence.char_end):
        return None
    return sentence.char_start, mentions[-1]


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
    # The last clause that carries a date's time on: (its index, the date, where the span
    # holding the date starts).
    previous_dated: tuple[int, DateMention, int] | None = None

    def keep(claim: ExtractedClaim | None) -> None:
        if claim is not None:
            claims.append(claim)

    for index, (start, end) in enumerate(clauses):
        found = context.dates_in(start, end)
        mentions = dating_the_clause(
            context, unrestated(context, [m for m in found if usable(context, m, start)])
        )
        if found and not mentions:
            # "智谱 ai 在 2023 年之前已成立": a bounded date states a state of affairs.
            previous_dated = None
            continue
        if not mentions:
            if previous_dated is not None:
                before = len(claims)
                keep(
                    continued_claim(
                        context, scope, index, previous_dated, state, speaker_turn, claims
                    )
                )
                if len(claims) == before:
                    claims.extend(
                        happening_at_previous_date(
                            context, scope, index, previous_dated, state, speaker_turn, claims
                        )
                    )
                if claims and claims[-1].char_start <= start and end <= claims[-1].char_end:
                    # Read into the dated claim ("去年5月,在…发布 Yi-Large 时"): the
                    # time carries on to the clause after it.
                    previous_dated = (index, previous_dated[1], previous_dated[2])
                    continue
                if len(claims) == before and _scene(context, start, end, previous_dated):
                    # "4日晚，有村民与施工人员发生推搡，警方带走3人": a clause that sets the
                    # scene, no one named in it, passes its date on to the next.
                    previous_dated = (index, previous_dated[1], previous_dated[2])
                    continue
            elif not (asks and end >= sentence_end) and not any(
                claim.char_start <= start < claim.char_end for claim in claims
            ):
                made = undated_claims(context, scope, index, state, speaker_turn)
                claims.extend(made)
                remember(state, made)
            previous_dated = None
            continue
        # Where each dated English clause of several ends and the next begins: a comma or
        # "and" after the date, before the next date.
        joints = [
            clause_joint(context, mention.char_end, following.char_start)
            for mention, following in pairwise(mentions)
        ]
        for position, mention in enumerate(mentions):
            seg_start = start if position == 0 else mention.char_start
            if position > 0 and _described_subject(context, mentions[position - 1], mention):
                # "原定于下月启用的东湖码头上周提前启用": the earlier date only describes the
                # subject standing before this one; the clause is told from its start.
                seg_start = start
            if position > 0 and is_future(context, mentions[position - 1]):
                # "…from April 1, 2025, the company said yesterday": the later date is the
                # saying's, read with the words that attribute it. (A past happening so
                # attributed is dated by its own date: `dates_the_saying`.)
                seg_start = attribution_start(context, mentions[position - 1].char_end, seg_start)
            last = position == len(mentions) - 1
            seg_end = end if last else mentions[position + 1].char_start
            if context.language == "en" and position > 0 and joints[position - 1] is not None:
                # "posted a loss last year and raised fares in March": the second clause,
                # from where it begins, is its date's.
                seg_start = min(seg_start, joints[position - 1])
            elif context.language == "en" and position > 0:
                # "X said on Monday that it had closed the reservoir on May 30": what was
                # said, from its subject on, is a happening at its own date.
                reported = REPORTED_CLAUSE.match(
                    context.folded, mentions[position - 1].char_end, mention.char_start
                )
                if reported is not None and SPEECH.search(
                    context.folded,
                    max(start, mentions[position - 1].char_start - 20),
                    mentions[position - 1].char_start,
                ):
                    seg_start = reported.end()
            if context.language == "en" and not last and joints[position] is not None:
                seg_end = joints[position]
            if context.language == "en":
                seg_end = before_attribution(context, mention, seg_start, seg_end)
            span = (seg_start, seg_end)
            trigger = classify(
                context, seg_start, seg_end, report_from=clauses[0][0], speaking=speaker_turn
            )
            if trigger is None and last:
                for reach in range(1, REACH + 1):
                    if index + reach >= len(clauses):
                        break
                    next_start, next_end = clauses[index + reach]
                    if context.dates_in(next_start, next_end) or next_end - seg_start > QUOTE_LIMIT:
                        break
                    trigger = classify(
                        context,
                        next_start,
                        next_end,
                        report_from=clauses[0][0],
                        speaking=speaker_turn,
                    )
                    if trigger is not None:
                        span = (seg_start, next_end)
                        break
            if trigger is None and last:
                # A dated happening no vocabulary names: "X 于去年 4 月完成交割", "Orbis
                # Foods moved its headquarters in May 2023". Typed `other`, told in its
                # own words.
                carried = None
                if context.language == "en" and (index > 0 or position > 0):
                    carried = _en_shared_subject(context, clauses, state, seg_start, seg_end)
                elif index > 0:
                    carried = carried_subject(context, clauses, seg_start, seg_end, mention, state)
                if context.language != "en" and carried is None:
                    carried = _subject_told_before(
                        context, claims, state, (clauses[0][0], seg_start), mention
                    )
                trigger = plain_happening(context, span, mention, state, carried)
                tail = None
                if trigger is None:
                    tail = report_tail(context, seg_start, seg_end, mention)
                if tail is not None:
                    # "Brennock Glassworks has shut its second furnace, the union said on
                    # Tuesday": the clause told is a happening at the report's date.
                    told = (seg_start, tail)
                    trigger = plain_happening(context, told, mention, state, carried)
                    if trigger is not None:
                        span, mention = told, dated_by_report(mention)
                if trigger is None and context.language == "en":
                    # "X called the blockade after the Department cut the quota last
                    # Thursday": the date is the named subordinate clause's own.
                    inner = subordinate_span(context, span, mention)
                    trigger = plain_happening(context, inner, mention, state) if inner else None
                    span = inner if trigger is not None else span
                following = clauses[index + 1] if index + 1 < len(clauses) else None
                if trigger is None:
                    # "同年12月，首台机组发电": the clause after a date-only clause is its own.
                    told = (seg_start, seg_end)
                    if (
                        following
                        and not context.dates_in(*following)
                        and not context.folded[mention.char_end : seg_end].strip(" ，,")
                    ):
                        told = (seg_start, following[1])
                    holder = thing_of_holder(context, scope, state, *told, mention)
                    if holder is not None:
                        trigger = plain_happening(context, told, mention, state, holder)
                        span = told if trigger is not None else span
                if trigger is None and following and not context.dates_in(*following):
                    # "2024年8月，刘振国访问了河内": the date stands in a clause of its own.
                    wider = (seg_start, following[1])
                    trigger = plain_happening(context, wider, mention, state)
                    span = wider if trigger is not None else span
                if trigger is None and context.language != "en" and carried is None:
                    # "该矿井去年11月停产", "2024年8月，矿井停产": a subject no name covers,
                    # read from the tagger's noun phrase before the verb.
                    told = span
                    if (
                        following
                        and not context.dates_in(*following)
                        and not context.folded[mention.char_end : seg_end].strip(" ，,")
                    ):
                        told = (seg_start, following[1])
                    trigger = _phrase_subject(context, scope, told, mention, state)
                    span = told if trigger is not None else span
            if trigger is None and not last and context.language == "en":
                # "The agency closed its inquiry in August and cleared the rocket last
                # month": the first of two dated clauses, up to where the second begins.
                joint = NEXT_CLAUSE.search(context.folded, mention.char_end, seg_end)
                first = (seg_start, joint.start() if joint else seg_end)
                trigger = plain_happening(context, first, mention, state)
                span = first if trigger is not None else span
            if trigger is None:
                continue
            trigger, span = announced_happening(
                context, scope, span, trigger, speaking=speaker_turn
            )
            if (
                trigger.event_type == "statement"
                and state.deal
                and DEAL_ANNOUNCED.search(context.folded, span[0], trigger.end)
            ):
                # "The deal was first announced in September 2022": the announcement of
                # the deal told before, a happening of its parties distinct from its close.
                trigger = Trigger("acquisition", trigger.start, trigger.end, trigger.reported)
            if dates_the_saying(context, trigger, mention):
                # "Harlow Mills and Teague agreed to merge, both companies said on
                # Thursday": what was done, with no date of its own, is placed at its
                # report's date; anything else told so is dated by the saying only.
                tail = report_tail(context, span[0], span[1], mention)
                if tail is None:
                    continue
                span, mention = (span[0], tail), dated_by_report(mention)
            span = cut_aside(context, span, max(mention.char_end, trigger.end))
            if trigger.event_type == "statement" and not DOCUMENT.fullmatch(
                context.folded, trigger.start, trigger.end
            ):
                span = with_what_was_said(context, scope, span)
            span = absorbed(context, scope, completed(context, scope, span, trigger), trigger)
            span = serial(context, scope, span, trigger)
            if asks and span[1] >= sentence_end:
                continue
            if not admissible(context, span, mention, trigger):
                continue
            made = make_claims(context, scope, span, trigger, mention, state, speaker_turn)
            if not made and context.language == "en" and trigger.event_type != "happening":
                # "Streamly, which launched in November 2019", "The agency closed its
                # investigation in August": a dated clause whose trigger word finds no
                # parties (no product launched, no one investigated) still tells a
                # happening of its subject, in its own words.
                carried = None
                if index > 0 or position > 0:
                    carried = _en_shared_subject(context, clauses, state, span[0], span[1])
                plain = plain_happening(context, span, mention, state, carried)
                reported = (
                    REPORTED_AFTER.match(context.folded, trigger.end)
                    if trigger.event_type == "statement" and plain is None
                    else None
                )
                if reported is not None and reported.end() < mention.char_start:
                    # "The directorate said it first detected the strain on August 14": a
                    # saying with no date of its own; what was said is dated, and told.
                    span = (reported.end(), span[1])
                    plain = plain_happening(context, span, mention, state)
                if plain is None and carried is None:
                    # "The new wing opened last May": a thing of the paragraph's body.
                    holder = thing_of_holder(context, scope, state, *span, mention)
                    plain = holder and plain_happening(context, span, mention, state, holder)
                if plain is not None:
                    made = make_claims(context, scope, span, plain, mention, state, speaker_turn)
                said = SPEECH.search(context.folded, span[0], trigger.start)
                if not made and said is not None and trigger.event_type != "statement":
                    # "The trust said on Wednesday that funding was under review": the typed
                    # word stands in what was said; the dated saying is told.
                    saying = Trigger("statement", said.start(), said.end(), False)
                    made = make_claims(context, scope, span, saying, mention, state, speaker_turn)
                if not made:
                    # "The association told parents in a letter on Tuesday that the camp
                    # had been called off": a saying that names no party still dates what
                    # it told.
                    made = _reported_happening(context, scope, span, mention, state, speaker_turn)
            elif not made and context.language != "en" and trigger.event_type != "happening":
                # "恒峰于2019年推出海澜湾发售", "…，半年后又推出首款平板电脑", "医管局今年2月
                # 公布新的补偿安排": a typed clause whose type finds no parties (no work named,
                # nothing said after the verb) is still its subject's dated happening, told
                # in its own words.
                carried = None
                if index > 0:
                    carried = carried_subject(context, clauses, span[0], span[1], mention, state)
                plain = plain_happening(context, span, mention, state, carried)
                if plain is None and carried is None:
                    # "修复工程于2023年5月动工": a thing of the paragraph's actor before its date.
                    holder = thing_of_holder(context, scope, state, *span, mention)
                    plain = holder and plain_happening(context, span, mention, state, holder)
                if plain is None and carried is None:
                    plain = _phrase_subject(context, scope, span, mention, state)
                if plain is not None:
                    made = make_claims(context, scope, span, plain, mention, state, speaker_turn)
            claims.extend(made)
            remember(state, made)
            if any(claim.event_type == "statement" for claim in made):
                made = _reported_happening(context, scope, span, mention, state, speaker_turn)
                claims.extend(made)
                remember(state, made)
            if made and mention.start is None:
                context.warnings.append(
                    f"unresolved date {mention.text!r} at {mention.char_start}: claim kept undated"
                )
        # "2024年12月的重组,…,并否认了…": a date that only qualifies a noun carries no time
        # on to the clauses after it.
        qualifies = ATTRIBUTIVE.match(context.folded, mentions[-1].char_end)
        previous_dated = None if qualifies else (index, mentions[-1], start)
    return _without_redundant_sayings(context, claims)


def _reported_happening(
    context: ArticleContext,
    scope: SentenceScope,
    span: tuple[int, int],
    mention: DateMention,
    state: ParagraphState,
    speaker_turn,
) -> list[ExtractedClaim]:
    """ "The council announced on Monday that it had dropped the plan": after the dated
    saying, the clause said is a happening of its own at the report's date, its subject the
    clause's own or, for a pronoun, the speaker."""
    # The saying may stand before the span a typed word was read from.
    sentence_start = min(span[0], scope.clauses[0][0])
    told = reported_clause(context, sentence_start, span[1], mention)
    tail = report_tail(context, span[0], span[1], mention) if told is None else None
    if tail is not None:
        # "Brennock Glassworks has shut its second furnace, the union said on Tuesday".
        told = (span[0], tail)
    if told is None:
        return []
    dated = dated_by_report(mention)
    trigger = classify(context, *told, report_from=scope.clauses[0][0], speaking=speaker_turn)
    if trigger is not None and trigger.event_type in {"statement", "denial"}:
        trigger = None
    carried = None
    pronoun = speaks_for_itself(context, told[0])
    if pronoun is not None:
        # "Police said on Friday they had arrested two men": the pronoun is the speaker.
        speakers = context.actors_in(sentence_start, mention.char_start)
        if not speakers:
            return []
        carried = ActorMention(speakers[0].slug, context.text[told[0] : pronoun], told[0], pronoun)
    made = []
    if trigger is not None and carried is None:
        made = make_claims(context, scope, told, trigger, dated, state, speaker_turn)
    if not made:
        # Read from after the pronoun, so that the speaker stands as its subject.
        plain = plain_happening(context, (pronoun or told[0], told[1]), dated, state, carried)
        made = plain and make_claims(context, scope, told, plain, dated, state, speaker_turn)
    # A subject no name of the sentence covers ("the crew had trained…") is left to the
    # paragraph's reading; the report dates only a happening of someone it names.
    named = {m.slug for m in context.actors_in(sentence_start, told[1])}
    return [claim for claim in made or [] if claim.actors and claim.actors[0][0] in named]


# What stands between a date inside a phrase ending in 的 and the name it describes.
_DESCRIBING = re.compile(r"[^，,。；;：:]{0,12}的")


def _described_subject(context: ArticleContext, earlier: DateMention, mention: DateMention) -> bool:
    """Whether a Chinese date follows right after a name that a phrase ending in 的, holding
    the earlier date, describes ("原定于下月启用的|东湖码头|上周…")."""
    if context.language == "en":
        return False
    for actor in context.actors_in(earlier.char_end, mention.char_start):
        if context.folded[actor.char_end : mention.char_start].strip():
            continue
        if _DESCRIBING.fullmatch(context.folded, earlier.char_end, actor.char_start):
            return True
    return False


def _subject_told_before(
    context: ArticleContext,
    claims: list[ExtractedClaim],
    state: ParagraphState,
    span: tuple[int, int],
    mention: DateMention,
) -> ActorMention | None:
    """ "项目于2024年4月开工，今年3月完成设备调试", "…。去年11月开始排练": a Chinese clause that
    opens on its date and goes straight on to its verb, its subject left unsaid, shares the
    main actor of the claim its sentence has just made, or else the paragraph's latest main
    actor; that actor stands in after the date. None when another clause or name stands
    between ("…，创始人沈某现年52岁，98年赴美留学")."""
    sentence_start, start = span
    told = [claim for claim in claims if claim.actors and claim.char_end <= start]
    slug = told[-1].actors[0][0] if told else state.holder
    if slug is None or not opens_on_its_date(context, start, mention):
        return None
    since = told[-1].char_end if told else sentence_start
    if context.folded[since:start].strip(" ，,;；、"):
        return None  # another clause stands between: its subject may be another's
    named_from = told[-1].char_start if told else sentence_start
    if any(m.slug != slug for m in context.actors_in(named_from, mention.char_start)):
        return None  # "…成立于2017年，创始人沈某现年52岁": the nearer name may be the subject
    words = chinese_words(context.folded[mention.char_end : mention.char_end + 16].lstrip(" ，,"))
    tags = [tag for _word, tag in words[:6]]
    while tags and tags[0] in _BEFORE_VERB:
        if tags.pop(0) == "p":
            # "同年6月向市商务局提交了报告": the preposition's object stands before the verb.
            while tags and tags[0] not in {"v", "w"}:
                tags.pop(0)
    if not tags or tags[0] != "v":
        return None
    return ActorMention(slug, context.name(slug), mention.char_end, mention.char_end)


# Adverbs and prepositions between a date and its verb: "(今年3月)已完成", "(半年后)正式投入".
_BEFORE_VERB = frozenset({"d", "ad", "p"})


def _scene(
    context: ArticleContext, start: int, end: int, previous: tuple[int, DateMention, int]
) -> bool:
    """Whether a Chinese clause right after a clause that is only its date ("4日晚，") names
    no one and tells no happening of its own: the scene of what the next clause tells."""
    _index, mention, span_start = previous
    return (
        context.language != "en"
        and not context.folded[span_start : mention.char_start].strip(" ，,")
        and _ONLY_DATE.fullmatch(context.folded, mention.char_end, start)
        and not context.actors_in(start, end)
        and end - start <= _SCENE_LIMIT
        and _SCENE_OPENS.match(context.folded, start) is not None
    )


# A scene's clause opens on "there was" or a cause: "有村民…发生推搡", "由于资金短缺";
# "因钢材价格上涨" is a cause as "由于…" is, while "因此", "因而" go on from what was told.
_SCENE_OPENS = re.compile(r"\s*(?:有|由于|因为|因(?!此|而)|受|随着)")


# What may stand between a clause's date and the next clause: a time of day, the comma.
_ONLY_DATE = re.compile(
    r"\s*(?:上午|下午|中午|晚间|晚上|早上|凌晨|傍晚|夜间|深夜|晚|早)?\s*[，,]\s*"
)
_SCENE_LIMIT = 24


def _en_shared_subject(
    context: ArticleContext,
    clauses: Sequence[tuple[int, int]],
    state: ParagraphState,
    start: int,
    end: int,
) -> ActorMention | None:
    """ "The council cut its budget in February and closed a pool on March 2": a later
    dated clause that opens on its verb shares the subject its sentence opens with; one
    that opens on "who" or "which" is about the name right before it ("…, replacing Gordon
    Hale, who retired at the end of 2024")."""
    if RELATIVE_OPENING.match(context.folded, start):
        return relative_subject(context, start)
    carried = next(
        iter(
            with_shared_subject(
                context,
                referred_actors(context, clauses[0][0], end, state.topic),
                clauses[0][0],
                start,
                [],
            )
        ),
        None,
    )
    # The clause may begin at the space before its "and".
    verb_at = start
    while context.folded[verb_at : verb_at + 1] == " ":
        verb_at += 1
    return carried if BARE_VERB.match(context.folded, verb_at) else None


# What follows a dated verb of saying: "…on Monday that ", the reported clause after it.
REPORTED_CLAUSE = re.compile(r"\s+that\s+")
# A subordinate clause's opening word, then its subject: "… after the Department …".
_SUBORDINATE_OPENING = re.compile(r"\s(?:after|when|because|before|once|as)\s+(?:the\s+)?")


def subordinate_span(
    context: ArticleContext, span: tuple[int, int], mention: DateMention
) -> tuple[int, int] | None:
    """The part of an English clause from a subordinate clause's named subject to its end,
    when the date stands inside that subordinate clause, after its subject ("… after the
    Department of Marine Resources cut the quota last Thursday"); else None."""
    start, end = span
    for opening in _SUBORDINATE_OPENING.finditer(context.folded, start, mention.char_start):
        named = context.actors_in(opening.end(), mention.char_start)
        if named and named[0].char_start == opening.end():
            return named[0].char_start, end
    return None


# What follows a verb of saying with no date: "said (that) ", the reported clause after it.
REPORTED_AFTER = re.compile(r"\s+(?:that\s+)?")


def _phrase_subject(
    context: ArticleContext,
    scope: SentenceScope,
    span: tuple[int, int],
    mention: DateMention,
    state: ParagraphState,
) -> Trigger | None:
    """The happening of a Chinese clause whose subject is a noun phrase no name covers
    ("该矿井去年11月停产"): the phrase becomes a discovered actor when the clause tells a
    happening of it; otherwise nothing is kept of it."""
    phrase = subject_phrase(context, *span, mention, scope.clauses[0][0])
    if phrase is None:
        return None
    found = discovered_subject(context, phrase)
    if found is None:
        return None
    entry, named = found
    context.add_actor(entry, named)
    # The phrase stands in as the clause's subject even after a determiner ("该冷库").
    trigger = plain_happening(context, span, mention, state, named)
    if trigger is None:
        context.drop_actor(named)
    return trigger


def _without_redundant_sayings(
    context: ArticleContext, claims: list[ExtractedClaim]
) -> list[ExtractedClaim]:
    """ "宏晶半導體昨天公布，9月合併營收達318億元", "瑞康生技今日宣布，新藥已於1月31日獲
    核准": when what a saying announces is claimed from its own clause at a past date of
    its own, the saying adds nothing to the timeline and gives no claim."""
    told = [
        claim
        for claim in claims
        if claim.event_type not in {"statement", "denial"}
        and claim.date is not None
        and claim.date.end is not None
        and is_past(context, claim.date)
    ]
    kept = []
    for claim in claims:
        if claim.event_type == "statement" and _SAID_AT_OCCASION.search(
            context.folded, claim.char_start, claim.char_end
        ):
            # "李德明今日接受本报访问时表示，公司去年亏损…": the interview is a dated
            # happening of its own, whatever it told.
            kept.append(claim)
            continue
        if claim.event_type == "statement" and any(
            claim.char_start < other.char_start < claim.char_end
            and other.date.char_start != (claim.date and claim.date.char_start)
            for other in told
        ):
            continue
        kept.append(claim)
    return kept


# An occasion of saying that is a happening of its own: an interview given, a press
# conference held.
_SAID_AT_OCCASION = re.compile(
    r"接受[^，。,;；]{0,12}(?:采访|访问|专访|访谈)|(?:记者会|发布会|说明会|记者招待会)上"
)
