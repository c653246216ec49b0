"""Per-kind wording: keys and headlines of the happenings that need more than type and parties.

Other happenings (approvals, listings, plants, trials), releases named and unnamed, personnel
moves, rankings, reports and statements, with the vocabularies they read. Plain Python.
"""

import re

from timeline.pipeline.actors import fold_text
from timeline.pipeline.context import COMPANY_KINDS, ORGANIZATION_KINDS, WORK_KINDS, ArticleContext
from timeline.pipeline.dates import DateMention
from timeline.pipeline.parties import Parties, dedupe
from timeline.pipeline.periods import period_tag
from timeline.pipeline.triggers import (
    APPOINTED,
    CONSTRUCTION,
    IN_TALKS,
    LEAVING,
    MERGER,
    MOST_VALUABLE,
    OPEN_SOURCE,
    PLACE,
    PLANT,
    PLANT_OPENED,
    PRESALE,
    PRETRAINING,
    ROUND_NAME,
    STAKE,
    TEAM,
    TRIAL_DONE,
    TRIAL_STARTED,
    words,
)
from timeline.pipeline.wording import Wording, names, sale_topic

# Happenings the API has no type of their own for: a regulator's approval or rules, a stock
# market listing, a plant's construction, opening or production start, a clinical trial.
OTHER_KINDS = frozenset({"approval", "listing", "production", "trial", "rules"})

PARTNER_KINDS = frozenset({"company", "investor", "organization"})

# A predicate that opens on a subject of its own rather than a verb: a capital or a
# determiner ("Settlement talks…", "Its recording…", "A tunnel section…").
_WHOLE_CLAUSE = re.compile(r"[A-Z]|(?:the|a|an|its|his|her|their)\b")


def _other_happening(
    context: ArticleContext,
    kind: str,
    parties: Parties,
    folded: str,
    mention: DateMention | None,
) -> Wording | None:
    """ "Huaxun Telecom wins approval from the MIIT", "Huaxin Equipment lists on the Shanghai
    Stock Exchange", "Solvane Energy opens a plant": typed `other`, keyed by what happened and,
    but for a listing (a company lists once), its month."""
    principal = parties.principal
    if context.kind(principal) not in ORGANIZATION_KINDS | WORK_KINDS:
        return None
    name = context.name(principal)
    month = period_tag(mention, month=True)
    organizations = [
        s for s in parties.others if context.kind(s) == "organization" and s != principal
    ]
    if kind == "approval":
        works = [s for s in parties.objects if context.kind(s) in WORK_KINDS and s != principal]
        partners = [s for s in parties.others if context.kind(s) in COMPANY_KINDS]
        if works:
            what = f" for {context.name(works[0])}"
        elif partners and MERGER.search(folded):
            what = f" to merge with {context.name(partners[0])}"
        else:
            what = ""
        source = f" from the {context.name(organizations[0])}" if organizations else ""
        present = f"wins approval{what}{source}" if what or source else "wins regulatory approval"
        past = present.replace("wins", "won", 1)
        return Wording("other", f"other:{principal}:approval:{month}", name, present, past)
    if kind == "rules":
        return Wording(
            "other", f"other:{principal}:rules:{month}", name, "issues rules", "issued rules"
        )
    if kind == "listing":
        where = f"lists on the {context.name(organizations[0])}" if organizations else "goes public"
        past = where.replace("lists", "listed", 1).replace("goes", "went", 1)
        return Wording("other", f"other:{principal}:listing", name, where, past)
    if kind == "production":
        if CONSTRUCTION.search(folded):
            what, verbs = "construction", ("starts construction", "started construction")
        elif PLANT_OPENED.search(folded) and not re.search(r"投产|量产|production", folded):
            what = "opening"
            verbs = ("opens a plant", "opened a plant")
            if not PLANT.search(folded):
                verbs = ("opens a facility", "opened a facility")
        else:
            what, verbs = "production", ("starts production", "started production")
        return Wording("other", f"other:{principal}:{what}:{month}", name, *verbs)
    if TRIAL_DONE.search(folded):
        verbs = ("completes a clinical trial", "completed a clinical trial")
    elif TRIAL_STARTED.search(folded):
        verbs = ("starts a clinical trial", "started a clinical trial")
    else:
        verbs = ("reports on a clinical trial", "reported on a clinical trial")
    return Wording("other", f"other:{principal}:trial:{month}", name, *verbs)


_BUSINESS = re.compile(
    r"([^，。,;；]{1,12}?)(?:业务|市场|领域)|"
    r"\b(?:the |its )?((?:[\w-]+ ){0,3}?)(?:business|market)s?\b"
)


def _business(folded: str) -> str:
    """What a company exits, in English when it can: "the satellite phone business"."""
    match = _BUSINESS.search(folded)
    if match and match.group(2):
        return f"the {match.group(2)}business".replace("  ", " ")
    return "a business"


_ROUND_NAMES = {"天使": "angel", "种子": "seed"}


def _round_label(folded: str) -> str:
    """The name of a funding round in English: "Series B", "Pre-A", "seed", or ""."""
    named = ROUND_NAME.search(folded)
    if named is None:
        return ""
    if named.group("seed"):
        return named.group("seed")
    letter = named.group("zh") or named.group("en")
    if letter in _ROUND_NAMES:
        return _ROUND_NAMES[letter]
    if letter.startswith("pre"):
        return f"Pre-{letter[-1].upper()}"
    return f"Series {letter.upper()}"


LED_ROUND = re.compile(r"领投|牵头|" + words("led", "leads", "leading"))

LEADS = re.compile(r"带头|率先|发起|领跑|" + words("led", "leads", "started", "kicked off"))

# What a work the gazetteer does not know is, from the words after the release verb.
RELEASED_THINGS = (
    (re.compile(r"视频生成模型|" + words("video[- ]generation models?")), "model", "a video model"),
    (re.compile(r"语言模型|" + words("language models?", "llms?")), "model", "a language model"),
    (re.compile(r"模型|" + words("models?")), "model", "a new model"),
    (
        re.compile(r"芯片|晶片|处理器|" + words("chips?", "processors?", "gpus?")),
        "product",
        "a new chip",
    ),
    (
        re.compile(r"车型|汽车|电动车|轿车|" + words("cars?", "suvs?", "sedans?", "vehicles?")),
        "product",
        "a new car",
    ),
    (re.compile(r"手机|" + words("phones?", "smartphones?")), "product", "a new phone"),
    (
        re.compile(r"助手|聊天机器人|" + words("assistants?", "chatbots?")),
        "product",
        "an assistant",
    ),
    (
        re.compile(r"药物|新药|疗法|疫苗|" + words("drugs?", "therap(?:y|ies)", "vaccines?")),
        "product",
        "a new drug",
    ),
    (re.compile(r"应用|" + words("apps?", "applications?")), "product", "a new app"),
    (re.compile(r"游戏|" + words("games?")), "product", "a new game"),
    (
        re.compile(r"设备|机器|机台|刻蚀机|光刻机|" + words("devices?", "machines?", "equipment")),
        "product",
        "a new machine",
    ),
    (re.compile(r"新品|产品|新款|" + words("products?")), "product", "a new product"),
)

# A Latin name written after the verb: "Step-2", "Kling", "Blackwell B200".
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9.-])[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?: [A-Z0-9][A-Za-z0-9.-]*)?"
)

_UNNAMED_LIMIT = 40


def _release(
    context: ArticleContext,
    parties: Parties,
    folded: str,
    mention: DateMention | None,
    verb_at: int,
) -> Wording | None:
    principal = parties.principal
    roles = parties.roles
    # Open-sourced when the verb says so, or "作为开源大模型发布": not for an "开源模型"
    # named elsewhere in the span.
    open_sourced = OPEN_SOURCE.search(folded, max(0, verb_at - 8), verb_at + 12) is not None
    presale = PRESALE.search(folded, max(0, verb_at - 4), verb_at + 14) is not None
    if context.kind(principal) not in WORK_KINDS:
        return _unnamed_release(
            context, parties, mention, open_sourced, "升级" in folded, presale=presale
        )
    developer = next((s for s, r in roles.items() if r == "developer"), None)
    version = parties.versions.get(principal, "")
    name = context.name(principal)
    if version:
        name = f"{name} {version.upper() if version.endswith('b') else version}"
    kind = "model_release" if context.kind(principal) == "model" else "product_launch"
    if kind == "product_launch":
        verbs = ("launches", "launched")
    elif open_sourced:
        verbs = ("open-sources", "open-sourced")
    else:
        verbs = ("releases", "released")
    # "Qwen2.0" and "Qwen2" name one version.
    number = re.sub(r"(?:\.0)+$", "", version)
    tag = f"{principal}-{number.replace('.', '-')}" if version else principal
    key = f"{kind}:{tag}"
    if presale:
        # Pre-orders open before the launch itself: two happenings.
        key += ":presale"
        verbs = ("opens pre-orders for", "opened pre-orders for")
    if developer:
        subject = context.name(developer)
        return Wording(kind, key, subject, f"{verbs[0]} {name}", f"{verbs[1]} {name}")
    passive = "is open-sourced" if open_sourced and kind == "model_release" else "is released"
    if kind == "product_launch":
        passive = "is launched"
    if key.endswith(":presale"):
        passive = "opens for pre-orders"
        return Wording(kind, key, name, passive, "opened for pre-orders")
    return Wording(kind, key, name, passive, passive.replace("is ", "was ", 1))


def _unnamed_release(
    context: ArticleContext,
    parties: Parties,
    mention: DateMention | None,
    open_sourced: bool,
    upgraded: bool,
    *,
    presale: bool = False,
) -> Wording | None:
    """ "阶跃星辰发布了Step-2万亿参数模型", "快手推出视频生成模型可灵": a company releasing a
    work the gazetteer does not know, named by its Latin name when it has one."""
    if mention is None or context.kind(parties.principal) not in ORGANIZATION_KINDS:
        return None
    words_after = parties.unnamed[:_UNNAMED_LIMIT]
    folded_after = fold_text(words_after)
    found = next(
        ((kind, label) for pattern, kind, label in RELEASED_THINGS if pattern.search(folded_after)),
        None,
    )
    if found is None:
        return None
    thing, label = found
    latin = _LATIN_NAME.search(words_after)
    kind = "model_release" if thing == "model" else "product_launch"
    subject = context.name(parties.principal)
    if latin and latin.group().casefold() not in {"ai", "api"}:
        label = latin.group()
        key = f"{kind}:{label}"
    else:
        key = f"{kind}:{parties.principal}:{period_tag(mention, month=True)}"
    verbs = ("launches", "launched") if kind == "product_launch" else ("releases", "released")
    if open_sourced and kind == "model_release":
        verbs = ("open-sources", "open-sourced")
    if upgraded:
        verbs, label = ("upgrades", "upgraded"), label.replace("a new ", "its ")
    if presale:
        key += ":presale"
        verbs = ("opens pre-orders for", "opened pre-orders for")
    return Wording(kind, key, subject, f"{verbs[0]} {label}", f"{verbs[1]} {label}")


def _personnel(
    context: ArticleContext,
    parties: Parties,
    folded: str,
    mention: DateMention | None,
    verb: str,
    departs: bool = False,
) -> Wording | None:
    principal = parties.principal
    roles = parties.roles
    others = parties.others
    people = [principal, *[s for s in others if context.kind(s) == "person"]]
    people = [slug for slug in people if context.kind(slug) == "person"]
    employers = [slug for slug, role in roles.items() if role == "employer"]
    hirers = [slug for slug, role in roles.items() if role in {"new employer", "new team"}]
    old = f" {context.name(employers[0])}" if employers else ""
    new = context.name(hirers[0]) if hirers else ""
    if not people:
        if not LEAVING.search(folded):
            return None
        key = f"personnel:{principal}:{period_tag(mention, month=False)}"
        name = context.name(principal)
        return Wording("personnel", key, "Senior staff", f"leave {name}", f"left {name}", True)
    who = names(context, people[:1])
    key = f"personnel:{principal}"
    if departs or (LEAVING.search(verb) and not APPOINTED.match(verb)):
        gone = f" for {new}" if new else ""
        return Wording("personnel", key, who, f"leaves{old}{gone}", f"left{old}{gone}")
    if APPOINTED.search(verb):
        title = next((t for pattern, t in TITLES if pattern.search(folded)), "")
        if title:
            of = f" of{old}" if old else ""
            return Wording(
                "personnel", key, who, f"is appointed {title}{of}", f"was appointed {title}{of}"
            )
        at = f" at{old}" if old else ""
        return Wording("personnel", key, who, f"is appointed{at}", f"was appointed{at}")
    joined = f" {new}" if new else old
    return Wording("personnel", key, who, f"joins{joined}", f"joined{joined}")


def _ranking(
    context: ArticleContext, parties: Parties, folded: str, mention: DateMention | None
) -> Wording:
    principal = parties.principal
    name = context.name(principal)
    # A model is ranked against models first, a company against companies.
    rivals = [s for s in parties.objects if context.kind(s) in WORK_KINDS and s != principal]
    rivals += [s for s in parties.objects if context.kind(s) in COMPANY_KINDS and s != principal]
    # A leaderboard run by a named organization ("LMSYS", "Hugging Face") names the ranking
    # in any article, dated or not.
    boards = [s for s in parties.others if context.kind(s) == "organization"]
    board = f"the {context.name(boards[0])} leaderboard" if boards else "a leaderboard"
    place = _place(folded)
    ahead = f", ahead of {context.name(rivals[0])}" if rivals and place else ""
    if place == "first":
        verbs = (f"tops {board}", f"topped {board}")
    elif place:
        verbs = (f"ranks {place} on {board}", f"ranked {place} on {board}")
    elif rivals:
        rival = context.name(rivals[0])
        what = " as the most valuable company" if MOST_VALUABLE.search(folded) else ""
        verbs = (f"overtakes {rival}{what}", f"overtook {rival}{what}")
    else:
        verbs = (f"ranks high on {board}", f"ranked high on {board}")
    tail = boards[0] if boards else period_tag(mention, month=True)
    return Wording(
        "ranking", f"ranking:{principal}:{tail}", name, verbs[0] + ahead, verbs[1] + ahead
    )


def _report(
    context: ArticleContext,
    kind: str,
    underlying: str,
    parties: Parties,
    folded: str,
    mention: DateMention | None,
    money: str | None,
) -> Wording | None:
    principal = parties.principal
    name = context.name(principal)
    others = [slug for slug in parties.others if context.kind(slug) in ORGANIZATION_KINDS]
    topic = sale_topic(folded) or {"acquisition": "sale", "release_plan": "launch"}.get(underlying)
    if topic == "launch":
        # "据路透社报道,辉达计划在中国推出一款…晶片": a reported plan to release.
        thing = _thing(folded) or "product"
        return Wording(
            kind,
            f"rumor:{principal}:launch",
            "Reports",
            f"say {name} plans to launch a new {thing}",
            f"said {name} planned to launch a new {thing}",
            True,
        )
    if topic is None and mention is None:
        return None
    tail = topic or period_tag(mention, month=True)
    if topic == "sale" and parties.target is None and parties.buyer == principal:
        # "腾讯正在洽谈收购一家香港虚拟银行的股份": the company named is the buyer.
        what = "a stake" if STAKE.search(folded) else "a company"
        talks = "is in talks to buy" if IN_TALKS.search(folded) else "plans to buy"
        key = f"{kind}:{principal}:acquisition"
        if kind == "denial":
            return Wording(kind, key, name, "denies plans to buy", "denied plans to buy")
        past = talks.replace("is ", "was ").replace("plans", "planned")
        return Wording(
            kind, key, "Reports", f"say {name} {talks} {what}", f"said {name} {past} {what}", True
        )
    if topic == "sale":
        # The one sold: named by the sale verb, else the company a denial is about ("Kai-Fu
        # Lee denied that 01.AI was for sale"), else whoever the claim is about.
        named = [s for s in parties.others if context.kind(s) in COMPANY_KINDS]
        target = parties.target or (named[0] if named and kind == "denial" else principal)
        buyer = parties.buyer
        if context.kind(target) not in COMPANY_KINDS:
            return None
        to = f" to {context.name(buyer)}" if buyer and buyer != target else ""
        what = "its pre-training team" if PRETRAINING.search(folded) else "its team"
        if not TEAM.search(folded):
            what = "itself"
        key = f"{kind}:{target}:sale"
        seller = context.name(target)
        if kind == "rumor":
            return Wording(
                kind,
                key,
                "Reports",
                f"say {seller} will sell {what}{to}",
                f"said {seller} would sell {what}{to}",
                True,
            )
        sold = "it" if target == principal else seller
        if what == "itself":
            return Wording(
                kind,
                key,
                name,
                f"denies that {sold} is being sold{to}",
                f"denied that {sold} was being sold{to}",
            )
        return Wording(
            kind,
            key,
            name,
            f"denies that {sold} is selling {what}{to}",
            f"denied that {sold} was selling {what}{to}",
        )
    orgs = [s for s in [principal, *others] if context.kind(s) in COMPANY_KINDS]
    orgs += [s for s in [principal, *others] if context.kind(s) in ORGANIZATION_KINDS]
    subject = orgs[0] if orgs else principal
    if kind == "denial":
        return Wording(kind, f"denial:{subject}:{tail}", name, "denies reports", "denied reports")
    key = f"rumor:{subject}:{tail}"
    people = [s for s in [principal, *others] if context.kind(s) == "person"]
    about = context.name(subject)
    if topic == "investment":
        amount = f" {money}" if money else ""
        into = " in AI models" if re.search(r"模型|ai\b|model", folded) else ""
        return Wording(
            kind,
            key,
            "Reports",
            f"say {about} will invest{amount}{into}",
            f"said {about} would invest{amount}{into}",
            True,
        )
    if topic == "departures" and people and subject != people[0]:
        person = context.name(people[0])
        return Wording(
            kind,
            key,
            "Reports",
            f"say {person} is leaving {about}",
            f"said {person} was leaving {about}",
            True,
        )
    if topic == "departures":
        return Wording(
            kind,
            key,
            "Reports",
            f"say leadership changes at {about}",
            f"said leadership was changing at {about}",
            True,
        )
    return Wording(kind, key, "Reports", f"about {about}", f"appeared about {about}", True)


# Where a strategy turns, in English: the first directions its words name.
DIRECTIONS = (
    (
        re.compile(r"\bto ?b\b|b端|企业(?:端|级|客户|市场|服务)|" + words("enterprises?", "b2b")),
        "enterprise customers",
    ),
    (re.compile(r"\bto ?c\b|c端|消费者|个人用户|" + words("consumers?", "b2c")), "consumers"),
    (re.compile(r"海外|出海|国际市场|" + words("overseas", "abroad")), "overseas markets"),
    (re.compile(r"医疗|" + words("healthcare", "medical")), "healthcare"),
    (re.compile(r"小模型|" + words("smaller models?")), "smaller models"),
    (
        re.compile(
            r"行业(?:特定)?(?:的)?(?:大)?模型|垂直|" + words("industry models?", "vertical")
        ),
        "industry-specific models",
    ),
    (re.compile(r"(?<!大模型)应用|" + words("applications?", "apps")), "applications"),
)

_DOMESTIC = re.compile(r"国内|中国市场|" + words("in china", "domestic"))

_TURN = re.compile(
    r"转向|转型|聚焦|专注|" + words("pivot\\w*", "shift\\w*", "turn\\w*", "focus\\w*")
)


def _direction(folded: str) -> tuple[str, str]:
    """ "01.AI turns to enterprise customers in China": where a strategy turns, from the
    words after the turning verb ("转向更小的行业特定大模型和AI应用"), else the whole span."""
    turn = _TURN.search(folded)
    target = folded[turn.end() :] if turn else folded
    found = [label for pattern, label in DIRECTIONS if pattern.search(target)]
    if not found and turn:
        found = [label for pattern, label in DIRECTIONS if pattern.search(folded)]
    if not found:
        return "shifts strategy", "shifted strategy"
    where = " and ".join(dedupe(found)[:2])
    if _DOMESTIC.search(folded) and "overseas markets" not in found:
        where += " in China"
    return f"turns to {where}", f"turned to {where}"


# What a statement is about, when it names no actor: the first topic its words touch.
STATEMENT_TOPICS = (
    (re.compile(r"营收|收入|营业额|" + words("revenues?", "sales")), "revenue"),
    (re.compile(r"利润|盈利|亏损|" + words("profits?", "losses", "profitab\\w+")), "profitability"),
    (re.compile(r"价格战|降价|定价|价格|" + words("prices?", "pricing", "price war")), "prices"),
    (re.compile(r"预训练|" + words("pre-?training")), "pre-training"),
    (re.compile(r"收购|出售|并购|" + words("sale", "acquisition", "takeover")), "a sale"),
    (re.compile(r"融资|估值|" + words("funding", "valuation")), "funding"),
    (re.compile(r"上市|" + words("ipo", "listing")), "a listing"),
    (re.compile(r"裁员|" + words("layoffs?", "job cuts")), "layoffs"),
    (re.compile(r"\bagi\b|通用人工智能"), "AGI"),
    (
        re.compile(r"大模型(?:企业|公司|创业公司)|六小虎|" + words("ai (?:start-?ups|companies)")),
        "the large-model industry",
    ),
    (re.compile(r"芯片|" + words("chips?", "semiconductors?")), "chips"),
)

# Stances a statement can take that a headline can say in full.
STANCES = (
    (
        re.compile(r"(?:不|拒绝|不会)(?:参与|加入|打)价格战|" + words("stay out of the price war")),
        "says it will stay out of the price war",
        "said it would stay out of the price war",
    ),
)

TRAINING = re.compile(r"训练|" + words("training"))

ASPIRATION = re.compile(
    r"想打造|想做|梦想|愿景|目标|"
    + words("wants? to", "wanted to", "aim(?:s|ed)? to", "ambitions?")
)

PREDICTION = re.compile(
    r"未来|将会|将|会|预计|预期|" + words("will", "would", "expects?", "predicts?", "forecasts?")
)


def _statement_words(
    context: ArticleContext, name: str, parties: Parties, said: str
) -> tuple[str, str]:
    """ "comments on Yi and OpenAI", "makes a forecast about the large-model industry",
    "sets out ambitions for AGI": what kind of saying it was, and what it was about (actors
    named after the verb, else a topic word)."""
    about = [context.name(s) for s in parties.objects if s != parties.principal]
    about = [n for n in dedupe(about) if n != name][:2]
    word = _topic_word(said)
    for pattern, present, past in STANCES:
        if pattern.search(said):
            return present, past
    if ASPIRATION.search(said):
        # "想打造 agi 时代的微软": what is named in an ambition is a model, not its topic.
        rest = f" for {word}" if word else ""
        return f"sets out ambitions{rest}", f"set out ambitions{rest}"
    topic = " and ".join(about) or word
    if PREDICTION.search(said):
        rest = f" about {topic}" if topic else ""
        return f"makes a forecast{rest}", f"made a forecast{rest}"
    rest = f" on {topic}" if topic else ""
    return f"comments{rest}", f"commented{rest}"


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")

# Titles an appointment names, most specific first.
TITLES = tuple(
    (re.compile(pattern), title)
    for pattern, title in (
        (r"联合创始人|\bco-?founder\b", "co-founder"),
        (r"首席执行官|执行长|執行長|\bceo\b|chief executive", "CEO"),
        (r"首席技术官|\bcto\b|chief technology officer", "CTO"),
        (r"首席运营官|\bcoo\b|chief operating officer", "COO"),
        (r"首席财务官|\bcfo\b|chief financial officer|finance chief", "CFO"),
        (r"董事长|董事会主席|\bchair(?:man|woman)?\b", "chairman"),
        (r"总裁|\bpresident\b", "president"),
        (r"总经理|general manager", "general manager"),
    )
)


def _place(folded: str) -> str:
    """The place a ranking states, in words: "排名世界第六" → "sixth", "登顶" → "first"."""
    match = PLACE.search(folded)
    if match is None:
        return ""
    if match.group("han"):
        digit = match.group("han")
        index = int(digit) if digit.isdigit() else "一二三四五六七八九".index(digit) + 1
        return _ORDINALS[index - 1] if 1 <= index <= len(_ORDINALS) else ""
    return match.group("en") or "first"


def _topic_word(folded: str) -> str:
    return next((label for pattern, label in STATEMENT_TOPICS if pattern.search(folded)), "")


def _thing(folded: str) -> str:
    """The kind of thing some words name, as a bare noun: "电动车项目" → "car"."""
    label = next((label for pattern, _, label in RELEASED_THINGS if pattern.search(folded)), "")
    return re.sub(r"^(?:a new |an |a )", "", label)
