"""English dated clauses whose main actor is their parsed subject, read with no gazetteer: a
body by its description, the people of a named body, a passive's agent, a name told before
and shortened; and the states, plans, comparisons, ages, places and sayings that must still
give nothing."""

import pytest

PUBLISHED = "2025-06-20"

# (text, the claim's main actor, its start date, a fragment of its quote)
TOLD = [
    (
        "The regional water board raised its charges in April.",
        "regional water board",
        "2025-04-01",
        "raised its charges",
    ),
    (
        "The district health authority closed two clinics on Monday.",
        "district health authority",
        "2025-06-16",
        "closed two clinics",
    ),
    ("Coastguard teams searched the bay on Sunday.", "Coastguard", "2025-06-15", "searched"),
    (
        "The Corvell depot was bought by the logistics group Tandry in 2021.",
        "Tandry",
        "2021-01-01",
        "bought",
    ),
    (
        "The old Selby mill was bought by the property firm Haldane Estates in March.",
        "Haldane Estates",
        "2025-03-01",
        "bought",
    ),
    (
        "Maison Ferrand makes cider in Normandy. "
        "Ferrand, based in Rouen, bought a farm near Caen in 2018.",
        "Maison Ferrand",
        "2018-01-01",
        "bought a farm",
    ),
]


@pytest.mark.parametrize(("text", "actor", "start", "quoted"), TOLD)
def test_the_parsed_subject_is_the_main_actor(main_actors, text, actor, start, quoted):
    claims = main_actors(text, PUBLISHED)
    assert any(
        name == actor and date == start and quoted in quote for name, date, quote in claims
    ), claims


NOTHING = [
    # Plans, forecasts and states of the same subjects.
    "The regional water board will raise its charges next April.",
    "The district health authority is the largest in the county since 2019.",
    "The Corvell depot is expected to be bought by the logistics group Tandry next year.",
    "The county council employed 300 people in 1980.",
    # A figure's movement, a comparison.
    "Revenue at the regional water board rose 8% in April.",
    "The regional water board charged more in April than in March.",
    # An age, a judgement.
    "Mara Lind, 61, was a teacher in 1990.",
    "The decision the regional water board took in May proved right.",
    # The people of a place, unnamed.
    "Residents in Selby reported flooding on June 3.",
    # Common nouns with no article: no one is named.
    "Heavy rain flooded the lower town on 4 February.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_a_state_a_plan_a_comparison_or_an_unnamed_subject_gives_nothing(main_actors, text):
    assert main_actors(text, PUBLISHED) == []
