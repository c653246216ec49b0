"""English subjects that refer back to a body named before, read on whole invented articles
with no gazetteer: a definite description whose head ends the body's name ("the exchange"),
a body's own people ("Inspectors", "Councillors", "officers"), and a second clause of its own
after ", and" when each side carries its own date."""

import pytest

from timeline.pipeline.actors import ActorMatcher
from timeline.pipeline.extract import extract_article
from timeline.pipeline.reading import read_article


def _claims(extraction) -> list[tuple[str | None, str, str]]:
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


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A head the kind list gives another kind ("the exchange" is a regulator's word)
        # still stands for the name it ends.
        (
            "The Orrin Valley Grain Exchange said prices held firm on Monday. The exchange "
            "opened a second trading floor in 2019.",
            "Orrin Valley Grain Exchange",
            "2019-01-01",
            "opened a second trading floor",
        ),
        # The head ends the name before its legal form; the body named since is another.
        (
            "Brightside Travel Agency Ltd sold 4,000 holidays last year. The Harlow Tourism "
            "Board praised it in May. The agency opened a second branch in 2019.",
            "Brightside Travel Agency Ltd",
            "2019-01-01",
            "opened a second branch",
        ),
        # "said" after the name is its verb, no noun it heads.
        (
            "The Pellworth Cattle Exchange said 900 head were sold, the exchange said. The "
            "exchange moved to a new ring in 2017.",
            "Pellworth Cattle Exchange",
            "2017-01-01",
            "moved to a new ring",
        ),
        # A body's people as the subject stand for the body whose people they are.
        (
            "The Pellham Food Standards Agency warned the bakery twice. Inspectors closed "
            "the kitchen on Monday.",
            "Pellham Food Standards Agency",
            "2025-06-16",
            "closed the kitchen",
        ),
        (
            "Wexbury Borough Council debated the plan for months. Councillors voted 7 to 2 "
            "on Tuesday to close the pool.",
            "Wexbury Borough Council",
            "2025-06-17",
            "voted 7 to 2",
        ),
        (
            "The Tarn Heritage Trust bought the mill in 2011. Trustees sold the mill's "
            "last painting in May 2024.",
            "Tarn Heritage Trust",
            "2024-05-01",
            "sold the mill",
        ),
        (
            "The Vell National Assembly debated the bill for a year. Lawmakers passed it on "
            "Tuesday.",
            "Vell National Assembly",
            "2025-06-17",
            "passed it",
        ),
        # Each side of ", and" dated: the second clause is read on its own.
        (
            "The Ludd Marine Directorate fined a trawler in March 2022, and officers boarded "
            "two more vessels on June 3, 2022.",
            "Ludd Marine Directorate",
            "2022-06-03",
            "officers boarded two more vessels",
        ),
        (
            "The Brackley Rowing Trust closed the boathouse on Tuesday. A survey two weeks "
            "ago showed damp, and the trust hired the surveyors Lomax Partners last week.",
            "Brackley Rowing Trust",
            "2025-06-09",
            "the trust hired the surveyors",
        ),
        # A sentence too long to read whole is cut there too.
        (
            "A fire destroyed the main drying shed of the Harlow Timber sawmill late on "
            "Sunday, and the company said on Wednesday that it could not yet say whether it "
            "would rebuild the shed.",
            "Harlow Timber",
            "2025-06-18",
            "the company said on Wednesday",
        ),
    ],
)
def test_a_subject_that_refers_back_stands_for_the_body(extraction_of, text, name, start, quoted):
    claims = _claims(extraction_of(text))
    assert any(
        actor == name and date == start and quoted in quote for actor, date, quote in claims
    ), claims


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # Plans, forecasts and states of the body's people still tell nothing.
        (
            "The Vell Mining Inspectorate visited the quarry in March. Inspectors are "
            "worried about the wall on Monday.",
            "worried",
        ),
        (
            "Wexbury Borough Council approved the budget in February. Councillors expect "
            "to vote on the pool plan next month.",
            "expect to vote",
        ),
        (
            "Talbot Harbour Authority dredged the channel in 2020. The authority will raise "
            "mooring fees in July.",
            "raise mooring fees",
        ),
    ],
)
def test_what_the_body_only_plans_or_feels_tells_nothing(extraction_of, text, quoted):
    assert [quote for _actor, _date, quote in _claims(extraction_of(text)) if quoted in quote] == []


@pytest.mark.parametrize(
    ("text", "body", "quoted"),
    [
        # People whose body the rule cannot tell (workers, staff) stand for no body.
        (
            "Brenning Retail cut shop hours in May. Shop workers walked out on Thursday.",
            "Brenning Retail",
            "walked out",
        ),
        # Officers of a board: a board's people are not its officers in the data.
        (
            "The Ashby Canal Board met on Tuesday. Officers inspected the lock on Wednesday.",
            "Ashby Canal Board",
            "inspected the lock",
        ),
    ],
)
def test_people_of_no_fitting_body_are_not_given_one(extraction_of, text, body, quoted):
    claims = _claims(extraction_of(text))
    assert not any(actor == body and quoted in quote for actor, _date, quote in claims), claims


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        (
            "HARLOW, June 20 — The city council voted on Tuesday to close the lido. The "
            "council set aside £8,000 on Monday for the lifeguards.",
            "Harlow City Council",
            "2025-06-17",
            "voted on Tuesday",
        ),
        (
            "HARLOW, June 20 — The city council voted on Tuesday to close the lido. The "
            "council set aside £8,000 on Monday for the lifeguards.",
            "Harlow City Council",
            "2025-06-16",
            "set aside",
        ),
        (
            "DUNMORE BAY, Ohio — The town council fired its clerk on Monday.",
            "Dunmore Bay Town Council",
            "2025-06-16",
            "fired its clerk",
        ),
        # A council the article names is the one "the council" stands for.
        (
            "HARLOW, June 20 — Harlow Borough Council met on Tuesday. The council set aside "
            "£8,000 on Monday for the lifeguards.",
            "Harlow Borough Council",
            "2025-06-16",
            "set aside",
        ),
    ],
)
def test_an_unnamed_council_is_the_datelines_places(extraction_of, text, name, start, quoted):
    claims = _claims(extraction_of(text))
    assert any(
        actor == name and date == start and quoted in quote for actor, date, quote in claims
    ), claims


@pytest.mark.parametrize(
    "text",
    [
        # No dateline: whose council it is, the text does not say.
        "The city council voted on Tuesday to close the lido.",
        # What the council will do, or thinks, is no happening.
        "KELBY, March 3 — The council will vote on the plan next week.",
        "KELBY, March 3 — The city council has been short of money since 2019.",
    ],
)
def test_an_unnamed_council_gives_no_claim_without_a_place_or_a_happening(extraction_of, text):
    names = {entry.name for entry in extraction_of(text).discovered}
    assert not any(name.endswith("Council") for name in names), names


@pytest.mark.parametrize(
    ("text", "name", "quoted"),
    [
        # A name in apposition to a description of an owner's, with its "the".
        (
            "Organisers of the Harlow Cup called off the round. The Harlow Cup's governing "
            "body, the Vesta Skating Union, moved the round to Lillestad on Wednesday.",
            "Vesta Skating Union",
            "moved the round",
        ),
        (
            "The Pellham Cup's organiser, the Corran Rowing Association, shortened the course "
            "on Monday.",
            "Corran Rowing Association",
            "shortened the course",
        ),
    ],
)
def test_a_name_apposed_to_an_owners_description_is_the_subject(extraction_of, text, name, quoted):
    claims = _claims(extraction_of(text))
    assert any(actor == name and quoted in quote for actor, _date, quote in claims), claims


@pytest.mark.parametrize(
    ("text", "name", "quoted"),
    [
        # What befalls a part of a named place or body befalls it.
        (
            "A fire destroyed the main drying shed of the Harlow Timber sawmill late on Sunday.",
            "Harlow Timber",
            "destroyed the main drying shed",
        ),
        (
            "A storm tore the roof off the Kessock Arts Centre on Monday.",
            "Kessock Arts Centre",
            "tore the roof off",
        ),
    ],
)
def test_what_befalls_a_part_befalls_its_holder(extraction_of, text, name, quoted):
    claims = _claims(extraction_of(text))
    assert any(actor == name and quoted in quote for actor, _date, quote in claims), claims


def _titled(tmp_path, title: str, text: str):
    """Read a text under a title, with no gazetteer."""
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: {title}\npublished: 2025-06-20\n---\n{text}\n", encoding="utf-8")
    return extract_article(read_article(path), matcher=ActorMatcher([]))


@pytest.mark.parametrize(
    ("title", "text", "name", "quoted"),
    [
        # The thing the title opens on, written again after "the", acts in the body; the
        # town's council named by the town's name alone does not take its place.
        (
            "Pellham funicular back in service after two-year rebuild",
            "Pellham Borough Council closed the line in 2022. The Pellham funicular, which "
            "carries walkers to the castle, reopened on Monday after the rebuild.",
            "Pellham funicular",
            "reopened on Monday",
        ),
        (
            "Orrin chairlift shut after cable fault",
            "The Orrin chairlift stopped on Tuesday when a cable frayed.",
            "Orrin chairlift",
            "stopped on Tuesday",
        ),
    ],
)
def test_the_thing_a_title_opens_on_acts_in_the_body(tmp_path, title, text, name, quoted):
    claims = _claims(_titled(tmp_path, title, text))
    assert any(actor == name and quoted in quote for actor, _date, quote in claims), claims


@pytest.mark.parametrize(
    ("title", "text", "words"),
    [
        # Not written again after "the": no thing.
        ("Fine wool prices jump at spring sale", "Buyers paid more on Wednesday.", "wool"),
        # A headline's subject and its verb: "Harlow votes" names no thing.
        ("Harlow votes to end carriage rides", "The council voted on Tuesday.", "votes"),
    ],
)
def test_a_title_that_opens_on_no_thing_gives_none(tmp_path, title, text, words):
    names = [entry.name for entry in _titled(tmp_path, title, text).discovered]
    assert not any(words in name for name in names), names
