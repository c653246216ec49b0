"""Reading articles: decoding, front matter, the source manifest, language and segmentation.

Turns a file into an Article, and an Article into paragraphs, sentences and clauses whose
offsets index the decoded text. What counts as noise is decided in ``noise``.
"""

import errno
import hashlib
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

from timeline.pipeline import noise
from timeline.pipeline.article_error import ArticleError
from timeline.pipeline.decoding import decode_article_bytes, normalize_newlines
from timeline.pipeline.front_matter import (
    _front_matter_authors,
    _front_matter_date,
    _front_matter_value,
    split_front_matter,
)
from timeline.pipeline.language import _HAN, _WORD, _language
from timeline.pipeline.manifest import ManifestEntry
from timeline.pipeline.sentences import Sentence, Span, _sentences_between

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt", ".md")
MANIFEST_NAMES = frozenset({"sources.json", "manifest.json"})

_MEGABYTE = 1024 * 1024


# --- the article ------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    path: str
    file_name: str
    text: str
    body_start: int
    title: str
    publisher: str
    authors: tuple[str, ...]
    url: str
    published: date | None
    language: str
    encoding: str
    content_hash: str
    front_matter: Mapping[str, object] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, hash=False
    )


_TOP_BYLINE_LINES = 15
# A first line this long is prose, not a title; only its start names the article.
_TITLE_MAX = 200
_MARKDOWN_HEADING_MARK = re.compile(r"^#{1,6}\s+")


def _body_lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of every line from ``start``, excluding the newline."""
    lines = []
    position = start
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        if newline < 0:
            if position < length:
                lines.append((position, length))
            break
        lines.append((position, newline))
        position = newline + 1
    return lines


def _metadata_from_body(text: str, body_start: int) -> tuple[str, tuple[str, ...], str]:
    """Title, authors and publisher as the top of the body gives them."""
    title = ""
    authors: tuple[str, ...] = ()
    publisher = ""
    looked = 0
    for start, end in _body_lines(text, body_start):
        line = text[start:end].strip()
        if noise.is_decoration(line):
            continue
        looked += 1
        if looked > _TOP_BYLINE_LINES:
            break
        reason = noise.line_noise(line)
        if reason is None:
            if not title:
                title = _MARKDOWN_HEADING_MARK.sub("", line).strip("*# ").strip()
                title = title[:_TITLE_MAX].rstrip()
            continue
        if not authors:
            authors = noise.byline_authors(line)
        if not publisher:
            publisher = noise.byline_publisher(line) or ""
    return title, authors, publisher


def read_article(
    path: str | Path,
    *,
    manifest: Mapping[str, ManifestEntry] | None = None,
    published: date | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Article:
    """Read, decode and describe one article file.

    Metadata comes from the manifest entry first, then the front matter, then the text
    itself. ``published`` is an override used only when neither gives a date.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ArticleError(path, "not found") from None
    if not path.is_file():
        raise ArticleError(path, "not a file")
    _check_size(size, max_bytes, path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"unreadable ({exc.strerror or exc})") from None
    return article_from_bytes(data, path, manifest=manifest, published=published)


def _check_size(size: int, max_bytes: int, path: str | Path) -> None:
    if size > max_bytes:
        raise ArticleError(
            path, f"too large: {size / _MEGABYTE:.1f} MB > {max_bytes / _MEGABYTE:g} MB limit"
        )


def article_from_bytes(
    data: bytes,
    path: str | Path,
    *,
    manifest: Mapping[str, ManifestEntry] | None = None,
    published: date | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Article:
    """An article from its raw bytes, as `read_article` reads a file: an upload or a posted
    text goes through the same limits, decoding and front matter as a file on disk.
    ``path`` names it in errors and keys the manifest."""
    path = Path(path)
    _check_size(len(data), max_bytes, path)
    raw_text, encoding = decode_article_bytes(data, path)
    text = normalize_newlines(raw_text)
    front_matter, body_start = split_front_matter(text, path)
    if not text[body_start:].strip():
        raise ArticleError(path, "empty file")

    entry = None
    if manifest:
        entry = manifest.get(path.name) or manifest.get(path.as_posix())
    body_title, body_authors, body_publisher = _metadata_from_body(text, body_start)

    def chosen(manifest_value, *front_matter_keys):
        if manifest_value:
            return manifest_value
        value = _front_matter_value(front_matter, *front_matter_keys)
        return value if isinstance(value, str) and value.strip() else None

    title = chosen(entry and entry.title, "title") or body_title
    publisher = (
        chosen(entry and entry.publisher, "publisher", "source", "site", "site_name")
        or body_publisher
    )
    front_matter_url = chosen(None, "url", "link", "canonical_url", "source_url", "permalink")
    if front_matter_url and not front_matter_url.startswith(("http://", "https://")):
        front_matter_url = None
    url = (entry and entry.url) or front_matter_url or ""
    authors = (
        (entry and entry.authors)
        or _front_matter_authors(_front_matter_value(front_matter, "authors", "author"))
        or body_authors
    )
    front_matter_date = _front_matter_date(
        _front_matter_value(
            front_matter, "published", "date", "pubdate", "published_at", "publish_date"
        ),
        path,
    )
    published_date = (entry and entry.published) or front_matter_date or published
    declared = (entry and entry.language) or _front_matter_value(
        front_matter, "lang", "language", "locale"
    )
    language = _language(declared if isinstance(declared, str) else None, text[body_start:])

    return Article(
        path=str(path),
        file_name=path.name,
        text=text,
        body_start=body_start,
        title=title.strip(),
        publisher=publisher.strip(),
        authors=tuple(authors),
        url=url.strip(),
        published=published_date,
        language=language,
        encoding=encoding,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        front_matter=MappingProxyType(dict(front_matter)),
    )


@dataclass(frozen=True)
class SkippedPath:
    """A path given or found that holds no loadable article, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class ArticlePaths:
    found: tuple[Path, ...]
    skipped: tuple[SkippedPath, ...]


def _stat_problem(path: Path) -> tuple[os.stat_result | None, str | None]:
    """The path's status (following links), or why it has none."""
    try:
        return path.stat(), None
    except FileNotFoundError:
        return None, "a dangling symbolic link" if path.is_symlink() else "not found"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "a symbolic link loop"
        return None, f"unreadable ({exc.strerror or exc})"


def _kind(status: os.stat_result) -> str:
    if stat.S_ISFIFO(status.st_mode):
        return "a fifo"
    if stat.S_ISSOCK(status.st_mode):
        return "a socket"
    if stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode):
        return "a device"
    return "not a regular file"


def _is_candidate(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES) and name.lower() not in MANIFEST_NAMES


def find_article_paths(paths: Iterable[str | Path]) -> ArticlePaths:
    """Article files named directly, or the .txt/.md files under named directories, and every
    path among them that cannot be loaded, with the reason.

    Directory contents are searched recursively in name order, skipping hidden entries,
    manifest files and files of other suffixes. Reported: named paths that are missing,
    dangling or looping links, fifos and other non-files; inside directories, any dangling or
    looping link, .txt/.md entries that are not regular files, unreadable subdirectories, links
    back to a directory already searched, and directories named like an article (searched all
    the same). Nothing is opened for
    reading here, so a fifo never blocks the search.
    """
    found: list[Path] = []
    skipped: list[SkippedPath] = []
    seen: set[Path] = set()
    searched: set[tuple[int, int]] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(path)

    def search(directory: Path, status: os.stat_result) -> None:
        if (status.st_dev, status.st_ino) in searched:
            skipped.append(SkippedPath(directory, "a symbolic link loop (already searched)"))
            return
        searched.add((status.st_dev, status.st_ino))
        try:
            with os.scandir(directory) as entries:
                names = sorted(entry.name for entry in entries)
        except OSError as exc:
            skipped.append(SkippedPath(directory, f"unreadable directory ({exc.strerror or exc})"))
            return
        for name in names:
            if name.startswith("."):
                continue
            child = directory / name
            child_status, problem = _stat_problem(child)
            if child_status is not None and stat.S_ISDIR(child_status.st_mode):
                if _is_candidate(name):
                    skipped.append(
                        SkippedPath(child, "a directory, not an article file (searched inside)")
                    )
                search(child, child_status)
            elif problem:
                # Whatever its name: a broken link may have pointed at a directory of articles.
                skipped.append(SkippedPath(child, problem))
            elif not _is_candidate(name):
                continue
            elif stat.S_ISREG(child_status.st_mode):
                add(child)
            else:
                skipped.append(SkippedPath(child, _kind(child_status)))

    for raw in paths:
        path = Path(raw)
        status, problem = _stat_problem(path)
        if problem:
            skipped.append(SkippedPath(path, problem))
        elif stat.S_ISDIR(status.st_mode):
            search(path, status)
        elif stat.S_ISREG(status.st_mode):
            add(path)
        else:
            skipped.append(SkippedPath(path, _kind(status)))
    return ArticlePaths(found=tuple(found), skipped=tuple(skipped))


def iter_article_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The article files of `find_article_paths`; the first path skipped raises ArticleError."""
    articles = find_article_paths(paths)
    if articles.skipped:
        first = articles.skipped[0]
        raise ArticleError(first.path, first.reason)
    return list(articles.found)


# --- segmentation -----------------------------------------------------------------------


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
    if not core or not _WORD.search(core):
        return False
    inner = core.rstrip("”’」』\"')）】》")
    if not inner:
        return False
    last = inner[-1]
    han = len(_HAN.findall(core))
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
    lines = _body_lines(text, article.body_start)
    report = noise.mark_noise([text[s:e] for s, e in lines], title=article.title)

    skipped: list[SkippedLine] = []
    if article.body_start:
        for start, end in _body_lines(text[: article.body_start], 0):
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
        sentences = tuple(_sentences_between(text, block.content_start, block.end, cuts))
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
