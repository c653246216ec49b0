"""Shared fixtures: the project's real articles and curated actors."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"


@pytest.fixture
def articles_dir() -> Path:
    return ARTICLES


@pytest.fixture
def article_text():
    """Read one of the demo articles by file-name prefix ("001")."""

    def read(prefix: str) -> str:
        (path,) = ARTICLES.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read
