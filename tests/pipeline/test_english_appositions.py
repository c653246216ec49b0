""" "the bakery", "the operator": a definite description stands for the name a description
in apposition gave that head ("Tarrow Bakers Ltd, a family bakery in Ayr,"). Invented
articles, read with no gazetteer."""

import pytest


def _dated(extraction) -> list[tuple[str | None, str, str]]:
    names = {entry.slug: entry.name for entry in extraction.discovered}
    return [
        (
            names.get(claim.actors[0][0], claim.actors[0][0]) if claim.actors else None,
            str(claim.date.start),
            claim.quote,
        )
        for claim in extraction.claims
        if claim.date is not None and claim.date.start is not None
    ]


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        (
            "Pike Brothers, the 90-year-old saddler in Leek, has closed. The saddler lost "
            "£40,000 last year.",
            "Pike Brothers",
            "2024-01-01",
        ),
        (
            "Orrin & Co, a family distillery, has closed.\n\nThe distillery moved to Banff in "
            "1950.",
            "Orrin & Co",
            "1950-01-01",
        ),
    ],
)
def test_a_description_after_a_name_gives_it_its_head(extraction_of, text, name, start):
    claims = _dated(extraction_of(text))
    assert any((actor, begins) == (name, start) for actor, begins, _quote in claims), claims


@pytest.mark.parametrize(
    "text",
    [
        "Pike Brothers, the 90-year-old saddler in Leek, has closed. The saddler will reopen "
        "in May.",
        "Pike Brothers, 41, has closed. The saddler is expected to reopen in 2026.",
    ],
)
def test_a_description_read_back_tells_no_plan(extraction_of, text):
    assert not any(
        begins.startswith(("2025-05", "2026")) for _a, begins, _q in _dated(extraction_of(text))
    )
