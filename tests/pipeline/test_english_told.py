"""A dated English telling: "X told <who> [how] on <date> that…" is X's statement on that
date, as "X said on <date> that…" is. Who was told (and by what: a letter, a meeting)
stands between the verb and its date. Invented articles, read with no gazetteer."""

import pytest


def _statements(extraction) -> list[tuple[str | None, str]]:
    """(main actor's name, start date) of each dated statement claim."""
    names = {entry.slug: entry.name for entry in extraction.discovered}
    return [
        (
            names.get(claim.actors[0][0], claim.actors[0][0]) if claim.actors else None,
            str(claim.date.start),
        )
        for claim in extraction.claims
        if claim.event_type == "statement" and claim.date is not None and claim.date.start
    ]


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        (
            "Harbour manager Tom Vell told fishermen at a meeting on Tuesday that they would "
            "be paid until the end of June.",
            "Tom Vell",
            "2025-06-17",
        ),
        (
            "The Orla Rowing Club told members in a letter on Monday that the regatta had "
            "been called off.",
            "Orla Rowing Club",
            "2025-06-16",
        ),
        (
            "The Kelby Water Board told residents in March that it was selling the reservoir.",
            "Kelby Water Board",
            "2025-03-01",
        ),
        (
            "Kelby Water's chief executive, Mara Dunn, told MPs on Tuesday that the company "
            "could not keep the reservoir open.",
            "Mara Dunn",
            "2025-06-17",
        ),
        (
            "The Ferrow Tenants Group told the Harwick Post on Friday that the lifts had stopped.",
            "Ferrow Tenants Group",
            "2025-06-20",
        ),
    ],
)
def test_a_dated_telling_is_a_statement_of_its_teller(extraction_of, text, name, start):
    assert (name, start) in _statements(extraction_of(text))


@pytest.mark.parametrize(
    "text",
    [
        # "said" + words + a date: the date is what was said's, not the saying's.
        "The Kelby Water Board said prices rose on Monday.",
        # A telling still to come tells nothing.
        "The Kelby Water Board will tell residents in March whether it sells the reservoir.",
        # A date inside what was told, after "that", is no date of the telling.
        "The Kelby Water Board told residents that it would sell the reservoir in March.",
    ],
)
def test_a_date_that_is_not_the_tellings_gives_no_statement(extraction_of, text):
    assert _statements(extraction_of(text)) == []
