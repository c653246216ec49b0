"""The words of a funding round a headline names: the round's name in English, and whether
an investor led it.
"""

import re

from timeline.pipeline.cues import ROUND_NAME
from timeline.pipeline.triggers import words

_ROUND_NAMES = {"天使": "angel", "种子": "seed"}


def round_label(folded: str) -> str:
    """The name of a funding round in English: "Series B", "Pre-A", "seed", or ""."""
    named = ROUND_NAME.search(folded)
    if named is None:
        return ""
    if named.group("seed"):
        return named.group("seed")
    letter = named.group("zh") or named.group("en")
    if letter in _ROUND_NAMES:
        return _ROUND_NAMES[letter]
    if letter.startswith("pre"):
        return f"Pre-{letter[-1].upper()}"
    return f"Series {letter.upper()}"


LED_ROUND = re.compile(r"领投|牵头|" + words("led", "leads", "leading"))
