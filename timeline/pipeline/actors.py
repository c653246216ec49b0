"""Actor recognition: alias normalization and linking names in text to the gazetteer.

Plain Python: the gazetteer is passed in, the database is never read here.
"""

import re
import unicodedata
from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional Chinese characters to simplified; other text is left as it is."""
    return _to_simplified().convert(text)


def normalize_alias(text: str) -> str:
    """The form aliases are compared in: NFKC, simplified script, case-folded, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text).casefold()
    return re.sub(r"\s+", " ", text).strip()
