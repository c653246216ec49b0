"""Chinese dated clauses read by their grammar rather than a trigger word, with no gazetteer:
a day restated in brackets, 会 that is a meeting or a body's name, a title or a place before
a name, a name in quotation marks, a passive's agent that is no subject, and a typed clause
with no parties that still tells its subject's happening; and the forecasts, habits and
negations that stay no claim. The sentences are written for these tests, in both scripts,
on subjects of their own (ships, courts, sport, councils, schools, factories, animals)."""

import pytest


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            # A day restated in brackets after 昨日 is the same day, one clause.
            "騎師李俊輝上週三在跑馬地夜賽墮馬，手腕骨折。",
            "2024-12-16",
            [("李俊輝", "2024-12-11", "騎師李俊輝上週三在跑馬地夜賽墮馬")],
        ),
        (
            # 會見 is a meeting, not "will"; a promise run on after it leaves it a happening.
            "交通部長林明遠本週一會見促進會代表，承諾研議修法。",
            "2024-06-05",
            [("林明遠", "2024-06-03", "交通部長林明遠本週一會見促進會代表，承諾研議修法")],
        ),
        (
            # An occupation before a person's name, read as nouns.
            "昨日，渔民陈大海在外海救起两名落水游客。",
            "2024-12-16",
            [("陈大海", "2024-12-15", "昨日，渔民陈大海在外海救起两名落水游客")],
        ),
        (
            "今年3月，厂长吴国平带队赴苏州考察丝绸博物馆的运营模式。",
            "2024-06-05",
            [("吴国平", "2024-03-01", "今年3月，厂长吴国平带队赴苏州考察丝绸博物馆的运营模式")],
        ),
        (
            # A passive's agent heading a later clause does not stop the subject carrying.
            "山泉閣飯店1978年開業，2021年由鴻暉開發公司收購並重新裝修，去年7月才重新開幕。",
            "2025-08-21",
            [
                ("山泉閣飯店", "1978-01-01", "山泉閣飯店1978年開業"),
                # The buyer leads a purchase told in the passive.
                ("鴻暉開發公司", "2021-01-01", "2021年由鴻暉開發公司收購並重新裝修"),
                ("山泉閣飯店", "2024-07-01", "去年7月才重新開幕"),
            ],
        ),
        (
            # What began on a day ("自…起停工") is dated by that day.
            "豐碩國際越南廠區因工人罷工，自本月20日起停工，影響約3成產能。",
            "2025-10-22",
            [("豐碩國際", "2025-10-20", "自本月20日起停工，影響約3成產能")],
        ),
        (
            # A kind before a quoted name is the name's apposition.
            "货轮“远航7号”前日晚在舟山附近海域搁浅，船上18名船员全部获救。",
            "2025-06-06",
            [("远航7号", "2025-06-04", "货轮“远航7号”前日晚在舟山附近海域搁浅")],
        ),
        (
            "參選人「林大同」昨日宣布退選。",
            "2025-06-06",
            [("林大同", "2025-06-05", "參選人「林大同」昨日宣布退選")],
        ),
        (
            # A paper's byline opens the story, not its subject.
            "本报讯 浙江华泰纺织厂本周一宣布停产，约300名工人放假。",
            "2025-06-06",
            [("浙江华泰纺织厂", "2025-06-02", "浙江华泰纺织厂本周一宣布停产")],
        ),
        (
            # 为 opening a predicate is "for", a verb after its object.
            "滨江动物园本月2日迎来一只小熊猫。翌日，滨江动物园为它举行命名仪式。",
            "2025-06-06",
            [
                ("滨江动物园", "2025-06-02", "滨江动物园本月2日迎来一只小熊猫"),
                ("滨江动物园", "2025-06-03", "翌日，滨江动物园为它举行命名仪式"),
            ],
        ),
        (
            # What another did at once after a dated happening is its own, on the same day,
            # quoted from the date it is told at.
            "滨江化工厂昨日发生爆炸，滨江市应急管理局随即派出工作组。",
            "2026-01-20",
            [
                ("滨江化工厂", "2026-01-19", "滨江化工厂昨日发生爆炸"),
                (
                    "滨江市应急管理局",
                    "2026-01-19",
                    "滨江化工厂昨日发生爆炸，滨江市应急管理局随即派出工作组",
                ),
            ],
        ),
        (
            "本月上旬，市議員張瑋庭質疑公園委外招標程序不透明，文化局隨即要求暫停簽約。",
            "2026-01-20",
            [
                ("張瑋庭", "2026-01-01", "本月上旬，市議員張瑋庭質疑公園委外招標程序不透明"),
                (
                    "文化局",
                    "2026-01-01",
                    "本月上旬，市議員張瑋庭質疑公園委外招標程序不透明，文化局隨即要求暫停簽約",
                ),
            ],
        ),
        (
            # A place word before a quoted name, and a name in what a body announced that
            # tells its own dated happening.
            "新竹縣山野動物園今(28)日宣布，園內白犀牛「阿蓮」於週一清晨產下一頭雄性幼犀。",
            "2024-08-28",
            [("阿蓮", "2024-08-26", "園內白犀牛「阿蓮」於週一清晨產下一頭雄性幼犀")],
        ),
        (
            # The object of a phrase that describes the subject after its 的 is not it.
            "去年，服务华泰集团多年的宏达物流宣布破产。",
            "2025-11-07",
            [("宏达物流", "2024-01-01", "去年，服务华泰集团多年的宏达物流宣布破产")],
        ),
        (
            # A clause that sets the scene after a date, some of a group acting (有村民),
            # is their happening and passes the date on; the next quote runs from the date.
            "4日晚，有村民与施工人员发生推搡，滨江市公安局带走3人。",
            "2024-11-06",
            [
                ("村民", "2024-11-04", "4日晚，有村民与施工人员发生推搡"),
                (
                    "滨江市公安局",
                    "2024-11-04",
                    "4日晚，有村民与施工人员发生推搡，滨江市公安局带走3人",
                ),
            ],
        ),
        (
            "去年5月，由于资金短缺，华泰纺织厂关闭了两条生产线。",
            "2024-11-06",
            [("华泰纺织厂", "2023-05-01", "去年5月，由于资金短缺，华泰纺织厂关闭了两条生产线")],
        ),
        (
            # 当年 carried on from a month is that whole year; some villagers finding the
            # crack (有村民发现) is their own happening.
            "2020年7月，有村民发现山坡出现裂缝，雅河县自然资源局当年将其列入地质灾害隐患点。",
            "2024-08-07",
            [
                ("村民", "2020-07-01", "2020年7月，有村民发现山坡出现裂缝"),
                ("雅河县自然资源局", "2020-01-01", "雅河县自然资源局当年将其列入地质灾害隐患点"),
            ],
        ),
        (
            # A sentence that names no one tells what befell a thing of the paragraph's
            # latest actor, whether the thing stands after its date or before it.
            "白水河水电站2023年11月下闸蓄水。同年12月，首台机组发电。",
            "2025-06-06",
            [
                ("白水河水电站", "2023-11-01", "白水河水电站2023年11月下闸蓄水"),
                ("白水河水电站", "2023-12-01", "同年12月，首台机组发电"),
            ],
        ),
        (
            "滨江化工厂本月3日发生氨气泄漏。泄漏点于次日凌晨2时被封堵。",
            "2025-06-06",
            [
                ("滨江化工厂", "2025-06-03", "滨江化工厂本月3日发生氨气泄漏"),
                ("滨江化工厂", "2025-06-04", "泄漏点于次日凌晨2时被封堵"),
            ],
        ),
        (
            # People act on their own: villagers are no thing of the factory, but a group
            # of their own.
            "华泰纺织厂2019年投产。次年5月，村民到工厂门口抗议。",
            "2025-06-06",
            [
                ("华泰纺织厂", "2019-01-01", "华泰纺织厂2019年投产"),
                ("村民", "2020-05-01", "次年5月，村民到工厂门口抗议"),
            ],
        ),
        (
            # The agent of a phrase that describes the subject after its 的 is not it.
            "被法院判刑的前董事長陳大文今日出獄。",
            "2025-03-16",
            [("陳大文", "2025-03-16", "被法院判刑的前董事長陳大文今日出獄")],
        ),
    ],
)
def test_a_dated_clause_with_a_recognised_subject_is_a_happening(
    main_actors, text, published, expected
):
    assert main_actors(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "name", "start"),
    [
        # "昨日（22日）": one date, the clause read whole from its subject.
        ("宏远造船厂昨日（22日）举行新船下水仪式。", "2025-05-23", "宏远造船厂", "2025-05-22"),
        ("青山動物園今日（9日）宣布，園內大熊貓上週產下雙胞胎。", "2025-07-09", "青山動物園", None),
        # A typed clause whose type finds no parties (a statement with nothing said after
        # it) is still its subject's happening.
        ("市教育局今年2月公布新的校車安排。", "2025-05-23", "市教育局", "2025-02-01"),
    ],
)
def test_restated_days_and_typed_clauses_with_no_parties(main_actors, text, published, name, start):
    claims = main_actors(text, published)

    assert claims and claims[0][0] == name
    if start is not None:
        assert claims[0][1] == start


@pytest.mark.parametrize(
    "text",
    [
        "宏远造船厂明年会扩建船坞。",
        "宏远造船厂每年3月举办开放日。",
        "宏远造船厂今年3月没有接获新订单。",
        "宏远造船厂计划今年底前交付两艘渡轮。",
        "如果订单增加，宏远造船厂今年6月会增聘工人。",
        "宏远造船厂自2020年起连续三年亏损。",
        "宏远造船厂去年为全市最大的造船企业。",
        "昨日，天气十分炎热，市民纷纷到海边避暑。",
        "宏远造船厂厂长王海今年58岁。",
    ],
)
def test_forecasts_habits_negations_conditions_spans_and_ages_stay_no_claim(main_actors, text):
    assert main_actors(text, "2025-05-23") == []


@pytest.mark.parametrize(
    "following",
    [
        "去年工廠並未裁員。",
        "次年，工厂没有盈利。",
        "此后每年5月，工厂都会举办开放日。",
        "三年来，工厂一直亏损。",
        "工厂计划下月复产。",
        "据悉，事故原因可能与设备老化有关。",
    ],
)
def test_what_follows_a_happening_gives_no_claim_when_it_is_negated_planned_or_habitual(
    main_actors, following
):
    lead = "华泰纺织厂2019年投产。"

    assert [quote for *_rest, quote in main_actors(lead + following, "2025-06-06")] == [
        "华泰纺织厂2019年投产"
    ]
