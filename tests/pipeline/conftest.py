"""Fixtures shared by the pipeline's tests of whole articles read with no gazetteer."""

import pytest

from timeline.pipeline.actors import ActorMatcher
from timeline.pipeline.extract import extract_article
from timeline.pipeline.reading import read_article


@pytest.fixture
def extraction_of(tmp_path):
    """Read a text as an article published on a date, with no gazetteer."""

    def read(text: str, published: str = "2025-06-20"):
        path = tmp_path / "article.txt"
        path.write_text(f"---\ntitle: t\npublished: {published}\n---\n{text}\n", encoding="utf-8")
        return extract_article(read_article(path), matcher=ActorMatcher([]))

    return read


@pytest.fixture
def main_actors(extraction_of):
    """(main actor's name, start date, quote) of each claim of a text, in order."""

    def read(text: str, published: str = "2025-03-15"):
        extraction = extraction_of(text, published)
        names = {entry.slug: entry.name for entry in extraction.discovered}
        return [
            (
                names.get(claim.actors[0][0], claim.actors[0][0]) if claim.actors else None,
                str(claim.date.start) if claim.date else None,
                claim.quote,
            )
            for claim in extraction.claims
        ]

    return read
