"""Which Chinese clauses become claims, and their dates: a clause that opens on its date and
goes straight on to its verb, a date that only counts the noun it stands in, a start date
("去年3月起"), a plan named in title marks, an act announced as it takes effect; and the
forecasts, spans and states next to them that stay no claim. The sentences are written for
these tests, in both scripts."""

import pytest


@pytest.fixture
def claims_of(extraction_of):
    """(main actor's name, start, end, quote) of each claim of a text, in order."""

    def read(text: str, published: str = "2025-08-25"):
        extraction = extraction_of(text, published)
        names = {entry.slug: entry.name for entry in extraction.discovered}
        return [
            (
                names.get(claim.actors[0][0], claim.actors[0][0]) if claim.actors else None,
                str(claim.date.start) if claim.date else None,
                str(claim.date.end) if claim.date else None,
                claim.quote,
            )
            for claim in extraction.claims
        ]

    return read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "北湖农场2023年5月动工，今年2月完成首批温室建设。",
            ("北湖农场", "2025-02-01", "2025-02-28", "今年2月完成首批温室建设"),
        ),
        (
            "北湖農場2023年5月動工，今年2月完成首批溫室建設。",
            ("北湖農場", "2025-02-01", "2025-02-28", "今年2月完成首批溫室建設"),
        ),
        (
            # The next sentence opens on its date and its verb: the paragraph's actor acts.
            "北湖农场2023年5月动工。今年2月完成首批温室建设。",
            ("北湖农场", "2025-02-01", "2025-02-28", "今年2月完成首批温室建设"),
        ),
    ],
)
def test_a_clause_opening_on_its_date_and_verb_is_the_actor_told_before(claims_of, text, expected):
    assert expected in claims_of(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("北湖农场2023年5月动工，预计明年3月完成。", "完成"),
        ("北湖農場2023年5月動工，預計明年3月完成。", "完成"),
        ("北湖农场2023年5月动工，今年2月以来一直亏损。", "亏损"),
        ("北湖农场2023年5月动工，今年2月有员工300人。", "员工"),
    ],
)
def test_no_carried_happening_from_forecasts_spans_or_states(claims_of, text, absent):
    assert not [claim for claim in claims_of(text) if absent in claim[3]]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("青山气象站于本月10日发出今年第五次暴雨警告。", "2025-08-10"),
        ("青山氣象站於本月10日發出今年第五次暴雨警告。", "2025-08-10"),
        ("晨光乳業上週五創下今年最高的單日銷量。", "2025-08-22"),
        ("晨光乳业上周五创下今年第二高的单日销量。", "2025-08-22"),
    ],
)
def test_a_later_date_counting_the_noun_does_not_date_the_clause(claims_of, text, start):
    assert [begin for _name, begin, _end, _quote in claims_of(text)] == [start]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("青松中学今年3月起开始招收寄宿生。", "2025-03-01"),
        ("青松中學今年3月起開始招收寄宿生。", "2025-03-01"),
        # Whatever the verb: a change that began on the date, not a state lasting from it.
        ("青松中学今年3月起改为每周开放图书馆。", "2025-03-01"),
        ("青松中學今年5月起改用電子校冊。", "2025-05-01"),
        ("海港区议会去年4月起向居民派发环保袋。", "2024-04-01"),
    ],
)
def test_a_start_date_dates_what_began_then(claims_of, text, start):
    assert [begin for _name, begin, _end, _quote in claims_of(text)] == [start]


@pytest.mark.parametrize(
    "text",
    [
        "青松中学去年9月起一直亏损。",
        "青松中學去年9月起一直虧損。",
        "海港区议会上月计划推出新的垃圾分类方案。",
    ],
)
def test_a_lasting_state_or_a_plan_is_no_claim(claims_of, text):
    assert claims_of(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "海港区议会上月推出「绿色社区」计划，向居民派发环保袋。",
            "海港区议会上月推出「绿色社区」计划，向居民派发环保袋",
        ),
        ("海港區議會上月推出「綠色社區」計劃。", "海港區議會上月推出「綠色社區」計劃"),
    ],
)
def test_a_plan_named_in_title_marks_is_a_thing_launched(claims_of, text, quote):
    assert [found for *_rest, found in claims_of(text)] == [quote]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "远东航运公司昨日宣布，自即日起启动旧船收购。",
            "远东航运公司昨日宣布，自即日起启动旧船收购",
        ),
        ("遠東航運公司昨日宣布全面停止收購散貨船。", "遠東航運公司昨日宣布全面停止收購散貨船"),
    ],
)
def test_an_act_announced_as_it_takes_effect_is_a_claim(claims_of, text, quote):
    assert [(found, start) for _name, start, _end, found in claims_of(text)] == [
        (quote, "2025-08-24")
    ]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # The period the story is told in, with a mark that it came to pass already.
        ("晨光乳业本月已完成新厂房建设。", "2025-08-01"),
        ("晨光乳業本週正式啟用新倉庫。", "2025-08-25"),
        ("晨光乳业今年曾两度调整价格。", "2025-01-01"),
        # A change that starts on the date, however it is measured.
        ("晨光乳业本月起每公斤上涨5元。", "2025-08-01"),
        ("晨光乳業本月起每公斤上漲5元。", "2025-08-01"),
        ("晨光乳业上周五起正式实施新规。", "2025-08-22"),
        ("晨光乳业上周六起关闭旧厂房。", "2025-08-23"),
        ("晨光乳业上周六起停运两条生产线。", "2025-08-23"),
    ],
)
def test_a_happening_so_far_in_the_current_period_is_dated_by_it(claims_of, text, start):
    assert [begin for _name, begin, _end, _quote in claims_of(text)] == [start]


@pytest.mark.parametrize(
    "text",
    [
        "晨光乳业今年交付3万吨奶粉。",
        "晨光乳业本月将完成新厂房建设。",
        "晨光乳业下月起每公斤上涨5元。",
        "晨光乳業下月起每公斤上漲5元。",
        "晨光乳業下月起停業整頓。",
        "晨光乳业2020年起连续三年盈利。",
        "晨光乳业今年以来一直亏损。",
        # A year summed up, or its running total, is no happening in it.
        "晨光乳业今年经历了一系列变化。",
        "晨光乳業今年已累計銷售奶粉3萬噸。",
    ],
)
def test_a_target_a_plan_a_span_or_a_summary_of_the_period_is_no_claim(claims_of, text):
    assert claims_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A thing pointed back to ("该工地") befalls the paragraph's actor.
        (
            "宏远建筑集团上月接获通知，旗下一个工地须暂停施工。该工地5月19日发生塔吊倒塌意外。",
            ("宏远建筑集团", "2025-05-19", "2025-05-19", "该工地5月19日发生塔吊倒塌意外"),
        ),
        (
            "宏遠建築集團上月接獲通知，旗下一個工地須暫停施工。該工地5月19日發生塔吊倒塌意外。",
            ("宏遠建築集團", "2025-05-19", "2025-05-19", "該工地5月19日發生塔吊倒塌意外"),
        ),
        # A thing whose verb is a typed word with no party to it ("动工").
        (
            "青山寺今日举行修复竣工典礼。修复工程于2023年5月动工。",
            ("青山寺", "2023-05-01", "2023-05-31", "修复工程于2023年5月动工"),
        ),
    ],
)
def test_a_thing_of_the_paragraphs_actor_before_its_date_is_its_happening(
    claims_of, text, expected
):
    assert expected in claims_of(text)


def test_a_thing_of_the_paragraph_is_its_subjects_not_a_partners(claims_of):
    found = claims_of(
        "青山大學機器人實驗室由教授林立於2016年創立。去年3月，實驗室與北辰科技簽署為期五年的"
        "合作備忘錄。同年9月，首款原型機在台北國際機器人展亮相。"
    )

    assert [name for name, _start, _end, quote in found if quote.endswith("亮相")] == [
        "青山大學機器人實驗室"
    ]


def test_a_thing_pointed_back_to_with_a_forecast_is_no_claim(claims_of):
    found = claims_of("海港造船厂今年1月接获订单。该订单预计明年交付。")

    assert [quote for *_rest, quote in found] == ["海港造船厂今年1月接获订单"]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("晨光乳业的搬迁工作始于去年10月。", "2024-10-01"),
        ("晨光乳業的擴建工程於去年10月動工。", "2024-10-01"),
    ],
)
def test_a_work_of_the_subject_named_by_its_act_tells_the_subjects_happening(
    claims_of, text, start
):
    assert [begin for _name, begin, _end, _quote in claims_of(text)] == [start]


@pytest.mark.parametrize(
    "text",
    ["晨光乳业的扩建工程预计明年完工。", "晨光乳業的擴建工程將於明年完工。"],
)
def test_a_work_of_the_subject_still_to_come_is_no_claim(claims_of, text):
    assert claims_of(text) == []


# Issuing and starting: a warning, a notice or a statement sent out, a work or a plan
# launched, are happenings; a plan to do so later is not.
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("青州气象局昨日发出暴雨警告。", "2025-08-24"),
        ("青州氣象局昨日發出暴雨警告。", "2025-08-24"),
        ("东岸水务公司上周发出停水通知。", "2025-08-18"),
        ("南湖县政府上月启动河道清淤工程。", "2025-07-01"),
        ("南湖縣政府上月啟動河道清淤工程。", "2025-07-01"),
        ("海港区议会上月推出旧区活化计划。", "2025-07-01"),
        ("海港區議會上月推出舊區活化計劃。", "2025-07-01"),
        ("青州电力公司昨日宣布启动电网改造。", "2025-08-24"),
        ("青山集团上月公布扩张计划。", "2025-07-01"),
    ],
)
def test_a_thing_issued_or_started_is_a_happening(claims_of, text, start):
    assert [begin for _name, begin, _end, _quote in claims_of(text)] == [start]


@pytest.mark.parametrize(
    "text",
    [
        "南湖县政府计划于明年启动河道清淤工程。",
        "南湖縣政府計劃於明年啟動河道清淤工程。",
        "青州电力公司计划下月启动电网改造。",
        "海港区议会打算明年推出旧区活化计划。",
        "海港區議會準備明年推出舊區活化計劃。",
    ],
)
def test_a_plan_to_start_later_is_no_claim(claims_of, text):
    assert claims_of(text) == []


# A second dated clause of a sentence is its own happening of the same subject, unless it
# is a plan or a forecast.
@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("青山水库项目于2024年4月开工，今年2月完成主坝浇筑。", ["2024-04-01", "2025-02-01"]),
        ("青山水庫項目於2024年4月開工，今年2月完成主壩澆築。", ["2024-04-01", "2025-02-01"]),
        ("星光商场于去年5月签约，7月动工。", ["2024-05-01", "2024-07-01"]),
        ("星光商場於去年5月簽約，7月動工。", ["2024-05-01", "2024-07-01"]),
        (
            "南湖大桥2023年8月动工，去年12月合龙，今年1月通车。",
            ["2023-08-01", "2024-12-01", "2025-01-01"],
        ),
        ("远洋渔业公司去年6月收购两艘渔船，9月投入作业。", ["2024-06-01", "2024-09-01"]),
        # A plan for a month already past is still only a plan.
        ("星光商场于去年5月签约，计划7月动工。", ["2024-05-01"]),
        ("星光商場於去年5月簽約，計劃於7月動工。", ["2024-05-01"]),
        ("青山水库项目于2024年4月开工，预计明年2月完成。", ["2024-04-01"]),
    ],
)
def test_each_dated_clause_of_a_sentence_is_its_own_happening(claims_of, text, starts):
    assert [begin for _name, begin, _end, _quote in claims_of(text)] == starts


# 有 and some of the subject's people, then what they did, is the subject's happening; a
# count of its people is a state.
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("青山中学上周有学生食物中毒。", "2025-08-18"),
        ("青山中學上週有學生食物中毒。", "2025-08-18"),
        ("东港码头昨日有两名工人受伤。", "2025-08-24"),
        ("東港碼頭昨日有兩名工人受傷。", "2025-08-24"),
        ("青州动物园上月有游客被猴子抓伤。", "2025-07-01"),
        ("南湖医院前日有护士确诊感染。", "2025-08-23"),
    ],
)
def test_some_of_the_subjects_people_acting_is_its_happening(claims_of, text, start):
    assert [begin for _name, begin, _end, _quote in claims_of(text)] == [start]


@pytest.mark.parametrize(
    "text",
    [
        "青山中学去年有500名学生。",
        "青山中学去年有学生300人。",
        "东港码头去年有工人四百名。",
        "青山中学明年有学生将赴海外交流。",
        "青山中學去年有學生是外地人。",
    ],
)
def test_a_count_of_the_subjects_people_is_no_claim(claims_of, text):
    assert claims_of(text) == []


# A thing of the paragraph's actor sent somewhere (样品被送往X): where it went is no
# subject; what befell the thing is its holder's happening.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "北岭果业公司上月发现果树枯死。样品昨日被送往农业科学院检测。",
            ("北岭果业公司", "2025-08-24", "2025-08-24", "样品昨日被送往农业科学院检测"),
        ),
        (
            "北嶺果業公司上月發現果樹枯死。樣品昨日被送往農業科學院檢測。",
            ("北嶺果業公司", "2025-08-24", "2025-08-24", "樣品昨日被送往農業科學院檢測"),
        ),
        (
            "南湾渔业公司上月发现鱼苗死亡。样本昨日被送往农业科学院检测。",
            ("南湾渔业公司", "2025-08-24", "2025-08-24", "样本昨日被送往农业科学院检测"),
        ),
        (
            "北岭果业公司上月发现果树枯死。病叶样本昨日被送往省农业科学院化验。",
            ("北岭果业公司", "2025-08-24", "2025-08-24", "病叶样本昨日被送往省农业科学院化验"),
        ),
    ],
)
def test_a_thing_sent_somewhere_is_its_holders_happening(claims_of, text, expected):
    found = claims_of(text)
    assert expected in found
    assert not [name for name, *_rest in found if "科学院" in (name or "")]


# A cause written with 因 alone after the date sets the scene as 由于 does: the date goes
# on to the clause that names who acted.
@pytest.mark.parametrize(
    ("text", "name", "start"),
    [
        ("去年底，因钢材价格上涨，青州市政府追加预算2亿元。", "青州市政府", "2024-09-01"),
        ("去年底，因鋼材價格上漲，青州市政府追加預算2億元。", "青州市政府", "2024-09-01"),
        ("上月，因暴雨成灾，南湖县政府启动应急响应。", "南湖县政府", "2025-07-01"),
        ("上月，因暴雨成災，市府啟動應急響應。", "市府", "2025-07-01"),
        ("上周五，因大雾弥漫，青州港务局暂停船只进出。", "青州港务局", "2025-08-22"),
    ],
)
def test_a_cause_with_yin_passes_its_date_on(claims_of, text, name, start):
    assert [(found, begin) for found, begin, _end, _quote in claims_of(text)] == [(name, start)]
