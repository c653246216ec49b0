"""The English name readers: capitalised runs read as proper nouns (`proper_noun_names`), the
kind of each told from its words and surroundings (`_english_kind`), people of a kind
acting together, named by their plural (`english_groups`), and the datelines whose place
is no actor. No model is read for English. Each returns `Recognised` spans of the article;
`recogniser.recognise` puts them together.

Plain Python.
"""

import re
from collections.abc import Iterable, Sequence

from timeline.pipeline.recognised import (
    Recognised,
    count_of,
    word_set,
)
from timeline.pipeline.wordlists import word_list

# A plural possessive inside a name counts as its word: "Danish Seafarers' Union".
_CAPITALISED = re.compile(
    r"(?<![\w.'’-])(?:[A-Z][\w&'’.-]*(?:s['’](?= [A-Z])|[\w&])|[A-Z])"
    r"(?:(?: (?:of(?: the)?|&|for|de|del|della|di|da|dos|das|du|la|le|von|van|der|den)(?= [A-Z]))?"
    r" [A-Z][\w&'’.-]*"
    r"(?:s['’](?= [A-Z])|[\w&])|"
    r" [A-Z](?![\w]))*"
)
# Lower-case words inside a name, never its last ("Bank of America", "Banco del Sol").
_NAME_PARTICLES = word_set("of the & for de del della di da dos das du la le von van der den")
COMPANY_WORDS = word_set(
    "Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. Limited LLC PLC plc AG SA NV "
    "Group Holdings Holding Bank Bancorp Savings Financial Airlines Airline Airways Air "
    "Motors Motor Automotive Auto Semiconductor Semiconductors Technologies Technology Tech "
    "Systems Energy Power Pharmaceuticals Pharma Therapeutics Biotech Bio Biosciences Foods "
    "Food Brewing Brewery Breweries Media Entertainment Studios Pictures Networks Network "
    "Telecom Communications Mobile Shipping Lines Logistics Robotics Electronics Solar "
    "Software Labs Lab AI Games Insurance Securities Hotels Hotel Resorts Cinemas Cinema "
    "Retail Stores Mart Markets Steel Mining Metals Chemicals Chemical Industries Industrial "
    "Manufacturing Devices Instruments Materials Packaging Motors Cars Rail Railways Express "
    "Cloud Health Healthcare Medical Capital Ventures Partners Investments Fund Apparel Fashion "
    "Cosmetics Beauty Farms Farm Dairy Apparel Streaming Sports Textiles Petroleum Oil Gas "
    "Utilities Electric Airports Ports Properties Realty Construction Engineering Aerospace"
)
_INVESTOR_WORDS = word_set("Capital Ventures Partners Investments Fund")
_LAB_WORDS = word_set("Labs Lab Laboratory Laboratories Institute")
BODY_WORDS = word_set(
    "Commission Ministry Administration Agency Department Authority Court Bureau Council "
    "Exchange Reserve Regulator University College Association Federation Union Parliament "
    "Congress Senate Office Board Committee Service Organization Organisation Police "
    "Government Tribunal Nasdaq NYSE Treasury Cabinet Assembly League Society Foundation "
    "Alliance Guild Confederation Directorate Inspectorate Secretariat Ombudsman Watchdog "
    "Institute Coastguard Observatory Trust"
)
# The last words of a union's name, which may hold an "and" ("Transport and General
# Workers' Alliance").
_UNION_WORDS = word_set("Union Alliance Guild Federation Association Confederation")
# The last words of a government agency's name, which may hold an "and".
_AGENCY_WORDS = word_set(
    "Commission Administration Agency Authority Bureau Ministry Department Office Service"
)
_TITLE_BEFORE = re.compile(
    r"(?:chief executive|chief (?:\w+ )?officer|ceo|cto|cfo|coo|founder|co-founder|chairman|"
    r"chairwoman|chair|president|vice president|director|head|analyst|minister|secretary|"
    r"spokesman|spokeswoman|spokesperson|executive|manager|partner|governor|mayor|senator|"
    r"commissioner|economist|professor|researcher|engineer|scientist|investor|coach|"
    r"general manager|mr\.?|ms\.?|mrs\.?|dr\.?)\s*,?\s*$",
    re.IGNORECASE,
)
# Titles and occupations written before a person's name, kept as data.
PERSON_TITLES = word_list("en_person_titles.txt")
_OCCUPATION_BEFORE = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(title) for title in sorted(PERSON_TITLES, key=len, reverse=True))
    + r")[ ]?,?[ ]?$",
    re.IGNORECASE,
)
# Words that make a name an institution's, wherever they stand in it ("Club Deportivo
# Salinas", "Kingsmere Athletic", "Varna Philharmonic"): never a person's name. Read like a
# company's (its pronoun is "it").
INSTITUTION_WORDS = word_set(
    "Club FC AFC CF SC United Athletic Rovers Wanderers Albion Hotspur Philharmonic "
    "Philharmonia Orchestra Symphony Sinfonia Ensemble Choir Museum Gallery Theatre Theater "
    "Opera Ballet Hospital Clinic Infirmary School Academy Church Cathedral Party Festival "
    "Metro Railway Zoo Library Stadium Arena"
)
# The people of an organisation or a person's side, written before its name ("Researchers
# at the Halden Institute", "Fans of Brixham Rovers", "Lawyers for Ana Ruiz"): no part of it.
MEMBER_NOUNS = word_set(
    "researchers scientists engineers workers staff employees officials doctors nurses "
    "teachers lawyers investigators inspectors members astronomers experts analysts "
    "economists volunteers students fans supporters shareholders residents drivers pilots "
    "crews miners dockers guards cleaners porters controllers firefighters"
)
_GIVEN_A_POST = re.compile(r"\b(?:named|appointed|hired|promoted|tapped|elected|made)\s+$")
_POST_AFTER = re.compile(
    r"\s+(?:as\s+)?(?:its\s+|the\s+|their\s+)?(?:new\s+|next\s+|interim\s+|acting\s+)?"
    r"(?:[a-z]+\s+)?(?:chief|ceo|cfo|cto|chair|president|director|head|manager|coach|editor"
    r"|captain|conductor|principal|governor|secretary|minister|treasurer|partner)"
)
# A person's name: two or three capitalised words, a surname maybe double ("Delgado-Finch").
# Letters with diacritics count ("Ilić", "Nuñez", "Søren"): news names many foreigners.
PERSON_WORD = re.compile(
    r"[A-Z\u00c0-\u00de][a-z\u00df-\u024f'’]+(?:-[A-Z\u00c0-\u00de]?[a-z\u00df-\u024f'’]+)*"
)
_SAID_AFTER = re.compile(
    r"^(?:'s?|’s?)?\s*(?:,\s*(?:the|a|an|who|its|his|her)\b|said|says|told|added|wrote|"
    r"noted|explained|announced|stepped|resigned|joined|became|was named|will|had|has)",
)
_LEADING = word_set(
    "The A An In On At For Of And But Or This That These Those We Our It Its He She They His "
    "Her As By With From To If When While After Before Since Until Last Next Shares Share "
    "Analysts Investors According Earlier Later Then Now Today Yesterday Meanwhile However "
    "Also Both Under Over Despite Through During Following Between Among Some Many Most All "
    "Each Every Its Their There Here Why How What Who Where Such Other Another One Two Three "
    "Four Five First Second Third Chief Executive Officer Founder Chairman Chairwoman "
    "President Director Minister Mr Mr. Ms Ms. Mrs Mrs. Dr Dr. CEO CFO CTO COO Co-founder "
    "Vice General Senior Former Acting Interim New Rival Fellow Chinese American European "
    "Japanese Korean British German French Indian "
    "Spokesperson Spokesman Spokeswoman Analyst Head Managing Partner Its Said Says"
)
NOT_NAMES = word_set(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday I I'm AI CEO CFO CTO COO IPO EV EVs GPU GPUs API US U.S. UK "
    "U.K. EU UN China Beijing Shanghai Shenzhen Hangzhou Guangzhou Hong Kong Taiwan Taipei "
    "Japan Tokyo Korea Seoul Singapore India Europe Asia Africa America Americas Germany "
    "France Britain England London Paris Berlin Canada Mexico Brazil Australia Russia "
    "Ukraine Israel Texas California Arizona Nevada Ohio Michigan Florida Washington "
    "Oregon Virginia Georgia Carolina Illinois Chicago Boston Seattle Austin Phoenix Denver "
    "Dallas Houston Atlanta Miami Detroit Vietnam Thailand Indonesia Malaysia Philippines "
    "Netherlands Sweden Norway Denmark Finland Spain Italy Poland Switzerland Austria "
    "Ireland Scotland Dubai Qatar Saudi Arabia Turkey Egypt Nigeria Kenya Chile Peru "
    "Argentina Colombia Wall Street Silicon Valley Street Avenue Road Chinese American "
    "European Japanese Korean British German French Indian Reuters Bloomberg Xinhua CNBC "
    "Q1 Q2 Q3 Q4 H1 H2 FY Mr Ms Mrs Dr Inc Corp Co Ltd LLC Group Bank Holdings Company "
    "Update Breaking Related Read More Photo Source Advertisement Editor Editing Reporting "
    "Copyright Subscribe Newsletter Click Share Tweet Email Print Comments Yes No OK Okay "
    "Christmas Easter Ramadan Olympics Covid COVID Covid-19 COVID-19 Mandarin English "
    "Nasdaq-listed New York York Jersey Zealand Los Angeles San Francisco Diego Jose "
    "Munich Frankfurt Amsterdam Stockholm Madrid Rome Milan Zurich Geneva Brussels Moscow "
    "Mumbai Delhi Bangalore Bengaluru Jakarta Bangkok Hanoi Manila Sydney Melbourne Toronto "
    "Vancouver Montreal Osaka Kyoto Busan Macau Wuhan Chengdu Chongqing Tianjin Nanjing "
    "Suzhou Xi'an Hefei Changsha Qingdao Xiamen Dalian Shenyang Harbin Kaohsiung Taichung "
    "Tainan Hsinchu Mainland Midwest North South East West Northern Southern Eastern Western "
    "Pacific Atlantic Gulf Middle Central"
)
COMMON_SINGLE = word_set(
    "The This That These Those It Its We Our They Their He She His Her A An In On At For Of "
    "And But Or As By With From To If When While After Before Since Until Shares Revenue "
    "Sales Profit Net Analysts Investors Officials Executives Customers Users Prices Demand "
    "Production Construction Deliveries Orders Earnings Results Growth Losses Operating "
    "Annual Quarterly Full Half Total Third Fourth Second First Last Next Early Late Mid "
    "Later Earlier Meanwhile However Still Even Yet Also Both Such Only Just Some Many Most "
    "Several Few Other Another Each Every Any No Not All More Less Much Lower Higher New Old "
    "Big Small Large Major Minor Key Top Chief Senior Junior Former Current Interim Acting"
)
_PERSON_GIVEN = word_set(
    "James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel "
    "Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George "
    "Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry "
    "Justin Scott Brandon Benjamin Samuel Gregory Frank Alexander Raymond Patrick Jack Dennis "
    "Jerry Tyler Aaron Jose Adam Henry Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy "
    "Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse "
    "Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph "
    "Randy Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Mary Patricia Jennifer "
    "Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley "
    "Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca "
    "Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma "
    "Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather "
    "Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith "
    "Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara "
    "Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly "
    "Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla "
    "Elena Dana Tom Tim Jim Bill Bob Mike Dan Ben Sam Max Alex Chris Pat Kim Lee Elon Sundar "
    "Satya Jensen Tim Lisa Marc Sam Masayoshi Jack Pony Robin Lei Jensen Hans Klaus Pierre "
    "Jean Luc Carlos Luis Ana Sofia Lucia Marco Giovanni Yuki Hiroshi Takeshi Kenji Akira "
    "Priya Raj Rahul Amit Anil Sunil Vijay Arjun Omar Ahmed Ali Fatima Aisha Mohammed "
    "Grant Owen Nora Leah Claire Ivy Iris Mei Ming Wei Li Jun Hui Yan Ying Ling Xin Hao "
    "Dave Steve Jeff Tony Doug Ken Rob Andy Greg Nick Matt Tom Pete Rick Ron Don Jon Ted Phil "
    "Kelly Jamie Morgan Taylor Casey Jenny Katie Liz Beth Meg Sue Jane Kate Lucy Amy Zoe "
    "Satoshi Masahiro Hiroki Shinji Takashi Yoshi Jae Min Ji Hyun Sung Young Ravi Sanjay"
)


def _thing_kinds() -> re.Pattern[str]:
    phrases = [line.split("\t")[0].strip() for line in word_list("en_thing_kinds.tsv")]
    # "the Kestrel 9 research vessel", "the Kelby II mine": a number may stand between.
    return re.compile(
        r" (?:(\d{1,3}|[IVX]{1,4}) )?("
        + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        + r")\b"
    )


# A kind noun in lower case right after a name (`vocabulary/en_thing_kinds.tsv`).
_THING_KIND = _thing_kinds()
_BODY_KINDS = (
    "government",
    "council",
    "police",
    "fire service",
    "fire brigade",
    "coastguard",
    "health board",
    "school board",
    "water board",
    "port authority",
)
# A public body's kind in lower case after a place's name or a people's adjective: "the
# Scottish government", "Dunmore city council", "Harwick police" name a body.
_BODY_KIND = re.compile(
    r" ((?:(?:city|county|town|district|parish|borough|regional|state|federal|provincial"
    r"|municipal|local) )?(?:government|council|police|fire service|fire brigade|coastguard"
    r"|health board|school board|water board|port authority))\b(?![ -](?:'s|’s|[a-z]+ed\b)?[A-Z])"
)


# Plurals of people who act together with no body named for them (en_people_nouns.txt).
_EN_PEOPLE = word_list("en_people_nouns.txt")
_EN_IRREGULAR_PAST = word_list("en_irregular_past.txt")
# Plurals of a body's people and the words of the body's name they stand for.
EN_GROUP_BODIES = {
    row.split("\t")[0]: frozenset(row.split("\t")[1].split())
    for row in word_list("en_group_bodies.tsv")
}
# A group opening a sentence, maybe after its date ("On Tuesday, "), with a count or not,
# one describing word or none, then its verb in the active past: "About forty trawlers
# blocked…", "Dozens of residents marched…", "Parents delivered…". A count that is a
# share ("Many", "Most", "Some of the") is no group acting as one.
_EN_GROUP = re.compile(
    r"(?:(?:On|In|At|By|Late|Early|Last|Earlier|Later)\b[^,.\n]{1,30},\s+"
    # "On Saturday about 200 protesters…": a day or a date with no comma after it.
    r"|(?:On|Last|Early|Late)\s+(?:[A-Z][a-z]+|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})\s+)?"
    r"(?:(?:[Aa]bout|[Ss]ome|[Nn]early|[Aa]round|[Aa]lmost|[Oo]ver|[Mm]ore than|[Uu]p to"
    r"|[Aa]t least|[Rr]oughly)\s+)?"
    r"(?:(?:\d[\d,]*|[Aa] dozen|[Dd]ozens of|[Hh]undreds of|[Tt]housands of|[Ss]cores of"
    r"|[Aa] group of|[Aa] crowd of|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy"
    r"|[Ee]ighty|[Nn]inety|[Aa] hundred|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even"
    r"|[Ee]ight|[Nn]ine|[Tt]en|[Tt]welve|[Ff]ifteen)\s+)?"
    r"(?:(?P<modifier>[A-Za-z][a-z-]+)\s+)?"
    rf"(?P<noun>(?i:{'|'.join(sorted(_EN_PEOPLE, key=len, reverse=True))}))"
    r"\s+(?:(?:also|then|later|first)\s+)?(?P<verb>[a-z]+)\b"
)


_EN_SHARES = word_set("many most some few several all other both these those such no the its their")


def english_groups(
    text: str, spans: Iterable[tuple[int, int]], names: Sequence[Recognised]
) -> list[Recognised]:
    """People of a kind acting together as a sentence's subject, no body of theirs named in
    that sentence or the one before: a group actor named by its plural ("trawlers",
    "Parents")."""
    found = []
    for start, end in spans:
        for sentence in re.finditer(r"[^.!?\n]+", text[start:end]):
            at = start + sentence.start()
            at += len(text[at:]) - len(text[at:].lstrip())
            group = _EN_GROUP.match(text, at)
            if group is None:
                continue
            noun = group.group("noun")
            verb = group.group("verb")
            if not (verb.endswith("ed") or verb in _EN_IRREGULAR_PAST):
                continue
            modifier = group.group("modifier")
            if modifier and modifier.lower() in _EN_SHARES:
                continue  # "many residents left": some of them, each on their own
            if modifier and modifier[0].isupper() and group.start("modifier") != at:
                continue  # "On Monday, Kilmore fishermen…": a name's word, not a description
            if group.start("noun") > at and noun[0].isupper():
                continue  # "About forty Kilmore trawlers": a name's word
            # The sentence before: a body of theirs named there makes them its people.
            previous = max(text.rfind(". ", 0, at - 2), text.rfind("\n", 0, at - 1), start - 1)
            sentence_end = at + len(sentence.group())
            singular = noun.lower()[:-1]
            belongs = EN_GROUP_BODIES.get(noun.lower(), frozenset()) | {singular, noun.lower()}
            if any(
                name.kind in {"company", "investor", "lab", "organization"}
                and previous < name.char_start < sentence_end
                and belongs & set(re.findall(r"[a-z]+", name.text.lower()))
                for name in names
            ):
                continue
            found.append(Recognised(noun, group.start("noun"), group.end("noun"), "organization"))
    return found


def proper_noun_names(text: str, spans: Iterable[tuple[int, int]]) -> list[Recognised]:
    """Capitalised spans of the given stretches, trimmed of sentence openers and titles,
    kept when their form or context says what they are."""
    raw: list[tuple[int, int, list[str], bool]] = []
    for start, end in spans:
        for match in _CAPITALISED.finditer(text, start, end):
            if match.group().isupper() and (
                EN_DATELINE.match(text, match.start()) or EN_PLACE_LINE.match(text, match.start())
            ):
                continue
            words = match.group().split(" ")
            position = match.start()
            opens_sentence = _opens_sentence(text, position)
            while (
                words
                and (
                    words[0] in _LEADING
                    or words[0].rstrip(".,") in _LEADING
                    # "Judge Miriam Castellano": the title is no part of the person's name.
                    or (words[0].lower() in PERSON_TITLES and _titled_person(words[1:]))
                )
            ):
                position += len(words[0]) + 1
                words.pop(0)
                opens_sentence = False
            if len(words) > 2 and words[0].lower() in MEMBER_NOUNS and words[1] in {"of", "for"}:
                position += len(words[0]) + len(words[1]) + 2
                words = words[2:]
                if words[0] == "the":
                    position += 4
                    words.pop(0)
                opens_sentence = False
            while words and words[-1] in _NAME_PARTICLES:
                words.pop()
            if "of" in words[2:]:
                # "Lena Hoffmann of Germany", "Tom Reyes of Texas": a person's name ends
                # before the place they come from ("Bank of America", "Kessler Museum of
                # Art" stay whole).
                cut = words.index("of", 2)
                place = words[cut + 1 :]
                if (
                    _titled_person(words[:cut])
                    and len(place) <= 2
                    and not any(w in BODY_WORDS or w in COMPANY_WORDS for w in place)
                ):
                    words = words[:cut]
            # "Hongjing Semiconductor's Arizona plant": a name ends at its possessive.
            owner = next(
                (i for i, word in enumerate(words[:-1]) if re.search(r"(?:'s|’s)$", word)), None
            )
            if owner is not None and not _possessive_inside(words, owner):
                words = words[: owner + 1]
            # "Kestrel's", "Lumora’s": the possessive is no part of the name, unless a verb
            # follows it ("Moody's downgraded…", "Sainsbury's opened…"): a name ending in
            # its "'s" acts, a possessive would need a noun.
            if words and not _NAME_ENDS_IN_S.match(text, position + len(" ".join(words))):
                words[-1] = re.sub(r"(?:'s|’s|'|’)$", "", words[-1])
            if not words or not words[-1]:
                continue
            name_end = position + len(" ".join(words))
            body = _BODY_KIND.match(text, name_end)
            if body and len(words) <= 2 and words[-1] not in BODY_WORDS:
                # "the Scottish government", "Dunmore city council": a body, named whole.
                words = [*words, *body.group(1).split()]
                raw.append((position, body.end(), words, opens_sentence))
                continue
            thing = _THING_KIND.match(text, name_end)
            if (
                thing
                and words[-1] not in COMPANY_WORDS
                and words[-1] not in BODY_WORDS
                # "a Norwegian line", "the Pacific storm": an adjective, not a name.
                and not (len(words) == 1 and (DEMONYM.search(words[0]) or words[0] in NOT_NAMES))
                # "On March 12 fire broke out": a date's number, not a thing's.
                and not (thing.group(1) and words[-1] in NOT_NAMES)
            ):
                # "the Copper Gulch fire", "the Wexcombe treatment works": a thing named with
                # its kind, which is part of its name.
                number = [thing.group(1)] if thing.group(1) else []
                words = [*words, *number, *thing.group(2).split()]
                name_end = thing.end()
            raw.append((position, name_end, words, opens_sentence))
    raw = _bodies_joined_by_and(text, raw)
    # How often each single capitalised word stands alone inside a sentence: a word seen
    # there is a name, not a sentence's first word.
    standalone: dict[str, int] = {}
    for _start, _end, words, opens in raw:
        if len(words) == 1 and not opens:
            standalone[words[0]] = standalone.get(words[0], 0) + 1
    found: list[Recognised] = []
    for position, end, words, opens in raw:
        kind = _english_kind(text, position, end, words, opens, standalone)
        if kind is not None:
            found.append(Recognised(text[position:end], position, end, kind))
    # "The MSB said…" after "the Marine Safety Bureau": an acronym of a name found is that
    # name's short form, however rarely it is written.
    named = {name.text: name.kind for name in found if " " in name.text}
    taken = {name.char_start for name in found}
    for position, end, words, _opens in raw:
        if len(words) != 1 or position in taken:
            continue
        kind = next((k for full, k in named.items() if acronym_of(words[0], full)), None)
        if kind is not None:
            found.append(Recognised(words[0], position, end, kind))
    return sorted(found, key=lambda name: name.char_start)


# A verb in the simple past right after a word ending in "'s": the "'s" is the name's own.
_NAME_ENDS_IN_S = re.compile(
    r"(?<=['’]s) (?:(?:has|had|also|then|later|again)\s)?(?:[a-z]+ed|"
    + "|".join(sorted(word_list("en_irregular_past.txt")))
    + r")\b"
)


def _possessive_inside(words: Sequence[str], owner: int) -> bool:
    """ "Carrick Fishermen's Association", "Royal Children's Hospital", "Farmers' Union": a
    people's possessive inside a body's name, its last word (one or two after it) the body's
    kind. "Hongjing Semiconductor's Arizona Plant" ends at the owner: a company's word owns."""
    rest = words[owner + 1 :]
    owning = re.sub(r"(?:'s|’s|'|’)$", "", words[owner])
    return (
        1 <= len(rest) <= 2
        and (rest[-1] in BODY_WORDS or rest[-1] in INSTITUTION_WORDS)
        and owning not in COMPANY_WORDS
        and owning not in BODY_WORDS
        and owning not in INSTITUTION_WORDS
    )


def _titled_person(words: Sequence[str]) -> bool:
    """ "Miriam Castellano" after "Judge": a person's name, not "League" after "Premier"."""
    return 2 <= len(words) <= 3 and all(
        PERSON_WORD.fullmatch(word)
        and word not in BODY_WORDS
        and word not in COMPANY_WORDS
        and word not in INSTITUTION_WORDS
        for word in words
    )


def _bodies_joined_by_and(
    text: str, raw: list[tuple[int, int, list[str], bool]]
) -> list[tuple[int, int, list[str], bool]]:
    """ "Food and Drug Administration", "Securities and Exchange Commission": an agency's
    name may hold an "and"; one capitalised word joined by it to a span of two or more
    ending in an agency's word is one name. Companies ("Alibaba and Tencent Holdings") and
    universities stay apart."""
    joined: list[tuple[int, int, list[str], bool]] = []
    for item in raw:
        start, end, words, _opens = item
        if joined:
            before_start, before_end, before, before_opens = joined[-1]
            gap = text[before_end:start]
            # A word taken for a title may stand between ("… and General Workers' Alliance").
            if (
                re.fullmatch(r"['’]? and (?:[A-Z][a-z]+ )?", gap)
                and (words[-1] in _AGENCY_WORDS or words[-1] in _UNION_WORDS)
                and len(words) + gap.count(" ") - 2 >= 2
                and (
                    (len(before) == 1 and before[0] not in BODY_WORDS)
                    # "Mid Wales Fire and Rescue Service": a place before two fields, the
                    # second ending in the agency's word.
                    or (
                        2 <= len(before) <= 4
                        and len(words) == 2
                        and gap == " and "
                        and words[-1] in _AGENCY_WORDS
                        and not any(
                            w in BODY_WORDS or w in COMPANY_WORDS or w in INSTITUTION_WORDS
                            for w in before
                        )
                    )
                )
            ):
                whole = text[before_start:end].split(" ")
                joined[-1] = (before_start, end, whole, before_opens)
                continue
            # "Ministry of Trade and Industry", "Department of Health and Social Care": a
            # ministry's field names two things joined by "and", when the second is written
            # nowhere else on its own (a body of its own would be).
            if (
                gap == " and "
                and "of" in before[1:-1]
                and before[before.index("of") - 1] in _AGENCY_WORDS
                and len(words) <= 2
                and text.count(text[start:end]) == 1
            ):
                whole = text[before_start:end].split(" ")
                joined[-1] = (before_start, end, whole, before_opens)
                continue
        joined.append(item)
    return joined


def _opens_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 3) : position].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n:;" or position == 0


# A dateline: a place in capitals (maybe with a region), a comma, a date, a dash ("OSLO,
# March 7 —", "CAPE CANAVERAL, Fla., Oct 9 —"). Its place is no actor.
EN_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.]+)?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"\s*(?:\([^)]{1,20}\)\s*)?[—–-]{1,2}\s*"
)
# A dateline with no date: a place in capitals, maybe its region, and a dash ("CALDER
# BRIDGE —", "DUNMORE, Ohio —"). Its place is no actor either.
# The region may run to a few words ("KELBY, Co. Mayo —", "ALTON, New South Wales —").
EN_PLACE_LINE = re.compile(
    r"[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?\s*(?:[—–]|--)\s*"
)
# A Chinese wire dateline: an agency, maybe its reporter and a place, a day and 电/讯
# ("新华社北京10月9日电（记者 张岚）", "中央社記者林佳穎台北17日電"). It dates the dispatch,
# not what the dispatch tells, and its agency is no actor of it.
ZH_DATELINE = re.compile(
    r"[（(【]?(?:新华社|新華社|中新社|中新网|中新網|中央社|人民网|人民網|央视网|央視網|央视新闻"
    r"|央視新聞|路透社|美联社|美聯社|法新社|彭博社|共同社|本报|本報|本台|本刊|本网|本網)"
    r"[^\s，。,！？]{0,16}?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日\s*(?:电|電|讯|訊)"
    r"(?:\s*[（(][^（()）]{1,30}[）)])?\s*[】）)]?\s*"
)
DIGIT = re.compile(r"\d")
# What people do right after their name: speak, or move ("Dave Calhoun stepped down").
_PERSON_ACTS = re.compile(
    r"^(?:'s?|’s?)?\s*(?:said|says|told|stepped down|steps down|resigned|retired|was named|"
    r"was appointed|became|who\b|, who\b|, (?:\d{2}),)"
)
_ACTS_AFTER = re.compile(
    r" (?:has |had |also |then |later )?(?:said|says|told|launched|unveiled|released|raised|"
    r"acquired|bought|"
    r"agreed|announced|reported|posted|opened|closed|signed|filed|hired|named|appointed|cut|"
    r"sold|completed|debuted|introduced|invested|listed|went public|merged|sued|recalled)\b"
)
# A short opener that ends in a comma at a sentence's start: "Meanwhile, ", "On Monday, ".
_OPENER_BEFORE = re.compile(r"(?:^|(?<=[.!?\n])\s*)[A-Z][^.!?\n,]{0,24},\s$")
_DESCRIBED_AFTER = re.compile(
    r",\s+(?:which|an?\s+[a-z-]+(?:-based)?\s+(?:company|firm|maker|group|start-?up|developer|operator|chain|retailer|bank|lender|publisher))\b"
)
# "Ofwat, the water regulator,", "Vantor, a Dutch chipmaker,": a name described by what it
# is, the description between commas.
_DESCRIBED_AS_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?:[A-Za-z-]+\s+){0,3}?(regulator|watchdog|agency|authority|ministry"
    r"|department|court|union|council|company|firm|group|maker|start-?up|operator|carrier"
    r"|airline|bank|lender|insurer|retailer|chain|developer|publisher|studio|broadcaster"
    r"|utility|[a-z]+maker),"
)
_AGENCY_NOUNS = frozenset(
    [
        "regulator",
        "watchdog",
        "agency",
        "authority",
        "ministry",
        "department",
        "court",
        "union",
        "council",
    ]
)
# A plural description and the names listed before this one: "two supermarket chains, ",
# "three lenders, Arvo, ".
_LISTED_BEFORE = re.compile(
    r"\b(?:chains|companies|firms|groups|banks|lenders|insurers|retailers|airlines|carriers"
    r"|operators|clubs|makers|developers|suppliers|supermarkets|brands|stores|shops|networks"
    r"|publishers|studios|breweries|builders),\s(?:[A-Z][\w'’&-]*(?:\s[A-Z][\w'’&-]*)*"
    r"(?:,\s|\sand\s))*$"
)
_DESCRIBED_BEFORE = re.compile(
    r"\b(regulator|watchdog|agency|authority|ministry|department|court|union|council|company"
    r"|firm|group|maker|start-?up|operator|carrier|airline|bank|lender|insurer|retailer|chain"
    r"|developer|publisher|studio|broadcaster|club|miner|explorer|supplier|manufacturer"
    r"|[a-z]+maker),\s$"
)
_WORK_BEFORE = re.compile(
    r"\b(?:program|programme|app|application|service|product|chip|phone|smartphone|sedan|"
    r"car|vehicle|drug|treatment|game|film|show|card|device|handset|tablet|console|"
    r"chatbot|assistant|album|book|novel|song|title),?\s+(?:called |named |dubbed )?[\"“‘']?$",
    re.IGNORECASE,
)
_MODEL_CONTEXT = re.compile(r"\b(?:model|models|llm|language model|ai|chatbot|weights)\b", re.I)


# "Carla Mendes of Portugal": a person named with where they come from.
_OF_PLACE = re.compile(r" of [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?\b(?! (?:[A-Z]|of\b))")
_CALLED_BEFORE = re.compile(
    r"\b(group|gang|company|firm|start-?up|charity|union|collective|network|campaign|band|[a-z]*maker"
    r"|outfit|venture|business|organi[sz]ation)\s+(?:calling itself|called|known as|named)\s+$"
)
_PLACE_OF_BEFORE = re.compile(r"\b[Tt]he (?:city|town|village|borough|county) of $")
# The words storms' names are written with ("Storm Hella", "Hurricane Milton").
_WEATHER_PREFIXES = frozenset({"Storm", "Hurricane", "Typhoon", "Cyclone", "Tropical"})
# The prefixes ships' names are written with.
VESSEL_PREFIXES = frozenset({"MV", "MS", "MT", "SS", "RMS", "RRS", "HMS", "USS", "HMCS", "FV"})


def _english_kind(
    text: str,
    start: int,
    end: int,
    words: Sequence[str],
    opens: bool,
    standalone: dict[str, int],
) -> str | None:
    name = " ".join(words)
    if name in NOT_NAMES or all(word in NOT_NAMES for word in words):
        return None
    if " ".join(words[-2:]).endswith(_BODY_KINDS) and len(words) > 1:
        return "organization"  # "Scottish government", "Dunmore city council"
    if words[-1].islower() and len(words) > 1:
        return "product"  # "Copper Gulch fire": a thing named with its kind
    if len(words) > 1 and (words[0] in VESSEL_PREFIXES or words[0] in _WEATHER_PREFIXES):
        return "product"  # "MV Solvind", "Storm Hella": a ship, a storm
    if all(word.isupper() and len(word) <= 2 for word in words):
        return None
    if re.search(r"['’]s$", words[-1]):
        # "Moody's downgraded…": a name kept with its "'s" acts (see _NAME_ENDS_IN_S).
        return "company"
    last = words[-1].rstrip(".")
    first = words[0]
    if _WORK_BEFORE.search(text, max(0, start - 30), start):
        # "Its loyalty program, StarPass": the noun in apposition says what it is.
        return "product"
    if DIGIT.search(name):
        if not re.match(r"[A-Z][A-Za-z]", name) or re.fullmatch(r"[A-Z]\d+", name):
            return None
        window = text[max(0, start - 80) : end + 80]
        return "model" if _MODEL_CONTEXT.search(window) else "product"
    if last in _INVESTOR_WORDS and len(words) > 1:
        return "investor"
    if last in _LAB_WORDS and len(words) > 1:
        return "lab"
    if any(word in BODY_WORDS for word in words) and (len(words) > 1 or first == "Nasdaq"):
        return "organization"
    if (last in COMPANY_WORDS or any(w in INSTITUTION_WORDS for w in words)) and len(words) > 1:
        return "company"
    before = text[max(0, start - 40) : start]
    after = text[end : end + 30]
    if 2 <= len(words) <= 3 and all(PERSON_WORD.fullmatch(w) for w in words):
        titled = (
            _TITLE_BEFORE.search(before)
            or _OCCUPATION_BEFORE.search(before)
            # "named Eva Lund chief executive": the one given a post is a person.
            or (_GIVEN_A_POST.search(before) and _POST_AFTER.match(after))
        )
        surname_alone = standalone.get(words[-1], 0) > 0
        if titled or first in _PERSON_GIVEN or surname_alone or _OF_PLACE.match(after):
            return "person"
        if _PERSON_ACTS.match(after):
            return "person"
    if len(words) == 1:
        if first in COMMON_SINGLE or first in _LEADING or len(first) < 3:
            return None
        if DEMONYM.search(first) and re.match(r" [a-z]", text[end : end + 2]):
            return None  # "the Serbian grandmaster": a nationality before its noun
        if opens and standalone.get(first, 0) == 0:
            # "Xiaomi launched its first car": a sentence's first word is a name when a
            # happening's verb follows it at once.
            # "Brenlow, which was spun out of…": described as it opens the sentence.
            described = _DESCRIBED_AS_AFTER.match(text, end)
            if described:
                # "Ofwat, the water regulator, opened…": what it is, in apposition.
                return "organization" if described.group(1) in _AGENCY_NOUNS else "company"
            acts = _ACTS_AFTER.match(text, end) or _DESCRIBED_AFTER.match(text, end)
            return "company" if acts else None
        if first.isupper() and len(first) > 5:
            return None
        if _CALLED_BEFORE.search(text, max(0, start - 30), start):
            # "a group calling itself Blackmoth", "a start-up called Quillon": named as such.
            group = _CALLED_BEFORE.search(text, max(0, start - 30), start).group(1)
            return "organization" if group in _AGENCY_NOUNS | {"group", "gang"} else "company"
        if _PLACE_OF_BEFORE.search(text, max(0, start - 20), start):
            return "organization"  # "the city of Dunmore": a town as the body that runs it
        described = _DESCRIBED_BEFORE.search(text, max(0, start - 40), start)
        if described and text[end : end + 1] == ",":
            # "Chile's mining regulator, Sernageomin, suspended…": a name in apposition to
            # what it is.
            return "organization" if described.group(1) in _AGENCY_NOUNS else "company"
        if _LISTED_BEFORE.search(text, max(0, start - 80), start) and re.match(
            r",|\sand\s", text[end : end + 5]
        ):
            # "Two supermarket chains, Freshways and Valemart, cleared…": names listed in
            # apposition to what they are.
            return "company"
        if _ACTS_AFTER.match(text, end) and _OPENER_BEFORE.search(text, max(0, start - 32), start):
            # "Meanwhile, Brightvale recalled…", "On Monday, Corvex filed…": the clause's
            # first word after a short opener, a happening's verb right after it.
            return "company"
        # A capitalised word inside sentences, seen at least twice: a company's short name.
        count = count_of(text, first, whole_words=True)
        return "company" if count >= 2 or _looks_like_brand(first) else None
    if any(word in COMMON_SINGLE for word in words[1:]):
        return None
    return "company"


def _looks_like_brand(word: str) -> bool:
    """ "OpenAI", "DeepSeek", "iPhone": inner capitals mark a coined name."""
    return bool(re.search(r"[a-z][A-Z]", word))


# The endings of nationality adjectives ("Serbian", "Korean", "Danish", "Maltese").
DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic)$")


def acronym_of(short: str, full: str) -> bool:
    """ "FDA" for "Food and Drug Administration", "CTA" for "Calderbridge Transit
    Authority": capitals that are the initials of the full name's words."""
    if not (2 <= len(short) <= 6 and short.isascii() and short.isalpha() and short.isupper()):
        return False
    words = [w for w in re.split(r"[\s-]+", full) if w and w.lower() not in _ACRONYM_SKIPS]
    return len(words) == len(short) and "".join(w[0] for w in words).upper() == short


_ACRONYM_SKIPS = frozenset({"and", "of", "the", "for", "&", "on", "in"})
