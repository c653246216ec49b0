"""The source manifest: each article's declared URL, outlet, language and dates, by file name.

Plain Python.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path


class ManifestError(Exception):
    """A source manifest that cannot be used; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


@dataclass(frozen=True)
class ManifestEntry:
    file: str
    title: str | None
    publisher: str | None
    authors: tuple[str, ...]
    url: str | None
    published: date | None
    language: str | None
    note: str | None


def _optional_text(entry: Mapping, key: str, where: str, path: Path) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ManifestError(path, f'{where}: "{key}" must be a string, not {type(value).__name__}')
    return value.strip() or None


def load_manifest(path: str | Path) -> dict[str, ManifestEntry]:
    """Read a sources manifest (a JSON list of entries like fixtures/articles/sources.json).

    Returns the entries keyed by their ``file`` name.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ManifestError(path, "not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(path, f"unreadable ({exc})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ManifestError(path, f"bad JSON at line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise ManifestError(path, "bad JSON: nested too deeply") from None
    if isinstance(data, dict):
        data = data.get("articles", data.get("sources"))
    if not isinstance(data, list):
        raise ManifestError(path, "expected a JSON list of entries")

    entries: dict[str, ManifestEntry] = {}
    for number, item in enumerate(data, start=1):
        where = f"entry {number}"
        if not isinstance(item, dict):
            raise ManifestError(path, f"{where} is not an object")
        file_name = _optional_text(item, "file", where, path)
        if not file_name:
            raise ManifestError(path, f'{where} missing "file"')
        where = f"{where} ({file_name})"
        if file_name in entries:
            raise ManifestError(path, f"{where} repeats an earlier entry")
        authors = item.get("authors") or []
        if isinstance(authors, str):
            authors = [authors]
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            raise ManifestError(path, f'{where}: "authors" must be a list of names')
        published_text = _optional_text(item, "published", where, path)
        published = None
        if published_text:
            try:
                published = date.fromisoformat(published_text)
            except ValueError:
                raise ManifestError(
                    path, f'bad date "{published_text}" for file {file_name}'
                ) from None
        entries[file_name] = ManifestEntry(
            file=file_name,
            title=_optional_text(item, "title", where, path),
            publisher=_optional_text(item, "publisher", where, path),
            authors=tuple(a.strip() for a in authors if a.strip()),
            url=_optional_text(item, "url", where, path),
            published=published,
            language=_optional_text(item, "language", where, path),
            note=_optional_text(item, "note", where, path),
        )
    return entries
