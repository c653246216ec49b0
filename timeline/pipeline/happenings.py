"""Happenings no trigger vocabulary names: a dated clause whose subject is an identifiable
actor and whose predicate is a verb in the past ("Orbis Foods moved its headquarters to
Denver in May 2023", "芯衡科技去年4月完成交割"). Such a clause becomes a claim of type
`other`, its headline the clause's own words (in the source's language). Plain Python.

Forecasts, plans, ages, durations and states of affairs ("X is based in…", "X有3000名员工")
are not happenings and give nothing.
"""

import hashlib
import re

from timeline.pipeline.actors import ActorMention
from timeline.pipeline.chinese_names import PEOPLE_NOUNS
from timeline.pipeline.chinese_tagger import chinese_words
from timeline.pipeline.context import ORGANIZATION_KINDS, WORK_KINDS, ArticleContext
from timeline.pipeline.cues import NEGATION, OPENERS, PLACE_CHAIN, QUESTION_END, SPEECH
from timeline.pipeline.dates import DateMention
from timeline.pipeline.english_names import EN_GROUP_BODIES, MEMBER_NOUNS, PERSON_TITLES
from timeline.pipeline.guards import (
    COMMENT,
    forecasts,
    strip_forecast_attributes,
    without_gatherings,
)
from timeline.pipeline.guards import unnamed as guard_text
from timeline.pipeline.named_things import KIND_BEFORE_NAME
from timeline.pipeline.nouns import DESCRIPTOR_RUN, TITLES
from timeline.pipeline.referents import referred_actors
from timeline.pipeline.triggers import HEDGE, Trigger, gated, joined, load_cue
from timeline.pipeline.wordlists import word_list

# The longest clause read this way: a longer one is more than one happening.
_LIMIT = 120
# English says the same in more letters: one happening may run to a long sentence.
_EN_LIMIT = 160
SUBJECT_KINDS = ORGANIZATION_KINDS | WORK_KINDS | {"person"}

# A pronoun or referring expression that can stand as a clause's subject.
PRONOUN_SUBJECT = gated(
    r"他(?![们們])|她(?![们們])|该公司|该集团|该行|\b(?:he|she|it|the company|the firm)\b"
)

# Words allowed before the subject of a clause: prepositions of a date and openers.
_LEAD = re.compile(
    r"^(?:\s|[,，、:：]|\b(?:in|on|at|by|during|since|early|late|and|but|while|then|the|a|an|first"
    r"|earlier|later|also|last|this|that|year|month|week)\b|据悉|此外|另外|随后|同年|当年|当天|当日"
    # The part of the day after a date: "今日上午，", "当日收盘，".
    r"|上午|下午|中午|晚间|晚上|早间|早上|凌晨|傍晚|夜间|深夜|收盘|开盘|盘中|午间)*$"
)
# Chinese: a count of people before a group's name ("约200名", "数百名"), perhaps after
# which batch of them ("最后一批200多名"), or after 有 that says some of them acted
# ("有蜂农发现…", "另有市民投诉…").
_HOW_MANY = re.compile(
    r"(?:(?:另|亦|也|还|更)?有)?"
    r"(?:(?:最后|首|第[一二三四五六七八九十])?一?批)?"
    r"(?:(?:约|近|逾|超过|上|数|几)?[0-9,万千百十数几两一二三四五六七八九]+余?多?[名位])?$"
)
# Chinese: one person counted, perhaps described by a phrase ending in 的, before the name.
_DESCRIBED_PERSON = re.compile(r"(?:一名|一位|一个|一個)(?:[^，,。；;]{1,14}的)?$")
# Chinese: a short description ending in a person's title, standing before the name.
_TITLED = re.compile(
    r"[\u3400-\u9fff]{0,8}?(?:"
    + "|".join(re.escape(title) for title in sorted(TITLES, key=len, reverse=True))
    + ")"
)
# English: the people of an organisation, standing before its name as the subject.
_EN_MEMBERS_OF = re.compile(
    # "About 1,400 bus drivers at Corran Buses": a count and a word of trade may lead.
    r"(?:(?:about|some|nearly|almost|around|over|more than|hundreds of|thousands of)\s+)?"
    r"(?:[\d,.]+\s+(?:million\s+)?)?(?:[a-z-]+\s+)?"
    rf"(?:{'|'.join(sorted(MEMBER_NOUNS))})\s+(?:at|from|of|with|for|in)(?:\s+the)?\s*",
    re.IGNORECASE,
)
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
    if verb is not None and not _is_past(verb.group("verb")):
        past = _EN_AUX_PAST_ASIDE.match(text)
        if past is not None and _is_past(past.group("verb")):
            return past
    return verb


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def past_verb(text: str) -> bool:
    """Whether the English text holds a verb in the simple past ("ended", "cut", "sold")."""
    return any(word.endswith("ed") or word in EN_IRREGULAR for word in re.findall(r"[a-z]+", text))


# Simple pasts that do not end in "-ed", kept as data.
EN_IRREGULAR = word_list("en_irregular_past.txt")
# A verb in the simple past, as a regex alternation: "-ed" (with a prefix: "re-opened"), or
# one of the data file's.
EN_PAST_VERB = r"(?:re-|co-|pre-)?[a-z]+ed|" + "|".join(sorted(EN_IRREGULAR))
# Past participles unlike the simple past ("flown", "taken"), verbs of a passive after
# "was", "were" or "been"; kept as data.
EN_PARTICIPLES = word_list("en_irregular_participles.txt")
# Verbs that state something rather than tell a happening, or are told elsewhere.
_EN_NOT_HAPPENING = _words(
    "said stated told added noted explained expected estimated planned hoped wanted needed "
    "owned employed operated remained used based headquartered listed valued ranked "
    "considered called named described seemed appeared looked continued liked"
)
# Of those, the verbs whose count tells what was held, not what was done.
_EN_HOLDING = _words("owned employed")
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
# English: a title or an occupation before a person's name.
_EN_TITLED = re.compile(
    r"(?:\b(?:the|a|an)\s+)?(?:[a-z-]+\s+)?\b(?:"
    + "|".join(re.escape(title) for title in sorted(PERSON_TITLES, key=len, reverse=True))
    + r")\s*,?\s*$"
)
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
            if past_verb(_without_dates(context, start, mention.char_end + comma)):
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
    subject = _subject(context, start, end, state) or carried
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
        verb = _en_verb(_without_dates(context, verb_start or predicate_start, end))
        word = verb.group("verb") if verb else ""
        if verb_start is None and subject is not carried and not _past_verb_of(verb):
            # "an FDA advisory panel voted…": the name is a word of the subject phrase.
            subject, predicate_start, verb_start = named_in_subject(context, start, end, state)
            if subject is None:
                return None
            verb = _en_verb(_without_dates(context, verb_start or predicate_start, end))
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
            word in _EN_NOT_HAPPENING
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
        rest = _without_dates(context, owned_end or predicate_start, end)
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
        or any(_is_past(word) for word in owned.group("thing").split())
        or not _is_past(owned.group("verb"))
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
_LISTED_AFTER = re.compile(r"\sand\s[A-Z][\w'’&-]*(?:\s[A-Z][\w'’&-]*){0,3},")
# A description before a name in apposition: "chile's mining regulator,", "the carmaker,".
_DESCRIPTION_LEAD = re.compile(r"(?:the\s+|[a-z]+['’]s\s+)?(?:[a-z-]+\s+){0,2}[a-z-]+,")
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
# The words before a past verb that may be a clause's subject holding a name: a noun phrase
# of a few words, no verb of its own ("Settlement talks between Skyfield and Aerilon").
# A phrase may hold an apposition between its commas ("The conviction of Ana Ruiz, a former
# banker, was overturned").
_SUBJECT_PHRASE = re.compile(
    r"(?:[\w'’.%&-]+\s+){0,9}?(?:[\w'’.%&-]+,\s+(?:[\w'’.%&-]+\s+){0,8}?[\w'’.%&-]+,\s+"
    r"(?:\d{1,3},\s+)?)?"
    rf"(?:(?:was|were|has|had|have)\s+(?:been\s+)?)?(?P<verb>{EN_PAST_VERB})\b"
)


# A subject that is only a description: "the medicines regulator", "a federal jury in
# Delaware", "police".
_GENERIC_SUBJECT = re.compile(
    # "The 129-metre ship": a measure is a word of the description.
    r"(?:(?:the|a|an)\s+)?(?:(?:[a-z-]+|\d[\d.,]*-[a-z]+)\s+){0,3}[a-z-]+"
    r"(?:\s+(?:in|of|at)\s+[a-z]+(?:\s+[a-z]+)?)?"
)
# A subject that is something befalling a place: a natural force or an accident, written
# with an indefinite article or bare ("An avalanche", "A fire", "Floodwater", "Lightning").
_BEFALLS = re.compile(
    r"(?:(?:an?|the)\s+)?(?:[a-z-]+\s+){0,2}(?:avalanche|fire|blaze|wildfire|storm|flood|floods"
    r"|floodwater|floodwaters|flooding|landslide|mudslide|rockfall|earthquake|quake|tremor|explosion"
    r"|blast|gas leak|leak|spill|collapse|power cut|outage|tornado|hurricane|typhoon|cyclone"
    r"|gale|gales|winds|snow|snowfall|hail|hailstorm|frost|heatwave|drought|lightning|tide"
    r"|surge|wave|crash|derailment|accident|outbreak|cyberattack|attack|strike)"
)
_AT_A_PLACE = re.compile(r"\b(?:at|across|through|into|over|near|on|onto|in)\s+(?:the\s+)?$")
# Words that open a subordinate clause, not a subject: what follows is no happening told.
_NOT_A_SUBJECT_PHRASE = re.compile(
    r"(?:if|unless|whether|when|although|though|because|as|once|after|before|until|since|while"
    r"|had|should|were|what|who|which|that|how|why)\b"
)
# What may stand between such a name and its verb: where they come from ("of Germany"), an
# age ("34"), the comma, an auxiliary.
_APPOSED_BEFORE_VERB = re.compile(
    r"(?:\s+of\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})?(?:,\s+\d{1,3})?"
    r",\s+(?:(?:has|had|was|were)\s+)?"
)
_DESCRIBED_AGENT = re.compile(r"\s+by\s+(?:the\s+|an?\s+)?(?:[a-z-]+\s+){0,3}")
_NAME_BEFORE_VERB = re.compile(r"\s+(?:(?:has|had|was|were|also|then)\s+)?")
_DESCRIBED_NAME = re.compile(
    r"(?:the|a|an|its|their|his|her|The|A|An|Its|Their|His|Her)\s+(?:[A-Za-z-]+\s+){0,2}[a-z-]+\s+"
)
_DETERMINED_NOUN = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$")
_MODAL = re.compile(r"\b(?:would|could|might|may|should|will|can|must|shall|not|never|no)\b")
_OPENING_WORD = re.compile(r"(?:in|on|at|by|during|early|late|and|but|then|later|earlier)\b")


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


# The mark of where a thing was sent, right before the place's or body's name (perhaps
# after the province or the nation it belongs to: "送往省…", "送往国家…").
_SENT_TO = re.compile(
    r"(?:被|获|已)?(?:送|运|寄|移交|转交|转送|移送|押送)(?:往|至|到|给|交)[\u3400-\u9fff]{0,2}$"
)


def thing_of_holder(
    context: ArticleContext, scope, state, start: int, end: int, mention: DateMention
) -> ActorMention | None:
    """ "白水河水电站2023年11月下闸蓄水。同年12月，首台机组发电": a Chinese sentence that names
    no one, opening on its date, whose subject is a thing (a part, a unit, a piece of
    equipment), tells what befell the paragraph's latest main actor; that actor, standing
    right after the date, or None. People and bodies ("村民", "警方", "政府") are subjects
    of their own."""
    if context.language == "en":
        return en_thing_of_holder(context, state, start, end)
    if state.holder is None:
        return None
    if context.kind(state.holder) not in ORGANIZATION_KINDS:
        return None  # a person's things are seldom told as the person's happenings
    sentence_start, sentence_end = scope.clauses[0][0], scope.clauses[-1][1]
    named = [
        m
        for m in context.actors_in(sentence_start, sentence_end)
        # "样本昨日被送往省海洋研究所化验": where the thing was sent is no subject.
        if not _SENT_TO.search(context.folded, max(sentence_start, m.char_start - 8), m.char_start)
    ]
    if named or referred_actors(
        context, sentence_start, sentence_end, getattr(state, "topic", None)
    ):
        return None
    if start != sentence_start:
        return None
    lead = context.folded[start : mention.char_start].strip(" ，,")
    if lead:
        # "泄漏点于次日凌晨被封堵": the thing stands before its date.
        # "该地盘5月19日发生…", "这次巡演于今年2月启动": a thing pointed back to is the
        # paragraph's thing all the same.
        lead = _POINTED.sub("", lead)
        noun = _thing(chinese_words(_LEAD_MARK.sub("", lead)), whole=True)
    else:
        # "同年12月，首台机组发电": the sentence opens on its date, the thing after it.
        raw = context.folded[mention.char_end : min(end, mention.char_end + 24)]
        after = re.sub(r"^\s*[，,]?\s*", "", raw)
        noun = _thing(chinese_words(after) if after else [], whole=False)
        if noun is not None and AGENT_NOUN.search(after[len(noun) : len(noun) + 1]):
            return None  # "基金|会接收了…": the tagger split a body's name
    if noun is None or not 1 < len(noun) <= 10 or AGENT_NOUN.search(noun):
        return None
    # The actor stands in where the predicate begins: after the thing, or after the date
    # when the thing stands before it; "工厂并未裁员" is read from its "并未".
    at = mention.char_end if lead else mention.char_end + len(raw) - len(after) + len(noun)
    return ActorMention(state.holder, context.name(state.holder), at, at)


# English nouns of things a body owns, runs or builds (vocabulary/en_owned_things.txt).
_EN_OWNED_THINGS = word_list("en_owned_things.txt")
# A clause opening (past its dates and openers) on a thing after an article, up to three
# lower-case words before its noun, then its verb: "The new wing opened", "A tunnel section
# flooded", "the old warehouse burned down". Matched on the folded text with dates blanked.
_EN_THING_OPENING = re.compile(
    r"\s*(?:(?:in|on|at|by|during|early|late|then|later|earlier|and|but|also|last|this)\s+"
    r"|[,—–]\s*)*(?P<phrase>(?:the|a|an)\s+(?:(?P<modifiers>(?:[a-z-]+\s+){0,3}?))"
    rf"(?P<noun>{'|'.join(sorted(_EN_OWNED_THINGS, key=len, reverse=True))})s?"
    # "A section of the tunnel flooded": the part of a thing.
    r"(?:\s+of\s+(?:the|its)\s+[a-z-]+)?)"
    r"\s+(?:(?:also|then|later|first|finally|officially|partly|partially"
    rf"|was|were|had)\s+)*(?P<verb>{EN_PAST_VERB})\b"
)
# How far back the body a thing belongs to may be named: the paragraph, or the one before.
_EN_HOLDER_LOOKBACK = 1200


def en_thing_opening(context: ArticleContext, start: int, end: int) -> int | None:
    """Where the verb begins after an English clause's subject that is a thing a body owns
    or runs, named by a common noun ("The lodge reopened…", "A tunnel section flooded…"),
    or None. A phrase holding a name, or a verb not in the past, is no such subject."""
    blanked = _without_dates(context, start, end)
    opening = _EN_THING_OPENING.match(blanked)
    if opening is None:
        return None
    if not _is_past(opening.group("verb")) or opening.group("verb") in _EN_NOT_HAPPENING:
        return None
    if any(_is_past(word) for word in (opening.group("modifiers") or "").split()):
        return None  # "the damaged roof was…" reads its verb after the phrase, not in it
    # The phrase's place in the text: the blanked dates shift the match.
    words = opening.group("phrase").split()
    phrase = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b")
    placed = phrase.search(context.folded, start, end)
    if placed is None or context.actors_in(placed.start(), placed.end()):
        return None  # "the Halden lodge": a name, told as its own subject
    if re.search(r"[A-Z]", context.text[placed.start() + 1 : placed.end()]):
        return None  # a capitalised word inside the phrase belongs to a name
    return placed.end()


def en_thing_of_holder(context: ArticleContext, state, start: int, end: int) -> ActorMention | None:
    """ "The Halden Trust runs three huts. The lodge reopened in October 2024": an English
    clause whose subject is a thing a body owns or runs, named by a common noun, tells what
    befell the body the paragraph is about: the latest organisation that was a claim's
    subject in it, else the latest organisation named before in it or in the paragraph
    before. That body stands in right before the verb; None when there is none."""
    at = en_thing_opening(context, start, end)
    if at is None:
        return None
    slug = state.holder
    if slug is not None and context.kind(slug) not in ORGANIZATION_KINDS:
        slug = None
    if slug is None:
        paragraph = context.text.rfind("\n", 0, start)
        blank = paragraph
        while blank > 0 and context.text[blank - 1] == "\n":
            blank -= 1  # the blank lines between paragraphs
        earlier = context.text.rfind("\n", 0, max(0, blank))
        since = max(earlier + 1, start - _EN_HOLDER_LOOKBACK)
        bodies = [
            mention
            for mention in context.actors_in(since, start)
            if context.kind(mention.slug) in ORGANIZATION_KINDS
        ]
        if not bodies:
            return None
        slug = bodies[-1].slug
    return ActorMention(slug, context.name(slug), at, at)


def _thing(words: list[tuple[str, str]], *, whole: bool) -> str | None:
    """The thing's name the words open with (all of them when `whole`), followed by a verb,
    an adverb or a preposition; None when they open otherwise."""
    noun = ""
    for word, tag in words:
        if tag in _THING_TAGS:
            noun += word
            continue
        if whole or not noun or tag not in {"v", "d", "p", "ad", "vd"}:
            return None
        return noun
    return noun if whole and noun else None


_LEAD_MARK = re.compile(r"[于在]$")
# A demonstrative before a thing: "该(地盘)", "这次(巡演)", "此(案)".
_POINTED = re.compile(r"^(?:该|这|此|本)(?:次|个|座|条|项|批|宗|起)?")
# The words of a thing's name: nouns, numbers and measures, places inside it ("首台机组",
# "馆内北侧电梯", "外墙瓷砖").
_THING_TAGS = frozenset({"n", "nz", "vn", "m", "q", "f", "s", "a"})
# Nouns of people or bodies, who act on their own: by their last character.
AGENT_NOUN = gated(joined(load_cue("agent_nouns")))


def _is_past(word: str) -> bool:
    return word.endswith("ed") or word in EN_IRREGULAR


def _past_verb_of(verb: re.Match[str] | None) -> bool:
    """Whether the matched verb is a simple past, or a past participle after "was",
    "were" or "been" ("was flown to hospital")."""
    if verb is None:
        return False
    word = verb.group("verb")
    return _is_past(word) or (
        word in EN_PARTICIPLES
        and _PASSIVE_AUX.search(verb.string, 0, verb.start("verb")) is not None
    )


def _apposed_age(context: ArticleContext, position: int) -> bool:
    """ "Rautio, 36, first conducted": an age in apposition right after a person's name."""
    if context.language != "en":
        return False
    before = context.actors_in(max(0, position - 40), position)
    return (
        bool(before)
        and before[-1].char_end == position
        and (context.kind(before[-1].slug) == "person")
    )


def named_in_subject(
    context: ArticleContext, start: int, end: int, state
) -> tuple[ActorMention | None, int, int | None]:
    """The actor named inside a clause's subject phrase and where the phrase starts, when
    no actor opens the clause: "Settlement talks between Skyfield and Aerilon broke
    down", "Its recording of the symphonies won a prize", "His campaign lost ground"."""
    phrase_start = start
    while phrase_start < end:
        # "ASHFORD, Ore. — The board of…": the dash after a dateline opens the story.
        if context.text[phrase_start] in " ,—–":
            phrase_start += 1
            continue
        dated = context.dates_in(phrase_start, end)
        if dated and dated[0].char_start == phrase_start:
            phrase_start = dated[0].char_end
            continue
        opener = _OPENING_WORD.match(context.folded, phrase_start)
        if opener is None:
            break
        phrase_start = opener.end()
    # "The board of the Ashford Unified School District voted": a name's words ending in
    # "-ed" are no verb. Its letters are blanked in place, then the dates are taken out.
    letters = list(context.folded[phrase_start:end])
    for mention in context.actors_in(phrase_start, end):
        for position in range(mention.char_start, min(mention.char_end, end)):
            if letters[position - phrase_start].isalnum():
                letters[position - phrase_start] = "x"
    for date in context.dates_in(phrase_start, end):
        for position in range(max(date.char_start, phrase_start), min(date.char_end, end)):
            letters[position - phrase_start] = ""
    blanked = "".join(letters)
    for mention in context.actors_in(phrase_start, end):
        # "A start-up called Quillon moved…": the words that name it are no verb of it.
        name = re.escape(re.sub(r"\w", "x", context.folded[mention.char_start : mention.char_end]))
        blanked = re.sub(
            rf"\b(?:calling itself|called|named|known as)(?=\s+{name}\b)",
            lambda words: "x" * len(words.group()),
            blanked,
        )
    phrase = _SUBJECT_PHRASE.match(blanked)
    if phrase is None:
        return None, start, None
    verb = phrase.group("verb")
    verb_start = context.folded.find(verb, phrase_start + phrase.start("verb"), end)
    if verb_start < 0 or _EN_NOT_HAPPENING & _words(phrase.group() + " "):
        return None, start, None
    if _DETERMINED_NOUN.search(blanked, 0, phrase.start("verb")):
        return None, start, None  # "count the cost": a noun after its article, not a verb
    if _NOT_A_SUBJECT_PHRASE.match(blanked) or _MODAL.search(phrase.group()):
        return None, start, None  # "If Kestrel had won in 2023…", "Analysts who expected…"
    topic = getattr(state, "topic", None)
    named = [
        *context.actors_in(phrase_start, verb_start),
        *referred_actors(context, phrase_start, verb_start, topic),
    ]
    named = [m for m in named if context.kind(m.slug) in SUBJECT_KINDS]
    for mention in named:
        # "His opponent in the final round, Lena Hoffmann, lodged…": a name set off by
        # commas right before the verb is the subject the phrase describes; told from the verb.
        if (
            _APPOSED_BEFORE_VERB.fullmatch(context.text, mention.char_end, verb_start)
            and context.folded[max(phrase_start, mention.char_start - 2) : mention.char_start]
            == ", "
        ):
            return mention, verb_start, None
        # "The ferry MV Tarrant ran aground", "The Danish utility Hafnia Power raised…": a
        # description before the name, the name right before its verb.
        if _NAME_BEFORE_VERB.fullmatch(
            context.folded, mention.char_end, verb_start
        ) and _DESCRIBED_NAME.fullmatch(context.text, phrase_start, mention.char_start):
            return mention, verb_start, None
    if named and not context.dates_in(phrase_start, verb_start):
        return min(named, key=lambda mention: mention.char_start), phrase_start, verb_start
    if named or not _GENERIC_SUBJECT.fullmatch(blanked[: phrase.start("verb")].rstrip()):
        return None, start, None
    # "The medicines regulator rejected Corvel Pharma's drug", "A jury in Delaware on
    # Wednesday ordered Aerilon Robotics to pay": a subject that is only a description
    # tells a happening of the actor its verb acts on.
    after = verb_start + len(verb)
    acted_on = [
        m
        for m in (
            # A long name may run past the window: where it starts is what counts.
            *context.actors_in(after, end),
            *referred_actors(context, after, end, topic),
        )
        if m.char_start < after + 30
        and context.kind(m.slug) in SUBJECT_KINDS
        and (
            not context.folded[after : m.char_start].strip(" ").count(" ") > 2
            # "was published by the small Leeds house Brindle Books": a described agent.
            or _DESCRIBED_AGENT.fullmatch(context.folded, after, m.char_start) is not None
        )
    ]
    if not acted_on and _BEFALLS.fullmatch(blanked[: phrase.start("verb")].rstrip()):
        # "An avalanche swept across a marked piste at Alderpeak Mountain Resort": what
        # befalls a named place or body is its happening.
        acted_on = [
            m
            for m in context.actors_in(after, end)
            if context.kind(m.slug) in SUBJECT_KINDS
            and _AT_A_PLACE.search(context.folded, max(after, m.char_start - 12), m.char_start)
            and context.folded[after : m.char_start].count(" ") <= 8
        ][:1]
    if not acted_on:
        return None, start, None
    return min(acted_on, key=lambda mention: mention.char_start), phrase_start, verb_start


# A bare plural opening a clause, then its verb: "Rangers put out a campfire", "Lifeboat
# crews rescued…". Dates and openers may stand before it.
_GROUP_OPENING = re.compile(
    r"\s*(?:(?:in|on|at|by|during|early|late|then|later|earlier|last|this|and|the)\s+|[,—–]\s*)*"
    r"(?:(?:about|some|nearly|around|over|more than|\d[\d,]*|two|three|four|five|six|a dozen"
    r"|dozens of|hundreds of)\s+)?(?:(?P<modifier>[A-Za-z-]+)\s+)??(?P<noun>[A-Za-z]+?)s\s+"
)
_GROUP_LOOKBACK = 1500
# Words before a plural that make it no body's people acting ("Many residents", "Two
# weeks", "Other drivers"), or a verb before its object ("Police rescued walkers").
_NOT_MODIFIERS = frozenset(
    [
        "many",
        "most",
        "few",
        "several",
        "all",
        "some",
        "other",
        "both",
        "these",
        "those",
        "such",
        "no",
        "two",
        "three",
        "four",
        "five",
        "six",
        "the",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "a",
        "an",
    ]
)
_THEY_OPENING = re.compile(
    r"\s*(?:(?:in|on|at|by|during|early|late|then|later|earlier|last|this|and|the)\s+|[,—–]\s*)*"
    r"they\s+(?!(?:will|would|may|might|could|should|must|can|are|is|have|say|said)\b)"
)


def group_subject(context: ArticleContext, start: int, end: int) -> tuple[ActorMention | None, int]:
    """ "Rangers put out an illegal campfire": a bare plural subject whose singular is a word
    of an organisation named before ("… Ranger Service"), the latest such: its people acting
    for it. The organisation stands in at the plural's place, and the predicate follows."""
    blanked = _without_dates(context, start, end)
    they = _THEY_OPENING.match(blanked)
    if they is not None:
        # "Rangers put out a campfire. Two weeks ago they rescued a walker": "they" after a
        # sentence that opened on a body's people stands for the same body.
        pronoun = re.compile(r"\bthey\b").search(context.folded, start, end)
        previous = context.text.rfind(". ", 0, start)
        paragraph = context.text.rfind("\n", 0, start)
        if pronoun is None or previous < 0 or paragraph > previous:
            return None, start
        opening = max(context.text.rfind(". ", 0, previous) + 2, paragraph + 1)
        body, _told_from = group_subject(context, opening, previous)
        if body is None:
            return None, start
        at = pronoun.start()
        return ActorMention(body.slug, context.text[at : pronoun.end()], at, at), pronoun.end()
    group = _GROUP_OPENING.match(blanked)
    if group is None or len(group.group("noun")) < 4:
        return None, start
    noun = group.group("noun").lower()
    modifier = (group.group("modifier") or "").lower()
    if modifier in _NOT_MODIFIERS:
        return None, start
    # The plural's place in the text: the blanked dates shift the match.
    placed = re.compile(rf"\b{re.escape(noun)}s\b").search(context.folded, start, end)
    if placed is None:
        return None, start
    at = placed.start()
    # "Postal workers walked out", "Lifeboat crews rescued…": a word of trade before the
    # plural, no name's.
    within = context.actors_in(at - len(modifier) - 1 if modifier else at, at + len(noun) + 1)
    if any(context.name(m.slug).lower() != noun + "s" for m in within):
        return None, start  # "Rangers Football Club": the word is a name's own
    before = context.actors_in(max(0, at - _GROUP_LOOKBACK), at)
    for mention in reversed(before):
        if context.kind(mention.slug) not in ORGANIZATION_KINDS:
            continue
        words = re.findall(r"[a-z]+", context.name(mention.slug).lower())
        # "Rangers" ← "… Ranger Service"; "Miners" ← "Harrow Miners' Union".
        if (
            noun in words[1:]
            or noun + "s" in words[1:]
            or EN_GROUP_BODIES.get(noun + "s", frozenset()) & set(words)
        ):
            stand_in = ActorMention(mention.slug, context.text[at : at + len(noun) + 1], at, at)
            return stand_in, placed.end()
    return None, start


def _without_dates(context: ArticleContext, start: int, end: int) -> str:
    folded = list(context.folded[start:end])
    for date in context.dates_in(start, end):
        for position in range(date.char_start - start, date.char_end - start):
            folded[position] = ""
    return "".join(folded)


def _subject(context: ArticleContext, start: int, end: int, state) -> ActorMention | None:
    """The actor standing first in the clause, only dates and openers before it, or a
    title before a person's name, or a phrase ending in 的 that qualifies the name
    ("旗下位于将军澳的博康医院…"); a name that only qualifies the next one is not it
    ("长风文艺出版社出版的长篇小说《山河故人录》获得…")."""
    named = sorted(
        [
            *context.actors_in(start, end),
            *referred_actors(context, start, end, getattr(state, "topic", None)),
        ],
        key=lambda mention: mention.char_start,
    )
    if not named or context.kind(named[0].slug) not in SUBJECT_KINDS:
        return None
    first = named[0]
    if context.language != "en":
        first = context.smallest_place(first, end)
        named = [m for m in named if m.char_start >= first.char_start]
    lead = _without_dates(context, start, first.char_start)
    if context.language == "en":
        lead = OPENERS.sub("", lead.strip(), count=1)
        if context.kind(first.slug) == "person":
            # "Judge Ana Ruiz refused…", "The Finnish conductor Aino Rautio…": a title or an
            # occupation before a person's name is part of the subject.
            lead = _EN_TITLED.sub("", lead).strip()
        if _DESCRIPTION_LEAD.fullmatch(lead) and (
            context.text[first.char_end : first.char_end + 1] == ","
            # "Two supermarket chains, Freshways and Valemart, cleared…": a list of names.
            or _LISTED_AFTER.match(context.text, first.char_end)
        ):
            return first  # "Chile's mining regulator, Sernageomin, suspended…": in apposition
        if context.kind(first.slug) in ORGANIZATION_KINDS and _EN_MEMBERS_OF.fullmatch(lead):
            return first  # "Researchers at the Halden Institute surveyed…": its people act for it
    else:
        lead = OPENERS.sub("", lead.strip(" ，,"), count=1)
        # "本报讯 贵州白水河水电站…": a paper's own byline opens the story, not its subject;
        # "「海韵明珠号」本月10日…": a name stands in its quotation marks.
        lead = _BYLINE_LEAD.sub("", lead)
        quoted = lead.rstrip('「『“《"')
        if quoted != lead and (_nominal(quoted) or _KIND_BEFORE_QUOTE.search(quoted)):
            quoted = ""  # "货轮“远航7号”", "郵輪「海韻號」": its kind before a quoted name
        lead = quoted
        if KIND_BEFORE_NAME.fullmatch(lead):
            lead = ""  # "科考船远帆九号", "卫星风云四号": its kind before the name
        if context.kind(first.slug) in ORGANIZATION_KINDS:
            # "四川省雅河县青石镇龙洞村发生…": the places the first one lies in are its
            # address, not another subject.
            lead = PLACE_CHAIN.sub("", lead)
            # "约200名移民到…", "数百名家长赶到…": how many of a group acted.
            lead = _HOW_MANY.sub("", lead)
        elif context.kind(first.slug) == "person":
            # "一名在码头工作的陈姓男工于周二…": a count and a phrase that describes the
            # person, written before them.
            lead = _DESCRIBED_PERSON.sub("", lead)
        if lead and _placed(lead):
            lead = ""  # "贵州白水河水电站": where the named one is
    if _LEAD.match(lead):
        return post_holder(context, first, named) or _head_of_phrase(context, first, named) or first
    opening, comma, described = (
        re.split(r"([，,])", lead)[-3:] if re.search(r"[，,]", lead) else ("", "", lead)
    )
    described = described.strip()
    if not _LEAD.match(opening + comma):
        return None
    if _COUNTED_AT.fullmatch(described):
        # "一名在葵青码头工作的陈姓男工…": the first name is where the one counted works or
        # lives; the subject is the head after its 的.
        head = _head_of_phrase(context, first, named)
        if head is not None:
            return head
    if _AGENT_LEAD.fullmatch(described):
        # "由教练王某训练的「飞驰」昨日夺冠": the first name is the agent of a phrase that
        # describes the subject after its 的.
        return _head_of_phrase(context, first, named)
    if _opens_on_verb(described):
        # "连接两岸的临江大桥正式通车": the first name is the object of a phrase that
        # describes the subject after its 的.
        head = _head_of_phrase(context, first, named)
        if head is not None:
            return head
    if context.kind(first.slug) == "person" and (
        _TITLED.fullmatch(described) or _nominal(described)
    ):
        # "作家林岚在北京举办了…", "今日上午，临海市市长韩立群到…": a title before the name.
        return first
    if context.kind(first.slug) != "person" and DESCRIPTOR_RUN.fullmatch(described):
        # "承建方中原路桥…", "运营方青城地铁公司…": the part it plays, before its name.
        return first
    if (
        context.kind(first.slug) != "person"
        and _QUALIFIED.fullmatch(described)
        and not SPEECH.search(described)
        # "原定下月启用的东湖码头…": a plan that only describes the name is no forecast.
        and not forecasts(without_gatherings(described))
    ):
        # "旗下位于将军澳的博康医院…": a phrase ending in 的 that qualifies the name.
        return first
    return None


_EMPTY_BRACKETS = re.compile(r"[（(]\s*[)）]")
# A passive's mark opening a phrase that describes the name after its 的, and a title.
# One or some people counted, then where they are: "一名在", "两名来自".
_COUNTED_AT = re.compile(
    r"(?:一|两|兩|[0-9]+|[二三四五六七八九十]+)[名位个個](?:在|于|於|来自|來自|住在)"
)
_AGENT_LEAD = re.compile(r"(?:由|被|经|受)[\u3400-\u9fff]{0,6}")
# A kind of body written before its quoted name: "动物保护团体「…联盟」", "環保組織「…」".
_KIND_BEFORE_QUOTE = re.compile(
    r"^[\u3400-\u9fff]{0,8}(?:团体|團體|组织|組織|机构|機構|协会|協會|公司|集团|集團|乐团|樂團"
    r"|剧团|劇團|球队|球隊|品牌|平台)$"
)
# A news service's byline word opening a story: "本报讯", "本网讯（记者…）".
_BYLINE_LEAD = re.compile(r"^[【\[]?(?:本报|本网|本台|本刊)讯[】\]]?(?:[（(][^）)]{0,20}[）)])?\s*")


def _opens_on_verb(described: str) -> bool:
    """Whether `described`, the words before a clause's first name, is a verb opening a
    phrase that describes a noun ("连接", "服务", "收购了")."""
    if not 0 < len(described) <= 6 or not re.fullmatch(r"[\u3400-\u9fff]+", described):
        return False
    words = chinese_words(described)
    return bool(words) and words[0][1] == "v"


def _placed(lead: str) -> bool:
    """Whether `lead` is only the names of places, standing before a name as where it is."""
    if len(lead) > 8 or not re.fullmatch(r"[\u3400-\u9fff]+", lead):
        return False
    words = chinese_words(lead)
    return bool(words) and all(tag in {"LOC", "ns"} for _word, tag in words)


# The tags of the words of a title or occupation before a person's name ("骑师", "企业家",
# "厂长", "市议会议员"): nouns and names, no verb.
_TITLE_TAGS = frozenset({"n", "nz", "nw", "nt", "ORG", "LOC", "ns", "s"})


def _nominal(described: str) -> bool:
    """Whether `described` is a short run of nouns, as a title or an occupation is: "骑师李俊辉
    上周三坠马", "企业家林正德捐赠…" (not "感谢志愿者林某": a verb leads it)."""
    if not 0 < len(described) <= 8 or not re.fullmatch(r"[\u3400-\u9fff]+", described):
        return False
    words = chinese_words(described)
    return bool(words) and all(tag in _TITLE_TAGS for _word, tag in words)


# A phrase ending in 的 (and a few words of the noun it qualifies) before a name:
# "旗下位于将军澳的", "出版的长篇小说".
_QUALIFIED = re.compile(r"[^，,。；;：:!?！？]{0,16}的[\u3400-\u9fff]{0,6}[《「“\"]?")


# "长风文艺出版社出版的长篇小说《山河故人录》获得…": a name before a phrase ending in 的
# describes the name after it, which is the subject.
_DESCRIBES = re.compile(r"[^，。；,;、的]{0,10}的[^，。；,;、的]{0,8}")


def _head_of_phrase(
    context: ArticleContext, first: ActorMention, named: list[ActorMention]
) -> ActorMention | None:
    following = [m for m in named if m.char_start >= first.char_end]
    if not following:
        return None
    head = min(following, key=lambda mention: mention.char_start)
    if context.kind(head.slug) not in SUBJECT_KINDS:
        return None
    between = context.folded[first.char_end : head.char_start]
    return head if _DESCRIBES.fullmatch(between) and not SPEECH.search(between) else None


def post_holder(
    context: ArticleContext, owner: ActorMention, named: list[ActorMention]
) -> ActorMention | None:
    """ "集团前总经理李振华…", "嘉洋市市长赵宏伟…": the person holding a post at the
    organisation named first is the clause's subject."""
    if context.kind(owner.slug) == "person":
        return None
    for mention in named:
        if context.kind(mention.slug) != "person" or mention.char_start <= owner.char_end:
            continue
        between = context.folded[owner.char_end : mention.char_start].strip()
        if between and DESCRIPTOR_RUN.fullmatch(between.removeprefix("的")):
            return mention
    return None


def happening_key(principal: str, period: str, predicate: str) -> str:
    """A happening's key: its subject, its month and a digest of its words, so that the
    same clause restated in the article is one happening."""
    digest = hashlib.sha1(predicate.encode()).hexdigest()[:8]
    return f"other:{principal}:{period}:{digest}"
