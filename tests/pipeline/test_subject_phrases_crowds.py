"""A crowd counted by 名 or 位 (words that count people) is a group that acts, and a force of
weather is no actor: what it struck is. Read with no gazetteer from sentences written for
these tests, in both scripts."""

import pytest


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        (
            "安达驾校本周一停止营业。周二上午，200多名学员聚集在驾校门口要求退费。",
            "学员",
            "2025-06-17",
        ),
        ("上周三，约80名会员聚集在健身中心门外要求退款。", "会员", "2025-06-11"),
        ("上週三，約80名學員聚集在門外要求退款。", "學員", "2025-06-11"),
        ("本周一，100多名会员聚集在店门口要求退款。", "会员", "2025-06-16"),
    ],
)
def test_a_counted_crowd_is_a_group_that_acts(main_actors, text, name, start):
    claims = main_actors(text, "2025-06-20")
    assert any(main == name and begun == start for main, begun, _quote in claims), claims


# A few people counted are seldom the actor on their own; they stay unread.
@pytest.mark.parametrize("text", ["两名医生已于5月离职。", "三名教练上月离队。"])
def test_a_few_people_counted_are_no_group(main_actors, text):
    assert [main for main, _start, _quote in main_actors(text, "2025-06-20")] == []


@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("周二傍晚，强冰雹袭击了平川县北部三个乡镇。", "平川县", "2025-06-17"),
        ("本周一，一场暴雪袭击了乌兰县，积雪最深达60厘米。", "乌兰县", "2025-06-16"),
        ("上周三，暴风雪导致白石镇多条道路中断。", "白石镇", "2025-06-11"),
        ("去年7月，山洪冲毁了青山村的两座桥梁。", "青山村", "2024-07-01"),
    ],
)
def test_what_a_force_of_weather_struck_is_the_actor(main_actors, text, name, start):
    claims = main_actors(text, "2025-06-20")
    assert [(main, begun) for main, begun, _quote in claims] == [(name, start)], claims


@pytest.mark.parametrize(
    "text",
    [
        "2019年，一场暴雨冲毁了古城遗址北侧一段城墙。",
        "上周六中午，海面风浪突然加大，随后逐渐平息。",
        "周二晚间，一场大风吹倒了部分场地的帐篷。",
        "週二晚間，一場大風吹倒了部分場地的帳篷。",
    ],
)
def test_a_force_of_weather_is_no_actor(main_actors, text):
    claims = main_actors(text, "2025-06-20")
    assert all(
        not any(force in (main or "") for force in ("暴雨", "风浪", "大风", "大風"))
        for main, _start, _quote in claims
    ), claims
