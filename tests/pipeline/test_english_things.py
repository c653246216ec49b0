"""English things, creatures, families and bodies named in lower case read as the actors of
their clauses, with no gazetteer: a proper noun and its lower-case head ("the Fenwick weather
buoy"), a kind word before a name ("the ferry Kestrel", "a tugboat named Sea Wren"), a family
("the Kessler family", "Sophie's family"), a body named by its kind and what narrows it ("the
county planning board"), a thing the title names, a name with a saint's title ("St. Brennock
Harbour Board", "St Oswin's Priory") or a people's adjective ("British Cycling Federation");
and the titles, writings, nationalities, dates, parties and plans that must give no such
actor. The sentences are written for these tests."""

import pytest

from timeline.pipeline.actors import ActorMatcher
from timeline.pipeline.english_things import english_things
from timeline.pipeline.extract import extract_article
from timeline.pipeline.reading import read_article

PUBLISHED = "2025-03-15"

# (text, the claim's main actor, its start date, a fragment of its quote)
TOLD = [
    # A proper noun and its lower-case head, standing as the clause's subject.
    (
        "The Fenwick weather buoy went silent on Jan. 4.",
        "Fenwick weather buoy",
        "2025-01-04",
        "silent",
    ),
    (
        "The Halvorsen clock tower stopped on Nov. 3, 2024.",
        "Halvorsen clock tower",
        "2024-11-03",
        "stopped",
    ),
    (
        "The Ostrey signal box burned down on Saturday night.",
        "Ostrey signal box",
        "2025-03-15",
        "burned down",
    ),
    (
        "The Pennard sea wall gave way during a storm on Oct. 12.",
        "Pennard sea wall",
        "2024-10-12",
        "gave way",
    ),
    (
        "In 2019, the Farrow Hill water mill was restored by volunteers.",
        "Farrow Hill water mill",
        "2019-01-01",
        "restored",
    ),
    (
        "The Easterly town clock was stolen in 1987.",
        "Easterly town clock",
        "1987-01-01",
        "stolen",
    ),
    (
        "The Lyle Street car park collapsed on Wednesday.",
        "Lyle Street car park",
        "2025-03-12",
        "collapsed",
    ),
    (
        "The Tennant Street bakery closed in 2019.",
        "Tennant Street bakery",
        "2019-01-01",
        "closed",
    ),
    (
        "The Merrin Valley dairy cooperative cut its milk price on Tuesday.",
        "Merrin Valley dairy cooperative",
        "2025-03-11",
        "cut",
    ),
    # Set off by a relative clause before its verb.
    (
        "The Corbett cable car, which links the pier to the cliff top, reopened on Friday.",
        "Corbett cable car",
        "2025-03-14",
        "The Corbett cable car",
    ),
    # Under a dateline.
    (
        "KELBY, March 14 — The Kelby sea pool reopened on Thursday.",
        "Kelby sea pool",
        "2025-03-13",
        "reopened",
    ),
    # A kind word before a name: a vessel, an animal, an engine.
    (
        "The ferry Kestrel ran aground off Brine Point last Saturday.",
        "Kestrel",
        "2025-03-08",
        "ran aground",
    ),
    (
        "The yacht Silver Tern capsized off the headland on Aug. 3.",
        "Silver Tern",
        "2024-08-03",
        "capsized",
    ),
    (
        "The racehorse Ardent Star collapsed after the race on Saturday.",
        "Ardent Star",
        "2025-03-15",
        "collapsed",
    ),
    (
        "A tugboat named Sea Wren sank off the pier on May 2.",
        "Sea Wren",
        "2024-05-02",
        "sank",
    ),
    (
        "A tortoise called Humphrey escaped from the zoo on Monday.",
        "Humphrey",
        "2025-03-10",
        "escaped",
    ),
    # A family where it acts.
    (
        "The Kessler family sued the school district on Wednesday.",
        "Kessler family",
        "2025-03-12",
        "sued",
    ),
    (
        "On Friday, the Ambler family said they would sue the council.",
        "Ambler family",
        "2025-03-14",
        "said",
    ),
    (
        "The Okafor family, who run the farm, sold 40 cows in March.",
        "Okafor family",
        "2025-03-01",
        "sold",
    ),
    ("Marta's family reported her missing on Sunday.", "Marta's family", "2025-03-09", "reported"),
    # One of the family named in the article: the family speaks for that person.
    (
        "Nadia Brook, 12, won the county final on March 1. Nadia's family said on Thursday "
        "that she would appeal.",
        "Nadia Brook",
        "2025-03-13",
        "family said",
    ),
    # A body named by its kind and what narrows it, no name of it written.
    (
        "The city council voted on Tuesday to close the pool.",
        "city council",
        "2025-03-11",
        "voted",
    ),
    (
        "The county planning board approved the permit last week.",
        "county planning board",
        "2025-03-03",
        "approved",
    ),
    (
        "The city's water department replaced the main in April.",
        "city's water department",
        "2024-04-01",
        "replaced",
    ),
    (
        "The drivers' association said on Wednesday it would appeal.",
        "drivers' association",
        "2025-03-12",
        "said",
    ),
    (
        "The state attorney general's office said on Monday that it would defend the law.",
        "state attorney general's office",
        "2025-03-10",
        "said",
    ),
    (
        "On Friday, the regional health board suspended the surgeon.",
        "regional health board",
        "2025-03-14",
        "suspended",
    ),
    (
        "The federal government granted the town $2 million in 2023.",
        "federal government",
        "2023-01-01",
        "granted",
    ),
    # A body named in full is what "the council" refers to, not a new one.
    (
        "Dunmore Borough Council met in May. The council voted on Tuesday to close the pool.",
        "Dunmore Borough Council",
        "2025-03-11",
        "voted",
    ),
    # A thing whose name a body's name starts with is not that body.
    (
        "A section of Dunholm pier fell into the sea on Tuesday. Its owner, the Dunholm Pier "
        "Trust, said on Wednesday it would rebuild. The pier opened in 1889.",
        "Dunholm pier",
        "1889-01-01",
        "The pier opened",
    ),
    # A group's name after the word for it, small words and all.
    (
        "Protest group Stop the Quarry filed a complaint on Monday.",
        "Stop the Quarry",
        "2025-03-10",
        "filed",
    ),
    (
        "A residents' group, Save Our Meadow, wrote to the council on Friday.",
        "Save Our Meadow",
        "2025-03-14",
        "wrote",
    ),
    # A saint's title and its possessive are the name's own.
    (
        "The St. Brennock Harbour Board approved the dredging on Monday.",
        "St. Brennock Harbour Board",
        "2025-03-10",
        "approved",
    ),
    (
        "The Benedictine community of St Oswin's Priory reopened its library on Wednesday.",
        "St Oswin's Priory",
        "2025-03-12",
        "reopened",
    ),
    ("St Ebba's reopened on Sunday after repairs.", "St Ebba's", "2025-03-09", "reopened"),
    # A body narrowed by a word the named one lacks is another body; one narrowed only by its
    # level is the named one.
    (
        "The Harwick Public Works Department patched the road in March. The city's water "
        "department replaced the main in April.",
        "city's water department",
        "2024-04-01",
        "replaced",
    ),
    (
        "Dunmore County Council met in May. The county council voted on Tuesday to close the pool.",
        "Dunmore County Council",
        "2025-03-11",
        "voted",
    ),
    # A people's adjective opening a body's or a company's name is the name's own.
    (
        "The British Cycling Federation banned the rider on Monday.",
        "British Cycling Federation",
        "2025-03-10",
        "banned",
    ),
    ("Korean Air ordered 20 jets on Tuesday.", "Korean Air", "2025-03-11", "ordered"),
    (
        "German Chancellor Olaf Scholz visited the plant on Monday.",
        "Olaf Scholz",
        "2025-03-10",
        "visited",
    ),
    # A body's own name after a level word is read whole.
    (
        "The state Department of Roads said on Monday that the bridge was safe.",
        "Department of Roads",
        "2025-03-10",
        "said",
    ),
]


@pytest.mark.parametrize(("text", "actor", "start", "fragment"), TOLD)
def test_a_thing_a_family_or_a_body_named_in_lower_case_is_the_one_told_of(
    main_actors, text, actor, start, fragment
):
    claims = [claim for claim in main_actors(text, PUBLISHED) if fragment in claim[2]]
    assert claims, main_actors(text, PUBLISHED)
    assert claims[0][:2] == (actor, start)


# (text, a name that must not be an actor of any claim)
NOT_ACTORS = [
    # A title, people, a nationality, a date, a writing or a proceeding: no thing's name.
    ("The Dunmore mayor, Alan Price, resigned on Monday.", "Dunmore mayor"),
    ("The Swedish battery maker opened a plant in May.", "Swedish battery maker"),
    ("The Welsh shearer won the title on Saturday.", "Welsh shearer"),
    ("The Monday meeting was cancelled on March 3.", "Monday meeting"),
    ("The Brennan report was published on Monday.", "Brennan report"),
    ("The Hadley trial began on Monday.", "Hadley trial"),
    ("The Norwich plan was approved last year.", "Norwich plan"),
    ("The Summer Festival organisers cancelled the event on Friday.", "Summer Festival organisers"),
    ("Tarn Foods said its Ohio plant closed on Monday.", "Ohio plant"),
    ("The Nasdaq index fell 2% on Monday.", "Nasdaq index"),
    # A family that is only a party of another's happening.
    ("Harbour Vets bought the practice from the Penhale family in 2018.", "Penhale family"),
    # A person after a kind word, read by the name reader as a person.
    ("A prospector named Walt Embry left the town in 1979.", "Walt Embry product"),
    # A body's people, or a body named before.
    ("The city council's leader, Ann Reyes, resigned on Monday.", "city council's leader"),
    ("Kelby Rowing Trust was set up in 1990. The trust's board met on Monday.", "trust's board"),
]


@pytest.mark.parametrize(("text", "name"), NOT_ACTORS)
def test_titles_writings_dates_parties_and_named_bodies_give_no_such_actor(
    extraction_of, text, name
):
    extraction = extraction_of(text, PUBLISHED)
    shown = {f"{entry.name} {entry.kind}" for entry in extraction.discovered}
    shown |= {entry.name for entry in extraction.discovered}
    assert name not in shown


# Plans, states and durations still give nothing, whatever names the subject.
NOTHING = [
    "The Kelby library will reopen next year.",
    "The Orkney ferry service has run for 40 years.",
    "The parish council will meet on Tuesday.",
    "The Harlow board raises fees for sports trips.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_a_plan_a_state_or_a_duration_gives_nothing(main_actors, text):
    assert main_actors(text, PUBLISHED) == []


# (text, the spans read: (text, kind))
READ = [
    (
        "The Fenwick weather buoy went silent on Jan. 4.",
        [("Fenwick weather buoy", "product")],
    ),
    (
        "The Harbour Road residents' association complained on Monday.",
        [("Harbour Road residents' association", "organization")],
    ),
    (
        "The boatbuilder Carrow & Finch delivered a new eight on June 20.",
        [("Carrow & Finch", "company")],
    ),
    (
        "The city's licensing committee backed it in April.",
        [("city's licensing committee", "organization"), ("licensing committee", "organization")],
    ),
    # A company's or a body's name after its kind word, wherever it stands.
    (
        "The Brenna Hotel was bought by the Swiss hotel group Alpenrose in 2021.",
        [("Alpenrose", "organization")],
    ),
    ("In 2020 the bakery was sold to the regional chain Crumbly.", [("Crumbly", "company")]),
    ("Shares in the firm fell on Tuesday.", []),
    # Not as a subject, or with no verb of its own next: nothing.
    ("Fines rose at the Kelby wool auction on Monday.", []),
    ("The Kelby library's roof leaked.", []),
    ("The teachers' union, the Marlow Education Association, agreed a deal.", []),
]


@pytest.mark.parametrize(("text", "expected"), READ)
def test_what_is_read_as_a_thing_or_a_body(text, expected):
    assert [(r.text, r.kind) for r in english_things(text, [(0, len(text))])] == expected


# (title, body, the claim's main actor, its start date, a fragment of its quote)
TITLED = [
    (
        "Harwick ferry terminal reopens after storm repairs",
        "Crews worked through the winter. The terminal opened in 1921.",
        "Harwick ferry terminal",
        "1921-01-01",
        "The terminal opened",
    ),
    (
        "Pelling signal box saved by rail volunteers",
        "The box was built in 1894. The box closed in 1987.",
        "Pelling signal box",
        "1987-01-01",
        "The box closed",
    ),
    (
        "Ashgrove water tower to be demolished",
        "The tower was condemned on Monday.",
        "Ashgrove water tower",
        "2025-03-10",
        "condemned",
    ),
    # The head is a named body's: the body, not a new thing.
    (
        "Orbury trust buys the old mill",
        "The Orbury Heritage Trust bought the mill on Monday. The trust said on Tuesday it "
        "would reopen it.",
        "Orbury Heritage Trust",
        "2025-03-11",
        "The trust said",
    ),
]


@pytest.mark.parametrize(("title", "body", "actor", "start", "fragment"), TITLED)
def test_a_thing_the_title_names_is_what_its_head_tells_of(
    tmp_path, title, body, actor, start, fragment
):
    path = tmp_path / "article.md"
    path.write_text(f"---\ntitle: {title}\npublished: {PUBLISHED}\n---\n{body}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=ActorMatcher([]))
    names = {entry.slug: entry.name for entry in extraction.discovered}
    claims = [
        (names.get(claim.actors[0][0]), str(claim.date.start))
        for claim in extraction.claims
        if fragment in claim.quote and claim.actors and claim.date
    ]
    assert claims and claims[0] == (actor, start), claims


# (title, body, a name that must not be an actor): a name that acts on its own in the body,
# the title's words after it what it does.
TITLED_NOT = [
    (
        "Kelby Rovers reach cup final after late goal",
        "Kelby Rovers beat Ashfield Town 2-1 on Saturday. The final was moved to May 16 on Monday.",
        "Kelby Rovers reach cup final",
    ),
]


@pytest.mark.parametrize(("title", "body", "name"), TITLED_NOT)
def test_a_title_s_name_that_acts_is_no_thing(tmp_path, title, body, name):
    path = tmp_path / "article.md"
    path.write_text(f"---\ntitle: {title}\npublished: {PUBLISHED}\n---\n{body}\n", encoding="utf-8")
    extraction = extract_article(read_article(path), matcher=ActorMatcher([]))
    assert name not in {entry.name for entry in extraction.discovered}
