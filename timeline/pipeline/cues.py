"""Cue patterns: the words around a trigger that tell a clause's roles, amounts, the stage of a
deal, and how it stands to the clause before it (a negation, a delay, a continuation, a
source). `triggers` decides a clause's type; these read the rest.

Patterns run over folded text (simplified script, lower case), as the triggers do.
"""

import re

from timeline.pipeline.triggers import gated, words

# The place a ranking states: "排名世界第六", "登顶", "ranked third".
PLACE = re.compile(
    r"第\s*(?P<han>[一二三四五六七八九]|\d)(?![\d十])|榜首|登顶|夺冠|"
    r"\b(?:ranked|ranks|placed) (?P<en>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|\b(?:topped|tops)\b|\bfirst place\b|\bno\. ?1\b"
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

# "2023年之前", "去年以来", "同期": a date that bounds or compares dates no happening. (A
# date followed by 起 is where what the clause tells began, "去年3月起改为每周开放", unless
# a state lasts from it: `claim_dates.usable`.)
BOUND_AFTER = re.compile(r"\s*(?:之前|以前|之后|以后|以来|前(?!后)|后|同期)")

# Clause openers that continue the previous clause's subject and time ("…,被指…", "…,并…").
CONTINUES = re.compile(r"^(?:被|并且?|还|也|又|随即|随后|同时|而且|且|and\b|then\b)")

# "陈立新辞任，由总裁王海峰接任": a clause naming who takes over carries on the one before.
TAKEN_OVER_BY = re.compile(r"(?:其|该|此)?(?:职务|职位|一职|职)?(?:并|改|后|其后|随后|转)?由")

# A clause that says it came some time after the one before: it does not share its date.
LATER = re.compile(
    r"[数几两三]\s*[天日周月年]后|[数几两三]个[月星]期?后|"
    + words(r"(?:days|weeks|months|years|a week|a month|a year) later", r"later that \w+")
)

# A date that qualifies the noun after it: "2024年12月的重组".
ATTRIBUTIVE = re.compile(r"\s*的")

# A "when" clause: its time is the time of the clause that follows it.
WHEN_CLAUSE = re.compile(r"(?:时|之时|之际|的时候|期间)\s*$")

# Connectives a subject may follow at the start of a clause.
# The larger places a place lies in, written before its name: "四川省雅河县青石镇(龙洞村)".
PLACE_CHAIN = re.compile(r"(?:[\u3400-\u9fff]{1,5}?(?:自治区|自治州|省|市|县|区|镇|乡))+$")
OPENERS = re.compile(r"^(?:那么?|而|但是?|不过|此外|另外|同时|其中|据悉|事实上|随后|之后)?\s*")

# A speech verb: what follows it is what someone said ("称号", "称为", "称霸" are no saying).
SPEECH = gated(
    r"表示|宣布|宣称|声称|强调|透露|回应|指出|坦言|直言|提到|解释|(?<![小传据])说(?!会|明会)|(?<![声宣指据报])称(?!号|为|赞|霸|职)"
    r"|" + words("said", "says", "announced", "stated", "told", "noted", "declared", "added")
)

# Saying that is commentary whatever it is about: an interview, a speech, a panel.
INTERVIEW = gated(
    r"采访|受访|专访|访谈|对话|演讲|论坛|峰会|发布会上|播客|"
    + words(
        r"interviews?",
        "podcast",
        r"told reporters",
        r"in remarks",
        r"at a (?:conference|forum|summit|panel|briefing)",
        r"in a speech",
    )
)
# Opinion, advice and judgement: what is said is a view, not a happening.
OPINION = gated(
    r"认为|觉得|相信|不可持续|可持续|不利|有利|担忧|担心|关键|必须|应该|应当|需要|恶性|理性|健康|"
    r"看好|看衰|伤害|损害|挤压|"
    + words(
        r"believes?",
        r"thinks?",
        r"hurts?",
        r"harm(?:s|ed)?",
        r"squeez\w*",
        r"unsustainable",
        r"sustainable",
        r"should",
        r"must",
        r"needs? to",
        r"healthy",
        r"bad for",
        r"good for",
    )
)

# A verb of telling, whose object is who was told: "told", "warned", "assured".
TELLING = re.compile(r"(?:told|informed|assured|warned|reminded|briefed)")
# Who was told and how, between a verb of telling and the date it was said on: "told
# organisers in March", "told workers at a meeting on Tuesday", "told parents in a letter
# last week", "told the Harwick Post on Monday".
TOLD_WHEN = re.compile(
    r"\s+(?:(?:the|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s+"
    r"(?:(?:in|at|during|by|over)\s+an?\s+(?:[a-z-]+\s+)?"
    r"(?:letter|email|e-mail|memo|note|post|filing|statement|notice|message|meeting|hearing"
    r"|briefing|interview|call|session|assembly|video|speech)\s+)?"
    r"(?:on|in|last|this|earlier in)?\s*"
)
# What may stand between an English verb of saying and the date it was said on.
SAID_WHEN = re.compile(
    r"\s*(?:(?:analysts|reporters|investors|journalists|employees|staff|shareholders|lawmakers"
    r"|customers)\s+)?"
    r"(?:(?:in|during|at) an? (?:[\w-]+ )?(?:interview|speech|statement|call|briefing|podcast"
    r"|conference)\s+)?(?:on|in|last|this|during|earlier in)?\s*"
)

# Verbs of saying only: an announcement ("宣布", "announced") of a deal is the deal.
SAYING = gated(
    r"表示|强调|指出|坦言|直言|提到|(?<![小传据])说(?!会|明会)|(?<![声宣指据报])称(?!号|为|赞|霸|职)"
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
    r"反垄断|调查|传票|约谈|" + words("antitrust", "investigation", "probe", r"subpoena\w*")
)
FINED = re.compile(
    r"罚款|罚锾|罚金|罚单|处罚|处以|" + words("fined", "fines?", "penalt(?:y|ies)", r"penali[sz]ed")
)
# The kinds of trouble a controversy's key names with its month: the same company can be
# fined twice in a year, or fined after an outage.
TROUBLES = (
    (
        "cyberattack",
        re.compile(
            r"网络攻击|黑客|勒索软件|" + words(r"cyber-?attacks?", r"hack(?:ed|ers?)", "ransomware")
        ),
        ("suffers a cyberattack", "suffered a cyberattack"),
    ),
    (
        "outage",
        re.compile(
            r"宕机|服务中断|中断服务|故障|瘫痪|断网|断线|中断|服务器(?:拥堵|崩溃)|"
            + words("outages?", "went down", "service disruptions?")
        ),
        ("suffers an outage", "suffered an outage"),
    ),
    (
        "recall",
        re.compile(r"召回|" + words(r"recall\w*")),
        ("recalls products", "recalled products"),
    ),
    ("fine", FINED, ("is fined", "was fined")),
    (
        "lawsuit",
        re.compile(r"起诉|诉讼|" + words("lawsuits?", "sued")),
        ("is sued", "was sued"),
    ),
    (
        "default",
        re.compile(r"违约|" + words("defaulted", r"defaults? on")),
        ("defaults on its debt", "defaulted on its debt"),
    ),
    (
        "breach",
        re.compile(r"泄露|" + words("data breach", r"breach(?:ed)?")),
        ("suffers a data breach", "suffered a data breach"),
    ),
)
QUARTERLY = re.compile(r"季度|季报|" + words("quarterly", "quarter"))
MOST_VALUABLE = re.compile(r"市值最高|市值最大|" + words("most valuable"))
STAKE = re.compile(r"股份|股权|" + words("stake"))
IN_TALKS = re.compile(r"洽谈|商谈|谈判|" + words("in talks"))
# A work named as a plan: "一个 yi-x-large 模型的计划", "plans for a larger model".
PLAN = re.compile(r"\s*(?:大?模型)?\s*的?\s*(?:计划|规划)|" + words("plans?"))
# A statement in writing with no speaker named: "今年五月…的通稿", "a statement in May".
DOCUMENT = re.compile(r"通稿|声明|公告|新闻稿|" + words("press release", "statement"))
ANNOUNCES = re.compile(r"宣布|" + words("announced", "announces", "unveiled"))

FOUNDER = re.compile(r"创始人|创办人|创始团队|" + words(r"co-?founders?", "founders?"))
FIRST_PERSON = re.compile(r"我们|咱们|" + words("we", "our"))
ANAPHOR = re.compile(
    r"该公司|这家公司|这家|该|其|公司|" + words("the company", "the firm", "the startup", "it")
)
QUESTION_END = re.compile(r"[?？吗呢][”\"」』]?\s*$")
TRIM = "，,；;：:、。.!！?？ \t\n"

OPEN_SOURCE = re.compile(r"开源|" + words("open-sourced?", "open sourced?", "open-source"))
PRICE_CUT = re.compile(r"降|" + words("cut", "cuts", "slash(?:ed|es)?", "lower(?:ed|s)?"))
PRICE_RISE = re.compile(
    r"涨价|提价|上调|调高|" + words(r"rais(?:ed|es|ing)", "increases?", "hikes?", "rises?")
)
LEAVING = re.compile(
    r"离职|离开|出走|卸任|辞职|辞任|辞去|离任|退休|换帅|"
    + words(
        "left",
        "leaves",
        "departed",
        "departure",
        "resigned",
        "resigns",
        "stepped down",
        "steps down",
        "retired",
        "retires",
    )
)
JOINS = re.compile(r"加入|加盟|入职|投奔|" + words("joined", "joins", "joining", "moved to"))
APPOINTED = re.compile(
    r"任命|出任|接任|升任|接替|继任|履新|就任|上任|执掌|掌舵|出掌|委任|聘任|担任|代理|暂代|兼任|"
    + words(
        "appointed",
        "named",
        "took over",
        "takes over",
        "took the helm",
        r"succeed(?:ed|s)",
        "promoted",
        "became",
        "becomes",
        r"serv(?:es|ing|ed) as",
    )
)
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

MONEY = re.compile(
    r"(?:(?P<about>超过|超|逾|过|近|约为|约|大约|over|more than|above|nearly|about|around)\s*)?"
    r"(?:(?P<cur1>us\$|hk\$|nt\$|\$|usd|hkd|twd|ntd|rmb|cny|eur|gbp|¥|￥|€|£"
    # "新台幣4.2億元", "港幣5億元", "人民币3亿元": the currency's name before the amount.
    r"|新台币|台币|港币|港元|人民币|美元|欧元|英镑)\s*)?"
    r"(?P<num>\d+(?:\.\d+)?)\s*"
    r"(?P<scale>万亿|千亿|百亿|十亿|亿|千万|百万|万|billion|bn|million|mn|m\b|b\b)?\s*"
    r"(?P<cur2>美元|美金|元人民币|元新台币|新台币|台币|元|人民币|港元|港币|欧元|英镑|usd|rmb|hkd|twd"
    r"|eur|dollars|yuan"
    r"|euros?|pounds)?"
)
CURRENCY_CODES = {
    **dict.fromkeys(("us$", "$", "usd", "美元", "美金", "dollars"), "USD"),
    **dict.fromkeys(("hk$", "hkd", "港元", "港币"), "HKD"),
    **dict.fromkeys(("nt$", "twd", "ntd", "新台币", "台币", "元新台币"), "TWD"),
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
    r"收购|并购|出售|卖给|合并|"
    + words(
        r"acquir\w*",
        "takeover",
        "sells?",
        "sold",
        "selling",
        "bought",
        r"buy(?:s|ing)?",
        r"purchas\w*",
        r"merg(?:e|ed|er|ing)",
    )
)
# Who puts money into a round, by the words around its name: "由腾讯领投", "阿里、腾讯参与
# 投资", "led by Alibaba", "Tencent participated".
INVESTOR_BEFORE = re.compile(
    r"(?:由|获得?|获|引入|包括|投资方为|投资者为)\s*$|"
    r"\b(?:led by|from|including|backed by|with participation from|investors include|"
    r"participation of|joined by)\s+(?:the\s+)?$"
)
INVESTOR_AFTER = re.compile(
    r"\s*(?:等(?:机构|投资方|多家机构)?\s*)?(?:联合)?(?:领投|跟投|参投|参与|注资|投资了?|出资)|"
    r"\s+(?:also\s+)?(?:led|co-led|participated|joined|invested|contributed)\b"
)
# The round a funding names: "A轮", "Pre-A轮", "天使轮", "Series B", "seed round".
ROUND_NAME = re.compile(
    r"(?P<zh>pre-?[a-e]|(?<![a-z])[a-e]|天使|种子)\+?\s*轮|"
    r"\bseries (?P<en>[a-e])\b|\b(?P<seed>seed|angel) (?:round|funding)\b"
)
# Verbs by which someone appoints someone else, and the passive that turns them round.
APPOINTS = re.compile(r"任命|委任|聘任|" + words("appointed", "named", "hired"))
PASSIVE = re.compile(r"被\s*$|获\s*$|" + words("was", "were", "is", "are", "been", "be") + r"\s*$")
# A deal named only as such: "The sale closed on August 30", "该交易已于…完成".
DEAL = re.compile(
    r"该交易|这笔交易|此次交易|本次交易|此次收购|该收购|本次合并|此次合并|该合并|"
    + words(r"the (?:sale|deal|transaction|acquisition|merger|takeover)")
)
# "对鲜到家的收购": the object of a nominal verb.
OBJECT_OF = re.compile(r"对[^，。,;；]{1,24}的(?:全资|战略|控股)?\s*$")
# A predecessor named after the verb: "succeeding Raymond Cole", "接替刘振国".
PREDECESSOR = re.compile(
    r"接替|取代|"
    + words("succeeding", "replacing", "succeeded", "replaced", "succeeds", "replaces")
)
# The agent of a Chinese passive founding: "由周宁于2015年创办".
FOUNDED_BY = re.compile(r"由[^，。,;；]{1,20}$")
LEADS_ROUND = re.compile(r"领投|牵头|" + words("led", "co-led", "led by", "leads"))
LIST_JOIN = re.compile(r"\s*(?:、|,|，|和|与|及|以及|and|&)\s*")

INVESTS_IN = re.compile(r"投资了?|" + words(r"invest(?:s|ed)? in"))
FUNDED = re.compile(r"融资|估值|" + words("raised", "raises", "funding", "valuation", "round"))
SELLS = re.compile(r"出售|卖给|" + words("sells?", "sold", "selling"))
BY_AGENT = re.compile(words("by") + r"\s*$")
# "被X收购", "由X收购" (not "由于"): the one named after the mark buys.
PASSIVE_BUY = re.compile(r"(?:被|由(?!于))\S{0,12}$|" + words("by") + r"\s*$")


# Stages of a deal: agreed (a letter of intent, an announced merger) or done.
AGREED = re.compile(
    r"意向书|协议|同意|宣布|达成|签署|签订|"
    + words(
        "letter of intent",
        "agreed",
        "agrees",
        "agreement",
        "announced",
        "announces",
        "deal to",
        "memorandum of understanding",
    )
)
COMPLETED = re.compile(r"完成|完成了|正式合并|" + words("completed", "closed", "finalized"))
MERGER = re.compile(r"合并|兼并|" + words(r"merg\w+", "business combination", r"amalgamat\w+"))
# A regulator's approval still awaited: "申请上市许可", "pending approval".
PENDING = re.compile(
    r"(?:申请|提交|寻求|等待|有待|待|尚待|争取)[^，。,;；]{0,8}$|"
    r"\b(?:seek|seeks|seeking|sought|await|awaits|awaiting|pending|applied for|apply for|"
    r"filed for|file for|subject to|requires?|need|needs)\s+(?:\S+\s+){0,3}$"
)
# Release verbs whose object is named before them: "可灵…升级", "新款刻蚀机开启预售".
UPGRADE_OR_SALE = re.compile(
    r"升级|预售|开售|开卖|发售|上市|开放预订|"
    + words(r"pre-?orders?", r"pre-?sales?", r"(?:went|goes|go) on sale")
)
PRESALE = re.compile(r"预售|开放预订|" + words(r"pre-?orders?", r"pre-?sales?"))
CONSTRUCTION = re.compile(
    r"开工|动工|奠基|" + words("broke ground", r"construction", "groundbreaking")
)
PLANT = re.compile(r"工厂|厂房|生产线|产线|" + words("plant", "factory", "fab", "gigafactory"))
PLANT_OPENED = re.compile(
    r"开业|启用|落成|揭牌|建成|投用|开设|新建|" + words("opened", "opens", "inaugurated")
)
TRIAL_STARTED = re.compile(
    r"启动|开始|开展|进入|首例|入组|"
    + words("began", "begins", "started", "starts", "launched", "initiated", "enrolled", "dosed")
)
TRIAL_DONE = re.compile(r"完成|" + words("completed", "finished"))
EXITS = re.compile(r"退出|" + words(r"exit(?:ed|s|ing)?", r"w(?:ound|inds|ind) down"))
# Measures a financial report names; the one named first is the one reported.
MEASURES = (
    (re.compile(r"收入|营收|营业额|" + words("revenues?", "turnover", "sales of")), "revenue"),
    (re.compile(r"净亏损|亏损|" + words("net loss", "losses")), "net loss"),
    (re.compile(r"净利|纯益|" + words("net income", "net profit")), "net income"),
    (re.compile(r"利润|盈利|获利|" + words("profits?", "operating income", "earnings")), "profit"),
    (
        re.compile(
            r"销量|出货量|交付量|交付|" + words(r"sold", r"deliver(?:ed|ies)", "shipped", "units")
        ),
        "sales",
    ),
    (
        re.compile(
            r"订阅用户|付费用户|付费会员|会员数|用户数|订户|" + words("subscribers", "members")
        ),
        "subscribers",
    ),
)
