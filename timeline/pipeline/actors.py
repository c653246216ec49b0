"""Actor recognition: alias normalization and linking names in text to the gazetteer.

Plain Python: the gazetteer is passed in, the database is never read here.
"""

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import opencc

from timeline.pipeline.han import HAN_CHARACTER

KINDS_WITH_VERSIONS = frozenset({"model", "product"})


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional Chinese characters to simplified; other text is left as it is."""
    return _to_simplified().convert(text)


def normalize_alias(text: str) -> str:
    """The form aliases are compared in: NFKC, simplified script, case-folded, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text).casefold()
    return re.sub(r"\s+", " ", text).strip()


def is_blank(text: str) -> bool:
    """True if nothing in `text` shows: only spaces and invisible format characters (zero-width
    space and joiners, byte-order mark, direction marks), which `normalize_alias` keeps."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in text)


REVIEW_CURATED, REVIEW_DISCOVERED, REVIEW_REJECTED = "curated", "discovered", "rejected"


@dataclass(frozen=True)
class ActorEntry:
    """An actor the matcher knows: curated (the gazetteer or an editor), discovered by the
    extractor, or rejected by an editor (its aliases are known but never linked)."""

    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    review: str = REVIEW_CURATED


@dataclass(frozen=True)
class ActorMention:
    """One place an actor is named; `text` is `source[char_start:char_end]`."""

    slug: str
    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class CandidateName:
    """A name that looks like an actor but is not in the gazetteer: for editors to review."""

    text: str
    char_start: int
    char_end: int
    kind: str


def load_gazetteer(path: str | Path) -> list[ActorEntry]:
    """Read the actors fixture (Django JSON with natural keys) without a database."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    aliases: dict[str, list[str]] = {}
    for row in rows:
        if row["model"] == "timeline.actoralias":
            aliases.setdefault(row["fields"]["actor"][0], []).append(row["fields"]["alias"])
    return [
        ActorEntry(
            slug=fields["slug"],
            name=fields["name"],
            kind=fields["kind"],
            aliases=tuple(aliases.get(fields["slug"], ())),
        )
        for fields in (row["fields"] for row in rows if row["model"] == "timeline.actor")
    ]


# --- Character-aligned folding -------------------------------------------------------------


class _FoldTable(dict):
    """A `str.translate` table giving every character its one-character comparison form.

    Folding one character at a time keeps offsets in the folded copy equal to offsets in the
    source; a character whose folded form is longer or shorter (ß → ss) keeps its own form.
    """

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        folded = to_simplified(unicodedata.normalize("NFKC", char)).casefold()
        if char.isspace() or folded.isspace():
            folded = " "
        elif len(folded) != 1:
            folded = char.casefold() if len(char.casefold()) == 1 else char
        self[codepoint] = folded
        return folded


_FOLD = _FoldTable()


def fold_text(text: str) -> str:
    """Simplified, case-folded copy of `text` with exactly the same length and offsets."""
    # The same text is folded again by the next reader (a paragraph by the candidate rules
    # and the matcher, an article by the matcher, the recogniser and the extractor): the
    # last few copies are kept, an article's apart so that short texts do not push it out.
    if len(text) >= _LONG_TEXT:
        return _fold_long(text)
    return _fold_short(text)


_LONG_TEXT = 2048


@lru_cache(maxsize=4)
def _fold_long(text: str) -> str:
    return text.translate(_FOLD)


@lru_cache(maxsize=64)
def _fold_short(text: str) -> str:
    return text.translate(_FOLD)


def alias_key(alias: str) -> str:
    """An alias in the form the matcher compares: folded, spaces collapsed."""
    return re.sub(r" +", " ", fold_text(alias)).strip()


_URL = re.compile(r"(?:https?://|www\.)[^\s()<>\[\]，。、“”]+", re.IGNORECASE)


def _blank_urls(folded: str) -> str:
    """URLs spell names as path words (/kai-fu-lee-sets-…); nothing inside them is a mention."""
    return _URL.sub(lambda match: "\0" * len(match.group()), folded)


# --- Boundaries ------------------------------------------------------------------------------

_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_JOINERS = frozenset("-_.")
_NUMERALS = frozenset("〇零一二两三四五六七八九十百千万亿0123456789")
_VERSION = re.compile(r"(?:[-.]?v?\d+(?:\.\d+)*)+")

# Short aliases that are also ordinary words: the contexts in which they are not the actor.
_VETOES: dict[str, tuple[re.Pattern | None, re.Pattern | None]] = {
    "字节": (
        re.compile(r"(?:[0-9〇零一二两三四五六七八九十百千万亿个几多少每]|[kmgt]b?)\s*$"),
        re.compile(r"^(?:码|数|序|流|长|级|对齐|单位|串|型)"),
    ),
    "百川": (re.compile(r"纳$"), re.compile(r"^(?:归海|入海)")),
    "阿里": (None, re.compile(r"^(?:山|郎|地区)")),
    "万知": (None, re.compile(r"^识")),
    "快手": (None, re.compile(r"^快脚")),
}


@dataclass(frozen=True)
class _Target:
    slug: str
    key: str
    versioned: bool
    vetoes: tuple[re.Pattern | None, re.Pattern | None]


def _is_word(char: str) -> bool:
    return char in _WORD


def _open_before(folded: str, start: int) -> bool:
    """True when a word-like alias may start here: not inside or glued onto a Latin word."""
    if start == 0:
        return True
    before = folded[start - 1]
    if _is_word(before):
        return False
    return not (before in _JOINERS and start >= 2 and _is_word(folded[start - 2]))


def _open_after(folded: str, end: int) -> bool:
    """True when a word-like alias may end here: "Yi" in "Yield" or "Yi-Coder" does not."""
    if end >= len(folded):
        return True
    after = folded[end]
    if _is_word(after):
        return False
    return not (after in _JOINERS and end + 1 < len(folded) and _is_word(folded[end + 1]))


def _fits(folded: str, start: int, end: int, target: _Target) -> bool:
    key = target.key
    if _is_word(key[0]) and not _open_before(folded, start):
        return False
    if _is_word(key[-1]) and not _open_after(folded, end):
        return False
    # 零一 in 二零一九, 百度 in 三百度: a numeral glued to a numeral is part of a number.
    if key[0] in _NUMERALS and not _is_word(key[0]) and start and folded[start - 1] in _NUMERALS:
        return False
    if key[-1] in _NUMERALS and not _is_word(key[-1]) and folded[end : end + 1] in _NUMERALS:
        return False
    before, after = target.vetoes
    if before is not None and before.search(folded, max(0, start - 8), start):
        return False
    return not (after is not None and after.match(folded, end, end + 8))


# --- Matching --------------------------------------------------------------------------------

_END = ""  # trie key of a complete alias: no folded character is empty


class ActorMatcher:
    """Finds gazetteer actors in text: longest alias wins, any script, Latin on word bounds.

    Aliases live in a character trie; the scan jumps between characters that can start an
    alias and walks the trie from there, so the cost grows with the text, not the gazetteer.
    """

    def __init__(self, entries: Iterable[ActorEntry]):
        entries = list(entries)
        # Every entry as given, aliases of a slug listed twice included: what `extended`
        # builds on.
        self._given: tuple[ActorEntry, ...] = tuple(entries)
        self._entries: dict[str, ActorEntry] = {}
        self._trie: dict = {}
        keys: set[str] = set()
        for entry in entries:
            self._entries.setdefault(entry.slug, entry)
            for alias in (entry.name, *entry.aliases):
                key = alias_key(alias)
                if not key or key in keys:
                    # The first actor listed keeps an alias that two actors share.
                    continue
                keys.add(key)
                versioned = entry.kind in KINDS_WITH_VERSIONS and key[-1].isalpha()
                self._insert(
                    key, _Target(entry.slug, key, versioned, _VETOES.get(key, (None, None)))
                )
        # Every alias in its folded form: what a candidate name must not be.
        self.keys = frozenset(keys)
        self._rejected = frozenset(
            slug for slug, entry in self._entries.items() if entry.review == REVIEW_REJECTED
        )
        self._starts = self._start_pattern(keys)

    def _insert(self, key: str, target: _Target) -> None:
        node = self._trie
        for char in key:
            node = node.setdefault(char, {})
        node[_END] = target

    @staticmethod
    def _start_pattern(keys: set[str]) -> re.Pattern:
        word_starts = sorted({key[0] for key in keys if _is_word(key[0])})
        other_starts = sorted({key[0] for key in keys if not _is_word(key[0])})
        branches = []
        if other_starts:
            branches.append("[" + "".join(re.escape(c) for c in other_starts) + "]")
        if word_starts:
            branches.append(r"(?<![0-9a-z])[" + "".join(word_starts) + "]")
        return re.compile("|".join(branches) or r"(?!)")

    def entry(self, slug: str) -> ActorEntry:
        return self._entries[slug]

    def slugs(self) -> frozenset[str]:
        return frozenset(self._entries)

    def extended(self, entries: Iterable[ActorEntry]) -> "ActorMatcher":
        """A matcher that knows these entries too; where an alias is already known, the
        actor that knew it keeps it (the curated gazetteer wins over what was discovered).
        An entry whose slug is known adds its aliases to that actor."""
        entries = list(entries)
        if not entries:
            return self
        return ActorMatcher([*self._given, *entries])

    def find(self, text: str, *, offset: int = 0) -> list[ActorMention]:
        """All non-overlapping mentions in `text`, offsets shifted by `offset`."""
        folded = _blank_urls(fold_text(text))
        mentions: list[ActorMention] = []
        resume = 0
        for match in self._starts.finditer(folded):
            start = match.start()
            if start < resume:
                continue
            found = self._longest_at(folded, start)
            if found is None:
                continue
            end, target = found
            resume = end
            if target.slug in self._rejected:
                # An editor said this is no actor: the span is taken, and nothing links.
                continue
            mentions.append(
                ActorMention(target.slug, text[start:end], start + offset, end + offset)
            )
        return mentions

    def _longest_at(self, folded: str, start: int) -> tuple[int, _Target] | None:
        node, position, length = self._trie, start, len(folded)
        complete: list[tuple[int, _Target]] = []
        while True:
            if _END in node:
                complete.append((position, node[_END]))
            if position >= length:
                break
            char = folded[position]
            child = node.get(char)
            if child is None:
                break
            position += 1
            if char == " ":
                # One space in an alias stands for any run of whitespace in the text.
                while position < length and folded[position] == " ":
                    position += 1
            node = child
        for end, target in reversed(complete):
            if target.versioned:
                version = _VERSION.match(folded, end)
                if version and version.end() > end and _fits(folded, start, version.end(), target):
                    return version.end(), target
            if _fits(folded, start, end, target):
                return end, target
        return None


# --- Roles -----------------------------------------------------------------------------------

_TITLES = {
    "联合创始人": "co-founder",
    "创始合伙人": "founding partner",
    "创始人": "founder",
    "创办人": "founder",
    "首席执行官": "ceo",
    "首席技术官": "cto",
    "首席财务官": "cfo",
    "首席运营官": "coo",
    "首席营销官": "cmo",
    "首席科学家": "chief scientist",
    "董事会主席": "chairman",
    "董事长": "chairman",
    "副总裁": "vice president",
    "总裁": "president",
    "总经理": "general manager",
    "管理合伙人": "managing partner",
    "合伙人": "partner",
    "高管": "executive",
    "负责人": "head",
    "投资人": "investor",
    "co-founder": "co-founder",
    "cofounder": "co-founder",
    "founder": "founder",
    "chief executive officer": "ceo",
    "chief executive": "ceo",
    "chief technology officer": "cto",
    "chief scientist": "chief scientist",
    "ceo": "ceo",
    "cto": "cto",
    "cfo": "cfo",
    "coo": "coo",
    "cmo": "cmo",
    "chairman": "chairman",
    "vice president": "vice president",
    "president": "president",
    "managing partner": "managing partner",
    "partner": "partner",
    "investor": "investor",
}
_TITLE_ALTERNATION = "|".join(
    rf"(?<![a-z]){re.escape(title)}(?![a-z])" if title[0].isascii() else re.escape(title)
    for title in sorted(_TITLES, key=len, reverse=True)
)
_TITLE = re.compile(_TITLE_ALTERNATION)
# Chinese titles only, behind a one-character gate so a scan of a long text stays quick.
_HAN_TITLE = re.compile(
    "(?=["
    + "".join(sorted({title[0] for title in _TITLES if not title[0].isascii()}))
    + "])(?:"
    + "|".join(
        re.escape(title)
        for title in sorted(_TITLES, key=len, reverse=True)
        if not title[0].isascii()
    )
    + ")"
)
_TITLE_AT_END = re.compile(rf"(?:{_TITLE_ALTERNATION})[ :：]*$")
_CHAIN_SEPARATOR = re.compile(r"^ *(?:、|/|&|,|和|与|及|兼|and) *")
_SEPARATOR_TAIL = re.compile(r"(?:、|/|&|,|兼|\band\b)")
_CLAUSE_END = "\n。！？；;!?，"
_PREFIX_CHARS = r"[^\n。！？；;!?，:：“”\"]"

# "陈冉是…的创始人、CEO", "李开复，这位知名的AI投资人、前谷歌与微软高管，", "Kai-Fu Lee, founder of"
_ROLE_AFTER = re.compile(
    r" *(?:是|为|作为|担任|出任|身为|，(?:这位|作为|身为)?|, *(?:the |a |an )?|is (?:the |a |an )?)"
    rf"(?P<chain>(?:{_PREFIX_CHARS}{{0,30}}?(?:{_TITLE_ALTERNATION}) *"
    r"(?:、|/|&|,|和|与|及|兼|and)? *){1,4}?)"
    r"(?: *(?:of|at) [^\n,.;，。；]{1,40})?"
    r"(?= *(?:[，。；;！？!?、\n,.)）]|$|说|表示|称|认为|指出|告诉|透露|曾|于|在|也|则|就|将|对))"
)
_FOUNDED_AFTER = re.compile(
    r" *(?:于[^\n，。；]{0,12})?(?P<verb>联合创立|创立|创办|创建|co-?founded|founded)"
)
_IN_CHARGE_AFTER = re.compile(
    r" *负责 *(?P<field>[^\n，。；、,;()（）]{1,16}?) *(?=[\n，。；、,;()（）]|$)"
)

_FIELDS = {
    "预训练": "pre-training",
    "模型训练": "model training",
    "训练": "training",
    "多模态": "multimodal",
    "研发": "r&d",
    "销售": "sales",
    "产品": "product",
    "生产力": "productivity",
    "to c": "consumer",
    "to b": "enterprise",
    "c端": "consumer",
    "b端": "enterprise",
    "技术": "technology",
    "算法": "algorithms",
    "工程": "engineering",
    "市场": "marketing",
    "商业化": "commercialization",
    "ai infra": "ai infrastructure",
    "infra": "infrastructure",
    "基础设施": "infrastructure",
    "运营": "operations",
    "战略": "strategy",
    "投资": "investment",
    "海外": "overseas",
    "国际": "international",
    "应用": "applications",
    "大模型": "large models",
    "模型": "models",
    "数据": "data",
    "安全": "safety",
    "团队": "team",
    "业务": "business",
    "和": "and",
    "与": "and",
    "及": "and",
}
_FIELD_TOKEN = re.compile(
    "|".join(re.escape(field) for field in sorted(_FIELDS, key=len, reverse=True))
)


def _field_words(field: str) -> str | None:
    """The English words of a responsibility ("多模态研发" → "multimodal r&d"), if all are known."""
    words, position = [], 0
    field = field.strip()
    while position < len(field):
        if field[position] == " ":
            position += 1
            continue
        token = _FIELD_TOKEN.match(field, position)
        if token is None:
            return None
        words.append(_FIELDS[token.group()])
        position = token.end()
    return " ".join(words) or None


_FORMER = re.compile(
    r"(?<![目之此以当眼面提])[前原](?![沿景面往提因来本创始则先])|\bformer\b|\bex-"
)


def _role(title: str, prefix: str) -> str:
    """The English role for a title and the words written just before it ("前预训练负责人")."""
    prefix = prefix.strip().removesuffix("的")
    role = _TITLES[title]
    if role == "head":
        for start in range(len(prefix)):
            field = _field_words(prefix[start:])
            if field:
                role, prefix = f"head of {field}", prefix[:start]
                break
    return f"former {role}" if _FORMER.search(prefix) else role


def _roles_before(window: str) -> list[str]:
    """Titles written right before a name, chained: "Lepton AI 创始人、阿里原副总裁" → 2 roles."""
    if not _TITLE_AT_END.search(window):
        return []
    titles = list(_TITLE.finditer(window))
    roles: list[str] = []
    index = len(titles) - 1
    while index >= 0:
        title = titles[index]
        left = titles[index - 1].end() if index else 0
        gap = window[left : title.start()]
        separator = _CHAIN_SEPARATOR.match(gap) if index else None
        chained = separator is not None and len(gap) - separator.end() <= 15
        if chained:
            prefix = gap[separator.end() :]
        else:
            tail = list(_SEPARATOR_TAIL.finditer(gap))
            prefix = gap[tail[-1].end() :] if tail else gap
            prefix = prefix[-15:]
        roles.append(_role(title.group(), prefix))
        if not chained:
            break
        index -= 1
    return roles[::-1]


def _roles_after(folded: str, end: int) -> list[str]:
    """Roles stated right after a name: apposition, "是…的创始人", "创立", "负责…"."""
    roles: list[str] = []
    stated = _ROLE_AFTER.match(folded, end)
    if stated:
        chain = stated.group("chain")
        previous = 0
        for title in _TITLE.finditer(chain):
            gap = chain[previous : title.start()]
            tail = list(_SEPARATOR_TAIL.finditer(gap))
            prefix = gap[tail[-1].end() :] if tail else gap
            roles.append(_role(title.group(), prefix[-15:]))
            previous = title.end()
    founded = _FOUNDED_AFTER.match(folded, end)
    if founded:
        roles.append(
            "co-founder"
            if "co" in founded.group("verb") or "联合" in founded.group("verb")
            else "founder"
        )
    in_charge = _IN_CHARGE_AFTER.match(folded, end)
    if in_charge:
        field = _field_words(in_charge.group("field"))
        roles.append(f"head of {field}" if field else "head")
    return roles


def find_roles(
    text: str, mentions: Sequence[ActorMention], *, matcher: ActorMatcher | None = None
) -> dict[str, str]:
    """Roles the text states next to a name: slug → "founder, ceo".

    Only titles written immediately before a name ("零一万物创始人李开复", "founder and CEO
    Kai-Fu Lee") or right after it ("陈冉是开放传神的创始人、CEO", "李开复创立的", "祁瑞峰负责
    销售") count. `mentions` carry offsets into `text` (as from `ActorMatcher.find(text)`);
    given the `matcher`, only people get roles.
    """
    folded = fold_text(text)
    found: dict[str, list[str]] = {}
    for mention in mentions:
        if matcher is not None and matcher.entry(mention.slug).kind != "person":
            continue
        start, end = mention.char_start, mention.char_end
        window_start = max(0, start - 40)
        clause = max(folded.rfind(char, window_start, start) for char in _CLAUSE_END)
        window = folded[max(window_start, clause + 1) : start]
        roles = _roles_before(window) + _roles_after(folded, end)
        if roles:
            known = found.setdefault(mention.slug, [])
            known.extend(role for role in roles if role not in known)
    return {slug: ", ".join(roles) for slug, roles in found.items()}


# --- Candidates ------------------------------------------------------------------------------

# A bare 公司 is mostly a common noun ("很多公司"); it counts after 科技, 智能, 有限 and the like.
_ORG_SUFFIX = re.compile(
    r"(?:智能|科技|网络|信息|技术)+(?:(?:股份)?有限)?公司|(?:股份)?有限公司"
    r"|(?:智能|科技|网络|信息|技术)*(?:集团|实验室|研究院|研究所|大学|银行|资本|基金|创投)"
    r"|(?:智能|科技)+"
)
_STRONG_SUFFIX = re.compile(r"(?:公司|集团|实验室|研究院|研究所|大学|银行|资本|基金|创投)$")
# After a bare 科技/智能 ending, what may follow a company name (not 智能汽车, 科技大厂).
_AFTER_WEAK_SUFFIX = re.compile(
    r"(?:[^\u3400-\u9fff]|$|[被也的在是于与和及已将则就还都对向从把为让等曾]|创始人|联合|宣布|发布|推出|表示|称|旗下)"
)
NAME_STOP = frozenset(
    "的是在了和与及或等把被让给对向从为将要会能可也都就还又其该此各这那他她它我你们个家位有无不没说称表以于由到至而且但并做用像比如每某所之着过得地吗呢吧啊"
)
_GENERIC_NAME = re.compile(
    r"(?:科技|互联网|人工智能|人工|智能|生态|创业|初创|上市|投资|游戏|汽车|金融|能源|保险|咨询|软件|硬件"
    r"|芯片|数据|模型|大模型|集成|系统|技术|平台|社区|媒体|电商|物流|医疗|教育|私募|公募|国有|民营|外资"
    r"|合资|子|母|头部|明星|独角兽|行业|企业|研究|管理|服务|信息|网络|电子|通信|传媒|文化|娱乐|资产|风险"
    r"|风投|产业|实体|本土|海外|国内|国外|中国|美国|全球|大型|小型|中型|新兴|传统|知名|顶级|龙头|巨头|科研"
    r"|商业|应用|云计算|量化|视频|内容|社交|安全|机器人|制造|工业|消费|营销|广告|设计|品牌|重点|名牌|一流"
    r"|综合|顶尖|引导|政府|国家|大厂|创新|新|老|大|小|本|总|分|联合|合作|相关|对手|竞争|同类|美股|港股)$"
)
_GENERIC_BREAK = re.compile(
    r"(?:公司|集团|旗下|大模型|创业|初创|企业|机构|巨头|大厂|系|对手|伙伴|客户|竞品|股东|投资方)"
)

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤池祁谷齐柳施傅洪关倪温季庞牛鲁康章纪伍葛裴易殷欧阳司上官诸东慕容聂甘包"
    # Surnames common in Hong Kong, Macau and Taiwan news.
    "麦邝冼岑甄卓翁简颜蓝涂詹骆巫柯凌霍阮戚祝闵鲍辛舒翟邢俞郁岳樊阎焦尤"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容")
_SPEECH = re.compile(r"表示|说|称|认为|指出|告诉|透露|坦言|直言|回应|强调|提到|解释")
_NAME_FOLLOW = frozenset(
    "说表称认指告透坦直回强提解曾也是的在将于和与、等对已则就还都却更带，。；：:,.!?！？ \n（()）"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NOT_NAMES = _words(
    "高管 高层 官方 方面 对方 双方 各方 记者 分析 知情 人士 业内 行业 公司 "
    "团队 媒体 报道 消息 文章 报告 研究 数据 结果 周围 江湖 金融 龙头 于是 "
    "关于 向来 石头 程序 马上 万一 易于 常说 段时 任何 任谁 何况 许多 许久 "
    "高度 高兴 曾经 毛利 钱说 余下 齐声 林林 史上 武断 康复 章程 纪录 应该 "
    "包括 包含 甘愿 严格 董事 常委 孔子 方才 黎明 夏天 秦朝 宋朝 唐朝 汤姆 "
    "戴着 于此 于今"
)

_LATIN_VERSIONED = re.compile(
    r"(?<![\w.-])(?:[A-Z][A-Za-z]+(?:-[A-Za-z]+)*-?v?\d(?:\w|\.(?=\w))*(?:-\w+(?:\.\w+)*)*"
    r"|[A-Z][a-z]+[A-Za-z]* \d+\.\d+)(?![\w-])"
)
_LATIN_CAMEL = re.compile(
    r"(?<![\w.-])(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]+[A-Za-z]*)(?:-[A-Za-z]\w*)*(?![\w-])"
)
_LATIN_WORDS = re.compile(
    r"(?<![\w.-])[A-Z][a-z][A-Za-z]*(?: (?:[A-Z][a-z][A-Za-z]*|AI))+(?![\w-])"
)
_LEADING_STOPWORDS = _words(
    "The A An In On At For Of And But Or This That These Those We Our It Its He She They His "
    "Her As By With From To If When While After Before"
)
_COMMON_WORDS = _words(
    "agent agents scaling law laws system deep learning machine language large model models "
    "open source artificial intelligence generative chat bot data cloud search app apps "
    "platform mobile web internet super general global china chinese american asia news tech "
    "technology online digital smart human center centre ai labs lab new next first world "
    "best top great version release industry phase stage level step part page section chapter "
    "figure table"
)


def _is_han(char: str) -> bool:
    return HAN_CHARACTER.match(char) is not None


def _org_candidates(folded: str) -> Iterable[tuple[int, int, str]]:
    for suffix in _ORG_SUFFIX.finditer(folded):
        name_end = suffix.start()
        start = name_end
        while start > 0 and name_end - start < 7 and _is_han(folded[start - 1]):
            start -= 1
        window = folded[start:name_end]
        # The name begins after the last function character or generic word ("竞争对手").
        cut = max((i + 1 for i, char in enumerate(window) if char in NAME_STOP), default=0)
        breaks = [match.end() for match in _GENERIC_BREAK.finditer(window)]
        cut = max(cut, *breaks) if breaks else cut
        if cut == 0 and len(window) == 7:
            continue  # the name's left edge is not visible: too uncertain to propose
        start += cut
        name = window[cut:]
        if not 2 <= len(name) <= 6 or _GENERIC_NAME.search(name):
            continue
        weak = _STRONG_SUFFIX.search(suffix.group()) is None
        if weak and not _AFTER_WEAK_SUFFIX.match(folded, suffix.end()):
            continue
        yield start, suffix.end(), "organization"


def _title_before(folded: str, start: int) -> bool:
    return _TITLE_AT_END.search(folded, max(0, start - 12), start) is not None


def _person_at(folded: str, start: int, end: int) -> bool:
    name = folded[start:end]
    if not all(_is_han(char) for char in name) or name in _NOT_NAMES:
        return False
    if not (name[0] in SURNAMES or name.startswith(COMPOUND_SURNAMES)):
        return False
    return not any(char in NAME_STOP for char in name[1:])


def _opens_name(folded: str, start: int) -> bool:
    """A Chinese name can begin here: after punctuation, a title, or a non-Chinese character."""
    if start == 0:
        return True
    before = folded[start - 1]
    return not _is_han(before) or before in "据由和与、" or _title_before(folded, start)


def _person_candidates(folded: str) -> Iterable[tuple[int, int, str]]:
    for speech in _SPEECH.finditer(folded):
        end = speech.start()
        for length in (3, 2):
            start = end - length
            if start >= 0 and _person_at(folded, start, end) and _opens_name(folded, start):
                yield start, end, "person"
                break
    for title in _HAN_TITLE.finditer(folded):
        start = title.end()
        for length in (3, 2):
            end = start + length
            if end > len(folded) or not _person_at(folded, start, end):
                continue
            if end == len(folded) or folded[end] in _NAME_FOLLOW or _SPEECH.match(folded, end):
                yield start, end, "person"
                break


def _latin_candidates(text: str, known_prefixes: frozenset[str]) -> Iterable[tuple[int, int, str]]:
    for match in _LATIN_VERSIONED.finditer(text):
        letters = re.match(r"[A-Za-z]+", match.group()).group()
        if len(letters) >= 2 and letters.casefold() not in _COMMON_WORDS:
            yield match.start(), match.end(), "model"
    for match in _LATIN_CAMEL.finditer(text):
        head = match.group().split("-")[0].casefold()
        kind = "model" if "-" in match.group() and head in known_prefixes else "organization"
        yield match.start(), match.end(), kind
    for match in _LATIN_WORDS.finditer(text):
        words = match.group().split(" ")
        start = match.start()
        while words and words[0] in _LEADING_STOPWORDS:
            start += len(words.pop(0)) + 1
        if len(words) < 2 or all(word.casefold() in _COMMON_WORDS for word in words):
            continue
        yield start, match.end(), "organization"


def find_candidates(text: str, matcher: ActorMatcher, *, offset: int = 0) -> list[CandidateName]:
    """Names that look like organisations, people or models but match no gazetteer alias.

    Deduplicated by normalized form, in text order, each at its first occurrence. Tuned for
    precision: editors read this list, so a doubtful name is left out.
    """
    folded = _blank_urls(fold_text(text))
    latin = _URL.sub(lambda match: " " * len(match.group()), text)
    covered = bytearray(len(text))
    for mention in matcher.find(text):
        covered[mention.char_start : mention.char_end] = b"\1" * (
            mention.char_end - mention.char_start
        )
    spans = sorted(
        [
            *_org_candidates(folded),
            *_person_candidates(folded),
            *_latin_candidates(latin, matcher.keys),
        ],
        key=lambda span: (span[0], -span[1]),
    )
    candidates: list[CandidateName] = []
    seen: set[str] = set()
    resume = 0
    for start, end, kind in spans:
        if start < resume or any(covered[start:end]):
            continue
        key = alias_key(text[start:end])
        resume = end
        if key in matcher.keys or key in seen:
            continue
        seen.add(key)
        candidates.append(CandidateName(text[start:end], start + offset, end + offset, kind))
    return candidates
