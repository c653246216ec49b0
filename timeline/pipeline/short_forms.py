"""Chinese short forms: the tail of a name the article has already given, written again on
its own where a clause's subject or a party stands, read as that name.

News names a body in full once and then refers back to it by the end of its name, or by
that end and 方: "鹤鸣物流集团…集团去年8月宣布", "东湾消防处…处方本月5日已收到投诉",
"北山工作站…工作站巡护员今年1月发现", "该厂3月2日停产". No list of head nouns is read:
a short form is whatever ends a name written before it (after a determiner, also the
descriptor written right before that name: "慈善机构「某某基金」…该机构"), and it stands
for the latest such name.

Where a short form may stand, and how long it must be:
- opening a clause (after punctuation, an opener such as 随后, or a date that opens it):
  two characters or more ("集团", "行会", "水厂"), or one and 方 ("署方", "馆方");
- after a determiner (该, 这家, 此, 这个, …): one character or more ("该厂", "该署");
  after 本 two or more ("本月" and "本市" are no short forms);
- anywhere a party stands: only as one or more characters and 方 ("通知馆方").

What follows it must end the noun phrase: a date, an adverb, a verb, a preposition or the
clause's end, else it is the start of another name ("水厂门前", "集团公司"). A staff noun
in 员 after it ("分处巡山员", "工作站巡护员") is the body's people doing its work and
stays with the body; nouns for people who act as a group of their own ("员工", "工人",
`vocabulary/zh_people_nouns.txt`) do not. A person's name and a place's name (ending in
市, 县, 区, …) have no short forms here.

`short_forms` finds them among an article's actors; `without_short_forms` makes a
discovered actor's mentions that are only such a short form mentions of the name they
refer back to, so that no actor of its own is made of "署方" or "分处巡山员";
`names_referred_back` proposes to the recogniser the full name a bare short form opening
a clause refers back to, when the recogniser would not find it alone. Plain Python.
"""

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache

from timeline.pipeline.actors import ActorMention, CandidateName, fold_text
from timeline.pipeline.chinese_names import GENERIC_END, PEOPLE_NOUNS
from timeline.pipeline.chinese_tagger import chinese_words
from timeline.pipeline.wordlists import word_list

# How far back a short form looks for the name it stands for.
_LOOKBACK = 2000
# Characters that end a clause: a short form may open what follows them.
_BOUNDARY = '，。,;；:：!?！？\n、（）()「」『』“”"《》【】 　'
_OPENING = re.compile(rf"(?:^|(?<=[{_BOUNDARY}]))[ 　]*")
# Words that open a clause before its subject ("随后集团…", "此后集团修改方案").
_OPENER = re.compile(r"(?:随后|随即|此后|其后|之后|同时|此外|另外|而且?|但是?|不过|目前|如今)")
# Determiners before a short form, simplified (the text is read folded).
_DETERMINER = re.compile(r"该|这家|这间|这个|这所|这座|此|本")
_DETERMINER_BEFORE = re.compile(rf"(?:{_DETERMINER.pattern})$")
# A place's name: the end of it is another place, not a short form of it.
_PLACE = re.compile(r"(?:省|市|县|区|镇|乡|村|州|岛|街|路)$")
# Word classes that may follow a short form standing as a subject or a party: a date,
# an adverb, a verb, a preposition, a conjunction, an auxiliary, punctuation.
_FOLLOWS = frozenset({"TIME", "d", "v", "vd", "vn", "p", "c", "u", "w", "ad", "xc", "r", "m"})
# Words of time order the tagger reads as directions ("税务局其后于本周二…").
_OPENER_WORDS = frozenset({"其后", "此后", "之后", "随后", "其间"})
# A staff noun after a body's short form: its people doing its work.
_STAFF = re.compile(r"[\u3400-\u9fff]{0,3}员")
# The tails of everyday words in 方 that no short form makes ("对方", "双方", "地方").
_NOT_PARTY = frozenset("对双各一多官地东西南北平配立前后上下远")
_PEOPLE = frozenset(PEOPLE_NOUNS.split("|"))
_GENERIC = frozenset(word_list("zh_generic_subjects.txt"))
_HAN = re.compile(r"[\u3400-\u9fff]+")
# Written before a descriptor among a name's forms: no text holds it.
_WHOLE = "\x00"
# The least length of a place where only a tail and 方 may stand.
_PARTY_ONLY = 99


def short_forms(
    folded: str,
    mentions: Sequence[ActorMention],
    kind_of: Callable[[str], str],
    dates: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int, str]]:
    """(start, end, slug) of every short form in the folded text of an article whose actors
    are `mentions` (in text order), standing for the latest name before it that it ends."""
    starts = [mention.char_start for mention in mentions]
    found: list[tuple[int, int, str]] = []
    taken_until = -1
    # A short form starts with a character of some name (or descriptor) written before.
    chars = {
        char
        for mention in mentions
        if kind_of(mention.slug) != "person"
        for name in _names(folded, mention, described=False)
        for char in name[1:]
    }
    for position, least in _places(folded, dates):
        # After a determiner a descriptor's tail counts too, whatever its characters.
        if (least != 1 and folded[position : position + 1] not in chars) or not _written_earlier(
            folded, position, 1 if least == 1 else 2
        ):
            continue
        if position < taken_until or _inside(mentions, starts, position):
            continue
        reading = short_form_at(folded, position, mentions, starts, kind_of, least=least)
        if reading is not None:
            end, slug = reading
            # "该厂" as a whole stands for the name, as "该公司" does.
            determiner = _DETERMINER_BEFORE.search(folded, max(0, position - 2), position)
            start = determiner.start() if determiner else position
            if not _overlaps_a_name(mentions, starts, start, end):
                found.append((start, end, slug))
                taken_until = end
    return found


def without_short_forms(
    folded: str,
    mentions: Sequence[ActorMention],
    discovered: frozenset[str],
    kind_of: Callable[[str], str],
) -> list[ActorMention]:
    """`mentions` with those of a discovered actor whose words are only a short form of a
    name written before them ("署方" after "某某福利署", "分处巡山员" after "某某分处") made
    mentions of that name's actor, so that no actor of its own is made of them."""
    kept: list[ActorMention] = []
    for mention in mentions:
        if mention.slug in discovered and _written_earlier(folded, mention.char_start, 2):
            referred = _refers_back(folded, mention, kept, kind_of)
            if referred is not None:
                mention = ActorMention(referred, mention.text, mention.char_start, mention.char_end)
        kept.append(mention)
    return kept


def short_form_at(
    folded: str,
    position: int,
    mentions: Sequence[ActorMention],
    starts: Sequence[int],
    kind_of: Callable[[str], str],
    *,
    least: int,
) -> tuple[int, str] | None:
    """(end, slug) of the short form starting at `position`, if one does: the tail of the
    latest name before it, `least` characters long at least unless 方 follows it,
    followed by what ends a noun phrase."""
    index = bisect_left(starts, position) - 1
    tried: set[str] = set()
    while index >= 0:
        mention = mentions[index]
        index -= 1
        if mention.char_start < position - _LOOKBACK:
            break
        if mention.char_end > position or mention.slug in tried:
            continue
        tried.add(mention.slug)
        if kind_of(mention.slug) == "person":
            continue
        for name in _names(folded, mention, described=least == 1):
            for size in range(len(name) - 1, 0, -1):
                tail = name[-size:]
                if not folded.startswith(tail, position):
                    continue
                end = position + size
                party = folded.startswith("方", end) and not (size == 1 and tail in _NOT_PARTY)
                if size < least and not party:
                    continue
                closing = _phrase_end(folded, position, end, party)
                if closing is not None:
                    return closing, mention.slug
    return None


def _names(folded: str, mention: ActorMention, *, described: bool) -> tuple[str, ...]:
    """The name as written, and when `described` the descriptor written right before it
    ("慈善机构「某某基金」": 慈善机构), whose tails stand for the same actor. A
    descriptor is read only after a determiner ("该机构"): bare, its head is as often
    another body of that kind."""
    name = folded[mention.char_start : mention.char_end]
    if not _HAN.fullmatch(name) or _PLACE.search(name):
        return ()
    if not described:
        return (name,)
    return _names_at(folded, mention.char_start, mention.char_end)


# Kept per place in the text: every short form and every discovered mention asks again
# about the names before it. (The folded text's hash is computed once and kept by str.)
@lru_cache(maxsize=16384)
def _names_at(folded: str, start: int, end: int) -> tuple[str, ...]:
    name = folded[start:end]
    if not _HAN.fullmatch(name) or _PLACE.search(name):
        return ()
    before = folded[max(0, start - 12) : start].rstrip('「『“"')
    run = re.search(r"[\u3400-\u9fff]{2,}$", before)
    if run is None:
        return (name,)
    descriptor = ""
    for word, tag in reversed(chinese_words(run.group())):
        if tag not in {"n", "nz", "nt"}:
            break
        descriptor = word + descriptor
    if len(descriptor) >= 2 and not _PLACE.search(descriptor):
        # A descriptor stands for the name whole ("慈善机构「某某」…该机构"); the mark before
        # it lets every reader of tails (all but a name's whole) take it whole.
        return (name, _WHOLE + descriptor)
    return (name,)


def _phrase_end(folded: str, start: int, end: int, party: bool) -> int | None:
    """Where the short form [start, end) (and its 方, its staff noun) ends, if what follows
    closes the noun phrase; None when it runs on into another name."""
    clause_end = end
    while clause_end < len(folded) and clause_end - start < 16:
        if folded[clause_end] in _BOUNDARY:
            break
        clause_end += 1
    if party:
        end += 1
    if end >= clause_end:
        return end
    words = chinese_words(folded[start:clause_end])
    bounds, at = {0}, 0
    for word, _tag in words:
        at += len(word)
        bounds.add(at)
    if end - start not in bounds:
        return None
    following = _word_at(words, end - start)
    if following is None:
        return end
    word, tag = following
    # The tagger may cut a staff noun ("巡|护员"): it is read before the word classes.
    staff = _STAFF.match(folded, end, clause_end)
    if staff and not party and staff.group() not in _PEOPLE and staff.end() - start in bounds:
        after = _word_at(words, staff.end() - start)
        if after is None or after[1] in _FOLLOWS:
            return staff.end()
    if tag in _FOLLOWS or word in _OPENER_WORDS:
        return end
    return None


def _word_at(words: list[tuple[str, str]], offset: int) -> tuple[str, str] | None:
    at = 0
    for word, tag in words:
        if at == offset:
            return word, tag
        at += len(word)
    return None


def _refers_back(
    folded: str,
    mention: ActorMention,
    before: Sequence[ActorMention],
    kind_of: Callable[[str], str],
) -> str | None:
    """The actor whose name, written before, a mention's whole text is a short form of: its
    tail, that tail and 方, or that tail and a staff noun; the latest such."""
    if kind_of(mention.slug) == "person":
        return None
    words = folded[mention.char_start : mention.char_end]
    for other in reversed(before):
        if other.char_start < mention.char_start - _LOOKBACK:
            break
        if other.slug == mention.slug or kind_of(other.slug) == "person":
            continue
        for name in _names(folded, other, described=False):
            for size in range(len(name) - 1, 0, -1):
                tail = name[-size:]
                if not words.startswith(tail):
                    continue
                rest = words[size:]
                if rest == "方" and not (size == 1 and tail in _NOT_PARTY):
                    return other.slug
                if size >= 2 and (rest == "" or (_STAFF.fullmatch(rest) and rest not in _PEOPLE)):
                    return other.slug
    return None


def _places(folded: str, dates: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(position, least length) of every place a short form may start, in text order."""
    places: dict[int, int] = {}

    def add(position: int, least: int) -> None:
        places[position] = min(places.get(position, least), least)

    for match in _OPENING.finditer(folded):
        add(match.end(), 2)
        opener = _OPENER.match(folded, match.end())
        if opener:
            add(opener.end(), 2)
    for start, end in dates:
        if _opens(folded, start):
            after = end + 1 if folded[end : end + 1] in {"，", ","} else end
            add(after, 2)
    for match in _DETERMINER.finditer(folded):
        add(match.end(), 2 if match.group() == "本" else 1)
    # A party written anywhere: only a tail and 方 may stand there.
    for match in re.finditer("方", folded):
        for size in range(1, 7):
            if match.start() - size >= 0:
                add(match.start() - size, _PARTY_ONLY)
    return sorted(places.items())


def _written_earlier(folded: str, position: int, size: int) -> bool:
    """Whether the first `size` characters at `position` (or the one before 方) were written
    before, after another character, as the end of a name must be: a quick test that spares
    the tagger the many clause openings no name ends."""
    if folded[position + 1 : position + 2] == "方":
        size = 1
    piece = folded[position : position + size]
    floor = max(0, position - _LOOKBACK)
    at = folded.rfind(piece, floor, position)
    while at > floor:
        if _HAN.match(folded, at - 1):
            return True
        at = folded.rfind(piece, floor, at)
    return False


def _opens(folded: str, position: int) -> bool:
    before = folded[max(0, position - 2) : position].rstrip(" 　")
    return not before or before[-1] in _BOUNDARY


def _inside(mentions: Sequence[ActorMention], starts: Sequence[int], position: int) -> bool:
    index = bisect_left(starts, position + 1) - 1
    return any(
        mentions[i].char_start <= position < mentions[i].char_end
        for i in range(max(0, index - 3), index + 1)
    )


def _overlaps_a_name(
    mentions: Sequence[ActorMention], starts: Sequence[int], start: int, end: int
) -> bool:
    index = bisect_left(starts, end)
    return any(
        mentions[i].char_start < end and start < mentions[i].char_end
        for i in range(max(0, index - 4), index)
    )


# The word classes of a name's words, read back from its short form: nouns, names, places,
# an action's noun ("保育"); and those of which one must be a proper name's.
_NAME_WORD_TAGS = frozenset({"n", "nz", "nt", "nw", "ORG", "LOC", "ns", "vn"})
_PROPER_TAGS = frozenset({"nz", "nt", "nw", "ORG", "LOC", "ns"})
_QUOTED = re.compile(r"[「『“\"]([\u3400-\u9fff]{2,12})$")
# The longest name read back, in characters.
_LONGEST = 12


def names_referred_back(
    text: str, spans: Sequence[tuple[int, int]], dates: Sequence[tuple[int, int]] = ()
) -> list[CandidateName]:
    """Names the article writes in full once and then refers back to by their tail, found
    from the short form: a noun opening a clause of `spans` (the sentences that can carry a
    claim) and standing as its subject ("水厂去年亏损", "分站巡护员今年1月发现", "厅方昨日上诉")
    whose words end a longer noun phrase or quoted name written before it ("南湖水厂",
    "北山工作站", "「某某茶餐厅」"). They are proposed to the recogniser as
    candidates, which keeps them to its filters like any other name."""
    folded = fold_text(text)
    found: dict[tuple[int, int], CandidateName] = {}
    spans = sorted(spans)
    span_starts = [start for start, _end in spans]
    for position, least in _places(folded, dates):
        index = bisect_left(span_starts, position + 1) - 1
        # Only a bare noun opening a clause: after a determiner ("该码头") a description
        # is referred to as often as a name.
        if least != 2 or index < 0 or position >= spans[index][1]:
            continue
        if not _written_earlier(folded, position, 2):
            continue
        short = _short_noun(folded, position)
        if short is None or GENERIC_END.fullmatch(short) or short in _GENERIC:
            # "公司", "行业", "平台": a word that refers by kind, or to no one.
            continue
        full = _written_before(folded, short, position)
        if full is not None and full not in found:
            found[full] = CandidateName(text[full[0] : full[1]], *full, "organization")
    return sorted(found.values(), key=lambda candidate: candidate.char_start)


def _short_noun(folded: str, position: int) -> str | None:
    """The noun standing as the subject at `position`: one noun word followed by what
    closes a subject (a date, an adverb, a verb…), or a character and 方, or a noun and
    a staff noun in 员."""
    clause_end = position
    while clause_end < len(folded) and clause_end - position < 12:
        if folded[clause_end] in _BOUNDARY:
            break
        clause_end += 1
    words = chinese_words(folded[position:clause_end])
    if len(words) < 2:
        return None
    (word, tag), (after, after_tag) = words[0], words[1]
    if len(word) == 2 and word.endswith("方"):
        return word[0] if after_tag in _FOLLOWS and word[0] not in _NOT_PARTY else None
    if tag != "n" or not 2 <= len(word) <= 4:
        return None
    if after_tag in _FOLLOWS or after in _OPENER_WORDS:
        return word
    if after.endswith("员") and after not in _PEOPLE and len(words) > 2:
        return word if words[2][1] in _FOLLOWS else None
    return None


def _written_before(folded: str, short: str, position: int) -> tuple[int, int] | None:
    """Where the latest name before `position` that ends in `short` and holds more than it
    is written: a quoted name, or a run of noun words the tagger reads before it."""
    at = position
    floor = max(0, position - _LOOKBACK)
    while True:
        # The next search ends before this occurrence: the one before it is tried next.
        at = folded.rfind(short, floor, at)
        if at <= 0:
            return None
        end = at + len(short)
        if _HAN.fullmatch(folded[at - 1]) and not _named_after(folded, end):
            quoted = _QUOTED.search(folded, max(0, end - _LONGEST - 1), end)
            if quoted and folded[end : end + 1] in '」』”"':
                return quoted.start(1), end
            phrase = _phrase_before(folded, at, end)
            if phrase is not None:
                return phrase


def _named_after(folded: str, end: int) -> bool:
    """Whether a noun or a name follows right after `end`: "旗舰机型飞鱼S3", "主题乐园星港
    乐园" write a description before the name, which is no name itself."""
    if folded[end : end + 1] in '」』”"':
        return False
    if re.match(r"[A-Za-z0-9「『“]", folded[end : end + 1]):
        return True  # "新款机型X9", "串流平台「某某」"
    words = chinese_words(folded[end : end + 8])
    return bool(words) and words[0][1] in _NAME_WORD_TAGS | {"PER", "nr"}


def _phrase_before(folded: str, at: int, end: int) -> tuple[int, int] | None:
    """The run of noun words ending at `end` (the short form at `at` is its last part)."""
    clause_start = at
    while clause_start > 0 and folded[clause_start - 1] not in _BOUNDARY and at - clause_start < 20:
        clause_start -= 1
    clause_end = end
    while clause_end < len(folded) and folded[clause_end] not in _BOUNDARY:
        clause_end += 1
    # The whole clause is tagged: a name alone is tagged otherwise than in its sentence.
    offsets, position = [], clause_start
    for word, tag in chinese_words(folded[clause_start : min(clause_end, end + 20)]):
        if position >= end:
            break
        offsets.append((position, word, tag))
        position += len(word)
    if position != end or not offsets:
        return None  # the short form ends inside a word
    if end - at == 1:
        # "院方" of "某某颐养院": one character and 方 refers only to a name the tagger
        # reads whole, ending in that character.
        _start, word, tag = offsets[-1]
        return (end - len(word), end) if tag in _PROPER_TAGS and len(word) >= 3 else None
    if offsets[-1][0] > at:
        return None  # the short form starts inside a word
    start, named = end, False
    for word_start, _word, tag in reversed(offsets):
        if tag not in _NAME_WORD_TAGS or end - word_start > _LONGEST:
            break
        start = word_start
        # "银杏|茶楼", "南湖|水厂": a name's own word before its head noun; "海洋主题|乐园"
        # and "中度台风|苍鹭" are descriptions.
        named = named or (word_start < at and tag in _PROPER_TAGS)
    if not named or end - start <= end - at or not _HAN.fullmatch(folded[start:end]):
        return None
    return start, end
