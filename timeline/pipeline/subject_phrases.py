"""A Chinese clause's subject read from the tagger's word classes, when it names no actor.

"北岸污水泵站今年3月完成改造", "去年8月，山区气象雷达站遭雷击停运": the noun phrase standing
before the clause's date and verb (or right after a date that opens the clause) is its
subject, even when no gazetteer entry or recognised name covers it. Kind-noun lists always
miss the next subject; the tagger's classes (n, nz, a, s, f, m, q …) tell where any noun
phrase is. The phrase, trimmed of determiners and counts, is the actor told before whose
name it ends ("该游泳馆"), else a discovered actor in the article's script; a bare common
noun or a body's team with no such name is refused. Plain Python.

Only the phrase is found here; whether the clause tells a happening (past, no plan, no
state, no judgement) is `happenings.plain_happening`'s to say.
"""

import re

from timeline.pipeline.actors import REVIEW_DISCOVERED, ActorEntry, ActorMention, alias_key
from timeline.pipeline.context import ORGANIZATION_KINDS, ArticleContext
from timeline.pipeline.cues import SPEECH
from timeline.pipeline.dates import DateMention
from timeline.pipeline.recogniser import chinese_words, slug_for
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
# Verbs after which a clause tells what was said, shown, found or believed.
_SAID_OR_SHOWN = re.compile(
    SPEECH.pattern
    + r"|显示|顯示|认为|認為|发现|發現|了解到|获悉|獲悉|反映|介绍|介紹"
    + r"|通报|通報|报道|報道|公布|承认|承認"
)
# A count of beings that move by themselves, right before a bare noun: "首批", "一群",
# "数百只", "三头" (not "名", "位": people are most often a body's, whose happening it is).
_COUNTED_BEINGS = re.compile(
    r"(?:首|头|頭|第[一二三四五六七八九十])批$"
    r"|[0-9一二两兩三四五六七八九十百千万萬数數几幾多余餘]+(?:只|隻|头|頭|群|匹)$"
)
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
    if _OPENER.match(folded, sentence_start, start).end() < start and not (
        mention.char_start > start and not _SAID_OR_SHOWN.search(folded, sentence_start, start)
    ):
        # "数据显示，去年出口下降": only an opener may stand before a clause that opens on
        # its date; after another clause, the phrase may be what was said or shown. A later
        # clause with its own subject before its date ("…，该店于去年7月启用") is told
        # whole, unless a clause before it says, shows or holds what it tells.
        return None
    if mention.char_start > start:
        lead_start = _OPENER.match(folded, start, mention.char_start).end()
        lead_start = _DETERMINER.match(folded, lead_start, mention.char_start).end()
        lead = folded[lead_start : mention.char_start]
        lead = lead[: len(lead) - len(_BEFORE_DATE.search(lead).group())]
        if not lead or lead.startswith(("在", "于", "於")):
            return None
        words = _compounds(chinese_words(lead))
        # "东岸厂区建于1988年", "这座灯塔始建于1870年": the verb and its 于 stand before a
        # date that closes the clause; the phrase is what stands before the verb.
        closing = (
            len(words) > 1
            and words[-1][1] == "v"
            and folded[mention.char_start - 1 : mention.char_start] in ("于", "於")
            and re.match(r"\s*(?:[，,。；;]|$)", folded[mention.char_end : end]) is not None
        )
        if closing:
            lead = lead[: len(lead) - len(words.pop()[0])]
        if not words or any(tag not in _PHRASE_TAGS for _word, tag in words):
            return None
        phrase_start, phrase_end = lead_start, lead_start + len(lead)
        # "该冷库去年容量为3000吨": a measure of the phrase after its date is a state of it;
        # the date must be followed by the verb (or its adverb or preposition).
        told = _OPENER.match(folded, mention.char_end, end).end()
        verb = _words_from(folded, mention.char_start, told, min(end, told + 10))
        # "前天夜里突然停机": a time of day after the date is part of when, not the verb.
        verb = verb[1:] if verb and verb[0][1] == "TIME" else verb
        if not closing and (not verb or verb[0][1] not in _AFTER_TAGS):
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
    if context.folded[start - 1 : start] in "《〈" and context.folded[end : end + 1] in "》〉":
        return True  # "《晨光》": a title in its marks names one work, whatever its words
    words = _compounds(chinese_words(context.folded[start:end]))
    if _COUNTED_BEINGS.search(context.folded, max(0, start - 6), start):
        return True  # "首批黑颈鹤", "一群野象": beings counted as they arrive or act
    if len(words) == 1 and words[0][1] not in _NAME_TAGS:
        return False
    if _TEAM.search(context.folded, start, end):
        return not any(
            context.kind(m.slug) in ORGANIZATION_KINDS
            for m in context.actors_in(max(0, start - _ANTECEDENT_REACH), start)
        )
    return True


def _words_from(folded: str, start: int, at: int, end: int) -> list[tuple[str, str]]:
    """The words from `at` to `end`, tagged with the text from `start` before them: the
    tagger reads "飞抵湖区" as a place alone, but as a verb and a noun after "3月初"."""
    words: list[tuple[str, str]] = []
    position = start
    for word, tag in chinese_words(folded[start:end]):
        if position >= at:
            words.append((word, tag))
        position += len(word)
    return _compounds(words)


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


def opening_phrase(context: ArticleContext, start: int, end: int) -> tuple[int, int] | None:
    """Where the noun phrase a Chinese sentence opens with stands, when a verb, adverb or
    preposition follows it in its first clause (from `start` to `end`): "[北郊垃圾转运站]由区
    城管局负责运营", "〈[晨光]〉由已故画家吴某创作"; trimmed of determiners and counts. The
    subject a later clause that opens on its date leaves unsaid; None when the clause opens
    otherwise, or the phrase is a generic word, a name already read, a date or a number."""
    if context.language == "en":
        return None
    folded = context.folded
    after = _OPENER.match(folded, start, end).end()
    after = _DETERMINER.match(folded, after, end).end()
    titled = _TITLED_WORK.match(folded, after, end)
    if titled is not None:
        # "〈晨光〉由…创作": a work's name stands whole inside its title marks.
        phrase_start, phrase_end = titled.start(1), titled.end(1)
        following = chinese_words(folded[titled.end() : min(end, titled.end() + 6)])
        if not following or following[0][1] not in _AFTER_TAGS:
            return None
    else:
        window = folded[after : min(end, after + 16)]
        taken: list[tuple[str, str]] = []
        for word, tag in _compounds(chinese_words(window)) if window else []:
            if tag not in _PHRASE_TAGS:
                if not taken or tag not in _AFTER_TAGS:
                    return None
                break
            taken.append((word, tag))
        else:
            return None
        if taken[-1][1] not in _HEAD_TAGS:
            return None
        phrase_start = after
        phrase_end = after + sum(len(word) for word, _tag in taken)
        if phrase_end - phrase_start > _LONGEST:
            return None
    phrase = folded[phrase_start:phrase_end]
    if len(phrase) < 2 or not re.fullmatch(r"[\u3400-\u9fff]+", phrase):
        return None
    if phrase in _GENERIC or (phrase[-2:] in _GENERIC and len(phrase) <= 3):
        return None
    if any(
        other.char_start < phrase_end and other.char_end > phrase_start
        for other in [
            *context.actors_in(phrase_start, phrase_end),
            *context.dates_in(phrase_start, phrase_end),
        ]
    ):
        return None
    return phrase_start, phrase_end


# A work's name in its title marks at a sentence's start: "〈晨光〉", "《山海》".
_TITLED_WORK = re.compile(r"[《〈「『]([^》〉」』，,。]{2,20})[》〉」』]")
