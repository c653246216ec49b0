"""Event claims: a dated clause of a news article read as one typed, keyed happening.

Trigger vocabularies (English and Chinese, compared in folded simplified script) give each
clause an event type; the actors around it give its principal parties; the two give a key
that names the happening the same way in every article and script. Plain Python.
"""

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline.pipeline.actors import ActorMatcher, ActorMention
from timeline.pipeline.dates import DateMention, ReferenceDate
from timeline.pipeline.reading import Paragraph, Span, split_clauses

EVENT_TYPES = (
    "founding",
    "funding",
    "model_release",
    "product_launch",
    "partnership",
    "acquisition",
    "restructuring",
    "personnel",
    "financials",
    "pricing",
    "ranking",
    "controversy",
    "rumor",
    "denial",
    "statement",
    "strategy",
    "other",
)

# A quote longer than this is cut back to the clause that holds the date.
QUOTE_LIMIT = 160
# Clauses a date-only clause may reach forward for its verb ("去年5月,在零一万物发布…时").
REACH = 2

ORGANIZATION_KINDS = frozenset({"company", "investor", "lab", "organization"})
COMPANY_KINDS = frozenset({"company", "investor"})
WORK_KINDS = frozenset({"model", "product"})


@dataclass(frozen=True)
class ExtractedClaim:
    """One article's statement of one happening, with its exact quote and normalized date."""

    key: str
    event_type: str
    headline: str
    summary: str
    quote: str
    char_start: int
    char_end: int
    date: DateMention | None
    actors: tuple[tuple[str, str], ...]


# --- vocabularies --------------------------------------------------------------------------
# Patterns run over folded text (simplified script, lower case), so one table serves both
# Chinese scripts. English words are bounded so "left" does not fire inside "leftover".


def _words(*words: str) -> str:
    return r"\b(?:" + "|".join(words) + r")\b"


# In priority order: the first type whose vocabulary matches a clause is the clause's type.
TRIGGERS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "denial",
            r"否认|辟谣|驳斥|"
            + _words(r"den(?:y|ies|ied)", "refut(?:ed|es)", r"dismiss(?:ed|es) (?:the )?reports?"),
        ),
        (
            "controversy",
            r"争议|质疑|被指|疏忽|指控|抄袭|套壳|换皮|承认.{0,12}(?:错误|问题|不足)|"
            + _words(
                "controvers(?:y|ies|ial)",
                "accus(?:ed|ations?)",
                "allegations?",
                "admit(?:ted|s)",
                "backlash",
                "criticized",
                "oversight",
            ),
        ),
        (
            "acquisition",
            r"收购|并购|出售给|卖给|"
            + _words(r"acquir(?:e|es|ed|ing)", "acquisitions?", "takeover", "bought", "merger"),
        ),
        (
            "partnership",
            r"联合实验室|战略合作|达成.{0,8}合作|合作协议|签署.{0,8}协议|携手|联手|合资公司|"
            + _words(
                "partner(?:ship|ed|s with)",
                "joint (?:lab|laboratory|venture)",
                "teamed up",
                "alliance",
                "collaboration",
            ),
        ),
        (
            "restructuring",
            r"重组|拆分|分拆|剥离|裁员|解散|"
            + _words(
                r"restructur(?:e|es|ed|ing)",
                r"sp[iu]n(?:s|ning)? ?-?off",
                "layoffs?",
                "laid off",
                r"disband(?:s|ed)?",
                "dissolved",
            ),
        ),
        (
            "personnel",
            r"离职|离开|出走|加盟|入职|任命|出任|接任|换帅|卸任|辞职|辞任|挖角|加入(?!了?.{0,6}能力)|"
            + _words(
                "joined",
                "joins",
                "left",
                "leaves",
                "departed",
                "departure",
                "resigned",
                "resigns",
                "appointed",
                "hired",
                "stepped down",
                "steps down",
                "poached",
                "named (?:as )?(?:its |the )?(?:new )?(?:ceo|cto|president|chief)",
            ),
        ),
        (
            "funding",
            r"融资|领投|跟投|估值|注资|获投|完成.{0,6}[a-e天种]轮|投资了|"
            + _words(
                "raised",
                "raises",
                "funding",
                "valuation",
                "valued at",
                "led the round",
                "investment round",
                "series [a-e]",
            ),
        ),
        (
            "founding",
            r"成立|创立|创办|创建|组建|诞生于|"
            + _words("founded", "co-founded", "established", "incorporated"),
        ),
        (
            "release",
            r"发布|推出|开源|上线|面世|问世|亮相|发行|"
            + _words(
                "released?",
                "releases",
                "launch(?:ed|es)?",
                "unveil(?:ed|s)?",
                "open-sourced",
                "open sourced",
                "debut(?:ed|s)?",
                "rolled out",
                "rolls out",
                "introduced",
                "shipped",
            ),
        ),
        (
            "ranking",
            r"登顶|榜首|排名|位列|夺冠|排行榜|榜单|"
            + _words("ranked", "ranks", "topped", "tops", "leaderboard", "first place"),
        ),
        (
            "pricing",
            r"降价|价格战|调价|涨价|定价|降至|直降|"
            + _words(
                "price cuts?",
                "cut (?:its |the )?prices?",
                "slash(?:ed|es) prices?",
                "price war",
                "pricing",
                "priced at",
            ),
        ),
        (
            "financials",
            r"营收|收入|利润|盈利|亏损|营业额|"
            + _words("revenues?", "profits?", "net loss", "losses", "earnings", "turnover"),
        ),
        (
            "strategy",
            r"战略|转型|转向|"
            + _words("strategy", "strategic shift", "pivot(?:ed|s)?", "shifted (?:its )?focus"),
        ),
        (
            "statement",
            r"表示|宣布|宣称|声称|强调|透露|回应|指出|(?<![小传据])说|(?<![声宣指据报])称|"
            + _words("said", "says", "announced", "stated", "told", "noted", "declared"),
        ),
    )
)

# "超过/超越/surpassed" are rankings only when another actor follows: "超过了文心一言".
_OVERTAKE = re.compile(
    r"超过了?|超越了?|" + _words("surpass(?:ed|es)", "overtook", "overtakes", "outranked")
)

# Words that make a clause a report of somebody else's claim, not the writer's own.
_REPORTED = re.compile(
    r"被曝|曝出|曝光|传出|消息称|有消息|报道|传闻|传言|据传|被传|说法|"
    + _words(
        "reportedly",
        "reports? (?:say|said|claim)",
        "according to (?:media )?reports",
        "according to (?:people|sources|a person|two people|three people)",
        "people familiar with",
        "sources said",
        "rumou?r(?:s|ed)?",
    )
)

# Forecasts and plans: an event that has not happened is not on the timeline.
_FORECAST = re.compile(
    r"预计|预期|预测|将会|将要|即将|将于|将在|将是|将成为|将继续|将推出|将发布|将上线|将开源"
    r"|洽谈|商谈|谈判|希望|想要|想做|想打造|梦想|愿景"
    r"|计划|打算|准备|有望|未来|明年|后年|(?<![机社议学协大峰布聚约开体领理误总])会(?![议员计长谈面上场所话])"
    r"|"
    + _words(
        "will",
        "would",
        "plans? to",
        "planning to",
        "expects? to",
        "expected to",
        "is set to",
        "are set to",
        "aims? to",
        "forecasts?",
        "projected",
        "going to",
        "next year",
        "in the coming",
        "in talks",
        r"negotiat\w*",
        "hopes? to",
        "wants? to",
    )
)

# Conditionals and guesses.
_HEDGE = re.compile(
    r"如果|假如|假设|若是|也许|或许|或将|可能|照此|估算|推算|认为|觉得|"
    + _words("if", "might", "may", "could", "perhaps", "possibly", "unless", "believes?", "thinks?")
)

# A negation right before the verb: "没有真的执行完", "has not released".
_NEGATION = re.compile(
    r"(?:没有|没|未|不|并未|尚未|从未|从没)$|"
    r"(?:\bnot|\bnever|n't|\bno longer)\s*(?:\w+\s+)?$"
)

# "截至2025年中" / "as of mid-2025": a state of affairs, not a happening.
_AS_OF = re.compile(
    r"(?:截至|截止到?|直到|" + _words("as of", "until", "since", "before", "after") + r")\s*$"
)

_BOUND_AFTER = re.compile(r"\s*(?:之前|以前|之后|以后|以来|前(?!后)|后|起)")

# Clause openers that continue the previous clause's subject and time ("…,被指…", "…,并…").
_CONTINUES = re.compile(r"^(?:被|并且?|还|也|又|随即|随后|同时|而且|且|and\b|then\b)")

# Connectives a subject may follow at the start of a clause.
_OPENERS = re.compile(r"^(?:那么?|而|但是?|不过|此外|另外|同时|其中|据悉|事实上|随后|之后)?\s*")

_FIRST_PERSON = re.compile(r"我们|咱们|" + _words("we", "our"))
_ANAPHOR = re.compile(
    r"该公司|这家公司|这家|该|其|公司|" + _words("the company", "the firm", "the startup", "it")
)
_QUESTION_END = re.compile(r"[?？吗呢][”\"」』]?\s*$")
_TRIM = "，,；;：:、。.!！?？ \t\n"

_OPEN_SOURCE = re.compile(r"开源|" + _words("open-sourced?", "open sourced?", "open-source"))
_PRICE_CUT = re.compile(r"降|" + _words("cut", "cuts", "slash(?:ed|es)?", "lower(?:ed|s)?"))
_LEAVING = re.compile(
    r"离职|离开|出走|卸任|辞职|辞任|换帅|"
    + _words(
        "left",
        "leaves",
        "departed",
        "departure",
        "resigned",
        "resigns",
        "stepped down",
        "steps down",
    )
)
_APPOINTED = re.compile(r"任命|出任|接任|" + _words("appointed", "named"))
_SPIN_OFF = re.compile(r"拆分|分拆|剥离|" + _words(r"sp[iu]n(?:s|ning)? ?-?off"))
_DISBAND = re.compile(
    r"解散|裁员|" + _words("disband(?:s|ed)?", "dissolved", "layoffs?", "laid off")
)
_ADMITS = re.compile(r"承认|疏忽|" + _words("admit(?:ted|s)", "oversight"))
_LAB = re.compile(r"实验室|" + _words("lab", "laboratory"))
_SALE = re.compile(
    r"收购|并购|出售|卖给|卖|" + _words(r"acquir\w*", "sale", "sell(?:s|ing)?", "sold", "takeover")
)
_TEAM = re.compile(r"预训练.{0,4}团队|团队|" + _words("pre-training team", "team"))
_PRETRAINING = re.compile(r"预训练|" + _words("pre-?training"))
_INVEST = re.compile(r"(?<!融)投(?:资)?\s*\d|" + _words("invest(?:s|ed|ing)?"))
_MONEY = re.compile(
    r"(?:(?P<cur1>us\$|\$|usd|rmb|cny|¥|￥)\s*)?"
    r"(?P<num>\d+(?:\.\d+)?)\s*"
    r"(?P<scale>万亿|千亿|百亿|十亿|亿|千万|百万|万|billion|bn|million|mn|m\b|b\b)?\s*"
    r"(?P<cur2>美元|美金|元人民币|元|人民币|usd|rmb|dollars)?"
)
_SCALES = {
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


# --- the context one paragraph is read in ---------------------------------------------------


@dataclass
class ArticleContext:
    """What every paragraph of one article is read against."""

    text: str
    folded: str
    language: str
    reference: ReferenceDate | None
    matcher: ActorMatcher
    dates: Sequence[DateMention]
    actors: Sequence[ActorMention]
    roles: dict[str, str] = field(default_factory=dict)
    main_company: str | None = None
    warnings: list[str] = field(default_factory=list)
    _date_starts: list[int] = field(default_factory=list)
    _actor_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._date_starts = [mention.char_start for mention in self.dates]
        self._actor_starts = [mention.char_start for mention in self.actors]

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        index = bisect_left(self._date_starts, start)
        found = []
        while index < len(self.dates) and self.dates[index].char_start < end:
            if self.dates[index].char_end <= end:
                found.append(self.dates[index])
            index += 1
        return found

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        index = bisect_left(self._actor_starts, start)
        found = []
        while index < len(self.actors) and self.actors[index].char_start < end:
            if self.actors[index].char_end <= end:
                found.append(self.actors[index])
            index += 1
        return found

    def kind(self, slug: str) -> str:
        return self.matcher.entry(slug).kind

    def name(self, slug: str) -> str:
        return self.matcher.entry(slug).name


# --- clauses ----------------------------------------------------------------------------------


def _trimmed(context: ArticleContext, start: int, end: int) -> tuple[int, int]:
    while end > start and context.text[end - 1] in _TRIM:
        end -= 1
    while start < end and context.text[start] in _TRIM:
        start += 1
    return start, end


def sentence_clauses(context: ArticleContext, sentence: Span) -> list[tuple[int, int]]:
    """The units a sentence is read in: clauses in Chinese, the sentence (split at
    semicolons) in English, never cutting through a date expression."""
    if context.language == "en" and len(sentence.text) <= QUOTE_LIMIT:
        pieces = [(sentence.char_start, sentence.char_end)]
    elif context.language == "en":
        pieces = []
        start = sentence.char_start
        for match in re.finditer(r";", sentence.text):
            pieces.append((start, sentence.char_start + match.end()))
            start = sentence.char_start + match.end()
        pieces.append((start, sentence.char_end))
    else:
        pieces = []
        for clause in split_clauses(sentence):
            pieces.extend(_comma_pieces(clause))
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and any(
            mention.char_start < merged[-1][1] < mention.char_end
            for mention in context.dates_in(merged[-1][0], end)
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    # A date cut by the split (English "Nov. 5, 2023") joins its two halves.
    joined: list[tuple[int, int]] = []
    for start, end in merged:
        if joined and _cuts_a_date(context, joined[-1][1]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return [_trimmed(context, start, end) for start, end in joined if end > start]


_ASCII_COMMA = re.compile(r",(?!\d{3}(?!\d))")


def _comma_pieces(clause: Span) -> list[tuple[int, int]]:
    """Chinese text often uses ASCII commas before digits ("认同,2025年是…"); they split
    clauses too, unless they group thousands ("1,000")."""
    pieces = []
    start = clause.char_start
    for match in _ASCII_COMMA.finditer(clause.text):
        pieces.append((start, clause.char_start + match.end()))
        start = clause.char_start + match.end()
    pieces.append((start, clause.char_end))
    return pieces


def _cuts_a_date(context: ArticleContext, position: int) -> bool:
    index = bisect_left(context._date_starts, position) - 1
    return index >= 0 and context.dates[index].char_end > position


# --- classification ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Trigger:
    event_type: str
    start: int
    end: int
    reported: bool


def classify(
    context: ArticleContext, start: int, end: int, *, report_from: int | None = None
) -> Trigger | None:
    """The event type a span of text states, by the first vocabulary that matches.

    A report marker earlier in the sentence ("第一财经也报道,…") makes the span reported.
    """
    folded = context.folded[start:end]
    floor = start if report_from is None else min(report_from, start)
    reported = _REPORTED.search(context.folded[floor:end]) is not None
    for kind, pattern in TRIGGERS:
        for match in pattern.finditer(folded):
            before = folded[max(0, match.start() - 6) : match.start()]
            if kind not in {"denial", "statement"} and _NEGATION.search(before):
                continue
            return Trigger(kind, start + match.start(), start + match.end(), reported)
    overtake = _OVERTAKE.search(folded)
    if overtake and context.actors_in(start + overtake.end(), end):
        return Trigger("ranking", start + overtake.start(), start + overtake.end(), reported)
    invest = _INVEST.search(folded)
    if reported and invest:
        return Trigger("funding_plan", start + invest.start(), start + invest.end(), reported)
    return None


def _without_dates(context: ArticleContext, start: int, end: int) -> str:
    """The folded span with its date expressions blanked: "May 2024" is no "may"."""
    folded = context.folded[start:end]
    for mention in context.dates_in(start, end):
        width = mention.char_end - mention.char_start
        offset = mention.char_start - start
        folded = folded[:offset] + "\0" * width + folded[offset + width :]
    return folded


def _is_forecast(context: ArticleContext, start: int, end: int, mention: DateMention) -> bool:
    folded = _without_dates(context, start, end)
    for match in _FORECAST.finditer(folded):
        following = start + match.end()
        # "预计2024年收入约为…" written after 2024: an estimate of a past period.
        if (
            mention.char_start - following <= 1
            and mention.char_start >= following
            and _is_past(context, mention)
        ):
            continue
        return True
    return False


def _is_past(context: ArticleContext, mention: DateMention) -> bool:
    return (
        context.reference is not None
        and mention.end is not None
        and mention.end < context.reference.start
    )


def _is_future(context: ArticleContext, mention: DateMention) -> bool:
    return (
        context.reference is not None
        and mention.start is not None
        and mention.start > context.reference.end
    )


# --- actors -----------------------------------------------------------------------------------


def _at_subject_position(context: ArticleContext, mention: ActorMention, clause_start: int) -> bool:
    lead = context.folded[clause_start : mention.char_start]
    return len(_OPENERS.sub("", lead, count=1).strip()) <= 1


@dataclass
class ParagraphState:
    """The company the paragraph is about so far (the subject Chinese leaves unsaid)."""

    topic: str | None = None


def _topic_before(
    context: ArticleContext,
    clauses: Sequence[tuple[int, int]],
    position: int,
    state: ParagraphState,
) -> str | None:
    """The nearest organization standing as subject before `position` in this sentence,
    else any organization earlier in the sentence, else the paragraph's topic."""
    subject = None
    anywhere = None
    for start, end in clauses:
        if start >= position:
            break
        for mention in context.actors_in(start, min(end, position)):
            if context.kind(mention.slug) not in ORGANIZATION_KINDS:
                continue
            anywhere = mention.slug
            if _at_subject_position(context, mention, start):
                subject = mention.slug
    return subject or anywhere or state.topic


def _update_topic(
    context: ArticleContext, clauses: Sequence[tuple[int, int]], state: ParagraphState
) -> None:
    """The paragraph's topic becomes the sentence's subject company, or its only company."""
    subject = None
    companies = []
    for start, end in clauses:
        for mention in context.actors_in(start, end):
            if context.kind(mention.slug) not in COMPANY_KINDS:
                continue
            companies.append(mention.slug)
            if _at_subject_position(context, mention, start):
                subject = mention.slug
    if subject is None and len(set(companies)) == 1:
        subject = companies[0]
    if subject is not None:
        state.topic = subject


def _dedupe(slugs: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for slug in slugs:
        if slug not in seen:
            seen.append(slug)
    return seen


def _specific_works(context: ArticleContext, slugs: Sequence[str]) -> list[str]:
    """Models and products, with a family dropped when a member is named ("Yi" for "Yi-34B")."""
    works = [slug for slug in slugs if context.kind(slug) in WORK_KINDS]
    return [
        slug
        for slug in works
        if not any(other != slug and other.startswith(slug + "-") for other in works)
    ]


# --- money and headlines ----------------------------------------------------------------------


def money_phrase(folded: str) -> str | None:
    """The first amount of money in a span, in English: "USD 1 billion", "RMB 100 million"."""
    for match in _MONEY.finditer(folded):
        currency = match.group("cur1") or match.group("cur2")
        scale = match.group("scale")
        if not currency or not (scale or match.group("cur1")):
            continue
        value = float(match.group("num")) * _SCALES.get(scale or "", 1)
        code = "USD" if currency in {"us$", "$", "usd", "美元", "美金", "dollars"} else "RMB"
        if value >= 1e9:
            amount = f"{value / 1e9:g} billion"
        elif value >= 1e6:
            amount = f"{value / 1e6:g} million"
        else:
            amount = f"{value:,.0f}"
        return f"{code} {amount}"
    return None


def _names(context: ArticleContext, slugs: Sequence[str]) -> str:
    names = [context.name(slug) for slug in slugs]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _period_words(mention: DateMention | None) -> str:
    if mention is None or mention.start is None:
        return ""
    return str(mention.start.year)


# Types a report turns into a rumour: a reported funding round or release is still dated
# news, but a reported sale, departure or plan is not yet a fact.
REPORTABLE = frozenset({"acquisition", "personnel", "restructuring", "funding_plan"})

# --- building one claim -----------------------------------------------------------------------


@dataclass
class _Parties:
    principal: str | None
    others: list[str]
    roles: dict[str, str]
    objects: list[str] = field(default_factory=list)
    buyer: str | None = None
    target: str | None = None
    versions: dict[str, str] = field(default_factory=dict)


def _parties(
    context: ArticleContext,
    kind: str,
    trigger: Trigger,
    span_actors: list[ActorMention],
    fallback: str | None,
    trailing: Sequence[ActorMention] = (),
    span: tuple[int, int] | None = None,
) -> _Parties:
    slugs = _dedupe([mention.slug for mention in span_actors])
    kinds = {slug: context.kind(slug) for slug in slugs}
    orgs = [slug for slug in slugs if kinds[slug] in ORGANIZATION_KINDS]
    companies = [slug for slug in orgs if kinds[slug] in COMPANY_KINDS]
    people = [slug for slug in slugs if kinds[slug] == "person"]
    works = _specific_works(context, slugs)
    before = [m.slug for m in span_actors if m.char_end <= trigger.start]
    after = [m.slug for m in span_actors if m.char_start >= trigger.end]
    roles: dict[str, str] = {}
    for person in people:
        roles[person] = context.roles.get(person, "subject")

    def org_or_fallback(candidates: list[str]) -> str | None:
        return candidates[0] if candidates else fallback

    principal: str | None
    if kind == "founding":
        # "2023 年创立的零一万物" / "01.AI was founded": the organization nearest the verb.
        after_orgs = [slug for slug in after if slug in orgs]
        before_orgs = [slug for slug in before if slug in orgs]
        principal = (after_orgs or before_orgs[-1:] or [fallback])[0]
        for person in people:
            roles[person] = "founder"
    elif kind in {"model_release", "product_launch"}:
        principal = works[0] if works else None
        developer = org_or_fallback(companies)
        if developer:
            roles[developer] = "developer"
    elif kind == "funding":
        # The company raising is the one named last before the round itself ("融资", "估值",
        # "raised"), not the one before "领投" (led).
        funded = _FUNDED.search(context.folded, trigger.start, span[1] if span else trigger.end)
        limit = funded.start() if funded else trigger.end
        marker = [m for m in span_actors if m.slug in companies and m.char_end <= limit]
        principal = marker[-1].slug if marker else org_or_fallback(companies)
        for slug in companies:
            if slug != principal:
                roles[slug] = "investor"
    elif kind == "acquisition":
        principal, target = _sale_parties(
            context, span_actors, trigger.start, trigger.end, fallback
        )
        if principal:
            roles[principal] = "acquirer"
        if target and target != principal:
            roles[target] = "target"
    elif kind == "partnership":
        principal = org_or_fallback(companies)
        for slug in [*companies, *([fallback] if fallback else [])]:
            roles[slug] = "partner"
        for slug in orgs:
            if kinds[slug] == "lab":
                roles[slug] = "subject"
    elif kind == "personnel":
        principal = people[0] if people else org_or_fallback(companies)
        for slug in companies:
            roles.setdefault(slug, "employer")
        if fallback and fallback not in roles and people:
            roles[fallback] = "employer"
    elif kind == "statement":
        speakers = [slug for slug in before if kinds[slug] == "person"]
        speakers += [slug for slug in before if slug in companies]
        principal = speakers[0] if speakers else None
    elif kind in {"ranking", "pricing"}:
        principal = (works or companies or [fallback])[0]
    else:
        subjects = [slug for slug in before if slug in companies]
        candidates = subjects or ([fallback] if fallback else []) or companies
        principal = candidates[0] if candidates else (people[0] if people else None)
    if principal and principal not in roles:
        roles[principal] = "subject"
    if fallback and fallback not in roles and fallback == principal:
        roles[fallback] = "subject"
    others = [slug for slug in slugs if slug != principal]
    for slug in others:
        roles.setdefault(slug, "mentioned" if kinds[slug] not in ORGANIZATION_KINDS else "party")
    # What the happening is about: named after the verb, else later in the sentence.
    objects = _dedupe(
        [
            m.slug
            for m in [*[m for m in span_actors if m.char_start >= trigger.end], *trailing]
            if m.slug != principal and context.kind(m.slug) != "person"
        ]
    )
    buyer = target = None
    if span is not None:
        sale = _ACQUIRE_VERB.search(context.folded, span[0], span[1])
        if sale:
            buyer, target = _sale_parties(
                context, span_actors, sale.start(), sale.end(), fallback or context.main_company
            )
    for slug, role in ((buyer, "acquirer"), (target, "target")):
        if slug and slug != principal:
            roles.setdefault(slug, role)
            if slug not in others:
                others.append(slug)
    versions = {m.slug: _version_after(context, m) for m in span_actors if m.slug in works}
    return _Parties(
        principal, others, roles, objects, buyer, target, {k: v for k, v in versions.items() if v}
    )


_ACQUIRE_VERB = re.compile(
    r"收购|并购|出售|卖给|"
    + _words(r"acquir\w*", "takeover", "sells?", "sold", "selling", "bought")
)
_VERSION_TAIL = re.compile(r"[\s\-]?(v?\d+(?:\.\d+)*(?:[a-z](?![a-z]))?)")


def _version_after(context: ArticleContext, mention: ActorMention) -> str:
    """A version written onto a family name the gazetteer knows: "Qwen2.5" → "2.5",
    "通义千问7B" → "7b"; a name the gazetteer knows in full ("Yi-34B") has none."""
    surface = context.folded[mention.char_start : mention.char_end]
    own = re.search(r"\d+(?:\.\d+)*$", surface)
    if own and own.group() in mention.slug:
        own = None
    tail = _VERSION_TAIL.match(context.folded, mention.char_end)
    digits = (own.group() if own else "") + (tail.group(1) if tail else "")
    return digits if any(c.isdigit() for c in digits) else ""


_FUNDED = re.compile(r"融资|估值|" + _words("raised", "raises", "funding", "valuation", "round"))
_SELLS = re.compile(r"出售|卖给|" + _words("sells?", "sold", "selling"))
_PASSIVE_BUY = re.compile(r"被\S{0,12}$|" + _words("by") + r"\s*$")


def _sale_parties(
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
    if _SELLS.search(verb):
        seller = before[-1].slug if before else fallback
        return (after[0].slug if after else None), seller
    passive_from = start - 14
    passive = [m for m in before if m.char_start >= passive_from]
    if passive and _PASSIVE_BUY.search(context.folded[passive_from : passive[0].char_start]):
        earlier = [m for m in before if m.char_start < passive[0].char_start - 1]
        target = earlier[-1].slug if earlier else fallback
        return passive[0].slug, target
    if not before and not after:
        return None, fallback
    buyer = before[0].slug if before else fallback
    target = after[0].slug if after else None
    return buyer, target


def _period_tag(mention: DateMention | None, *, month: bool) -> str:
    if mention is None or mention.start is None:
        return "undated"
    if month and mention.precision in {"day", "xun", "month"}:
        return mention.start.strftime("%Y-%m")
    return str(mention.start.year)


def _topic(folded: str) -> str | None:
    if _SALE.search(folded):
        return "sale"
    if _LEAVING.search(folded):
        return "departures"
    if _INVEST.search(folded):
        return "investment"
    return None


def _key_and_headline(
    context: ArticleContext,
    kind: str,
    trigger: Trigger,
    parties: _Parties,
    folded: str,
    mention: DateMention | None,
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
        headline = (
            f"{_names(context, founders)} founds {name}" if founders else f"{name} is founded"
        )
        return kind, f"founding:{principal}", headline
    if kind in {"model_release", "product_launch"}:
        developer = next((s for s, r in roles.items() if r == "developer"), None)
        version = parties.versions.get(principal, "")
        if version:
            name = f"{name} {version.upper() if version.endswith('b') else version}"
        kind = "model_release" if context.kind(principal) == "model" else "product_launch"
        verb = "open-sources" if _OPEN_SOURCE.search(folded) else "releases"
        if kind == "product_launch":
            verb = "launches"
        if developer:
            headline = f"{context.name(developer)} {verb} {name}"
        else:
            passive = {"open-sources": "is open-sourced", "releases": "is released"}
            headline = f"{name} {passive.get(verb, 'is launched')}"
        tag = f"{principal}-{version.replace('.', '-')}" if version else principal
        return kind, f"{kind}:{tag}", headline
    if kind == "funding":
        investors = [slug for slug, role in roles.items() if role == "investor"]
        headline = f"{name} raises funding"
        if investors:
            headline += f" led by {_names(context, investors[:2])}"
        if money and re.search(r"估值|valuation|valued", folded):
            headline += f" at a {money} valuation"
        elif money:
            headline = headline.replace("raises funding", f"raises {money}")
        return kind, f"funding:{principal}:{_period_tag(mention, month=False)}", headline
    if kind == "acquisition":
        targets = [slug for slug, role in roles.items() if role == "target"]
        if not targets:
            return None
        key = f"acquisition:{principal}+{targets[0]}"
        return kind, key, f"{name} acquires {context.name(targets[0])}"
    if kind == "partnership":
        partners = _dedupe([principal, *others])
        partners = [slug for slug in partners if context.kind(slug) in COMPANY_KINDS]
        if len(partners) < 2:
            return None
        pair = _names(context, partners[:2])
        labs = [slug for slug in [*others, *parties.objects] if context.kind(slug) == "lab"]
        if labs:
            # A named joint lab is the happening, whichever parent company a text names.
            headline = f"{pair} set up the {context.name(labs[0])}"
            return kind, f"partnership:{labs[0]}", headline
        key = "partnership:" + "+".join(sorted(partners[:2]))
        if _LAB.search(folded):
            return kind, key + ":lab", f"{pair} set up a joint lab"
        return kind, key, f"{pair} form a partnership"
    if kind == "restructuring":
        units = [slug for slug in others if slug != principal]
        if _SPIN_OFF.search(folded) and units:
            headline = f"{name} spins off {context.name(units[0])}"
            return kind, f"restructuring:{principal}:{units[0]}", headline
        if _DISBAND.search(folded) and _TEAM.search(folded):
            headline = f"{name} disbands teams in a restructuring"
        elif _SPIN_OFF.search(folded):
            headline = f"{name} restructures and spins off business units"
        else:
            headline = f"{name} restructures"
        return kind, f"restructuring:{principal}:{_period_tag(mention, month=False)}", headline
    if kind == "personnel":
        people = [principal, *[s for s in others if context.kind(s) == "person"]]
        people = [slug for slug in people if context.kind(slug) == "person"]
        employers = [slug for slug, role in roles.items() if role == "employer"]
        employer = context.name(employers[0]) if employers else ""
        if not people:
            if not _LEAVING.search(folded):
                return None
            headline = f"Senior staff leave {name}"
            return kind, f"personnel:{principal}:{_period_tag(mention, month=False)}", headline
        who = _names(context, people[:3])
        plural = len(people) > 1
        if _LEAVING.search(folded):
            headline = f"{who} {'leave' if plural else 'leaves'}" + (
                f" {employer}" if employer else ""
            )
        elif _APPOINTED.search(folded):
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
        year = _period_words(mention)
        headline = f"{name} reports {year} revenue".replace("  ", " ")
        if re.search(r"利润|盈利|profit", folded) and not re.search(r"收入|营收|revenue", folded):
            headline = f"{name} reports {year} profit".replace("  ", " ")
        if money:
            headline += f" of {money}"
        return kind, f"financials:{principal}:{_period_tag(mention, month=False)}", headline
    if kind == "pricing":
        verb = "cuts prices" if _PRICE_CUT.search(folded) or "价格战" in folded else "sets prices"
        headline = f"{name} {verb}"
        if "价格战" in folded or "price war" in folded:
            headline = f"{_names(context, [principal, *others][:3])} cut prices in a price war"
        return kind, f"pricing:{principal}:{_period_tag(mention, month=True)}", headline
    if kind == "ranking":
        rivals = [s for s in parties.others if context.kind(s) in WORK_KINDS and s != principal]
        if rivals:
            headline = f"{name} overtakes {context.name(rivals[0])}"
        else:
            headline = f"{name} ranks at the top of a leaderboard"
        return kind, f"ranking:{principal}:{_period_tag(mention, month=True)}", headline
    if kind == "controversy":
        about = parties.objects[0] if parties.objects else None
        if _ADMITS.search(folded):
            headline = f"{name} admits an oversight" + (
                f" over {context.name(about)}" if about else ""
            )
        else:
            headline = f"{name} faces controversy" + (
                f" over {context.name(about)}" if about else ""
            )
        tail = about or _period_tag(mention, month=False)
        return kind, f"controversy:{principal}:{tail}", headline
    if kind in {"rumor", "denial"}:
        topic = _topic(folded) or {"acquisition": "sale"}.get(underlying)
        if topic is None and mention is None:
            return None
        tail = topic or _period_tag(mention, month=True)
        if topic == "sale":
            target = parties.target or principal
            buyer = parties.buyer
            if context.kind(target) not in COMPANY_KINDS:
                return None
            to = f" to {context.name(buyer)}" if buyer and buyer != target else ""
            what = "its pre-training team" if _PRETRAINING.search(folded) else "its team"
            if not _TEAM.search(folded):
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
            f"strategy:{principal}:{_period_tag(mention, month=False)}",
            f"{name} shifts strategy",
        )
    if kind == "statement":
        about = [context.name(s) for s in _dedupe([*parties.others, *parties.objects])]
        about = [n for n in about if n != name][:2]
        headline = f"{name} comments" + (f" on {' and '.join(about)}" if about else "")
        return kind, f"statement:{principal}:{_period_tag(mention, month=True)}", headline
    return None


@dataclass(frozen=True)
class SentenceScope:
    """Where a span sits: its sentence's clauses, and actors lent by the next sentence when
    this one names none ("5 月的这一波价格战…。以字节跳动、阿里、百度为例,…")."""

    clauses: Sequence[tuple[int, int]]
    borrowed: Sequence[ActorMention] = ()


# What each type needs named in its span before the span is complete.
_NEEDS = {
    "personnel": frozenset({"person"}),
    "release": WORK_KINDS,
    "founding": ORGANIZATION_KINDS,
}


def _completed(
    context: ArticleContext, scope: SentenceScope, span: tuple[int, int], trigger: Trigger
) -> tuple[int, int]:
    """The span reaching forward, clause by clause, to the party its type needs
    ("2024 年,零一陆续有中高层离开,包括前预训练负责人黄文灏…")."""
    needed = _NEEDS.get(trigger.event_type)
    start, end = span
    if needed is None or any(context.kind(m.slug) in needed for m in context.actors_in(start, end)):
        return span
    for clause_start, clause_end in scope.clauses:
        if clause_start < end:
            continue
        if clause_end - start > QUOTE_LIMIT or context.dates_in(clause_start, clause_end):
            break
        if any(context.kind(m.slug) in needed for m in context.actors_in(clause_start, clause_end)):
            return start, clause_end
    return span


def _cut_aside(context: ArticleContext, span: tuple[int, int], keep: int) -> tuple[int, int]:
    """A parenthesis opened after the date and the verb is an aside: the span stops there."""
    start, end = span
    folded = context.folded
    for position in range(max(start, keep), end):
        if folded[position] in "(（":
            return start, position
    return span


def _build_claim(
    context: ArticleContext,
    scope: SentenceScope,
    span: tuple[int, int],
    trigger: Trigger,
    mention: DateMention | None,
    state: ParagraphState,
    speaker_turn: bool,
) -> ExtractedClaim | None:
    start, end = _trimmed(context, *span)
    if end <= start:
        return None
    folded = context.folded[start:end]
    kind = trigger.event_type
    if kind == "release":
        kind = "model_release"
    span_actors = context.actors_in(start, end)
    sentence_start, sentence_end = scope.clauses[0][0], scope.clauses[-1][1]
    fallback = None
    if not any(
        context.kind(m.slug) in ORGANIZATION_KINDS and m.char_end <= trigger.start
        for m in span_actors
    ):
        fallback = _topic_before(context, scope.clauses, start, state)
        lead = context.folded[sentence_start:end]
        if fallback is None and (
            (speaker_turn and _FIRST_PERSON.search(lead)) or _ANAPHOR.search(folded)
        ):
            # "我们" in an interviewee's answer, "该公司" in a report: the company the
            # article is about.
            fallback = context.main_company
    if fallback is None and not any(
        context.kind(m.slug) in ORGANIZATION_KINDS | WORK_KINDS for m in span_actors
    ):
        span_actors = [*span_actors, *scope.borrowed]
    # A statement's date must come before its verb: "在去年年中表示" is when it was said,
    # while "说 2025 年是…" is what was said.
    if kind == "statement" and (mention is None or mention.char_start > trigger.start):
        return None
    leading = context.actors_in(sentence_start, start)
    trailing = context.actors_in(end, sentence_end)
    if not any(
        context.kind(m.slug) in WORK_KINDS
        and (kind == "model_release" or m.char_end <= trigger.start)
        for m in span_actors
    ) and kind in {"model_release", "ranking", "pricing"}:
        # The thing released or ranked, named as the sentence's subject before the span.
        works = [m for m in leading if context.kind(m.slug) in WORK_KINDS]
        if works:
            span_actors = [works[-1], *span_actors]
    if kind == "founding" and not any(context.kind(m.slug) == "person" for m in span_actors):
        founders = [
            m
            for m in leading
            if context.kind(m.slug) == "person"
            and _at_subject_position(context, m, _clause_start(scope, m.char_start))
        ]
        span_actors = [*founders[:1], *span_actors]
    parties = _parties(context, kind, trigger, span_actors, fallback, trailing, (start, end))
    built = _key_and_headline(context, kind, trigger, parties, folded, mention)
    if built is None:
        return None
    event_type, key, headline = built
    actors = tuple(
        (slug, parties.roles.get(slug, "mentioned"))
        for slug in _dedupe(
            [*([parties.principal] if parties.principal else []), *parties.others, *parties.roles]
        )
    )
    date_value = mention if mention is not None and mention.start is not None else None
    return ExtractedClaim(
        key=_ascii_key(key),
        event_type=event_type,
        headline=headline,
        summary="",
        quote=context.text[start:end],
        char_start=start,
        char_end=end,
        date=date_value,
        actors=actors,
    )


def _clause_start(scope: SentenceScope, position: int) -> int:
    for start, end in scope.clauses:
        if start <= position < end:
            return start
    return position


def _ascii_key(key: str) -> str:
    key = re.sub(r"[^a-z0-9:+\-_.]", "-", key.lower())
    return key[:200]


# --- one paragraph ----------------------------------------------------------------------------


def paragraph_claims(
    context: ArticleContext, paragraph: Paragraph, state: ParagraphState
) -> list[ExtractedClaim]:
    """Claims of one content paragraph, in text order."""
    claims: list[ExtractedClaim] = []
    state.topic = None
    speaker_turn = paragraph.speaker is not None
    sentences = paragraph.sentences
    for number, sentence in enumerate(sentences):
        clauses = sentence_clauses(context, sentence)
        if not clauses:
            continue
        borrowed: Sequence[ActorMention] = ()
        if number + 1 < len(sentences) and not context.actors_in(
            sentence.char_start, sentence.char_end
        ):
            following = sentences[number + 1]
            if not context.dates_in(following.char_start, following.char_end):
                borrowed = context.actors_in(following.char_start, following.char_end)
        scope = SentenceScope(clauses, borrowed)
        claims.extend(_sentence_claims(context, scope, sentence, state, speaker_turn))
        _update_topic(context, clauses, state)
    return claims


def _sentence_claims(
    context: ArticleContext,
    scope: SentenceScope,
    sentence: Span,
    state: ParagraphState,
    speaker_turn: bool,
) -> list[ExtractedClaim]:
    claims: list[ExtractedClaim] = []
    clauses = scope.clauses
    sentence_end = clauses[-1][1]
    asks = _QUESTION_END.search(sentence.text) is not None
    previous_dated: tuple[int, DateMention] | None = None

    def keep(claim: ExtractedClaim | None) -> None:
        if claim is not None:
            claims.append(claim)

    for index, (start, end) in enumerate(clauses):
        mentions = [m for m in context.dates_in(start, end) if _usable(context, m, start)]
        if not mentions:
            if previous_dated is not None:
                keep(
                    _continued_claim(
                        context, scope, index, previous_dated, state, speaker_turn, claims
                    )
                )
            elif not (asks and end >= sentence_end):
                keep(_undated_claim(context, scope, index, state, speaker_turn))
            previous_dated = None
            continue
        for position, mention in enumerate(mentions):
            seg_start = start if position == 0 else mention.char_start
            last = position == len(mentions) - 1
            seg_end = end if last else mentions[position + 1].char_start
            span = (seg_start, seg_end)
            trigger = classify(context, seg_start, seg_end, report_from=clauses[0][0])
            if trigger is None and last:
                for reach in range(1, REACH + 1):
                    if index + reach >= len(clauses):
                        break
                    next_start, next_end = clauses[index + reach]
                    if context.dates_in(next_start, next_end) or next_end - seg_start > QUOTE_LIMIT:
                        break
                    trigger = classify(context, next_start, next_end, report_from=clauses[0][0])
                    if trigger is not None:
                        span = (seg_start, next_end)
                        break
            if trigger is None:
                continue
            span = _cut_aside(context, span, max(mention.char_end, trigger.end))
            span = _completed(context, scope, span, trigger)
            if asks and span[1] >= sentence_end:
                continue
            if not _admissible(context, span, mention, trigger):
                continue
            claim = _build_claim(context, scope, span, trigger, mention, state, speaker_turn)
            keep(claim)
            if claim is not None and mention.start is None:
                context.warnings.append(
                    f"unresolved date {mention.text!r} at {mention.char_start}: claim kept undated"
                )
        previous_dated = (index, mentions[-1])
    return claims


# Happenings worth keeping undated: who denied, reported, partnered or bought what does not
# depend on a date to be named.
UNDATED_TYPES = frozenset({"denial", "partnership", "acquisition"})


def _undated_claim(
    context: ArticleContext,
    scope: SentenceScope,
    index: int,
    state: ParagraphState,
    speaker_turn: bool,
) -> ExtractedClaim | None:
    """A clause with no date that still states a denial, a report of a sale, a partnership
    or an acquisition: kept with no date, for an editor to date."""
    start, end = scope.clauses[index]
    trigger = classify(context, start, end, report_from=scope.clauses[0][0])
    if trigger is None:
        return None
    if trigger.event_type not in UNDATED_TYPES and not (
        trigger.reported and trigger.event_type in {"acquisition", "funding"}
    ):
        return None
    # "李开复创立的零一万物": a verb that only describes a noun states nothing new.
    if context.folded[trigger.end : trigger.end + 1] == "的":
        return None
    folded = _without_dates(context, start, end)
    if _HEDGE.search(folded) or (not trigger.reported and _FORECAST.search(folded)):
        return None
    return _build_claim(context, scope, (start, end), trigger, None, state, speaker_turn)


def _usable(context: ArticleContext, mention: DateMention, clause_start: int) -> bool:
    """A date that bounds ("2023 年之前", "as of mid-2025", "since May") dates no happening."""
    lead = context.folded[max(clause_start, mention.char_start - 12) : mention.char_start]
    tail = context.folded[mention.char_end : mention.char_end + 4]
    return not (_AS_OF.search(lead) or _BOUND_AFTER.match(tail))


def _admissible(
    context: ArticleContext, span: tuple[int, int], mention: DateMention, trigger: Trigger
) -> bool:
    start, end = span
    folded = _without_dates(context, start, end)
    if _HEDGE.search(folded):
        return False
    if trigger.reported:
        return True
    if _is_future(context, mention):
        return False
    return not _is_forecast(context, start, end, mention)


def _continued_claim(
    context: ArticleContext,
    scope: SentenceScope,
    index: int,
    previous: tuple[int, DateMention],
    state: ParagraphState,
    speaker_turn: bool,
    claims: list[ExtractedClaim],
) -> ExtractedClaim | None:
    """ "去年发布 Yi 系列模型,被指使用了 LLaMA 的架构": a clause that carries on the dated
    one before it, with a verb of its own, is a second happening at the same time."""
    clauses = scope.clauses
    previous_index, mention = previous
    if previous_index != index - 1:
        return None
    start, end = clauses[index]
    if not _CONTINUES.search(context.folded[start:end]):
        return None
    trigger = classify(context, start, end, report_from=clauses[0][0])
    if trigger is None or trigger.event_type == "statement":
        return None
    span_start = clauses[previous_index][0]
    if end - span_start > QUOTE_LIMIT:
        return None
    if any(claim.char_start <= start < claim.char_end for claim in claims):
        return None
    if not _admissible(context, (start, end), mention, trigger):
        return None
    claim = _build_claim(context, scope, (span_start, end), trigger, mention, state, speaker_turn)
    if claim is None or any(existing.key == claim.key for existing in claims[-2:]):
        return None
    return claim


# --- within one article -----------------------------------------------------------------------


def _interval_days(claim: ExtractedClaim) -> int:
    if claim.date is None or claim.date.start is None or claim.date.end is None:
        return 1 << 30
    return (claim.date.end - claim.date.start).days


def collapse_claims(claims: Sequence[ExtractedClaim]) -> tuple[ExtractedClaim, ...]:
    """One claim per key and per span in an article: the most precisely dated, then the first.

    An article that restates a happening ("去年 5 月…发布了 yi-large" twice) gives one
    statement of it; two spans never share offsets, as the claim table requires.
    """
    best: dict[str, ExtractedClaim] = {}
    for claim in claims:
        current = best.get(claim.key)
        if current is None or _interval_days(claim) < _interval_days(current):
            best[claim.key] = claim
    kept: list[ExtractedClaim] = []
    spans: set[tuple[int, int]] = set()
    for claim in sorted(best.values(), key=lambda c: (c.char_start, c.char_end)):
        if (claim.char_start, claim.char_end) in spans:
            continue
        spans.add((claim.char_start, claim.char_end))
        kept.append(claim)
    return tuple(kept)
