"""Whom a Chinese pronoun stands for, with no gazetteer: the person who led a clause before
it, even when a post or a body's name is written before that person's name ("前任会长郑国
华…，他…"). The sentences are written for these tests, in both scripts."""

import pytest


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "刘晓梅上月当选为协会会长。前任会长郑国华任内推动协会于2022年取得慈善资格，"
            "他已于去年底退休。",
            "他已于去年底退休",
            "郑国华",
        ),
        (
            "陳美玲上月當選理事長。前任理事長林志遠任內帶領學會於2021年註冊為社團，"
            "他已於去年底退休。",
            "他已於去年底退休",
            "林志遠",
        ),
        (
            "孙丽娜本周一接任校长。前任校长赵建国在任十年，他上月调往教育局。",
            "他上月调往教育局",
            "赵建国",
        ),
        (
            "何美华上周出任图书馆馆长。原馆长邱志刚在任八年，他本月初调任文化局。",
            "他本月初调任文化局",
            "邱志刚",
        ),
        (
            "黄志明上周当选为商会主席。商会前主席吴家豪同日宣布，他已于去年退出董事会。",
            "他已于去年退出董事会",
            "吴家豪",
        ),
        (
            "周文彬本週一接任院長。醫院前院長葉國強昨日表示，他已於上月退休。",
            "他已於上月退休",
            "葉國強",
        ),
        (
            "林立新本周一当选理事长。协会秘书长黄海同日宣布，她已于去年卸任。",
            "她已于去年卸任",
            "黄海",
        ),
        (
            "许家明本周一出任总经理。公司前总经理蔡文斌上月宣布，他已于去年底离职。",
            "他已于去年底离职",
            "蔡文斌",
        ),
    ],
)
def test_a_pronoun_stands_for_the_titled_person_who_led_the_clause_before(
    main_actors, text, quote, name
):
    claims = main_actors(text)
    assert any(main == name and told == quote for main, _start, told in claims), claims


# A person named after a verb is its object; the one who led the clause is still the one
# a later pronoun stands for when no name ends the sentence before it.
@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        ("陈丽上月会见了市长李强，随后前往机场。她昨日宣布辞职。", "她昨日宣布辞职", "陈丽"),
    ],
)
def test_a_titled_person_after_a_verb_is_not_the_antecedent(main_actors, text, quote, name):
    claims = main_actors(text)
    assert any(main == name and told == quote for main, _start, told in claims), claims


# A part a body plays, or a post, written once before a name ("承建方华建路桥集团", "船长罗志
# 诚"), then alone opening a clause, stands for that name.
@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "承建方华建路桥集团于2024年3月进场施工。承建方今年3月完成了引桥施工。",
            "承建方今年3月完成了引桥施工",
            "华建路桥集团",
        ),
        (
            "运营方青川文旅集团去年5月接手景区。今年3月，运营方关闭了玻璃栈道。",
            "今年3月，运营方关闭了玻璃栈道",
            "青川文旅集团",
        ),
        (
            "運營方港灣文旅集團去年5月接手景區。今年3月，運營方關閉了玻璃棧道。",
            "今年3月，運營方關閉了玻璃棧道",
            "港灣文旅集團",
        ),
        (
            "渡轮周二起遭遇大浪。船长罗志诚于13日决定折返。船长次日向海事处提交报告。",
            "船长次日向海事处提交报告",
            "罗志诚",
        ),
        (
            "主办单位华音文化公司上月宣布延期。主办方本周一宣布全额退票。",
            "主办方本周一宣布全额退票",
            "华音文化公司",
        ),
    ],
)
def test_a_part_or_post_alone_stands_for_the_name_it_was_written_before(
    main_actors, text, quote, name
):
    claims = main_actors(text, "2025-06-20")
    assert any(main == name and told == quote for main, _start, told in claims), claims


# "该机构" is an institution of any kind: a charity or a home read as a company stands for it
# as well as a public body does.
@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "社會福利署上月向庇護中心發出警告。安居之家總幹事馬天恩昨日承認中心超額收容。"
            "該機構2011年成立。",
            "該機構2011年成立",
            "安居之家",
        ),
        (
            "社会福利署上月向庇护中心发出警告。安居之家总干事马天恩昨日承认中心超额收容。"
            "该机构2011年成立。",
            "该机构2011年成立",
            "安居之家",
        ),
    ],
)
def test_an_institution_referred_to_may_be_any_body(main_actors, text, quote, name):
    claims = main_actors(text, "2025-06-20")
    assert any(main == name and told == quote for main, _start, told in claims), claims
