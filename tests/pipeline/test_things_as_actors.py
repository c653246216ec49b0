"""Things and places as the ones a dated clause tells of, read with no gazetteer: a named thing
with its kind noun ("the Wrenfield pier", "翠屏溜冰场", "海燕七号"), a bare definite description
pointing back to it ("the pier", "该桥", "灯塔…"), a place standing as the subject; and the
states, ages, comparisons, plans and places of something else that must give nothing."""

import pytest

PUBLISHED = "2025-06-20"

# (text, the claim's main actor, its start date, a fragment of its quote)
TOLD = [
    # English: a name with its kind in lower case is the subject.
    ("The Wrenfield pier opened to the public in 1893.", "Wrenfield pier", "1893-01-01", "opened"),
    (
        "The Tarrow ice rink shut on Nov. 3 after its cooling plant failed.",
        "Tarrow ice rink",
        "2024-11-03",
        "shut",
    ),
    (
        "The Pennock lighthouse was automated in 1991.",
        "Pennock lighthouse",
        "1991-01-01",
        "automated",
    ),
    ("The Ostley viaduct reopened on Tuesday.", "Ostley viaduct", "2025-06-17", "reopened"),
    (
        "The Bressay research vessel returned to port on June 2.",
        "Bressay research vessel",
        "2025-06-02",
        "returned",
    ),
    ("The Dellow mine flooded in 1962.", "Dellow mine", "1962-01-01", "flooded"),
    ("The Quenby outbreak began in late May.", "Quenby outbreak", "2025-05-21", "began"),
    (
        "The Fennick canal reopened last month after repairs.",
        "Fennick canal",
        "2025-05-01",
        "reopened",
    ),
    (
        "The Kestrel 9 research vessel sank off the cape on May 4.",
        "Kestrel 9 research vessel",
        "2025-05-04",
        "sank",
    ),
    ("The Calder bypass opened in 2009.", "Calder bypass", "2009-01-01", "opened"),
    ("The Harlow landfill caught fire on Monday.", "Harlow landfill", "2025-06-16", "caught fire"),
    # English: "the pier", "the vessel" after the named one.
    (
        "Crews finished the Ambry pier in 1887. The pier opened to visitors in 1889.",
        "Ambry pier",
        "1889-01-01",
        "The pier opened",
    ),
    (
        "Surveyors checked the Hanley reservoir in March. "
        "The reservoir burst its banks on April 2.",
        "Hanley reservoir",
        "2025-04-02",
        "burst",
    ),
    (
        "The Mallin vessel left port in March. The vessel ran aground on May 11.",
        "Mallin vessel",
        "2025-05-11",
        "ran aground",
    ),
    # English: a place as the subject.
    (
        "Harlow County confirmed a second case on June 1.",
        "Harlow County",
        "2025-06-01",
        "confirmed",
    ),
    # Chinese: a named thing with its kind noun.
    ("翠屏溜冰场上月结业。", "翠屏溜冰场", "2025-05-01", "结业"),
    ("翠屏溜冰場上月結業。", "翠屏溜冰場", "2025-05-01", "結業"),
    ("银滩海滨浴场去年关闭。", "银滩海滨浴场", "2024-01-01", "关闭"),
    ("黑石煤矿上月发生透水事故。", "黑石煤矿", "2025-05-01", "透水"),
    ("乌龙垃圾填埋场2009年投入使用。", "乌龙垃圾填埋场", "2009-01-01", "投入使用"),
    ("南岭气象站上月撤站。", "南岭气象站", "2025-05-01", "撤站"),
    ("淺灣泳灘昨日掛起紅旗。", "淺灣泳灘", "2025-06-19", "紅旗"),
    ("東港商場上月結業。", "東港商場", "2025-05-01", "結業"),
    ("青云山景区上月暂停开放。", "青云山景区", "2025-05-01", "暂停开放"),
    ("南关口岸今年1月恢复通关。", "南关口岸", "2025-01-01", "通关"),
    # Chinese: a craft by its name and number, with or without its kind before it.
    ("科考船海燕七号上月返航。", "海燕七号", "2025-05-01", "返航"),
    ("海燕七號昨(9)日舉行下水典禮。", "海燕七號", "2025-06-09", "下水"),
    ("「小白鹭号」于2019年启用。", "小白鹭号", "2019-01-01", "启用"),
    # Chinese: 该桥, 该船, a bare 灯塔 after the named one.
    ("沙湾大桥2019年动工。该桥去年通车。", "沙湾大桥", "2024-01-01", "该桥去年通车"),
    ("沙灣大橋2019年動工。該橋去年通車。", "沙灣大橋", "2024-01-01", "該橋去年通車"),
    ("海燕号科考船去年下水。该船上月返航。", "海燕号科考船", "2025-05-01", "该船上月返航"),
    ("石岬灯塔建于1890年。灯塔1991年改为自动运行。", "石岬灯塔", "1991-01-01", "自动运行"),
    ("海燕号科考船去年下水。这艘科考船上月返航。", "海燕号科考船", "2025-05-01", "这艘科考船"),
    ("沙湾大桥2019年动工。这座大桥去年通车。", "沙湾大桥", "2024-01-01", "这座大桥"),
    # Chinese: a place as the subject.
    ("禾丰镇上周发现一例狂犬病病例。", "禾丰镇", "2025-06-09", "狂犬病"),
    ("鹤岭县上月遭遇冰雹。", "鹤岭县", "2025-05-01", "冰雹"),
    ("南岭气象站建于1958年。该站上月撤站。", "南岭气象站", "2025-05-01", "该站"),
    # Chinese: 该县, 該村 after the named place.
    ("鹤岭县位于山区。该县上月遭遇冰雹。", "鹤岭县", "2025-05-01", "该县"),
    ("青松村上月发生山体滑坡。該村去年曾出現裂縫。", "青松村", "2024-01-01", "該村"),
]


@pytest.mark.parametrize(("text", "actor", "start", "fragment"), TOLD)
def test_a_thing_or_a_place_is_the_one_told_of(main_actors, text, actor, start, fragment):
    claims = [claim for claim in main_actors(text, PUBLISHED) if fragment in claim[2]]
    assert [(name, date) for name, date, _quote in claims] == [(actor, start)]


# Sentences that tell no happening of the thing, or tell of a place only where something
# else happened.
NOTHING = [
    "The Wrenfield pier is 400 metres long.",
    "The 130-year-old Ambry pier is the town's pride.",
    "The Hanley reservoir holds more water than it did in 2010.",
    "The Pennock lighthouse was 150 years old in 2020.",
    "The Tarrow ice rink will reopen in October.",
    "The Ostley viaduct is expected to reopen next month.",
    "Residents in Harlow reported flooding on June 3.",
    "The Dellow mine, which employed 800 men in 1950, is now a museum.",
    "The Dellow mine employed 800 men in 1950.",
    "On March 12 fire crews were sent to the Kelby works for a drill that lasted 3 days.",
    "沙湾大桥全长3公里。",
    "有着百年历史的沙湾大桥是当地地标。",
    "翠屏溜冰场预计明年3月重新开放。",
    "暴雨上月在鹤岭县造成三人死亡。",
    "石岬灯塔比2010年时更加破旧。",
    "海燕七号长70米。",
    "鹤岭县位于山区。该县人口30万。",
    "全港各大商场昨日人流大减。",
    # A building is where things happen: "鼎好大厦——这里是他2009年创立的公司的办公地".
    "东海大厦——这里是他2009年创立的公司的办公地——下月将迎来新租户。",
    "全省各大景区去年接待游客1亿人次。",
    "科考船海燕七号将于下月启航。",
]


@pytest.mark.parametrize("text", NOTHING)
def test_a_state_an_age_a_plan_or_a_place_of_something_else_gives_nothing(main_actors, text):
    assert main_actors(text, PUBLISHED) == []


# Numbers in Chinese numerals that name no craft: a date, a document, a line, a building.
@pytest.mark.parametrize(
    "text",
    ["五月十一号上午开会。", "中央一号文件今年2月发布。", "地铁七号线昨日开通。", "他住在二号楼。"],
)
def test_a_number_in_chinese_numerals_is_no_craft_of_its_own(text):
    from timeline.pipeline.named_things import named_things

    names = [text[start:end] for start, end, _sort in named_things(text, [(0, len(text))])]
    assert not any(name.endswith("号") for name in names)
