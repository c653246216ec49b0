"""Parties: who a claim is about and in what role, from the actors named around its verb.

The principal (the founder's company, the model released, the company raising), the others
with roles (investor, acquirer, target, employer, partner), the objects named after the
verb, and the version a family name carries ("Qwen2.5").
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from timeline.pipeline.actors import ActorMention, find_roles
from timeline.pipeline.context import (
    COMPANY_KINDS,
    ORGANIZATION_KINDS,
    WORK_KINDS,
    ArticleContext,
)
from timeline.pipeline.cues import (
    ACQUIRE_VERB,
    ANAPHOR,
    APPOINTS,
    BY_AGENT,
    DOCUMENT,
    FIRST_PERSON,
    FOUNDED_BY,
    FUNDED,
    INVESTOR_AFTER,
    INVESTOR_BEFORE,
    INVESTS_IN,
    JOINS,
    LEADS_ROUND,
    LIST_JOIN,
    MERGER,
    OBJECT_OF,
    PASSIVE,
    PASSIVE_BUY,
    PLACE_CHAIN,
    SELLS,
    SUBSIDIARY,
    UPGRADE_OR_SALE,
)
from timeline.pipeline.nouns import DESCRIPTOR_RUN
from timeline.pipeline.subjects import IN_A_PLACE
from timeline.pipeline.triggers import Trigger

# Happenings a product or model can be the subject of, when no company is named.
WORK_SUBJECT_KINDS = frozenset({"controversy", "approval", "trial", "financials"})

# A name used as a yardstick is no party: "打造AGI时代的微软", "成为中国的OpenAI",
# "build the Microsoft of the AGI era".
_LIKENED_ZH = re.compile(r"(?:打造|成为|做|当|变成)[^，。,;；:：]{0,12}的\s*$")
_LIKENED_EN = re.compile(r"\b(?:become|becoming|build|building|be)\s+(?:the|a|an)\s+$")
_OF_AFTER = re.compile(r"\s+of\b")
# A name that only says where people or a company come from: "清华系大模型公司",
# "阿里系创业者" (but 系统, 系列 are words of their own).
_AFFILIATION = re.compile(r"系(?![统列数])")


# A name right after a preposition is a place, a target or an agent, not a subject.
_NOT_SUBJECT_BEFORE = re.compile(r"[在于向对与和跟被由从给把将经获遭受让]$")


def is_yardstick(context: ArticleContext, mention: ActorMention) -> bool:
    """True when the clause names the actor only as a comparison or an affiliation."""
    folded, start, end = context.folded, mention.char_start, mention.char_end
    if _LIKENED_ZH.search(folded, max(0, start - 20), start):
        return True
    if _LIKENED_EN.search(folded, max(0, start - 20), start) and _OF_AFTER.match(folded, end):
        return True
    return bool(_AFFILIATION.match(folded, end))


def dedupe(slugs: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for slug in slugs:
        if slug not in seen:
            seen.append(slug)
    return seen


def specific_works(context: ArticleContext, slugs: Sequence[str]) -> list[str]:
    """Models and products, with a family dropped when a member is named ("Yi" for "Yi-34B")."""
    works = [slug for slug in slugs if context.kind(slug) in WORK_KINDS]
    return [
        slug
        for slug in works
        if not any(other != slug and other.startswith(slug + "-") for other in works)
    ]


@dataclass
class Parties:
    principal: str | None
    others: list[str]
    roles: dict[str, str]
    objects: list[str] = field(default_factory=list)
    buyer: str | None = None
    target: str | None = None
    versions: dict[str, str] = field(default_factory=dict)
    # The words after a release verb when the work released is not a gazetteer actor.
    unnamed: str = ""


def find_parties(
    context: ArticleContext,
    kind: str,
    trigger: Trigger,
    span_actors: list[ActorMention],
    fallback: str | None,
    trailing: Sequence[ActorMention] = (),
    span: tuple[int, int] | None = None,
    *,
    focus: ActorMention | None = None,
) -> Parties:
    # "百度旗下的度小满": a parent named before the company the clause is about is no party
    # to what that company does; it is kept as the parent.
    parents = dedupe(
        [
            m.slug
            for m in span_actors
            if SUBSIDIARY.match(context.folded, m.char_end)
            and not any(o.char_start - m.char_end in range(0, 6) for o in span_actors if o is not m)
        ]
    )
    span_actors = [m for m in span_actors if m.slug not in parents and not is_yardstick(context, m)]
    slugs = dedupe([mention.slug for mention in span_actors])
    kinds = {slug: context.kind(slug) for slug in slugs}
    orgs = [slug for slug in slugs if kinds[slug] in ORGANIZATION_KINDS]
    companies = [slug for slug in orgs if kinds[slug] in COMPANY_KINDS]
    people = [slug for slug in slugs if kinds[slug] == "person"]
    works = specific_works(context, slugs)
    before = [m.slug for m in span_actors if m.char_end <= trigger.start]
    after = [m.slug for m in span_actors if m.char_start >= trigger.end]
    roles: dict[str, str] = {}
    stated = clause_roles(context, span_actors)
    # A person the clause gives no title is its subject if the principal, else mentioned.
    roles.update((person, stated[person]) for person in people if person in stated)

    def org_or_fallback(candidates: list[str]) -> str | None:
        return candidates[0] if candidates else fallback

    principal: str | None
    unnamed = ""
    if kind == "founding":
        # "2023 年创立的零一万物" / "01.AI was founded": the organization nearest the verb;
        # in "饱了么由前美团高管周宁创办", the one before the agent's 由.
        after_orgs = [slug for slug in after if slug in orgs]
        agent = FOUNDED_BY.search(context.folded, max(0, trigger.start - 24), trigger.start)
        limit = agent.start() if agent else trigger.start
        before_orgs = [m.slug for m in span_actors if m.char_end <= limit and m.slug in orgs]
        principal = (after_orgs or before_orgs[-1:] or [fallback])[0]
        for person in people:
            roles[person] = "founder"
    elif kind in {"model_release", "product_launch"}:
        principal = focus.slug if focus else (works[0] if works else None)
        # The developer is the subject before the verb ("阿里云发布…", "由阿里云发布"), one
        # named after it as agent ("released by Alibaba"), or the company the sentence is
        # about; a company merely compared with after the verb is none.
        placed = {
            m.slug
            for m in span_actors
            if IN_A_PLACE.search(context.folded, max(0, m.char_start - 9), m.char_start)
        }
        subjects = [slug for slug in before if slug in companies and slug not in placed]
        # A lab or a university releases models too, when no company is named before.
        subjects = subjects or [slug for slug in before if kinds[slug] in {"lab", "organization"}]
        agents = [
            m.slug
            for m in span_actors
            if m.slug in companies
            and m.char_start >= trigger.end
            and BY_AGENT.search(context.folded, max(trigger.end, m.char_start - 6), m.char_start)
        ]
        developer = (subjects[-1:] or agents[:1] or ([fallback] if fallback else [None]))[0]
        if developer is None and companies:
            developer = companies[0]
        if developer:
            roles[developer] = "developer"
        if principal is None and developer and span is not None:
            # "快手推出视频生成模型可灵": a work the gazetteer does not know, released by a
            # known company; the company carries the claim and the words name the work.
            unnamed = context.text[trigger.end : span[1]]
            if UPGRADE_OR_SALE.search(context.folded, trigger.start, trigger.end):
                # "可灵基础模型全面升级", "新款刻蚀机开启预售": what was upgraded or put on sale
                # is named before the verb.
                unnamed = context.text[span[0] : trigger.start]
            principal = developer
    elif kind == "funding":
        # The company raising is the one named last before the round itself ("融资", "估值",
        # "raised") that the words around it do not make an investor.
        funded = FUNDED.search(context.folded, trigger.start, span[1] if span else trigger.end)
        limit = funded.start() if funded else trigger.end
        # "英伟达参与了晶泰科技的新一轮融资", "由腾讯领投", "led by Alibaba": who joins or
        # leads a round invests in it; the one raising is another company, or the claim's
        # subject when the clause names none.
        investors = round_investors(context, [m for m in span_actors if m.slug in companies])
        for slug, leads in investors.items():
            roles[slug] = "lead investor" if leads else "investor"
        raising = [m for m in span_actors if m.slug in companies and m.slug not in investors]
        marker = [m for m in raising if m.char_end <= limit]
        principal = (marker[-1:] or raising[:1])[0].slug if raising else fallback
        invested_in = [m.slug for m in span_actors if m.slug in companies and m.slug in after]
        # "阿里投资了 Kimi 的母公司": with no company after the verb, the work named there
        # stands for the one raising.
        invested_in = invested_in or [slug for slug in after if slug in works]
        if INVESTS_IN.fullmatch(context.folded, trigger.start, trigger.end) and invested_in:
            # "阿里…投资了月之暗面", "Tencent invested in MiniMax": the company after the
            # verb raises; the one before invests.
            principal = invested_in[0]
        for slug in companies:
            if slug != principal:
                roles.setdefault(slug, "investor")
        roles.pop(principal, None)
    elif kind == "acquisition":
        principal, target = sale_parties(context, span_actors, trigger.start, trigger.end, fallback)
        if principal:
            roles[principal] = "acquirer"
        if target and target != principal:
            roles[target] = "target"
    elif kind == "partnership":
        # A university, a foundation or a city signs too, when no company is named.
        principal = org_or_fallback(companies or [slug for slug in before if slug in orgs])
        for slug in [*companies, *([fallback] if fallback else []), principal]:
            if slug:
                roles[slug] = "partner"
        for slug in orgs:
            if kinds[slug] == "lab":
                roles[slug] = "subject"
    elif kind == "personnel":
        principal = focus.slug if focus else mover(context, span_actors, trigger)
        principal = principal or org_or_fallback(companies)
        # "joined ByteDance": a company named after the joining verb is the new employer;
        # other companies are the one left or the one hiring. "出走加入豆包": a product
        # joined is the team the person went to, not an employer.
        joins = JOINS.search(context.folded, span[0], span[1]) if span else None
        for mention in span_actors:
            if (
                joins
                and mention.char_start >= joins.end()
                and mention.slug != principal
                and kinds[mention.slug] in COMPANY_KINDS | {"product"}
            ):
                joined = "new employer" if kinds[mention.slug] in COMPANY_KINDS else "new team"
                roles.setdefault(mention.slug, joined)
        for slug in companies:
            roles.setdefault(slug, "employer")
        if fallback and fallback not in roles and people:
            roles[fallback] = "employer"
    elif kind == "statement":
        # The speaker nearest the verb: a person, else a company, else the company an
        # anaphor right before the verb stands for ("公司表示").
        speakers = [slug for slug in before if kinds[slug] == "person"][-1:]
        speakers += [slug for slug in before if slug in companies][-1:]
        # A regulator, a ministry or an institute speaks too.
        speakers += [slug for slug in before if kinds[slug] in {"organization", "lab"}][-1:]
        if not speakers and fallback and span is not None:
            lead = context.folded[max(span[0], trigger.start - 6) : trigger.start]
            if ANAPHOR.search(lead) or FIRST_PERSON.search(lead):
                speakers = [fallback]
        if not speakers and DOCUMENT.fullmatch(context.folded, trigger.start, trigger.end):
            # "今年五月…不参与价格战的通稿": a statement in writing, by the company the
            # article is about when it names no other.
            speakers = [slug for slug in [fallback or context.main_company] if slug]
        principal = speakers[0] if speakers else None
    elif kind == "rules":
        # Rules are issued by a regulator or a ministry, named before the verb if anywhere.
        issuers = [slug for slug in before if kinds[slug] == "organization"]
        issuers = issuers or [slug for slug in orgs if kinds[slug] == "organization"]
        principal = issuers[-1] if issuers else fallback
    elif kind in {"ranking", "pricing"}:
        principal = (works or companies or [fallback])[0]
    else:
        subjects = [slug for slug in before if slug in companies]
        if kind == "denial":
            # Who denies is who speaks: "李开复…辟谣", "李开复说:“我们没有寻求被收购”".
            subjects = [slug for slug in before if kinds[slug] == "person"][-1:] + subjects
        # "美国商务部对…展开反倾销调查": with no company named, a regulator or a court
        # standing as the subject before the verb is what the clause tells of.
        bodies = [
            m.slug
            for m in span_actors
            if m.char_end <= trigger.start
            and m.slug in orgs
            and not _NOT_SUBJECT_BEFORE.search(
                context.folded, max(0, m.char_start - 1), m.char_start
            )
        ]
        opener = clause_opener(context, span_actors, span, trigger)
        # A person or a thing opening the clause is its subject; a body opening it is, unless
        # it acts on a company ("工信部批准华讯通信…": what befalls the company). A parent
        # named after its subsidiary ("青禾食品的母公司华岳集团…") is the subject too.
        related = opener is not None and any(
            _RELATED_AFTER.fullmatch(context.folded, m.char_end, o.char_start)
            for m in span_actors
            for o in span_actors
            if o.slug == opener
        )
        body_opener = opener and kinds.get(opener) in ORGANIZATION_KINDS and not related
        candidates = (
            ([opener] if opener and not body_opener else [])
            or subjects
            or ([opener] if body_opener and not companies else [])
            or ([fallback] if fallback else [])
            or companies
            or bodies[:1]
        )
        if not candidates and parents and kind in WORK_SUBJECT_KINDS:
            # "雅丰旗下保养品牌「水漾」…遭罚锾": what befalls a brand befalls its owner.
            candidates = parents[:1]
        if not candidates and works and kind in WORK_SUBJECT_KINDS:
            # "PitchPass suffered an outage", "该药获批上市": a product is what the
            # happening is about; the company the article is about is taken as its owner.
            candidates = works
            if context.main_company and context.main_company not in slugs:
                roles[context.main_company] = "owner"
        if not candidates and kind == "controversy":
            # "美国商务部对台湾自行车零件展开反倾销调查": with no company named, the body
            # that acts is what the happening is about.
            candidates = [slug for slug in before if kinds[slug] == "organization"][-1:]
        principal = candidates[0] if candidates else (people[0] if people else None)
    for slug in parents:
        roles.setdefault(slug, "parent")
    if principal and principal not in roles:
        roles[principal] = "subject"
    if fallback and fallback not in roles and fallback == principal:
        roles[fallback] = "subject"
    others = [slug for slug in slugs if slug != principal]
    for slug in others:
        roles.setdefault(slug, "mentioned" if kinds[slug] not in ORGANIZATION_KINDS else "party")
    # What the happening is about: named after the verb, else later in the sentence.
    objects = dedupe(
        [
            m.slug
            for m in [*[m for m in span_actors if m.char_start >= trigger.end], *trailing]
            if m.slug != principal and context.kind(m.slug) != "person"
        ]
    )
    buyer = target = None
    if span is not None:
        sale = ACQUIRE_VERB.search(context.folded, span[0], span[1])
        if sale:
            buyer, target = sale_parties(
                context, span_actors, sale.start(), sale.end(), fallback or context.main_company
            )
    for slug, role in ((buyer, "acquirer"), (target, "target")):
        if slug and slug != principal:
            roles.setdefault(slug, role)
            if slug not in others:
                others.append(slug)
    versions = {m.slug: version_after(context, m) for m in span_actors if m.slug in works}
    if focus is not None:
        versions[focus.slug] = version_after(context, focus)
    return Parties(
        principal,
        others,
        roles,
        objects,
        buyer,
        target,
        {k: v for k, v in versions.items() if v},
        unnamed,
    )


# What may stand before a clause's subject: a date or a time of day, an opener, a comma.
_BEFORE_SUBJECT = re.compile(
    r"(?:[\s，,、：:]|[0-9０-９]+|[年月日号時时分上下中午晚早凌晨今昨本前该週周星期]|"
    # "约200名", "数百名": how many of a group.
    r"(?:约|近|逾|超过|数|几)?[0-9,万千百十两一二三四五六七八九]+余?多?[名位]|"
    # "最后一批", "首批": which batch of a group.
    r"(?:最后|首|第[一二三四五六七八九十])?一?批|"
    r"那么?|而|但是?|不过|此外|另外|同时|其中|据悉|事实上|随后|之后)*"
)


# What stands between a company and the one named for how it stands to it: "的母公司".
_RELATED_AFTER = re.compile(
    r"\s*的\s*(?:母公司|子公司|控股股东|大股东|运营方|运营商|营运商|开发商|经营方|所属公司)\s*"
)


def clause_opener(
    context: ArticleContext,
    span_actors: Sequence[ActorMention],
    span: tuple[int, int] | None,
    trigger: Trigger,
) -> str | None:
    """The actor a Chinese clause opens on, before its verb: "船长柯德伦于13日决定…",
    "10月5日，龙洞村发生…". A clause's own subject is what it tells of, whatever a sentence before
    was about; only a date, an opener or a title ("船长", "运营方") may stand before it."""
    if span is None or context.language == "en":
        return None
    for mention in sorted(span_actors, key=lambda m: m.char_start):
        if mention.char_end > trigger.start or mention.char_start < span[0]:
            continue
        mention = context.smallest_place(mention, trigger.start)
        lead = DESCRIPTOR_RUN.sub("", context.folded[span[0] : mention.char_start])
        lead = PLACE_CHAIN.sub("", lead)  # "四川省雅河县(龙洞村)": where it lies
        related = [
            other
            for other in span_actors
            if other.char_end <= trigger.start
            and _RELATED_AFTER.fullmatch(context.folded, mention.char_end, other.char_start)
        ]
        if related:
            mention = related[0]  # "青禾食品的母公司华岳集团…": the parent is the subject
        elif "的" in context.folded[mention.char_end : trigger.start]:
            return None  # "李开复领导下的零一万物…": a name that qualifies the subject
        if _BEFORE_SUBJECT.fullmatch(lead) and not is_yardstick(context, mention):
            return mention.slug
        return None
    return None


def clause_roles(context: ArticleContext, span_actors: Sequence[ActorMention]) -> dict[str, str]:
    """The titles the clause itself states next to the people it names ("前预训练负责人黄文
    灏"), not those the article gives them elsewhere: a title said of someone in one
    paragraph is no role in another's happening."""
    # Mentions standing in for a referring word, or lent by another sentence, carry no
    # words of their own.
    named = [
        m
        for m in span_actors
        if context.kind(m.slug) == "person"
        and m.char_end > m.char_start
        and context.text[m.char_start : m.char_end] == m.text
    ]
    if not named:
        return {}
    # Roles are read at most 40 characters before a name and in the phrase after it.
    start = max(0, min(m.char_start for m in named) - 40)
    end = min(len(context.text), max(m.char_end for m in named) + 80)
    shifted = [
        replace(m, char_start=m.char_start - start, char_end=m.char_end - start) for m in named
    ]
    return find_roles(context.text[start:end], shifted)


_VERSION_TAIL = re.compile(r"[\s\-]?(v?\d+(?:\.\d+)*(?:[a-z](?![a-z]))?)")


def mover(
    context: ArticleContext, span_actors: Sequence[ActorMention], trigger: Trigger
) -> str | None:
    """The person a personnel clause is about: the one appointed after an active appointing
    verb ("华芯装备任命李娜为…"), else the one named nearest before the verb ("由陈淑芬之女
    林佳颖接任"), else the first one named."""
    people = [m for m in span_actors if context.kind(m.slug) == "person"]
    before = [m for m in people if m.char_end <= trigger.start]
    after = [m for m in people if m.char_start >= trigger.end]
    if (
        after
        and APPOINTS.fullmatch(context.folded, trigger.start, trigger.end)
        and not PASSIVE.search(context.folded, max(0, trigger.start - 12), trigger.start)
    ):
        return after[0].slug
    if before:
        return before[-1].slug
    return people[0].slug if people else None


# "阿里云不仅是零一万物…融资的领投机构", "Alibaba was the lead investor in…": a company
# said to be a round's lead, within its clause.
_IS_LEAD = re.compile(
    r"\s*(?:不仅|也|还|则)?(?:是|为|作为)[^，。,;；:：]{0,30}?领投(?:机构|方|者|人)|"
    r"\s+(?:is|was)\s+(?:also\s+)?(?:the\s+)?(?:co-)?lead investor\b"
)


def round_investors(context: ArticleContext, mentions: Sequence[ActorMention]) -> dict[str, bool]:
    """The companies a funding clause names as investors, in text order, each with whether
    it leads the round: marked by the words around their names, or listed next to one that
    is ("阿里、腾讯参与投资", "led by Alibaba and Tencent")."""
    folded = context.folded
    marks: list[str | None] = []
    for mention in mentions:
        after = INVESTOR_AFTER.match(folded, mention.char_end)
        before = INVESTOR_BEFORE.search(folded, max(0, mention.char_start - 24), mention.char_start)
        if after:
            marks.append("lead" if LEADS_ROUND.search(after.group()) else "joins")
        elif before:
            marks.append("lead" if LEADS_ROUND.search(before.group()) else "joins")
        elif _IS_LEAD.match(folded, mention.char_end):
            marks.append("lead")
        else:
            marks.append(None)
    for order in (range(len(mentions) - 2, -1, -1), range(1, len(mentions))):
        for index in order:
            neighbour = index + 1 if order.step < 0 else index - 1
            left, right = sorted((mentions[index], mentions[neighbour]), key=lambda m: m.char_start)
            if (
                marks[index] is None
                and marks[neighbour]
                and LIST_JOIN.fullmatch(folded, left.char_end, right.char_start)
            ):
                marks[index] = marks[neighbour]
    investors: dict[str, bool] = {}
    for mention, mark in zip(mentions, marks, strict=True):
        if mark:
            investors[mention.slug] = investors.get(mention.slug, False) or mark == "lead"
    return investors


def version_after(context: ArticleContext, mention: ActorMention) -> str:
    """A version written onto a family name the gazetteer knows: "Qwen2.5" → "2.5",
    "通义千问7B" → "7b"; a name the gazetteer knows in full ("Yi-34B") has none."""
    surface = context.folded[mention.char_start : mention.char_end]
    own = re.search(r"\d+(?:\.\d+)*$", surface)
    if own and own.group() in mention.slug:
        own = None
    tail = _VERSION_TAIL.match(context.folded, mention.char_end)
    digits = (own.group() if own else "") + (tail.group(1) if tail else "")
    return digits if any(c.isdigit() for c in digits) else ""


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?$")
# "acquired by rival carrier X", "bought by the private equity firm X": a description
# may stand between "by" and the buyer.
_BY_AGENT = re.compile(
    r"\s+(?:[a-z]+\s+){0,3}?by\s+(?:(?:the|a|an|its|their)\s+)?(?:[a-z-]+\s+){0,3}"
)


def sale_parties(
    context: ArticleContext,
    span_actors: Sequence[ActorMention],
    start: int,
    end: int,
    fallback: str | None,
) -> tuple[str | None, str | None]:
    """(buyer, target) around a sale verb at [start, end): "X 收购 Y", "X 出售给 Y",
    "被 X 收购", "acquired by X"."""
    companies = [m for m in span_actors if context.kind(m.slug) in COMPANY_KINDS]
    before = [m for m in companies if m.char_end <= start]
    after = [m for m in companies if m.char_start >= end]
    verb = context.folded[start:end]
    if context.folded[start - 1 : start] == "被" and not any(
        m.char_start >= start - 1 - 12 for m in before
    ):
        # "被收购" with no agent: the one sold is the subject.
        return None, (before[-1].slug if before else fallback)
    if SELLS.search(verb):
        seller = before[-1].slug if before else fallback
        return (after[0].slug if after else None), seller
    if (
        after
        and _PASSIVE_BEFORE.search(context.folded, max(0, start - 16), start)
        and _BY_AGENT.fullmatch(context.folded, end, after[0].char_start)
    ):
        # "Kellan Motors was acquired by Vesta Group": the agent after "by" buys.
        return after[0].slug, (before[-1].slug if before else fallback)
    object_of = OBJECT_OF.search(context.folded, max(0, start - 28), start)
    if object_of:
        # "饱了么完成对鲜到家的收购": the one named between 对 and 的 is bought.
        bought = [m for m in before if m.char_start >= object_of.start()]
        buyers = [m for m in before if m.char_end <= object_of.start()]
        if bought:
            return (buyers[-1].slug if buyers else fallback), bought[0].slug
    passive_from = start - 14
    passive = [m for m in before if m.char_start >= passive_from]
    if passive and PASSIVE_BUY.search(context.folded[passive_from : passive[0].char_start]):
        earlier = [m for m in before if m.char_start < passive[0].char_start - 1]
        target = earlier[-1].slug if earlier else fallback
        return passive[0].slug, target
    if not before and not after:
        return None, fallback
    # "A and B completed their merger", "A与B合并", "衣恋与森之语达成收购协议", "the merger of A
    # and B": two parties on one side of the verb deal with each other.
    if len(before) >= 2 and not after and before[-1].slug != before[-2].slug:
        return before[-2].slug, before[-1].slug
    if (
        len(after) >= 2
        and not before
        and (MERGER.fullmatch(verb) or MERGER.search(context.folded, end, end + 12))
    ):
        return after[0].slug, after[1].slug
    buyer = before[0].slug if before else fallback
    target = after[0].slug if after else None
    return buyer, target
