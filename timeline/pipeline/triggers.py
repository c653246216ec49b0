"""Trigger vocabularies: the words that make a clause an event of one type, or a report,
a forecast, a hedge or a negation.

Patterns run over folded text (simplified script, lower case), so one table serves both
Chinese scripts. English words are bounded so "left" does not fire inside "leftover".
"""

import re
from dataclasses import dataclass


def words(*words: str) -> str:
    return r"\b(?:" + "|".join(words) + r")\b"


# In priority order: the first type whose vocabulary matches a clause is the clause's type.
TRIGGERS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "denial",
            r"否认|辟谣|驳斥|"
            + words(r"den(?:y|ies|ied)", "refut(?:ed|es)", r"dismiss(?:ed|es) (?:the )?reports?"),
        ),
        (
            "controversy",
            r"争议|质疑|被指|疏忽|指控|抄袭|套壳|换皮|承认.{0,12}(?:错误|问题|不足)|"
            r"反垄断|立案调查|传票|罚款|处罚|"
            + words(
                "controvers(?:y|ies|ial)",
                "antitrust",
                "investigation into",
                "probe into",
                "subpoena(?:ed|s)?",
                "fined",
                "accus(?:ed|ations?)",
                "allegations?",
                "admit(?:ted|s)",
                "backlash",
                "criticized",
                "oversight",
            ),
        ),
        (
            "acquisition",
            r"收购|并购|出售给|卖给|"
            + words(r"acquir(?:e|es|ed|ing)", "acquisitions?", "takeover", "bought", "merger"),
        ),
        (
            "partnership",
            r"联合实验室|战略合作|达成.{0,8}合作|合作协议|签署.{0,8}协议|携手|联手|合资公司|"
            + words(
                "partner(?:ship|ed|s with)",
                "joint (?:lab|laboratory|venture)",
                "teamed up",
                "alliance",
                "collaboration",
            ),
        ),
        (
            "restructuring",
            r"重组|拆分|分拆|剥离|裁员|解散|"
            + words(
                r"restructur(?:e|es|ed|ing)",
                r"sp[iu]n(?:s|ning)? ?-?off",
                "layoffs?",
                "laid off",
                r"cut (?:about |some |nearly )?[\d,]+ jobs",
                "job cuts",
                r"disband(?:s|ed)?",
                "dissolved",
            ),
        ),
        (
            "personnel",
            r"离职|离开|出走|加盟|入职|任命|出任|接任|换帅|卸任|辞职|辞任|挖角|加入(?!了?.{0,6}能力)|"
            + words(
                "joined",
                "joins",
                "left",
                "leaves",
                "departed",
                "departure",
                "resigned",
                "resigns",
                "appointed",
                "hired",
                "stepped down",
                "steps down",
                "poached",
                "named (?:as )?(?:its |the )?(?:new )?(?:ceo|cto|president|chief)",
            ),
        ),
        (
            "funding",
            r"融资|领投|跟投|估值|注资|获投|完成.{0,6}[a-e天种]轮|投资了|"
            + words(
                "raised",
                "raises",
                "funding",
                "valuation",
                "valued at",
                "led the round",
                r"invest(?:s|ed) in",
                "investment round",
                "series [a-e]",
            ),
        ),
        (
            "founding",
            r"成立|创立|创办|创建|组建|诞生于|"
            + words("founded", "co-founded", "established", "incorporated"),
        ),
        (
            "release",
            r"发布|推出|开源|上线|面世|问世|亮相|发行|(?:(?<=模型)|(?<=模型全面))升级|"
            + words(
                "released?",
                "releases",
                "launch(?:ed|es)?",
                "unveil(?:ed|s)?",
                "open-sourced",
                "open sourced",
                "debut(?:ed|s)?",
                "rolled out",
                "rolls out",
                "introduced",
                "shipped",
            ),
        ),
        (
            "ranking",
            r"登顶|榜首|排名|位列|夺冠|排行榜|榜单|"
            + words("ranked", "ranks", "topped", "tops", "leaderboard", "first place"),
        ),
        (
            "pricing",
            r"降价|价格战|调价|涨价|定价|降至|直降|(?:降低|下调)[^，。,;；]{0,12}价格|价格下调|"
            + words(
                "price cuts?",
                "cut (?:its |the )?prices?",
                "cut the price",
                "slash(?:ed|es) prices?",
                "price war",
                "pricing",
                "priced at",
            ),
        ),
        (
            "financials",
            r"营收|收入|利润|盈利|亏损|营业额|"
            + words("revenues?", "profits?", "net loss", "losses", "earnings", "turnover"),
        ),
        (
            "strategy",
            r"战略|转型|转向|放弃|叫停|搁置|砍掉|取消|"
            + words(
                "strategy",
                r"cancel(?:l?ed|s)?",
                "strategic shift",
                "pivot(?:ed|s)?",
                "shifted (?:its )?focus",
                "abandon(?:ed|s)?",
                "scrap(?:ped|s)?",
                "shelve[sd]?",
                "dropped plans",
            ),
        ),
        (
            "statement",
            r"表示|宣布|宣称|声称|强调|透露|回应|指出|(?<![小传据])说|(?<![声宣指据报])称|"
            r"(?<=的)(?:通稿|声明|公告|新闻稿)|"
            + words("said", "says", "announced", "stated", "told", "noted", "declared"),
        ),
    )
)

# The place a ranking states: "排名世界第六", "登顶", "ranked third".
PLACE = re.compile(
    r"第\s*(?P<han>[一二三四五六七八九]|\d)(?![\d十])|榜首|登顶|夺冠|"
    r"\b(?:ranked|ranks|placed) (?P<en>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|\b(?:topped|tops)\b|\bfirst place\b|\bno\. ?1\b"
)

# "超过/超越/surpassed" are rankings only when another actor follows: "超过了文心一言".
OVERTAKE = re.compile(
    r"超过了?|超越了?|" + words("surpass(?:ed|es)", "overtook", "overtakes", "outranked")
)

# Words that make a clause a report of somebody else's claim, not the writer's own.
REPORTED = re.compile(
    r"被曝|曝出|曝光|传出|消息称|有消息|报道|传闻|传言|据传|被传|说法|"
    + words(
        "reportedly",
        "reports? (?:say|said|claim)",
        "according to (?:media )?reports",
        "according to (?:people|sources|a person|two people|three people)",
        "people familiar with",
        "sources said",
        "rumou?r(?:s|ed)?",
    )
)

# Forecasts and plans: an event that has not happened is not on the timeline.
FORECAST = re.compile(
    r"预计|预期|预测|将会|将要|即将|将于|将在|将是|将成为|将继续|将推出|将发布|将上线|将开源"
    r"|洽谈|商谈|谈判|希望|想要|想做|想打造|梦想|愿景"
    r"|计划|打算|准备|有望|未来|明年|后年|(?<![机社议学协大峰布聚约开体领理误总])会(?![议员计长谈面上场所话])"
    r"|"
    + words(
        "will",
        "would",
        "plans? to",
        "planning to",
        "expects? to",
        "expected to",
        "is set to",
        "are set to",
        "aims? to",
        "forecasts?",
        "projected",
        "going to",
        "next year",
        "in the coming",
        "in talks",
        r"negotiat\w*",
        "hopes? to",
        "wants? to",
    )
)

# Conditionals and guesses.
HEDGE = re.compile(
    r"如果|假如|假设|若是|也许|或许|或将|可能|照此|估算|推算|认为|觉得|"
    + words("if", "might", "may", "could", "perhaps", "possibly", "unless", "believes?", "thinks?")
)

# A negation right before the verb: "没有真的执行完", "has not released".
NEGATION = re.compile(
    r"(?:没有|没|未|不|不是|并非|并未|尚未|从未|从没)$|"
    r"(?:不|没有|没|未|拒绝|不会)(?:参与|加入|卷入|跟进|打)$|"
    r"(?:\bnot|\bnever|n't|\bno longer)\s*(?:\w+\s+)?$"
)

# A negation anywhere shortly before a sale verb in the same clause: "我们没有寻求过被收购",
# "we have no plans to sell". Said by the party itself, it is a denial.
NEGATED_SALE = re.compile(
    r"(?:没有|没|未|并未|从未|从没|不是|并非|不会|绝不|无意)[^，。,;；:：]{0,8}"
    r"(?:被收购|收购|出售|卖给|卖掉|卖)"
    r"|\b(?:not|never|no plans? to|no intention of)\b[^,.;:]{0,24}?"
    r"\b(?:sell(?:ing)?|sale|acquir\w*|buyer)\b"
)

# A release that was put off, or is only a plan, is no release: "GPT-5发布一再推迟".
DELAYED_AFTER = re.compile(r"[^，。,;；]{0,6}(?:推迟|延迟|延期|推后|跳票|搁置|暂停|计划)")
DELAYED_BEFORE = re.compile(words(r"delay(?:s|ed)?", r"postpone[sd]?", "plans? to") + r"\s*\S*\s*$")

# A release word used as a modifier: "开源大模型排行榜", "发布会", "open-source model".
RELEASE_AS_MODIFIER = re.compile(
    r"(?:大?模型|社区|生态|项目|领域|界|路线|进展|会|策略|协议|许可|精神)"
    r"|[- ](?:models?|community|ecosystem|projects?|licen[cs]es?)\b"
)

# What makes a release without a date a past happening: "已…上线", "正式推出", "发布了",
# "发布后", or an English past form.
DONE_BEFORE = re.compile(r"(?:已经?|正式|首次|刚刚?)[^，。,;；]{0,20}$")
DONE_AFTER = re.compile(r"(?:了|过|后|之后|以后)")
PAST_RELEASE = re.compile(
    words(
        "released",
        "launched",
        "unveiled",
        "open-sourced",
        "open sourced",
        "debuted",
        "rolled out",
        "introduced",
        "shipped",
    )
)
# "Kimi 推出了打赏功能": what a product launched is a feature of it, not the product.
FEATURE_OBJECT = re.compile(
    r"[^，。,;；]{0,12}?(?:功能|服务|版本|插件|计划|活动)|\s*(?:an? |its |the )?(?:new )?"
    + words("features?", "services?", "plugins?", "plans?")
)

# "截至2025年中" / "as of mid-2025": a state of affairs, not a happening.
AS_OF = re.compile(
    r"(?:截至|截止到?|直到|" + words("as of", "until", "since", "before", "after") + r")\s*$"
)

BOUND_AFTER = re.compile(r"\s*(?:之前|以前|之后|以后|以来|前(?!后)|后|起)")

# Clause openers that continue the previous clause's subject and time ("…,被指…", "…,并…").
CONTINUES = re.compile(r"^(?:被|并且?|还|也|又|随即|随后|同时|而且|且|and\b|then\b)")

# A date that qualifies the noun after it: "2024年12月的重组".
ATTRIBUTIVE = re.compile(r"\s*的")

# A "when" clause: its time is the time of the clause that follows it.
WHEN_CLAUSE = re.compile(r"(?:时|之时|之际|的时候|期间)\s*$")

# Connectives a subject may follow at the start of a clause.
OPENERS = re.compile(r"^(?:那么?|而|但是?|不过|此外|另外|同时|其中|据悉|事实上|随后|之后)?\s*")

# A speech verb: what follows it is what someone said.
SPEECH = re.compile(
    r"表示|宣布|宣称|声称|强调|透露|回应|指出|坦言|直言|提到|解释|(?<![小传据])说|(?<![声宣指据报])称"
    r"|" + words("said", "says", "announced", "stated", "told", "noted", "declared", "added")
)

# What may stand between an English verb of saying and the date it was said on.
SAID_WHEN = re.compile(r"\s*(?:on|in|last|this|during|earlier in)?\s*")

# Verbs of saying only: an announcement ("宣布", "announced") of a deal is the deal.
SAYING = re.compile(
    r"表示|强调|指出|坦言|直言|提到|(?<![小传据])说|(?<![声宣指据报])称"
    r"|" + words("said", "says", "told", "noted", "stated", "added")
)

# A demonstrative before the verb, pointing back to a happening already told: "这一波…降价".
DEMONSTRATIVE = re.compile(
    r"(?P<this>这一波|这波|这一轮|这轮|这一次|这次|此次|这场|本轮|该轮|上述|"
    + words("this", "that", "these")
    + r")[^，。,;；:：]{0,16}$"
)

# A sentence opening on a pronoun for the model just named: "它最初因…登顶…".
WORK_ANAPHOR = re.compile(r"\s*(?:它|该模型|这款模型|这一模型|" + words("it", "the model") + r")")

# A source named as such: "据 AI 产品榜的数据", "according to LMSYS".
SOURCE_OF = re.compile(r"据(?!悉|说|传|报道|介绍)|根据|" + words("according to"))

# An editor's note: "(注:…)", "（编者注：…）", "(Note: …)".
NOTE = re.compile(
    r"\s*[(（]\s*(?:注|註|编者注|編者註|编注|note|editor's note)\s*[:：]", re.IGNORECASE
)

# Giving up on something: the strategy is to drop it.
DROPS = re.compile(
    r"放弃|叫停|搁置|砍掉|取消|"
    + words(r"abandon\w*", r"scrap\w*", r"shelve\w*", "dropped", r"cancel\w*")
)
CANCELS = re.compile(r"取消|叫停|" + words(r"cancel\w*", r"scrap\w*"))
# A company named as the parent of the one the clause is about: "百度旗下的度小满".
SUBSIDIARY = re.compile(
    r"\s*(?:旗下|的子公司|控股的|孵化的)|'s (?:unit|subsidiary|affiliate|spin-?off)\b"
)
# A company joining someone else's round: "英伟达参与了晶泰科技的新一轮融资".
JOINS_ROUND = re.compile(r"参与|参投|领投|跟投|" + words("participated in", "joined", "led"))
INVESTIGATION = re.compile(
    r"反垄断|调查|传票|" + words("antitrust", "investigation", "probe", r"subpoena\w*")
)
FINED = re.compile(r"罚款|处罚|" + words("fined", "fines?", "penalt(?:y|ies)"))
QUARTERLY = re.compile(r"季度|季报|" + words("quarterly", "quarter"))
MOST_VALUABLE = re.compile(r"市值最高|市值最大|" + words("most valuable"))
STAKE = re.compile(r"股份|股权|" + words("stake"))
IN_TALKS = re.compile(r"洽谈|商谈|谈判|" + words("in talks"))
# A work named as a plan: "一个 yi-x-large 模型的计划", "plans for a larger model".
PLAN = re.compile(r"\s*(?:大?模型)?\s*的?\s*(?:计划|规划)|" + words("plans?"))
# A statement in writing with no speaker named: "今年五月…的通稿", "a statement in May".
DOCUMENT = re.compile(r"通稿|声明|公告|新闻稿|" + words("press release", "statement"))
ANNOUNCES = re.compile(r"宣布|" + words("announced", "announces", "unveiled"))

FIRST_PERSON = re.compile(r"我们|咱们|" + words("we", "our"))
ANAPHOR = re.compile(
    r"该公司|这家公司|这家|该|其|公司|" + words("the company", "the firm", "the startup", "it")
)
QUESTION_END = re.compile(r"[?？吗呢][”\"」』]?\s*$")
TRIM = "，,；;：:、。.!！?？ \t\n"

OPEN_SOURCE = re.compile(r"开源|" + words("open-sourced?", "open sourced?", "open-source"))
PRICE_CUT = re.compile(r"降|" + words("cut", "cuts", "slash(?:ed|es)?", "lower(?:ed|s)?"))
LEAVING = re.compile(
    r"离职|离开|出走|卸任|辞职|辞任|换帅|"
    + words(
        "left",
        "leaves",
        "departed",
        "departure",
        "resigned",
        "resigns",
        "stepped down",
        "steps down",
    )
)
JOINS = re.compile(r"加入|加盟|入职|投奔|" + words("joined", "joins", "joining", "moved to"))
APPOINTED = re.compile(r"任命|出任|接任|" + words("appointed", "named"))
SPIN_OFF = re.compile(r"拆分|分拆|剥离|" + words(r"sp[iu]n(?:s|ning)? ?-?off"))
LAYOFFS = re.compile(
    r"裁员|"
    + words("layoffs?", "laid off", r"cut (?:about |some |nearly )?[\d,]+ jobs", "job cuts")
)
DISBAND = re.compile(r"解散|裁员|" + words("disband(?:s|ed)?", "dissolved", "layoffs?", "laid off"))
ADMITS = re.compile(r"承认|疏忽|" + words("admit(?:ted|s)", "oversight"))
LAB = re.compile(r"实验室|" + words("lab", "laboratory"))
SALE = re.compile(
    r"收购|并购|出售|卖给|卖|" + words(r"acquir\w*", "sale", "sell(?:s|ing)?", "sold", "takeover")
)
TEAM = re.compile(r"预训练.{0,4}团队|团队|" + words("pre-training team", "team"))
PRETRAINING = re.compile(r"预训练|" + words("pre-?training"))
INVEST = re.compile(r"(?<!融)投(?:资)?\s*\d|" + words("invest(?:s|ed|ing)?"))

# Any word that can give a clause a type: a clause without one is not read further. The
# lookahead admits only characters some trigger can start with (every Chinese character the
# vocabularies use, and Latin letters), so most positions are rejected at once.
_ANY = "|".join(
    f"(?:{pattern.pattern})" for pattern in [*(p for _, p in TRIGGERS), OVERTAKE, INVEST]
)
ANY_TRIGGER = re.compile(
    "(?=["
    + "".join(sorted({c for c in _ANY if "\u3400" <= c <= "\u9fff"}))
    + "a-z])(?:"
    + _ANY
    + ")"
)

MONEY = re.compile(
    r"(?:(?P<about>超过|超|逾|过|近|约为|约|大约|over|more than|above|nearly|about|around)\s*)?"
    r"(?:(?P<cur1>us\$|hk\$|\$|usd|hkd|rmb|cny|eur|gbp|¥|￥|€|£)\s*)?"
    r"(?P<num>\d+(?:\.\d+)?)\s*"
    r"(?P<scale>万亿|千亿|百亿|十亿|亿|千万|百万|万|billion|bn|million|mn|m\b|b\b)?\s*"
    r"(?P<cur2>美元|美金|元人民币|元|人民币|港元|港币|欧元|英镑|usd|rmb|hkd|eur|dollars|yuan"
    r"|euros?|pounds)?"
)
CURRENCY_CODES = {
    **dict.fromkeys(("us$", "$", "usd", "美元", "美金", "dollars"), "USD"),
    **dict.fromkeys(("hk$", "hkd", "港元", "港币"), "HKD"),
    **dict.fromkeys(("eur", "€", "欧元", "euro", "euros"), "EUR"),
    **dict.fromkeys(("gbp", "£", "英镑", "pounds"), "GBP"),
}
AMOUNT_QUALIFIERS = {
    **dict.fromkeys(("超过", "超", "逾", "过", "over", "more than", "above"), "over "),
    **dict.fromkeys(("近", "nearly"), "nearly "),
    **dict.fromkeys(("约为", "约", "大约", "about", "around"), "about "),
}
SCALES = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "万": 1e4,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
}

ACQUIRE_VERB = re.compile(
    r"收购|并购|出售|卖给|" + words(r"acquir\w*", "takeover", "sells?", "sold", "selling", "bought")
)

INVESTS_IN = re.compile(r"投资了?|" + words(r"invest(?:s|ed)? in"))
FUNDED = re.compile(r"融资|估值|" + words("raised", "raises", "funding", "valuation", "round"))
SELLS = re.compile(r"出售|卖给|" + words("sells?", "sold", "selling"))
BY_AGENT = re.compile(words("by") + r"\s*$")
PASSIVE_BUY = re.compile(r"被\S{0,12}$|" + words("by") + r"\s*$")


@dataclass(frozen=True)
class Trigger:
    """The words that gave a span its type, and whether the span reports someone else's claim."""

    event_type: str
    start: int
    end: int
    reported: bool
