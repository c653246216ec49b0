"""English extraction with no gazetteer: asides, trailing comments and carried subjects in
sentences written for these tests, read as dated claims of the actors the text names."""

import pytest

from timeline.pipeline.actors import ActorMatcher
from timeline.pipeline.extract import extract_article
from timeline.pipeline.reading import read_article

EMPTY = ActorMatcher([])
# A first paragraph telling a dated happening of the company, so the recogniser reads it.
LEAD = "{name} cut 200 jobs in January 2024, {name} said.\n\n"


@pytest.fixture
def extraction_of(tmp_path):
    def read(text: str, published: str = "2025-02-27"):
        path = tmp_path / "article.txt"
        path.write_text(f"---\ntitle: t\npublished: {published}\n---\n{text}\n", encoding="utf-8")
        return extract_article(read_article(path), matcher=EMPTY)

    return read


def _dated(extraction, name: str) -> list[tuple[str, str]]:
    """(start, end) of each claim that links the actor called `name`."""
    slugs = {entry.slug for entry in extraction.discovered if entry.name == name}
    return [
        (claim.date.start.isoformat(), claim.date.end.isoformat())
        for claim in extraction.claims
        if claim.date is not None
        and claim.date.start is not None
        and slugs & {slug for slug, _role in claim.actors}
    ]


@pytest.mark.parametrize(
    ("name", "sentence", "start", "end"),
    [
        # A dated aside about the name before it, its verb a launch with no product named.
        (
            "Tidewave",
            "Tidewave, which launched in March 2018, had 9 million users at the end of 2024.",
            "2018-03-01",
            "2018-03-31",
        ),
        (
            "Copperline Foods",
            "Copperline Foods, which opened in June 2016, employs 900 people in Ohio.",
            "2016-06-01",
            "2016-06-30",
        ),
        # The aside's verb is no trigger word: the happening in its own words.
        (
            "Vantor Labs",
            "Vantor Labs, which moved to Austin in October 2021, makes sensors for farms.",
            "2021-10-01",
            "2021-10-31",
        ),
    ],
)
def test_a_dated_aside_is_a_happening_of_the_name_before_it(
    extraction_of, name, sentence, start, end
):
    extraction = extraction_of(LEAD.format(name=name) + sentence)
    assert (start, end) in _dated(extraction, name)


@pytest.mark.parametrize(
    ("name", "sentence", "start", "end"),
    [
        (
            "Tidewave",
            "The company ended its advertising partnership with Yahoo last month, a change "
            "analysts say will lift margins.",
            "2025-01-01",
            "2025-01-31",
        ),
        (
            "Copperline Foods",
            "Copperline Foods bought Harlow Bakery in November 2024, a deal analysts say will "
            "lift its margins.",
            "2024-11-01",
            "2024-11-30",
        ),
        (
            "Vantor Systems",
            "Vantor Systems acquired Skyward Drones in May 2023, which is expected to double its "
            "sales next year.",
            "2023-05-01",
            "2023-05-31",
        ),
    ],
)
def test_an_outlook_in_a_trailing_comment_keeps_the_past_happening(
    extraction_of, name, sentence, start, end
):
    extraction = extraction_of(LEAD.format(name=name) + sentence)
    assert (start, end) in _dated(extraction, name)


@pytest.mark.parametrize(
    "sentence",
    [
        # A forecast whose comma follows only a date: no past happening before it.
        "In May 2026, a new plant will open, a change analysts say will lift margins.",
        "Tidewave will sell its bakery unit in November 2025, a move that will cut its debt.",
    ],
)
def test_a_forecast_with_a_comment_stays_a_forecast(extraction_of, sentence):
    extraction = extraction_of(LEAD.format(name="Tidewave") + sentence)
    assert _dated(extraction, "Tidewave") == [("2024-01-01", "2024-01-31")]


@pytest.mark.parametrize(
    ("sentence", "second", "start", "end"),
    [
        (
            "The Tarnside Authority approved the plan in March 2023, and the Velmar Commission "
            "followed in June 2023.",
            "Velmar Commission",
            "2023-06-01",
            "2023-06-30",
        ),
        (
            "Tidewave Media won the contract in April 2022, but Brightfold Networks appealed in "
            "August 2022.",
            "Brightfold Networks",
            "2022-08-01",
            "2022-08-31",
        ),
    ],
)
def test_a_second_dated_clause_after_and_is_its_own_happening(
    extraction_of, sentence, second, start, end
):
    extraction = extraction_of(sentence + "\n\nThe Velmar Commission and Brightfold Networks.")
    assert (start, end) in _dated(extraction, second)


@pytest.mark.parametrize(
    ("deal", "announced", "start", "end"),
    [
        (
            "Ostrand Bank and Lakeview Savings completed their merger on March 3.",
            "The deal was first announced in May 2023.",
            "2023-05-01",
            "2023-05-31",
        ),
        (
            "Ostrand Bank bought Lakeview Savings on March 3.",
            "The deal had been announced in October 2023.",
            "2023-10-01",
            "2023-10-31",
        ),
    ],
)
def test_the_announcement_of_a_deal_told_before_is_its_parties_happening(
    extraction_of, deal, announced, start, end
):
    extraction = extraction_of(f"{deal}\n\n{announced}", published="2024-06-01")
    dated = {
        (claim.date.start.isoformat(), claim.date.end.isoformat()): claim.event_type
        for claim in extraction.claims
        if claim.date is not None and claim.date.start is not None
    }
    assert dated.get((start, end)) == "acquisition"
    assert (start, end) in _dated(extraction, "Lakeview Savings")


def test_a_deal_announced_with_no_deal_told_before_is_no_acquisition(extraction_of):
    extraction = extraction_of(
        "Ostrand Bank cut 200 jobs in January 2024, Ostrand Bank said.\n\n"
        "The deal was first announced in May 2023.",
        published="2024-06-01",
    )
    assert "acquisition" not in {claim.event_type for claim in extraction.claims}


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        (
            "Tidewave will expand the partnership with Orwell Motors that it signed in June 2023.",
            "2023-06-01",
            "2023-06-30",
        ),
        (
            "Tidewave will close the Ohio plant it acquired in June 2023 from Orwell Motors.",
            "2023-06-01",
            "2023-06-30",
        ),
    ],
)
def test_a_past_clause_inside_a_forecast_sentence_keeps_its_date(
    extraction_of, sentence, start, end
):
    extraction = extraction_of(
        "Tidewave cut 200 jobs in January 2024, Tidewave said. Orwell Motors and Tidewave "
        "agreed a deal in February 2024.\n\n" + sentence,
        published="2024-11-14",
    )
    assert (start, end) in _dated(extraction, "Tidewave")


@pytest.mark.parametrize(
    "sentence",
    [
        # The date is the outlook's own, or follows a verb of planning.
        "Tidewave will open the plant it is building in March 2025.",
        "Tidewave will sell the unit, which was expected in March 2024, to a rival.",
    ],
)
def test_a_forecast_dated_by_its_own_verb_stays_a_forecast(extraction_of, sentence):
    extraction = extraction_of(
        "Tidewave cut 200 jobs in January 2024, Tidewave said.\n\n" + sentence,
        published="2024-11-14",
    )
    assert _dated(extraction, "Tidewave") == [("2024-01-01", "2024-01-31")]


@pytest.mark.parametrize(
    ("sentences", "start", "end"),
    [
        (
            "Tidewave had 12 million members at the end of 2024. It added 1.2 million in the "
            "fourth quarter.",
            "2024-10-01",
            "2024-12-31",
        ),
        (
            "Tidewave runs 40 stores. It added another 6 in March 2024, helped by a loan.",
            "2024-03-01",
            "2024-03-31",
        ),
    ],
)
def test_it_carries_the_company_and_added_with_a_quantity_is_growth(
    extraction_of, sentences, start, end
):
    extraction = extraction_of(
        "Tidewave cut 200 jobs in January 2024, Tidewave said.\n\n" + sentences,
        published="2025-02-27",
    )
    assert (start, end) in _dated(extraction, "Tidewave")


def test_added_as_speech_is_no_happening(extraction_of):
    extraction = extraction_of(
        "Tidewave cut 200 jobs in January 2024, Tidewave said.\n\n"
        "It added in March 2024 that the cuts were over.",
        published="2025-02-27",
    )
    assert ("2024-03-01", "2024-03-31") not in _dated(extraction, "Tidewave")


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        # Published on Thursday 2025-02-27: Wednesday is the day before.
        (
            "Tidewave will raise the price of its basic plan to $9.99 a month, the company "
            "said on Wednesday.",
            "2025-02-26",
            "2025-02-26",
        ),
        (
            "Tidewave will close four stores from April 1, 2025, the company said yesterday, "
            "its second round of closures.",
            "2025-02-26",
            "2025-02-26",
        ),
    ],
)
def test_a_plan_told_before_a_dated_attribution_is_said_on_that_date(
    extraction_of, sentence, start, end
):
    extraction = extraction_of(
        "Tidewave cut 200 jobs in January 2024, Tidewave said.\n\n" + sentence,
        published="2025-02-27",
    )
    assert (start, end) in _dated(extraction, "Tidewave")


def test_the_plan_itself_is_not_dated_by_its_attribution(extraction_of):
    extraction = extraction_of(
        "Tidewave cut 200 jobs in January 2024, Tidewave said.\n\n"
        "Tidewave will close four stores from April 1, 2025, the company said yesterday.",
        published="2025-02-27",
    )
    assert ("2025-04-01", "2025-04-01") not in _dated(extraction, "Tidewave")


def test_a_past_happening_with_a_dated_attribution_is_no_statement(extraction_of):
    extraction = extraction_of(
        "Tidewave cut 200 jobs in January 2024, Tidewave said.\n\n"
        "Tidewave swung to a net loss of $8 million in the fourth quarter of 2024, it said "
        "in February.",
        published="2025-03-27",
    )
    assert "statement" not in {claim.event_type for claim in extraction.claims}
