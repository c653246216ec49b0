"""Headlines of rankings: the place a ranking states, on whose leaderboard, ahead of whom."""

from timeline.pipeline.context import COMPANY_KINDS, WORK_KINDS, ArticleContext
from timeline.pipeline.cues import MOST_VALUABLE, PLACE
from timeline.pipeline.dates import DateMention
from timeline.pipeline.parties import Parties
from timeline.pipeline.periods import period_tag
from timeline.pipeline.wording import Wording

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def ranking_wording(
    context: ArticleContext, parties: Parties, folded: str, mention: DateMention | None
) -> Wording:
    principal = parties.principal
    name = context.name(principal)
    # A model is ranked against models first, a company against companies.
    rivals = [s for s in parties.objects if context.kind(s) in WORK_KINDS and s != principal]
    rivals += [s for s in parties.objects if context.kind(s) in COMPANY_KINDS and s != principal]
    # A leaderboard run by a named organization ("LMSYS", "Hugging Face") names the ranking
    # in any article, dated or not.
    boards = [s for s in parties.others if context.kind(s) == "organization"]
    board = f"the {context.name(boards[0])} leaderboard" if boards else "a leaderboard"
    place = place_in_words(folded)
    ahead = f", ahead of {context.name(rivals[0])}" if rivals and place else ""
    if place == "first":
        verbs = (f"tops {board}", f"topped {board}")
    elif place:
        verbs = (f"ranks {place} on {board}", f"ranked {place} on {board}")
    elif rivals:
        rival = context.name(rivals[0])
        what = " as the most valuable company" if MOST_VALUABLE.search(folded) else ""
        verbs = (f"overtakes {rival}{what}", f"overtook {rival}{what}")
    else:
        verbs = (f"ranks high on {board}", f"ranked high on {board}")
    tail = boards[0] if boards else period_tag(mention, month=True)
    return Wording(
        "ranking", f"ranking:{principal}:{tail}", name, verbs[0] + ahead, verbs[1] + ahead
    )


def place_in_words(folded: str) -> str:
    """The place a ranking states, in words: "排名世界第六" → "sixth", "登顶" → "first"."""
    match = PLACE.search(folded)
    if match is None:
        return ""
    if match.group("han"):
        digit = match.group("han")
        index = int(digit) if digit.isdigit() else "一二三四五六七八九".index(digit) + 1
        return _ORDINALS[index - 1] if 1 <= index <= len(_ORDINALS) else ""
    return match.group("en") or "first"
