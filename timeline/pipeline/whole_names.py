"""Chinese names of bodies and things read whole by their structure, where the tagger cuts
them short or runs them on: a body's name is its nouns before a body's ending, two fields
joined by 及/与/和 inside it ("康乐及文化事务署", "食物及卫生局"), a 总署 or a 总局 ("民政
事务总署"), and a branch after its body ("森林保育处投山分处"); a thing's name is a proper
part and a head the tagger reads as a noun ("青石古桥"), when the article writes it again or
a clause opens on it; the unit, site or company a body holds, written after "X辖下的",
"X旗下的", "X下属的" ("水务署辖下的东涌滤水厂").

Plain Python on the article's simplified copy (same offsets as the source); the caller turns
the (start, end) pairs into names.
"""

import re
from collections.abc import Callable, Iterable, Sequence

from timeline.pipeline.actors import NAME_STOP
from timeline.pipeline.han import HAN_CHARACTER
from timeline.pipeline.wordlists import word_list

Tagger = Callable[[str], Sequence[tuple[str, str]]]

_JOINERS = frozenset("及与和")
# What ends the stretch a body's name is read back over: the characters no name holds but
# for the joiners, which a body's name may hold once.
# A verb of undergoing before a body ("获卫福部食药署核准") ends it too.
_STOP = (frozenset(NAME_STOP) - _JOINERS) | frozenset("获遭经据")
_REACH = 12


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_BODY_ENDS = word_list("zh_body_endings.txt")
_BRANCH_ENDS = word_list("zh_branch_endings.txt")
_BODY_END = re.compile(_alternation(_BODY_ENDS))
_BRANCH = re.compile(
    rf"[\u3400-\u9fff]{{1,4}}?(?:{_alternation(_BRANCH_ENDS)})"
    # A numbered unit after its body: "公路总局第三工程处", "市局第二大队".
    r"|第[一二三四五六七八九十\d]{1,3}[\u3400-\u9fff]{0,4}?(?:处|局|队|所|站|厂|大队|中队|分局)"
)
# A branch's or a numbered unit's name at the end of a name: "…投山分处", "…第三工程处".
BRANCH_AT_END = re.compile(
    rf"(?:{_alternation(_BRANCH_ENDS)}|第[一二三四五六七八九十\d]{{1,3}}[\u3400-\u9fff]{{1,5}})$"
)
# A single-character ending that is a word's first character instead: "处理", "处以", "局面",
# "署名"; "处于" only when no time follows ("牌照事务处于上月底…" is the body's 处 and a 于).
_NOT_AN_END = {
    "处": re.compile(r"[理置罚分境所在以]|于(?![上昨今本去前同当早\d])"),
    "局": re.compile(r"[面势部限长]"),
    "署": re.compile(r"[名理长]"),
    "厅": re.compile(r"[长]"),
}
# The last character of a body's name: before a joiner, it ends a body of its own.
BODY_LAST_CHARS = frozenset("府局署处会厅部院委队所司办站馆校")
# A single-character ending that closes a common word with the character before it: "深处",
# "好处", "结局", "布局", "部署", "签署", "客厅", "餐厅".
_WORD_BEFORE_END = {
    "处": frozenset("深好坏长短难用住去到益痛相共远近高低暗明四各何别出此彼妙"),
    "局": frozenset("结格布饭赌时大僵残开棋骗变全危出终困牌战平胜败"),
    "署": frozenset("部签连"),
    "厅": frozenset("客大餐舞歌展门啡"),
}
# The tags of the words a name is made of: nouns, names, a verb's noun ("保育"), a place.
_NAME_TAGS = frozenset(
    {"n", "nz", "nt", "nw", "ns", "nr", "s", "vn", "an", "j", "ORG", "LOC", "PER"}
)
# Words a name never starts with: determiners, pronouns, numerals.
_NOT_FIRST = frozenset("该本这那各每某其此我他她它你全总原前新旧一两几多数个")
# A time word, a verb of saying or an opener before the name: where the stretch starts.
_CUT = re.compile(
    r"(?:昨日|今日|昨天|今天|日前|早前|上月|本月|上周|本周|去年|今年|当日|宣布|表示|指出|要求"
    r"|批评|投诉|联络|致函|去信|通知|隶属|属于|包括|辖下|旗下|下属|属下)"
)


# What stands before a 会 that is a noun, not "will": "社会", "协会", "委员会", "立法会".
_BEFORE_NOUN_HUI = frozenset("社协商工公学员议农渔法")


def _noun_hui(simple: str, at: int) -> bool:
    return simple[at] == "会" and at > 0 and simple[at - 1] in _BEFORE_NOUN_HUI


def _char_tags(words: Sequence[tuple[str, str]]) -> list[str]:
    """The tag of each character of a tagged stretch; a word opening on a joiner
    ("及文化事务署", tagged c) is read as the nouns it runs into."""
    tags: list[str] = []
    for word, tag in words:
        if tag == "c" and word[0] in _JOINERS and len(word) > 1:
            tags.extend(["c"] + ["n"] * (len(word) - 1))
        else:
            tags.extend([tag] * len(word))
    return tags


def _name_start(simple: str, end: int, ending_start: int, tag: Tagger) -> int | None:
    """Where a body's name ending at `end` (its ending starting at `ending_start`) starts:
    back over its nouns, at most one joiner between two of them. None when fewer than two
    characters stand before the ending."""
    start = ending_start
    while start > max(0, ending_start - _REACH) and HAN_CHARACTER.match(simple[start - 1]):
        if simple[start - 1] in _STOP and not _noun_hui(simple, start - 1):
            break
        start -= 1
    if start > 0 and simple[start - 1].isdigit():
        start += 1  # "10日获…": the end of a date
    cuts = list(_CUT.finditer(simple, start, ending_start))
    if cuts:
        start = cuts[-1].end()
    if ending_start - start < 2:
        return None
    tags = _char_tags(tag(simple[start:end]))
    if len(tags) != end - start:
        return None
    # The name holds only nouns and names: it starts after the last other word.
    for offset in range(ending_start - start - 1, -1, -1):
        char = simple[start + offset]
        if tags[offset] in _NAME_TAGS:
            continue
        if tags[offset] == "c" and char in _JOINERS:
            continue
        start += offset + 1
        break
    while start < ending_start and simple[start] in _JOINERS:
        start += 1
    joins = [i for i in range(start, ending_start) if simple[i] in _JOINERS]
    if len(joins) > 1:
        start = joins[-2] + 1  # "警方和消防处及水务署": lists of bodies, not one name
        joins = joins[-1:]
    if joins:
        left = simple[start : joins[0]]
        # "消防处和水务署", "台南市政府和水利署": two bodies, the left one named in full.
        if len(left) < 2 or left[-1] in BODY_LAST_CHARS:
            start = joins[0] + 1
        elif joins[0] + 1 == ending_start:
            return None
    if ending_start - start < 2 or simple[start] in _NOT_FIRST:
        return None
    return start


def whole_bodies(
    simple: str, spans: Iterable[tuple[int, int]], tag: Tagger
) -> list[tuple[int, int]]:
    """(start, end) of each body's name read whole in the given stretches of `simple`,
    with its branch when one follows ("森林保育处投山分处")."""
    found: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        for match in _BODY_END.finditer(simple, span_start, span_end):
            ending = match.group()
            guard = _NOT_AN_END.get(ending)
            if guard and guard.match(simple, match.end()):
                continue
            if match.start() > 0 and simple[match.start() - 1] in _WORD_BEFORE_END.get(ending, ()):
                continue
            if match.end() < len(simple) and simple[match.end()] in "长员们":
                continue  # "局长", "会员": a post or a member of the body
            start = _name_start(simple, match.end(), match.start(), tag)
            if start is None:
                continue
            end = match.end()
            branch = _BRANCH.match(simple, end, span_end)
            if branch and not any(char in _STOP for char in branch.group()):
                end = branch.end()
            found.append((start, end))
    return found


# A thing's head noun the tagger reads as a common noun: a name needs a proper part before
# it ("青石|古桥", "东门|老街"), written again in the article or opening a clause.
_OPENS = "，。；：！？、\n,;:!?】」”"
_PROPER = frozenset({"LOC", "ns", "nz", "ORG"})
_THING_REACH = 10


def nouned_things(
    simple: str,
    spans: Iterable[tuple[int, int]],
    words_of: Sequence[Sequence[tuple[str, str]]],
    *,
    excluded: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """(start, end) of each thing named by a proper part and a common noun as its head
    ("青石古桥"), in stretches whose tagged words are `words_of` (one list per stretch): the
    proper part is a place or a name the tagger reads somewhere in the article, the head a
    noun of two or more characters not in `excluded` (people, generic words), and the whole
    is written at least twice, once opening its clause."""
    spans = list(spans)
    proper = {
        word for words in words_of for word, tag in words if tag in _PROPER and len(word) >= 2
    }
    pairs: dict[str, list[int]] = {}
    dated: set[str] = set()
    for (span_start, _end), words in zip(spans, words_of, strict=True):
        position = span_start
        for index, (word, tag) in enumerate(words):
            here = position
            position += len(word)
            if index + 1 >= len(words) or word not in proper or tag not in _PROPER | {"n"}:
                continue
            # The head is the run of nouns after the proper part: "屯湾|污水|泵房".
            last = index + 1
            while (
                last + 1 < len(words)
                and words[last + 1][1] == "n"
                and sum(len(w) for w, _t in words[index : last + 2]) <= _THING_REACH
            ):
                last += 1
            head = words[index + 1][0]
            if words[index + 1][1] != "n" or len(head) < 2 or head in excluded:
                continue
            if len(words[last][0]) < 2 or words[last][0] in excluded:
                last = index + 1
            # The proper part and its first noun may be the name, written again alone
            # ("东码头水产|批发市场 … 东码头水产市场"): both are read, the longer wins
            # where both are written.
            for stop in {index + 1, last}:
                name = "".join(w for w, _t in words[index : stop + 1])
                pairs.setdefault(name, []).append(here)
                if (
                    stop == index + 1
                    and tag in {"LOC", "ns"}
                    and stop + 1 < len(words)
                    and words[stop + 1][1] == "TIME"
                    and (here == 0 or simple[here - 1] in _OPENS)
                ):
                    # "青石古桥本周一起封闭": a place's name and one noun open a dated
                    # clause. A company's ("汉江纸业|股价") or a longer run's is a part
                    # of something named before it.
                    dated.add(name)
    found = []
    for name, starts in pairs.items():
        if name in dated:
            found.extend((start, start + len(name)) for start in starts)
            continue
        if simple.count(name) < 2:
            continue
        if not any(start == 0 or simple[start - 1] in _OPENS for start in starts):
            continue
        found.extend((start, start + len(name)) for start in starts)
    return found


# What a body holds, written after it ("水务署辖下的", "集团旗下的", "市局下属的"), or what
# it belongs to ("殡仪馆所属的"): either way the noun after the 的 is named.
_UNDER = re.compile(r"(?<=[\u3400-\u9fff])(?:辖下|旗下|下属|属下|所属)的")
_UNDER_REACH = 10
_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]{1,3}")


def units_under(
    simple: str,
    spans: Iterable[tuple[int, int]],
    tag: Tagger,
    *,
    excluded: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """(start, end) of each unit, site or company a body holds, named by the nouns right after
    "X辖下的", "X旗下的" or "X下属的" ("社会福利署辖下的长洲安老院"): a proper part and a noun
    of two or more characters at its end. A count ("两间安老院"), a people's noun ("员工")
    or a generic word is no such name."""
    found: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        for match in _UNDER.finditer(simple, span_start, span_end):
            start = end = match.end()
            while end < min(span_end, start + _UNDER_REACH) and HAN_CHARACTER.match(simple[end]):
                if simple[end] in _STOP:
                    break
                end += 1
            if end - start < 3:
                continue
            words = tag(simple[start:end])
            taken = 0
            kept: list[tuple[str, str]] = []
            # "第二轧花厂", "第一人民医院": an ordinal numbers a unit as a name does.
            numbered = bool(words) and words[0][1] == "m" and bool(_ORDINAL.fullmatch(words[0][0]))
            for position, (word, word_tag) in enumerate(words):
                if word_tag not in _NAME_TAGS and not (numbered and position == 0):
                    break
                kept.append((word, word_tag))
                taken += len(word)
            # The name ends on a common noun of its kind ("安老院", "滤水厂"), after a
            # proper part: a place, a name or an ordinal.
            while kept and not _unit_head(*kept[-1], numbered=numbered):
                taken -= len(kept.pop()[0])
            if _names_a_unit(kept, taken, numbered=numbered, excluded=excluded):
                found.append((start, start + taken))
    return found


def _unit_head(word: str, tag: str, *, numbered: bool) -> bool:
    """Whether a word may end a unit's name: a noun of two characters or more, or after an
    ordinal any noun, or a word the tagger reads as a verb's noun that ends like a body or a
    site ("第三|烘干厂", tagged vn)."""
    if tag in {"n", "nz", "ORG"}:
        return len(word) >= 2 or numbered
    return (
        numbered and tag == "vn" and len(word) >= 2 and word[-1] in BODY_LAST_CHARS | {"厂", "场"}
    )


def _names_a_unit(
    kept: Sequence[tuple[str, str]], taken: int, *, numbered: bool, excluded: frozenset[str]
) -> bool:
    """Whether the tagged words `kept` (`taken` characters) name a unit: an ordinal and a
    noun ("第二|造船厂"), or a proper part and a noun ("长洲|安老院"), or one name."""
    if not kept or kept[-1][0] in excluded:
        return False
    if numbered:
        return len(kept) >= 2 and taken >= 4
    if taken < 3:
        return False
    if len(kept) < 2:
        return kept[0][1] in {"ORG", "nz"}
    return any(tag in _PROPER for _word, tag in kept[:-1])
