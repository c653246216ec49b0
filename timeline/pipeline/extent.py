"""Claim extent: how far a claim's span reaches past its clause before it is complete.

Plain Python.
"""

import re

from timeline.pipeline.chinese_tagger import chinese_words
from timeline.pipeline.claim_dates import PLAN_WORD, agreed_deal, usable
from timeline.pipeline.classification import classify
from timeline.pipeline.clauses import QUOTE_LIMIT
from timeline.pipeline.context import COMPANY_KINDS, ORGANIZATION_KINDS, WORK_KINDS, ArticleContext
from timeline.pipeline.cues import (
    CONTINUES,
    DOCUMENT,
    FOUNDER,
    INTERVIEW,
    LATER,
    MOST_VALUABLE,
    OPINION,
    PLACE,
    SPEECH,
)
from timeline.pipeline.guards import forecasts, unnamed
from timeline.pipeline.scope import SentenceScope
from timeline.pipeline.subjects import ACT_ANNOUNCED
from timeline.pipeline.triggers import HEDGE, Trigger

# What each type needs named in its span before the span is complete.
_NEEDS = {
    "personnel": frozenset({"person"}),
    "release": WORK_KINDS,
    "founding": ORGANIZATION_KINDS,
    "pricing": COMPANY_KINDS | WORK_KINDS,
    "ranking": COMPANY_KINDS | WORK_KINDS,
}

# A clause that adds to the list of parties before it: "…幻方量化…,以及创业公司智谱 AI 带头".
_LIST_GOES_ON = re.compile(r"(?:以及|及|和|与|还有|" + r"\band\b|\bas well as\b)")


def completed(
    context: ArticleContext, scope: SentenceScope, span: tuple[int, int], trigger: Trigger
) -> tuple[int, int]:
    """The span reaching forward, clause by clause, to the party its type needs
    ("2024 年,零一陆续有中高层离开,包括前预训练负责人黄文灏…")."""
    needed = _NEEDS.get(trigger.event_type)
    start, end = span
    if needed is None or any(context.kind(m.slug) in needed for m in context.actors_in(start, end)):
        return span
    found = False
    for clause_start, clause_end in scope.clauses:
        if clause_start < end:
            continue
        if clause_end - start > QUOTE_LIMIT or context.dates_in(clause_start, clause_end):
            break
        named = any(
            context.kind(m.slug) in needed for m in context.actors_in(clause_start, clause_end)
        )
        if found and not (named and _LIST_GOES_ON.match(context.folded, clause_start)):
            break
        if named:
            found, end = True, clause_end
    return start, end


# Types whose following clauses can add to the same happening: "…的重组,剥离了…业务部门",
# "…超越 GPT-4o,排名世界第六", "…辟谣,否认零一万物出售给阿里云", "…完成融资,阿里领投".
_ABSORBS = frozenset({"restructuring", "ranking", "denial", "funding", "founding", "financials"})

_RULING = re.compile(r"裁定|判决|裁决|判令")

# A clause that gives the figure of the measure named before it: "公布2月营收，达新台币8.6亿元".
_FIGURE = re.compile(r"(?:达到?|为|约为?|共计?|合计|总计|录得)\s*(?:新台币|港币|人民币|美元)?\s*\d")


def absorbed(
    context: ArticleContext, scope: SentenceScope, span: tuple[int, int], trigger: Trigger
) -> tuple[int, int]:
    """The span running on over following undated clauses that say more of the same
    happening: a clause of the same type, the place a ranking reached, or who founded a
    company ("华芯装备成立于2015年，创始人为张伟明")."""
    # "法院昨日裁定，某公司须赔偿…": a ruling runs on to what it rules.
    ruling = trigger.event_type == "controversy" and _RULING.fullmatch(
        context.folded, trigger.start, trigger.end
    )
    if trigger.event_type not in _ABSORBS and not ruling:
        return span
    start, end = span
    for clause_start, clause_end in scope.clauses:
        if clause_start < end:
            continue
        if clause_end - start > QUOTE_LIMIT or context.dates_in(clause_start, clause_end):
            break
        following = classify(context, clause_start, clause_end)
        same = following is not None and following.event_type == trigger.event_type
        placed = trigger.event_type == "ranking" and (
            PLACE.search(context.folded, clause_start, clause_end)
            or MOST_VALUABLE.search(context.folded, clause_start, clause_end)
        )
        founders = (
            trigger.event_type == "founding"
            and FOUNDER.search(context.folded, clause_start, clause_end)
            and any(
                context.kind(m.slug) == "person"
                for m in context.actors_in(clause_start, clause_end)
            )
        )
        figure = (
            trigger.event_type == "financials"
            and clause_start == _next_clause_start(scope, end)
            and _FIGURE.match(context.folded, clause_start)
        )
        ruled = ruling and clause_start == _next_clause_start(scope, end)
        if not (same or placed or founders or figure or ruled):
            break
        end = clause_end
    return start, end


# LAC tags a clause may open on when it has no subject of its own: a conjunction or an
# adverb (并, 随即, 当场), then a verb or a preposition ("拘捕14名…", "在平台上线…").
_SERIAL_LEAD = frozenset({"c", "d", "ad"})
_SERIAL_HEAD = frozenset({"v", "vd", "p"})
# A verb denied, or "no" as the verb: "所幸无人员伤亡", "并未…".
_SERIAL_DENIED = re.compile(r"(?:无|没有|没|未|不|非|并未|尚未|从未)")
# "…卸任，由郑某接任": a clause whose agent is named after 由 (or 被, 经) has a subject of
# its own.
_SERIAL_OTHER_AGENT = re.compile(r"由|被|经|让|叫")
# A verb of duration: "历时三年", "为期两周".
_SERIAL_SPAN = re.compile(r"历时|耗时|为期|用时|历经|长达|持续")
# A time of day of its own: "…，并于晚上9时10分改发三号信号" is a later happening.
_OWN_TIME = re.compile(r"凌晨|早上|上午|中午|下午|傍晚|晚上|晚间|深夜|\d{1,2}[时点](?:\d{1,2}分)?")
# Between a claim's clause and the next: only punctuation and spaces.
_SERIAL_GAP = re.compile(r"[\s,，、;；]*")


def serial(
    context: ArticleContext, scope: SentenceScope, span: tuple[int, int], trigger: Trigger
) -> tuple[int, int]:
    """A Chinese claim's span running on over the clauses after it that have no subject of
    their own and go on telling what its subject did at the same time: serial verbs
    ("警方昨日在多区采取行动，拘捕14名男女", "…公开道歉，承认监管不力，并宣布召回产品").
    A clause with a subject, a date, a time of day, a figure, a saying, a denial, a
    forecast, or a happening of its own after 并 stops it."""
    if context.language == "en" or trigger.event_type != "happening":
        # Only a happening no vocabulary names runs on: a typed claim's headline and key
        # are read from its span, so it stays its clause.
        return span
    start, end = span
    folded = context.folded
    for clause_start, clause_end in scope.clauses:
        if clause_start < end:
            continue
        if _SERIAL_GAP.fullmatch(folded, end, clause_start) is None:
            break
        if clause_end - start > QUOTE_LIMIT or context.dates_in(clause_start, clause_end):
            break
        text = folded[clause_start:clause_end]
        if not _opens_on_verb(text) or LATER.search(text) or _OWN_TIME.search(text):
            break
        blanked = unnamed(context, clause_start, clause_end)
        if forecasts(blanked) or HEDGE.search(blanked):
            break
        following = classify(context, clause_start, clause_end)
        if (
            following is not None
            and following.event_type != "statement"
            and CONTINUES.match(text.lstrip(" ，,、"))
        ):
            break  # "…，并收购了…": a happening of its own, claimed on its own
        end = clause_end
    return start, end


def _opens_on_verb(text: str) -> bool:
    """Whether a clause opens on its verb (after a conjunction or adverbs), a verb that is
    not denied nor one of saying."""
    words = [(word, tag) for word, tag in chinese_words(text.strip()) if tag != "w"]
    position = 0
    while position < len(words) and words[position][1] in _SERIAL_LEAD:
        if _SERIAL_DENIED.fullmatch(words[position][0]):
            return False
        position += 1
    if position >= len(words) or words[position][1] not in _SERIAL_HEAD:
        return False
    verb = words[position][0]
    if _SERIAL_DENIED.match(verb) or _SERIAL_OTHER_AGENT.fullmatch(verb):
        return False
    # "称…", "表示…": what follows is said; "宣布召回产品" is an act announced.
    # "建设历时三年多": how long it took, not a happening.
    return not _SERIAL_SPAN.search(text) and not (SPEECH.fullmatch(verb) and verb != "宣布")


def _next_clause_start(scope: SentenceScope, position: int) -> int | None:
    """Where the first clause at or after `position` starts."""
    return next((start for start, _end in scope.clauses if start >= position), None)


def announced_happening(
    context: ArticleContext,
    scope: SentenceScope,
    span: tuple[int, int],
    trigger: Trigger,
    *,
    speaking: bool = False,
) -> tuple[Trigger, tuple[int, int]]:
    """What a saying is about decides the claim's type. "美福零售昨日宣布，全台门市商品平均
    降价5%", "the company said it had opened a plant": the announced happening, its span
    running on to the clause that names it. "In an interview he said the price war would…",
    "去年5月，公司表示…预期年营收过亿元": commentary, a forecast or a view about a
    happening's topic is a statement, whatever words it uses."""
    if trigger.reported or trigger.event_type == "denial":
        return trigger, span
    start, end = span
    folded = context.folded
    sentence_start = scope.clauses[0][0]
    if trigger.event_type == "statement":
        if DOCUMENT.fullmatch(folded, trigger.start, trigger.end):
            return trigger, span
        for clause_start, clause_end in scope.clauses:
            if clause_end <= trigger.end:
                continue
            if clause_end - start > QUOTE_LIMIT or (
                clause_start > trigger.end and context.dates_in(clause_start, clause_end)
            ):
                break
            said = classify(
                context,
                max(clause_start, trigger.end),
                clause_end,
                report_from=sentence_start,
                speaking=speaking,
            )
            if said is None or said.event_type == "statement":
                continue
            if any(usable(context, m, clause_start) for m in context.dates_in(end, clause_end)):
                # "乐堡昨(17)日公布8月营收…": what was announced has a date of its own
                # (the period reported), read as its own claim; the announcement day is
                # only the saying's.
                break
            deal = agreed_deal(context, start, clause_end, said)
            if said.reported or _commentary(
                context, sentence_start, trigger.end, clause_end, plans=not deal
            ):
                break
            return said, (start, max(end, clause_end))
        own_end = next(
            (
                clause_end
                for clause_start, clause_end in scope.clauses
                if clause_start <= trigger.start < clause_end
            ),
            end,
        )
        if (
            context.language != "en"
            and ACT_ANNOUNCED.fullmatch(folded, trigger.start, own_end)
            and not forecasts(unnamed(context, trigger.end, own_end))
            and not PLAN_WORD.match(folded, trigger.end)
        ):
            # "周明哲6月宣布参选", "该行去年宣布破产": announcing a move of one's own with
            # nothing said after it is the move, told in its own words.
            return Trigger("happening", trigger.start, own_end, False), (start, own_end)
        return trigger, span
    speech = None
    for match in SPEECH.finditer(folded, sentence_start, trigger.start):
        speech = match
    if speech is not None and _commentary(
        context,
        sentence_start,
        speech.end(),
        end,
        plans=not agreed_deal(context, start, end, trigger),
    ):
        return Trigger("statement", speech.start(), speech.end(), trigger.reported), span
    return trigger, span


def _commentary(
    context: ArticleContext, sentence_start: int, said_from: int, end: int, *, plans: bool = True
) -> bool:
    """True when a saying is a view: given in an interview or a speech, or saying what will
    or may happen (unless `plans` is false: an announced deal), or what ought to."""
    if INTERVIEW.search(context.folded, sentence_start, said_from):
        return True
    said = unnamed(context, said_from, end)
    return bool((plans and forecasts(said)) or HEDGE.search(said) or OPINION.search(said))


def cut_aside(context: ArticleContext, span: tuple[int, int], keep: int) -> tuple[int, int]:
    """A parenthesis opened after the date and the verb is an aside: the span stops there."""
    start, end = span
    folded = context.folded
    for position in range(max(start, keep), end):
        if folded[position] in "(（":
            return start, position
    return span


def with_what_was_said(
    context: ArticleContext, scope: SentenceScope, span: tuple[int, int]
) -> tuple[int, int]:
    """A statement's quote runs on to what was said: the rest of the sentence, or as many
    clauses of it as fit the quote limit."""
    start, end = span
    for clause_start, clause_end in scope.clauses:
        if clause_start < end:
            continue
        if clause_end - start > QUOTE_LIMIT:
            break
        end = clause_end
    return start, end


def clause_start_at(scope: SentenceScope, position: int) -> int:
    """The start of the clause that holds `position`, or `position` itself outside any."""
    for start, end in scope.clauses:
        if start <= position < end:
            return start
    return position
