"""Segmentation: an article's body cut into paragraphs and sentences, with skipped lines noted.

Plain Python.
"""

import re
from collections import Counter
from dataclasses import dataclass

from timeline.pipeline import noise
from timeline.pipeline.language import HAN, WORD
from timeline.pipeline.reading import Article, body_lines
from timeline.pipeline.sentences import Sentence, Span, sentences_between


@dataclass(frozen=True)
class Paragraph(Span):
    """A content paragraph.

    In an interview, ``speaker`` names who is talking: the paragraph that opens a turn
    ("李开复:…") and the paragraphs continuing that answer share the speaker and the same
    ``turn`` number. A heading ends the turn.
    """

    index: int
    speaker: str | None
    is_heading: bool
    sentences: tuple[Sentence, ...]
    turn: int | None = None


@dataclass(frozen=True)
class SkippedLine:
    char_start: int
    char_end: int
    reason: str


@dataclass(frozen=True)
class Document:
    article: Article
    paragraphs: tuple[Paragraph, ...]
    skipped: tuple[SkippedLine, ...]
    spam_spans: tuple[Span, ...]

    def skipped_counts(self) -> dict[str, int]:
        """Number of skipped lines per reason."""
        return dict(Counter(line.reason for line in self.skipped))


# Block markers stripped before sentences start: headings, quotes, list bullets.
_BLOCK_MARKER = re.compile(
    r"(?:#{1,6}[ \t]+|(?:>[ \t]?)+|[-*+•·][ \t]+|\d{1,3}[.)][ \t]+|[（(]\d{1,3}[)）][ \t]*"
    r"|[一二三四五六七八九十]{1,3}、[ \t]*)"
)

_LIST_MARKER = re.compile(r"(?:[-*+•·][ \t]+|\d{1,3}[.)][ \t]+)")

_TURN = re.compile(
    r"(?:\*\*)?(?P<label>[\u3400-\u9fffA-Za-z0-9·•.'’\- ]{1,20}?)(?:\*\*)?"
    r"[ \t]*[:：][ \t]*(?:\*\*)?"
)

_INTERVIEW_LABELS = frozenset(
    {"q", "a", "问", "答", "問", "提问", "提問", "回答", "主持人", "记者", "記者", "interviewer"}
)

# Labels that open lines in ordinary prose and lists ("注:", "Update:"), never a speaker.
_NOT_SPEAKERS = frozenset(
    (
        *("note", "notes", "update", "updated", "correction", "source", "sources", "editor"),
        *("editor's note", "disclaimer", "summary", "warning", "tip", "example", "time"),
        *("date", "location", "price", "注", "注释", "备注", "備註", "编者按", "編者按"),
        *("编者注", "按", "摘要", "导语", "導語", "导读", "導讀", "提示", "附", "附注", "更新"),
        *("注意", "小结", "总结", "總結", "结论", "結論", "背景", "例如", "比如", "时间", "時間"),
        *("地点", "地點", "日期", "价格", "價格", "第一", "第二", "第三", "其一", "其二"),
    )
)

_VERB_ENDINGS = ("说", "說", "道", "称", "稱", "表示", "认为", "認為", "指出", "写", "寫", "是")

_TERMINAL_END = "。！？!?.…；;,，、"


def _turn_label(line: str) -> tuple[str, int] | None:
    """(label, offset where the turn's words start) for a line shaped like "Name: words"."""
    match = _TURN.match(line)
    if not match or match.end() >= len(line.rstrip()):
        return None
    label = match.group("label").strip()
    if not label or label.isdigit() or len(label.split()) > 4:
        return None
    folded = label.casefold()
    if folded in _NOT_SPEAKERS or folded.startswith(("http", "www")):
        return None
    if folded not in _INTERVIEW_LABELS and label.endswith(_VERB_ENDINGS):
        return None
    return label, match.end()


def _core(text: str) -> str:
    """Line text without emphasis and wrapping quotes, for heading checks."""
    core = text.strip().strip("*_").strip()
    return core


_FILE_NAME_END = re.compile(r"\.(?:jpe?g|png|gif|webp|pdf|docx?)$", re.IGNORECASE)


def _looks_like_heading(text: str) -> bool:
    if len(text) > 100:
        return False
    core = _core(text)
    if not core or not WORD.search(core):
        return False
    inner = core.rstrip("”’」』\"')）】》")
    if not inner:
        return False
    last = inner[-1]
    han = len(HAN.findall(core))
    if han >= 4 or han * 2 >= len(core.replace(" ", "")):
        limit = 50
    else:
        limit = 80
        if len(core.split()) > 12 or not (core[0].isupper() or core[0].isdigit()):
            return False
    if len(core) > limit or _FILE_NAME_END.search(core):
        return False
    if last in ":：":
        return len(core) <= 12
    return last not in _TERMINAL_END


_WRAP_MIN = 50

_NOT_WRAPPED_AFTER = "。！？!?.…；;:：”’」』\"')）】》*"


@dataclass
class _Block:
    start: int
    end: int
    content_start: int
    speaker: str | None
    is_heading: bool


def segment_article(article: Article) -> Document:
    """Split an article into content paragraphs and sentences, setting noise aside."""
    text = article.text
    lines = body_lines(text, article.body_start)
    report = noise.mark_noise([text[s:e] for s, e in lines], title=article.title)

    skipped: list[SkippedLine] = []
    if article.body_start:
        for start, end in body_lines(text[: article.body_start], 0):
            if text[start:end].strip():
                skipped.append(SkippedLine(start, end, noise.FRONT_MATTER))

    # Labels that open at least two lines are interview speakers.
    content = [i for i, reason in enumerate(report.reasons) if reason is None]
    labels: Counter[str] = Counter()
    turn_at: dict[int, tuple[str, int]] = {}
    for i in content:
        start, end = lines[i]
        line = text[start:end]
        stripped_offset = len(line) - len(line.lstrip())
        found = _turn_label(line[stripped_offset:])
        if found:
            turn_at[i] = (found[0], start + stripped_offset + found[1])
            labels[found[0].casefold()] += 1
    turn_at = {
        i: value
        for i, value in turn_at.items()
        if labels[value[0].casefold()] >= 2 or value[0].casefold() in _INTERVIEW_LABELS
    }

    title_key = noise.normalize_line(article.title) if article.title else ""
    title_seen = False
    blocks: list[_Block] = []
    for i, reason in enumerate(report.reasons):
        start, end = lines[i]
        if reason is not None:
            if reason != noise.BLANK:
                skipped.append(SkippedLine(start, end, reason))
            continue
        raw = text[start:end]
        left = len(raw) - len(raw.lstrip())
        right = len(raw.rstrip())
        span_start, span_end = start + left, start + right
        line = text[span_start:span_end]
        if i in turn_at:
            speaker, content_start = turn_at[i]
            blocks.append(_Block(span_start, span_end, content_start, speaker, False))
            continue
        marker = _BLOCK_MARKER.match(line)
        content_start = span_start + (marker.end() if marker else 0)
        if byline := noise.BYLINE_LEAD.match(text, content_start, span_end):
            # "【本報記者 李文華】九龍木雕商會昨日…": the reporter wrote the story and is
            # no part of it; its sentences start after the bracket.
            content_start = byline.end()
        body = text[content_start:span_end]
        is_heading = line.startswith("#") and bool(marker)
        if not is_heading:
            is_list = bool(_LIST_MARKER.match(line))
            if is_list:
                is_heading = body.startswith("**") and _looks_like_heading(body)
            elif not line.startswith(">"):
                is_heading = _looks_like_heading(body)
        if (
            not title_seen
            and title_key
            and len(line) <= 2 * len(article.title) + 10
            and noise.normalize_line(line) == title_key
        ):
            is_heading = title_seen = True
        wrapped = (
            blocks
            and not is_heading
            and not marker
            and not blocks[-1].is_heading
            and report.reasons[i - 1] is None
            and _wraps_on(text, lines[i - 1])
        )
        if wrapped:
            blocks[-1].end = span_end
            continue
        blocks.append(_Block(span_start, span_end, content_start, None, is_heading))

    paragraphs: list[Paragraph] = []
    spam_spans: list[Span] = []
    speaker: str | None = None
    turn: int | None = None
    turns = 0
    spam_by_line = {
        lines[i][0]: found for i, found in enumerate(report.spam) if report.reasons[i] is None
    }
    for block in blocks:
        if block.speaker is not None:
            speaker, turn = block.speaker, turns
            turns += 1
        elif block.is_heading:
            speaker = turn = None
        cuts = [
            (line_start + s, line_start + e)
            for line_start, _ in _lines_between(lines, block.start, block.end)
            for s, e in spam_by_line.get(line_start, ())
        ]
        for s, e in cuts:
            spam_spans.append(Span(s, e, text[s:e]))
        sentences = tuple(sentences_between(text, block.content_start, block.end, cuts))
        paragraphs.append(
            Paragraph(
                char_start=block.start,
                char_end=block.end,
                text=text[block.start : block.end],
                index=len(paragraphs),
                speaker=speaker,
                is_heading=block.is_heading,
                sentences=sentences,
                turn=turn,
            )
        )
    skipped.sort(key=lambda line: line.char_start)
    return Document(
        article=article,
        paragraphs=tuple(paragraphs),
        skipped=tuple(skipped),
        spam_spans=tuple(spam_spans),
    )


def _wraps_on(text: str, previous_line: tuple[int, int]) -> bool:
    """True when the previous line was cut mid-sentence by hard wrapping."""
    raw = text[previous_line[0] : previous_line[1]]
    if raw.endswith("  ") or len(raw.strip()) < _WRAP_MIN:
        return False
    return raw.rstrip()[-1] not in _NOT_WRAPPED_AFTER


def _lines_between(lines: list[tuple[int, int]], start: int, end: int):
    """The lines overlapping [start, end); ``lines`` are sorted by offset."""
    low, high = 0, len(lines)
    while low < high:
        middle = (low + high) // 2
        if lines[middle][1] < start:
            low = middle + 1
        else:
            high = middle
    while low < len(lines) and lines[low][0] < end:
        yield lines[low]
        low += 1
