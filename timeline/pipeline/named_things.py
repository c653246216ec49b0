"""Named things and bodies in Chinese text: a distinctive part followed by a kind noun
("临江大桥", "蒼鷺颱風", "港尾夜市自治會", "香港警方", "澜沧江国际马拉松"), a vessel's name
with its number ("浙岱渔0387号"), and a name a kind noun introduces in quotation marks
("渔船“浙岱渔0387号”", "平台「書易購」"), and a craft by its name and number in Chinese
numerals ("遠帆九號", "神舟十三号"). Such a thing is what a clause may tell of (a bridge
opens, a storm lands, a temple is restored), so it is an actor like a company.

A thing the article writes once is one only where it stands as its clause's subject, and
then only when its date follows it ("某某水库2015年建成") or the tagger reads a proper name in
its distinctive part ("某某山隧道上月贯通"): "五月中旬港口吞吐量…", "周末两天公园游客…" are a
time and a kind noun, no name.

The kind nouns, and the words that make a whole a kind rather than a name ("高速公路",
"当地警方"), are data (`vocabulary/named_kinds.tsv`). Plain Python and the tagger's word
classes: offsets are into the text given; the caller turns them into names.
"""

import re
from pathlib import Path

from timeline.pipeline.actors import NAME_STOP
from timeline.pipeline.chinese_tagger import chinese_words
from timeline.pipeline.han import HAN_CHARACTER
from timeline.pipeline.wordlists import word_list

NAMED_KINDS_FILE = Path(__file__).with_name("vocabulary") / "named_kinds.tsv"
SORTS = frozenset({"place", "route", "storm", "event", "body", "generic"})


def load_named_kinds(path: Path = NAMED_KINDS_FILE) -> dict[str, set[str]]:
    """The words of a named-kinds file by sort (place, route, storm, event, body, generic)."""
    found: dict[str, set[str]] = {sort: set() for sort in SORTS}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) != 3 or not all(fields) or fields[0] not in SORTS:
            raise ValueError(f"{path.name}:{number}: expected sort, word, example")
        found[fields[0]].add(fields[1])
    return found


_KINDS = load_named_kinds()
ENDINGS = frozenset(word for sort, words in _KINDS.items() if sort != "generic" for word in words)
BODY_ENDINGS = frozenset(_KINDS["body"])
_GENERIC = frozenset(_KINDS["generic"])


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# Verbs whose object is often a public body ("抗议", "起诉"): never the start of its name.
VERBS_BEFORE_BODIES = _alternation(word_list("zh_verbs_before_bodies.txt"))


_ENDING = re.compile(rf"(?:{_ALT})" if (_ALT := _alternation(ENDINGS)) else r"(?!)")
# How many characters a distinctive part may have: a body's ("行者背包赞助者自救会") runs
# longer than a place's.
_REACH = 6
_BODY_REACH = 8
# Words a name never starts with: determiners, pronouns, numerals, prepositions.
_NOT_FIRST = frozenset(
    "该本这那各每某其此我他她它你也都就是才只并再很最说称一两几多数个座条位家间所"
)
# A preposition or a verb of undergoing before a name, skipped: "据香港警方", "遭台风".
_LEADING = frozenset("据经遭获到向在于对从由被把将与和")
# Words that end what stands before a name: verbs and time words ("宣布成立员工工会",
# "於週一上午發布海上颱風警報").
_CUT = re.compile(
    r"(?:宣布|成立|组建|加入|表示|要求|发起|发布|包括|位于|连接|前往|来自|经营|运营|旗下|今早|今晨"
    r"|昨日|今日|昨天|今天|上月|本月|下月|上周|本周|去年|今年|明年|当日|当晚|周[一二三四五六日]|星期"
    # "(线路曾)因台风停驶": a cause's 因, after what the clause is about.
    r"|曾|因为|因|由于"
    rf"|{VERBS_BEFORE_BODIES})"
)
# A province, a city or a county standing alone for itself before its body's kind: "省消防
# 救援总队", "市公安局".
_HOME = frozenset("省市县区")
_WORD_AFTER_ONE = frozenset("宇会殿廷院庙堂方前内外里中")
_NUMERAL = re.compile(r"\d|[一二两三四五六七八九十百千几多数][座条个台家所间位名处艘]")
# What may stand right before a name that opens its clause.
_OPENS = "，。；：！？、\n,;:!?】"
# The police, unnamed: a body that acts in news on its own ("警方昨日拘捕14人").
# So does the city's or the county's government, by its short name ("市府昨日追加预算").
_POLICE = re.compile(
    r"(?<![\u3400-\u9fff])(?:警方|市府|县府)(?![\u3400-\u9fff]{0,1}[长内外])"
    r"|(?<=[据经由遭向被与和])(?:警方|市府|县府)"
)
# A time already past right after a 会 (perhaps after 于 or 在): "西湾街坊会昨日…",
# "养蜂促进会去年5月…". "Will" is never followed by a past time, so the 会 ends a body's
# name whatever its kind ("街坊会", "商户会"). A written date may lie ahead ("会在2026年"),
# so only the words of a past time count.
_PAST_TIME = r"(?:于|在)?(?:昨[日天晚早]|前[日天晚]|日前|早前|上[月周週]|上星期|去年|前年)"
BODY_BEFORE_PAST = re.compile(r"(?<=[\u3400-\u9fff]{2})会(?=" + _PAST_TIME + ")")
# A vessel's name: characters and a hull number ("浙岱渔0387号", "海巡06号").
_VESSEL = re.compile(r"[\u3400-\u9fff]{2,4}\d{2,6}号")
# A numbered line of a tram, metro or bus network: "南湖有轨电车1号线", "地铁3号线", and
# its number alone once the article has named it ("1号线全线停运").
_LINE = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})号线(?![路])")
_LINE_REACH = 10
_LINE_STOP = frozenset("的在于与和及将被把从由对向是为了乘坐搭")
# A kind noun right before a quoted name says what the name names: "渔船“浙岱渔0387号”",
# "平台「书易购」", "白犀牛「阿莲」", "团体「动物平权行动联盟」".
_KINDS_INTRODUCING = (
    r"渔船|货轮|货船|邮轮|轮船|船只|商船|科考船|平台|品牌|连锁|团体|组织|协会|联盟|乐团|乐队|组合"
    r"|球队|台风|飓风|犀牛|大熊猫|熊猫|老虎|大象|海豚|猩猩|长颈鹿|企业|公司|商店|餐厅|书店|网店"
    r"|连锁店|咖啡店|门店|餐馆|酒楼"
)
_INTRODUCED = re.compile(
    rf"(?P<kind>{_KINDS_INTRODUCING})"
    r"[“「『\"](?P<name>[^”」』\"，。、；\n]{2,12})[”」』\"]"
)
# The same kinds right after a quoted name: "「海韵明珠号」邮轮", "“北斗”乐团".
_KIND_AFTER = re.compile(
    r"[“「『\"](?P<name>[^”」』\"，。、；\n]{2,12})[”」』\"]"
    rf"(?P<kind>{_KINDS_INTRODUCING})"
)
# A ship's or a craft's number in Chinese numerals after its name ("远帆九号", "神舟十三号"):
# no numeral or time word before it ("五月十一号" is a date), and no kind of document,
# line or building after it ("一号文件", "七号线", "二号楼").
_CRAFT_NUMBER = re.compile(
    r"(?<=[\u3400-\u9fff])(?<![一二两三四五六七八九十百千年月日周第初])"
    r"[一二三四五六七八九十]{1,3}号"
    r"(?![线楼院馆库门台码车位桥道路街巷文令公机窗房厅仓口])"
)
_CRAFT_REACH = 4
# Kinds written right before a thing's name, in or out of quotation marks: "科考船远帆九号",
# "卫星风云四号", "渔船“浙岱渔0387号”".
_KINDS_BEFORE = rf"(?:{_KINDS_INTRODUCING}|科考船|飞船|探测器|卫星|火箭)"
KIND_BEFORE_NAME = re.compile(rf"{_KINDS_BEFORE}[“「『\"]?")
_KIND_BEFORE_CRAFT = re.compile(rf"{_KINDS_BEFORE}(?P<name>[\u3400-\u9fff]{{2,4}})$")
# A name in quotation marks ending in 号: a ship, a bus or a craft ("「小海豚号」於2019年啟用").
_QUOTED_CRAFT = re.compile(r"[“「『\"](?P<name>[^”」』\"，。、；\n\d]{1,8}号)[”」』\"]")
# Kinds that introduce a company's name (the rest introduce a thing's or a body's).
_TRADING = frozenset(
    [
        "平台",
        "企业",
        "公司",
        "商店",
        "餐厅",
        "书店",
        "网店",
        "连锁",
        "连锁店",
        "咖啡店",
        "门店",
        "餐馆",
        "酒楼",
    ]
)
# A storm named after its kind: "中度颱風蒼鷺", "台风“海燕”".
_STORM_BEFORE = re.compile(r"(?:台风|飓风)(?P<name>[\u3400-\u9fff]{2})")


def _distinctive(simple: str, end: int, reach: int) -> int | None:
    """Where the distinctive part ending at `end` starts: after a punctuation mark or a
    stop character within `reach`, or after the last verb or time word before `end`, and
    past a leading preposition. None when no start is found or fewer than two characters
    are left."""
    start = end
    while start > max(0, end - reach) and HAN_CHARACTER.match(simple[start - 1]):
        if simple[start - 1] in NAME_STOP:
            break
        start -= 1
    bounded = (
        start == 0 or not HAN_CHARACTER.match(simple[start - 1]) or simple[start - 1] in NAME_STOP
    )
    cuts = list(_CUT.finditer(simple, start, end))
    if cuts:
        start, bounded = cuts[-1].end(), True
    if not bounded:
        return None  # the name's start is not in reach: "风电场最后一台风(机)"
    if start < end and simple[start] in _LEADING:
        start += 1
    if end - start == 1 and simple[start] in _HOME:
        return start  # "省消防救援总队": the province's own, its name cut short
    if end - start < 2 or simple[start] in _NOT_FIRST:
        return None
    return start


# The last character of a city's, a district's or a town's name.
_ADMINISTRATIVE = frozenset("省市县区镇乡村")
_PLACES_REACH = 14


def _after_places(simple: str, end: int) -> tuple[int | None, int | None]:
    """(where the run starts, where the thing's name starts) for a thing named after the
    places it lies in ("台中市北屯区第五公墓" → "北屯区第五公墓"): the name keeps its
    innermost place. (None, None) when no place ends in the run."""
    origin = end
    while origin > max(0, end - _PLACES_REACH) and HAN_CHARACTER.match(simple[origin - 1]):
        if simple[origin - 1] in NAME_STOP:
            break
        origin -= 1
    if (
        origin > 0
        and HAN_CHARACTER.match(simple[origin - 1])
        and simple[origin - 1] not in NAME_STOP
    ):
        return None, None
    cuts = list(_CUT.finditer(simple, origin, end))
    if cuts:
        origin = cuts[-1].end()
    ends = [i for i in range(origin + 1, end - 1) if simple[i] in _ADMINISTRATIVE]
    if not ends or end - ends[-1] - 1 < 1:
        return None, None
    start = ends[-2] + 1 if len(ends) >= 2 else origin
    if ends[-1] - start < 1 or simple[start] in _NOT_FIRST:
        return None, None
    return origin, start


def _without_generic(part: str) -> str:
    """The part without the generic words it ends with ("海洋主题" → "")."""
    while True:
        word = next((word for word in _GENERIC if part.endswith(word)), None)
        if word is None:
            return part
        part = part[: -len(word)]


def _opens_clause(simple: str, start: int) -> bool:
    """Whether the name stands first in its clause, after a preposition ("据香港警方"), or
    after what describes it ("连接两岸的临江大桥")."""
    return start == 0 or simple[start - 1] in _OPENS or simple[start - 1] in _LEADING | {"的"}


# A date right after a name: the name is its clause's subject.
_DATE_AFTER = re.compile(
    r"(?:于|在|於)?(?:\d{1,4}\s*[年月日]|[今去前明]年|[上本]月|[昨今前]日|[昨今前]天|当[日天晚]"
    r"|次日|[上本]周|[上本]週|周[一二三四五六日]|週[一二三四五六日])"
)
# The word classes of a proper name's words: a place, a body, a name of its own.
_PROPER_TAGS = frozenset({"LOC", "ns", "nz", "ORG", "nt", "nw", "PER", "nr"})


def _proper_part(simple: str, start: int, end: int) -> bool:
    """Whether the tagger reads a proper name in the distinctive part [start, end) of a
    name, in its clause or on its own."""
    clause = start
    while clause > max(0, start - 12) and HAN_CHARACTER.match(simple[clause - 1]):
        clause -= 1
    # Read in its clause and on its own: the words before it may pull a part away.
    for lead in dict.fromkeys((clause, start)):
        position = lead
        for word, tag in chinese_words(simple[lead : end + 6]):
            word_end = position + len(word)
            if word_end > start and position < end and tag in _PROPER_TAGS:
                return True
            position = word_end
            if position >= end:
                break
    return False


def named_things(simple: str, spans) -> list[tuple[int, int, str]]:
    """(start, end, sort) of each named thing or body in the given stretches of a text,
    read in its simplified copy `simple` (same offsets); sort is "body" for a body,
    "brand" for a brand's name, "company" for a shop's or a platform's, else "thing"."""
    found: list[tuple[int, int, str]] = []
    for span_start, span_end in spans:
        for match in _ENDING.finditer(simple, span_start, span_end):
            ending = match.group()
            following = simple[match.end() : match.end() + 1]
            if following and following in "业界化们":
                continue  # "大桥业", "公园化": another word
            if len(ending) == 1 and following and following in _WORD_AFTER_ONE:
                continue  # "庙宇", "宫殿", "寺院": a word, not a name's ending
            body = ending in BODY_ENDINGS
            start = _distinctive(simple, match.start(), _BODY_REACH if body else _REACH)
            opening = start
            if start is None and not body:
                # "台中市北屯区第五公墓": the places it lies in run beyond the reach.
                opening, start = _after_places(simple, match.start())
            if start is None:
                continue
            part = simple[start : match.start()]
            if part in ENDINGS or _NUMERAL.search(part):
                continue  # "三座大桥", "一台风(机)"
            # A lone 省/市/县 names its own body only before a body's full kind ("消防救援
            # 总队", "公安局"); "市议会" is a council, not one body of the city's.
            home = body and part in _HOME and len(ending) >= 3
            if len(_without_generic(part)) < 2 and not home:
                continue  # "海洋主题乐园", "当地警方", "中度台风"
            name = simple[start : match.end()]
            if simple.count(name) < 2 and not (
                _opens_clause(simple, opening)
                and (
                    body
                    or _DATE_AFTER.match(simple, match.end())
                    or _proper_part(simple, start, match.start())
                )
            ):
                # A name is written again, or stands as a clause's subject: a body by its
                # kind alone, a thing right before its date ("某某填埋场2009年投入使用") or
                # when its distinctive part is a proper name ("某某江国际马拉松在…开跑"), not
                # words that only describe it.
                continue
            found.append((start, match.end(), "body" if body else "thing"))
        for match in BODY_BEFORE_PAST.finditer(simple, span_start, span_end):
            if _ENDING.search(simple, max(span_start, match.start() - 5), match.end()):
                continue  # a kind of the data ("自治会") was read above
            start = _distinctive(simple, match.start(), _BODY_REACH)
            if start is None or len(_without_generic(simple[start : match.start()])) < 2:
                continue
            if _opens_clause(simple, start):
                found.append((start, match.end(), "body"))
        for match in _POLICE.finditer(simple, span_start, span_end):
            if _opens_clause(simple, match.start()):
                # "警方昨日拘捕…": the police stand as an actor of their own.
                found.append((match.start(), match.end(), "body"))
        for match in _LINE.finditer(simple, span_start, span_end):
            # A network's name holds words a name rarely does ("有轨电车"): it is read back
            # to a mark, a preposition or a verb rather than to any stop character.
            start = match.start()
            while (
                start > max(span_start, match.start() - _LINE_REACH)
                and HAN_CHARACTER.match(simple[start - 1])
                and simple[start - 1] not in _LINE_STOP
            ):
                start -= 1
            cuts = list(_CUT.finditer(simple, start, match.start()))
            start = cuts[-1].end() if cuts else start
            if match.start() - start >= 2 and simple[start] not in _NOT_FIRST:
                found.append((start, match.end(), "thing"))
            elif _opens_clause(simple, match.start()):
                found.append((match.start(), match.end(), "thing"))
        for match in _VESSEL.finditer(simple, span_start, span_end):
            if simple[match.start()] not in _NOT_FIRST:
                found.append((match.start(), match.end(), "thing"))
        for match in _CRAFT_NUMBER.finditer(simple, span_start, span_end):
            start = _distinctive(simple, match.start(), _CRAFT_REACH)
            kind = _KIND_BEFORE_CRAFT.search(simple, max(0, match.start() - 10), match.start())
            if kind is not None:
                start = kind.start("name")  # "科考船远帆九号": the kind says what it is
            if start is not None and not _NUMERAL.search(simple[start : match.start()]):
                found.append((start, match.end(), "thing"))
        for match in _QUOTED_CRAFT.finditer(simple, span_start, span_end):
            found.append((match.start("name"), match.end("name"), "thing"))
        for match in [
            *_INTRODUCED.finditer(simple, span_start, span_end),
            *_KIND_AFTER.finditer(simple, span_start, span_end),
        ]:
            name = match.group("name")
            if any(char in NAME_STOP for char in name[1:]) and not _ENDING.search(name):
                continue
            kind = match.group("kind")
            sort = "brand" if kind == "品牌" else "company" if kind in _TRADING else "thing"
            found.append((match.start("name"), match.end("name"), sort))
        for match in _STORM_BEFORE.finditer(simple, span_start, span_end):
            name = match.group("name")
            if name[0] in _NOT_FIRST or any(char in NAME_STOP for char in name):
                continue
            if not any(_opens_clause(simple, m.start()) for m in re.finditer(name, simple)):
                continue  # a storm's name opens a clause too ("蒼鷺是今年第3個颱風")
            found.append((match.start("name"), match.end("name"), "thing"))
    return found
