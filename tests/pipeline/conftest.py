"""Fixtures shared by the pipeline's tests of whole articles read with no gazetteer."""

import pytest

from timeline.pipeline.actors import ActorMatcher
from timeline.pipeline.extract import extract_article
from timeline.pipeline.reading import read_article


@pytest.fixture
def main_actors(tmp_path):
    """Read a text as an article published on a date, with no gazetteer; give (main actor's
    name, start date, quote) of each of its claims, in order."""

    def read(text: str, published: str = "2025-03-15"):
        path = tmp_path / "article.txt"
        path.write_text(f"---\ntitle: t\npublished: {published}\n---\n{text}\n", encoding="utf-8")
        extraction = extract_article(read_article(path), matcher=ActorMatcher([]))
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
