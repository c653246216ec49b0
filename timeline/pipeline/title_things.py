"""The English thing an article's title opens on: "Castlehill funicular back in service after
rebuild", "Tarnby lighthouse changes hands": a capitalised name and one or two lower-case
nouns that the body writes again after "the" ("The Castlehill funicular, which carries…").

Such a thing is what the article is about; it is an actor like a company, named as the
body writes it, at every place the body writes it with "the". A shorter name that matched
inside those words (the town's council by its short form "Castlehill") gives way there. A
phrase the body never writes after "the" is no thing: "Fine wool prices jump" is not.
Plain Python.
"""

import re

from timeline.pipeline.actors import REVIEW_DISCOVERED, ActorEntry, ActorMention
from timeline.pipeline.context import ArticleContext
from timeline.pipeline.recogniser import slug_for

# The title's opening: one to three capitalised words, then one or two lower-case words.
_OPENING = re.compile(
    r"(?P<name>[A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){0,2}) (?P<kind>[a-z][a-z-]+(?: [a-z][a-z-]+)?)\b"
)


def title_things(context: ArticleContext, title: str) -> list[tuple[ActorEntry, ActorMention]]:
    """The thing the title opens on and each of its mentions after "the" in the body; empty
    when the body never writes it so, or a known name already covers it whole there."""
    if context.language != "en" or not title:
        return []
    opening = _OPENING.match(title.strip())
    if opening is None:
        return []
    kinds = opening.group("kind").split()
    # The longer phrase first: "ski jump" before "ski".
    for size in range(len(kinds), 0, -1):
        phrase = f"{opening.group('name')} {' '.join(kinds[:size])}"
        pattern = re.compile(rf"\b[Tt]he {re.escape(phrase)}\b")
        body_start = context.text.find(title) + len(title) if title in context.text else 0
        places = [
            (m.start() + 4, m.end())
            for m in pattern.finditer(context.text, body_start)
            if not any(
                a.char_start <= m.start() + 4 and m.end() <= a.char_end
                for a in context.actors_in(max(0, m.start() - 40), m.end() + 40)
            )
        ]
        if places:
            name = context.text[places[0][0] : places[0][1]]
            entry = ActorEntry(slug_for(name), name, "product", (name,), REVIEW_DISCOVERED)
            return [(entry, ActorMention(entry.slug, name, start, end)) for start, end in places]
    return []
