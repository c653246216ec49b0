"""The place an article is about, written again by its level alone: "县里", "县政府", "该村".

Local news names its county, city or village once in full ("广西某某县的一家牧场…") and then
writes its government or its people by the level alone: "县里叫停了扩建工程", "县政府去年
曾拨款", "村里遭遇山洪", "該縣去年…". Such words stand for the place of that level the
article named last before them, which the tagger reads as a place's name (LOC, ns); never
for a body whose name only holds the level ("某某县生态环境局" is another actor). When no
actor of the article is named so, one is discovered under the place's name.

Only a word opening its clause (after punctuation or a date), or after 该/本, is read: "向
县里反映" is a party, "县里的干部" someone else. Plain Python.
"""

import re

from timeline.pipeline.actors import REVIEW_DISCOVERED, ActorEntry, ActorMention, alias_key
from timeline.pipeline.chinese_tagger import chinese_words
from timeline.pipeline.context import ArticleContext
from timeline.pipeline.recogniser import slug_for

# The words that write a place's government or its people by the level alone, read on
# the folded (simplified) text; the level is the word's first character.
_LEVEL_WORD = re.compile(
    r"(?P<level>[县市区镇乡村])(?:里|政府|府)(?![长民])"
    r"|(?<=[该本])(?P<own>[县市镇乡村])(?![\u3400-\u9fff]{0,1}[长民委])"
)
# What may stand right before a word opening its clause.
_OPENS = re.compile(r"[，。、；：！？,;:!?\s「」“”（）()]$")
# A place's name of one level: two or three characters and the level.
_PLACE = {level: re.compile(rf"[\u3400-\u9fff]{{2,3}}{level}") for level in "县市区镇乡村"}
_PLACE_TAGS = frozenset({"LOC", "ns"})
# How far back the place may be named.
_LOOKBACK = 3000


def home_place_mentions(context: ArticleContext) -> None:
    """Add to `context` a mention of the place each level word stands for (`_LEVEL_WORD`),
    discovering an actor named after the place when the article has none."""
    if context.language == "en":
        return
    folded = context.folded
    places: dict[str, list[tuple[int, str]]] = {}
    for match in _LEVEL_WORD.finditer(folded):
        level = match.group("level") or match.group("own")
        start, end = match.span()
        if match.group("own"):
            start -= 1  # "该县": the determiner with it
        elif not (start == 0 or _OPENS.search(folded, max(0, start - 1), start)) and not (
            _after_a_date(context, start)
        ):
            continue
        holding = [
            m
            for m in context.actors_in(max(0, start - 12), end + 12)
            if m.char_start < end and start < m.char_end
        ]
        if any(not _only_the_level(context, m, start, end) for m in holding):
            continue  # a name the matcher read holds it
        if level not in places:
            places[level] = _places_of(folded, level)
        named = [(at, name) for at, name in places[level] if at < start - 1]
        named = [(at, name) for at, name in named if at >= start - _LOOKBACK]
        if not named:
            continue
        name = named[-1][1]
        entry = _entry_for(context, context.text[named[-1][0] : named[-1][0] + len(name)])
        for mention in holding:
            context.drop_actor(mention)
        context.add_actor(entry, ActorMention(entry.slug, context.text[start:end], start, end))


def _only_the_level(context: ArticleContext, mention: ActorMention, start: int, end: int) -> bool:
    """Whether the mention is the level word itself, as an actor of its own ("县政府" when no
    "某某县政府" is named): the place stands for it."""
    return (mention.char_start, mention.char_end) == (start, end) and alias_key(
        context.name(mention.slug)
    ) == alias_key(context.text[start:end])


def _after_a_date(context: ArticleContext, position: int) -> bool:
    dates = context.dates_in(max(0, position - 20), position)
    if not dates or context.folded[dates[-1].char_end : position].strip("，, "):
        return False
    start = dates[-1].char_start
    return start == 0 or bool(_OPENS.search(context.folded, max(0, start - 1), start))


def _places_of(folded: str, level: str) -> list[tuple[int, str]]:
    """(start, name) of every place of the level the article names, in text order: a word
    the tagger reads as a place's name, ending in the level."""
    found = []
    for match in _PLACE[level].finditer(folded):
        # The clause around it is tagged: a name alone is tagged otherwise.
        lo = max(0, match.start() - 6)
        hi = min(len(folded), match.end() + 6)
        at = lo
        for word, tag in chinese_words(folded[lo:hi]):
            word_end = at + len(word)
            if word_end == match.end() and tag in _PLACE_TAGS and word.endswith(level):
                if len(word) >= 3 and at >= match.start():
                    found.append((at, word))
            at = word_end
    return found


def _entry_for(context: ArticleContext, name: str) -> ActorEntry:
    """The article's actor named so, else a discovered one under the place's name."""
    key = alias_key(name)
    for entry in (*context.subjects, *(context.matcher.entry(m.slug) for m in context.actors)):
        if alias_key(entry.name) == key:
            return entry
    taken = context.matcher.slugs()
    slug = base = slug_for(name)
    number = 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return ActorEntry(slug, name, "organization", (name,), REVIEW_DISCOVERED)
