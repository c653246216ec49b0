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

from timeline.pipeline.actors import alias_key
from timeline.pipeline.context import (
    COMPANY_KINDS,
    ORGANIZATION_KINDS,
    WORK_KINDS,
    ArticleContext,
)
from timeline.pipeline.cues import (
    ADMITS,
    AGREED,
    ANNOUNCES,
    CANCELS,
    COMPLETED,
    DISBAND,
    DROPS,
    EXITS,
    FINED,
    INVESTIGATION,
    LAB,
    LAYOFFS,
    MERGER,
    PRICE_CUT,
    PRICE_RISE,
    QUARTERLY,
    SPIN_OFF,
    TEAM,
    TROUBLES,
)
from timeline.pipeline.dates import DateMention
from timeline.pipeline.happenings import happening_key
from timeline.pipeline.kind_wording.funding import LED_ROUND, round_label
from timeline.pipeline.kind_wording.other import OTHER_KINDS, other_wording
from timeline.pipeline.kind_wording.personnel import personnel_wording
from timeline.pipeline.kind_wording.rankings import ranking_wording
from timeline.pipeline.kind_wording.releases import release_wording, thing_named
from timeline.pipeline.kind_wording.reports import report_wording
from timeline.pipeline.kind_wording.statements import TRAINING, statement_words, topic_word
from timeline.pipeline.kind_wording.strategy import direction, exited_business
from timeline.pipeline.money import (
    SHARE_MOVE,
    measures_named,
    money_amounts,
    money_phrase,
    round_amounts,
)
from timeline.pipeline.parties import Parties, dedupe
from timeline.pipeline.periods import (
    REPORTABLE,
    REPORTING_PERIODS,
    date_phrase,
    period_tag,
    period_words,
    reporting_period,
)
from timeline.pipeline.triggers import Trigger, words
from timeline.pipeline.wording import Wording, names

# Parties a partnership is signed by besides companies: a league, a university, a ministry.
PARTNER_KINDS = frozenset({"company", "investor", "organization"})

# Companies that lead a round of price cuts.
LEADS = re.compile(r"带头|率先|发起|领跑|" + words("led", "leads", "started", "kicked off"))

# A predicate that opens on a subject of its own rather than a verb: a capital or a
# determiner ("Settlement talks…", "Its recording…", "A tunnel section…").
_WHOLE_CLAUSE = re.compile(r"[A-Z]|(?:the|a|an|its|his|her|their)\b")


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
        return release_wording(context, parties, folded, mention, trigger_at)
    if kind == "funding":
        investors = [slug for slug, role in roles.items() if role.endswith("investor")]
        leaders = [slug for slug, role in roles.items() if role == "lead investor"]
        amount, valuation = round_amounts(folded)
        raised = amount or "funding"
        label = round_label(folded)
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
        return personnel_wording(
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
        named = measures_named(folded, amounts[0][0] if amounts else len(folded))
        measure = (named[-1] if amounts else named[0]) if named else "revenue"
        shown = mention.display if mention is not None and mention.display else ""
        what = f"{shown} {measure}".strip()
        if mention is not None and mention.precision not in REPORTING_PERIODS:
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
        return ranking_wording(context, parties, folded, mention)
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
        return other_wording(context, kind, parties, folded, mention)
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
        return report_wording(context, kind, underlying, parties, folded, mention, money)
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
            thing = thing_named(after)
            if thing:
                what = f"its {thing} project"
                return worded(key, f"{verbs[0]} {what}", f"{verbs[1]} {what}")
            topic = topic_word(after)
            if topic:
                return worded(key, f"{verbs[0]} {topic}", f"{verbs[1]} {topic}")
        if EXITS.search(folded):
            thing = exited_business(folded[EXITS.search(folded).end() :])
            return worded(key, f"exits {thing}", f"exited {thing}")
        present, past = direction(folded)
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
        present, past = statement_words(context, name, parties, said)
        return worded(key, present, past)
    return None


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
