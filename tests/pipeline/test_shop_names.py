"""Shops, stalls and workshops named by a mark, with no gazetteer: a surname or a trade name
and 記/號 ("陳記", "同昌號"), with the trade's nouns after the mark ("餅家", "霓虹燈") or in
quotation marks; and the everyday words ending in 記/號 ("書記", "登記", "信號", "老字號")
that must stay no name. The sentences are written for these tests, in both scripts and in
Hong Kong, Taiwan and mainland styles."""

import pytest

from timeline.pipeline.chinese_tagger import _simplified, _words_of_name
from timeline.pipeline.shop_names import shop_names

# (text, the claim's main actor, its start date, a fragment of its quote)
TOLD = [
    ("老字號陳記餅家昨（19）日宣布結業。", "陳記餅家", "2025-06-19", "宣布結業"),
    ("老字号王记馄饨上周关门歇业。", "王记馄饨", "2025-06-09", "关门歇业"),
    ("李記茶餐廳上月結業。", "李記茶餐廳", "2025-05-01", "結業"),
    ("新南記霓虹燈上月拆下最後一塊招牌。", "新南記霓虹燈", "2025-05-01", "拆下最後一塊招牌"),
    ("百年老店同昌號上週五宣布搬遷。", "同昌號", "2025-06-13", "宣布搬遷"),
    ("创办于1932年的老字号恒昌号酱园本月10日停业。", "恒昌号酱园", "2025-06-10", "停业"),
    ("黃記燒臘昨日被食環署檢控。", "黃記燒臘", "2025-06-19", "檢控"),
]


@pytest.mark.parametrize(("text", "actor", "start", "fragment"), TOLD)
def test_a_shop_named_by_its_mark_is_the_claims_main_actor(
    main_actors, text, actor, start, fragment
):
    claims = main_actors(text, "2025-06-20")
    assert any(
        name == actor and date == start and fragment in quote for name, date, quote in claims
    ), claims


# (text, the shops' names the reader finds)
SHOPS = [
    ("老字號陳記餅家昨日宣布結業。", ["陳記餅家"]),
    ("經營近七十年的紮作老店「鄧記紮作」本週一起停止營業。", ["鄧記紮作"]),
    ("鄧記由鄧國強的父親於1956年創立。", ["鄧記"]),
    ("该店的招牌「荣华记」上月拆下。", ["荣华记"]),
    ("裕興記洋服店上月結業。", ["裕興記洋服店"]),
    # A person's word after the mark is no trade: the shop ends at its mark.
    ("陳記第三代傳人陳國榮說。", ["陳記"]),
    ("，金記老闆昨日表示。", ["金記"]),
    # Everyday words ending in 記 or 號, and a 號 with no shop's word near it.
    ("他向記者表示，於記者會上說明。", []),
    ("書記李明昨日到訪。", []),
    ("市委书记李明昨日到访。", []),
    ("他上周登记结婚。", []),
    ("，史记记载此事。", []),
    ("老字號的招牌上月拆下。", []),
    ("信號燈昨日故障。", []),
    ("一號風球昨日除下。", []),
    ("2号线昨日停运。", []),
    ("，同昌號上週宣布搬遷。", []),
    ("大家牢記教訓。", []),
]


@pytest.mark.parametrize(("text", "expected"), SHOPS)
def test_a_shop_is_read_from_its_mark_and_trade(text, expected):
    simple = _simplified(text)
    spans = shop_names(simple, [(0, len(simple))], _words_of_name)
    assert [text[start:end] for start, end in spans] == expected
