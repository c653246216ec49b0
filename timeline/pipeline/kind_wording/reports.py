"""Headlines of reports and denials: what reports say about a company (a sale, an
investment, departures, a launch), and what a company denies.
"""

import re

from timeline.pipeline.context import COMPANY_KINDS, ORGANIZATION_KINDS, ArticleContext
from timeline.pipeline.cues import IN_TALKS, PRETRAINING, STAKE, TEAM
from timeline.pipeline.dates import DateMention
from timeline.pipeline.kind_wording.releases import thing_named
from timeline.pipeline.parties import Parties
from timeline.pipeline.periods import period_tag
from timeline.pipeline.wording import Wording, sale_topic


def report_wording(
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
        thing = thing_named(folded) or "product"
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
