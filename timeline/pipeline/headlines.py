"""Keys, headlines and summaries: the name a claim's happening gets in every article and
script, and the English headline and summary sentence built from its type, parties, money,
date and source.

Types and keys beyond the obvious ones (API.md's vocabulary has no type of their own for
some happenings; these are the decisions):

- a regulator's approval, rules a regulator issues, a stock market listing, a plant's
  construction, opening or production start, a clinical trial: `other`, keyed
  `other:<company>:<approval|rules|construction|opening|production|trial>:<YYYY-MM>`, and a
  listing `other:<company>:listing` (a company lists once);
- mergers and acquisitions: `acquisition`, `acquisition:<buyer or first>+<target or
  second>`, with `:agreement` when only agreed (a letter of intent, an announced deal);
- pre-orders and the start of sales: `product_launch`, pre-orders keyed `…:presale`;
- outages, cyberattacks, fines, recalls, lawsuits, data breaches: `controversy`, keyed
  `controversy:<company>:<kind>:<YYYY-MM>`; investigations and criticism by the year;
- financial figures: `financials:<company>:<EDTF period reported>` (`2024`, `2024-35`
  for Q3, `2024-40` for H1, `2024-09`), units sold included;
- funding rounds: `funding:<company>:<round name>` when written (`series-b`, `pre-a`,
  `angel`), else the year, else (undated) the amount;
- store or plant closures and job cuts: `restructuring`; exiting a business: `strategy`;
  signed deals, licensed rights: `partnership`;
- a saying is typed by what it says happened; a view, a forecast, a plan or anything said
  in an interview is a `statement`.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.pipeline.actors import alias_key, fold_text
from timeline.pipeline.context import (
    COMPANY_KINDS,
    ORGANIZATION_KINDS,
    WORK_KINDS,
    ArticleContext,
)
from timeline.pipeline.dates import DateMention, display_date
from timeline.pipeline.happenings import happening_key
from timeline.pipeline.parties import Parties, dedupe
from timeline.pipeline.triggers import (
    ADMITS,
    AGREED,
    AMOUNT_QUALIFIERS,
    ANNOUNCES,
    APPOINTED,
    CANCELS,
    COMPLETED,
    CONSTRUCTION,
    CURRENCY_CODES,
    DISBAND,
    DROPS,
    EXITS,
    FINED,
    IN_TALKS,
    INVEST,
    INVESTIGATION,
    LAB,
    LAYOFFS,
    LEAVING,
    MEASURES,
    MERGER,
    MONEY,
    MOST_VALUABLE,
    OPEN_SOURCE,
    PLACE,
    PLANT,
    PLANT_OPENED,
    PRESALE,
    PRETRAINING,
    PRICE_CUT,
    PRICE_RISE,
    QUARTERLY,
    ROUND_NAME,
    SALE,
    SCALES,
    SPIN_OFF,
    STAKE,
    TEAM,
    TRIAL_DONE,
    TRIAL_STARTED,
    TROUBLES,
    Trigger,
    words,
)


def money_phrase(folded: str) -> str | None:
    """The first amount of money in a span, in English: "USD 1 billion", "RMB 100 million"."""
    amounts = money_amounts(folded)
    return amounts[0][2] if amounts else None


def money_amounts(folded: str) -> list[tuple[int, int, str]]:
    """Every amount of money in a span: (start, end, "USD 1 billion")."""
    found = []
    for match in MONEY.finditer(folded):
        currency = match.group("cur1") or match.group("cur2")
        scale = match.group("scale")
        if not currency or not (scale or match.group("cur1")):
            continue
        value = float(match.group("num")) * SCALES.get(scale or "", 1)
        code = CURRENCY_CODES.get(currency, "RMB")
        if value >= 1e9:
            amount = f"{value / 1e9:g} billion"
        elif value >= 1e6:
            amount = f"{value / 1e6:g} million"
        else:
            amount = f"{value:,.0f}"
        about = AMOUNT_QUALIFIERS.get(match.group("about") or "", "")
        found.append((match.start(), match.end(), f"{about}{code} {amount}"))
    return found


# A share price's move and its size: "股价在开盘后暴跌38%", "股價一度下跌9%".
SHARE_MOVE = re.compile(
    r"(?:股价|股票)[^，。,;；]{0,16}?(?P<verb>暴跌|大跌|下跌|下挫|重挫|跳水|暴涨|大涨|上涨|飙升"
    r"|走高|收涨|收跌|跌|涨)(?:了|逾|超过?|近|约)?\s*(?P<change>\d[\d.]*\s*%)"
)


def _measures_named(folded: str, limit: int) -> list[str]:
    """The financial measures named before `limit`, in text order; a word inside a longer
    one ("利润" in "净利润") is not named again."""
    found = sorted(
        (match.start(), -match.end(), label)
        for pattern, label in MEASURES
        for match in pattern.finditer(folded, 0, limit)
    )
    named, reach = [], -1
    for start, negative_end, label in found:
        if start >= reach:
            named.append(label)
            reach = -negative_end
    return named


def _round_amounts(folded: str) -> tuple[str | None, str | None]:
    """(amount raised, valuation) of a funding round: the valuation is the amount written
    right before "估值" ("10亿美元估值") or right after "valuation of" / "valued at"."""
    amounts = money_amounts(folded)
    valuation = None
    for word in VALUATION.finditer(folded):
        for start, end, phrase in amounts:
            if 0 <= word.start() - end <= 2 or 0 <= start - word.end() <= 8:
                valuation = (start, phrase)
                break
        if valuation:
            break
    raised = next((p for s, _, p in amounts if not valuation or s != valuation[0]), None)
    return raised, (valuation[1] if valuation else None)


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
REPORTABLE = frozenset(
    {"acquisition", "personnel", "restructuring", "funding_plan", "release_plan"}
)


# The period part of a key that has no date: such a key names no happening of its own.
UNDATED_TAG = ":undated"


def period_tag(mention: DateMention | None, *, month: bool) -> str:
    if mention is None or mention.start is None:
        return UNDATED_TAG[1:]
    if month and mention.precision in {"day", "xun", "month"}:
        return mention.start.strftime("%Y-%m")
    return str(mention.start.year)


# Precisions that name a reporting period: a financial report's key carries the period
# itself ("2024-09", "2024-35" for Q3, "2024-40" for the first half), so a company's
# monthly, quarterly and yearly figures stay apart.
_REPORTING_PERIODS = frozenset({"month", "quarter", "half", "year", "interval"})


def reporting_period(mention: DateMention | None) -> str:
    """The EDTF period a financial figure covers, or the year of the day it was reported."""
    if mention is not None and mention.precision in _REPORTING_PERIODS and mention.edtf:
        return mention.edtf
    return period_tag(mention, month=False)


def sale_topic(folded: str) -> str | None:
    if SALE.search(folded):
        return "sale"
    if LEAVING.search(folded):
        return "departures"
    if INVEST.search(folded):
        return "investment"
    return None


@dataclass(frozen=True)
class Wording:
    """What a claim is called: its type and key, and one English clause, "subject verb…", in
    the present for the headline and in the past for the summary."""

    event_type: str
    key: str
    subject: str
    present: str
    past: str
    # "Reports", "Senior staff": a subject that is no name, lower-cased after a date.
    generic: bool = False
    # The past clause already names the date ("reported revenue … for 2024").
    period_in_words: bool = False

    @property
    def headline(self) -> str:
        return f"{self.subject} {self.present}"


def key_and_headline(
    context: ArticleContext,
    kind: str,
    trigger: Trigger,
    parties: Parties,
    folded: str,
    mention: DateMention | None,
    *,
    said: str = "",
    trigger_at: int = 0,
) -> Wording | None:
    """The wording of a claim, or None when the clause lacks what its type needs.
    `folded` is the claim's span; `trigger_at` is where the trigger starts in it."""
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

    def worded(key: str, present: str, past: str, subject: str = name, **extra) -> Wording:
        return Wording(kind, key, subject, present, past, **extra)

    if kind == "founding":
        if context.kind(principal) not in ORGANIZATION_KINDS:
            return None
        founders = [slug for slug, role in roles.items() if role == "founder"]
        if founders:
            who = names(context, founders)
            verb = "found" if len(founders) > 1 else "founds"
            return worded(f"founding:{principal}", f"{verb} {name}", f"founded {name}", who)
        return worded(f"founding:{principal}", "is founded", "was founded")
    if kind in {"model_release", "product_launch"}:
        return _release(context, parties, folded, mention, trigger_at)
    if kind == "funding":
        investors = [slug for slug, role in roles.items() if role.endswith("investor")]
        leaders = [slug for slug, role in roles.items() if role == "lead investor"]
        amount, valuation = _round_amounts(folded)
        raised = amount or "funding"
        label = _round_label(folded)
        # A company can raise twice in a year; a round's name ("B轮", "Series B") tells its
        # rounds apart in every article, else its year, else (undated) its amount.
        tail = re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")
        if not label:
            tail = period_tag(mention, month=False)
        if not label and mention is None and (amount or valuation):
            # An undated round is named by its amount: "阿里耗资 8 亿美金投资了月之暗面".
            tail = re.sub(r"[^a-z0-9]+", "-", (amount or valuation).casefold()).strip("-")
        article = "an" if label[:1] in {"a", "e", "A", "E"} else "a"
        round_ = f"{article} {label} round" if label else "a round"
        if leaders:
            rest = f" in {round_} led by {names(context, leaders[:2])}"
        elif investors and LED_ROUND.search(folded):
            rest = f" in {round_} led by {names(context, investors[:2])}"
        elif investors:
            rest = f" in {round_} from {names(context, investors[:2])}" if label else ""
            rest = rest or f" from {names(context, investors[:2])}"
        else:
            rest = f" in {round_}" if label else ""
        if valuation:
            rest += f" at a {valuation} valuation"
        key = f"funding:{principal}:{tail}"
        return worded(key, f"raises {raised}{rest}", f"raised {raised}{rest}")
    if kind == "acquisition":
        targets = [slug for slug, role in roles.items() if role == "target"]
        if not targets:
            return None
        target = context.name(targets[0])
        key = f"acquisition:{principal}+{targets[0]}"
        merger = MERGER.search(folded) is not None
        # A deal agreed (a letter of intent, an announced merger) and the deal done are two
        # happenings on a timeline; one not said to be agreed is taken as done.
        if AGREED.search(folded) and not COMPLETED.search(folded):
            if merger:
                return worded(
                    f"{key}:agreement",
                    f"agrees to merge with {target}",
                    f"agreed to merge with {target}",
                )
            return worded(
                f"{key}:agreement", f"agrees to acquire {target}", f"agreed to acquire {target}"
            )
        if merger:
            return worded(key, f"merges with {target}", f"merged with {target}")
        return worded(key, f"acquires {target}", f"acquired {target}")
    if kind == "partnership":
        partners = dedupe([principal, *others])
        # A league, a university or a ministry signs deals as a company does; a lab is
        # what a partnership sets up, not a party to it.
        partners = [slug for slug in partners if context.kind(slug) in COMPANY_KINDS] + [
            slug for slug in partners if context.kind(slug) in PARTNER_KINDS - COMPANY_KINDS
        ]
        if len(partners) < 2:
            # "百度与招商银行签署战略合作协议": one partner the gazetteer knows, dated.
            if mention is None or not partners:
                return None
            key = f"partnership:{partners[0]}:{period_tag(mention, month=True)}"
            if LAB.search(folded):
                return worded(key, "sets up a joint lab", "set up a joint lab", name)
            return worded(key, "signs a partnership", "signed a partnership", name)
        pair = names(context, partners[:2])
        labs = [slug for slug in [*others, *parties.objects] if context.kind(slug) == "lab"]
        if labs:
            # A named joint lab is the happening, whichever parent company a text names.
            lab = f"the {context.name(labs[0])}"
            return worded(f"partnership:{labs[0]}", f"set up {lab}", f"set up {lab}", pair)
        key = "partnership:" + "+".join(sorted(partners[:2]))
        if LAB.search(folded):
            return worded(key + ":lab", "set up a joint lab", "set up a joint lab", pair)
        return worded(key, "form a partnership", "formed a partnership", pair)
    if kind == "restructuring":
        units = [slug for slug in others if slug != principal]
        if SPIN_OFF.search(folded) and units:
            unit = context.name(units[0])
            key = f"restructuring:{principal}:{units[0]}"
            return worded(key, f"spins off {unit}", f"spun off {unit}")
        key = f"restructuring:{principal}:{period_tag(mention, month=False)}"
        if LAYOFFS.search(folded) and not SPIN_OFF.search(folded):
            return worded(key, "cuts jobs", "cut jobs")
        disbands = DISBAND.search(folded) and TEAM.search(folded)
        if disbands and SPIN_OFF.search(folded):
            return worded(
                key,
                "restructures, disbanding teams and spinning off units",
                "restructured, disbanding teams and spinning off units",
            )
        if disbands:
            return worded(key, "disbands teams in a restructuring", "disbanded teams")
        if SPIN_OFF.search(folded):
            return worded(
                key,
                "restructures and spins off business units",
                "restructured and spun off business units",
            )
        return worded(key, "restructures", "restructured")
    if kind == "personnel":
        # The verb that makes this claim: a clause carrying on another ("…辞任，由王海峰接任")
        # is worded by its own verb.
        verb = folded[trigger_at:]
        return _personnel(
            context, parties, folded, mention, verb, trigger.event_type == "departure"
        )
    if kind == "financials":
        if context.kind(principal) not in ORGANIZATION_KINDS | WORK_KINDS:
            return None
        # The first amount, and the measure named last before it: "net income of $42
        # million on revenue of $1.1 billion" is a net income, "接近盈利（预计收入约为1380万
        # 美元）" a revenue; with no amount, the measure named first.
        moved = SHARE_MOVE.search(folded)
        if moved is not None:
            # "股价开盘后暴跌38%": the share price's move that day, not a reported figure.
            fell = bool(re.search(r"跌|挫|跳水", moved.group("verb")))
            verb = ("falls", "fell") if fell else ("rises", "rose")
            change = moved.group("change").replace(" ", "")
            key = f"financials:{principal}:{reporting_period(mention)}:shares"
            return worded(key, f"share price {verb[0]} {change}", f"share price {verb[1]} {change}")
        amounts = money_amounts(folded)
        money = amounts[0][2] if amounts else None
        named = _measures_named(folded, amounts[0][0] if amounts else len(folded))
        measure = (named[-1] if amounts else named[0]) if named else "revenue"
        shown = mention.display if mention is not None and mention.display else ""
        what = f"{shown} {measure}".strip()
        if mention is not None and mention.precision not in _REPORTING_PERIODS:
            what = f"{period_words(mention)} {measure}".strip()
        amount = f" of {money}" if money else ""
        key = f"financials:{principal}:{reporting_period(mention)}"
        if mention is not None and mention.precision == "day":
            # "On November 20, 2024, Nvidia reported quarterly revenue…": the day it reported.
            measure = f"quarterly {measure}" if QUARTERLY.search(folded) else measure
            return worded(key, f"reports {measure}{amount}", f"reported {measure}{amount}")
        # The date is the period reported on, so the summary says it in its own words.
        period = f" for {mention.display}" if mention is not None and mention.display else ""
        past = f"reported {measure}{amount}{period}"
        return worded(key, f"reports {what}{amount}", past, period_in_words=True)
    if kind == "pricing":
        key = f"pricing:{principal}:{period_tag(mention, month=True)}"
        leaders = names(context, [principal, *others][:3])
        if LEADS.search(folded):
            return worded(key, "lead price cuts", "led price cuts", leaders)
        if "价格战" in folded or "price war" in folded:
            return worded(key, "cut prices in a price war", "cut prices in a price war", leaders)
        if PRICE_CUT.search(folded):
            return worded(key, "cuts prices", "cut prices")
        if PRICE_RISE.search(folded):
            return worded(key, "raises prices", "raised prices")
        return worded(key, "sets prices", "set prices")
    if kind == "ranking":
        return _ranking(context, parties, folded, mention)
    if kind == "controversy":
        # What it is over: a work or a company named after the verb, not the regulator.
        objects = [s for s in parties.objects if context.kind(s) != "organization"]
        about = objects[0] if objects else None
        over = f" over {context.name(about)}" if about else ""
        tail = about or period_tag(mention, month=False)
        key = f"controversy:{principal}:{tail}"
        if ADMITS.search(folded):
            return worded(key, f"admits an oversight{over}", f"admitted an oversight{over}")
        if INVESTIGATION.search(folded) and not FINED.search(folded):
            probe = (
                "an antitrust investigation"
                if re.search(r"反垄断|antitrust", folded)
                else ("an investigation")
            )
            return worded(key, f"faces {probe}", f"faced {probe}")
        for trouble, pattern, (present, past) in TROUBLES:
            if pattern.search(folded):
                key = f"controversy:{principal}:{trouble}:{period_tag(mention, month=True)}"
                return worded(key, present, past)
        return worded(key, f"faces controversy{over}", f"faced controversy{over}")
    if kind in OTHER_KINDS:
        return _other_happening(context, kind, parties, folded, mention)
    if kind == "happening":
        # No English template fits: the clause's own words, as written.
        predicate = context.text[trigger.start : trigger.end].strip(" ，,、。.;；:：\n")
        if context.language == "en":
            # "Brenlow, which was spun out of…": the aside's verb follows the name.
            predicate = re.sub(r"^(?:which|who)\s+", "", predicate)
        if not predicate:
            return None
        key = happening_key(principal, period_tag(mention, month=True), alias_key(predicate))
        if context.language == "en" and _WHOLE_CLAUSE.match(predicate):
            # "Settlement talks between Skyfield and Aerilon broke down": a clause whose
            # subject holds the name is told whole, not after the name.
            first, _space, rest = predicate.partition(" ")
            return Wording("other", key, first[:1].upper() + first[1:], rest, rest)
        return Wording("other", key, name, predicate, predicate)
    if kind in {"rumor", "denial"}:
        return _report(context, kind, underlying, parties, folded, mention, money)
    if kind == "strategy":
        if context.kind(principal) not in ORGANIZATION_KINDS:
            return None
        key = f"strategy:{principal}:{period_tag(mention, month=False)}"
        if DROPS.search(folded):
            dropped = [s for s in parties.objects if context.kind(s) in WORK_KINDS]
            if dropped:
                what = context.name(dropped[0])
                return worded(
                    f"strategy:{principal}:{dropped[0]}",
                    f"drops plans for {what}",
                    f"dropped plans for {what}",
                )
            after = folded[DROPS.search(folded).end() :]
            verbs = ("cancels", "cancelled") if CANCELS.search(folded) else ("drops", "dropped")
            thing = _thing(after)
            if thing:
                what = f"its {thing} project"
                return worded(key, f"{verbs[0]} {what}", f"{verbs[1]} {what}")
            topic = _topic_word(after)
            if topic:
                return worded(key, f"{verbs[0]} {topic}", f"{verbs[1]} {topic}")
        if EXITS.search(folded):
            thing = _business(folded[EXITS.search(folded).end() :])
            return worded(key, f"exits {thing}", f"exited {thing}")
        present, past = _direction(folded)
        return worded(key, present, past)
    if kind == "statement":
        key = f"statement:{principal}:{period_tag(mention, month=True)}"
        announced = [s for s in parties.objects if context.kind(s) in WORK_KINDS]
        if ANNOUNCES.fullmatch(folded, trigger_at, trigger_at + trigger.end - trigger.start) and (
            announced
        ):
            what = context.name(announced[0])
            if TRAINING.search(said):
                what = f"training of {what}"
            return worded(key, f"announces {what}", f"announced {what}")
        present, past = _statement_words(context, name, parties, said)
        return worded(key, present, past)
    return None


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
VALUATION = re.compile(r"估值|" + words("valuation", "valued"))
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


def summarize(
    wording: Wording,
    mention: DateMention | None,
    *,
    apposition: str = "",
    attribution: str = "",
) -> str:
    """One plain English sentence: when, who did what, per whom. "" when it would say no
    more than the headline (no date, no role, no source)."""
    if (mention is None or mention.start is None) and not (apposition or attribution):
        return ""
    subject = wording.subject + (f", {apposition}," if apposition else "")
    sentence = f"{subject} {wording.past}"
    when = "" if wording.period_in_words else date_phrase(mention)
    if when:
        opening = sentence[0].lower() + sentence[1:] if wording.generic else sentence
        sentence = f"{when}, {opening}"
    if attribution:
        sentence += f", according to {attribution}"
    return sentence + "."


def date_phrase(mention: DateMention | None) -> str:
    """ "In May 2024", "On 6 January 2025", "Around December 2024", "By 8 January 2025"."""
    if mention is None or mention.start is None or mention.end is None:
        return ""
    shown = display_date(mention.start, mention.end, mention.precision, None)
    if mention.qualifier == "approx":
        return f"Around {shown}"
    if mention.qualifier == "before":
        return f"By {shown}"
    if mention.qualifier == "after":
        return f"After {shown}"
    if mention.precision == "day" and mention.start == mention.end:
        return f"On {shown}"
    return f"In {shown}"


def _topic_word(folded: str) -> str:
    return next((label for pattern, label in STATEMENT_TOPICS if pattern.search(folded)), "")


def _thing(folded: str) -> str:
    """The kind of thing some words name, as a bare noun: "电动车项目" → "car"."""
    label = next((label for pattern, _, label in RELEASED_THINGS if pattern.search(folded)), "")
    return re.sub(r"^(?:a new |an |a )", "", label)
