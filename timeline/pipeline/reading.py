"""Reading articles: a file or its bytes into an Article, and the article files under paths.

The Article's text is decoded (``decoding``), its front matter read (``front_matter``) and its
language told (``language``); ``segmentation`` cuts it into paragraphs, sentences and clauses
whose offsets index the decoded text.
"""

import errno
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

from timeline.pipeline import noise
from timeline.pipeline.article_error import ArticleError
from timeline.pipeline.decoding import decode_article_bytes, normalize_newlines
from timeline.pipeline.front_matter import (
    front_matter_authors,
    front_matter_value,
    parse_front_matter_date,
    split_front_matter,
)
from timeline.pipeline.language import article_language
from timeline.pipeline.manifest import ManifestEntry

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt", ".md")
MANIFEST_NAMES = frozenset({"sources.json", "manifest.json"})

_MEGABYTE = 1024 * 1024


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


def body_lines(text: str, start: int) -> list[tuple[int, int]]:
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
    for start, end in body_lines(text, body_start):
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
        value = front_matter_value(front_matter, *front_matter_keys)
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
        or front_matter_authors(front_matter_value(front_matter, "authors", "author"))
        or body_authors
    )
    front_matter_date = parse_front_matter_date(
        front_matter_value(
            front_matter, "published", "date", "pubdate", "published_at", "publish_date"
        ),
        path,
    )
    published_date = (entry and entry.published) or front_matter_date or published
    declared = (entry and entry.language) or front_matter_value(
        front_matter, "lang", "language", "locale"
    )
    language = article_language(declared if isinstance(declared, str) else None, text[body_start:])

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
