"""A Chinese clause's subject read from the tagger's word classes, with no gazetteer and no
kind-noun list: the noun phrase before the clause's date and verb (or right after a date
that opens the clause) becomes the discovered actor of its happening; pronouns, generic
words, places after 在/于, states, comparisons, ages, plans and judgements give nothing."""

import pytest

PUBLISHED = "2025-06-20"

# (text, the claim's main actor, its start date)
TOLD = [
    ("据悉，北岸污水泵站今年3月完成改造。", "北岸污水泵站", "2025-03-01"),
    ("三名渔民昨日在近海救起一名落水游客。", "渔民", "2025-06-19"),
    ("这座老粮仓于2019年5月改建为图书馆。", "老粮仓", "2019-05-01"),
    ("去年8月，山区气象雷达站遭雷击停运。", "山区气象雷达站", "2024-08-01"),
    ("另外，首批救援队员本月12日抵达灾区。", "救援队员", "2025-06-12"),
    ("上周三，旧城排水管网发生破裂。", "旧城排水管网", "2025-06-11"),
    ("据悉，该陶瓷窑址2021年入选省级文物保护单位。", "陶瓷窑址", "2021-01-01"),
    ("2023年4月，果园虫害暴发，损失过半。", "果园虫害", "2023-04-01"),
    ("今年5月，养蜂合作社启用新厂房。", "养蜂合作社", "2025-05-01"),
    # The phrase ends the name of one told before: that one, told again by its kind.
    ("翠湖游泳馆多年来服务市民。该游泳馆今年3月停用。", "翠湖游泳馆", "2025-03-01"),
    # Traditional script: the actor keeps the article's script.
    ("上週三，舊城排水管網發生破裂。", "舊城排水管網", "2025-06-11"),
]


@pytest.mark.parametrize(("text", "actor", "start"), TOLD)
def test_the_noun_phrase_before_the_verb_is_the_one_told_of(main_actors, text, actor, start):
    # The last claim is the sentence's under test; a sentence before only names its body.
    claims = [(name, date) for name, date, _quote in main_actors(text, PUBLISHED)]
    assert claims[-1:] == [(actor, start)]


# States, comparisons, ages, plans, judgements; generic words, pronouns, places after 在.
NOTHING = [
    "该冷库去年容量为3000吨。",
    "该泵站今年3月处理量同比增长两成。",
    "这座老粮仓2019年已有百年历史。",
    "该泵站计划明年3月完成改造。",
    "救援队员预计下月抵达。",
    "老粮仓去年的改建是正确的选择。",
    "记者昨日来到现场。",
    "数据显示，去年出口下降。",
    "他们昨日抵达灾区。",
    "在北岸码头，昨日下午风浪很大。",
    "2024年，全市共有泵站12座。",
    "该冷库去年未能通过检查。",
    # A bare common noun, or a team after a body is named, is a thing or the people of
    # someone the paragraph tells: no actor of its own.
    "该冷库去年11月停用。",
    "一艘运沙船前日傍晚在江心搁浅。",
    "河东市考古研究院的专家来到现场。两个月前，考古队在墓室底部发现一枚铜印。",
    # What appeared is the happening, not the place it appeared in.
    "去年7月，北坡山体曾出现裂缝。",
    # The subject of a passive was acted on; an action's noun is a happening, not an actor.
    "旧城排水管网于当日下午被挖断。",
    "环岛巡回演出于今年2月在成都启动。",
]


@pytest.mark.parametrize("text", NOTHING)
def test_a_state_a_plan_or_a_generic_word_gives_nothing(main_actors, text):
    assert main_actors(text, PUBLISHED) == []


# An action's noun and a common noun alone name a plan, a work or a document of whoever
# acts ("搬迁方案", "申报材料"), never one who acts: no actor of their own, whether the
# tagger's phrase or the name rules found them.
WORKS = [
    "建设项目于2022年5月开工。",
    "整修方案于上月公布。",
    "分类办法于去年1月实施。",
    "申报材料于上周提交。",
    "报名通道于昨日开启。",
    "检测报告于昨日发布。",
    "安置方案于上月出台。",
    "赔偿标准于今年3月调整。",
]


@pytest.mark.parametrize("text", WORKS)
def test_a_plan_or_a_work_named_by_its_action_is_no_actor(main_actors, text):
    assert main_actors(text, PUBLISHED) == []


# The same shape with a head that names people or a body is one who acts.
BODIES_BY_THEIR_WORK = [
    ("督导组本周一进驻青石化工厂。", "督导组", "2025-06-16"),
    ("去年11月，水质监测站完成改造。", "水质监测站", "2024-11-01"),
    ("运输署本周一批准了青山客运的新线路。", "运输署", "2025-06-16"),
    ("首批救援队员本月12日抵达灾区。", "救援队员", "2025-06-12"),
]


@pytest.mark.parametrize(("text", "actor", "start"), BODIES_BY_THEIR_WORK)
def test_a_body_or_its_people_named_by_their_work_still_act(main_actors, text, actor, start):
    claims = [(name, date) for name, date, _quote in main_actors(text, PUBLISHED)]
    assert claims[:1] == [(actor, start)]
