"""Numerals and script folding for the date grammars.

``fold_text`` maps a text to a same-length copy in which full-width digits and
punctuation are ASCII and the traditional characters that occur in date expressions
are simplified, so one grammar serves both scripts and offsets stay valid.
"""

import re

_FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_PUNCTUATION = {"\u3000": " ", "～": "~", "－": "-", "／": "/", "．": ".", "\xa0": " "}

# Traditional → simplified, one character each, limited to what surrounds dates.
_TRADITIONAL = dict(
    zip(
        "個後過歲於週號當開來從紀間預計將會這還歷曆頭數兩餘時際舊節內現爲為對們與點幾載屆單臨鐘樣麼盡後際達約長並則裡裏歲號翌隔漢終衝闆報導據稱發佈佈屆屬隨迄竟標誌嗎進遠連財禮夠國慶農臘閏陰聖誕勞動兒婦師雙劃擬黃陽親",
        "个后过岁于周号当开来从纪间预计将会这还历历头数两余时际旧节内现为为对们与点几载届单临钟样么尽后际达约长并则里里岁号翌隔汉终冲板报导据称发布布届属随迄竟标志吗进远连财礼够国庆农腊闰阴圣诞劳动儿妇师双划拟黄阳亲",
        strict=True,
    )
)

_FOLD = {**_FULL_WIDTH, **_PUNCTUATION, **_TRADITIONAL}
# Replacing the few folded characters by a pattern is many times faster than str.translate,
# which looks every character of a CJK text up in the table.
_FOLDED = re.compile("[" + "".join(re.escape(char) for char in _FOLD) + "]")

CHINESE_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _fold(match: re.Match) -> str:
    return _FOLD[match.group()]


def fold_text(text: str) -> str:
    """Same-length copy of ``text`` with digits, punctuation and script folded."""
    return _FOLDED.sub(_fold, text)


def small_number(token: str) -> int | None:
    """1–99 written in ASCII digits or Chinese numerals (五, 十二, 二十一, 三十); else None."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    if not token or any(ch not in CHINESE_DIGITS and ch != "十" for ch in token):
        return None
    if "十" not in token:
        return CHINESE_DIGITS[token] if len(token) == 1 else None
    tens, _, units = token.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    value = (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[units] if units else 0)
    return value if value > 0 else None


def year_number(token: str) -> int:
    """A four-digit year in ASCII digits or digit-by-digit Chinese numerals (二〇二三)."""
    if token.isdigit():
        return int(token)
    return int("".join(str(CHINESE_DIGITS[ch]) for ch in token))
