"""Language: which of English, simplified or traditional Chinese an article is written in.

Plain Python.
"""

import re
from collections import Counter
from functools import lru_cache

import opencc

LANGUAGES = ("zh-Hans", "zh-Hant", "en")

WORD = re.compile(r"[^\W_]")

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

_LATIN = re.compile(r"[A-Za-z]")

_LANGUAGE_SAMPLE = 200_000


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _script_counts(text: str) -> tuple[int, int]:
    """How many Han characters in ``text`` are traditional-only and simplified-only."""
    counts = Counter(HAN.findall(text))
    chars = sorted(counts)
    if not chars:
        return 0, 0
    joined = "\n".join(chars)
    as_simplified = _converter("t2s").convert(joined).split("\n")
    as_traditional = _converter("s2t").convert(joined).split("\n")
    if len(as_simplified) != len(chars) or len(as_traditional) != len(chars):
        return 0, 0
    traditional = sum(counts[c] for c, s in zip(chars, as_simplified, strict=True) if s != c)
    simplified = sum(counts[c] for c, t in zip(chars, as_traditional, strict=True) if t != c)
    return traditional, simplified


def detect_language(text: str, *, chinese: bool | None = None) -> str:
    """ "zh-Hans", "zh-Hant" or "en" from the characters of ``text``.

    Han characters carry about a word each, so a text is Chinese once they reach a quarter
    of its Latin letters. ``chinese=True`` only decides the script.
    """
    sample = text[:_LANGUAGE_SAMPLE]
    if chinese is None:
        han = len(HAN.findall(sample))
        latin = len(_LATIN.findall(sample))
        chinese = han >= 5 and han * 4 >= latin
    if not chinese:
        return "en"
    traditional, simplified = _script_counts(sample)
    return "zh-Hant" if traditional > simplified else "zh-Hans"


_LANGUAGE_TAGS = {
    "zh-hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-my": "zh-Hans",
    "zh-hans-cn": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "zh-hant-tw": "zh-Hant",
    "zh-hant-hk": "zh-Hant",
}


def article_language(declared: str | None, text: str) -> str:
    tag = (declared or "").strip().replace("_", "-").lower()
    if tag in _LANGUAGE_TAGS:
        return _LANGUAGE_TAGS[tag]
    if tag == "en" or tag.startswith("en-"):
        return "en"
    if tag in {"zh", "chinese", "cn"}:
        return detect_language(text, chinese=True)
    return detect_language(text)
