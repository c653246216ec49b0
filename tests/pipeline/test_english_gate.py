"""The English happening gate, read on whole invented articles with no gazetteer: which
dated clauses become claims, whose they are and which date they carry."""

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


# --- dates that describe a thing or a figure's baseline date no happening -----------------


@pytest.mark.parametrize(
    ("text", "undated"),
    [
        (
            "The Harwick School District said on Monday that enrollment fell to 8,940 "
            "students, down from 11,200 in 2015.",
            "2015-01-01",
        ),
        (
            "Orwell Ferries carried 2.1 million passengers on its routes in 2024, up from "
            "1.8 million in 2019.",
            "2019-01-01",
        ),
        (
            "Volunteers from the Pennick Fire Brigade kept a blaze at the village's "
            "18th-century mill from spreading late on Saturday.",
            "1700-01-01",
        ),
    ],
)
def test_a_baseline_or_a_describing_century_dates_no_claim(extraction_of, text, undated):
    assert all(start != undated for _name, start, _quote in _dated(extraction_of(text)))


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        (
            "Volunteers from the Pennick Fire Brigade kept a blaze at the village's "
            "18th-century mill from spreading late on Saturday.",
            "Pennick Fire Brigade",
            "2025-06-14",
        ),
        ("The Larkfield Abbey was built in the 12th century.", "Larkfield Abbey", "1100-01-01"),
    ],
)
def test_the_clauses_own_date_is_kept(extraction_of, text, name, start):
    assert any(
        (actor, begins) == (name, start) for actor, begins, _quote in _dated(extraction_of(text))
    )


# --- who the happening is about ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "quoted"),
    [
        # A bare plural standing for the people of a body named before.
        (
            "The Harrow Miners' Union met the owners on Monday. Miners walked out at the "
            "Cobb pit on Friday.",
            "Harrow Miners' Union",
            "Miners walked out",
        ),
        (
            "The Pell Valley Warden Service lost its grant in May. Wardens rescued a walker "
            "near Larch Tarn on Friday.",
            "Pell Valley Warden Service",
            "Wardens rescued a walker",
        ),
        # Plurals of a body's people that its name does not hold (vocabulary data), after a
        # date opening the clause.
        (
            "Harwick Police released images of the car on Saturday. The next day officers "
            "searched a farm and arrested a man.",
            "Harwick Police",
            "arrested a man",
        ),
        (
            "The Dunmore Fire Service sent four engines. On Sunday, firefighters rescued two "
            "people from the roof.",
            "Dunmore Fire Service",
            "rescued two people",
        ),
        # A word of trade before the plural; members of a body whose name holds no "member".
        (
            "The Transport Workers Union called a strike. Postal workers walked out on Monday.",
            "Transport Workers Union",
            "walked out",
        ),
        (
            "The Harwick Nurses Union balloted its nurses. Members voted to strike on Friday.",
            "Harwick Nurses Union",
            "voted to strike",
        ),
        # "they" after a sentence that opened on a body's people.
        (
            "The Dunmore Fire Service sent four engines. Firefighters rescued two people on "
            "Sunday. On Monday they put out a barn fire.",
            "Dunmore Fire Service",
            "put out a barn fire",
        ),
        # A description with a word of the name before its head.
        (
            "The Dunmore Harbour Authority opened a pier on Monday. The harbour authority "
            "introduced a mooring charge in April 2023.",
            "Dunmore Harbour Authority",
            "introduced a mooring charge",
        ),
        (
            "The Kestrel Valley Rowing Club opened a boathouse in May. The rowing club won "
            "the county cup in 2022.",
            "Kestrel Valley Rowing Club",
            "won the county cup",
        ),
        # A dateline's dash before the subject phrase.
        (
            "HARWICK, Ore. — The board of the Harwick Unified School District voted 4-3 on "
            "Tuesday night to close two schools.",
            "Harwick Unified School District",
            "voted 4-3",
        ),
    ],
)
def test_the_subject_leads_the_claim(extraction_of, text, name, quoted):
    claims = _dated(extraction_of(text))
    assert any(actor == name and quoted in quote for actor, _start, quote in claims), claims


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # A plural no name holds, or a plural that is only stated of.
        (
            "The Pell Valley Warden Service lost its grant in May. Walkers found the trail "
            "closed on Friday.",
            "Walkers",
        ),
        (
            "Harwick Academy closed early on Friday. Many pupils went home on Friday.",
            "went home",
        ),
        (
            "The Dunmore Fire Service sent four engines. Residents left on Sunday. On Monday "
            "they returned home.",
            "returned home",
        ),
        (
            "The Kestrel Rangers Club was formed in 1990. Rangers are paid less than "
            "teachers in 2025.",
            "paid less",
        ),
    ],
)
def test_a_plural_that_is_no_bodys_people_tells_nothing_of_it(extraction_of, text, second):
    claims = _dated(extraction_of(text))
    assert [quote for _actor, _start, quote in claims if second in quote] == []


@pytest.mark.parametrize(
    ("text", "name", "quoted"),
    [
        # "It" after a sentence opening on a description stands for the body described.
        (
            "The Corran Rowing Club bought a boat from Dunmore Marine Ltd in May. Dunmore "
            "Marine Ltd went bust in June. The club was founded in 1962. It won the county "
            "cup in 2022.",
            "Corran Rowing Club",
            "It won the county cup",
        ),
        (
            "The Pell Valley Water Board sued Orwell Chemicals in May. Orwell Chemicals "
            "appealed in June. The board was set up in 1950. It cut its charges in 2023.",
            "Pell Valley Water Board",
            "It cut its charges",
        ),
    ],
)
def test_it_after_a_described_subject_is_that_body(extraction_of, text, name, quoted):
    claims = _dated(extraction_of(text))
    assert any(actor == name and quoted in quote for actor, _start, quote in claims), claims


@pytest.mark.parametrize(
    ("text", "name", "quoted"),
    [
        # The date stands in a subordinate clause with a named subject of its own, and the
        # main clause tells nothing by itself.
        (
            "The Dunmore Anglers Association was furious after the Orwell Water Board "
            "drained the reservoir last Thursday.",
            "Orwell Water Board",
            "drained the reservoir",
        ),
        (
            "The Pell Farmers Union said little when Harrow Dairies cut its milk price in May.",
            "Harrow Dairies",
            "cut its milk price",
        ),
    ],
)
def test_a_dated_subordinate_clause_tells_its_own_subjects_happening(
    extraction_of, text, name, quoted
):
    claims = _dated(extraction_of(text))
    assert any(actor == name and quoted in quote for actor, _start, quote in claims), claims


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A word of a kind of happening inside what was said leaves the dated saying told.
        (
            "Harwick Council cut the grant in May. The Kestrel Trust said on Wednesday that "
            "funding was under review.",
            "Kestrel Trust",
        ),
        (
            "Harwick Council cut the grant in May. The Scottish government said on Monday "
            "that funding for all parks was under review.",
            "Scottish government",
        ),
    ],
)
def test_a_dated_saying_is_told_when_what_was_said_names_a_kind(extraction_of, text, name):
    claims = _dated(extraction_of(text))
    assert any(actor == name and "said on" in quote for actor, _start, quote in claims), claims


# --- a thing of the paragraph's body as the subject ----------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        (
            "The Halden Mountain Trust runs three huts on the ridge. The lodge reopened in "
            "October 2024 after a long repair.",
            "Halden Mountain Trust",
            "2024-10-01",
        ),
        (
            "The St Brannock Hospital Trust has grown quickly. The new wing opened last May "
            "with 80 beds.",
            "St Brannock Hospital Trust",
            "2025-05-01",
        ),
        (
            "Harwick Council runs the town's pools. The main pool reopened on Saturday after "
            "a leak.",
            "Harwick Council",
            "2025-06-14",
        ),
        (
            "The Dunmore Ferry Company has four boats. A vessel hit the pier on Friday. "
            "Passengers were unhurt.",
            "Dunmore Ferry Company",
            "2025-06-20",
        ),
        (
            "The Ardley Water Board manages the reservoir. The dam was built in 1962.",
            "Ardley Water Board",
            "1962-01-01",
        ),
        # The body named in the paragraph before.
        (
            "Pellow Brewing Ltd owns a site in Darnley.\n\nOn April 12, the warehouse burned down.",
            "Pellow Brewing Ltd",
            "2025-04-12",
        ),
        (
            "The Orwell Quarry Company bought the hillside in 1990. The old quarry flooded in "
            "March 2023.",
            "Orwell Quarry Company",
            "2023-03-01",
        ),
        # A noun before the thing's, or the part of a thing.
        (
            "Corvel Rail Ltd is digging a new line. A tunnel section flooded on March 3, "
            "halting work for a month.",
            "Corvel Rail Ltd",
            "2025-03-03",
        ),
        (
            "Corvel Rail Ltd is digging a new line. A section of the tunnel flooded on March 3.",
            "Corvel Rail Ltd",
            "2025-03-03",
        ),
        (
            "Tarrow Buses Ltd serves the valley. The first electric bus route opened on Monday.",
            "Tarrow Buses Ltd",
            "2025-06-16",
        ),
    ],
)
def test_a_thing_of_the_paragraphs_body_befalls_that_body(extraction_of, text, name, start):
    claims = _dated(extraction_of(text))
    assert any((actor, begins) == (name, start) for actor, begins, _quote in claims), claims


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # Plans, habits, states and lengths of time tell nothing.
        ("The Ardley Water Board manages the reservoir. The dam will reopen in August.", "dam"),
        (
            "The Marlow Zoo Trust runs the park. The lion enclosure is usually shut in January.",
            "enclosure",
        ),
        ("Tollby Farms Ltd sells eggs. The farm is expected to open a shop in May.", "farm"),
        ("Tollby Farms Ltd sells eggs. The barn had been empty since 2020.", "barn"),
        (
            "The Kestrel Rail Company runs trains. The line carries 9,000 people a day in 2025.",
            "line",
        ),
        # No body named before: nobody to own the thing.
        ("The old mill burned down on Tuesday.", "mill"),
        # A thing named by its own capitals is its own subject, not the body's.
        ("The Pell Valley Trust was set up in 1950. The Larch Hall was sold in 2019.", "Hall"),
    ],
)
def test_a_thing_that_tells_no_happening_of_a_body_gives_nothing(extraction_of, text, quoted):
    claims = _dated(extraction_of(text))
    assert not any(
        quoted in quote and actor is not None and quoted not in actor
        for actor, _start, quote in claims
    ), claims


# --- a group named by its members -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("About forty trawlers blocked the port of Kilmore on Tuesday.", "trawlers", "2025-06-17"),
        ("Parents delivered a petition to the town hall on Monday.", "Parents", "2025-06-16"),
        ("Dozens of residents marched through Halden on Saturday.", "residents", "2025-06-14"),
        ("On Friday, angry tenants occupied the lobby of Carrow Court.", "tenants", "2025-06-20"),
        ("More than 300 farmers drove tractors into Pellby in May.", "farmers", "2025-05-01"),
        ("Commuters stormed the platform at Orwell Junction on Monday.", "Commuters", "2025-06-16"),
        ("Hundreds of shoppers queued outside the new market on June 2.", "shoppers", "2025-06-02"),
        ("Villagers rebuilt the footbridge over the Larch in April.", "Villagers", "2025-04-01"),
        ("Two inmates escaped from a van near Dunmore on Sunday.", "inmates", "2025-06-15"),
        ("On Saturday about 200 protesters met outside the mill.", "protesters", "2025-06-14"),
        ("Local farmers lost crops worth £2m in the floods in May.", "farmers", "2025-05-01"),
    ],
)
def test_a_group_named_by_its_members_is_the_actor(extraction_of, text, name, start):
    claims = _dated(extraction_of(text))
    assert any((actor, begins) == (name, start) for actor, begins, _quote in claims), claims


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # Plans, habits, states, shares of a group and what befell it tell nothing of it.
        ("Residents will march through Halden on Saturday.", "Residents"),
        ("Parents usually collect their children at noon on Fridays.", "Parents"),
        ("Tenants have lived in the block since 2010.", "Tenants"),
        ("Many residents left their homes on Sunday.", "residents"),
        ("Residents were evacuated on Sunday.", "Residents"),
        ("Farmers are expected to protest in Pellby in July.", "Farmers"),
        # A capitalised word before the plural after a date names a place or body.
        ("On Monday, Kilmore fishermen blocked the harbour.", "fishermen"),
        # A body of theirs named in the sentence before: they act for it.
        (
            "The Harwick Tenants Association called a rent strike. Tenants withheld their rent "
            "on Monday.",
            "Tenants",
        ),
    ],
)
def test_a_group_that_tells_no_happening_of_its_own_gives_nothing(extraction_of, text, group):
    claims = _dated(extraction_of(text))
    assert not any(actor == group for actor, _start, _quote in claims), claims


def test_a_share_of_a_group_after_a_date_is_no_group(extraction_of):
    claims = _dated(extraction_of("On Sunday, many residents left their homes."))
    assert not any(actor == "residents" for actor, _start, _quote in claims), claims


# --- a date counted from a happening told before ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        (
            "A fire destroyed the Pelham Mill on June 4, 2022. A week after the fire, Pelham "
            "Council opened an inquiry.",
            "Pelham Council",
            "2022-06-06",
        ),
        (
            "The Brackley Library opened in April 2021. Three months after it opened, "
            "Brackley Council extended its hours.",
            "Brackley Council",
            "2021-07-01",
        ),
        (
            "The Orwell ferry sank on 9 October 2023. Three days after the sinking, the Orwell "
            "Coastguard Agency raised the wreck.",
            "Orwell Coastguard Agency",
            "2023-10-12",
        ),
    ],
)
def test_a_happening_dated_by_a_count_from_another(extraction_of, text, name, start):
    claims = _dated(extraction_of(text))
    assert any((actor, begins) == (name, start) for actor, begins, _quote in claims), claims


@pytest.mark.parametrize(
    "text",
    [
        "Two days before the vote, the Ashby Parish Council published its accounts.",
        "The Harwick Rowing Club was formed in 1990. Three months after it opened, the Harwick "
        "Rowing Club won a cup.",
    ],
)
def test_a_count_from_an_undated_happening_dates_nothing(extraction_of, text):
    claims = _dated(extraction_of(text))
    assert not any(
        "before the vote" in quote or "after it opened" in quote for _a, _s, quote in claims
    ), claims


# --- a bare month or day that takes its year or month from the sentence before --------------


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        (
            "The Corran Rowing Club was founded in 2017. In September, the club bought its "
            "first boat.",
            "Corran Rowing Club",
            "2017-09-01",
        ),
        (
            "Harwick Council approved the budget on March 3, 2023. On the 9th, the council cut "
            "bus fares.",
            "Harwick Council",
            "2023-03-09",
        ),
        (
            "Pellby Dairies Ltd opened a creamery in May 2019. By the 20th, Pellby Dairies Ltd "
            "had hired 40 staff.",
            "Pellby Dairies Ltd",
            "2019-05-20",
        ),
        (
            "The Tarrow Sailing Club lost two boats in a storm in 2021. In November, the club "
            "sold its clubhouse.",
            "Tarrow Sailing Club",
            "2021-11-01",
        ),
        # A new paragraph keeps the publication's reading (DATES.md): the year told before
        # may be background, and carrying it misdated the development sets.
        (
            "The Corran Rowing Club was founded in 2017.\n\nIn September, the club bought its "
            "first boat.",
            "Corran Rowing Club",
            "2024-09-01",
        ),
    ],
)
def test_a_bare_month_or_day_takes_the_paragraphs_year_or_month(extraction_of, text, name, start):
    claims = _dated(extraction_of(text))
    assert any((actor, begins) == (name, start) for actor, begins, _quote in claims), claims
