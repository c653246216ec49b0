"""Subject carrying: the actor a clause is about when it names none itself.

The paragraph's topic company, the sentence's subject, a shared or carried subject, and the
company a sentence opens on. Plain Python.
"""

import re
from collections.abc import Sequence

from timeline.pipeline.actors import ActorMention
from timeline.pipeline.classification import classify
from timeline.pipeline.clauses import BARE_VERB, QUOTE_LIMIT
from timeline.pipeline.context import COMPANY_KINDS, ORGANIZATION_KINDS, WORK_KINDS, ArticleContext
from timeline.pipeline.cues import DEAL, OPENERS, SPEECH
from timeline.pipeline.dates import DateMention
from timeline.pipeline.named_things import KIND_BEFORE_NAME
from timeline.pipeline.nouns import TITLES
from timeline.pipeline.referents import PREPOSITIONS, placed, reads_as_person, referred_actors
from timeline.pipeline.scope import ParagraphState, SentenceScope
from timeline.pipeline.triggers import Trigger


def at_subject_position(context: ArticleContext, mention: ActorMention, clause_start: int) -> bool:
    lead = OPENERS.sub("", context.folded[clause_start : mention.char_start], count=1).strip()
    if KIND_BEFORE_NAME.fullmatch(lead):
        return True  # "科考船远帆九号上月返航": the kind noun says what the subject is
    # "由腾讯领投": a name after a preposition is not the clause's subject.
    return len(lead) <= 1 and lead not in PREPOSITIONS


def topic_before(
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
            if _AGENT_BEFORE.search(
                context.folded, max(start, mention.char_start - 2), mention.char_start
            ):
                continue  # "获省发改委核准", "遭检察署搜索": an agent, no topic of the sentence
            anywhere = mention.slug
            if at_subject_position(context, mention, start):
                subject = mention.slug
    return subject or anywhere or state.topic


# Words before a name that make it the agent of what befalls the subject.
_AGENT_BEFORE = re.compile(r"(?:获|经|遭|遭到|被|受到)$")


def update_topic(
    context: ArticleContext, clauses: Sequence[tuple[int, int]], state: ParagraphState
) -> None:
    """The paragraph's topic becomes the sentence's subject company, or its only company;
    "the company" standing as subject counts as the company it stands for."""
    subject = None
    companies = []
    referred = referred_actors(context, clauses[0][0], clauses[-1][1], state.topic)
    for start, end in clauses:
        named = context.actors_in(start, end)
        if referred:
            named = sorted(
                [*named, *(m for m in referred if start <= m.char_start < end)],
                key=lambda mention: mention.char_start,
            )
        for mention in named:
            if context.kind(mention.slug) not in COMPANY_KINDS:
                continue
            if _PEERS_AFTER.match(context.folded, mention.char_end):
                continue  # "阿里、字节等友商": companies named as the others
            if placed(context, mention):
                continue  # "ran aground off Skerry Head": where it happened
            if context.language == "en" and reads_as_person(context, mention):
                continue  # "Gareth Voss, the company's owner, denied…": a person
            companies.append(mention.slug)
            if at_subject_position(context, mention, start):
                subject = mention.slug
    if subject is None and len(set(companies)) == 1:
        subject = companies[0]
    if subject is not None:
        state.topic = subject


# A list of companies the article names as the others: "deepseek、阿里、字节等友商".
_PEERS_AFTER = re.compile(
    r"(?:[、和与及][^，。；、,;]{1,12})*等(?:友商|对手|竞争对手|同行|竞品|巨头|大厂|厂商)"
)

# "宣布参选", "宣布向灾区捐赠500万元": the announcer's own act, its verb or a preposition
# right after the speech verb, no subject of its own.
ACT_ANNOUNCED = re.compile(
    r"(?:宣布|宣告)(?:[\u4e00-\u9fff]{2,6}|(?:向|为|对)[^，。；,;：:！!“”「」]{2,20})"
    r"(?:[，。；,;：:！!]|$)"
)

# Happenings whose subject is a company even when the clause does not name one.
COMPANY_HAPPENINGS = frozenset(
    {
        "financials",
        "controversy",
        "restructuring",
        "pricing",
        "strategy",
        "approval",
        "listing",
        "production",
        "trial",
    }
)


def company_of_sentence(
    context: ArticleContext,
    scope: SentenceScope,
    span_actors: Sequence[ActorMention],
    referred: Sequence[ActorMention],
    kind: str,
) -> str | None:
    """The company a clause that names none is about: one named (or referred to) later in
    its sentence ("Revenue rose 4% in the second quarter, Harbor & Pine said"), else, when
    the sentence names no actor at all ("Third-quarter revenue fell 3%"), the company the
    article is about."""
    if any(context.kind(m.slug) in ORGANIZATION_KINDS | WORK_KINDS for m in span_actors):
        return None
    sentence_start, sentence_end = scope.clauses[0][0], scope.clauses[-1][1]
    named = sorted(
        [*context.actors_in(sentence_start, sentence_end), *referred],
        key=lambda mention: mention.char_start,
    )
    companies = [m.slug for m in named if context.kind(m.slug) in COMPANY_KINDS]
    if companies:
        return companies[0]
    if named or scope.borrowed or kind != "financials":
        # The sentence names someone else, or lends the next sentence's actors; only a
        # bare figure is surely the article's own company's.
        return None
    return context.main_company


_ASIDE = re.compile(r", (?:which|who) ")

DEAL_ANNOUNCED = re.compile(
    DEAL.pattern + r"\s+(?:was|were|had been)\s+(?:first\s+|initially\s+|originally\s+)?"
    r"(?:announced|unveiled|disclosed|agreed)\b"
)


def clause_joint(context: ArticleContext, start: int, end: int) -> int | None:
    """Where a second clause begins between two dates: after ", and", ", " or " and " that
    is followed by a verb in the past ("…last year and raised fares in March")."""
    for joint in NEXT_CLAUSE.finditer(context.folded, start, end):
        if BARE_VERB.match(context.folded, joint.end()):
            return joint.start()
        # ", who retired at the end of 2024": a relative clause about the name before it.
        relative = _RELATIVE_PAST.match(context.folded, joint.end())
        if relative is not None and joint.group().startswith(","):
            return joint.start()
    return None


_RELATIVE_PAST = re.compile(r"(?:who|which)\s+(?=(?:was\s+|were\s+|had\s+|later\s+)?[a-z]+\b)")


# "…, was cleared": the auxiliary of a passive stands before its verb.
APPOSITION_GAP = re.compile(
    r"\s*,(?!\s*(?:which|who)\b)[^,]{1,60},\s*(?:(?:was|were|has|had|have)\s+(?:been\s+)?)?"
)

NEXT_CLAUSE = re.compile(r",\s|\s(?:and|but|while)\s")


def with_shared_subject(
    context: ArticleContext,
    referred: Sequence[ActorMention],
    sentence_start: int,
    start: int,
    span_actors: list[ActorMention],
) -> list[ActorMention]:
    """A clause that opens on its verb shares the subject its sentence opens with, which
    stands in at the clause's start."""
    if any(
        context.kind(m.slug) in ORGANIZATION_KINDS | {"person"} and m.char_start < start + 3
        for m in span_actors
    ):
        return span_actors
    before = sorted(
        [*context.actors_in(sentence_start, start), *(m for m in referred if m.char_start < start)],
        key=lambda mention: mention.char_start,
    )
    if not before or not _leads_sentence(context, sentence_start, before[0]):
        return span_actors
    subject = before[0]
    if context.kind(subject.slug) not in ORGANIZATION_KINDS | {"person"}:
        return span_actors
    return [ActorMention(subject.slug, subject.text, start, start), *span_actors]


def carried_subject(
    context: ArticleContext,
    clauses: Sequence[tuple[int, int]],
    start: int,
    end: int,
    mention: DateMention,
    state: ParagraphState,
) -> ActorMention | None:
    """ "周明哲6月宣布参选，7月获得地方派系支持", "《潮声》由导演许家豪执导，10月3日在全台
    上映": the subject a Chinese sentence opens with, standing in after the date of a later
    clause that opens on that date, or None."""
    sentence_start = clauses[0][0]
    if not (
        opens_on_its_date(context, start, mention)
        and _sentence_subject_carries(context, clauses, start)
    ):
        return None
    before = sorted(
        [
            *context.actors_in(sentence_start, start),
            *(
                m
                for m in referred_actors(context, sentence_start, end, state.topic)
                if m.char_start < start
            ),
        ],
        key=lambda mention: mention.char_start,
    )
    if not before:
        return None
    subject = before[0]
    held = next((m for m in before if m.char_start >= subject.char_end), None)
    if held is not None and _UNDER.fullmatch(context.folded, subject.char_end, held.char_start):
        # "康乐及文化事务署辖下的海滨游泳池…，自3月2日起关闭": the one under the body is
        # what the sentence tells of; the body only qualifies it.
        subject = ActorMention(held.slug, held.text, subject.char_start, subject.char_end)
    # "《潮声》由…": a work's name stands in its title marks.
    marks = re.fullmatch(r"\s*[《「“\"]?", context.folded[sentence_start : subject.char_start])
    if not (marks or _leads_sentence(context, sentence_start, subject)):
        return None
    if context.kind(subject.slug) not in ORGANIZATION_KINDS | WORK_KINDS | {"person"}:
        return None
    return ActorMention(subject.slug, subject.text, mention.char_end, mention.char_end)


# A body's unit, site or company written after it ("X辖下的Y", "X旗下的Y", "X下属的Y"), or
# the one it belongs to ("X所属的Y"): Y heads the phrase, X only qualifies it.
_UNDER = re.compile(r"\s*(?:辖下|旗下|下属|属下|所属)的?\s*")


# What may stand before the date of a clause that carries the subject: "并于", "又", and
# an adverb of the past or of addition with its preposition ("曾在2012年", "也于去年").
_CARRYING_LEAD = re.compile(r"(?:并|又|也|亦|还|曾经?|并曾|也曾|还曾|又曾)?(?:于|在)?")


def opens_on_its_date(context: ArticleContext, start: int, mention: DateMention) -> bool:
    """Whether a Chinese clause opens on its date with its subject left unsaid ("，同年8月
    杀青", "，随后于4月公告…"): only an opener before the date, and no name or pronoun
    right after it. A range ("从去年10月到12月进行了…") is a duration, not a date."""
    if context.language == "en" or mention.char_start < start:
        return False
    folded = context.folded
    lead = OPENERS.sub("", folded[start : mention.char_start].strip(" ,，"), count=1).strip()
    if not _CARRYING_LEAD.fullmatch(lead):
        return False
    if re.search(r"[到至~～—-]", mention.text):
        return False
    if re.match(r"[从自由]", mention.text) and (
        not _STARTS.search(mention.text) or _IN_FORCE.match(folded, mention.char_end)
    ):
        # "从去年10月到12月": a span; "自本月20日起停工": what began then; "自5月1日起施行":
        # what takes effect is the rule told before, not the sentence's subject.
        return False
    if re.match(r"\s*(?:他|她|其|该|这|此|本)", folded[mention.char_end : mention.char_end + 2]):
        return False
    # "，2009年被县政府列为古迹": the agent of a passive is no subject of the clause; nor is
    # a preposition's object ("，同年6月向市商务局提交了报告", "，次月与某公司签约").
    return not any(
        m.char_start < mention.char_end + 3
        and not _AGENT_MARK.search(folded, mention.char_end, m.char_start)
        and not _OBJECT_MARK.fullmatch(folded, mention.char_end, m.char_start)
        for m in context.actors_in(start, start + 200)
        if m.char_start >= mention.char_end
    )


_STARTS = re.compile(r"(?:起|开始)$")
_IN_FORCE = re.compile(r"\s*(?:正式|全面)?(?:施行|实施|生效|执行)")
_AGENT_MARK = re.compile(r"(?:被|遭到?|获|由|经)\s*$")
_OBJECT_MARK = re.compile(r"\s*(?:向|对|与|跟|给|在|于|从|和)\s*")


def _sentence_subject_carries(
    context: ArticleContext, clauses: Sequence[tuple[int, int]], start: int
) -> bool:
    """Whether the subject a sentence opens with still holds at `start`: no verb of saying
    before it (what follows is what was said) and no other name heading a clause in between
    that could be the subject instead ("…，创始人林志远现年52岁，98年…"); a name inside the
    first clause ("《潮声》由导演许家豪执导") is not one."""
    sentence_start = clauses[0][0]
    for saying in SPEECH.finditer(context.folded, sentence_start, start):
        if not ACT_ANNOUNCED.match(context.folded, saying.start(), start):
            return False
    # "去年5月8日，某合作社推出鲜奶，次日进入超市": after a clause that is only a date, the
    # first name heading a clause is the sentence's own subject.
    named = bool(context.actors_in(*clauses[0]))
    for clause_start, clause_end in clauses[1:]:
        if clause_start >= start:
            break
        heads = [
            m
            for m in context.actors_in(clause_start, clause_end)
            if context.kind(m.slug) in ORGANIZATION_KINDS | {"person"}
            and m.char_start - clause_start <= _HEAD_REACH
            # "，2021年由某公司收购，去年7月重新开幕": the agent of a passive heads no clause.
            and not _AGENT_MARK.search(context.folded, clause_start, m.char_start)
        ]
        if heads and named:
            return False
        named = named or bool(context.actors_in(clause_start, clause_end))
    return True


# How far into a clause a name may stand and still be its subject ("创始人林志远…").
_HEAD_REACH = 6


def _leads_sentence(context: ArticleContext, sentence_start: int, mention: ActorMention) -> bool:
    """Whether only an opener or a date stands before the name in its sentence."""
    lead = context.folded[sentence_start : mention.char_start]
    for date in context.dates_in(sentence_start, mention.char_start):
        lead = lead.replace(context.folded[date.char_start : date.char_end], "")
    lead = OPENERS.sub("", lead.strip(" ,"), count=1)
    if context.kind(mention.slug) == "person" and _TITLED.fullmatch(lead.strip()):
        return True  # "退休教师林阿婆今年七十九岁，上月…": a title before the person
    # The lead is stripped, so "The" before the name ends it with no space after.
    return re.fullmatch(r"\s*(?:the\b\s*)?", lead) is not None


# A short description ending in a person's title, standing before the name.
_TITLED = re.compile(
    r"[\u3400-\u9fff]{0,8}?(?:"
    + "|".join(re.escape(title) for title in sorted(TITLES, key=len, reverse=True))
    + ")"
)


# A preposition right before a name makes it a place or an agent, not the subject; so does
# a verb of undergoing ("遭检察署搜索", "被法院驳回"): the one it befalls is named before.
PLACE_BEFORE = re.compile(r"(?:在|于|向|获|经|遭|遭到|被|受到)$")
# "在募资平台「众力集」推出": a name in a place phrase, its kind and a quotation mark between.
IN_A_PLACE = re.compile(r"(?:在|于)[^，。；,;、\s]{1,6}[「“『\"]$")


# ", who retired…", ", which opened…": a relative clause about the name before it.
RELATIVE_OPENING = re.compile(r",\s+(?:who|which)\s+")


def relative_subject(context: ArticleContext, start: int) -> ActorMention | None:
    """The actor a relative clause starting at `start` (", who retired at the end of 2024")
    is about: the person or body named right before its comma, standing in at its start."""
    named = [
        m
        for m in context.actors_in(max(0, start - 60), start)
        if m.char_end == start and context.kind(m.slug) in ORGANIZATION_KINDS | {"person"}
    ]
    return ActorMention(named[0].slug, named[0].text, start, start) if named else None


def with_mover(
    context: ArticleContext, sentence_start: int, start: int, span_actors: list[ActorMention]
) -> list[ActorMention]:
    """ "Priya Natarajan joined Streamly in 2021 and became chief executive in mid-2023",
    "刘振国于2019年加入宝川钢铁，2023年3月出任首席执行官": a move with no person in its clause
    is made by the person who is the subject of the sentence's clause before, standing in
    at the clause's start."""
    if any(context.kind(m.slug) == "person" for m in span_actors):
        return span_actors
    before = context.actors_in(sentence_start, start)
    if not before or context.kind(before[0].slug) != "person":
        return span_actors
    mover = before[0]
    return [ActorMention(mover.slug, mover.text, start, start), *span_actors]


def with_subject(
    context: ArticleContext,
    scope: SentenceScope,
    index: int,
    span: tuple[int, int],
    trigger: Trigger,
) -> tuple[int, int]:
    """ "比如阿里就耗资 8 亿美金,投资了…月之暗面": a clause whose verb has no organization
    before it starts at the clause before, when that one names one and states nothing."""
    start, end = span
    if index == 0 or any(
        context.kind(m.slug) in ORGANIZATION_KINDS for m in context.actors_in(start, trigger.start)
    ):
        return span
    previous_start, previous_end = scope.clauses[index - 1]
    if (
        end - previous_start > QUOTE_LIMIT
        or context.dates_in(previous_start, previous_end)
        or classify(context, previous_start, previous_end) is not None
        or not any(
            context.kind(m.slug) in ORGANIZATION_KINDS
            for m in context.actors_in(previous_start, previous_end)
        )
    ):
        return span
    return previous_start, end
