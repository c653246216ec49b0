"""The English simple past: which words are verbs in the past (`past_verb`, `EN_PAST_VERB`,
the irregular forms kept as data), the participles unlike it, and the verbs in the past
that state rather than tell a happening. Plain Python.
"""

import re

from timeline.pipeline.wordlists import word_list


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def past_verb(text: str) -> bool:
    """Whether the English text holds a verb in the simple past ("ended", "cut", "sold")."""
    return any(word.endswith("ed") or word in EN_IRREGULAR for word in re.findall(r"[a-z]+", text))


# Simple pasts that do not end in "-ed", kept as data.
EN_IRREGULAR = word_list("en_irregular_past.txt")
# A verb in the simple past, as a regex alternation: "-ed" (with a prefix: "re-opened"), or
# one of the data file's.
EN_PAST_VERB = r"(?:re-|co-|pre-)?[a-z]+ed|" + "|".join(sorted(EN_IRREGULAR))
# Past participles unlike the simple past ("flown", "taken"), verbs of a passive after
# "was", "were" or "been"; kept as data.
EN_PARTICIPLES = word_list("en_irregular_participles.txt")
# Verbs that state something rather than tell a happening, or are told elsewhere.
EN_NOT_HAPPENING = word_set(
    "said stated told added noted explained expected estimated planned hoped wanted needed "
    "owned employed operated remained used based headquartered listed valued ranked "
    "considered called named described seemed appeared looked continued liked"
)


def is_past(word: str) -> bool:
    return word.endswith("ed") or word in EN_IRREGULAR
