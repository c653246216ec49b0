"""Headlines of personnel moves: who leaves, joins or is appointed to which title."""

import re

from timeline.pipeline.context import ArticleContext
from timeline.pipeline.cues import APPOINTED, LEAVING
from timeline.pipeline.dates import DateMention
from timeline.pipeline.parties import Parties
from timeline.pipeline.periods import period_tag
from timeline.pipeline.wording import Wording, names

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


def personnel_wording(
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
