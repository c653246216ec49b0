"""Keys and headlines: the name a claim's happening gets in every article and script, and
the English headline built from its type, parties, money and date.
"""

import re
from collections.abc import Sequence

from timeline.pipeline.context import (
    COMPANY_KINDS,
    ORGANIZATION_KINDS,
    WORK_KINDS,
    ArticleContext,
)
from timeline.pipeline.dates import DateMention
from timeline.pipeline.parties import Parties, dedupe
from timeline.pipeline.triggers import (
    ADMITS,
    APPOINTED,
    DISBAND,
    INVEST,
    LAB,
    LEAVING,
    MONEY,
    OPEN_SOURCE,
    PRETRAINING,
    PRICE_CUT,
    SALE,
    SCALES,
    SPIN_OFF,
    TEAM,
    Trigger,
    words,
)


def money_phrase(folded: str) -> str | None:
    """The first amount of money in a span, in English: "USD 1 billion", "RMB 100 million"."""
    for match in MONEY.finditer(folded):
        currency = match.group("cur1") or match.group("cur2")
        scale = match.group("scale")
        if not currency or not (scale or match.group("cur1")):
            continue
        value = float(match.group("num")) * SCALES.get(scale or "", 1)
        code = "USD" if currency in {"us$", "$", "usd", "美元", "美金", "dollars"} else "RMB"
        if value >= 1e9:
            amount = f"{value / 1e9:g} billion"
        elif value >= 1e6:
            amount = f"{value / 1e6:g} million"
        else:
            amount = f"{value:,.0f}"
        return f"{code} {amount}"
    return None


def names(context: ArticleContext, slugs: Sequence[str]) -> str:
    names = [context.name(slug) for slug in slugs]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def period_words(mention: DateMention | None) -> str:
    if mention is None or mention.start is None:
        return ""
    return str(mention.start.year)


# Types a report turns into a rumour: a reported funding round or release is still dated
# news, but a reported sale, departure or plan is not yet a fact.
REPORTABLE = frozenset({"acquisition", "personnel", "restructuring", "funding_plan"})


# The period part of a key that has no date: such a key names no happening of its own.
UNDATED_TAG = ":undated"


def period_tag(mention: DateMention | None, *, month: bool) -> str:
    if mention is None or mention.start is None:
        return UNDATED_TAG[1:]
    if month and mention.precision in {"day", "xun", "month"}:
        return mention.start.strftime("%Y-%m")
    return str(mention.start.year)


def sale_topic(folded: str) -> str | None:
    if SALE.search(folded):
        return "sale"
    if LEAVING.search(folded):
        return "departures"
    if INVEST.search(folded):
        return "investment"
    return None


def key_and_headline(
    context: ArticleContext,
    kind: str,
    trigger: Trigger,
    parties: Parties,
    folded: str,
    mention: DateMention | None,
    *,
    said: str = "",
) -> tuple[str, str, str] | None:
    """(type, key, headline) for a claim, or None when the clause lacks what its type needs."""
    principal = parties.principal
    roles = parties.roles
    if principal is None:
        return None
    name = context.name(principal)
    others = [slug for slug in parties.others if context.kind(slug) in ORGANIZATION_KINDS]
    money = money_phrase(folded)
    underlying = kind
    if trigger.reported and kind in REPORTABLE:
        kind = "rumor"

    if kind == "founding":
        if context.kind(principal) not in ORGANIZATION_KINDS:
            return None
        founders = [slug for slug, role in roles.items() if role == "founder"]
        headline = f"{names(context, founders)} founds {name}" if founders else f"{name} is founded"
        return kind, f"founding:{principal}", headline
    if kind in {"model_release", "product_launch"}:
        developer = next((s for s, r in roles.items() if r == "developer"), None)
        version = parties.versions.get(principal, "")
        if version:
            name = f"{name} {version.upper() if version.endswith('b') else version}"
        kind = "model_release" if context.kind(principal) == "model" else "product_launch"
        verb = "open-sources" if OPEN_SOURCE.search(folded) else "releases"
        if kind == "product_launch":
            verb = "launches"
        if developer:
            headline = f"{context.name(developer)} {verb} {name}"
        else:
            passive = {"open-sources": "is open-sourced", "releases": "is released"}
            headline = f"{name} {passive.get(verb, 'is launched')}"
        # "Qwen2.0" and "Qwen2" name one version.
        number = re.sub(r"(?:\.0)+$", "", version)
        tag = f"{principal}-{number.replace('.', '-')}" if version else principal
        return kind, f"{kind}:{tag}", headline
    if kind == "funding":
        investors = [slug for slug, role in roles.items() if role == "investor"]
        headline = f"{name} raises funding"
        if investors:
            headline += f" led by {names(context, investors[:2])}"
        if money and re.search(r"估值|valuation|valued", folded):
            headline += f" at a {money} valuation"
        elif money:
            headline = headline.replace("raises funding", f"raises {money}")
        return kind, f"funding:{principal}:{period_tag(mention, month=False)}", headline
    if kind == "acquisition":
        targets = [slug for slug, role in roles.items() if role == "target"]
        if not targets:
            return None
        key = f"acquisition:{principal}+{targets[0]}"
        return kind, key, f"{name} acquires {context.name(targets[0])}"
    if kind == "partnership":
        partners = dedupe([principal, *others])
        partners = [slug for slug in partners if context.kind(slug) in COMPANY_KINDS]
        if len(partners) < 2:
            return None
        pair = names(context, partners[:2])
        labs = [slug for slug in [*others, *parties.objects] if context.kind(slug) == "lab"]
        if labs:
            # A named joint lab is the happening, whichever parent company a text names.
            headline = f"{pair} set up the {context.name(labs[0])}"
            return kind, f"partnership:{labs[0]}", headline
        key = "partnership:" + "+".join(sorted(partners[:2]))
        if LAB.search(folded):
            return kind, key + ":lab", f"{pair} set up a joint lab"
        return kind, key, f"{pair} form a partnership"
    if kind == "restructuring":
        units = [slug for slug in others if slug != principal]
        if SPIN_OFF.search(folded) and units:
            headline = f"{name} spins off {context.name(units[0])}"
            return kind, f"restructuring:{principal}:{units[0]}", headline
        if DISBAND.search(folded) and TEAM.search(folded):
            headline = f"{name} disbands teams in a restructuring"
        elif SPIN_OFF.search(folded):
            headline = f"{name} restructures and spins off business units"
        else:
            headline = f"{name} restructures"
        return kind, f"restructuring:{principal}:{period_tag(mention, month=False)}", headline
    if kind == "personnel":
        people = [principal, *[s for s in others if context.kind(s) == "person"]]
        people = [slug for slug in people if context.kind(slug) == "person"]
        employers = [slug for slug, role in roles.items() if role == "employer"]
        employer = context.name(employers[0]) if employers else ""
        if not people:
            if not LEAVING.search(folded):
                return None
            headline = f"Senior staff leave {name}"
            return kind, f"personnel:{principal}:{period_tag(mention, month=False)}", headline
        who = names(context, people[:3])
        plural = len(people) > 1
        if LEAVING.search(folded):
            headline = f"{who} {'leave' if plural else 'leaves'}" + (
                f" {employer}" if employer else ""
            )
        elif APPOINTED.search(folded):
            headline = f"{who} {'are' if plural else 'is'} appointed" + (
                f" at {employer}" if employer else ""
            )
        else:
            headline = f"{who} {'join' if plural else 'joins'}" + (
                f" {employer}" if employer else ""
            )
        return kind, f"personnel:{principal}", headline
    if kind == "financials":
        if context.kind(principal) not in ORGANIZATION_KINDS | WORK_KINDS:
            return None
        year = period_words(mention)
        headline = f"{name} reports {year} revenue".replace("  ", " ")
        if re.search(r"利润|盈利|profit", folded) and not re.search(r"收入|营收|revenue", folded):
            headline = f"{name} reports {year} profit".replace("  ", " ")
        if money:
            headline += f" of {money}"
        return kind, f"financials:{principal}:{period_tag(mention, month=False)}", headline
    if kind == "pricing":
        verb = "cuts prices" if PRICE_CUT.search(folded) or "价格战" in folded else "sets prices"
        headline = f"{name} {verb}"
        if "价格战" in folded or "price war" in folded:
            headline = f"{names(context, [principal, *others][:3])} cut prices in a price war"
        return kind, f"pricing:{principal}:{period_tag(mention, month=True)}", headline
    if kind == "ranking":
        rivals = [s for s in parties.others if context.kind(s) in WORK_KINDS and s != principal]
        if rivals:
            headline = f"{name} overtakes {context.name(rivals[0])}"
        else:
            headline = f"{name} ranks at the top of a leaderboard"
        return kind, f"ranking:{principal}:{period_tag(mention, month=True)}", headline
    if kind == "controversy":
        about = parties.objects[0] if parties.objects else None
        if ADMITS.search(folded):
            headline = f"{name} admits an oversight" + (
                f" over {context.name(about)}" if about else ""
            )
        else:
            headline = f"{name} faces controversy" + (
                f" over {context.name(about)}" if about else ""
            )
        tail = about or period_tag(mention, month=False)
        return kind, f"controversy:{principal}:{tail}", headline
    if kind in {"rumor", "denial"}:
        topic = sale_topic(folded) or {"acquisition": "sale"}.get(underlying)
        if topic is None and mention is None:
            return None
        tail = topic or period_tag(mention, month=True)
        if topic == "sale":
            target = parties.target or principal
            buyer = parties.buyer
            if context.kind(target) not in COMPANY_KINDS:
                return None
            to = f" to {context.name(buyer)}" if buyer and buyer != target else ""
            what = "its pre-training team" if PRETRAINING.search(folded) else "its team"
            if not TEAM.search(folded):
                what = "itself"
            if kind == "rumor":
                headline = f"Reports say {context.name(target)} will sell {what}{to}"
            else:
                sold = "it" if target == principal else context.name(target)
                headline = f"{name} denies that {sold} is selling {what}{to}".replace(
                    "selling itself", "being sold"
                )
            return kind, f"{kind}:{target}:sale", headline
        orgs = [s for s in [principal, *others] if context.kind(s) in COMPANY_KINDS]
        orgs += [s for s in [principal, *others] if context.kind(s) in ORGANIZATION_KINDS]
        subject = orgs[0] if orgs else principal
        if kind == "denial":
            return kind, f"denial:{subject}:{tail}", f"{name} denies reports"
        people = [s for s in [principal, *others] if context.kind(s) == "person"]
        if topic == "investment":
            headline = f"Reports say {context.name(subject)} will invest" + (
                f" {money}" if money else ""
            )
            headline += " in AI models" if re.search(r"模型|ai\b|model", folded) else ""
        elif topic == "departures" and people and subject != people[0]:
            headline = f"Reports say {context.name(people[0])} is leaving {context.name(subject)}"
        elif topic == "departures":
            headline = f"Reports say leadership changes at {context.name(subject)}"
        else:
            headline = f"Reports about {context.name(subject)}"
        return kind, f"rumor:{subject}:{tail}", headline
    if kind == "strategy":
        if context.kind(principal) not in ORGANIZATION_KINDS:
            return None
        return (
            kind,
            f"strategy:{principal}:{period_tag(mention, month=False)}",
            f"{name} shifts strategy",
        )
    if kind == "statement":
        return (
            kind,
            f"statement:{principal}:{period_tag(mention, month=True)}",
            (_statement_headline(context, name, parties, said)),
        )
    return None


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
ASPIRATION = re.compile(
    r"想打造|想做|梦想|愿景|目标|" + words("wants? to", "aims? to", "ambitions?")
)
PREDICTION = re.compile(
    r"未来|将会|将|会|预计|预期|" + words("will", "expects?", "predicts?", "forecasts?")
)


def _statement_headline(context: ArticleContext, name: str, parties: Parties, said: str) -> str:
    """ "Kai-Fu Lee comments on Yi and OpenAI", "Yan Junjie makes a forecast about the
    large-model industry", "Kai-Fu Lee sets out ambitions for AGI": the speaker, what kind of
    saying it was, and what it was about (actors named after the verb, else a topic word)."""
    about = [context.name(s) for s in parties.objects if s != parties.principal]
    about = [n for n in dedupe(about) if n != name][:2]
    word = next((label for pattern, label in STATEMENT_TOPICS if pattern.search(said)), "")
    if ASPIRATION.search(said):
        # "想打造 agi 时代的微软": what is named in an ambition is a model, not its topic.
        return f"{name} sets out ambitions" + (f" for {word}" if word else "")
    topic = " and ".join(about) or word
    if PREDICTION.search(said):
        return f"{name} makes a forecast" + (f" about {topic}" if topic else "")
    return f"{name} comments" + (f" on {topic}" if topic else "")
