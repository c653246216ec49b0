"""Referring expressions: "该公司", "該局", "实验室", "the company", "the regulator" read as the
actor they stand for, the latest one of the matching kind named before them; a category
noun opening a clause ("集团以…", "基金会获得…", "本片…") stands for the latest actor whose
name ends as its kind's names do (`vocabulary/category_nouns.tsv`). In Chinese, the tail of
a name written before ("水厂", "署方", "该厂"; `short_forms`) is read first, and outweighs
the readings by kind of "该局", "该机构" and of the category nouns.

An English pronoun opening a clause stands first for the subject the sentence before
opened on ("The pension fund X bought…. It tried…"), when that subject fits it: a body for
"it" and "they", a person (or a name given a post in apposition) for "she" and "he". It
stands for no one when that subject is a name no actor was read from, or, for "they", when
the sentence before counts people; it never stands for an actor named only after it.

A claim whose subject is only referred to ("该局10月对华讯通信处以罚款", "In July 2024, the
company raised $450 million") gets that actor at the referring words' place, so its parties
are read as if the name were written there. Plain Python.
"""

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from pathlib import Path

from timeline.pipeline.actors import ActorEntry, ActorMention, fold_text
from timeline.pipeline.context import COMPANY_KINDS, ORGANIZATION_KINDS, WORK_KINDS, ArticleContext
from timeline.pipeline.cues import OPENERS
from timeline.pipeline.english_names import PERSON_TITLES
from timeline.pipeline.nouns import CategoryNoun, category_pattern, noun_entry
from timeline.pipeline.sentences import ends_sentence
from timeline.pipeline.short_forms import short_forms
from timeline.pipeline.triggers import gated

# Clause boundaries a subject follows (an English full stop only before a space).
_BOUNDARY = "，。,;；:：!?！？\n"

# The kinds each referring expression may stand for: words that refer anywhere, and words
# that refer only when they open a clause ("公司首席技术官赵刚卸任", "Its loyalty program…").
REFERRING = (
    (
        gated(
            r"(?:该|这家|此|本)(?:公司|集团|企业|银行|航司|航空公司|保险公司|厂商|车企|平台)|该行"
            r"|\bthe (?:[\w-]+ )?(?:company|firm|group|bank|lender|insurer|airline|carrier"
            r"|operator|retailer|chain|automaker|carmaker|chipmaker|chip maker|studio|start-?up"
            r"|maker|manufacturer|streamer|broadcaster|utility|telecom|developer|publisher|brand"
            r"|brewer|producer|supplier|provider|distributor|miner|shipper|courier|platform"
            r"|conglomerate)\b"
        ),
        gated(r"公司(?![的之]?(?:股|债|名|法))"),
        COMPANY_KINDS,
    ),
    # "It issued a finding", "Its inspectors visited…": an English "it" stands for any body
    # (a ministry, a board, a trust), not only a company, when it opens a clause.
    (re.compile(r"(?!)"), gated(r"\bits?\b"), ORGANIZATION_KINDS),
    (
        gated(
            r"(?:该|这个|此)实验室|该研究所|该研究院|该中心"
            r"|\bthe (?:lab|laboratory|institute|research cent(?:er|re))\b"
        ),
        gated(r"实验室"),
        frozenset({"lab", "organization"}),
    ),
    (
        gated(
            r"该局|该署|该会|该委|该部|该厅|该所|该机构|该部门|监管机构|监管部门|该监管机构"
            r"|\bthe (?:regulator|authority|agency|ministry|commission|administration|watchdog"
            r"|bureau|department|exchange|university|league|government)\b"
        ),
        None,
        frozenset({"organization"}),
    ),
)

# A work named before: "这款游戏从2018年立项", "該藥物", "the game", "the drug"; a bare
# "游戏" only when it opens a clause.
WORKS = (
    gated(
        r"(?:这款|这部|该款|该部|此款|这个|该)(?:游戏|产品|应用|软件|车型|新车|手机|芯片|药物|新药"
        r"|电影|影片|剧集|机器人|模型)"
        r"|\bthe (?:game|app|drug|film|movie|series|show|phone|handset|sedan|model|treatment"
        r"|chip|device|robot)\b"
    ),
    gated(r"游戏|新药|新车|该药"),
    frozenset({"product", "model"}),
)
# "他", "she": a person named before, when the pronoun opens a clause (its subject).
PERSONAL = (
    re.compile(r"(?!)"),
    gated(r"他(?![们們])|她(?![们們])|\b(?:he|she|his|her)\b"),
    frozenset({"person"}),
)
# "它", "牠" (an animal, in traditional script): a thing, an animal or a body named before,
# when the pronoun opens a clause. A company's "it" is 该公司 in Chinese news, so this
# reaches things first, through the same antecedent rule as "他".
THING = (
    re.compile(r"(?!)"),
    # "它的速度…" describes the thing; only 它 acting is its subject.
    gated(r"[它牠](?![们們的])"),
    frozenset({"organization", "product", "model", "company"}),
)
# "They", "Their petition": the body or group the sentence before (or this one) opened on,
# when one did; people left unnamed ("The workers…") make it stand for no one. The kinds
# are the bodies' with a marker of their own, which no actor has.
PLURAL_KINDS = frozenset({*ORGANIZATION_KINDS, "plural"})
PLURAL = (re.compile(r"(?!)"), gated(r"\b(?:they|their)\b"), PLURAL_KINDS)
REFERRING = (*REFERRING, WORKS, PERSONAL, THING, PLURAL)

# Two companies referred to together: "the two airlines", "两家公司", "双方".
PAIRS = gated(
    r"两家(?:公司|银行|企业|航司|航空公司|保险公司|券商)|两行|双方|"
    r"\b(?:the two|both) (?:companies|firms|groups|banks|lenders|airlines|carriers|insurers"
    r"|operators|retailers|chains|studios|sides)\b"
)

# A category noun ("集团", "基金会", "大学", "本片"; `vocabulary/category_nouns.tsv`) refers to
# the latest actor whose name ends as its kind's names do: anywhere after a determiner
# ("该集团", "这所大学", "这座灯塔"), and bare only where it opens a clause ("集团以1.2亿元收购…").
_CATEGORY_AFTER_DETERMINER = gated(
    rf"(?:该|这家|这所|这个|此|本|这座|该座|这艘|该艘)(?P<noun>{category_pattern()})"
)
# "银行业", "大学生", "集团化" are other words.
_CATEGORY = gated(rf"(?P<noun>{category_pattern()})(?![业界化生们里内间])")


def load_heads(path: Path) -> dict[str, frozenset[str]]:
    """English head nouns and the words of a name each may stand for, from a data file
    (`vocabulary/en_heads.tsv`: head, name words, example; "#" starts a comment)."""
    heads: dict[str, frozenset[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, words, _example = line.split("\t")
        heads[head.strip()] = frozenset(words.split())
    return heads


EN_HEADS = load_heads(Path(__file__).with_name("vocabulary") / "en_heads.tsv")
# "the museum", "the new mayor", "the Finnish conductor": a definite description whose head
# noun (lower case in the text) may stand for an actor whose name fits it.
_DESCRIPTION = gated(r"\bthe (?:(?:new|former|same) )?([a-z][a-z-]{2,})\b")
_NAME_WORD = re.compile(r"[a-z][a-z0-9-]*")
_NOUN_AFTER = re.compile(r" ([a-z][a-z-]{2,})\b(?! (?:of|to|for)\b)")
_DETERMINED = re.compile(r"\b(?:the|its|their|his|her|a|an) $")
# The heads of buildings' and places' names ("City Hall", "Union Station").
_PLACE_HEADS = frozenset(
    [
        "hall",
        "square",
        "street",
        "road",
        "avenue",
        "station",
        "park",
        "airport",
        "tower",
        "house",
        "centre",
        "center",
        "building",
        "plaza",
        "lane",
    ]
)
_KIND_OF_BEFORE = re.compile(
    r"\bthe (city|town|village|county|borough|state|port|island|district|province) of $"
)
_NOUN_BEFORE = re.compile(r"([a-z][a-z.-]+),? $")
# Words that stand after "the" but name no actor, whatever a name holds.
_NOT_HEADS = frozenset(
    {"day", "week", "month", "year", "time", "end", "start", "same", "first", "last", "next"}
    | {"new", "former", "other", "and", "of", "for", "the", "with", "from", "by"}
)

# How far back a referring expression looks for what it stands for.
_LOOKBACK = 2000
_THE = re.compile(r"^(?:the|a|an)(?:\s+|$)")


def referred_actors(
    context: ArticleContext, start: int, end: int, topic: str | None = None
) -> list[ActorMention]:
    """An actor mention for each referring expression in [start, end) that names no actor
    itself, standing for the latest actor of its kind before it: the one that was a
    clause's subject, else any; a company may also be the paragraph's `topic` or the
    company the article is about."""
    expressions = _expressions(context)
    index = bisect_left(expressions, (start,))
    found = []
    while index < len(expressions) and expressions[index][1] <= end:
        at, until, kinds, noun = expressions[index]
        index += 1
        slugs = context.referents.get((at, topic))
        if slugs is None:
            if noun is not None:
                slug = _by_category(context, at, noun)
                slugs = (slug,) if slug else ()
            elif kinds is None:
                slugs = tuple(_latest_two(context, at))
            elif isinstance(kinds, tuple):
                slugs = (_latest_fitting(context, at, kinds),)
            elif kinds == PLURAL_KINDS:
                slug = _sentence_subject_before(context, at) or None
                if _people_counted_before(context, at):
                    slug = None
                slugs = (slug,) if slug else ()
            else:
                slug = _antecedent(context, at, kinds, topic)
                slugs = (slug,) if slug else ()
            context.referents[(at, topic)] = slugs
        found += [ActorMention(slug, context.text[at:until], at, until) for slug in slugs]
    return found


def _expressions(
    context: ArticleContext,
) -> list[tuple[int, int, frozenset[str] | tuple[str, ...] | None, CategoryNoun | None]]:
    """Every referring expression of the article that names no actor, found once, in text
    order: (start, end, the kinds it may stand for or None for a pair of companies, the
    category noun it is or None)."""
    if context.referring is not None:
        return context.referring
    expressions = []
    # "集团去年…", "署方本月…", "该厂…": the tail of a name written before (`short_forms`);
    # where one is read, it outweighs a reading by the kind of body alone.
    shorts = [] if context.language == "en" else _short_forms(context)
    for anywhere, initial, kinds in REFERRING:
        matches = [*anywhere.finditer(context.folded)]
        if initial is not None:
            matches += [
                m
                for m in initial.finditer(context.folded)
                if _opens_clause(context.text, m.start())
                or _after_a_date(context, m.start())
                or _opens_reported_clause(context, m.start())
            ]
        expressions += [
            (*m.span(), kinds, None)
            for m in matches
            if not _in_a_name(context, *m.span())
            and not _names_follow(context, m.end())
            and not (kinds == _BODIES and _overlaps(shorts, *m.span()))
        ]
    expressions += [(*m.span(), None, None) for m in PAIRS.finditer(context.folded)]
    taken = [(start, end) for start, end, _kinds, _noun in expressions]
    for start, end, slug in shorts:
        if not _overlaps(taken, start, end):
            taken.append((start, end))
            expressions.append((start, end, (slug,), None))
    categories = [*_CATEGORY_AFTER_DETERMINER.finditer(context.folded)]
    categories += [
        m for m in _CATEGORY.finditer(context.folded) if _opens_clause(context.text, m.start())
    ]
    for match in sorted(categories, key=lambda m: (m.start(), -m.end())):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or _in_a_name(context, start, end):
            continue
        taken.append((start, end))
        expressions.append((start, end, None, noun_entry(match.group("noun"))))
    if context.language == "en":
        starts = {start for start, _end in taken}
        expressions += [
            (*expression, None)
            for expression in _descriptions(context)
            if expression[0] not in starts
        ]
    context.referring = sorted(expressions, key=lambda expression: expression[:2])
    return context.referring


# The kinds of "该局", "该机构", "监管部门": a body, whatever its name.
_BODIES = frozenset({"organization"})


def _short_forms(context: ArticleContext) -> list[tuple[int, int, str]]:
    dates = [(mention.char_start, mention.char_end) for mention in context.dates]
    return short_forms(context.folded, context.actors, context.kind, dates)


def _overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, *_rest in spans)


def _names_follow(context: ArticleContext, position: int) -> bool:
    """ "the tiny publisher Brindle Books", "the carmaker Lumora": an English description
    right before a name describes that name; it refers to no one before it."""
    if context.language != "en":
        return False
    index = bisect_left(context._actor_starts, position)
    return index < len(context.actors) and context.actors[index].char_start <= position + 1


def _fits_category(context: ArticleContext, slug: str, noun: CategoryNoun) -> bool:
    return _entry_fits(context.matcher.entry(slug), noun)


@lru_cache(maxsize=4096)
def _entry_fits(entry: ActorEntry, noun: CategoryNoun) -> bool:
    """Whether one of the actor's names ends as the noun's kind's names do ("长风出版集团"
    for 集团, "香江大学" for 大学), or, for a noun with no endings, the actor is of its kinds.
    A name's ending outweighs the kind a rule guessed for it."""
    if not noun.endings:
        return entry.kind in noun.kinds
    if entry.kind == "person":
        return False
    names = (fold_text(name) for name in (entry.name, *entry.aliases))
    return any(
        name.endswith(ending) and len(name) > len(ending)
        for name in names
        for ending in noun.endings
    )


def _by_category(context: ArticleContext, position: int, noun: CategoryNoun) -> str | None:
    """The latest actor before `position` that the category noun fits, else the one the
    article names most often (its main actor of that kind)."""
    index = bisect_left(context._actor_starts, position) - 1
    while index >= 0 and context.actors[index].char_start >= position - _LOOKBACK:
        mention = context.actors[index]
        index -= 1
        if _fits_category(context, mention.slug, noun):
            return mention.slug
    # Kept once per noun: (-1, noun) is no position.
    main = context.referents.get((-1, noun.noun))
    if main is None:
        fitting = Counter(m.slug for m in context.actors if _fits_category(context, m.slug, noun))
        main = (fitting.most_common(1)[0][0],) if fitting else ()
        context.referents[(-1, noun.noun)] = main
    return main[0] if main else None


def _descriptions(context: ArticleContext) -> list[tuple[int, int, tuple[str, ...]]]:
    """English definite descriptions ("the museum", "the orchestra", "the judge") that fit
    some actor of the article: (start, end, the fitting slugs in order of first mention).

    A name fits a head noun when the head or a word the vocabulary gives it is a word of
    the name ("the museum" ← "Kessler Museum of Art", "the orchestra" ← "… Philharmonic"),
    or when the text writes the head next to the name ("the Cerro Alto mine", "the
    conductor Aino Rautio", "Judge Ana Ruiz")."""
    text, folded = context.text, context.folded
    fits: dict[str, list[str]] = {}
    for mention in context.actors:
        name_words = set(_NAME_WORD.findall(fold_text(context.name(mention.slug))))
        # A name's own head fits: its last word, or the one before its "of" ("Museum of
        # Art"). A place's name fits only its head: "City Hall" is a hall, not "the city".
        ordered = _NAME_WORD.findall(fold_text(context.name(mention.slug)).split(" of ")[0])
        if ordered and ordered[-1] in _PLACE_HEADS:
            name_words = set(ordered[-1:])
        heads = {head for head, words in EN_HEADS.items() if name_words & (words | {head})}
        heads |= set(ordered[-1:])
        # "the city of Dunmore", "the town of Oakby": the kind written before the name.
        kind_of = _KIND_OF_BEFORE.search(
            folded, max(0, mention.char_start - 20), mention.char_start
        )
        if kind_of:
            heads.add(kind_of.group(1))
        # "the Cerro Alto mine", "its Tern-1 rocket": a noun after a determined name.
        after = _NOUN_AFTER.match(folded, mention.char_end)
        if after and _DETERMINED.search(folded, max(0, mention.char_start - 6), mention.char_start):
            heads.add(after.group(1))
        # "the conductor Aino Rautio", "Judge Ana Ruiz", "the regulator, Sernageomin".
        before = _NOUN_BEFORE.search(folded, max(0, mention.char_start - 30), mention.char_start)
        if before and (before.group(1) in PERSON_TITLES or before.group(1) in EN_HEADS):
            heads.add(before.group(1))
        for head in heads - _NOT_HEADS:
            slugs = fits.setdefault(head, [])
            if mention.slug not in slugs:
                slugs.append(mention.slug)
    found = []
    for match in _DESCRIPTION.finditer(folded):
        head, end, fitting = match.group(1), match.end(), fits.get(match.group(1), [])
        after = _NOUN_AFTER.match(folded, match.end())
        if after and after.group(1) in fits and text[match.start(1)].islower():
            # "the park authority", "the harbour board": a word of the name before its head
            # narrows the head to the names holding both.
            holding = [
                slug
                for slug in fits[after.group(1)]
                if head in _NAME_WORD.findall(fold_text(context.name(slug)))
            ]
            if holding:
                end, fitting = after.end(), holding
        if not fitting or not text[match.start(1)].islower():
            continue
        if _in_a_name(context, match.start(), end) or context.actors_in(end, end + 3):
            continue  # "the forward Davi Moreira": the name is written right there
        found.append((match.start(), end, tuple(fitting)))
    return found


def _latest_fitting(context: ArticleContext, position: int, slugs: tuple[str, ...]) -> str:
    """The fitting actor named last before `position` as its clause's subject, else the
    fitting one named last, else the one named first ("The club sacked its manager" after
    "Kingsmere sold a player to the German club FC Elbstadt" is Kingsmere)."""
    index = bisect_left(context._actor_starts, position) - 1
    anywhere = None
    while index >= 0 and context.actors[index].char_start >= position - _LOOKBACK:
        mention = context.actors[index]
        index -= 1
        if mention.slug not in slugs:
            continue
        if _leads_its_clause(context, mention):
            return mention.slug
        anywhere = anywhere or mention.slug
    return anywhere or slugs[0]


def _latest_two(context: ArticleContext, position: int) -> list[str]:
    """The two companies named last before `position`, in the order they were named."""
    index = bisect_left(context._actor_starts, position) - 1
    found: list[str] = []
    while index >= 0 and len(found) < 2:
        mention = context.actors[index]
        index -= 1
        if mention.char_start < position - _LOOKBACK:
            break
        if context.kind(mention.slug) in COMPANY_KINDS and mention.slug not in found:
            found.append(mention.slug)
    return found[::-1] if len(found) == 2 else []


def _in_a_name(context: ArticleContext, start: int, end: int) -> bool:
    """True when the words are part of an actor's name ("苹果公司")."""
    return any(
        m.char_start < end and start < m.char_end
        for m in context.actors_in(max(0, start - 40), end + 40)
    )


def _antecedent(
    context: ArticleContext, position: int, kinds: frozenset[str], topic: str | None
) -> str | None:
    if context.language == "en" and kinds == ORGANIZATION_KINDS:
        thing = _thing_before(context, position)
        if thing is not None:
            return thing
        described = _described_before(context, position)
        if described is not None:
            return described
    closing = _closes_clause_before(context, position, kinds)
    if closing is not None:
        return closing
    if "lab" in kinds:
        lab = _latest_lab(context, position)
        if lab is not None:
            return lab
    if context.language == "en":
        # "Castell Partners bought Ridgeway in 2017. It tried to sell the company…": the
        # subject the sentence before opened on, when it fits, outweighs the paragraph's.
        subject = _sentence_subject_before(context, position, kinds)
        if subject == UNREAD:
            return None
        if subject is not None and _fits_company(context, subject, kinds):
            return subject
    if topic is not None and context.kind(topic) in kinds and _fits_company(context, topic, kinds):
        return topic
    index = bisect_left(context._actor_starts, position) - 1
    anywhere = None
    while index >= 0 and context.actors[index].char_start >= position - _LOOKBACK:
        mention = context.actors[index]
        index -= 1
        if placed(context, mention) or not _fits_company(context, mention.slug, kinds):
            continue
        if context.kind(mention.slug) not in kinds and not (
            "person" in kinds and reads_as_person(context, mention)
        ):
            continue
        if _leads_its_clause(context, mention):
            return mention.slug
        anywhere = anywhere or mention.slug
    if anywhere is None and kinds & COMPANY_KINDS:
        # "It had been installed in 2019" before any company is named: the company the
        # article is about stands in only once it has been named; a pronoun never
        # refers forward.
        return company_named_before(context, position, kinds)
    return anywhere


def company_named_before(
    context: ArticleContext, position: int, kinds: frozenset[str] = COMPANY_KINDS
) -> str | None:
    """The company the article is about, as what a referring word at `position` may stand
    for: only once it has been named (a pronoun never refers forward), and not when its
    English name is written as a person's."""
    main = context.main_company
    if main is None:
        return None
    index = bisect_left(context._actor_starts, position)
    if any(m.slug == main for m in context.actors[:index]) and _fits_company(context, main, kinds):
        return main
    return None


# "Harriet Doyle, the library's director,", "Greta Holm, 71, a retired nurse,": a post or an
# occupation in apposition to a name makes it a person's, whatever kind was guessed for it.
_APPOSED_POST = re.compile(
    r",(?: \d{1,3},)? (?:the|a|an|its|their|his|her) (?:[\w'’.-]+ ){0,3}?([a-z][a-z-]+)"
    r"(?: (?:of|at|for) [^,.;]{1,40})?[,.;]"
)
_POSTS = PERSON_TITLES | frozenset(
    {"director", "executive", "head", "chief", "ceo", "chair", "chairperson", "officer"}
)
_PERSON_NAME = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}")


def reads_as_person(context: ArticleContext, mention: ActorMention) -> bool:
    """Whether an English name is a person's: of that kind, or a two- or three-word name
    with a post or an occupation in apposition right after it."""
    if context.kind(mention.slug) == "person":
        return True
    if context.language != "en" or context.kind(mention.slug) not in COMPANY_KINDS:
        return False
    if not _PERSON_NAME.fullmatch(context.text[mention.char_start : mention.char_end]):
        return False
    post = _APPOSED_POST.match(context.text, mention.char_end)
    return post is not None and post.group(1) in _POSTS


def _written_as_person(context: ArticleContext, slug: str) -> bool:
    """Whether some mention of the actor reads as a person's (`reads_as_person`); kept
    once per actor at position -2, which is no position."""
    known = context.referents.get((-2, slug))
    if known is None:
        person = any(reads_as_person(context, m) for m in context.actors if m.slug == slug)
        known = (slug,) if person else ()
        context.referents[(-2, slug)] = known
    return bool(known)


# Heads of names of bodies that are no company: "the company" is never the "Ridgeway
# Parents' Association" or the "Dunmore Rowing Club" (`vocabulary/en_heads.tsv`).
_NOT_COMPANY_HEADS = frozenset(
    word
    for head in ("union", "club", "council", "court", "university", "school", "hospital", "party")
    for word in (head, *EN_HEADS.get(head, ()))
) - {"united", "athletic", "city", "town", "group"}


def _fits_company(context: ArticleContext, slug: str, kinds: frozenset[str]) -> bool:
    """Whether an English actor may stand for words that refer to a body: not when its
    name is written as a person's ("Gareth Voss, the company's owner,"), nor, for "the
    company", when it is headed by a body's noun that is no company's."""
    if context.language != "en" or "person" in kinds:
        return True
    if _written_as_person(context, slug):
        return False
    if not kinds <= COMPANY_KINDS:
        return True
    words = _NAME_WORD.findall(fold_text(context.name(slug)).split(" of ")[0])
    return not words or words[-1] not in _NOT_COMPANY_HEADS


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts: after the last full stop before it
    that ends a sentence ("on Jan. 4. It…" is one stop, not two), or its paragraph."""
    floor = text.rfind("\n", 0, position) + 1
    dot = text.rfind(". ", floor, position)
    while dot >= 0 and not ends_sentence(text, dot):
        dot = text.rfind(". ", floor, dot)
    return dot + 2 if dot >= 0 else floor


# A count of things or people: "two kayakers", "40 drivers", "dozens of residents".
_COUNTED = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|several"
    r"|hundreds of|a few|a pair of|both) (?:[a-z-]+ )?[a-z-]+s\b"
)


def _people_counted_before(context: ArticleContext, position: int) -> bool:
    """ "The club rescued two kayakers on Sunday. They were taken to hospital…": a count
    in the sentence before is what "they" may stand for as well as its subject, so the
    pronoun stands for neither."""
    sentence_start = _sentence_start(context.text, position)
    previous = _sentence_start(context.text, max(0, sentence_start - 2))
    return bool(_COUNTED.search(context.folded, previous, position))


def _sentence_subject_before(
    context: ArticleContext, position: int, kinds: frozenset[str] = ORGANIZATION_KINDS
) -> str | None:
    """ "Parents at Elm Grove protested on Monday. Their petition…": the actor of `kinds`
    that opened the sentence before `position` (or its own sentence, before it) as its
    subject; None when that sentence opened on words no such actor was read from."""
    text = context.text
    sentence_start = _sentence_start(text, position)
    if text[sentence_start:position].strip():
        # "The union struck in May, and they won…": this sentence's own subject.
        start = sentence_start
    else:
        paragraph_start = text.rfind("\n", 0, max(0, sentence_start - 1)) + 1
        start = max(_sentence_start(text, max(0, sentence_start - 2)), paragraph_start)
        if start >= sentence_start:
            return None
    for mention in context.actors_in(start, position):
        if mention.char_start >= position:
            break
        if not _opens_on(context, start, mention) or _POSSESSIVE.match(text, mention.char_end):
            continue  # "Alderpeak's owner, Glenmore Holdings, said…": the owner is the subject
        fits = context.kind(mention.slug) in kinds or (
            "person" in kinds and reads_as_person(context, mention)
        )
        if fits and not placed(context, mention) and _fits_company(context, mention.slug, kinds):
            return mention.slug
        # "Whitcombe cast the bells in 2022, and this September it repaired…": a pronoun
        # later in the sentence is its subject's, even one read as another kind; so no one.
        own = start == sentence_start and _PRONOUN.match(context.folded, position)
        return UNREAD if own else None
    # Referred to in its turn: "The union… They struck. Their pickets…".
    opening = start + len(text[start:position]) - len(text[start:position].lstrip())
    for at, until, _kinds, _noun in _expressions(context):
        if at == opening and at < position:
            if _POSSESSED.match(context.folded, at):
                # "His daughter, Ruth Okoye, ran it…": the one possessed is the subject,
                # not the possessor, and no actor was read for it.
                return UNREAD
            referred = [m for m in referred_actors(context, at, until) if m.char_start == at]
            fitting = [m for m in referred if context.kind(m.slug) in kinds]
            return fitting[0].slug if fitting else None
    unread = _UNREAD_SUBJECT.match(text, opening, position)
    if unread and not context.actors_in(unread.start(1), unread.end(1)):
        # "The charity Fieldwise took over the Marsh Lane shelter. It lost…": the sentence
        # opened on a name no actor was read from; "it" stands for that name, so for no
        # actor at all rather than the one named after it.
        return UNREAD
    return None


# The sentence opens on a capitalised word after "the" and a description: a name.
_UNREAD_SUBJECT = re.compile(r"(?:[Tt]he|[Aa]n?)\s+(?:[a-z][a-z-]* ){0,3}([A-Z][\w'’-]+)")
# What `_sentence_subject_before` gives when the subject before was a name no actor was read
# from; no slug is empty.
UNREAD = ""


_POSSESSED = re.compile(r"(?:his|her|its|their) [a-z]")
_PRONOUN = re.compile(r"(?:it|its|they|their)\b")
_POSSESSIVE = re.compile(r"['’]s?\b")
# What may stand before a sentence's subject besides an opener, a date and "the": its
# description ("The pension investor Castell Partners bought…") or, set off by commas, a
# post it holds ("The mill's owner, Ashcombe Grain Ltd., said…").
_DESCRIBED_SUBJECT = re.compile(r"(?:[a-z][a-z-]* ){1,3}")
_POST_OF_SUBJECT = re.compile(r"(?:[\w'’-]+ ){0,3}?[\w-]+['’]s (?:[a-z-]+ ){0,2}[a-z-]+, ")


def _opens_on(context: ArticleContext, start: int, mention: ActorMention) -> bool:
    """Whether the name is the subject the sentence from `start` opens on: only an opener,
    a date, "the" and a description or a post of it stand before it."""
    lead = context.text[start : mention.char_start]
    for date in context.dates_in(start, mention.char_start):
        lead = lead.replace(context.text[date.char_start : date.char_end], "")
    lead = OPENERS.sub("", lead.lstrip(), count=1).lstrip(", ")
    lead = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", lead.lstrip())
    if not lead.strip(" ,"):
        return True
    return bool(_DESCRIBED_SUBJECT.fullmatch(lead) or _POST_OF_SUBJECT.fullmatch(lead))


# How a laboratory's or an institute's name ends, in either script.
_LAB_NAME = re.compile(r"(?:实验室|實驗室|研究所|研究院|研究中心|lab|laboratory|institute)$")


def _latest_lab(context: ArticleContext, position: int) -> str | None:
    """ "次日，实验室确诊…": the latest actor named as a laboratory or an institute, even
    where a ministry or a company led a clause since."""
    index = bisect_left(context._actor_starts, position) - 1
    while index >= 0 and context.actors[index].char_start >= position - _LOOKBACK:
        slug = context.actors[index].slug
        index -= 1
        if _LAB_NAME.search(fold_text(context.name(slug))):
            return slug
    return None


def _closes_clause_before(
    context: ArticleContext, position: int, kinds: frozenset[str]
) -> str | None:
    """ "…共同出资组建江滩公园运营公司。该公司上月…": a Chinese name of the kind that
    ends the clause right before the referring words is what they stand for, whoever the
    paragraph is about."""
    if context.language == "en":
        return None
    index = bisect_left(context._actor_starts, position) - 1
    if index < 0:
        return None
    mention = context.actors[index]
    if context.kind(mention.slug) not in kinds or mention.char_end > position:
        return None
    between = context.text[mention.char_end : position]
    return mention.slug if re.fullmatch(r"\s*[。；;]\s*", between) else None


def _thing_before(context: ArticleContext, position: int) -> str | None:
    """ "The Bearpaw fire spread overnight. It destroyed 63 homes…", "The MV Corrie ran
    aground on May 3. It was refloated…": a named thing (a fire, a storm, a ship) that led
    the sentence right before is what "it" stands for."""
    sentence_start = context.text.rfind(". ", 0, position)
    previous_start = context.text.rfind(". ", 0, max(0, sentence_start))
    paragraph_start = context.text.rfind("\n", 0, max(0, sentence_start)) + 1
    previous_start = max(previous_start + 2, paragraph_start)
    if sentence_start < 0 or context.text[sentence_start + 2 : position].strip():
        return None
    for mention in context.actors_in(previous_start, sentence_start):
        if context.kind(mention.slug) in ORGANIZATION_KINDS | {"person"}:
            return None
        if context.kind(mention.slug) in WORK_KINDS and _leads_its_clause(context, mention):
            return mention.slug
    return None


def _described_before(context: ArticleContext, position: int) -> str | None:
    """ "The association was founded in 1962. It took the department to court…": a body the
    sentence right before opened on a description of is what its "it" stands for."""
    sentence_start = context.text.rfind(". ", 0, position)
    if sentence_start < 0 or context.text[sentence_start + 2 : position].strip():
        return None
    previous_start = context.text.rfind(". ", 0, sentence_start)
    paragraph_start = context.text.rfind("\n", 0, sentence_start) + 1
    previous_start = max(previous_start + 2, paragraph_start)
    opening = len(context.text[previous_start:sentence_start]) - len(
        context.text[previous_start:sentence_start].lstrip()
    )
    for at, until, kinds, _noun in _expressions(context):
        if at == previous_start + opening and isinstance(kinds, tuple):
            referred = referred_actors(context, at, until)
            fitting = [m for m in referred if context.kind(m.slug) in ORGANIZATION_KINDS]
            return fitting[0].slug if fitting else None
    return None


# "a meeting in Dublin", "at Kelso": a name after a preposition of place is where something
# happened; "it" in the next clause is not that place.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|across|around|off)\s+(?:the\s+)?$")


def placed(context: ArticleContext, mention: ActorMention) -> bool:
    """Whether an English name stands after a preposition of place ("aground off X")."""
    if context.language != "en":
        return False
    return bool(
        _PLACE_BEFORE.search(context.folded, max(0, mention.char_start - 14), mention.char_start)
    )


def _clause_start(text: str, position: int, floor: int) -> int | None:
    """Where the clause holding `position` starts, looking back no further than `floor`."""
    for index in range(position - 1, floor - 1, -1):
        char = text[index]
        if char in _BOUNDARY or (char == "." and text[index + 1 : index + 2].isspace()):
            return index + 1
    return 0 if floor == 0 else None


def _after_a_date(context: ArticleContext, position: int) -> bool:
    """ "Two months ago it secured…", "In 2019 he joined…": only a date (and its
    preposition) opens the clause before the word."""
    dates = context.dates_in(max(0, position - 40), position)
    if not dates or context.text[dates[-1].char_end : position].strip(" ,"):
        return False
    return _opens_clause(context.text, dates[-1].char_start) or bool(
        re.search(
            r"(?:^|[.;:!?\n]\s*)(?:in|on|at|by|during|since)\s+$",
            context.text[max(0, dates[-1].char_start - 12) : dates[-1].char_start],
            re.IGNORECASE,
        )
    )


def _opens_reported_clause(context: ArticleContext, position: int) -> bool:
    """ "X said on Monday that it had closed…", "X said it first detected…": the subject
    of what was said."""
    return context.language == "en" and bool(
        _REPORTING.search(context.folded, max(0, position - 12), position)
    )


_REPORTING = re.compile(r"\b(?:that|said|says|added|announced|confirmed|stated|noted)\s+$")


def _opens_clause(text: str, position: int) -> bool:
    start = _clause_start(text, position, max(0, position - 3))
    return start is not None and not text[start:position].strip()


def _leads_its_clause(context: ArticleContext, mention: ActorMention) -> bool:
    """True when only an opener, a date or an article stands before the name in its clause."""
    clause_start = _clause_start(context.text, mention.char_start, max(0, mention.char_start - 40))
    if clause_start is None:
        return False
    folded = context.folded
    lead = folded[clause_start : mention.char_start]
    for date in context.dates_in(clause_start, mention.char_start):
        lead = lead.replace(folded[date.char_start : date.char_end], "")
    lead = _THE.sub("", OPENERS.sub("", lead.strip(), count=1).strip()).strip()
    # "由腾讯领投", "向华为采购": a name after a preposition is not the clause's subject.
    return len(lead) <= 1 and lead not in PREPOSITIONS


# Words before a name that make it no clause's subject: "由腾讯领投", "向华为采购".
PREPOSITIONS = frozenset("由被向与和跟同对给让从把将为据")
