"""English things, creatures, families and bodies named in ways the proper-noun reader does
not take for a name, read from the shape of the noun phrase rather than from a list of kinds:

- a thing named by a proper noun and its lower-case head, standing as a clause's subject
  ("The Fenwick weather buoy went silent…", "The Castlehill funicular, which…, reopened…");
- a thing or a creature named after the word for its kind ("The ferry Kestrel ran aground",
  "a carriage horse named Bramble");
- a family by its surname or by one of its members ("the Kessler family", "Chloe's family");
- a body the article names only by its kind and level ("The county planning board approved…",
  "The city's water department replaced…");
- a thing the title names by a proper noun and its head, when the body tells of it by its
  head alone ("Harwick ferry terminal reopens…" and "The terminal opened in 1921.").

Each returns `Recognised` spans of the article; `recogniser.recognise` puts them with the
proper nouns. Plain Python.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from timeline.pipeline.english_names import (
    _BODY_WORDS,
    _COMPANY_WORDS,
    _DEMONYM,
    _INSTITUTION_WORDS,
    _NOT_NAMES,
    _PERSON_GIVEN,
    MEMBER_NOUNS,
    PERSON_TITLES,
)
from timeline.pipeline.past_tense import EN_IRREGULAR
from timeline.pipeline.recognised import Recognised, _words
from timeline.pipeline.wordlists import word_list

# A capitalised word of a name, and a run of them ("Fisher Street", "Kestrel Fell").
_CAP = r"(?:St\.|[A-Z][\w'’&-]*[\w&])"
_CAP_RUN = rf"{_CAP}(?: (?:of |&\s)?{_CAP}){{0,3}}"
# A short opener that ends in a comma at a sentence's start ("On Monday, ", "In 1998, ").
_OPENER = re.compile(r"(?:^|(?<=[.!?\n])\s*)[A-Z][^.!?\n,]{0,28},\s$")


def _opens_clause(text: str, position: int) -> bool:
    """Whether a phrase at `position` stands first in its sentence, or right after a short
    opener: where a clause's subject stands."""
    before = text[max(0, position - 3) : position].rstrip(" \"'“‘(")
    # "HARROWGATE, June 20 — The city council voted…": a dateline's dash ends it too.
    if not before or before[-1] in ".!?\n:;—–" or position == 0:
        return True
    return bool(_OPENER.search(text, max(0, position - 34), position))


# Auxiliaries and adverbs that may stand between a subject and its verb.
_AUXILIARIES = _words("was were is are has had have will would could can may might must did")
_ADVERBS = _words("first also then later finally again briefly last once suddenly still")
# Verbs of speaking, which tell of a statement.
_SPEAKING = _words("said says told announced confirmed")
# Words that never stand in a noun's run: determiners, prepositions, conjunctions, pronouns.
_FUNCTION = _words(
    "a an the of in on at to for from by with and or but as than that which who whose whom "
    "this these those its it their his her our there here be been being not no so just only "
    "even yet now into onto over under after before since until about near off out up down "
    "said says say told tells"
)
# Words a title may open with that are no name's.
_LEADING_WORDS = _words("The A An How Why What When Where Who After Before As In On At For")
# Words for people: a run ending in one is a title or a group, not a thing's name.
_PEOPLE = frozenset(word_list("en_people_nouns.txt")) | MEMBER_NOUNS
_PERSON_NOUNS = _words(
    "man woman boy girl child person teenager baby son daughter father mother brother sister "
    "husband wife widow owner driver pilot farmer player family men women boys girls children "
    "people"
)
# Adjectives of a people written capitalised ("The Dutch group", "The Welsh shearer"): no name.
_PEOPLES = _words(
    "Dutch French Swiss Welsh Greek Thai Czech Scots Irish Danish Polish Spanish Swedish "
    "Finnish Turkish British English Scottish Norwegian German Italian American Canadian "
    "Australian Chinese Japanese Korean Indian Victorian Georgian Edwardian Catholic Anglican "
    "Benedictine Protestant Jewish Muslim Christian Roman Tudor Olympic"
)
# The last word of a body's kind in lower case: the thing named is a body, not an object.
_BODY_HEADS = _words(
    "council committee board association union department office trust society club group "
    "team band government police service authority agency court commission league federation "
    "charity choir orchestra cooperative co-op institute school college"
)
# Kind words that say the name after them is a company's or a body's.
_COMPANY_KINDS = _words(
    "company firm start-up startup maker chain retailer brand shop store restaurant cafe bakery "
    "brewery distillery operator carrier airline bank lender insurer publisher studio label"
)
# A trade's word: "boatbuilder", "clockmaker", "ironmonger".
_TRADE = re.compile(r"(?:maker|makers|builder|builders|smith|monger|dealer|supplier|contractor)$")
_BODY_KINDS = _words("group charity campaign union association club society trust band choir")
# The level of government a body belongs to, written before its kind ("the state Department
# of Roads", "the county planning board").
_LEVELS = _words(
    "city county state federal national regional town district parish borough provincial "
    "municipal local"
)
# Kind words that never introduce a name right after them (a date, a season, a figure).
_NOT_KINDS = _words(
    "year month week day season decade century quarter half term round stage time night "
    "morning evening afternoon weekend"
)


# Months and days, which make a capitalised word a date's rather than a name's.
_DATE_WORDS = _words(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday Christmas Easter"
)


# Writings, plans and proceedings named after a person or a place ("the Brennan report", "the
# Hadley trial"): what someone did, not one who acts.
_WRITINGS = _words(
    "report review study inquiry plan scheme proposal bill act law rule rules ruling deal "
    "agreement budget trial case hearing verdict decision vote strategy policy programme "
    "program project survey investigation probe audit letter statement speech"
)
# Measures and states of something named ("the Nasdaq index fell", "the Kelby house
# prices"): no one who acts.
_MEASURES = _words(
    "index rate rates price prices shares stock stocks sales revenue revenues profit profits "
    "economy output exports imports inflation population turnover figures numbers"
)
# A company's sites, named after the place they are in ("its Arizona site"): the company's.
_FACILITIES = _words(
    "site sites plant plants factory store stores office offices yard facility branch campus "
    "headquarters warehouse outlet"
)
# Plurals of those who run or own something ("the Summer Festival organisers"): people.
_AGENTS = _words("organisers organizers owners operators managers staff crew crews")


class _Read:
    """The spans the name reader read, asked by bisection whether a range touches one or
    lies inside one (a long article holds thousands)."""

    def __init__(self, names: Sequence[Recognised]) -> None:
        spans = sorted((name.char_start, name.char_end) for name in names)
        self._starts = [start for start, _end in spans]
        self._reach: list[int] = []  # the furthest end of the spans up to each one
        for _start, end in spans:
            self._reach.append(max(end, self._reach[-1] if self._reach else end))

    def touches(self, start: int, end: int) -> bool:
        index = bisect_left(self._starts, end) - 1
        return index >= 0 and self._reach[index] > start

    def holds(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and self._reach[index] >= end


def _is_verb(word: str) -> bool:
    return (
        word in _SPEAKING
        or word in _AUXILIARIES
        or word in EN_IRREGULAR
        or (word.endswith("ed") and len(word) > 4)
    )


def _verb_next(text: str, position: int) -> bool:
    """Whether a verb follows `position` at once, maybe after an adverb ("first complained")."""
    after = re.findall(r"[a-z]+|,", text[position : position + 30])[:2]
    return bool(after) and (
        _is_verb(after[0]) or (after[0] in _ADVERBS and len(after) > 1 and _is_verb(after[1]))
    )


def _a_name(words: Sequence[str]) -> bool:
    """Whether capitalised words can be a thing's distinctive part: no date, no people's
    adjective, no possessive ("Chloe's", which the family reader reads)."""
    if not words or re.search(r"['’]s?$", words[-1]):
        return False
    if any(word.rstrip(".") in _DATE_WORDS for word in words):
        return False  # "The Monday meeting", "the March floods"
    return not (len(words) == 1 and (words[0] in _PEOPLES or _DEMONYM.search(words[0])))


# "The Fenwick weather buoy went silent", "The Castlehill funicular, which…, reopened":
# the determiner, the capitalised part, then the lower-case words up to the verb or a comma.
_NAMED_THING = re.compile(
    rf"\b(?:The|the) (?P<name>{_CAP_RUN}) (?P<nouns>[a-z][a-z'’-]*(?: [a-z][a-z'’-]*){{0,3}})",
)
# What may follow a thing's name set off by a comma: a relative clause or an apposition.
_AFTER_COMMA = re.compile(r",\s(?:which|that|who|where|a|an|the|one|now|once|built|opened)\b")


def _named_things(text: str, start: int, end: int) -> list[Recognised]:
    """ "The Fenwick weather buoy went silent…": the capitalised part and the lower-case words
    after it up to the verb (or a relative clause) make the thing's name; its head says
    whether it is a body or a thing, and a head of people, writings or a company's sites
    makes it none."""
    found = []
    for match in _NAMED_THING.finditer(text, start, end):
        if not _opens_clause(text, match.start()):
            continue
        name_words = match.group("name").split(" ")
        if not _a_name(name_words):
            continue
        nouns: list[str] = []
        at = match.start("nouns")
        closed = False
        for word in match.group("nouns").split(" "):
            if _is_verb(word) or word in _ADVERBS:
                closed = bool(nouns)
                break
            if word in _FUNCTION or word.endswith("ly") or re.search(r"['’]s$", word):
                nouns = []  # "The Kelby library's roof": a part of the thing, not its name
                break
            nouns.append(word)
            at += len(word)
            if text[at : at + 1] == ",":
                closed = bool(_AFTER_COMMA.match(text, at))
                break
            if text[at : at + 1] != " ":
                break
            at += 1
        if not closed or not nouns:
            continue
        head = nouns[-1]
        if head in PERSON_TITLES or head in _PEOPLE or head in _PERSON_NOUNS or head in _NOT_KINDS:
            continue  # "The Harlow mayor", "Palmetto Court tenants": people, not a thing
        if head in _WRITINGS or head in _AGENTS or head in _FACILITIES or head in _MEASURES:
            continue  # "The Brennan report", "the Summer Festival organisers"
        name_end = match.start("nouns") + len(" ".join(nouns))
        kind = "organization" if head in _BODY_HEADS else "product"
        found.append(
            Recognised(text[match.start("name") : name_end], match.start("name"), name_end, kind)
        )
    return found


# "The ferry Kestrel ran aground", "the racehorse Ardent Star won": a kind word right before a
# name standing as the subject.
_KIND_THEN_NAME = re.compile(
    rf"\b(?:The|the|A|a|An|an) (?P<kind>[a-z][a-z-]+) (?P<name>{_CAP_RUN})"
    r"(?=,\s(?:which|who|a|an|the)\b| (?:[a-z]+ )?[a-z]+\b)",
)
# "a carriage horse named Bramble", "a tugboat called Sea Wren": a kind word and a name it is
# given, anywhere in a sentence.
_NAMED_AFTER_KIND = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er) (?:[a-z][a-z-]+ ){0,2}"
    rf"(?P<kind>[a-z][a-z-]+),? (?:named|called|nicknamed|known as) (?P<name>{_CAP_RUN})"
)


# "the Dutch auction group Veldkamp", "a local charity, Orbury Hands,": a company's or a
# body's kind word right before its name, anywhere in a sentence.
_TRADE_THEN_NAME = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir) (?:[\w'’-]+ ){0,3}?"
    r"(?P<kind>[a-z][a-z-]+),? "
    rf"(?P<name>{_CAP_RUN})(?![\w'’-]| [A-Z])"
)
# A campaign's or a group's name after the word for it may hold small words ("Save the
# Tollan", "Save Our Steps"): "Environmental group Save the Tollan filed…", "A residents'
# group, Save Our Steps, criticised…".
_GROUP_WORDS = r"group|campaign|charity|coalition|movement|alliance|network|collective"
_GROUP_NAME = re.compile(
    rf"\b(?:{_GROUP_WORDS}),? (?P<name>[A-Z][\w'’-]*(?: (?:the |of |for |a )?[A-Z][\w'’-]*){{1,4}})"
    r"(?=,| [a-z])"
)


def _named_after_their_kind(
    text: str, start: int, end: int, names: Sequence[Recognised]
) -> list[Recognised]:
    """A company's or a body's name written right after the word for its kind, wherever it
    stands ("bought by the Dutch auction group Veldkamp"), and a group's name that holds
    small words ("Save the Tollan"), when the name reader did not read it whole."""
    found = []
    read = _Read(names)
    for pattern in (_TRADE_THEN_NAME, _GROUP_NAME):
        for match in pattern.finditer(text, start, end):
            name = match.group("name")
            words = name.split(" ")
            if not _a_name(words) or words[0] in _NOT_NAMES or words[0] in _LEADING_WORDS:
                continue
            if pattern is _TRADE_THEN_NAME:
                word = match.group("kind")
                if word in _COMPANY_KINDS or _TRADE.search(word):
                    kind = "company"
                elif word in _BODY_KINDS:
                    kind = "organization"
                else:
                    continue
            else:
                kind = "organization"
            if read.holds(match.start("name"), match.end("name")):
                continue  # "the engineering firm Coldstream Partners": read whole already
            found.append(Recognised(name, match.start("name"), match.end("name"), kind))
    return found


def _kind_of(word: str, name: str) -> str | None:
    """The actor kind of a name introduced by the kind word `word`, or None for a person."""
    if word in _PERSON_NOUNS or word in PERSON_TITLES or word in _PEOPLE or word in _NOT_KINDS:
        return None  # "the conductor Aino Rautio": a person, read by the name reader
    if word in _COMPANY_KINDS or _TRADE.search(word) or "&" in name:
        return "company"  # "the boatbuilder Carrow & Finch"
    if word in _BODY_KINDS:
        return "organization"
    return "product"


def _kind_named_things(
    text: str, start: int, end: int, names: Sequence[Recognised]
) -> list[Recognised]:
    """ "The ferry Kestrel ran aground", "a carriage horse named Bramble": a name the word for
    its kind introduces, its kind read from that word (a company's trade, a body's kind, else
    a thing or a creature). People and names the name reader read are left to it."""
    found = []
    read = _Read(names)
    for pattern in (_KIND_THEN_NAME, _NAMED_AFTER_KIND):
        for match in pattern.finditer(text, start, end):
            name = match.group("name")
            words = name.split(" ")
            if not _a_name(words) or words[0] in _NOT_NAMES:
                continue
            if match.group("kind") in _LEVELS or any(
                w in _BODY_WORDS or w in _COMPANY_WORDS or w in _INSTITUTION_WORDS for w in words
            ):
                continue  # "the state Department of Forestry": a body's own name, read whole
            if pattern is _KIND_THEN_NAME:
                if not _opens_clause(text, match.start()):
                    continue
                if text[match.end() : match.end() + 1] != "," and not _verb_next(text, match.end()):
                    continue  # the name's verb right after it, or a comma
            if read.touches(match.start("name"), match.end("name")):
                continue  # "a prospector named Walt Embry": the name reader read it
            kind = _kind_of(match.group("kind"), name)
            if kind is None or (len(words) >= 2 and words[0] in _PERSON_GIVEN):
                continue
            found.append(Recognised(name, match.start("name"), match.end("name"), kind))
    return found


# "the Kessler family", "Chloe's family": a family by its surname or by one of its own.
_FAMILY = re.compile(
    rf"(?:\b[Tt]he (?P<surname>{_CAP}(?:-{_CAP})?) family\b)"
    rf"|(?<![\w'’])(?P<member>{_CAP})['’]s family\b"
)


def _families(text: str, start: int, end: int, names: Sequence[Recognised]) -> list[Recognised]:
    """A family where it acts: standing first in its clause or right before its verb ("The
    Kessler family sued…", "…, the Whitcombe family said"), not where it is only a party
    ("bought the mill from the Harker family"). "Chloe's family" speaks for Chloe, named in
    the article, as "lawyers for Ana Ruiz" act for her: the person is the actor."""
    if text.find(" family", start, end) < 0:
        return []
    people = {
        word: name for name in names if name.kind == "person" for word in name.text.split(" ")
    }
    found = []
    for match in _FAMILY.finditer(text, start, end):
        part = match.group("surname") or match.group("member")
        if part in _NOT_NAMES or part in _PEOPLES:
            continue
        acts = _verb_next(text, match.end())
        begin = match.start("surname") if match.group("surname") else match.start("member")
        if not (acts or _opens_clause(text, match.start())):
            continue
        if match.group("member") and part in people:
            found.append(Recognised(part, begin, begin + len(part), "person"))
            continue
        found.append(Recognised(text[begin : match.end()], begin, match.end(), "organization"))
    return found


# A body named by its kind in lower case, with what narrows it ("The city council voted…",
# "The county planning board approved…", "The city's water department replaced…", "The
# drivers' association said…", "The state attorney general's office said…").
_BODY_KIND_HEADS = (
    "council|committee|board|department|office|association|union|authority|agency|commission"
    "|government|police|service|trust|society|tribunal|ministry|inspectorate|regulator|coastguard"
)
_UNNAMED_BODY = re.compile(
    r"\b(?:The|the) (?P<body>(?:[a-z]+(?:['’]s|s['’]) |[a-z]+ ){1,3}"
    rf"(?:{_BODY_KIND_HEADS}))\b"
)


def _unnamed_bodies(
    text: str, start: int, end: int, names: Sequence[Recognised]
) -> list[Recognised]:
    """A body the article names only by its kind and what narrows it, standing as a clause's
    subject with its verb after it. A head that a name read already holds ("the council"
    after "Dunmore Borough Council") refers to that name, and is left to the referents."""
    bodies = [
        frozenset(name.text.lower().split(" "))
        for name in names
        if name.kind not in {"person", "product", "model"}
    ]
    named = frozenset().union(*bodies)
    found = []
    for match in _UNNAMED_BODY.finditer(text, start, end):
        if not _opens_clause(text, match.start()):
            continue
        words = match.group("body").split(" ")
        if any(w in _FUNCTION or _is_verb(w) for w in words):
            continue
        owners = [re.sub(r"['’]s?$", "", w) for w in words if re.search(r"['’]s?$", w)]
        if any(owner in named for owner in owners):
            continue  # "the trust's board": part of a body named already
        narrowing = {w for w in words[:-1] if w not in _LEVELS and not re.search(r"['’]s?$", w)}
        if any(words[-1] in body and narrowing <= body for body in bodies):
            # "the council", "the county council" after "Dunmore County Council": the one
            # named; "the city's water department" after "… Public Works Department" is not.
            continue
        if not _verb_next(text, match.end("body")):
            continue  # "The city council's leader", "the park authority, the…": no verb next
        body_start, body_end = match.start("body"), match.end("body")
        found.append(Recognised(match.group("body"), body_start, body_end, "organization"))
        if len(words) >= 3 and (words[0] in _LEVELS or re.search(r"['’]s?$", words[0])):
            # "the city's licensing committee" is also "the licensing committee": its level or
            # its owner may go unwritten.
            short_start = body_start + len(words[0]) + 1
            found.append(
                Recognised(text[short_start:body_end], short_start, body_end, "organization")
            )
    return found


# A title's proper noun and the lower-case words after it ("Saltcombe pier falls into the
# sea", "Kestrel Fell ski jump shut after cracks").
_TITLE_THING = re.compile(
    rf"(?<![\w'’-])(?P<name>{_CAP_RUN}) (?P<nouns>[a-z][a-z-]*(?: [a-z][a-z-]*){{0,2}})"
)


def _title_things(text: str, title: str, names: Sequence[Recognised]) -> list[Recognised]:
    """A thing the title names by a proper noun and its head, which the article's body then
    tells of by its head alone as a clause's subject ("Harwick ferry terminal reopens" and
    "The terminal opened in 1921."): the thing, read at the title. A head that a name read
    already holds refers to that name."""
    at = text.find(title) if title else -1
    if at < 0:
        return []
    named = {word for name in names for word in name.text.lower().split(" ")}
    body_text = text[at + len(title) :]
    found = []
    for match in _TITLE_THING.finditer(title):
        words = match.group("name").split(" ")
        if match.start() == 0 and len(words) == 1 and words[0] in _LEADING_WORDS:
            continue
        if not _a_name(words):
            continue
        acting = re.finditer(rf"\b{re.escape(match.group('name'))} ", body_text)
        if any(_verb_next(body_text, found_at.end()) for found_at in acting):
            continue  # "Rovena United reach cup final" and "Rovena United beat…": a name
            # that acts on its own, the title's words after it what it does
        nouns: list[str] = []
        for word in match.group("nouns").split(" "):
            if word in _FUNCTION or _is_verb(word):
                break
            nouns.append(word)
            head = word
            if head in named or head in _WRITINGS or head in _FACILITIES or head in _PEOPLE:
                continue
            if head in _MEASURES:
                continue
            if head in PERSON_TITLES or head in _PERSON_NOUNS:
                continue
            told = re.search(rf"(?:^|(?<=[.!?—]\s)|(?<=\n))The {head}\b", body_text)
            if told and _verb_next(text, at + len(title) + told.end()):
                begin = at + match.start("name")
                end = begin + len(match.group("name")) + 1 + len(" ".join(nouns))
                kind = "organization" if head in _BODY_HEADS else "product"
                found.append(Recognised(text[begin:end], begin, end, kind))
                break
    return found


def english_things(
    text: str,
    spans: Iterable[tuple[int, int]],
    names: Sequence[Recognised] = (),
    title: str = "",
) -> list[Recognised]:
    """Things, creatures and families named in the given stretches of an English text, in text
    order (see the module's docstring); `names` are the proper nouns read already, `title`
    the article's title."""
    found: list[Recognised] = _title_things(text, title, names)
    for start, end in spans:
        found.extend(_named_things(text, start, end))
        found.extend(_kind_named_things(text, start, end, names))
        found.extend(_families(text, start, end, names))
        found.extend(_named_after_their_kind(text, start, end, names))
        found.extend(_unnamed_bodies(text, start, end, names))
    # Two readers may read one name ("group, Save Our Steps,"): once is enough.
    unique = {(name.char_start, name.char_end): name for name in found}
    return sorted(unique.values(), key=lambda name: name.char_start)
