"""An English dated clause's main actor read from its parsed subject, when the rules find none.

"The Halloway ferry operator cancelled all crossings on Tuesday", "The museum was opened by
the Duke of Emberly in May 1998", "The pier opened in 1889": the subject noun phrase of the
verb the date belongs to (`english_parse`; for a passive, its "by" agent when it has one) is
the clause's main actor: an actor named inside the phrase, else the one a referring
expression there stands for ("the company", `referents`), else, when the phrase holds a
proper noun, the actor told before whose name it shortens ("Dervaux" after "Maison
Dervaux") or a discovered actor named by it; a definite description of one body ("the
county council") is a discovered actor too. Other phrases of common nouns ("local
fishermen", "heavy rain", "the pier") name no one. Whether the clause tells a happening
(past, no plan, state, comparison, judgement or age) is still `happenings.plain_happening`'s
to say. Plain Python.
"""

import re
from collections.abc import Sequence

from timeline.pipeline.actors import REVIEW_DISCOVERED, ActorEntry, ActorMention, alias_key
from timeline.pipeline.context import ArticleContext
from timeline.pipeline.dates import DateMention
from timeline.pipeline.english_parse import clause_subject
from timeline.pipeline.happenings import SUBJECT_KINDS, plain_happening
from timeline.pipeline.recogniser import slug_for
from timeline.pipeline.referents import referred_actors
from timeline.pipeline.scope import SentenceScope
from timeline.pipeline.triggers import Trigger

# How far back an actor whose name the phrase ends may be named.
_ANTECEDENT_REACH = 1500
# A figure's movement told as the subject ("Shares in X fell", "Prices rose"): a comparison,
# not an act of whoever is named inside the phrase.
_FIGURES = frozenset(
    {
        "share", "shares", "stock", "stocks", "price", "prices", "sales", "revenue",
        "revenues", "profit", "profits", "earnings", "output", "number", "numbers",
        "figures", "rate", "rates", "value", "cost", "costs", "turnover", "traffic",
    }
)  # fmt: skip
# A comparison told of the subject ("charged more in April than in March", "up 8% on the
# year"): figures set side by side, not an act.
_COMPARISON = re.compile(r"\bthan\b|\bcompared (?:with|to)\b|\b(?:up|down) \d")
# The longest phrase taken as a discovered actor's name, in words.
_MOST_WORDS = 6
# A discovered name's words: letters, digits, "&", apostrophes, hyphens, dots.
_NAME = re.compile(r"[\w&'’.-]+(?: [\w&'’.-]+)*")


def parsed_subject(
    context: ArticleContext,
    scope: SentenceScope,
    span: tuple[int, int],
    mention: DateMention,
    state,
) -> tuple[Trigger, tuple[int, int]] | None:
    """The happening of an English dated clause whose main actor is its parsed subject, and
    the clause's span from that subject on, or None; an actor discovered for it is kept
    only when the clause tells a happening."""
    if context.language != "en" or mention.char_start is None:
        return None
    if _COMPARISON.search(context.folded, *span):
        return None
    sentence_start, sentence_end = scope.clauses[0][0], scope.clauses[-1][1]
    text = context.text[sentence_start:sentence_end]
    found = clause_subject(
        text, mention.char_start - sentence_start, mention.char_end - sentence_start
    )
    if found is None or found.head in _FIGURES:
        return None
    phrase = (sentence_start + found.start, sentence_start + found.end)
    if phrase[1] > span[1]:
        return None
    actor = None
    told = (min(span[0], phrase[0]), span[1])
    if found.agent is not None:
        agent = [sentence_start + offset for offset in found.agent]
        actor = _actor_of(context, state, agent[:2], agent[2:], found.agent_proper)
        if actor is not None and context.actors_in(*phrase):
            # "Halloran & Pyne was bought by Veldkamp in 2022": the agent is the main actor;
            # the clause is told from its verb, so the name it happened to stands aside.
            told = (phrase[1], span[1])
    if actor is None:
        named = (sentence_start + found.named[0], sentence_start + found.named[1])
        actor = _actor_of(context, state, phrase, named, found.proper)
    if actor is None:
        return None
    entry, named = actor
    # The actor stands in at the subject's place, up to its verb ("Greyhill's founders, Simon
    # and Claire Pelham, planted…"), so the verb is read after it.
    stand_in = ActorMention(named.slug, named.text, phrase[0], sentence_start + found.verb)
    # Known from here on as the clause's subject (a name inside it, "Greyhill's founders",
    # would otherwise be read as the subject with "'s founders" after it); a discovered
    # actor, or one told before by its kind, is known to the article from here on.
    context.add_actor(entry or context.matcher.entry(named.slug), stand_in)
    trigger = plain_happening(context, told, mention, state, stand_in)
    if trigger is None:
        context.drop_actor(stand_in)
        return None
    return trigger, told


def _actor_of(
    context: ArticleContext, state, phrase: Sequence[int], named_at: Sequence[int], proper: bool
) -> tuple[ActorEntry | None, ActorMention] | None:
    """The actor a phrase names and its mention, with its entry when that mention is new
    to the context (None when a name or a referring expression in the phrase is it), or
    None."""
    start, end = phrase
    named = [
        m
        for m in [
            *context.actors_in(start, end),
            *referred_actors(context, start, end, getattr(state, "topic", None)),
        ]
        if context.kind(m.slug) in SUBJECT_KINDS
    ]
    if named:
        return None, named[0]
    if not proper and not _described_body(context, start, end):
        return None
    start, end = named_at
    short = alias_key(_without_determiner(context.text[start:end]))
    if len(short) >= 3:
        # "Greyhill's founders planted…" after "Greyhill Estate", "Dervaux bought…" after
        # "Maison Dervaux": a name told before, shortened to its first or last words.
        told = _told_before(
            context,
            start,
            end,
            lambda name: name.startswith(short + " ") or name.endswith(" " + short),
        )
        if told is not None:
            return told
    name = _without_determiner(context.text[start:end])
    if not _NAME.fullmatch(name) or len(name.split()) > _MOST_WORDS:
        return None
    if any(date.char_start < end and date.char_end > start for date in context.dates_in(*phrase)):
        return None
    for entry in context.subjects:
        if alias_key(entry.name) == alias_key(name):
            return entry, ActorMention(entry.slug, name, start, end)
    taken = context.matcher.slugs()
    slug = base = slug_for(name)
    number = 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    entry = ActorEntry(slug, name, "organization", (name,), REVIEW_DISCOVERED)
    return entry, ActorMention(slug, name, start, end)


def _told_before(
    context: ArticleContext, start: int, end: int, names_it
) -> tuple[ActorEntry, ActorMention] | None:
    """The latest actor named before `start` (within reach) whose name `names_it`, as the
    entry and a mention of it standing at [start, end); None when there is none."""
    for earlier in reversed(context.actors_in(max(0, start - _ANTECEDENT_REACH), start)):
        if names_it(alias_key(context.name(earlier.slug))):
            mention = ActorMention(earlier.slug, context.text[start:end], start, end)
            return context.matcher.entry(earlier.slug), mention
    return None


def _described_body(context: ArticleContext, start: int, end: int) -> bool:
    """Whether a phrase with no proper noun stands for one body or thing by its description:
    "the county council", "the regional water board" (a definite article, a modifier and
    a singular head, nothing after the head)."""
    words = context.text[start:end].split()
    before = context.folded[max(0, start - 4) : start]
    return (
        before == "the "
        and 2 <= len(words) <= 4
        and all(re.fullmatch(r"[a-z-]+", word) for word in words)
        and not words[-1].endswith("s")
    )


def _without_determiner(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)
