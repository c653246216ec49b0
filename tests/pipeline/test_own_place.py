"""本市, 本县, 本省, 本港 ("this city", "this county"…) name no place of their own: standing
as a clause's subject, they are the city, county, province or port the article names; when
it names none, they are no actor. The sentences are written for these tests, with invented
places."""

import pytest


@pytest.mark.parametrize(
    ("text", "place", "start"),
    [
        ("临江市去年新增公园12个。本市上月举办了国际马拉松。", "临江市", "2025-05-01"),
        ("北湾县去年修建了两座水库。\n\n本县今年5月启动了旧村改造。", "北湾县", "2025-05-01"),
        ("青川縣去年修建了兩座水庫。本縣今年5月啟動了舊村改造。", "青川縣", "2025-05-01"),
    ],
)
def test_this_city_is_the_city_the_article_names(main_actors, text, place, start):
    claims = main_actors(text, "2025-06-20")
    assert (claims[-1][0], claims[-1][1]) == (place, start)
    assert claims[-1][2].startswith(("本市", "本县", "本縣"))


@pytest.mark.parametrize(
    "text",
    [
        "本市上月举办了国际马拉松。",
        "本港上月錄得三宗登革熱個案。",
    ],
)
def test_this_city_with_no_city_named_is_no_actor(extraction_of, text):
    assert extraction_of(text, "2025-06-20").claims == ()
