"""Goods whose price a dated clause tells moved, with no gazetteer: the goods and their price
word ("銀價", "玉米价格"), or the goods before or after the date with a price per unit or a
price word after it ("黄芪本周一的成交价…", "本月初，雲林縣花生每台斤…"); and the prices an
actor sets, a company's figures and clauses with no price that must stay no goods. The
sentences are written for these tests, in both scripts and in Hong Kong, Taiwan and mainland
styles."""

import pytest

from timeline.pipeline.chinese_tagger import _simplified, _words_of_name
from timeline.pipeline.commodity_names import commodities
from timeline.pipeline.dates import find_dates, parse_reference

# (text, the names read, in order: the goods with their price word, then the goods alone)
GOODS = [
    ("銀價上週五首次突破每両4萬港元。", ["銀價"]),
    ("玉米价格本周二每公斤下跌了0.3元。", ["玉米价格", "玉米"]),
    ("生猪价格上周回落至每公斤14元。", ["生猪价格", "生猪"]),
    ("猪价上月跌至每公斤12元。", ["猪价"]),
    ("黄芪本周一的成交价升至每公斤128元。", ["黄芪"]),
    ("羊毛上月每斤涨至8元。", ["羊毛"]),
    ("本月初，雲林縣花生每台斤跌至12元，創十年新低。", ["雲林縣花生"]),
    ("今年3月，蜂蜜收购价跌至每斤20元。", ["蜂蜜收购价", "蜂蜜"]),
    # Prices an actor sets, a share's price, a company's figures: no goods.
    ("票价下月起上涨两元。", []),
    ("宏晶股价昨日大涨。", []),
    ("公司营收去年下跌了两成。", []),
    ("鲜奶销量上月下跌了三成。", []),
    ("他昨日跌倒受伤。", []),
    ("昨日，价格上涨。", []),
]


@pytest.mark.parametrize(("text", "expected"), GOODS)
def test_goods_whose_price_moved_are_read(text, expected):
    scan = find_dates(text, reference=parse_reference("2025-06-20"))
    dates = [(mention.char_start, mention.char_end) for mention in scan.mentions]
    simple = _simplified(text)
    spans = commodities(simple, [(0, len(simple))], dates, _words_of_name)
    assert [text[start:end] for start, end in spans] == expected


# (text, the claim's main actor, its start date)
TOLD = [
    ("銀價上週五首次突破每両4萬港元。", "銀價", "2025-06-13"),
    ("玉米价格本周二每公斤下跌了0.3元。", "玉米价格", "2025-06-17"),
    ("羊毛上月每斤涨至8元。", "羊毛", "2025-05-01"),
]


@pytest.mark.parametrize(("text", "actor", "start"), TOLD)
def test_goods_whose_price_moved_are_the_claims_main_actor(main_actors, text, actor, start):
    claims = main_actors(text, "2025-06-20")
    assert [(name, date) for name, date, _quote in claims] == [(actor, start)]
