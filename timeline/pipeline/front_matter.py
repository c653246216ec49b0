"""Front matter: the metadata block an article may open with, and the values read from it.

Plain Python.
"""

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

import yaml

from timeline.pipeline.article_error import ArticleError

_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*\n")

_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)

_FRONT_MATTER_KEY = re.compile(r"[A-Za-z_][\w-]*[ \t]*:")


class _DatesAsText(yaml.SafeLoader):
    """YAML that leaves date-like values as text, for a block whose date YAML cannot build."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(text: str, path: str | Path = "<text>") -> tuple[dict, int]:
    """YAML front matter of a text and the offset where its body starts.

    A text without front matter gives ({}, 0). Only a leading "---" block whose first
    line looks like "key:" is front matter; a leading horizontal rule is not.
    """
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return {}, 0
    block_start = opening.end()
    if not _FRONT_MATTER_KEY.match(text, block_start):
        return {}, 0
    closing = _FRONT_MATTER_CLOSE.search(text, block_start)
    if not closing:
        raise ArticleError(path, "malformed front matter: no closing '---' line")
    block = text[block_start : closing.start()]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        where = f" (line {mark.line + 2}, column {mark.column + 1})" if mark else ""
        raise ArticleError(path, f"malformed front matter: {problem}{where}") from None
    except ValueError as exc:
        # A value shaped like a date that is none ("published: 2025-13-45"): read the block
        # again with such values as text, so the date's own check names the value, and a
        # field the loader never dates does not cost the article.
        try:
            data = yaml.load(block, Loader=_DatesAsText)  # a SafeLoader: builds no objects
        except (yaml.YAMLError, ValueError):
            raise ArticleError(path, f"malformed front matter: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError(path, "malformed front matter: not a mapping of keys to values")
    body_start = closing.end()
    if body_start < len(text) and text[body_start] == "\n":
        body_start += 1
    return {str(key): value for key, value in data.items()}, body_start


def front_matter_value(front_matter: Mapping[str, object], *keys: str) -> object:
    lowered = {key.lower(): value for key, value in front_matter.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, "", [], {}):
            return value
    return None


def parse_front_matter_date(value: object, path: str | Path) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
        if match:
            try:
                return date(*map(int, match.groups()))
            except ValueError:
                pass
    raise ArticleError(path, f'bad date "{value}" in front matter')


def front_matter_authors(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = re.split(r"\s*(?:,|，|、|;|&|\band\b)\s*", value)
    if not isinstance(value, list):
        return ()
    names = []
    for item in value:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str) and item.strip():
            names.append(item.strip())
    return tuple(names)
