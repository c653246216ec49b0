"""Who an English claim is about, with no gazetteer: the clause's grammatical subject as
its first actor, names with diacritics, a person's place of origin cut from the name,
nationality adjectives kept apart from bodies' names, things named with their kind
("the Marten Creek fire") and ships, in articles written for these tests."""

import pytest


def _main_actors(extraction) -> list[tuple[str, str, str]]:
    """(first actor's name, start date, quote) of each dated claim."""
    names = {entry.slug: entry.name for entry in extraction.discovered}
    return [
        (
            names.get(claim.actors[0][0], claim.actors[0][0]),
            claim.date.start.isoformat(),
            claim.quote,
        )
        for claim in extraction.claims
        if claim.actors and claim.date is not None and claim.date.start is not None
    ]


def _led_by(extraction, name: str, start: str, quoted: str) -> bool:
    return any(
        main == name and s == start and quoted in quote
        for main, s, quote in _main_actors(extraction)
    )


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A name set off by commas before the verb is the subject its phrase describes.
        (
            "Tomas Berg won the Lakeside Classic on May 2. His rival in the last round, "
            "Greta Nyberg of Sweden, filed a protest the next day.",
            "Greta Nyberg",
            "2025-05-03",
            "filed a protest",
        ),
        (
            "The council sold the pier in 2021. The buyer of the old lighthouse, Ahmed "
            "Farouk, 52, reopened it as a café on March 3, 2025.",
            "Ahmed Farouk",
            "2025-03-03",
            "reopened it",
        ),
        (
            "The Delmore Tigers lost the final in April. Their captain that season, Rosa "
            "Quintero, retired on May 14.",
            "Rosa Quintero",
            "2025-05-14",
            "retired",
        ),
    ],
)
def test_apposed_name_is_the_subject(extraction_of, text, name, start, quoted):
    assert _led_by(extraction_of(text), name, start, quoted)


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A thing named with its kind noun in lower case acts in its own name.
        (
            "The Marten Creek fire broke out on June 3 near the village of Oakby.",
            "Marten Creek fire",
            "2025-06-03",
            "broke out",
        ),
        (
            "The Halden bridge collapsed in March 2019, killing two drivers.",
            "Halden bridge",
            "2019-03-01",
            "collapsed",
        ),
        (
            "Floodwater from the Ashcombe treatment works reached the river. The Ashcombe "
            "treatment works closed in 2022.",
            "Ashcombe treatment works",
            "2022-01-01",
            "closed in 2022",
        ),
        # A storm's name, written with its kind before it, is a thing too.
        (
            "Hurricane Dorvan made landfall in Belize on Monday.",
            "Hurricane Dorvan",
            "2025-06-16",
            "made landfall",
        ),
        # A ship's prefix marks a ship; its bare name is the same ship.
        (
            "The ferry MV Tarrant ran aground on May 9. The Tarrant sank the next day.",
            "MV Tarrant",
            "2025-05-10",
            "sank",
        ),
    ],
)
def test_things_named_with_their_kind_act(extraction_of, text, name, start, quoted):
    extraction = extraction_of(text)
    assert _led_by(extraction, name, start, quoted)
    # A thing is no company: it never stands in for "the company" the article is about.
    assert all(e.kind == "product" for e in extraction.discovered if e.name == name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Letters with diacritics: one person, however the surname is written after.
        (
            "The court fined the striker Dragoš Petrović in May. Petrović appealed on June 2.",
            "Dragoš Petrović",
        ),
        (
            "The club hired Søren Lindqvist in April. Lindqvist resigned on June 2.",
            "Søren Lindqvist",
        ),
    ],
)
def test_names_with_diacritics_are_one_person(extraction_of, text, name):
    extraction = extraction_of(text)
    people = [entry for entry in extraction.discovered if entry.kind == "person"]
    assert [entry.name for entry in people] == [name]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A nationality before a noun is no short form of a body whose name it opens.
        (
            "The Croatian Rowing Federation dropped the Croatian sculler Ivo Marić on May 5. "
            "The Croatian coach left in June.",
            "Croatian",
        ),
        (
            "The Danish Ferry Board fined the operator on May 5. Danish officials said the "
            "Danish crews had complained.",
            "Danish",
        ),
    ],
)
def test_nationality_is_no_alias(extraction_of, text, absent):
    extraction = extraction_of(text)
    assert all(absent not in entry.aliases for entry in extraction.discovered)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # A name described in apposition by what it is.
        ("Fenwatch, the energy regulator, fined Corby Gas in May.", "Fenwatch", "organization"),
        ("Lumisk, a Finnish chipmaker, cut 300 jobs in May.", "Lumisk", "company"),
        # A person's place of origin is no part of the name.
        ("Carla Mendes of Portugal won the final on May 4.", "Carla Mendes", "person"),
    ],
)
def test_names_read_from_their_description(extraction_of, text, name, kind):
    extraction = extraction_of(text)
    assert any(entry.name == name and entry.kind == kind for entry in extraction.discovered), [
        (e.name, e.kind) for e in extraction.discovered
    ]


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A definite description stands for the actor whose name's head fits it: a union's
        # name may end in Alliance; "the city" is the one written "the city of X", not a
        # building whose name holds "City".
        (
            "The Port and General Dockers' Alliance called a strike on May 2. The union "
            "ended it on May 20.",
            "Port and General Dockers' Alliance",
            "2025-05-20",
            "ended it",
        ),
        (
            "The town of Berrow lost its records when a server at Town Hall failed. The town "
            "restored its records on June 3.",
            "Berrow",
            "2025-06-03",
            "restored",
        ),
        (
            "Hackers hit the city of Ostby in May, leaving City Hall without email. The city "
            "shut down its network on May 4.",
            "Ostby",
            "2025-05-04",
            "shut down",
        ),
        # The people of a body, counted, act for it.
        (
            "About 900 train drivers at Corran Rail walked out on Tuesday.",
            "Corran Rail",
            "2025-06-17",
            "walked out",
        ),
        # A "which" aside with no past verb of its own lies between the name and its verb.
        (
            "The Harbour Pilots' Guild, which represents 300 pilots, called a strike on June 2.",
            "Harbour Pilots' Guild",
            "2025-06-02",
            "called a strike",
        ),
        # A dateline with no date dates nothing and names no actor.
        (
            "MARLOW BRIDGE — Nurses at Fenby Hospital walked out on Monday.",
            "Fenby Hospital",
            "2025-06-16",
            "walked out",
        ),
    ],
)
def test_descriptions_members_and_asides(extraction_of, text, name, start, quoted):
    assert _led_by(extraction_of(text), name, start, quoted), _main_actors(extraction_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel, which makes bicycles, employs 400 people. It opened in June 2016.",
        "The Food and Drug Administration approved the drug on May 5.",
    ],
)
def test_no_word_of_a_name_alone(extraction_of, text):
    """ "Food" is no short name of the agency; "Kestrel" is still found."""
    extraction = extraction_of(text)
    assert all(
        alias not in {"Food", "Bridge", "MARLOW BRIDGE"}
        for entry in extraction.discovered
        for alias in (entry.name, *entry.aliases)
    )


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A verb of saying whose object is a thing, with nothing said after it, is an act.
        (
            "Governor Nadia Frey declared a state of emergency in the valley on Monday.",
            "Nadia Frey",
            "2025-06-16",
            "declared a state of emergency",
        ),
        (
            "Brindle Press announced the closure of its Leeds office in March.",
            "Brindle Press",
            "2025-03-01",
            "announced the closure",
        ),
        # The officials of a place or a body act for it.
        (
            "Officials in Harrow County declared the end of the drought on Wednesday.",
            "Harrow County",
            "2025-06-18",
            "declared the end",
        ),
    ],
)
def test_declared_acts(extraction_of, text, name, start, quoted):
    assert _led_by(extraction_of(text), name, start, quoted), _main_actors(extraction_of(text))


@pytest.mark.parametrize(
    "text",
    [
        # What was announced is said, not done: no act of the announcer at a later date.
        "Kestrel Foods announced on Monday that the plant would close in 2027.",
        "Halden Bank declared the merger was dead, in a note to staff.",
    ],
)
def test_declared_speech_is_no_act(extraction_of, text):
    extraction = extraction_of(text)
    assert all(claim.event_type != "other" for claim in extraction.claims), [
        (c.event_type, c.quote) for c in extraction.claims
    ]


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A passive's agent is who acted.
        (
            "The 90-metre trawler was ordered by the Fenland Fisheries Board in May 2023.",
            "Fenland Fisheries Board",
            "2023-05-01",
            "ordered by",
        ),
        (
            "The old bridge was sold by the Harrow Roads Agency in 1998.",
            "Harrow Roads Agency",
            "1998-01-01",
            "sold by",
        ),
        # The agent may be described before its name; a possessive subject yields to it.
        (
            "Tara Quill wrote the memoir in Lisbon. Her memoir was published by the small "
            "Leeds house Brindle Books in April.",
            "Brindle Books",
            "2025-04-01",
            "published by",
        ),
        (
            "Tara Quill wrote a memoir. Her memoir was published by the tiny publisher "
            "Brindle Books in April.",
            "Brindle Books",
            "2025-04-01",
            "published by",
        ),
        # A prefixed verb is a past verb; a post's holder in apposition is the subject.
        (
            "The Lowland Rowing Union fined two clubs last week. Its chair, Maria Oduya, was "
            "re-elected in March 2024.",
            "Maria Oduya",
            "2024-03-01",
            "re-elected",
        ),
        # A long "which" aside, numbers and all, lies between the name and its verb.
        (
            "Corvel Air flies to 40 cities. Corvel, which carries about 2,400,000 passengers a "
            "year between the islands and the coast, bought two jets in 2019.",
            "Corvel Air",
            "2019-01-01",
            "bought two jets",
        ),
    ],
)
def test_passive_agents_and_long_asides(extraction_of, text, name, start, quoted):
    assert _led_by(extraction_of(text), name, start, quoted), _main_actors(extraction_of(text))


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A body named as such ("calling itself", "known as", "called") acts in its name.
        (
            "A criminal gang calling itself Ravenmark claimed the break-in on its website "
            "last week.",
            "Ravenmark",
            "2025-06-09",
            "claimed the break-in",
        ),
        (
            "A hacker group known as Tidewolf leaked the files on Monday.",
            "Tidewolf",
            "2025-06-16",
            "leaked the files",
        ),
        (
            "A small start-up called Quillon moved its office to Leeds in March.",
            "Quillon",
            "2025-03-01",
            "moved its office",
        ),
    ],
)
def test_bodies_named_as_such(extraction_of, text, name, start, quoted):
    assert _led_by(extraction_of(text), name, start, quoted), _main_actors(extraction_of(text))


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A second dated verb of the clause shares the subject the sentence opens with,
        # "The" and all.
        (
            "The Serious Fraud Office opened its inquiry in May and questioned Dana Oyelaran "
            "two weeks ago.",
            "Serious Fraud Office",
            "2025-06-02",
            "questioned Dana Oyelaran",
        ),
        (
            "The Coastal Transit Authority bought six trams in 2021 and charged Voss Rail two "
            "weeks ago.",
            "Coastal Transit Authority",
            "2025-06-02",
            "charged Voss Rail",
        ),
        # A union whose name joins two trades with possessives is one name.
        (
            "The Bakers' and Millers' Union called a strike on June 2.",
            "Bakers' and Millers' Union",
            "2025-06-02",
            "called a strike",
        ),
    ],
)
def test_shared_subjects_and_joined_unions(extraction_of, text, name, start, quoted):
    assert _led_by(extraction_of(text), name, start, quoted), _main_actors(extraction_of(text))


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted", "not_quoted"),
    [
        # A described speaker at the end attributes what happened; it is told before them.
        (
            "The Serious Fraud Office opened its inquiry in May and charged Dana Oyelaran "
            "two weeks ago, her lawyer said.",
            "Serious Fraud Office",
            "2025-06-02",
            "charged Dana Oyelaran",
            "her lawyer said",
        ),
        (
            "Halden Bank closed 40 branches last week, a union official said.",
            "Halden Bank",
            "2025-06-09",
            "closed 40 branches",
            "union official said",
        ),
        (
            "Fenwick Rail cancelled 200 trains on Monday, the regulator told reporters.",
            "Fenwick Rail",
            "2025-06-16",
            "cancelled 200 trains",
            "told reporters",
        ),
    ],
)
def test_attribution_tail_is_no_statement(extraction_of, text, name, start, quoted, not_quoted):
    extraction = extraction_of(text)
    assert _led_by(extraction, name, start, quoted), _main_actors(extraction)
    assert all(not_quoted not in quote for _n, _s, quote in _main_actors(extraction))


# --- "it" stands for the body that was the last clause's subject ----------------------------


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A board, a trust or a ministry is an "it" as much as a company is; a place named
        # after "in" or "at" is where something happened, not what "it" stands for.
        (
            "The Harwell Canal Board, which owns the locks, rebuilt the weir in 1998, when "
            "the old one failed. It closed the towpath in March 2024 after a flood.",
            "Harwell Canal Board",
            "2024-03-01",
            "closed the towpath",
        ),
        (
            "The Orsley Water Board approved the plan at a meeting in Bristol on May 4. "
            "It drained the reservoir in April.",
            "Orsley Water Board",
            "2025-04-01",
            "drained the reservoir",
        ),
        (
            "The Department of Fisheries and Oceans said on Monday that it would close the "
            "bay. It fined three trawler owners last August.",
            "Department of Fisheries and Oceans",
            "2024-08-01",
            "fined three trawler owners",
        ),
        (
            "The Brackley School Trust bought the old mill in 2019. It opened a sixth-form "
            "college there in September 2023.",
            "Brackley School Trust",
            "2023-09-01",
            "opened a sixth-form college",
        ),
        (
            "The Veldon Ministry of Agriculture and Forestry banned the pesticide on April "
            "2. The ministry fined a grower in Tarn on May 9.",
            "Veldon Ministry of Agriculture and Forestry",
            "2025-05-09",
            "fined a grower",
        ),
    ],
)
def test_it_stands_for_the_body_last_a_subject(extraction_of, text, name, start, quoted):
    assert _led_by(extraction_of(text), name, start, quoted), _main_actors(extraction_of(text))


@pytest.mark.parametrize(
    ("text", "common"),
    [
        # "Solar" of "Solar Growers Union" where the text writes "solar panels" is a word.
        (
            "The Solar Growers Union said on Monday that imports of solar panels fell. "
            "Solar Growers Union members met on Tuesday.",
            "Solar",
        ),
        (
            "The Harbour Pilots Guild said on Monday that harbour fees rose in May.",
            "Harbour",
        ),
    ],
)
def test_a_short_form_written_in_lower_case_is_no_alias(extraction_of, text, common):
    aliases = {alias for entry in extraction_of(text).discovered for alias in entry.aliases}
    assert common not in aliases


# --- a dated relative clause is about the name before its comma ------------------------------


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        (
            "Rowan Pike joined the Ashby Trust in February, replacing Gordon Hale, who "
            "retired at the end of 2024.",
            "Gordon Hale",
            "2024-09-01",
            "retired",
        ),
        (
            "The judge heard from Lena Voss on Monday, June 16, 2025, and from Piet Brand, "
            "who sold the farm in May 2019.",
            "Piet Brand",
            "2019-05-01",
            "sold the farm",
        ),
        (
            "The inquiry questioned the Hale Ferry Company on March 3, 2025, and the Orrin "
            "Harbour Board, which closed the slipway in 2021.",
            "Orrin Harbour Board",
            "2021-01-01",
            "closed the slipway",
        ),
    ],
)
def test_a_dated_relative_clause_is_about_the_name_before_it(
    extraction_of, text, name, start, quoted
):
    assert _led_by(extraction_of(text), name, start, quoted), _main_actors(extraction_of(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A body's word in a three-word name keeps it from being taken for a person's,
        # however often the article writes it with "said".
        (
            "The Marine Safety Directorate said on Monday that it had found the fault. "
            "Directorate staff said more.",
            "Marine Safety Directorate",
        ),
        (
            "The Prison Inspectorate said on May 2 that cells were damp. Inspectorate "
            "officers said so again.",
            "Prison Inspectorate",
        ),
        ("The Harwell Canal Trust said on May 2 that the lock had failed.", "Harwell Canal Trust"),
    ],
)
def test_a_bodys_name_is_no_persons(extraction_of, text, name):
    kinds = {entry.name: entry.kind for entry in extraction_of(text).discovered}
    assert kinds.get(name) not in {None, "person"}, kinds


def test_a_place_after_off_is_no_topic_for_it(extraction_of):
    text = (
        "The Tarn Ferry Company bought a ship in 2020. The ship ran aground off Skerry "
        "Point on February 3, 2025. It closed the route on February 4, 2025."
    )
    extraction = extraction_of(text)
    assert not _led_by(extraction, "Skerry Point", "2025-02-04", "closed the route"), _main_actors(
        extraction
    )
    assert _led_by(extraction, "Tarn Ferry Company", "2025-02-04", "closed the route")


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A named thing (a storm, a fire) that led the sentence before is what "it" is.
        (
            "The Orrin Ferry Company ordered a ship in 2020. Storm Hella reached the coast "
            "on March 3, 2025. It tore the roof off the Orrin Pavilion on March 4, 2025.",
            "Storm Hella",
            "2025-03-04",
            "tore the roof off",
        ),
        (
            "The Copper Gulch fire broke out on July 26, 2025. It destroyed 40 homes in "
            "Pine Hollow the next day.",
            "Copper Gulch fire",
            "2025-07-27",
            "destroyed 40 homes",
        ),
        # A body named in the sentence before still wins over a thing it names.
        (
            "The Marl Water Board closed the Storm Hella relief fund on May 2, 2025. It "
            "opened a new fund on May 9, 2025.",
            "Marl Water Board",
            "2025-05-09",
            "opened a new fund",
        ),
    ],
)
def test_it_stands_for_a_named_thing_that_led_the_sentence_before(
    extraction_of, text, name, start, quoted
):
    extraction = extraction_of(text, "2025-09-20")
    assert _led_by(extraction, name, start, quoted), _main_actors(extraction)


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # Names listed in apposition to a plural description are the subject.
        (
            "Two supermarket chains, Freshways and Valemart, cleared the products from "
            "their shelves on Wednesday.",
            "Freshways",
            "2025-06-18",
            "cleared the products",
        ),
        (
            "Three lenders, Arvo Bank and Tessel Credit, froze the accounts on May 2.",
            "Arvo Bank",
            "2025-05-02",
            "froze the accounts",
        ),
    ],
)
def test_names_listed_in_apposition_are_the_subject(extraction_of, text, name, start, quoted):
    assert _led_by(extraction_of(text), name, start, quoted), _main_actors(extraction_of(text))


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A firm's name joined by "&" after a description of it.
        (
            "The boat-builder Carrow & Finch delivered a new eight on June 2.",
            "Carrow & Finch",
            "2025-06-02",
            "delivered a new eight",
        ),
        (
            "The law firm Pell & Haines filed the appeal on May 30.",
            "Pell & Haines",
            "2025-05-30",
            "filed the appeal",
        ),
    ],
)
def test_a_firm_named_with_an_ampersand_after_its_description(
    extraction_of, text, name, start, quoted
):
    assert _led_by(extraction_of(text), name, start, quoted), _main_actors(extraction_of(text))


@pytest.mark.parametrize(
    ("text", "name", "start", "quoted"),
    [
        # A title inside the commas of an apposition is no part of the name or the verb.
        (
            "Rescuers reached the two walkers on Tuesday, June 17, 2025. One of them, "
            "guide Morven Aird, was flown to hospital and discharged the next day.",
            "Morven Aird",
            "2025-06-18",
            "discharged",
        ),
        (
            "The club's new signing, striker Tomas Vela, scored twice on Saturday.",
            "Tomas Vela",
            "2025-06-14",
            "scored twice",
        ),
    ],
)
def test_a_title_inside_an_apposition(extraction_of, text, name, start, quoted):
    assert _led_by(extraction_of(text), name, start, quoted), _main_actors(extraction_of(text))
