"""The subject readers of a dated clause: who or what a happening befell or was done by.
The actor standing first (`clause_subject`), a person holding a post at the organisation named
before (`post_holder`), an actor named inside the subject phrase (`named_in_subject`), a
bare plural standing for its organisation's people (`group_subject`), and a thing a body
owns standing for the body (`thing_of_holder`, `en_thing_opening`, `en_thing_of_holder`).
Plain Python.
"""

import re

from timeline.pipeline.actors import ActorMention
from timeline.pipeline.chinese_tagger import chinese_words
from timeline.pipeline.context import ORGANIZATION_KINDS, WORK_KINDS, ArticleContext
from timeline.pipeline.cues import OPENERS, PLACE_CHAIN, SPEECH
from timeline.pipeline.dates import DateMention
from timeline.pipeline.english_names import EN_GROUP_BODIES, MEMBER_NOUNS, PERSON_TITLES
from timeline.pipeline.guards import (
    forecasts,
    without_gatherings,
)
from timeline.pipeline.named_things import KIND_BEFORE_NAME
from timeline.pipeline.nouns import DESCRIPTOR_RUN, TITLES
from timeline.pipeline.past_tense import (
    EN_NOT_HAPPENING,
    EN_PAST_VERB,
    is_past,
    word_set,
)
from timeline.pipeline.referents import referred_actors
from timeline.pipeline.triggers import gated, joined, load_cue
from timeline.pipeline.wordlists import word_list

SUBJECT_KINDS = ORGANIZATION_KINDS | WORK_KINDS | {"person"}

# A pronoun or referring expression that can stand as a clause's subject.
PRONOUN_SUBJECT = gated(
    r"他(?![们們])|她(?![们們])|该公司|该集团|该行|\b(?:he|she|it|the company|the firm)\b"
)

# Words allowed before the subject of a clause: prepositions of a date and openers.
_LEAD = re.compile(
    r"^(?:\s|[,，、:：]|\b(?:in|on|at|by|during|since|early|late|and|but|while|then|the|a|an|first"
    r"|earlier|later|also|last|this|that|year|month|week)\b|据悉|此外|另外|随后|同年|当年|当天|当日"
    # The part of the day after a date: "今日上午，", "当日收盘，".
    r"|上午|下午|中午|晚间|晚上|早间|早上|凌晨|傍晚|夜间|深夜|收盘|开盘|盘中|午间)*$"
)
# Chinese: a count of people before a group's name ("约200名", "数百名"), perhaps after
# which batch of them ("最后一批200多名"), or after 有 that says some of them acted
# ("有蜂农发现…", "另有市民投诉…").
_HOW_MANY = re.compile(
    r"(?:(?:另|亦|也|还|更)?有)?"
    r"(?:(?:最后|首|第[一二三四五六七八九十])?一?批)?"
    r"(?:(?:约|近|逾|超过|上|数|几)?[0-9,万千百十数几两一二三四五六七八九]+余?多?[名位])?$"
)
# Chinese: one person counted, perhaps described by a phrase ending in 的, before the name.
_DESCRIBED_PERSON = re.compile(r"(?:一名|一位|一个|一個)(?:[^，,。；;]{1,14}的)?$")
# Chinese: a short description ending in a person's title, standing before the name.
_TITLED = re.compile(
    r"[\u3400-\u9fff]{0,8}?(?:"
    + "|".join(re.escape(title) for title in sorted(TITLES, key=len, reverse=True))
    + ")"
)
# English: the people of an organisation, standing before its name as the subject.
_EN_MEMBERS_OF = re.compile(
    # "About 1,400 bus drivers at Corran Buses": a count and a word of trade may lead.
    r"(?:(?:about|some|nearly|almost|around|over|more than|hundreds of|thousands of)\s+)?"
    r"(?:[\d,.]+\s+(?:million\s+)?)?(?:[a-z-]+\s+)?"
    rf"(?:{'|'.join(sorted(MEMBER_NOUNS))})\s+(?:at|from|of|with|for|in)(?:\s+the)?\s*",
    re.IGNORECASE,
)
# English: a title or an occupation before a person's name.
_EN_TITLED = re.compile(
    r"(?:\b(?:the|a|an)\s+)?(?:[a-z-]+\s+)?\b(?:"
    + "|".join(re.escape(title) for title in sorted(PERSON_TITLES, key=len, reverse=True))
    + r")\s*,?\s*$"
)
_LISTED_AFTER = re.compile(r"\sand\s[A-Z][\w'’&-]*(?:\s[A-Z][\w'’&-]*){0,3},")
# A description before a name in apposition: "chile's mining regulator,", "the carmaker,".
_DESCRIPTION_LEAD = re.compile(r"(?:the\s+|[a-z]+['’]s\s+)?(?:[a-z-]+\s+){0,2}[a-z-]+,")
# The words before a past verb that may be a clause's subject holding a name: a noun phrase
# of a few words, no verb of its own ("Settlement talks between Skyfield and Aerilon").
# A phrase may hold an apposition between its commas ("The conviction of Ana Ruiz, a former
# banker, was overturned").
_SUBJECT_PHRASE = re.compile(
    r"(?:[\w'’.%&-]+\s+){0,9}?(?:[\w'’.%&-]+,\s+(?:[\w'’.%&-]+\s+){0,8}?[\w'’.%&-]+,\s+"
    r"(?:\d{1,3},\s+)?)?"
    rf"(?:(?:was|were|has|had|have)\s+(?:been\s+)?)?(?P<verb>{EN_PAST_VERB})\b"
)


# A subject that is only a description: "the medicines regulator", "a federal jury in
# Delaware", "police".
_GENERIC_SUBJECT = re.compile(
    # "The 129-metre ship": a measure is a word of the description.
    r"(?:(?:the|a|an)\s+)?(?:(?:[a-z-]+|\d[\d.,]*-[a-z]+)\s+){0,3}[a-z-]+"
    r"(?:\s+(?:in|of|at)\s+[a-z]+(?:\s+[a-z]+)?)?"
)
# A subject that is something befalling a place: a natural force or an accident, written
# with an indefinite article or bare ("An avalanche", "A fire", "Floodwater", "Lightning").
_BEFALLS = re.compile(
    r"(?:(?:an?|the)\s+)?(?:[a-z-]+\s+){0,2}(?:avalanche|fire|blaze|wildfire|storm|flood|floods"
    r"|floodwater|floodwaters|flooding|landslide|mudslide|rockfall|earthquake|quake|tremor|explosion"
    r"|blast|gas leak|leak|spill|collapse|power cut|outage|tornado|hurricane|typhoon|cyclone"
    r"|gale|gales|winds|snow|snowfall|hail|hailstorm|frost|heatwave|drought|lightning|tide"
    r"|surge|wave|crash|derailment|accident|outbreak|cyberattack|attack|strike)"
)
_AT_A_PLACE = re.compile(r"\b(?:at|across|through|into|over|near|on|onto|in)\s+(?:the\s+)?$")
# Words that open a subordinate clause, not a subject: what follows is no happening told.
_NOT_A_SUBJECT_PHRASE = re.compile(
    r"(?:if|unless|whether|when|although|though|because|as|once|after|before|until|since|while"
    r"|had|should|were|what|who|which|that|how|why)\b"
)
# What may stand between such a name and its verb: where they come from ("of Germany"), an
# age ("34"), the comma, an auxiliary.
_APPOSED_BEFORE_VERB = re.compile(
    r"(?:\s+of\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})?(?:,\s+\d{1,3})?"
    r",\s+(?:(?:has|had|was|were)\s+)?"
)
_DESCRIBED_AGENT = re.compile(r"\s+by\s+(?:the\s+|an?\s+)?(?:[a-z-]+\s+){0,3}")
_NAME_BEFORE_VERB = re.compile(r"\s+(?:(?:has|had|was|were|also|then)\s+)?")
_DESCRIBED_NAME = re.compile(
    r"(?:the|a|an|its|their|his|her|The|A|An|Its|Their|His|Her)\s+(?:[A-Za-z-]+\s+){0,2}[a-z-]+\s+"
)
_DETERMINED_NOUN = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$")
_MODAL = re.compile(r"\b(?:would|could|might|may|should|will|can|must|shall|not|never|no)\b")
_OPENING_WORD = re.compile(r"(?:in|on|at|by|during|early|late|and|but|then|later|earlier)\b")


# The mark of where a thing was sent, right before the place's or body's name (perhaps
# after the province or the nation it belongs to: "送往省…", "送往国家…").
_SENT_TO = re.compile(
    r"(?:被|获|已)?(?:送|运|寄|移交|转交|转送|移送|押送)(?:往|至|到|给|交)[\u3400-\u9fff]{0,2}$"
)


def thing_of_holder(
    context: ArticleContext, scope, state, start: int, end: int, mention: DateMention
) -> ActorMention | None:
    """ "白水河水电站2023年11月下闸蓄水。同年12月，首台机组发电": a Chinese sentence that names
    no one, opening on its date, whose subject is a thing (a part, a unit, a piece of
    equipment), tells what befell the paragraph's latest main actor; that actor, standing
    right after the date, or None. People and bodies ("村民", "警方", "政府") are subjects
    of their own."""
    if context.language == "en":
        return en_thing_of_holder(context, state, start, end)
    if state.holder is None:
        return None
    if context.kind(state.holder) not in ORGANIZATION_KINDS:
        return None  # a person's things are seldom told as the person's happenings
    sentence_start, sentence_end = scope.clauses[0][0], scope.clauses[-1][1]
    named = [
        m
        for m in context.actors_in(sentence_start, sentence_end)
        # "样本昨日被送往省海洋研究所化验": where the thing was sent is no subject.
        if not _SENT_TO.search(context.folded, max(sentence_start, m.char_start - 8), m.char_start)
    ]
    if named or referred_actors(
        context, sentence_start, sentence_end, getattr(state, "topic", None)
    ):
        return None
    if start != sentence_start:
        return None
    lead = context.folded[start : mention.char_start].strip(" ，,")
    if lead:
        # "泄漏点于次日凌晨被封堵": the thing stands before its date.
        # "该地盘5月19日发生…", "这次巡演于今年2月启动": a thing pointed back to is the
        # paragraph's thing all the same.
        lead = _POINTED.sub("", lead)
        noun = _thing(chinese_words(_LEAD_MARK.sub("", lead)), whole=True)
    else:
        # "同年12月，首台机组发电": the sentence opens on its date, the thing after it.
        raw = context.folded[mention.char_end : min(end, mention.char_end + 24)]
        after = re.sub(r"^\s*[，,]?\s*", "", raw)
        noun = _thing(chinese_words(after) if after else [], whole=False)
        if noun is not None and AGENT_NOUN.search(after[len(noun) : len(noun) + 1]):
            return None  # "基金|会接收了…": the tagger split a body's name
    if noun is None or not 1 < len(noun) <= 10 or AGENT_NOUN.search(noun):
        return None
    # The actor stands in where the predicate begins: after the thing, or after the date
    # when the thing stands before it; "工厂并未裁员" is read from its "并未".
    at = mention.char_end if lead else mention.char_end + len(raw) - len(after) + len(noun)
    return ActorMention(state.holder, context.name(state.holder), at, at)


# English nouns of things a body owns, runs or builds (vocabulary/en_owned_things.txt).
_EN_OWNED_THINGS = word_list("en_owned_things.txt")
# A clause opening (past its dates and openers) on a thing after an article, up to three
# lower-case words before its noun, then its verb: "The new wing opened", "A tunnel section
# flooded", "the old warehouse burned down". Matched on the folded text with dates blanked.
_EN_THING_OPENING = re.compile(
    r"\s*(?:(?:in|on|at|by|during|early|late|then|later|earlier|and|but|also|last|this)\s+"
    r"|[,—–]\s*)*(?P<phrase>(?:the|a|an)\s+(?:(?P<modifiers>(?:[a-z-]+\s+){0,3}?))"
    rf"(?P<noun>{'|'.join(sorted(_EN_OWNED_THINGS, key=len, reverse=True))})s?"
    # "A section of the tunnel flooded": the part of a thing.
    r"(?:\s+of\s+(?:the|its)\s+[a-z-]+)?)"
    r"\s+(?:(?:also|then|later|first|finally|officially|partly|partially"
    rf"|was|were|had)\s+)*(?P<verb>{EN_PAST_VERB})\b"
)
# How far back the body a thing belongs to may be named: the paragraph, or the one before.
_EN_HOLDER_LOOKBACK = 1200


def en_thing_opening(context: ArticleContext, start: int, end: int) -> int | None:
    """Where the verb begins after an English clause's subject that is a thing a body owns
    or runs, named by a common noun ("The lodge reopened…", "A tunnel section flooded…"),
    or None. A phrase holding a name, or a verb not in the past, is no such subject."""
    blanked = without_dates(context, start, end)
    opening = _EN_THING_OPENING.match(blanked)
    if opening is None:
        return None
    if not is_past(opening.group("verb")) or opening.group("verb") in EN_NOT_HAPPENING:
        return None
    if any(is_past(word) for word in (opening.group("modifiers") or "").split()):
        return None  # "the damaged roof was…" reads its verb after the phrase, not in it
    # The phrase's place in the text: the blanked dates shift the match.
    words = opening.group("phrase").split()
    phrase = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b")
    placed = phrase.search(context.folded, start, end)
    if placed is None or context.actors_in(placed.start(), placed.end()):
        return None  # "the Halden lodge": a name, told as its own subject
    if re.search(r"[A-Z]", context.text[placed.start() + 1 : placed.end()]):
        return None  # a capitalised word inside the phrase belongs to a name
    return placed.end()


def en_thing_of_holder(context: ArticleContext, state, start: int, end: int) -> ActorMention | None:
    """ "The Halden Trust runs three huts. The lodge reopened in October 2024": an English
    clause whose subject is a thing a body owns or runs, named by a common noun, tells what
    befell the body the paragraph is about: the latest organisation that was a claim's
    subject in it, else the latest organisation named before in it or in the paragraph
    before. That body stands in right before the verb; None when there is none."""
    at = en_thing_opening(context, start, end)
    if at is None:
        return None
    slug = state.holder
    if slug is not None and context.kind(slug) not in ORGANIZATION_KINDS:
        slug = None
    if slug is None:
        paragraph = context.text.rfind("\n", 0, start)
        blank = paragraph
        while blank > 0 and context.text[blank - 1] == "\n":
            blank -= 1  # the blank lines between paragraphs
        earlier = context.text.rfind("\n", 0, max(0, blank))
        since = max(earlier + 1, start - _EN_HOLDER_LOOKBACK)
        bodies = [
            mention
            for mention in context.actors_in(since, start)
            if context.kind(mention.slug) in ORGANIZATION_KINDS
        ]
        if not bodies:
            return None
        slug = bodies[-1].slug
    return ActorMention(slug, context.name(slug), at, at)


def _thing(words: list[tuple[str, str]], *, whole: bool) -> str | None:
    """The thing's name the words open with (all of them when `whole`), followed by a verb,
    an adverb or a preposition; None when they open otherwise."""
    noun = ""
    for word, tag in words:
        if tag in _THING_TAGS:
            noun += word
            continue
        if whole or not noun or tag not in {"v", "d", "p", "ad", "vd"}:
            return None
        return noun
    return noun if whole and noun else None


_LEAD_MARK = re.compile(r"[于在]$")
# A demonstrative before a thing: "该(地盘)", "这次(巡演)", "此(案)".
_POINTED = re.compile(r"^(?:该|这|此|本)(?:次|个|座|条|项|批|宗|起)?")
# The words of a thing's name: nouns, numbers and measures, places inside it ("首台机组",
# "馆内北侧电梯", "外墙瓷砖").
_THING_TAGS = frozenset({"n", "nz", "vn", "m", "q", "f", "s", "a"})
# Nouns of people or bodies, who act on their own: by their last character.
AGENT_NOUN = gated(joined(load_cue("agent_nouns")))


def named_in_subject(
    context: ArticleContext, start: int, end: int, state
) -> tuple[ActorMention | None, int, int | None]:
    """The actor named inside a clause's subject phrase and where the phrase starts, when
    no actor opens the clause: "Settlement talks between Skyfield and Aerilon broke
    down", "Its recording of the symphonies won a prize", "His campaign lost ground"."""
    phrase_start = start
    while phrase_start < end:
        # "ASHFORD, Ore. — The board of…": the dash after a dateline opens the story.
        if context.text[phrase_start] in " ,—–":
            phrase_start += 1
            continue
        dated = context.dates_in(phrase_start, end)
        if dated and dated[0].char_start == phrase_start:
            phrase_start = dated[0].char_end
            continue
        opener = _OPENING_WORD.match(context.folded, phrase_start)
        if opener is None:
            break
        phrase_start = opener.end()
    # "The board of the Ashford Unified School District voted": a name's words ending in
    # "-ed" are no verb. Its letters are blanked in place, then the dates are taken out.
    letters = list(context.folded[phrase_start:end])
    for mention in context.actors_in(phrase_start, end):
        for position in range(mention.char_start, min(mention.char_end, end)):
            if letters[position - phrase_start].isalnum():
                letters[position - phrase_start] = "x"
    for date in context.dates_in(phrase_start, end):
        for position in range(max(date.char_start, phrase_start), min(date.char_end, end)):
            letters[position - phrase_start] = ""
    blanked = "".join(letters)
    for mention in context.actors_in(phrase_start, end):
        # "A start-up called Quillon moved…": the words that name it are no verb of it.
        name = re.escape(re.sub(r"\w", "x", context.folded[mention.char_start : mention.char_end]))
        blanked = re.sub(
            rf"\b(?:calling itself|called|named|known as)(?=\s+{name}\b)",
            lambda words: "x" * len(words.group()),
            blanked,
        )
    phrase = _SUBJECT_PHRASE.match(blanked)
    if phrase is None:
        return None, start, None
    verb = phrase.group("verb")
    verb_start = context.folded.find(verb, phrase_start + phrase.start("verb"), end)
    if verb_start < 0 or EN_NOT_HAPPENING & word_set(phrase.group() + " "):
        return None, start, None
    if _DETERMINED_NOUN.search(blanked, 0, phrase.start("verb")):
        return None, start, None  # "count the cost": a noun after its article, not a verb
    if _NOT_A_SUBJECT_PHRASE.match(blanked) or _MODAL.search(phrase.group()):
        return None, start, None  # "If Kestrel had won in 2023…", "Analysts who expected…"
    topic = getattr(state, "topic", None)
    named = [
        *context.actors_in(phrase_start, verb_start),
        *referred_actors(context, phrase_start, verb_start, topic),
    ]
    named = [m for m in named if context.kind(m.slug) in SUBJECT_KINDS]
    for mention in named:
        # "His opponent in the final round, Lena Hoffmann, lodged…": a name set off by
        # commas right before the verb is the subject the phrase describes; told from the verb.
        if (
            _APPOSED_BEFORE_VERB.fullmatch(context.text, mention.char_end, verb_start)
            and context.folded[max(phrase_start, mention.char_start - 2) : mention.char_start]
            == ", "
        ):
            return mention, verb_start, None
        # "The ferry MV Tarrant ran aground", "The Danish utility Hafnia Power raised…": a
        # description before the name, the name right before its verb.
        if _NAME_BEFORE_VERB.fullmatch(
            context.folded, mention.char_end, verb_start
        ) and _DESCRIBED_NAME.fullmatch(context.text, phrase_start, mention.char_start):
            return mention, verb_start, None
    if named and not context.dates_in(phrase_start, verb_start):
        return min(named, key=lambda mention: mention.char_start), phrase_start, verb_start
    if named or not _GENERIC_SUBJECT.fullmatch(blanked[: phrase.start("verb")].rstrip()):
        return None, start, None
    # "The medicines regulator rejected Corvel Pharma's drug", "A jury in Delaware on
    # Wednesday ordered Aerilon Robotics to pay": a subject that is only a description
    # tells a happening of the actor its verb acts on.
    after = verb_start + len(verb)
    acted_on = [
        m
        for m in (
            # A long name may run past the window: where it starts is what counts.
            *context.actors_in(after, end),
            *referred_actors(context, after, end, topic),
        )
        if m.char_start < after + 30
        and context.kind(m.slug) in SUBJECT_KINDS
        and (
            not context.folded[after : m.char_start].strip(" ").count(" ") > 2
            # "was published by the small Leeds house Brindle Books": a described agent.
            or _DESCRIBED_AGENT.fullmatch(context.folded, after, m.char_start) is not None
        )
    ]
    if not acted_on and _BEFALLS.fullmatch(blanked[: phrase.start("verb")].rstrip()):
        # "An avalanche swept across a marked piste at Alderpeak Mountain Resort": what
        # befalls a named place or body is its happening.
        acted_on = [
            m
            for m in context.actors_in(after, end)
            if context.kind(m.slug) in SUBJECT_KINDS
            and _AT_A_PLACE.search(context.folded, max(after, m.char_start - 12), m.char_start)
            and context.folded[after : m.char_start].count(" ") <= 8
        ][:1]
    if not acted_on:
        return None, start, None
    return min(acted_on, key=lambda mention: mention.char_start), phrase_start, verb_start


# A bare plural opening a clause, then its verb: "Rangers put out a campfire", "Lifeboat
# crews rescued…". Dates and openers may stand before it.
_GROUP_OPENING = re.compile(
    r"\s*(?:(?:in|on|at|by|during|early|late|then|later|earlier|last|this|and|the)\s+|[,—–]\s*)*"
    r"(?:(?:about|some|nearly|around|over|more than|\d[\d,]*|two|three|four|five|six|a dozen"
    r"|dozens of|hundreds of)\s+)?(?:(?P<modifier>[A-Za-z-]+)\s+)??(?P<noun>[A-Za-z]+?)s\s+"
)
_GROUP_LOOKBACK = 1500
# Words before a plural that make it no body's people acting ("Many residents", "Two
# weeks", "Other drivers"), or a verb before its object ("Police rescued walkers").
_NOT_MODIFIERS = frozenset(
    [
        "many",
        "most",
        "few",
        "several",
        "all",
        "some",
        "other",
        "both",
        "these",
        "those",
        "such",
        "no",
        "two",
        "three",
        "four",
        "five",
        "six",
        "the",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "a",
        "an",
    ]
)
_THEY_OPENING = re.compile(
    r"\s*(?:(?:in|on|at|by|during|early|late|then|later|earlier|last|this|and|the)\s+|[,—–]\s*)*"
    r"they\s+(?!(?:will|would|may|might|could|should|must|can|are|is|have|say|said)\b)"
)


def group_subject(context: ArticleContext, start: int, end: int) -> tuple[ActorMention | None, int]:
    """ "Rangers put out an illegal campfire": a bare plural subject whose singular is a word
    of an organisation named before ("… Ranger Service"), the latest such: its people acting
    for it. The organisation stands in at the plural's place, and the predicate follows."""
    blanked = without_dates(context, start, end)
    they = _THEY_OPENING.match(blanked)
    if they is not None:
        # "Rangers put out a campfire. Two weeks ago they rescued a walker": "they" after a
        # sentence that opened on a body's people stands for the same body.
        pronoun = re.compile(r"\bthey\b").search(context.folded, start, end)
        previous = context.text.rfind(". ", 0, start)
        paragraph = context.text.rfind("\n", 0, start)
        if pronoun is None or previous < 0 or paragraph > previous:
            return None, start
        opening = max(context.text.rfind(". ", 0, previous) + 2, paragraph + 1)
        body, _told_from = group_subject(context, opening, previous)
        if body is None:
            return None, start
        at = pronoun.start()
        return ActorMention(body.slug, context.text[at : pronoun.end()], at, at), pronoun.end()
    group = _GROUP_OPENING.match(blanked)
    if group is None or len(group.group("noun")) < 4:
        return None, start
    noun = group.group("noun").lower()
    modifier = (group.group("modifier") or "").lower()
    if modifier in _NOT_MODIFIERS:
        return None, start
    # The plural's place in the text: the blanked dates shift the match.
    placed = re.compile(rf"\b{re.escape(noun)}s\b").search(context.folded, start, end)
    if placed is None:
        return None, start
    at = placed.start()
    # "Postal workers walked out", "Lifeboat crews rescued…": a word of trade before the
    # plural, no name's.
    within = context.actors_in(at - len(modifier) - 1 if modifier else at, at + len(noun) + 1)
    if any(context.name(m.slug).lower() != noun + "s" for m in within):
        return None, start  # "Rangers Football Club": the word is a name's own
    before = context.actors_in(max(0, at - _GROUP_LOOKBACK), at)
    for mention in reversed(before):
        if context.kind(mention.slug) not in ORGANIZATION_KINDS:
            continue
        words = re.findall(r"[a-z]+", context.name(mention.slug).lower())
        # "Rangers" ← "… Ranger Service"; "Miners" ← "Harrow Miners' Union".
        if (
            noun in words[1:]
            or noun + "s" in words[1:]
            or EN_GROUP_BODIES.get(noun + "s", frozenset()) & set(words)
        ):
            stand_in = ActorMention(mention.slug, context.text[at : at + len(noun) + 1], at, at)
            return stand_in, placed.end()
    return None, start


def without_dates(context: ArticleContext, start: int, end: int) -> str:
    folded = list(context.folded[start:end])
    for date in context.dates_in(start, end):
        for position in range(date.char_start - start, date.char_end - start):
            folded[position] = ""
    return "".join(folded)


def clause_subject(context: ArticleContext, start: int, end: int, state) -> ActorMention | None:
    """The actor standing first in the clause, only dates and openers before it, or a
    title before a person's name, or a phrase ending in 的 that qualifies the name
    ("旗下位于将军澳的博康医院…"); a name that only qualifies the next one is not it
    ("长风文艺出版社出版的长篇小说《山河故人录》获得…")."""
    named = sorted(
        [
            *context.actors_in(start, end),
            *referred_actors(context, start, end, getattr(state, "topic", None)),
        ],
        key=lambda mention: mention.char_start,
    )
    if not named or context.kind(named[0].slug) not in SUBJECT_KINDS:
        return None
    first = named[0]
    if context.language != "en":
        first = context.smallest_place(first, end)
        named = [m for m in named if m.char_start >= first.char_start]
    lead = without_dates(context, start, first.char_start)
    if context.language == "en":
        lead = OPENERS.sub("", lead.strip(), count=1)
        if context.kind(first.slug) == "person":
            # "Judge Ana Ruiz refused…", "The Finnish conductor Aino Rautio…": a title or an
            # occupation before a person's name is part of the subject.
            lead = _EN_TITLED.sub("", lead).strip()
        if _DESCRIPTION_LEAD.fullmatch(lead) and (
            context.text[first.char_end : first.char_end + 1] == ","
            # "Two supermarket chains, Freshways and Valemart, cleared…": a list of names.
            or _LISTED_AFTER.match(context.text, first.char_end)
        ):
            return first  # "Chile's mining regulator, Sernageomin, suspended…": in apposition
        if context.kind(first.slug) in ORGANIZATION_KINDS and _EN_MEMBERS_OF.fullmatch(lead):
            return first  # "Researchers at the Halden Institute surveyed…": its people act for it
    else:
        lead = OPENERS.sub("", lead.strip(" ，,"), count=1)
        # "本报讯 贵州白水河水电站…": a paper's own byline opens the story, not its subject;
        # "「海韵明珠号」本月10日…": a name stands in its quotation marks.
        lead = _BYLINE_LEAD.sub("", lead)
        quoted = lead.rstrip('「『“《"')
        if quoted != lead and (_nominal(quoted) or _KIND_BEFORE_QUOTE.search(quoted)):
            quoted = ""  # "货轮“远航7号”", "郵輪「海韻號」": its kind before a quoted name
        lead = quoted
        if KIND_BEFORE_NAME.fullmatch(lead):
            lead = ""  # "科考船远帆九号", "卫星风云四号": its kind before the name
        if context.kind(first.slug) in ORGANIZATION_KINDS:
            # "四川省雅河县青石镇龙洞村发生…": the places the first one lies in are its
            # address, not another subject.
            lead = PLACE_CHAIN.sub("", lead)
            # "约200名移民到…", "数百名家长赶到…": how many of a group acted.
            lead = _HOW_MANY.sub("", lead)
        elif context.kind(first.slug) == "person":
            # "一名在码头工作的陈姓男工于周二…": a count and a phrase that describes the
            # person, written before them.
            lead = _DESCRIBED_PERSON.sub("", lead)
        if lead and _placed(lead):
            lead = ""  # "贵州白水河水电站": where the named one is
    if _LEAD.match(lead):
        return post_holder(context, first, named) or _head_of_phrase(context, first, named) or first
    opening, comma, described = (
        re.split(r"([，,])", lead)[-3:] if re.search(r"[，,]", lead) else ("", "", lead)
    )
    described = described.strip()
    if not _LEAD.match(opening + comma):
        return None
    if _COUNTED_AT.fullmatch(described):
        # "一名在葵青码头工作的陈姓男工…": the first name is where the one counted works or
        # lives; the subject is the head after its 的.
        head = _head_of_phrase(context, first, named)
        if head is not None:
            return head
    if _AGENT_LEAD.fullmatch(described):
        # "由教练王某训练的「飞驰」昨日夺冠": the first name is the agent of a phrase that
        # describes the subject after its 的.
        return _head_of_phrase(context, first, named)
    if _opens_on_verb(described):
        # "连接两岸的临江大桥正式通车": the first name is the object of a phrase that
        # describes the subject after its 的.
        head = _head_of_phrase(context, first, named)
        if head is not None:
            return head
    if context.kind(first.slug) == "person" and (
        _TITLED.fullmatch(described) or _nominal(described) or described_person(described)
    ):
        # "作家林岚在北京举办了…", "今日上午，临海市市长韩立群到…": a title before the name.
        return first
    if context.kind(first.slug) != "person" and DESCRIPTOR_RUN.fullmatch(described):
        # "承建方中原路桥…", "运营方青城地铁公司…": the part it plays, before its name.
        return first
    if (
        context.kind(first.slug) != "person"
        and _QUALIFIED.fullmatch(described)
        and not SPEECH.search(described)
        # "原定下月启用的东湖码头…": a plan that only describes the name is no forecast.
        and not forecasts(without_gatherings(described))
    ):
        # "旗下位于将军澳的博康医院…": a phrase ending in 的 that qualifies the name.
        return first
    return None


# A passive's mark opening a phrase that describes the name after its 的, and a title.
# One or some people counted, then where they are: "一名在", "两名来自".
_COUNTED_AT = re.compile(
    r"(?:一|两|兩|[0-9]+|[二三四五六七八九十]+)[名位个個](?:在|于|於|来自|來自|住在)"
)
_AGENT_LEAD = re.compile(r"(?:由|被|经|受)[\u3400-\u9fff]{0,6}")
# A kind of body written before its quoted name: "动物保护团体「…联盟」", "環保組織「…」".
_KIND_BEFORE_QUOTE = re.compile(
    r"^[\u3400-\u9fff]{0,8}(?:团体|團體|组织|組織|机构|機構|协会|協會|公司|集团|集團|乐团|樂團"
    r"|剧团|劇團|球队|球隊|品牌|平台)$"
)
# A news service's byline word opening a story: "本报讯", "本网讯（记者…）".
_BYLINE_LEAD = re.compile(r"^[【\[]?(?:本报|本网|本台|本刊)讯[】\]]?(?:[（(][^）)]{0,20}[）)])?\s*")


def _opens_on_verb(described: str) -> bool:
    """Whether `described`, the words before a clause's first name, is a verb opening a
    phrase that describes a noun ("连接", "服务", "收购了")."""
    if not 0 < len(described) <= 6 or not re.fullmatch(r"[\u3400-\u9fff]+", described):
        return False
    words = chinese_words(described)
    return bool(words) and words[0][1] == "v"


def _placed(lead: str) -> bool:
    """Whether `lead` is only the names of places, standing before a name as where it is."""
    if len(lead) > 8 or not re.fullmatch(r"[\u3400-\u9fff]+", lead):
        return False
    words = chinese_words(lead)
    return bool(words) and all(tag in {"LOC", "ns"} for _word, tag in words)


# The tags of the words of a title or occupation before a person's name ("骑师", "企业家",
# "厂长", "市议会议员"): nouns and names, no verb.
_TITLE_TAGS = frozenset({"n", "nz", "nw", "nt", "ORG", "LOC", "ns", "s"})


def _nominal(described: str) -> bool:
    """Whether `described` is a short run of nouns, as a title or an occupation is: "骑师李俊辉
    上周三坠马", "企业家林正德捐赠…" (not "感谢志愿者林某": a verb leads it)."""
    if not 0 < len(described) <= 8 or not re.fullmatch(r"[\u3400-\u9fff]+", described):
        return False
    words = chinese_words(described)
    return bool(words) and all(tag in _TITLE_TAGS for _word, tag in words)


def described_person(described: str) -> bool:
    """Whether `described`, the words right before a person's name, describe that person:
    a run of nouns ending the words (what the person is: "泳者", "经营者", "院友"), after a
    phrase ending in 的 ("来自邻县的|货车司机") or a count, an order or an age ("第三代|
    经营者", "一名82岁|院友"). A verb heading the words makes the name its object
    ("感谢|志愿者"), and a saying makes the name part of what was said."""
    if not 0 < len(described) <= 20 or re.search(r"[，,。；;：:、「」“”《》\s]", described):
        return False
    if SPEECH.search(described):
        return False
    words = chinese_words(described)
    noun = 0
    while noun < len(words) and words[len(words) - 1 - noun][1] in _PERSON_NOUN_TAGS:
        noun += 1
    if not noun or len("".join(word for word, _tag in words[len(words) - noun :])) > 8:
        return False
    before = words[: len(words) - noun]
    if not before:
        return True
    if before[-1] == ("的", "u"):
        return True  # "来自邻县的|货车司机": a phrase ending in 的
    return all(tag in {"m", "q", "a"} for _word, tag in before)


# The tags of the words a person is described by before the name: nouns, no place.
_PERSON_NOUN_TAGS = frozenset({"n", "nz", "nw"})


# A phrase ending in 的 (and a few words of the noun it qualifies) before a name:
# "旗下位于将军澳的", "出版的长篇小说".
_QUALIFIED = re.compile(r"[^，,。；;：:!?！？]{0,16}的[\u3400-\u9fff]{0,6}[《「“\"]?")


# "长风文艺出版社出版的长篇小说《山河故人录》获得…": a name before a phrase ending in 的
# describes the name after it, which is the subject.
_DESCRIBES = re.compile(r"[^，。；,;、的]{0,10}的[^，。；,;、的]{0,8}")


def _head_of_phrase(
    context: ArticleContext, first: ActorMention, named: list[ActorMention]
) -> ActorMention | None:
    following = [m for m in named if m.char_start >= first.char_end]
    if not following:
        return None
    head = min(following, key=lambda mention: mention.char_start)
    if context.kind(head.slug) not in SUBJECT_KINDS:
        return None
    between = context.folded[first.char_end : head.char_start]
    return head if _DESCRIBES.fullmatch(between) and not SPEECH.search(between) else None


def post_holder(
    context: ArticleContext, owner: ActorMention, named: list[ActorMention]
) -> ActorMention | None:
    """ "集团前总经理李振华…", "嘉洋市市长赵宏伟…": the person holding a post at the
    organisation named first is the clause's subject."""
    if context.kind(owner.slug) == "person":
        return None
    for mention in named:
        if context.kind(mention.slug) != "person" or mention.char_start <= owner.char_end:
            continue
        between = context.folded[owner.char_end : mention.char_start].strip()
        if between and DESCRIPTOR_RUN.fullmatch(between.removeprefix("的")):
            return mention
    return None
