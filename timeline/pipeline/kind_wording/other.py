"""Headlines of happenings the API types `other`: a regulator's approval or rules, a stock
market listing, a plant's construction, opening or production start, a clinical trial.
"""

import re

from timeline.pipeline.context import COMPANY_KINDS, ORGANIZATION_KINDS, WORK_KINDS, ArticleContext
from timeline.pipeline.cues import (
    CONSTRUCTION,
    MERGER,
    PLANT,
    PLANT_OPENED,
    TRIAL_DONE,
    TRIAL_STARTED,
)
from timeline.pipeline.dates import DateMention
from timeline.pipeline.parties import Parties
from timeline.pipeline.periods import period_tag
from timeline.pipeline.wording import Wording

# Happenings the API has no type of their own for: a regulator's approval or rules, a stock
# market listing, a plant's construction, opening or production start, a clinical trial.
OTHER_KINDS = frozenset({"approval", "listing", "production", "trial", "rules"})


def other_wording(
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
