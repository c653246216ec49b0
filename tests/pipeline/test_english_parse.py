"""An English clause's subject phrase, the name inside it and a passive's agent, read from the
dependency parse of the verb a date belongs to; and the clauses whose date is no verb's time
or whose subject is a pronoun, which give none."""

import pytest

from timeline.pipeline.english_parse import clause_subject


def _read(sentence: str, date: str):
    at = sentence.index(date)
    found = clause_subject(sentence, at, at + len(date))
    if found is None:
        return None
    agent = sentence[found.agent[2] : found.agent[3]] if found.agent else None
    return (
        sentence[found.start : found.end],
        sentence[found.named[0] : found.named[1]],
        found.passive,
        agent,
    )


# (sentence, its date, (subject phrase, the name in it, passive, the agent's name))
READ = [
    (
        "The Brackenford council approved the new bus lanes on 3 March 2024.",
        "3 March 2024",
        ("Brackenford council", "Brackenford council", False, None),
    ),
    (
        "On Tuesday, the Halloway ferry operator cancelled all crossings.",
        "Tuesday",
        ("Halloway ferry operator", "Halloway ferry operator", False, None),
    ),
    (
        "In June 2023 the old Morsley viaduct was closed to traffic.",
        "June 2023",
        ("old Morsley viaduct", "old Morsley viaduct", True, None),
    ),
    # A passive's agent, and the kind words before a name in apposition.
    (
        "The museum was opened by the Duke of Emberly in May 1998.",
        "May 1998",
        ("museum", "museum", True, "Duke of Emberly"),
    ),
    (
        "The Corvell depot was bought by the logistics group Tandry in 2021.",
        "2021",
        ("Corvell depot", "Corvell depot", True, "Tandry"),
    ),
    # A firm's name joined by "&"; the people of a body; a possessor.
    (
        "Harlow & Finch, the family-run brewery, closed its doors in 2020.",
        "2020",
        ("Harlow & Finch", "Harlow & Finch", False, None),
    ),
    (
        "Coastguard teams searched the bay on Sunday.",
        "Sunday",
        ("Coastguard teams", "Coastguard", False, None),
    ),
    (
        "Greyfold's owners, Tom and Ann Hale, sold the farm in 2019.",
        "2019",
        ("Greyfold's owners", "Greyfold", False, None),
    ),
    # A verb joined by "and" shares the subject of the first.
    (
        "The Dunmarsh pier opened in 1889 and was listed as a heritage structure in 1974.",
        "1974",
        ("Dunmarsh pier", "Dunmarsh pier", False, None),
    ),
    # Common nouns only: the phrase is read; whether it names anyone is the caller's.
    (
        "Inspectors from the food agency visited the dairy in March 2022.",
        "March 2022",
        ("Inspectors from the food agency", "Inspectors from the food agency", False, None),
    ),
]


@pytest.mark.parametrize(("sentence", "date", "expected"), READ)
def test_the_subject_of_the_verb_a_date_belongs_to(sentence, date, expected):
    assert _read(sentence, date) == expected


NONE = [
    # A pronoun: `referents` finds who it is.
    ("It closed the Ashby branch in May 2024.", "May 2024"),
    ("They reached the upper basin on June 24.", "June 24"),
    # A date that is no verb's time: a comparison's, a noun's.
    ("Kestrel reported revenue of $4 billion, up 18% from a year earlier.", "a year earlier"),
    ("The report on the floods of 2019 was read by the board.", "2019"),
    # A date with no verb at all.
    ("Rain, wind and hail in March 2024.", "March 2024"),
]


@pytest.mark.parametrize(("sentence", "date"), NONE)
def test_no_subject_for_a_pronoun_or_a_date_no_verb_governs(sentence, date):
    assert _read(sentence, date) is None
