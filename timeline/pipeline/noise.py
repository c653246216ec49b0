"""Noise in scraped articles: link farms, injected spam, bylines, credits and reference lists.

Works on the lines of an article body and knows nothing of paragraphs or sentences. Every
recogniser is a single pass with anchored, length-bounded expressions, so cost stays linear.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.pipeline.spam import find_spam_phrases

# Reasons a whole line is skipped. BLANK lines are dropped silently and never reported.
BLANK = "blank"
LINK_FARM = "link farm"
SPAM_PHRASE = "spam phrase"
BYLINE = "byline"
IMAGE = "image"
CREDIT = "credit"
TAGS = "tags"
REFERENCE_LIST = "reference list"
TITLE_REPEAT = "title repeat"
FRONT_MATTER = "front matter"

# Lines longer than this are prose, never page furniture; the bound also keeps the
# line-level expressions cheap on pathological single-line articles.
_FURNITURE_MAX = 300
_SHORT_TITLE_MAX = 40
_TOP_LINES = 12

_TERMINAL = "。！？!?.…；;"
_CLOSERS = "”’」』）)]】》〉\"'*_ "
_WORD = re.compile(r"[^\W_]")

# --- line-level furniture ---------------------------------------------------------------

_IMAGE_PATTERNS = (
    re.compile(r"^(?:!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)\s*)+$"),
    re.compile(r"^<img\b", re.IGNORECASE),
    re.compile(r"^\[(?:图片|圖片|image|img|photo)\]$", re.IGNORECASE),
    re.compile(r"^(?:https?://|www\.)\S+\.(?:jpe?g|png|gif|webp|bmp|svg)(?:\?\S*)?$", re.I),
    re.compile(
        r"^(?:题图|題圖|头图|頭圖|封面图?|封面圖|图片|圖片|配图|配圖|首图|首圖|插图|插圖|"
        r"文中配图|文中配圖)[^。！？\n]{0,16}?(?:来源|來源|来自|來自|源于|源於|提供|摄|攝|[:：丨|｜/])"
    ),
    re.compile(r"^(?:图源|圖源|图片来源|圖片來源)"),
    re.compile(r"^(?:图|圖)\s*[\d一二三四五六七八九十]{0,3}\s*[:：丨|｜]"),
    re.compile(r"^[（(]\s*(?:图|圖|摄影|攝影|图片|圖片)\s*[/／:：丨|｜]"),
    re.compile(r"^(?:摄影|攝影|摄|攝)\s*[:：丨|｜/]"),
    re.compile(
        r"^(?:images?|photos?|photograph|pictures?|illustrations?|graphic|video)"
        r"(?:\s+credits?)?\s*(?::|\||by\b|courtesy\b|via\b)",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:photo|image)\s+credit\b", re.IGNORECASE),
)

_BYLINE_LABELS = (
    "文|作者|撰文|撰稿|编辑|編輯|责编|責編|责任编辑|責任編輯|主编|主編|编译|編譯|翻译|翻譯|整理|"
    "采访|採訪|口述|出品|策划|策劃|校对|校對|审核|審核|审校|審校|排版|监制|監製|视觉|視覺|设计|設計|"
    "运营|運營|来源|來源|出处|出處|稿源|供稿|通讯员|通訊員|实习生|實習生|摄像|攝像|"
    "(?:本报|本報|本刊|本网|本網|本台)?(?:记者|記者)"
)
_BYLINE_CHINESE = re.compile(rf"^(?:{_BYLINE_LABELS})\s*(?:[丨|｜/:：]|\s)\s*\S")
_AUTHOR_CHINESE = re.compile(
    r"^(?:文|作者|撰文|撰稿|(?:本报|本報|本刊|本网|本網|本台)?(?:记者|記者))"
    r"\s*(?:[丨|｜/:：]|\s)\s*(?P<names>[^丨|｜:：]+?)\s*(?:[丨|｜]|\s{2,}|$)"
)
_REPORTER_LINE = re.compile(
    r"^(?:本报|本報|中央社|本台)?(?:记者|記者)\s*[^\s，,。]{2,12}(?:\s*[/／]\s*[^\s，,。]{2,8})?"
    r"\s*(?:报道|報導|報道|电|電)$"
)
# A reporter's byline opening a paragraph in brackets: "【本報記者 李文華】", "（记者 刘洋）",
# "【記者王小明／台北報導】", "本报讯（记者 刘洋）", "【某某网2025年6月12日讯】". It says who
# wrote the story; the paragraph's text starts after it.
BYLINE_LEAD = re.compile(
    r"(?:(?:本报|本報|本网|本網|本台|本刊)(?:讯|訊)\s*)?"
    r"[【\[（(](?:[^【】\[\]（）()，。,]{0,6}(?:记者|記者|通讯员|通訊員|特派员|特派員)"
    r"[^【】\[\]（）()，。,]{1,20}|[^【】\[\]（）()，。,]{1,24}(?:讯|訊|报道|報導|報道))[】\]）)]\s*"
    r"|(?:本报|本報|本网|本網|本台|本刊)(?:讯|訊)\s*"
)
_ORIGINAL_MARK = re.compile(r"^(?P<publisher>[^。！？!?,，]{1,30}?)\s*(?:原创|原創)$")
_BYLINE_ENGLISH = re.compile(
    r"^(?P<label>by|written by|reported by|reporting by|edited by|editing by|"
    r"additional reporting by|compiled by|translated by|story by|words by)\s+"
    r"(?P<names>\S.*)$",
    re.IGNORECASE,
)
_ENGLISH_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|and|&|de|van|von|der|da|la|bin|al)$")
_DATELINE = re.compile(
    r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*(?:\d{1,2}:\d{2}(?::\d{2})?))?"
    r"(?:\s*(?:星期|周|週)[一二三四五六日天])?$"
)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE_ENGLISH = re.compile(
    rf"^(?:(?:published|updated|posted)(?:\s+on)?:?\s+)?(?:[a-z]{{3,9}},?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(?:本文(?:来自|來自|转载自|轉載自|转自|轉自|系|为|為|经|經|首发|首發|由|作者)|"
    r"转载请|轉載請|未经授权|未經授權|版权|版權|原标题|原標題|原文链接|原文鏈接|原文地址|"
    r"阅读原文|閱讀原文|(?:免责|免責|特别|特別)?(?:声明|聲明)\s*[:：]|©|copyright\b|\(c\)\s|"
    r"all rights reserved|this (?:article|story) (?:was|is) (?:originally )?"
    r"(?:published|adapted|republished)|originally published|a version of this (?:article|story)|"
    r"source\s*:|read more\s*:|read the original)",
    re.IGNORECASE,
)
_TAGS = re.compile(
    r"^(?:标签|標籤|关键词|關鍵詞|关键字|關鍵字|tags?|keywords|topics|分类|分類|categories|category)"
    r"\s*[:：]",
    re.IGNORECASE,
)
_BYLINE_MAX = 40
_SENTENCE_MARKS = re.compile(r"[。！？!?]")
_LIST_BULLET = re.compile(r"^[*·•>\-–]+\s*")


def _looks_like_english_byline(names: str) -> bool:
    words = names.replace(",", " , ").split()
    if not words or len(words) > 10 or not words[0][:1].isupper():
        return False
    if any(ch.isdigit() for ch in names):
        return False
    return all(word == "," or _ENGLISH_NAME_WORD.match(word) for word in words)


def line_noise(line: str) -> str | None:
    """The reason a single line is page furniture (image, byline, credit, tags), or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > _FURNITURE_MAX:
        return None
    bare = _LIST_BULLET.sub("", stripped, count=1) or stripped
    for pattern in _IMAGE_PATTERNS:
        if pattern.match(stripped) or pattern.match(bare):
            return IMAGE
    # A byline is a short label line; "记者 张三 报道，近日…" is a sentence of the article.
    if (
        len(bare) <= _BYLINE_MAX
        and not _SENTENCE_MARKS.search(bare)
        and any(
            pattern.match(bare)
            for pattern in (
                _BYLINE_CHINESE,
                _REPORTER_LINE,
                _ORIGINAL_MARK,
                _DATELINE,
            )
        )
    ):
        return BYLINE
    if len(bare) <= 80:
        if _DATELINE_ENGLISH.match(bare):
            return BYLINE
        english = _BYLINE_ENGLISH.match(bare)
        if english:
            label = english.group("label").lower()
            if label != "by" or _looks_like_english_byline(english.group("names")):
                return BYLINE
    if _TAGS.match(bare):
        return TAGS
    if _CREDIT.match(bare):
        return CREDIT
    return None


def _split_names(names: str) -> tuple[str, ...]:
    parts = re.split(r"\s*(?:、|，|,|/|／|&|\band\b|\s)\s*", names.strip())
    return tuple(part for part in parts if part and part not in {"和", "与", "與"})


def byline_authors(line: str) -> tuple[str, ...]:
    """Author names written in a byline ("文丨程曼祺", "作者 | 黎明", "By Jane Doe and Li Wei")."""
    stripped = line.strip()
    if len(stripped) > 80:
        return ()
    chinese = _AUTHOR_CHINESE.match(stripped)
    if chinese:
        return _split_names(chinese.group("names"))
    english = _BYLINE_ENGLISH.match(stripped)
    if english and english.group("label").lower() in {"by", "written by", "story by"}:
        names = re.split(r"\s*[|;–—]\s*", english.group("names"))[0]
        if not _looks_like_english_byline(names):
            return ()
        parts = re.split(r"\s*(?:,|&|\band\b)\s*", names)
        return tuple(part.strip() for part in parts if part.strip())
    return ()


def byline_publisher(line: str) -> str | None:
    """The publisher an originality mark names: "定焦(dingjiaoone)原创" → "定焦(dingjiaoone)"."""
    match = _ORIGINAL_MARK.match(line.strip())
    return match.group("publisher").strip() if match else None


# --- block recognisers ------------------------------------------------------------------

_STAMP = (
    r"(?:\d{1,3}\s*(?:秒|分钟|分鐘|小时|小時|天|日|周|週|星期|个月|個月|月|年)前|刚刚|剛剛|昨天|前天"
    r"|\d{1,3}\s+(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\s+ago|yesterday|just now)"
)
# A relative time stamp standing as a cell of a list line: at its end, or opening it
# before a separator ("标题 | 3天前 |", "5 days ago · Title"); never inside prose.
_RELATIVE_STAMP = re.compile(
    rf"(?:^|[\s|｜·•])(?<![\d.]){_STAMP}(?:\s*\d{{1,2}}:\d{{2}})?[\s|｜·•\-–—]*$"
    rf"|^{_STAMP}\s*[|｜·•\-–—]",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'“”]+", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]{0,500})\]\(\s*(?:https?://|www\.|/)[^)\s]{0,2000}\s*\)")
_FOOTNOTE = re.compile(r"^\[\d{1,3}\]\s*\S")
_REFERENCE_HEADING = re.compile(
    r"^(?:#{1,6}\s*)?(?:\*\*)?(?:references?|sources?|bibliography|further reading|works cited|"
    r"notes and references|参考(?:资料|文献|链接|来源|阅读)?|參考(?:資料|文獻|連結|來源|閱讀)?|"
    r"引用(?:来源|來源|资料|資料|文献|文獻)?|资料来源|資料來源|延伸阅读|延伸閱讀|注释|註釋)"
    r"(?:\*\*)?\s*[:：]?\s*$",
    re.IGNORECASE,
)
_RELATED_HEADING = re.compile(
    r"^(?:#{1,6}\s*)?[\W_]*(?:相关阅读|相關閱讀|推荐阅读|推薦閱讀|相关文章|相關文章|热门文章|熱門文章|"
    r"相关推荐|相關推薦|猜你喜欢|猜你喜歡|热门推荐|熱門推薦|往期回顾|往期回顧|更多阅读|更多閱讀|"
    r"related(?: articles| stories| posts)?|read more|more from [\w .'-]{1,40}|recommended|"
    r"trending|most popular|you may also like)[\W_]*$",
    re.IGNORECASE,
)
# A line that reads like one entry of a bibliography: numbered, bulleted, or dated.
_REFERENCE_ENTRY = re.compile(
    r"^(?:\[\d{1,3}\]|\d{1,3}[.)、]|[-*•·]\s)|\(\d{4}[a-z]?\)|\bet al\.|《[^》]{1,80}》"
)
_END_MARKER = re.compile(r"^[\W_]*(?:完|全文完|本文完|end|the end)[\W_]*$", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s")


def is_decoration(line: str) -> bool:
    """True for lines with no words at all: rules, ornaments, emoji, "（完）"/"END" marks."""
    stripped = line.strip()
    if not stripped:
        return True
    if len(stripped) > 40:
        return False
    return not _WORD.search(stripped) or bool(_END_MARKER.match(stripped))


def _is_url_line(line: str) -> bool:
    if len(line) > 2500:
        return False
    links = list(_MARKDOWN_LINK.finditer(line))
    rest = _MARKDOWN_LINK.sub(" ", line) if links else line
    urls = list(_URL.finditer(rest))
    if not links and not urls:
        return False
    rest = _URL.sub(" ", rest)
    return len(rest.strip()) <= 200


def _is_bare_link(line: str) -> bool:
    rest = _URL.sub("", _MARKDOWN_LINK.sub("", line))
    return not _WORD.search(rest) and line != rest


def _ends_open(line: str) -> bool:
    """True when a line stops without sentence punctuation, as titles and stamps do."""
    core = line.rstrip(_CLOSERS)
    return bool(core) and core[-1] not in _TERMINAL


def normalize_line(line: str) -> str:
    """Comparison key for repeated lines: NFKC, case-folded, words only."""
    text = unicodedata.normalize("NFKC", line).casefold()
    return "".join(_WORD.findall(text))


@dataclass(frozen=True)
class NoiseReport:
    """Per-line verdicts for an article body.

    ``reasons[i]`` is None for a content line, BLANK for blank or decorative lines, or the
    reason the line is noise. ``spam[i]`` holds (start, end) offsets, relative to line i,
    of spam phrases injected into a content line.
    """

    reasons: tuple[str | None, ...]
    spam: tuple[tuple[tuple[int, int], ...], ...]


def mark_noise(lines: Sequence[str], *, title: str | None = None) -> NoiseReport:
    """Classify every line of an article body as content, blank or a kind of noise."""
    count = len(lines)
    reasons: list[str | None] = [None] * count
    stripped = [line.strip() for line in lines]
    for i, text in enumerate(stripped):
        if is_decoration(text):
            reasons[i] = BLANK
        else:
            reasons[i] = line_noise(text)

    stamp = [False] * count
    pipe = [False] * count
    url = [False] * count
    weak = [False] * count
    for i, text in enumerate(stripped):
        if reasons[i] is not None or len(text) > _FURNITURE_MAX:
            continue
        stamp[i] = bool(_RELATIVE_STAMP.search(text))
        pipe[i] = text[-1] in "|｜" and text[0] not in "|｜"
        url[i] = _is_url_line(text)
        weak[i] = len(text) <= _SHORT_TITLE_MAX and _ends_open(text)
    strong = [stamp[i] or pipe[i] for i in range(count)]

    def furniture(i: int) -> bool:
        return strong[i] or weak[i] or url[i]

    # content_after[i]: some line at or after i is neither noise nor possible furniture.
    content_after = [False] * (count + 1)
    for i in range(count - 1, -1, -1):
        candidate = reasons[i] is None and not furniture(i)
        content_after[i] = content_after[i + 1] or candidate

    _mark_reference_lists(stripped, reasons, url, strong, content_after)
    _mark_link_farms(stripped, reasons, strong, weak, url, content_after)
    _mark_trailer(stripped, reasons, furniture)
    for i, text in enumerate(stripped):
        if reasons[i] is None and url[i] and _is_bare_link(text):
            reasons[i] = LINK_FARM

    spam: list[tuple[tuple[int, int], ...]] = [()] * count
    for i, line in enumerate(lines):
        if reasons[i] is not None:
            continue
        found = tuple(find_spam_phrases(line))
        if not found:
            continue
        pieces = []
        previous = 0
        for s, e in found:
            pieces.append(line[previous:s])
            previous = max(previous, e)
        pieces.append(line[previous:])
        rest = "".join(pieces).strip()
        if len(rest) <= 6 or (len(rest) <= _SHORT_TITLE_MAX and _ends_open(rest)):
            reasons[i] = SPAM_PHRASE
        else:
            spam[i] = found

    _mark_title_repeats(stripped, reasons, title)
    return NoiseReport(reasons=tuple(reasons), spam=tuple(spam))


def _mark_reference_lists(stripped, reasons, url, strong, content_after) -> None:
    count = len(stripped)
    i = 0
    while i < count:
        if reasons[i] is None and _REFERENCE_HEADING.match(stripped[i]):
            reasons[i] = REFERENCE_LIST
            j = i + 1
            after_blank = False
            while j < count:
                text = stripped[j]
                if reasons[j] == BLANK:
                    after_blank = True
                    j += 1
                    continue
                if (
                    _MARKDOWN_HEADING.match(text)
                    or _RELATED_HEADING.match(text)
                    or strong[j]
                    or (after_blank and not (url[j] or _REFERENCE_ENTRY.match(text)))
                ):
                    break
                if reasons[j] is None:
                    reasons[j] = REFERENCE_LIST
                after_blank = False
                j += 1
            i = j
            continue
        i += 1

    # Runs of lines that each carry a URL, or numbered footnotes, with no stamps.
    i = 0
    while i < count:
        is_ref = reasons[i] is None and not strong[i] and (url[i] or _FOOTNOTE.match(stripped[i]))
        if not is_ref:
            i += 1
            continue
        members = [i]
        j = i + 1
        while j < count:
            if reasons[j] == BLANK:
                j += 1
                continue
            if reasons[j] is None and not strong[j] and (url[j] or _FOOTNOTE.match(stripped[j])):
                members.append(j)
                j += 1
                continue
            break
        at_end = not content_after[j]
        if len(members) >= 3 or (len(members) >= 2 and at_end):
            for k in members:
                reasons[k] = REFERENCE_LIST
        i = j


def _mark_link_farms(stripped, reasons, strong, weak, url, content_after) -> None:
    count = len(stripped)
    i = 0
    while i < count:
        if reasons[i] is not None or not (strong[i] or weak[i] or url[i]):
            i += 1
            continue
        members = []
        j = i
        while j < count:
            if reasons[j] == BLANK:
                j += 1
                continue
            if reasons[j] is None and (strong[j] or weak[j] or url[j]):
                members.append(j)
                j += 1
                continue
            break
        strong_count = sum(1 for k in members if strong[k])
        at_end = not content_after[j]
        if strong_count >= 3 or (strong_count >= 2 and at_end):
            first = next(k for k in members if strong[k])
            last = max(k for k in members if strong[k])
            lead = [k for k in members if k < first]
            # A "related reading" header belongs to the block; other short lines before it
            # may be the article's own closing lines.
            while lead and not _RELATED_HEADING.match(stripped[lead[0]]):
                lead.pop(0)
            block = lead + [k for k in members if first <= k <= last]
            if at_end:
                block += [k for k in members if k > last]
            if strong_count * 2 >= len(block):
                for k in block:
                    reasons[k] = LINK_FARM
        i = j


def _mark_trailer(stripped, reasons, furniture) -> None:
    """Short title lines after the article's end mark (a final credit, "完", "相关阅读")."""
    count = len(stripped)
    start = None
    i = count - 1
    while i >= 0:
        reason = reasons[i]
        text = stripped[i]
        if reason == BLANK:
            if text and _END_MARKER.match(text):
                start = i
        elif reason is None:
            if _RELATED_HEADING.match(text):
                start = i
            elif not furniture(i):
                break
        elif reason in (IMAGE, CREDIT, TAGS, BYLINE, LINK_FARM, REFERENCE_LIST):
            start = i
        i -= 1
    if start is None:
        return
    for k in range(start, count):
        if reasons[k] is None and (furniture(k) or _RELATED_HEADING.match(stripped[k])):
            reasons[k] = LINK_FARM


def _mark_title_repeats(stripped, reasons, title) -> None:
    """Lines near the top that repeat the title, or the line just before them."""
    title_key = normalize_line(title) if title else ""
    title_seen = False
    previous_key = None
    looked = 0
    for i, text in enumerate(stripped):
        if reasons[i] == BLANK:
            continue
        if looked >= _TOP_LINES:
            break
        looked += 1
        if reasons[i] is not None or len(text) > _FURNITURE_MAX:
            previous_key = None
            continue
        key = normalize_line(text)
        if key and (key == previous_key or (key == title_key and title_seen)):
            reasons[i] = TITLE_REPEAT
            continue
        title_seen = title_seen or (bool(key) and key == title_key)
        previous_key = key
