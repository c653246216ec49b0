"""Happenings no trigger vocabulary names: a dated clause whose subject is an identifiable
actor and whose predicate is a verb in the past ("Orbis Foods moved its headquarters to
Denver in May 2023", "芯衡科技去年4月完成交割"). Such a clause becomes a claim of type
`other`, its headline the clause's own words (in the source's language). Plain Python.

Forecasts, plans, ages, durations and states of affairs ("X is based in…", "X有3000名员工")
are not happenings and give nothing.

The clause's subject is read by `happening_subjects`; the English past tense by
`past_tense`. This module holds `plain_happening` and the checks that tell a happening
from a state, a plan or a description.
"""

import hashlib
import re

from timeline.pipeline.actors import ActorMention
from timeline.pipeline.chinese_names import PEOPLE_NOUNS
from timeline.pipeline.chinese_tagger import chinese_words
from timeline.pipeline.context import ArticleContext
from timeline.pipeline.cues import NEGATION, QUESTION_END, SPEECH
from timeline.pipeline.dates import DateMention
from timeline.pipeline.english_names import PERSON_TITLES
from timeline.pipeline.guards import (
    COMMENT,
    forecasts,
    strip_forecast_attributes,
)
from timeline.pipeline.guards import unnamed as guard_text
from timeline.pipeline.happening_subjects import (
    SUBJECT_KINDS,
    clause_subject,
    group_subject,
    named_in_subject,
    without_dates,
)
from timeline.pipeline.past_tense import (
    EN_NOT_HAPPENING,
    EN_PARTICIPLES,
    EN_PAST_VERB,
    is_past,
    past_verb,
    word_set,
)
from timeline.pipeline.triggers import HEDGE, Trigger

# The longest clause read this way: a longer one is more than one happening.
_LIMIT = 120
# English says the same in more letters: one happening may run to a long sentence.
_EN_LIMIT = 160
# English: what may stand between the subject and its verb.
_EN_AUX = re.compile(
    r"^\s*(?:,\s*(?:which|who)\s+|,[^,]{0,60},\s*)?(?:and\s+)?(?:(?:also|then|later|first|quietly|officially|finally|"
    r"formally|has|had|have|was|were)\s+)*(?P<verb>[a-z]+(?:-[a-z]+)?)\b"
)
# The same, past an aside between commas ("X, which represents the drivers, called…").
_EN_AUX_PAST_ASIDE = re.compile(
    r"^\s*,(?:[^,]|,(?=\d)){0,120},\s*(?:and\s+)?(?:(?:also|then|later|first|quietly|officially|finally|"
    r"formally|has|had|have|was|were)\s+)*(?P<verb>[a-z]+(?:-[a-z]+)?)\b"
)


def _en_verb(text: str) -> re.Match[str] | None:
    """The verb after an English subject: the one of a "which" clause after it ("X, which
    opened in 2016, employs…"), unless that one is no past and the verb after the whole
    aside is ("X, which represents the drivers, called the strike…")."""
    verb = _EN_AUX.match(text)
    if verb is not None and not is_past(verb.group("verb")):
        past = _EN_AUX_PAST_ASIDE.match(text)
        if past is not None and is_past(past.group("verb")):
            return past
    return verb


# Of the verbs that state (`EN_NOT_HAPPENING`), those whose count tells what was held,
# not what was done.
_EN_HOLDING = word_set("owned employed")
# Chinese: what may stand between the subject and its verb, and predicates that state.
_ZH_AUX = re.compile(r"^(?:在|于|已经?|正式|首次|再次|又|也|还|则|先后|相继|曾经?|便|就|即)*")
_ZH_STATIVE = re.compile(
    # "共有3000名员工" states; "去年共售出12万辆" reports the total of a past period.
    r"^(?:是|为|有|拥有|位于|约|共(?=有|计|是|为|约|[^\u3400-\u9fff])|的|将"
    r"|拟|计划|预计|预期|仍|都|会(?!见|晤|谈|同)|要(?!求)|能|可"
    r"|应(?!邀|对)|需|没|不|未|并未|并非|并无|并没|尚未|从未|从没"
    r"|表示|称|说|认为|指出|希望|打算|准备|正在|一直|目前|现|今|年|月(?!球)"
    # 日本, 日内瓦, 日企 after 在 are places and firms, not what is left of a date.
    r"|日(?!本|内瓦|韩|企|媒|方|资|产|系)|号|岁)"
)
# A time of day the date scanner leaves outside the date: "2时40分", "10点半", "14:30许".
_ZH_CLOCK = re.compile(
    r"^(?:(?:\d{1,2}|[零〇一二两三四五六七八九十]{1,3})[时時点點]"
    r"(?:\d{1,2}分|[零〇一二三四五六七八九十]{1,3}分|半|整)?|\d{1,2}[:：]\d{2})?(?:许|左右|前后)?"
)
# A counted group of a body's people standing after its name: "约600名司机", "逾百名护士".
ZH_GROUP_OF = re.compile(
    r"(?:约|近|逾|超过|超|共|上|数|近千|上千|上百)?[\d,，.万千百两零〇一二三四五六七八九十余多]+"
    r"(?:名|位|多名|余名)(?:[\u3400-\u9fff]{0,2}?)(?:司机|员工|工人|职工|护士|医护人员|医生|教师"
    r"|老师|飞行员|机师|空服员|乘务员|球员|学生|成员|会员|店员|雇员|工会会员|码头工人|矿工|记者)"
)
# 将 + an object + a verb with its result ("将总部迁往", "将评级下调至", "将案件移交给").
_ZH_DISPOSAL = re.compile(
    r"将(?!于|在|会|要|是|成为|继续|近|超|逾|达|有)[^，,。；;：:]{1,12}?"
    r"(?:列为|列入|纳入|改为|更名为|改名为|定为|评为|命名为|调整为|升格为|迁往|迁至|迁到|迁入"
    r"|移交给?|移送|转交|交给|交由|转让给|出售给|卖给|售予|提高至|提高到|提升至|上调至|上调到"
    r"|下调至|下调到|降至|降到|降为|调降至|调升至|撤出|撤回|收归|退回|驳回|发回"
    # Any verb with a result or a direction after it: "将全部游客救下", "将伤者送往医院",
    # "将涉事产品撤下", "将货物运走".
    r"|[\u3400-\u9fff](?:下来|下|出来|出|走|回来|回|往|入|进|掉|至|到|给)"
    # A verb done with its 了: "将预售价下调了1.2万元", "将两名员工开除了".
    r"|[\u3400-\u9fff]了)"
)
# A cause before the verb's 将, 把 or 被: "因气温偏高(将…)", "由于资金短缺(被…)".
_ZH_CAUSE = re.compile(r"(?:因为?|由于)[^，,。；;：:将把被]{1,12}(?=将|把|被)")
# The occasion a date qualifies after 在: "(在本月12日)的例行检查中", "(在上周五)的股东会上".
_ZH_OCCASION = re.compile(r"的[^，,。；;：:]{1,12}?(?:中|上|时|期间|之际)")
# 有 and some of the subject's people, perhaps counted, then what they did ("上周有学生食物
# 中毒", "昨日有两名工人受伤"): a happening, where "有500名员工" or "有学生300人" states.
_ZH_SOME_OF_THEM = re.compile(
    r"有(?:[0-9,万千百十数几两一二三四五六七八九]+余?多?[名位])?"
    rf"(?:{PEOPLE_NOUNS})(?:们)?(?=[\u3400-\u9fff])(?![零〇一二两三四五六七八九十百千万数几多]|人数)"
)
# What _ZH_STATIVE refuses as the remains of a date or a "now" (今, 现, 年, 日…).
_ZH_DATE_LEFT = re.compile(r"现|今|年|月|日|号")
# A verb that only introduces what follows it in the next clause.
_ZH_INTRODUCES = re.compile(r"(?:裁定|裁决|判决|宣判|认定|指出|宣布|公布|称|表示|透露)")
_NOT_THE_SUBJECT = re.compile(
    r"\s*(?:的|之|股价|股票|股份|市值|营收|收入|利润|旗下|位于|'s\b|’s\b|shares\b|stock\b)"
    # "Corran Buses' fares": the possessive of a name ending in s.
    r"|(?<=s)['’](?=\s)"
)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been)\s+$")
# "It added 4.3 million in the fourth quarter": a verb of saying followed by a quantity is
# a count that grew or shrank, its noun often told in the sentence before.
_COUNTED = re.compile(r"\s+(?:about\s+|nearly\s+|another\s+|some\s+)?[$€£¥]?\d")
# In English only "until" bounds: "on March 8 after a renovation" dates the reopening.
_EN_SUBORDINATE = re.compile(r"\b(?:that|which|who|whether)\b")
_BOUNDED = re.compile(r"之前|以前|之后|以后|为止|\buntil\b")
# A judgement on what was done at the date: "(X上月)做出的决定是正确的决定", "(…上週)作出的
# 調整證明是對的", "The decision (X) took in May proved right". The dated verb only describes
# the thing judged; the clause tells a view, not a happening.
_ZH_JUDGED = re.compile(
    r"的[\u3400-\u9fff]{1,6}?(?:确实|的确|事后|已经?|最终|再次)?"
    r"(?:(?:被证明|证明|证实)(?:是|为)?|是|为|属|算是)(?:一[个项次])?(?:正确|错误|对的|错的|明智|英明|成功|失败|失误|必要|合理"
    r"|恰当|及时|值得)"
)
_EN_JUDGED = re.compile(
    r"\b(?:proved|proven|turned out|has been|was)\s+(?:to be\s+)?(?:the\s+|a\s+)?"
    r"(?:right|wrong|correct|mistaken|justified|wise|mistake|success|failure|misstep)\b"
)
_AGE = re.compile(r"\d+\s*岁|岁|years? old|\baged\b|, \d{2},")


def plain_happening(
    context: ArticleContext,
    span: tuple[int, int],
    mention: DateMention,
    state,
    carried: ActorMention | None = None,
) -> Trigger | None:
    """The predicate of a dated clause that tells a happening of its subject, as a trigger
    of kind "happening" (its start and end are the predicate's), or None. `carried` is the
    subject of a clause that opens on its verb ("…, and delivered its first car in late
    2021"), standing at the clause's start."""
    start, end = span
    if context.language == "en" and end - start > _LIMIT and mention.char_end is not None:
        # "X won the election on Tuesday, beating the incumbent by 1,212 votes": what
        # follows the dated clause's comma is its circumstance, not a second happening.
        # The first comma after the date that closes a clause holding a past verb: "In
        # mid-July, a panel voted…" is not cut after its opening date.
        commas = [m.start() for m in _CIRCUMSTANCE.finditer(context.folded[mention.char_end : end])]
        for comma in commas:
            if past_verb(without_dates(context, start, mention.char_end + comma)):
                end = mention.char_end + comma
                break
    limit = _EN_LIMIT if context.language == "en" else _LIMIT
    if mention.start is None or end - start > limit or context.reference is None:
        return None
    if mention.end is None:
        return None
    if mention.end > context.reference.end and not _so_far(context, mention, end):
        return None
    if (
        _BRACKETED_DATE.match(context.text, mention.char_end)
        and context.text[mention.char_start - 1 : mention.char_start] in "(（"
    ):
        return None  # "Residents count the cost (March 13, 2025)": a linked page's date
    folded = context.folded
    if QUESTION_END.search(context.text, start, end) or any(
        not _apposed_age(context, age.start()) for age in _AGE.finditer(folded, start, end)
    ):
        return None
    # "May 2023" is no "may", and "中选会", "委员会", "将军澳" say nothing of the future: the
    # dates and names are blanked first, and gatherings ("举办说明会") and forecasts that
    # only describe a noun ("在即将关闭的门店举办…") with them.
    unnamed = guard_text(context, start, end)
    if context.language == "en":
        # "…on Wednesday after reports that the handles could overheat": a clause the dated
        # verb governs may guess or forecast; the happening itself is stated.
        clause = _EN_SUBORDINATE.search(context.folded, mention.char_end, end)
        if clause is not None:
            unnamed = unnamed[: clause.start() - start]
        # "cut fares in March, a move it believes will lift ridership": the comment's guess.
        comment = COMMENT.search(context.folded, mention.char_end, end)
        if comment is not None and past_verb(context.folded[start : mention.char_start]):
            unnamed = unnamed[: comment.start() - start]
    if forecasts(unnamed) or HEDGE.search(unnamed):
        return None
    if (_EN_JUDGED if context.language == "en" else _ZH_JUDGED).search(folded, start, end):
        return None  # "…做出的决定是正确的决定": a view of what was done, no happening
    if _BOUNDED.search(folded, mention.char_end, min(end, mention.char_end + 16)):
        return None  # "在2023年底…之前": the date bounds the happening, it does not date it
    subject = clause_subject(context, start, end, state) or carried
    predicate_start = subject.char_end if subject is not None else start
    verb_start = None
    if (
        subject is not None
        and context.language == "en"
        and _POSSESSIVE.fullmatch(context.folded, subject.char_start, subject.char_end)
    ):
        subject = None  # "Its recording of the symphonies won…": the subject is the phrase
    if subject is None and context.language == "en":
        # "Rangers put out a campfire": a bare plural standing for a body's people.
        subject, predicate_start = group_subject(context, start, end)
    if subject is None and context.language == "en":
        # "Settlement talks between Skyfield and Aerilon broke down in November 2023":
        # a subject that names an actor inside it; the clause is told whole.
        subject, predicate_start, verb_start = named_in_subject(context, start, end, state)
    if subject is None:
        return None
    if subject is not carried and verb_start is None and predicate_start == subject.char_end:
        apposed = _APPOSED.match(folded, predicate_start)
        if apposed and (
            folded[max(start, subject.char_start - 2) : subject.char_start] == ", "
            # "One of them, instructor Callum Baird, was flown…": a title inside the commas.
            or _TITLE_AFTER_COMMA.search(
                folded, max(start, subject.char_start - 30), subject.char_start
            )
        ):
            # "Chile's mining regulator, Sernageomin, suspended…": past the apposition.
            predicate_start = apposed.end()
        bracketed = _BRACKETED.match(folded, predicate_start)
        predicate_start = bracketed.end() if bracketed else predicate_start
        apposed = _AGE_APPOSED.match(folded, predicate_start)
        # "Rautio, 36, first conducted…": the age stands between the name and its verb.
        predicate_start = apposed.end() if apposed else predicate_start
        group = _GROUP_OF.match(folded, predicate_start)
        # "The museum's unionised staff walked out": a happening of the museum.
        predicate_start = group.end() if group else predicate_start
    if subject is carried:
        # "…, and delivered its first car": the headline tells the verb, not the "and".
        joined = re.match(r"\s*(?:,\s*)?(?:and|who|which)\s+", context.folded[predicate_start:end])
        predicate_start += joined.end() if joined else 0
    owned_end = None
    if context.language != "en" and subject is not carried and verb_start is None:
        # "环亚卫视的卫星频道已于本月1日停止播放", "顺达物流位于昆山的一座仓库突发大火":
        # what befalls a thing of the subject's befalls the subject.
        owned_end = _possessed_end(context, predicate_start, end)
    if context.language == "en" and subject is not carried and verb_start is None:
        subject, predicate_start, verb_start = _en_owned_subject(
            context, subject, predicate_start, end
        )
    if owned_end is None and verb_start is None and _NOT_THE_SUBJECT.match(folded, predicate_start):
        return None  # "宏晶股价大涨", "Kestrel's shares rose": the subject is something of it
    counted = None
    if context.language == "en":
        verb = _en_verb(without_dates(context, verb_start or predicate_start, end))
        word = verb.group("verb") if verb else ""
        if verb_start is None and subject is not carried and not _past_verb_of(verb):
            # "an FDA advisory panel voted…": the name is a word of the subject phrase.
            subject, predicate_start, verb_start = named_in_subject(context, start, end, state)
            if subject is None:
                return None
            verb = _en_verb(without_dates(context, verb_start or predicate_start, end))
        if verb is None:
            return None
        word = verb.group("verb")
        past = _past_verb_of(verb)
        aside = _ASIDE_AFTER.match(folded, predicate_start)
        if verb_start is None and subject is not carried and aside:
            # "Hugo Brandt, the former chief executive of X, died…": told from the verb.
            predicate_start = aside.end()
        counted = _COUNTED.match(verb.string, verb.end())
        if not past or (
            word in EN_NOT_HAPPENING
            # "employed 800 men in 1950", "owned 40 boats": a count held is still a state.
            and (counted is None or word in _EN_HOLDING)
            and not _CALLED_ACT.match(verb.string, verb.end())
            # "was named in the squad", "was named principal": a post given, not a name.
            and not (word == "named" and _PASSIVE_AUX.search(verb.string, 0, verb.start("verb")))
        ):
            return None
    else:
        group = ZH_GROUP_OF.match(folded, predicate_start) if subject is not carried else None
        # "东莞巴士约600名司机自6月10日起停止出车": what a counted group of its people did is
        # a happening of the body, told from the verb.
        predicate_start = group.end() if group else predicate_start
        rest = without_dates(context, owned_end or predicate_start, end)
        # "昨日（15日）": the brackets of a restated day are left empty by the blanking.
        rest = _EMPTY_BRACKETS.sub("", rest).strip(" ，,、》」』”")
        # "在即将关闭的门店举办…": the description is no part of the predicate's head.
        rest = strip_forecast_attributes(rest)
        plain_rest = rest
        rest = rest[_ZH_AUX.match(rest).end() :]
        # "9月24日凌晨2时40分改发…": the clock time after the date is part of the date.
        rest = rest[_ZH_CLOCK.match(rest).end() :]
        rest = rest[_ZH_AUX.match(rest).end() :]
        # "在年度股东大会上", "在今日头条", "在现场": after 在/于 comes a place, whose first
        # character is no leftover of a date or a "now".
        located = plain_rest[: len(plain_rest) - len(rest)].endswith(("在", "于"))
        if located and rest.startswith("的"):
            # "在本月12日的例行检查中发现…": the date qualifies the occasion it happened at;
            # the verb follows the occasion.
            occasion = _ZH_OCCASION.match(rest)
            rest = rest[occasion.end() :] if occasion else rest
        # "因气温偏高将起跑时间提前": the cause stands before 将 (or 把, 被) and its verb.
        cause = _ZH_CAUSE.match(rest)
        rest = rest[cause.end() :] if cause else rest
        # "今年3月将发现地列为保护区": after a date already past, 将 puts the object before
        # its verb (like 把); it is no "will".
        rest = rest[1:] if _ZH_DISPOSAL.match(rest) or _disposal(rest, mention, context) else rest
        # "在《自然》杂志发表论文": a title mark opening the venue after 在 is no predicate's
        # end; the verb follows it.
        rest = rest.lstrip('《「『“"') if rest != plain_rest else rest
        some = _ZH_SOME_OF_THEM.match(rest)
        if some and not _ZH_STATIVE.match(rest, some.end()):
            rest = rest[some.end() :]
        stative = _ZH_STATIVE.match(rest)
        if stative and located and _ZH_DATE_LEFT.fullmatch(stative.group()):
            stative = None
        if stative and stative.group() == "为" and _benefactive(rest):
            stative = None  # "为新生的熊猫举行命名仪式": 为 is "for", a verb follows
        if len(rest) < 2 or stative or not re.match(r"[\u3400-\u9fff]", rest):
            return None
        if _ZH_INTRODUCES.fullmatch(rest):
            return None  # "高等法院昨日裁定，…": what was ruled is told after the comma
        if NEGATION.match(rest):
            return None
    said = [
        m
        for m in SPEECH.finditer(folded, start, end)
        if not ACT_ANNOUNCED.match(folded, m.end())
        and not _declared_act(folded, m, end)
        and not _zh_act_announced(context, m, end)
    ]
    if said and not (context.language == "en" and counted):
        return None
    return Trigger("happening", predicate_start, end, False)


def _so_far(context: ArticleContext, mention: DateMention, end: int) -> bool:
    """Whether a Chinese clause dated by the period it is told in ("本月", "今年", "本周")
    tells what has already happened in it: a mark of completion after the date ("本月已完成…",
    "今年曾录得…", "本周正式启用…") or a start ("本月起上涨…"). The period runs past the
    source's date, so without such a mark the clause may tell a plan or a habit."""
    if context.language == "en" or mention.start is None or context.reference is None:
        return False
    if mention.start > context.reference.start:
        return False  # a period wholly to come: "下月", "明年"
    if mention.text.endswith(("起", "开始", "開始")):
        return True
    done = _DONE.match(context.folded, mention.char_end, end)
    if done is None:
        return False
    # "今年经历了一系列变化", "今年取得了显著成绩": a year told with 了 sums it up; a year
    # holds a happening only as one that came to pass already ("今年曾录得…", "今年已…").
    long = (mention.end - mention.start).days > 31
    if long and _RUNNING.search(context.folded, mention.char_end, min(end, mention.char_end + 8)):
        return False  # "今年已累计销售3万吨", "今年已连续亏损": a running total or a state
    return not long or _ALREADY.search(done.group()) is not None


_ALREADY = re.compile(r"已|曾|起")
_RUNNING = re.compile(r"累计|连续|持续|一直|陆续|逐步")
# A mark of completion between a date and its verb, or the verb's own: "(本月)已完成",
# "(今年)曾录得", "(本周)正式启用", "(本月)起上涨", "(今年)完成了".
_DONE = re.compile(
    r"\s*(?:[在于]?[^，,。；;：:]{0,12}?)(?:已经?|曾经?|正式|起|完成)"
    r"|[^，,。；;：:将会要]{1,12}?了(?![解])"
)


# "The club's insurer, Albury Mutual, paid…": a description of the owner's, then a name
# in apposition.
_EN_OWNED_APPOSITION = re.compile(r"(?:'s|’s|(?<=s)['’])\s+(?:[a-z-]+\s+){0,2}[a-z-]+,\s+")
# "The museum's east wing reopened…", "the club's men's eight won…": a thing of the owner,
# a noun phrase of one to three words, maybe where it stands ("at Carrow Quay"), then a verb.
_EN_OWNED_THING = re.compile(
    r"(?:'s|’s|(?<=s)['’])\s+(?P<thing>(?:[a-z-]+(?:'s|’s)?\s+){0,2}?[a-z-]+)"
    r"(?:\s+(?:at|in|on|near)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}?[A-Z][\w'’-]*)?"
    rf"\s+(?:(?:was|were|had)\s+)?(?P<verb>{EN_PAST_VERB})\b"
)
# Things of an owner that are its measures, money or people (told as their own happenings or
# not at all: "Kestrel's shares rose", "the council's budget grew", "its chief executive quit").
_EN_NOT_OWNED_THING = re.compile(
    r"\b(?:shares?|stock|price|prices|value|valuation|revenue|revenues|sales|profits?|earnings"
    r"|income|losses|debts?|budget|costs?|spending|output|market|rating|ratings|bonds?|fees?"
    r"|rates?|population|numbers?|figures?|membership|turnover|margin|margins|deficit|surplus"
    r"|share|stake|the|a|an|and|or|but|that|which|who|has|have|is|are|will|would|can|could"
    r"|said|told|says)\b"
)


def _en_owned_subject(
    context: ArticleContext, subject: ActorMention, predicate_start: int, end: int
) -> tuple[ActorMention, int, int | None]:
    """The subject, where its predicate starts and where its verb starts (None when right
    at the predicate) past an owner's "'s": a name in apposition to a description of the
    owner's is the subject ("The club's insurer, Albury Mutual, paid out…"); a thing of the
    owner's that befalls it tells a happening of the owner, told from the owner ("The
    museum's east wing reopened in May")."""
    folded = context.folded
    apposition = _EN_OWNED_APPOSITION.match(folded, predicate_start)
    if apposition is not None:
        named = [
            m
            for m in context.actors_in(apposition.end(), end)
            if m.char_start == apposition.end() and context.kind(m.slug) in SUBJECT_KINDS
        ]
        if named and folded[named[0].char_end : named[0].char_end + 1] == ",":
            return named[0], named[0].char_end + 1, None
        return subject, predicate_start, None
    # Matched on the text as written: the place after the thing is told by its capitals.
    owned = _EN_OWNED_THING.match(context.text, predicate_start)
    if (
        owned is None
        or _EN_NOT_OWNED_THING.search(owned.group("thing"))
        or any(is_past(word) for word in owned.group("thing").split())
        or not is_past(owned.group("verb"))
    ):
        return subject, predicate_start, None
    return subject, subject.char_start, owned.start("verb")


# LAC tags of the words of a thing the subject owns, between 的 and the predicate.
_OWNED_TAGS = frozenset({"n", "nz", "nw", "m", "q", "a", "LOC", "ns", "s", "f"})
_OWNED_HEAD = frozenset({"n", "nz", "nw"})
# Where the predicate after the owned thing begins: an adverb, a preposition, a verb, a date.
_PREDICATE_TAGS = frozenset({"d", "p", "v", "vd", "ad", "TIME"})
# Things of a company that are measures or people: told by their own triggers or as the
# person's own happening ("X的股价大涨", "X的创始人王某辞职").
_NOT_OWNED = re.compile(
    r"股价|股票|股份|市值|营收|收入|利润|净利|销量|业绩|估值|旗下|子公司|员工|人|者|长|官|师|家|员"
)


def _possessed_end(context: ArticleContext, start: int, end: int) -> int | None:
    """Where the predicate begins after a thing the subject owns ("的卫星频道", "位于昆山的
    一座仓库"), or None when no such thing stands right after the subject."""
    words = chinese_words(context.folded[start:end])
    position = 0
    if words and words[0][0] == "位于":
        position = 1
        while position < len(words) and words[position][1] in {"LOC", "ns", "n", "s", "f"}:
            position += 1
    if position >= len(words) or words[position] != ("的", "u"):
        return None
    position += 1
    offset = sum(len(word) for word, _tag in words[:position])
    noun = ""
    last = ""
    while position < len(words) and words[position][1] in _OWNED_TAGS | {"vn"}:
        noun += words[position][0]
        last = words[position][1]
        position += 1
    heads = [tag for word, tag in words if tag in _OWNED_HEAD]
    if (
        not noun
        # "的搬迁工作始于…", "的扩建工程于…动工": an act named as a noun leads a thing,
        # never ends one ("的搬迁|于…").
        or last == "vn"
        or not heads
        or len(noun) > 10
        or position >= len(words)
        or words[position][1] not in _PREDICATE_TAGS
        or _NOT_OWNED.search(noun)
    ):
        return None
    predicate = [word for word, tag in words[position:] if tag not in {"d", "ad", "TIME"}]
    if predicate and _OWNED_STATE.fullmatch(predicate[0]):
        # "X的前身只是一家小厂": what the thing is; "X的论文被接收11篇": what others did
        # with it, often counted.
        return None
    return start + offset + len(noun)


_OWNED_STATE = re.compile(r"[只就仍也曾原都正已还]?是|为|有|被|遭|让|由|属于|位于|包括|共有|拥有")


_APPOSED = re.compile(r",\s+")
_TITLE_AFTER_COMMA = re.compile(
    r",\s+(?:"
    + "|".join(re.escape(title) for title in sorted(PERSON_TITLES, key=len, reverse=True))
    + r")\s+$"
)
_ASIDE_AFTER = re.compile(r"\s*,(?!\s*(?:which|who)\b)[^,]{0,60},\s*")
_BRACKETED_DATE = re.compile(r"[)）]\s*[.。]?\s*$", re.MULTILINE)
# Where a clause's circumstance begins: a comma, or a word that opens a subordinate clause.
_CIRCUMSTANCE = re.compile(r", |\s(?:after|before|because|following|when|while|amid|despite|as)\s")
# "called a strike", "called an election": an act, not a name given.
_CALLED_ACT = re.compile(
    r"\s+(?:a|an|the|its|their|his|her)\s+(?:[a-z-]+\s+)?(?:strike|walkout|vote|election"
    r"|referendum|meeting|halt|boycott|protest|recall|inquiry|review)\b"
)
# "The Financial Market Supervisory Authority (FINMA) opened…": a short form in brackets.
_BRACKETED = re.compile(r"\s*\([^()]{1,30}\)")
_POSSESSIVE = re.compile(r"its|his|her|their")
# "announced her candidacy", "announced its retirement": an act, not something said.
# "declared a state of emergency", "announced the closure in January": a verb of saying
# with a thing as its object, and no verb of what was said after it, is an act.
_DECLARING = re.compile(r"declared|announced|proclaimed")
_DECLARED_OBJECT = re.compile(r"\s+(?:a|an|the|its|their|his|her)\s+[a-z]")
_REPORTED_VERB = re.compile(
    r"\b(?:that|would|will|was|were|is|are|had|has|have|could|should|might|may|can)\b"
)


def _declared_act(folded: str, speech: re.Match[str], end: int) -> bool:
    return (
        _DECLARING.fullmatch(speech.group()) is not None
        and _DECLARED_OBJECT.match(folded, speech.end()) is not None
        and _REPORTED_VERB.search(folded, speech.end(), end) is None
    )


ACT_ANNOUNCED = re.compile(
    r"\s+(?:his|her|its|their)\s+(?:candidacy|candidature|retirement|resignation|engagement"
    r"|departure|bid|run)\b"
)
# "宣布(，自即日起)全面停止…", "宣布即日起暂停营业": a body announcing an act of its own that
# takes effect as it is announced; what is said is the act, no report of someone's words.
_ZH_ANNOUNCED_NOW = re.compile(
    r"[，,]?\s*(?:(?:自|从)?即日起|(?:自|从)?今天起|(?:自|从)?今日起|即时|立即|全面|正式|暂时)*"
)
_ACT_VERB_TAGS = frozenset({"v", "vd"})


def _zh_act_announced(context: ArticleContext, speech: re.Match[str], end: int) -> bool:
    """Whether a Chinese 宣布 announces its subject's own act, a verb right after it (past
    the words of "as of today"): "宣布全面停止动物表演", "宣布，自即日起启动收购"."""
    if context.language == "en" or speech.group() != "宣布":
        return False
    at = _ZH_ANNOUNCED_NOW.match(context.folded, speech.end()).end()
    words = chinese_words(context.folded[at : min(end, at + 10)])
    return bool(words) and words[0][1] in _ACT_VERB_TAGS and len(words[0][0]) > 1


_AGE_APPOSED = re.compile(r",\s\d{1,3},\s+")
_GROUP_OF = re.compile(
    r"(?:'s|’s)\s+(?:[a-z-]+\s+)?(?:staff|workers|employees|union|pilots|drivers|nurses"
    r"|doctors|teachers|players|musicians|members|unions)\s+"
)


def _disposal(rest: str, mention: DateMention, context: ArticleContext) -> bool:
    """Whether a predicate opening on 将 after a past date puts its object before the verb
    ("(当晚)将明火扑灭", "(上月)将两名员工解雇"): the tagger reads a noun right after 将,
    where "will" is followed by a verb or an adverb."""
    if not rest.startswith("将") or context.reference is None or mention.end is None:
        return False
    if mention.end > context.reference.end:
        return False
    words = chinese_words(rest[:20])
    if len(words) < 3 or words[0][0] != "将":
        return False
    # "将明火扑灭", "将三名涉事员工停职": an object (perhaps counted), then a verb.
    at = 1
    while at < len(words) and words[at][1] in {"m", "q", "a"}:
        at += 1
    return (
        at < len(words)
        and words[at][1] in {"n", "nz", "ORG", "LOC", "PER", "r"}
        and any(tag == "v" for _word, tag in words[at + 1 : at + 4])
    )


def _benefactive(rest: str) -> bool:
    """Whether a predicate opening on 为 is "for someone, do…" ("为它举行仪式", "为员工加薪")
    rather than "is" ("为全市最大的商场"): the tagger reads 为 as a preposition and a verb
    follows its object before any 的."""
    words = chinese_words(rest[:24])
    if not words or words[0] != ("为", "p"):
        return False
    for word, tag in words[1:]:
        if word == "的" or tag == "w":
            return False
        if tag == "v":
            return True
    return False


def _past_verb_of(verb: re.Match[str] | None) -> bool:
    """Whether the matched verb is a simple past, or a past participle after "was",
    "were" or "been" ("was flown to hospital")."""
    if verb is None:
        return False
    word = verb.group("verb")
    return is_past(word) or (
        word in EN_PARTICIPLES
        and _PASSIVE_AUX.search(verb.string, 0, verb.start("verb")) is not None
    )


def _apposed_age(context: ArticleContext, position: int) -> bool:
    """ "Rautio, 36, first conducted": an age in apposition right after a person's name;
    "一名67岁(的)渔民陈某上周…": an age in the words that describe a person before the name."""
    if context.language != "en":
        age = _AGE.match(context.folded, position)
        if age is None:
            return False
        after = [
            m
            for m in context.actors_in(age.end(), age.end() + 10)
            if context.kind(m.slug) == "person"
        ]
        return (
            bool(after)
            and _AGE_DESCRIBES.fullmatch(context.folded, age.end(), after[0].char_start) is not None
        )
    before = context.actors_in(max(0, position - 40), position)
    return (
        bool(before)
        and before[-1].char_end == position
        and (context.kind(before[-1].slug) == "person")
    )


# What stands between an age and the name of the person it describes: "(82岁)的院友",
# "(82岁)院友".
_AGE_DESCRIBES = re.compile(r"的?[\u3400-\u9fff]{0,6}")
_EMPTY_BRACKETS = re.compile(r"[（(]\s*[)）]")


def happening_key(principal: str, period: str, predicate: str) -> str:
    """A happening's key: its subject, its month and a digest of its words, so that the
    same clause restated in the article is one happening."""
    digest = hashlib.sha1(predicate.encode()).hexdigest()[:8]
    return f"other:{principal}:{period}:{digest}"
