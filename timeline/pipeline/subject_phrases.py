"""A Chinese clause's subject read from the tagger's word classes, when it names no actor.

"北岸污水泵站今年3月完成改造", "去年8月，山区气象雷达站遭雷击停运": the noun phrase standing
before the clause's date and verb (or right after a date that opens the clause) is its
subject, even when no gazetteer entry or recognised name covers it. Kind-noun lists always
miss the next subject; the tagger's classes (n, nz, a, s, f, m, q …) tell where any noun
phrase is. The phrase, trimmed of determiners and counts, is the actor told before whose
name it ends ("该游泳馆"), else a discovered actor in the article's script; a bare common
noun, a body's team with no such name, or an action's noun and a common noun alone (a plan
or a work: "搬迁方案", "建设项目") is refused. Plain Python.

Only the phrase is found here; whether the clause tells a happening (past, no plan, no
state, no judgement) is `happenings.plain_happening`'s to say.
"""

import re

from timeline.pipeline.actors import REVIEW_DISCOVERED, ActorEntry, ActorMention, alias_key
from timeline.pipeline.chinese_names import names_a_work
from timeline.pipeline.chinese_tagger import chinese_words
from timeline.pipeline.context import ORGANIZATION_KINDS, ArticleContext
from timeline.pipeline.dates import DateMention
from timeline.pipeline.recogniser import slug_for
from timeline.pipeline.wordlists import word_list

# The word classes of a noun phrase's words: nouns, names, adjectives, places and
# directions inside it, counts and measures before it.
_PHRASE_TAGS = frozenset(
    {"n", "nz", "nw", "vn", "an", "a", "s", "f", "m", "q", "nt", "ORG", "ns", "LOC"}
)
# The classes its head (last word) may have: a noun or a body's name.
# (Not an action's noun, "vn": "罢工", "巡演", "发掘" are happenings, not who acted.)
_HEAD_TAGS = frozenset({"n", "nz", "nw", "nt", "ORG", "LOC", "ns"})
# What may follow the phrase when the date opens the clause: a verb, an adverb, a
# preposition ("在近海救起"), a verb's auxiliary.
_AFTER_TAGS = frozenset({"v", "vd", "d", "ad", "p"})
# Openers before the phrase: 据/据悉/另外/此外/同时/随后, the part of the day after a date.
_OPENER = re.compile(
    r"(?:[\s，,、:：]|据悉|据了解|据|另外|此外|同时|随后|其后|之后|当时|当天|当日|同日|同年|当年"
    r"|上午|下午|中午|晚间|晚上|早上|早间|凌晨|傍晚|夜间|深夜)*"
)
# Between the phrase and its date: 于/在/已/曾 ("该矿井于去年…", "渔民已在…").
_BEFORE_DATE = re.compile(r"(?:已经?|曾经?|亦|也|则|又|再)?(?:于|在|於)?\s*$")
# Determiners and counts trimmed from the phrase's front: "该", "这座", "三名", "首批".
_DETERMINER = re.compile(
    r"(?:该|這|这|此|本|那|其)?(?:(?:首|头|頭|第)?[0-9一二两兩三四五六七八九十百千万数几多]*"
    r"(?:个|個|名|位|座|艘|架|辆|輛|台|臺|条|條|家|间|間|批|宗|起|次|只|隻|头|頭|所|处|處|支|群|些|套|项|項|部|份|块|塊|片|栋|棟|幢|段|张|張|把|口|股|种|種|类|類))?"
)
# Words that are no subject of a happening: a pronoun without its antecedent, the reporter,
# a news item, figures, a situation, a matter of work or time.
_GENERIC = word_list("zh_generic_subjects.txt")
# A comparison told as a happening ("销量同比增长", "比去年多"): figures, not an act.
_COMPARISON = re.compile(r"同比|环比|比去年|比上年|比前|较去年|较上年|较前|相比|相較|相比较")
# A body's people or team as a subject: "考古队", "研究人员", "修复团队", "工作组".
_TEAM = re.compile(r"(?:人员|团队|團隊|小组|小組|工作组|工作組|队|隊)$")
# The word classes of a name: a phrase of one such word stands alone ("青龙水库").
_NAME_TAGS = frozenset({"nz", "nw", "nt", "ns", "ORG", "LOC", "PER"})
# How far back an actor whose name the phrase ends may be named.
_ANTECEDENT_REACH = 1500
# "山坡出现裂缝", "鸡舍出现死鸡": what appeared is the happening; the phrase is where.
_APPEARED = re.compile(r"出现|出現")
# "大火于当日下午被扑灭": the subject of a passive is what was acted on; who acted is
# another (named or not), whose happening it is.
_PASSIVE = re.compile(r"被")
# The longest phrase read as a subject, in characters.
_LONGEST = 10


def subject_phrase(
    context: ArticleContext, start: int, end: int, mention: DateMention, sentence_start: int
) -> tuple[int, int] | None:
    """Where the noun phrase that is the subject of the clause from `start` to `end` (in
    the sentence opening at `sentence_start`) stands ("[该北坡矿井]去年11月停产",
    "去年11月，[北坡矿井]停产"), trimmed of determiners and counts; None when the clause opens
    otherwise, the phrase names an actor already, or is a pronoun, a generic word, a date,
    a number or a place after 在/于."""
    if context.language == "en" or mention.char_start is None:
        return None
    folded = context.folded
    if any(cue.search(folded, start, end) for cue in (_COMPARISON, _APPEARED, _PASSIVE)):
        return None
    if _OPENER.match(folded, sentence_start, start).end() < start:
        # "数据显示，去年出口下降": only an opener may stand before the clause in its
        # sentence; after another clause, the phrase may be what was said or shown.
        return None
    if mention.char_start > start:
        lead_start = _OPENER.match(folded, start, mention.char_start).end()
        lead_start = _DETERMINER.match(folded, lead_start, mention.char_start).end()
        lead = folded[lead_start : mention.char_start]
        lead = lead[: len(lead) - len(_BEFORE_DATE.search(lead).group())]
        if not lead or lead.startswith(("在", "于", "於")):
            return None
        words = _compounds(chinese_words(lead))
        if not words or any(tag not in _PHRASE_TAGS for _word, tag in words):
            return None
        phrase_start, phrase_end = lead_start, lead_start + len(lead)
        # "该冷库去年容量为3000吨": a measure of the phrase after its date is a state of it;
        # the date must be followed by the verb (or its adverb or preposition).
        told = _OPENER.match(folded, mention.char_end, end).end()
        verb = _compounds(chinese_words(folded[told : min(end, told + 8)]))
        if not verb or verb[0][1] not in _AFTER_TAGS:
            return None
    else:
        after = _OPENER.match(folded, mention.char_end, end).end()
        after = _DETERMINER.match(folded, after, end).end()
        window = folded[after : min(end, after + 16)]
        taken: list[tuple[str, str]] = []
        for word, tag in _compounds(chinese_words(window)) if window else []:
            if tag not in _PHRASE_TAGS:
                if not taken or tag not in _AFTER_TAGS:
                    return None
                break
            taken.append((word, tag))
        else:
            return None  # the window ends inside the phrase: no verb follows it
        words = taken
        length = sum(len(word) for word, _tag in words)
        phrase_start, phrase_end = after, after + length
    if words[-1][1] not in _HEAD_TAGS:
        return None
    phrase = folded[phrase_start:phrase_end]
    if not 2 <= len(phrase) <= _LONGEST or not re.fullmatch(r"[\u3400-\u9fff]+", phrase):
        return None
    if phrase in _GENERIC or (phrase[-2:] in _GENERIC and len(phrase) <= 3):
        return None
    around = (max(0, phrase_start - 40), phrase_end + 40)
    if any(
        other.char_start < phrase_end and other.char_end > phrase_start
        for other in [*context.actors_in(*around), *context.dates_in(*around)]
    ):
        return None  # a name the subject rules read already, or a date
    return phrase_start, phrase_end


def _told_alone(context: ArticleContext, start: int, end: int) -> bool:
    """Whether a phrase no earlier name ends may stand as an actor of its own: a bare common
    noun ("生产线", "养殖场", "罢工") is most often a thing or a part of a body told before,
    and a team ("考古队", "研究人员") the people of one, which only the paragraph can tell;
    a phrase that holds a name or a modifier ("北岸污水泵站", "交通部门") is itself."""
    words = _compounds(chinese_words(context.folded[start:end]))
    if len(words) == 1 and words[0][1] not in _NAME_TAGS:
        return False
    if names_a_work(words):
        return False  # "搬迁方案", "建设项目": a plan or a work of whoever acts
    if _TEAM.search(context.folded, start, end):
        return not any(
            context.kind(m.slug) in ORGANIZATION_KINDS
            for m in context.actors_in(max(0, start - _ANTECEDENT_REACH), start)
        )
    return True


def _compounds(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The words with a one-character verb joined to the noun right after it: the tagger
    splits "运沙船", "救生艇" into a verb and a noun, which are one noun."""
    joined: list[tuple[str, str]] = []
    for word, tag in words:
        if joined and tag == "n" and joined[-1][1] == "v" and len(joined[-1][0]) == 1:
            joined[-1] = (joined[-1][0] + word, "n")
        else:
            joined.append((word, tag))
    return joined


def discovered_subject(
    context: ArticleContext, phrase: tuple[int, int]
) -> tuple[ActorEntry, ActorMention] | None:
    """The phrase as an actor and its mention: the one told before whose name the phrase
    ends, or a discovered actor (in the article's script; one discovered so before under
    the same words is the same), or None when the phrase cannot stand alone."""
    start, end = phrase
    name = context.text[start:end]
    key = alias_key(name)
    # "九龙湾泳池…该泳池于1998年启用": the phrase ends an actor's name told before; it is
    # that actor, told again by its kind.
    for earlier in reversed(context.actors_in(max(0, start - _ANTECEDENT_REACH), start)):
        if len(key) >= 2 and alias_key(context.name(earlier.slug)).endswith(key):
            return context.matcher.entry(earlier.slug), ActorMention(earlier.slug, name, start, end)
    if not _told_alone(context, start, end):
        return None
    for entry in context.subjects:
        if alias_key(entry.name) == key:
            return entry, ActorMention(entry.slug, name, start, end)
    taken = context.matcher.slugs()
    slug = base = slug_for(name)
    number = 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    entry = ActorEntry(slug, name, "organization", (name,), REVIEW_DISCOVERED)
    return entry, ActorMention(slug, name, start, end)
