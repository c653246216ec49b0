"""Referring expressions: "该公司", "該局", "实验室", "the company", "the regulator" read as the
actor they stand for, the latest one of the matching kind named before them.

A claim whose subject is only referred to ("该局10月对华讯通信处以罚款", "In July 2024, the
company raised $450 million") gets that actor at the referring words' place, so its parties
are read as if the name were written there. Plain Python.
"""

import re
from bisect import bisect_left

from timeline.pipeline.actors import ActorMention
from timeline.pipeline.context import COMPANY_KINDS, ArticleContext
from timeline.pipeline.triggers import OPENERS

# Clause boundaries a subject follows.
_BOUNDARY = "，。,;；:：!?！？\n"
_AT_CLAUSE_START = rf"(?<![^{_BOUNDARY}])\s*"

# The kinds each referring expression may stand for, most specific first.
REFERRING = (
    (
        re.compile(
            r"(?:该|这家|此|本)(?:公司|集团|企业|银行|航司|航空公司|保险公司|厂商|车企|平台)|该行"
            rf"|{_AT_CLAUSE_START}公司(?![的之]?(?:股|债|名|法))"
            r"|\bthe (?:company|firm|group|bank|lender|insurer|airline|carrier|operator|retailer"
            r"|automaker|carmaker|chipmaker|chip maker|studio|start-?up|maker|manufacturer"
            r"|streamer|broadcaster|utility|telecom|developer|publisher|brand)\b"
        ),
        COMPANY_KINDS,
    ),
    (
        re.compile(
            r"(?:该|这个|此)实验室|该研究所|该研究院|该中心"
            rf"|{_AT_CLAUSE_START}实验室"
            r"|\bthe (?:lab|laboratory|institute|research cent(?:er|re))\b"
        ),
        frozenset({"lab", "organization"}),
    ),
    (
        re.compile(
            r"该局|该署|该会|该委|该部|该厅|该所|该机构|该部门|监管机构|监管部门|该监管机构"
            r"|\bthe (?:regulator|authority|agency|ministry|commission|administration|watchdog"
            r"|bureau|department|exchange|university|league|government)\b"
        ),
        frozenset({"organization"}),
    ),
)

# How far back a referring expression looks for what it stands for.
_LOOKBACK = 2000
_THE = re.compile(r"^(?:the|a|an)\s+")


def referred_actors(
    context: ArticleContext, start: int, end: int, topic: str | None = None
) -> list[ActorMention]:
    """An actor mention for each referring expression in [start, end) that names no actor
    itself, standing for the latest actor of its kind before it: the one that was a
    clause's subject, else any; a company may also be the paragraph's `topic` or the
    company the article is about."""
    found = []
    named = context.actors_in(max(0, start - 8), end + 8)
    for pattern, kinds in REFERRING:
        for match in pattern.finditer(context.folded, start, end):
            at, until = match.end() - len(match.group().lstrip()), match.end()
            if any(m.char_start < until and at < m.char_end for m in named):
                continue
            slug = _antecedent(context, at, kinds, topic)
            if slug is not None:
                found.append(ActorMention(slug, context.text[at:until], at, until))
    return sorted(found, key=lambda mention: mention.char_start)


def _antecedent(
    context: ArticleContext, position: int, kinds: frozenset[str], topic: str | None
) -> str | None:
    if topic is not None and context.kind(topic) in kinds:
        return topic
    index = bisect_left(context._actor_starts, position) - 1
    anywhere = None
    while index >= 0 and context.actors[index].char_start >= position - _LOOKBACK:
        mention = context.actors[index]
        index -= 1
        if context.kind(mention.slug) not in kinds:
            continue
        if _leads_its_clause(context, mention):
            return mention.slug
        anywhere = anywhere or mention.slug
    if anywhere is None and kinds & COMPANY_KINDS:
        return context.main_company
    return anywhere


def _leads_its_clause(context: ArticleContext, mention: ActorMention) -> bool:
    """True when only an opener, a date or an article stands before the name in its clause."""
    folded = context.folded
    floor = max(0, mention.char_start - 40)
    clause_start = floor
    for position in range(mention.char_start - 1, floor - 1, -1):
        if folded[position] in _BOUNDARY:
            clause_start = position + 1
            break
    else:
        if floor > 0:
            return False
    lead = folded[clause_start : mention.char_start]
    for date in context.dates_in(clause_start, mention.char_start):
        lead = lead.replace(folded[date.char_start : date.char_end], "")
    lead = _THE.sub("", OPENERS.sub("", lead.strip(), count=1).strip())
    return len(lead.strip()) <= 1
