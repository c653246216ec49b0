"""Which actor an English pronoun or referring subject stands for, with no gazetteer: "she"
for a name with a post in apposition, "they" and "their" for the body or group the
sentence before opened on, "the company" never for an association or a person, and a
pronoun never for an actor named only after it, in articles written for these tests."""

import pytest


def _claims(extraction) -> list[tuple[list[str], str, str]]:
    """(actors' names, start date, quote) of each dated claim."""
    names = {entry.slug: entry.name for entry in extraction.discovered}
    return [
        (
            [names.get(slug, slug) for slug, _role in claim.actors],
            str(claim.date.start),
            claim.quote,
        )
        for claim in extraction.claims
        if claim.date is not None and claim.date.start is not None
    ]


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # "she" and "he": a name given a post or an occupation in apposition is a person's.
        (
            "Harriet Doyle, the library's director, resigned on Monday. She told staff in "
            "March that the branch would close.",
            "Harriet Doyle",
            "2025-03-01",
            "She told staff",
        ),
        (
            "Greta Holm, a retired nurse, found the wallet on Sunday. She handed it to police "
            "on Tuesday.",
            "Greta Holm",
            "2025-06-17",
            "She handed it",
        ),
        (
            "Nadia Frost, the museum's curator, found the letters in 2019. Officials at the "
            "Kessler Museum confirmed the find on Tuesday. She donated them on Wednesday.",
            "Nadia Frost",
            "2025-06-18",
            "She donated them",
        ),
        # "they" and "their": the body the sentence before opened on.
        (
            "The Westfield Tenants Union sued the landlord in January. They won the case on "
            "March 14.",
            "Westfield Tenants Union",
            "2025-03-14",
            "They won the case",
        ),
        (
            "Harlan Motors closed its Dunmore plant in May. They reopened the plant on June 9.",
            "Harlan Motors",
            "2025-06-09",
            "They reopened",
        ),
        (
            "The Carrow Valley Farmers Union called a strike on Monday. Their members blocked "
            "the road on Tuesday.",
            "Carrow Valley Farmers Union",
            "2025-06-17",
            "Their members blocked",
        ),
        (
            "The Ashgrove Council approved the plan in March. They voted again on May 12.",
            "Ashgrove Council",
            "2025-05-12",
            "They voted again",
        ),
        # "the company": the company named before, not the association named since, nor a
        # person written as the company's owner.
        (
            "Pellmore Freight won the contract in 2023. The Oakfield Residents Association "
            "complained in May. Gareth Voss, the company's owner, denied it on June 2. The "
            "company laid off 40 drivers the same day.",
            "Pellmore Freight",
            "2023-06-02",
            "The company laid off",
        ),
        (
            "Dunmore Couriers lost the council contract in March. The Dunmore Cycling Club "
            "protested on April 4. The company cut 30 jobs on April 9.",
            "Dunmore Couriers",
            "2025-04-09",
            "The company cut",
        ),
        # The subject the sentence before opened on, after its description or a post it
        # holds, outweighs the names after it and the paragraph's topic.
        (
            "The pension fund Alder Capital bought Tresco Ferries from Mona Group in 2017. It "
            "tried to sell the ferries a year later.",
            "Alder Capital",
            "2018-01-01",
            "It tried to sell",
        ),
        (
            "The regional airline Corvo Air cut three routes in May. It restored one of them "
            "on June 2.",
            "Corvo Air",
            "2025-06-02",
            "It restored",
        ),
        (
            "Fire gutted the Ashby Roller Mill on Wednesday. The mill's owner, Kettering Grain "
            "Ltd., said on Thursday that it had moved production. The company bought the mill "
            "in 2019.",
            "Kettering Grain Ltd",
            "2019-01-01",
            "The company bought the mill",
        ),
        # A possessive opening the sentence is no subject: its owner, in apposition, is.
        (
            "Brackwater's owner, Tessel Leisure Group, said on Wednesday that it had hired the "
            "consultancy Fjordline to review safety.",
            "Tessel Leisure Group",
            "2025-06-18",
            "it had hired",
        ),
        # "it" after a person written with a post of the company: the company before.
        (
            "Tamsin Freight won the depot contract in 2023. Colm Ashby, the company's owner, "
            "denied any wrongdoing on June 2. It cut 40 jobs the same day.",
            "Tamsin Freight",
            "2023-06-02",
            "It cut 40 jobs",
        ),
    ],
)
def test_a_pronoun_stands_for_the_actor_before_it(extraction_of, text, name, start, quoted):
    claims = _claims(extraction_of(text))
    assert any(
        actors[0] == name and s == start and quoted in quote for actors, s, quote in claims
    ), claims


@pytest.mark.parametrize(
    ("text", "quoted", "wrong"),
    [
        # A pronoun refers back, never forward to an actor named after it.
        (
            "The Fenwick weather buoy went silent on Jan. 4. It had been installed in 2019. "
            "Technicians from Coastal Instruments replaced its battery on Thursday.",
            "installed in 2019",
            "Coastal Instruments",
        ),
        # In Chinese as well: "该集团" is no company named only after it.
        (
            "该集团自去年6月起以电话冒充银行职员，骗取至少40名市民财物。警方表示，恒信银行本周一已报案。",
            "冒充银行职员",
            "恒信银行",
        ),
        (
            "該集團自去年6月起以電話冒充銀行職員，騙取至少40名市民財物。警方表示，恒信銀行本週一已報案。",
            "冒充銀行職員",
            "恒信銀行",
        ),
        (
            "It was built in 1952 as a signal house. Later the Harbour Trust bought the "
            "lighthouse, on May 2.",
            "built in 1952",
            "Harbour Trust",
        ),
        # "Jan." is no sentence's end: the sentence before is still the one opened on
        # the unread name.
        (
            "The charity Fieldwise took over the Marsh Lane shelter on Jan. 4. It lost its "
            "council grant on March 9.",
            "It lost",
            "Marsh Lane",
        ),
        # The sentence before opened on one possessed ("His daughter, …"): not the possessor.
        (
            "Tom Penn founded the mill in 1921. His daughter, Ruth Okoye, ran it for 30 years. "
            "She sold it on May 2.",
            "She sold it",
            "Tom Penn",
        ),
        # "they" after a count in the sentence before may be the people counted.
        (
            "The Dunlin Sailing Club rescued two kayakers on Sunday. They were taken to "
            "hospital on Monday.",
            "They were taken",
            "Dunlin Sailing Club",
        ),
        (
            "The Harwood council hired two inspectors in May. They found 40 faults on June 3.",
            "They found",
            "Harwood council",
        ),
        # A name written with a post of a company is a person's: no "it", no company.
        (
            "Colm Ashby, the company's owner, denied any wrongdoing on June 2. It cut 40 jobs "
            "the same day.",
            "It cut 40 jobs",
            "Colm Ashby",
        ),
        # "she" with no person before it stands for no body.
        (
            "The Lakeview Clinic opened a new wing in March. She said on Monday that the wait "
            "was long.",
            "She said",
            "Lakeview Clinic",
        ),
        # "they" after people no actor was read for stands for nothing named in passing.
        (
            "The workers set up a cooperative, Ashby Makers Co-op, in December. They borrowed "
            "$1 million on Jan. 3.",
            "They borrowed",
            "Ashby Makers Co-op",
        ),
        (
            "Parents at Elm Grove Primary protested on Tuesday. Their petition reached 3,000 "
            "signatures two days later.",
            "Their petition",
            "Elm Grove Primary",
        ),
        # The sentence before opened on a name no actor was read from: "it" is that one.
        (
            "The charity Fieldwise took over the Marsh Lane shelter in 2018. It lost its "
            "council grant on Jan. 9.",
            "It lost",
            "Marsh Lane",
        ),
        (
            "Residents of Kellby Street complained about the noise on Monday. Their complaint "
            "reached the council on Wednesday.",
            "Their complaint",
            "Kellby Street",
        ),
    ],
)
def test_a_pronoun_with_no_fitting_actor_before_it_gives_no_actor(
    extraction_of, text, quoted, wrong
):
    claims = _claims(extraction_of(text))
    assert not any(wrong in actors and quoted in quote for actors, _s, quote in claims), claims
