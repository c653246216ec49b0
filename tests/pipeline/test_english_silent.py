"""English dated sentences that say something and gave no claim: the clause the date
stands in, told apart from a clause joined to it that has a subject of its own.
Invented articles, read with no gazetteer."""

import pytest


def _dated(extraction) -> list[tuple[str | None, str, str]]:
    """(main actor's name, start date, quote) of each dated claim."""
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


# --- two clauses joined by ", and", ", but" or ";", each with a subject of its own ---------


@pytest.mark.parametrize(
    ("text", "name", "start", "quote"),
    [
        # The date stands in the second clause: it is told from its own subject.
        (
            "The Wendle Ferry Trust runs the crossing.\n\nA diver found cracks in the hull, "
            "and the trust ordered a new boat from a yard in Hull in March.",
            "Wendle Ferry Trust",
            "2025-03-01",
            "the trust ordered a new boat",
        ),
        (
            "Pellham Bakery Ltd has two shops in Ayr. A storm tore off the roof of one, and "
            "Pellham Bakery Ltd closed it in January.",
            "Pellham Bakery Ltd",
            "2025-01-01",
            "Pellham Bakery Ltd closed it",
        ),
        # The date stands in the first clause: a guess in the second does not silence it.
        (
            "The Kelby Water Board runs the reservoir. It ordered a new pump on Friday, but "
            "the pump will not arrive before May.",
            "Kelby Water Board",
            "2025-06-20",
            "It ordered a new pump on Friday",
        ),
    ],
)
def test_the_dated_clause_of_two_with_their_own_subjects_is_told(
    extraction_of, text, name, start, quote
):
    claims = _dated(extraction_of(text))
    assert any(
        (actor, begins) == (name, start) and quote in told for actor, begins, told in claims
    ), claims


def test_the_guess_of_the_second_clause_is_no_part_of_the_claim(extraction_of):
    claims = _dated(
        extraction_of(
            "The Kelby Water Board runs the reservoir. It ordered a new pump on Friday, but "
            "the pump will not arrive before May."
        )
    )
    assert claims and not any("will not arrive" in quote for _actor, _start, quote in claims)


@pytest.mark.parametrize(
    "text",
    [
        # A plan, a guess or a hedge in the dated clause still tells nothing.
        "The Orla Valley Council met. Parents wrote letters, and many will protest in March.",
        "The Orla Valley Council met. A report found faults, and the council is expected to "
        "vote in March.",
        "The Kelby Water Board runs the reservoir. It will order a new pump in August, but "
        "the old one still works.",
        "The Kelby Water Board runs the reservoir. It may have ordered a pump in March, and "
        "the board expects it soon.",
    ],
)
def test_a_joined_clause_that_tells_no_happening_gives_nothing(extraction_of, text):
    assert _dated(extraction_of(text)) == []
