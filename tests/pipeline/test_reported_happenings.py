"""Happenings dated only by their report, in sentences written for these tests: the clause
told is a claim of its own at the report's date, its anchor taken from that date; a reported
plan, forecast, hope, view or denial gives no happening."""

import pytest

# Published on Friday 20 June 2025: "on Monday" is 16 June, "Tuesday" 17 June, and so on.
PUBLISHED = "2025-06-20"


def _happenings(extraction) -> list[tuple[str, str, str, str | None]]:
    """(main actor's name, type, start date, anchor basis) of each claim that is no saying."""
    names = {entry.slug: entry.name for entry in extraction.discovered}
    return [
        (
            names.get(claim.actors[0][0], claim.actors[0][0]),
            claim.event_type,
            claim.date.start.isoformat(),
            claim.date.anchor.basis if claim.date.anchor else None,
        )
        for claim in extraction.claims
        if claim.event_type not in {"statement", "denial"} and claim.actors and claim.date
    ]


@pytest.mark.parametrize(
    ("sentence", "actor", "event_type", "day"),
    [
        # The happening first, then who told it and when.
        (
            "Brennock Glassworks has shut its second furnace, the union said on Tuesday.",
            "Brennock Glassworks",
            "other",
            "2025-06-17",
        ),
        (
            "Harlow Mills and Teague Foods agreed to merge, both companies said on Thursday.",
            "Harlow Mills",
            "acquisition",
            "2025-06-19",
        ),
        (
            "Brightwater Airlines has grounded three jets, the airline told reporters on "
            "Wednesday.",
            "Brightwater Airlines",
            "other",
            "2025-06-18",
        ),
        (
            "Velmont Bank cut 300 jobs at its Leeds office, the bank said on Wednesday.",
            "Velmont Bank",
            "restructuring",
            "2025-06-18",
        ),
        # The saying first, then what was told: a pronoun is the speaker.
        (
            "The Ardley Town Council announced on Monday that it had dropped the bypass plan.",
            "Ardley Town Council",
            "other",
            "2025-06-16",
        ),
        (
            "Police said on Friday they had arrested two men over the break-in at Corby Yard.",
            "Police",
            "other",
            "2025-06-20",
        ),
        (
            "Dunmore Rail said on Thursday that it had sacked its chief engineer.",
            "Dunmore Rail",
            "other",
            "2025-06-19",
        ),
        # Who was told and how may stand between the saying and its day.
        (
            "Halden School told parents in a letter on Monday that it had expelled two pupils.",
            "Halden School",
            "other",
            "2025-06-16",
        ),
        (
            "Morden Bank told staff in an email on Monday that it had sold its Leeds office.",
            "Morden Bank",
            "other",
            "2025-06-16",
        ),
        # A named subject of its own is the happening's, not the speaker's.
        (
            "Police said on Saturday that Ronan Pike had been charged with arson.",
            "Ronan Pike",
            "other",
            "2025-06-14",
        ),
    ],
)
def test_a_happening_told_by_its_report_is_dated_by_the_report(
    extraction_of, sentence, actor, event_type, day
):
    happenings = _happenings(extraction_of(sentence, PUBLISHED))
    assert (actor, event_type, day, "context") in happenings


def test_the_anchor_is_the_reports_own_date(extraction_of):
    extraction = extraction_of(
        "Ostley Council said on Thursday it had closed the Fairfield library.", PUBLISHED
    )
    told = [claim for claim in extraction.claims if claim.event_type == "other"]
    assert [claim.date.anchor.as_dict() for claim in told] == [
        {"date": "2025-06-19", "basis": "context"}
    ]
    # The saying itself is still told, its date counted from the publication.
    said = [claim for claim in extraction.claims if claim.event_type == "statement"]
    assert [claim.date.anchor.basis for claim in said] == ["published"]


@pytest.mark.parametrize(
    "sentence",
    [
        # Forecasts and plans.
        "Corvell Mining will close the Ashpit mine, the company said on Friday.",
        "Corvell Mining said on Friday it would close the Ashpit mine.",
        "Hollis Paper said on Tuesday it plans to cut 200 jobs.",
        "Pellor Bank said on Wednesday that it hoped to reopen the branch.",
        "Ayla Brooks said on Monday she would stand for the council seat.",
        "Corran Buses told drivers in a memo on Friday that it would drop the night routes.",
        # Expectations, hedges and views.
        "Linford Brewery expects to hire 40 staff, its chief executive said on Monday.",
        "Linford Brewery said Tuesday it expects to hire 40 staff.",
        "Gresham Motors said on Monday it could sell the Dunford plant.",
        "Pellor Bank may have breached lending rules, the regulator said on Wednesday.",
        "Ostrey Council said on Monday it believes the bridge is safe.",
        "Trenton Council said on Thursday the plan was a mistake.",
        # States of affairs, negations and denials.
        "The Ashby bridge is safe, the council said on Monday.",
        "Marden Textiles said on Wednesday it was confident of a recovery.",
        "Gresham Motors said on Monday it had not sold the Dunford plant.",
        "Marden Textiles denied on Wednesday that it had dumped dye in the canal.",
    ],
)
def test_a_reported_plan_forecast_view_or_denial_is_no_happening(extraction_of, sentence):
    assert _happenings(extraction_of(sentence, PUBLISHED)) == []


def test_a_happening_with_its_own_date_is_not_moved_to_the_report(extraction_of):
    extraction = extraction_of(
        "Fenwick Dairies closed its Ashby creamery in March, the company said on Monday.",
        PUBLISHED,
    )
    days = [claim.date.start.isoformat() for claim in extraction.claims if claim.date]
    assert "2025-03-01" in days
    assert "2025-06-16" not in days
