"""Claim dates: whether a date in a clause dates its happening, and the date a clause points to.

Plain Python.
"""

import re
from dataclasses import replace
from datetime import date

from timeline.pipeline.classification import attribution_start, hedged, is_forecast, is_future
from timeline.pipeline.context import WORK_KINDS, ArticleContext
from timeline.pipeline.cues import (
    AGREED,
    AS_OF,
    BOUND_AFTER,
    DEMONSTRATIVE,
    DONE_AFTER,
    DONE_BEFORE,
    PAST_RELEASE,
    SAID_WHEN,
    SPEECH,
)
from timeline.pipeline.dates import Anchor, DateMention
from timeline.pipeline.scope import ParagraphState
from timeline.pipeline.triggers import Trigger

# "宣布将参选", "宣布拟退出": what is announced is still to come.
PLAN_WORD = re.compile(r"将|拟|要|会|计划|预计|有望|准备|打算|考虑|不再|暂不")


def dates_the_saying(context: ArticleContext, trigger: Trigger, mention: DateMention) -> bool:
    """ "…net income reached $56 million, Harbor & Pine said in July": a date after the
    happening's words and a verb of saying is when it was said, not when it happened."""
    if trigger.event_type in {"statement", "denial"} or mention.char_start < trigger.end:
        return False
    saying = None
    for match in SPEECH.finditer(context.folded, trigger.end, mention.char_start):
        saying = match
    return saying is not None and bool(
        SAID_WHEN.fullmatch(context.folded, saying.end(), mention.char_start)
    )


def context_anchor(mention: DateMention) -> Anchor:
    return Anchor(mention.edtf or mention.start.isoformat(), "context")


def pointed_date(
    context: ArticleContext, start: int, trigger: Trigger, state: ParagraphState
) -> DateMention | None:
    """The date a demonstrative before the verb points back to: "这一波被开发者称赞的 API
    降价" after "5 月的这一波价格战" is that May's price cut."""
    earlier = state.dated.get(trigger.event_type)
    if earlier is None:
        return None
    pointer = DEMONSTRATIVE.search(context.folded, start, trigger.start)
    if pointer is None:
        return None
    return DateMention(
        text=context.text[pointer.start("this") : pointer.end("this")],
        char_start=pointer.start("this"),
        char_end=pointer.end("this"),
        start=earlier.start,
        end=earlier.end,
        precision=earlier.precision,
        qualifier=earlier.qualifier,
        edtf=earlier.edtf,
        anchor=context_anchor(earlier),
    )


def release_done(context: ArticleContext, start: int, end: int, trigger: Trigger) -> bool:
    """An undated release is kept only when its clause says it happened: the work named
    next to the verb ("qwen2.5发布后", "已在…上线", "发布了 yi-large", "released Qwen2.5")
    and the verb perfective."""
    folded = context.folded
    works = [m for m in context.actors_in(start, end) if context.kind(m.slug) in WORK_KINDS]
    near = [
        m
        for m in works
        if (m.char_end <= trigger.start and _joined(folded, m.char_end, trigger.start))
        or (m.char_start >= trigger.end and _joined(folded, trigger.end, m.char_start))
    ]
    if not near:
        return False
    return bool(
        DONE_BEFORE.search(folded, start, trigger.start)
        or DONE_AFTER.match(folded, trigger.end)
        or PAST_RELEASE.fullmatch(folded, trigger.start, trigger.end)
    )


_GAP = re.compile(r"[^，。,;；:：!?！？]{0,12}")


def _joined(folded: str, start: int, end: int) -> bool:
    """True when the text between two points is a short stretch of one clause."""
    return _GAP.fullmatch(folded, start, end) is not None


def that_year(context: ArticleContext, start: int, end: int, mention: DateMention) -> DateMention:
    """The date of a clause carried on from `mention`: the whole year of `mention` when the
    clause says 当年 or 同年 with no month of its own ("2020年7月，山坡出现裂缝，县里当年将
    其列入隐患点"), else `mention` itself."""
    said = _THAT_YEAR.search(context.folded, start, end)
    if said is None or mention.start is None or mention.precision == "year":
        return mention
    year = mention.start.year
    return replace(
        mention,
        text=said.group(),
        char_start=said.start(),
        char_end=said.end(),
        start=date(year, 1, 1),
        end=date(year, 12, 31),
        precision="year",
        qualifier=None,
        edtf=str(year),
        anchor=Anchor(date=mention.start.isoformat(), basis="context"),
    )


# 当年/同年 with no month or season after it (the date grammar reads "同年12月" itself);
# "当年的老厂" is "back then", describing a noun.
_THAT_YEAR = re.compile(
    r"(?:当年|同年)(?![\d０-９一二三四五六七八九十的]|[上下年]半|底|初|末|春|夏|秋|冬)"
)


def unrestated(context: ArticleContext, mentions: list[DateMention]) -> list[DateMention]:
    """`mentions` without a day restated in brackets right after a relative date: "昨日（22日）",
    "今日(13日)" name one day twice, and the clause is one clause of the first."""
    kept: list[DateMention] = []
    for mention in mentions:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and _OPENING_BRACKET.fullmatch(context.text, previous.char_end, mention.char_start)
            and _CLOSING_BRACKET.match(context.text, mention.char_end)
        ):
            continue
        kept.append(mention)
    return kept


def dating_the_clause(context: ArticleContext, mentions: list[DateMention]) -> list[DateMention]:
    """`mentions` without a later Chinese date that only counts the noun it stands in:
    "于本月10日发出今年第五次警告", "上周创下今年首个新高" are dated by their first date;
    "今年第五次" says which warning, not when."""
    if context.language == "en" or len(mentions) < 2:
        return mentions
    return [
        mention
        for position, mention in enumerate(mentions)
        if position == 0 or not _ORDINAL_AFTER.match(context.folded, mention.char_end)
    ]


# An ordinal or a superlative right after a date: "(今年)第五次", "(今年)首个", "(今年)最高".
_ORDINAL_AFTER = re.compile(
    r"\s*(?:(?:第[\d一二两三四五六七八九十百]+|首)(?:次|个|宗|起|场|轮|度|届|批|波|高|低|大)|最)"
)


_OPENING_BRACKET = re.compile(r"\s*[（(]\s*")
_CLOSING_BRACKET = re.compile(r"\s*[）)]")


def usable(context: ArticleContext, mention: DateMention, clause_start: int) -> bool:
    """A date that bounds ("2023 年之前", "as of mid-2025", "since May") dates no happening."""
    lead = context.folded[max(clause_start, mention.char_start - 12) : mention.char_start]
    # Long enough for "起正式实施", "起每公斤上涨": what starts on the date.
    tail = context.folded[mention.char_end : mention.char_end + 12]
    bounded = mention.qualifier in {"before", "after"}
    if bounded and _STARTED.fullmatch(context.folded, mention.char_start, mention.char_end):
        # "从2015年开始研发", "自今年1月起实施": what began then is dated by it, unless
        # what follows is a state that lasted ("从2020年开始一直亏损").
        bounded = bool(_LASTED.match(context.folded, mention.char_end))
    # "许文彦今年58岁": a year that states an age dates nothing.
    age = _AGE_AFTER.match(context.folded, mention.char_end)
    # "营收较去年同期减少22%", "与前年相比": the period compared against dates nothing.
    baseline = _BASELINE_BEFORE.search(lead) or _BASELINE_AFTER.match(
        context.folded, mention.char_end
    )
    # "今日前往灾区": 前往 is a verb of going, not "before".
    bound = BOUND_AFTER.match(tail) and not _GOING.match(context.folded, mention.char_end)
    # "去年9月起一直亏损": a state that has lasted since the date.
    bound = bound or _LASTED_SINCE.match(context.folded, mention.char_end)
    # "每年3月举办", "每逢周五开放": a date of a habit names no happening.
    habit = _HABIT_BEFORE.search(lead)
    if context.language == "en":
        # "down from 11,200 in 2015", "compared with 2019": the figure's baseline;
        # "the 19th-century chapel": a century that describes a thing.
        baseline = baseline or _EN_BASELINE_BEFORE.search(
            context.folded, max(0, mention.char_start - 40), mention.char_start
        )
        age = age or _EN_DESCRIBING.match(context.folded, mention.char_end)
    return not (bounded or age or baseline or bound or habit or AS_OF.search(lead))


_EN_BASELINE_BEFORE = re.compile(
    r"\b(?:(?:down|up|rising|falling|fell|rose|climbing|dropping) from "
    r"(?:[^,;.()]|(?<=\d)[,.](?=\d)){1,24}?"
    r"(?: in| during| at the end of| at the start of)?"
    r"|compared (?:with|to)|against|than(?: in| during)?)\s*$"
)
# A date written as a word describing the noun after it: "19th-century", "1990s-era",
# "2019-vintage" ("the village's 19th-century chapel").
# The century is hyphenated as a word that describes ("the 12th century and" dates a happening).
_EN_DESCRIBING = re.compile(
    r"(?<=-century)\s+(?!(?:and|or|but|when|as|to|by|with|in|on|at|after|before|until)\b)[a-z]+"
    r"|-(?:era|vintage|built|style)\b"
)


_HABIT_BEFORE = re.compile(r"(?:每|逢)(?:年|月|周|週|星期|个月|個月)?\s*$")
_GOING = re.compile(r"\s*前(?:往|来|去|赴)")


_BASELINE_BEFORE = re.compile(r"(?:较之?|相比|同比|对比|比起|(?<![对相])比)\s*$")
_BASELINE_AFTER = re.compile(r"\s*(?:同期)?(?:相比|相较|比较)")


# "从2015年开始", "自今年1月起", "去年3月起": a date the happening began on.
_STARTED = re.compile(r".*(?:开始|起)")

_LASTED = re.compile(
    r"\s*(?:就|便)?\s*(?:一直|持续|连续|始终|每|都|均|陆续|逐步|逐渐|不断|已经?|至今|以来)"
)

# After 起, 每 is a rate ("本月起每公斤上涨5元"), not a habit.
_LASTED_SINCE = re.compile(r"\s*起(?!\s*每)" + _LASTED.pattern)

# The age in figures or in words ("58岁", "七十九岁", "八十二歲" folded).
_AGE_AFTER = re.compile(
    r"\s*(?:已经?|已)?\s*(?:\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*(?:岁|周岁)"
)


def admissible(
    context: ArticleContext, span: tuple[int, int], mention: DateMention, trigger: Trigger
) -> bool:
    start, end = span
    if context.language == "en" and _LISTED_TITLE.match(context.text, mention.char_end):
        line_start = context.text.rfind("\n", 0, mention.char_start) + 1
        if _TITLE_DASH.fullmatch(context.text, line_start, mention.char_start):
            return False  # "Boathouse flood leaves clubs counting the cost — 14 February 2024"
    if context.language == "en" and trigger.event_type != "statement":
        # "…resigned on June 10, saying the sale would cost members money": what the
        # participle says may guess; the happening before it is stated.
        saying = _SAYING_AFTER.search(context.folded, trigger.start, end)
        end = saying.start() if saying else end
    if trigger.event_type == "statement":
        # What was said may be a forecast or a guess; that it was said is a fact, whether
        # it comes after the saying or before it ("X will…, the company said on Wednesday").
        end = trigger.start
        start = attribution_start(context, start, trigger.end)
    if trigger.event_type == "happening":
        # "部长本周一会见代表，承诺研议修法": the happening's own clause was read for
        # forecasts when it was found; a promise in a clause run on after it is not its.
        end = min(end, trigger.end)
    if hedged(context, start, end, trigger.end):
        return False
    if trigger.reported:
        return True
    if is_future(context, mention):
        return False
    return agreed_deal(context, start, end, trigger) or not is_forecast(
        context, start, end, mention
    )


# A line of a list of linked stories: a title, a dash and its date ending the line. The
# date is the linked page's, and its title no happening told here.
_LISTED_TITLE = re.compile(r"[ \t]*(?:\n|$)")
_TITLE_DASH = re.compile(r"[^\n.!?]{8,160}?\s[—–|-]{1,2}\s*")


_SAYING_AFTER = re.compile(
    r",\s+(?:saying|adding|arguing|claiming|warning|insisting|explaining|noting|complaining)\b"
)


def agreed_deal(context: ArticleContext, start: int, end: int, trigger: Trigger) -> bool:
    """ "宣布拟收购", "announced plans to merge", "agreed to buy": a deal announced or agreed
    is a happening, though what it agrees to is still to come."""
    return (
        trigger.event_type == "acquisition"
        and AGREED.search(context.folded, start, end) is not None
    )
