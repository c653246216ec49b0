"""Injected spam phrases: gambling brands and their sales talk pasted into article text
("某某娱乐官网注册送彩金"), found inside a line so the rest of the line can be kept.

One pass of anchored, length-bounded expressions, so cost stays linear.
"""

import re

# Gambling vocabulary, simplified and traditional, longest first so alternation is greedy.
_GAMBLING_TERMS = (
    *(
        "麻将胡了",
        "麻將胡了",
        "电子游戏",
        "電子遊戲",
        "真人视讯",
        "真人視訊",
        "体育投注",
        "體育投注",
    ),
    *("百家乐", "百家樂", "老虎机", "老虎機", "娱乐城", "娛樂城", "娱乐", "娛樂", "电子", "電子"),
    *("棋牌", "彩票", "博彩", "彩金", "捕鱼", "捕魚", "赌场", "賭場", "体育", "體育"),
)
# Terms that only ever appear in spam, so they need no brand prefix to count.
_SIGNATURE_TERMS = frozenset(
    (
        *("麻将胡了", "麻將胡了", "百家乐", "百家樂", "老虎机", "老虎機", "真人视讯", "真人視訊"),
        *("体育投注", "體育投注", "彩金", "娱乐城", "娛樂城"),
    )
)
# Words that trail a spam phrase ("…官网", "…app下载") and belong to it once it is found.
_TRAILING_TERMS = (
    *("官方网站", "官方網站", "官网", "官網", "网址", "網址", "平台", "入口", "登录", "登入"),
    *("注册", "註冊", "下载", "下載", "app", "APP"),
)
_SPAM_CORE = re.compile("(?:" + "|".join(map(re.escape, _GAMBLING_TERMS)) + ")+")
_SPAM_TAIL = re.compile("(?:" + "|".join(map(re.escape, _TRAILING_TERMS)) + ")+")
_SPAM_ENGLISH = re.compile(
    r"\b(?:online\s+casino|casino\s+online|slot\s+gacor|situs\s+slot|judi\s+(?:online|bola)"
    r"|togel\s+online)\b",
    re.IGNORECASE,
)
# Alphanumeric tokens that commonly precede these words in real prose ("AI娱乐", "5G电子").
_NOT_BRANDS = frozenset(
    {"ai", "app", "pc", "tv", "vr", "ar", "xr", "it", "ip", "3d", "2d", "4k", "8k", "5g", "4g"}
    | {"ceo", "cto", "ugc", "pgc", "aigc", "mcn", "ott", "io", "ic", "ev", "led", "oled"}
)
_BRAND_MAX = 6


def _brand_before(text: str, pos: int, floor: int) -> int:
    """Start of an alphanumeric brand token ending at ``pos`` ("c7", "pg"), or ``pos``."""
    start = pos
    while start > floor and pos - start < _BRAND_MAX + 1 and text[start - 1].isascii():
        if not text[start - 1].isalnum():
            break
        start -= 1
    if start == pos or pos - start > _BRAND_MAX or pos - start < 2:
        return pos
    if start > floor and text[start - 1].isascii() and text[start - 1].isalnum():
        return pos
    if text[start:pos].lower() in _NOT_BRANDS:
        return pos
    return start


def find_spam_phrases(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of gambling spam injected into ``text[start:end]``.

    A phrase counts when gambling vocabulary follows an alphanumeric brand ("c7娱乐",
    "pg电子游戏") or contains a term found only in spam ("麻将胡了", "百家乐"). Trailing
    words such as "官网" are included so a sentence can be cut cleanly around the phrase.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for match in _SPAM_CORE.finditer(text, start, end):
        core = match.group()
        phrase_start = _brand_before(text, match.start(), start)
        has_signature = any(term in core for term in _SIGNATURE_TERMS)
        if phrase_start == match.start() and not has_signature:
            continue
        phrase_end = match.end()
        tail = _SPAM_TAIL.match(text, phrase_end, end)
        if tail:
            phrase_end = tail.end()
        spans.append((phrase_start, phrase_end))
    for match in _SPAM_ENGLISH.finditer(text, start, end):
        spans.append(match.span())
    spans.sort()
    return spans
