"""Commodities whose price a Chinese clause tells moved: "玉米价格本周二每公斤下跌了0.3元",
"銀價上週五首次突破每両4萬港元", "本月初，雲林縣花生每台斤跌至12元". News of farm and market
prices makes the goods the subject of the happening; the tagger reads them as common nouns,
so no name reader finds them.

A commodity is a run of the tagger's nouns (a place may open it: "雲林縣|花生") standing as
the clause's subject, next to the clause's date, with a word for its price after it ("价格",
"价", "成交价") or a price per unit after the date ("每公斤", "每台斤"), and then a verb of a
price's movement ("下跌", "跌至", "突破"). Prices an actor sets (fares, rents, fees, a share
price) are not goods: `vocabulary/zh_set_prices.txt`. The name is the goods with their price
word as written ("銀價"); the goods alone are another form of it when two characters or more.

Plain Python on the article's simplified copy (same offsets as the source); the caller turns
the (start, end) pairs into names.
"""

import re
from collections.abc import Callable, Iterable, Sequence

from timeline.pipeline.wordlists import word_list

Tagger = Callable[[str], Sequence[tuple[str, str]]]

_PRICE = re.compile(r"(?:收购价格?|批发价格?|零售价格?|成交价格?|出厂价格?|价格|价钱|价)$")
_PER_UNIT = re.compile(r"每[一两]?(?:台斤|公斤|市斤|斤|吨|两|克|担|头|只|箱|包|升|桶|盎司)")
_MOVES = re.compile(
    r"(?:[^，。；,;]{0,8}?)(?:首次|再次|一度|持续|大幅|明显|继续|已经?|又|均)?"
    r"(?:上涨|下跌|下滑|下降|回落|回升|走高|走低|跌破|突破|跌至|升至|涨至|降至|跌到|涨到|升到"
    r"|暴涨|暴跌|大涨|大跌|飙升|上扬|攀升|创下?|涨了|跌了)"
)
# The goods opening a clause after its date, then their price word or a price per unit.
_GOODS_OPENING = re.compile(
    r"(?P<goods>[\u3400-\u9fff]{1,6}?)"
    r"(?:(?P<price>(?:收购|批发|零售|成交|出厂)?价格?)|(?=每[一两]?[\u3400-\u9fff]{1,2}[\u3400-\u9fff]))"
)
# Between the date and the price per unit or the movement: 的成交价 ("黄芪本周一的成交价升至").
_PRICE_AFTER_DATE = re.compile(r"的?(?:收购|批发|零售|成交|出厂)?价格?")
_SET_PRICES = word_list("zh_set_prices.txt")
_GOODS_TAGS = frozenset({"n", "nz", "nw"})
_PLACE_TAGS = frozenset({"LOC", "ns"})
# What may open the clause before the goods: a mark, or the stretch's start.
_OPENS = "，。；：！？、\n,;:!?】」 "
_REACH = 8


def commodities(
    simple: str,
    spans: Iterable[tuple[int, int]],
    dates: Sequence[tuple[int, int]],
    tag: Tagger,
) -> list[tuple[int, int]]:
    """(start, end) of each commodity whose price a dated clause tells moved, in the given
    stretches of `simple`; the goods alone are a second pair when two characters or more."""
    found: list[tuple[int, int]] = []
    stretches = list(spans)
    for date_start, date_end in dates:
        if not any(start <= date_start < end for start, end in stretches):
            continue
        # The goods before the date: "玉米价格|本周二…", "黄芪|本周一的成交价…".
        lead_start = date_start
        while lead_start > max(0, date_start - _REACH) and simple[lead_start - 1] not in _OPENS:
            lead_start -= 1
        if lead_start == 0 or simple[lead_start - 1] in _OPENS:
            priced = _PRICE.search(simple, lead_start, date_start) is not None
            moves = _after_date(simple, date_end, priced=priced)
            goods = _goods(simple, lead_start, date_start, tag, moves)
            if goods:
                found.extend(goods)
                continue
        # The goods after a date that opens the clause: "本月初，|云林县花生每台斤跌至…".
        if date_start > 0 and simple[date_start - 1] not in _OPENS:
            continue
        at = date_end + (1 if simple[date_end : date_end + 1] in {"，", ","} else 0)
        opening = _GOODS_OPENING.match(simple, at)
        if opening is None:
            continue
        end = opening.end("price") if opening.group("price") else opening.end("goods")
        if _after_date(simple, opening.end()):
            found.extend(_goods(simple, at, end, tag, True))
    return found


def _after_date(simple: str, date_end: int, *, priced: bool = True) -> bool:
    """Whether what follows a date tells a price's movement: a price word or a price per
    unit (needed when no price word stood before the date: `priced` false), then a verb of
    movement."""
    at = date_end
    word = _PRICE_AFTER_DATE.match(simple, at)
    if word and word.group():
        at, priced = word.end(), True
    unit = _PER_UNIT.match(simple, at)
    if unit:
        at, priced = unit.end(), True
    return priced and _MOVES.match(simple, at) is not None


def _goods(simple: str, start: int, end: int, tag: Tagger, moves: bool) -> list[tuple[int, int]]:
    """The goods (and their price word) in [start, end), when they are a run of nouns,
    perhaps after a place, and what follows tells their price moved."""
    if not moves or end - start < 1:
        return []
    phrase = simple[start:end]
    price = _PRICE.search(phrase)
    goods = phrase[: price.start()] if price else phrase
    if not goods or not re.fullmatch(r"[\u3400-\u9fff]+", goods):
        return []
    if not price and len(goods) < 2:
        return []
    if any(goods.endswith(word) or phrase.endswith(word) for word in _SET_PRICES):
        return []  # "票价", "租金", "股价": a price some actor sets, or a share's
    words = list(tag(goods))
    if not words or words[-1][1] not in _GOODS_TAGS:
        return []
    if any(t not in _GOODS_TAGS | _PLACE_TAGS for _w, t in words):
        return []
    if any(t in _PLACE_TAGS for _w, t in words[1:]):
        return []  # a place only opens the goods ("云林县|花生")
    found = [(start, end)]
    if price and len(goods) >= 2:
        found.append((start, start + len(goods)))
    return found
