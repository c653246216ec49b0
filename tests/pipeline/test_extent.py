"""How far a Chinese claim's quote runs past its dated clause: serial verbs that go on
telling the same subject's happening run on; a clause with a subject, a date, a duration,
a denial or a happening of its own stops it. Sentences written for these tests, in both
scripts, read with no gazetteer."""

import pytest

from timeline.pipeline.actors import ActorMatcher
from timeline.pipeline.extract import extract_article
from timeline.pipeline.reading import read_article

EMPTY = ActorMatcher([])
# A first sentence that names the company, so that the recogniser knows it.
INTRO = {"hans": "鼎新物流成立于2012年。", "hant": "華光科技成立於2012年。"}


@pytest.fixture
def quotes_of(tmp_path):
    def read(text: str, published: str = "2025-10-20") -> list[tuple[str, str, str]]:
        path = tmp_path / "article.txt"
        path.write_text(f"---\ntitle: t\npublished: {published}\n---\n{text}\n", encoding="utf-8")
        extraction = extract_article(read_article(path), matcher=EMPTY)
        return [
            (claim.event_type, str(claim.date.start) if claim.date else "", claim.quote)
            for claim in extraction.claims
        ]

    return read


@pytest.mark.parametrize(
    ("script", "sentence", "quote"),
    [
        (
            "hans",
            "鼎新物流昨日在三个城市采取行动，查封12座违规仓库。",
            "鼎新物流昨日在三个城市采取行动，查封12座违规仓库",
        ),
        (
            "hans",
            "鼎新物流周一召开股东会，通过了新的分红方案。",
            "鼎新物流周一召开股东会，通过了新的分红方案",
        ),
        (
            "hant",
            "華光科技昨日在高雄舉行開幕儀式，隨即啟用新廠房。",
            "華光科技昨日在高雄舉行開幕儀式，隨即啟用新廠房",
        ),
        (
            "hant",
            "華光科技上週在台中舉辦說明會，向投資人展示新機型。",
            "華光科技上週在台中舉辦說明會，向投資人展示新機型",
        ),
    ],
)
def test_serial_verbs_run_on_in_one_claim(quotes_of, script, sentence, quote):
    found = [q for _type, _start, q in quotes_of(INTRO[script] + sentence)]

    assert quote in found


@pytest.mark.parametrize(
    ("script", "sentence", "quote"),
    [
        # A clause with a subject of its own.
        ("hans", "鼎新物流昨日发生火灾，过火面积超过2万平方米。", "鼎新物流昨日发生火灾"),
        # A denial: nothing happened.
        ("hans", "鼎新物流昨日发生火灾，所幸无人员伤亡。", "鼎新物流昨日发生火灾"),
        # How long it took.
        ("hans", "鼎新物流的新码头于2021年11月开工，建设历时三年多。", None),
        # A part of the whole, with a subject of its own.
        ("hant", "華光科技昨日裁減200個職位，其中一半是工程師。", "華光科技昨日裁減200個職位"),
        # A clause with a date of its own is its own claim.
        ("hant", "華光科技今年3月在台南動工，8月完工。", "華光科技今年3月在台南動工"),
        # A forecast.
        ("hant", "華光科技昨日舉行開幕儀式，預計年底前投產。", "華光科技昨日舉行開幕儀式"),
    ],
)
def test_a_clause_that_is_no_serial_verb_stops_the_quote(quotes_of, script, sentence, quote):
    quotes = [q for _type, _start, q in quotes_of(INTRO[script] + sentence)]

    assert not any(sentence.rstrip("。") in q for q in quotes)
    if quote is not None:
        assert quote in quotes


def test_an_act_announced_after_a_happening_is_a_claim_of_its_own(quotes_of):
    claims = quotes_of(INTRO["hans"] + "周一，鼎新物流公开道歉，承认管理不力，并宣布召回涉事产品。")

    assert [(start, quote) for _type, start, quote in claims[1:]] == [
        ("2025-10-20", "周一，鼎新物流公开道歉，承认管理不力"),
        ("2025-10-20", "周一，鼎新物流公开道歉，承认管理不力，并宣布召回涉事产品"),
    ]


@pytest.mark.parametrize(
    ("script", "sentence", "start", "quote"),
    [
        # A date that qualifies the occasion after 在 dates the verb after the occasion.
        (
            "hans",
            "鼎新物流在本月12日的例行检查中发现一批货物受损。",
            "2025-10-12",
            "鼎新物流在本月12日的例行检查中发现一批货物受损",
        ),
        (
            "hant",
            "華光科技在上週五的股東會上通過分紅方案。",
            "2025-10-17",
            "華光科技在上週五的股東會上通過分紅方案",
        ),
        # A forecast that only describes a noun is not the clause's.
        (
            "hans",
            "鼎新物流上周在即将关闭的上海仓库举办最后一场开放日。",
            "2025-10-13",
            "鼎新物流上周在即将关闭的上海仓库举办最后一场开放日",
        ),
        # The 会 of a gathering is no "will".
        (
            "hant",
            "華光科技昨日在台中舉辦說明會。",
            "2025-10-19",
            "華光科技昨日在台中舉辦說明會",
        ),
    ],
)
def test_occasions_descriptions_and_gatherings_leave_the_happening_dated(
    quotes_of, script, sentence, start, quote
):
    assert ("other", start, quote) in quotes_of(INTRO[script] + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "鼎新物流明年将关闭即将到期的仓库。",
        "鼎新物流下周将召开说明会。",
        "華光科技上週即將關閉台中門市。",
        "華光科技預計在下月的股東會上通過分紅方案。",
    ],
)
def test_a_forecast_of_the_clause_itself_still_gives_nothing(quotes_of, sentence):
    script = "hans" if "鼎新" in sentence else "hant"

    assert quotes_of(INTRO[script] + sentence)[1:] == []


@pytest.mark.parametrize(
    ("script", "sentence", "start", "quote"),
    [
        (
            "hant",
            "華光科技的台中門市已於本月1日停止營業。",
            "2025-10-01",
            "華光科技的台中門市已於本月1日停止營業",
        ),
        (
            "hans",
            "鼎新物流位于昆山的一座仓库昨日凌晨突发大火。",
            "2025-10-19",
            "鼎新物流位于昆山的一座仓库昨日凌晨突发大火",
        ),
        (
            "hans",
            "鼎新物流的新码头于去年开工。",
            "2024-01-01",
            "鼎新物流的新码头于去年开工",
        ),
    ],
)
def test_what_befalls_a_thing_of_the_subject_befalls_the_subject(
    quotes_of, script, sentence, start, quote
):
    assert ("other", start, quote) in quotes_of(INTRO[script] + "\n\n" + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # What the thing is, not what happened to it.
        "華光科技的前身只是一家小型工廠，去年才轉型。",
        # Done to it by others, counted.
        "鼎新物流的论文今年上半年被国际会议接收了11篇。",
        # A measure, told by its own vocabulary or not at all.
        "鼎新物流的市值昨日蒸发两成。",
        # A plan.
        "鼎新物流的新工厂明年将投产。",
    ],
)
def test_a_state_a_count_a_measure_or_a_plan_of_a_thing_gives_no_happening(quotes_of, sentence):
    script = "hans" if "鼎新" in sentence else "hant"

    claims = quotes_of(INTRO[script] + "\n\n" + sentence)

    assert [claim for claim in claims if claim[0] == "other"] == []


@pytest.mark.parametrize(
    ("script", "sentence", "period", "quote"),
    [
        # 前三季 (without 度, as Taiwan and Hong Kong write it) is the first three quarters;
        # the period compared against dates nothing.
        (
            "hant",
            "華光科技今年前三季營收較去年同期減少22%。",
            ("2025-01-01", "2025-09-30"),
            "華光科技今年前三季營收較去年同期減少22%",
        ),
        (
            "hans",
            "鼎新物流去年营收较前年增长15%。",
            ("2024-01-01", "2024-12-31"),
            "鼎新物流去年营收较前年增长15%",
        ),
        (
            "hans",
            "鼎新物流去年营收32亿元，与前年相比增长12%。",
            ("2024-01-01", "2024-12-31"),
            "鼎新物流去年营收32亿元",
        ),
    ],
)
def test_a_reported_period_dates_its_figures_and_the_baseline_dates_nothing(
    tmp_path, script, sentence, period, quote
):
    path = tmp_path / "article.txt"
    text = INTRO[script] + "\n\n" + sentence
    path.write_text(f"---\ntitle: t\npublished: 2025-12-11\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims
    figures = [
        ((str(c.date.start), str(c.date.end)), c.quote)
        for c in claims
        if c.event_type == "financials"
    ]

    assert figures == [(period, quote)]
    assert not [c for c in claims if c.date and c.date.start.year == 2023]


@pytest.mark.parametrize(
    ("sentence", "published", "start", "quote"),
    [
        # 前往 is a verb of going, not "before" the date.
        (
            "華光科技董事長陳立群今(25)日上午前往台南視察廠區。",
            "2025-07-25",
            "2025-07-25",
            "華光科技董事長陳立群今(25)日上午前往台南視察廠區",
        ),
        # The total of a past period: 共 before a verb.
        (
            "鼎新物流成立于2012年。\n\n鼎新物流去年共售出12万辆汽车。",
            "2025-07-25",
            "2024-01-01",
            "鼎新物流去年共售出12万辆汽车",
        ),
        # A passive clause carries the sentence's subject; its agent is not the subject.
        (
            "鼎新物流创办于2016年，2019年被市政府列为重点企业。",
            "2025-07-25",
            "2019-01-01",
            "2019年被市政府列为重点企业",
        ),
    ],
)
def test_going_totals_and_passives_are_dated_happenings(
    quotes_of, sentence, published, start, quote
):
    assert ("other", start, quote) in quotes_of(sentence, published)


@pytest.mark.parametrize(
    "sentence",
    [
        "鼎新物流成立于2012年。\n\n鼎新物流去年共有3000名员工。",
        "鼎新物流成立于2012年。\n\n鼎新物流去年共3000名员工。",
    ],
)
def test_a_count_of_what_there_is_is_no_total_of_a_happening(quotes_of, sentence):
    assert [claim for claim in quotes_of(sentence) if claim[0] == "other"] == []


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("華光科技成立於2012年。董事長陳立群昨(19)日形容這次合作是「雙贏」。", "2025-10-19"),
        ("華光科技成立於2012年。華光科技昨(19)日感謝各界捐款。", "2025-10-19"),
        ("鼎新物流成立于2012年。鼎新物流今日向志愿者致谢。", "2025-10-20"),
    ],
)
def test_describing_and_thanking_on_a_day_are_statements(quotes_of, sentence, start):
    assert [(kind, s) for kind, s, _q in quotes_of(sentence)][1:] == [("statement", start)]


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # The interview is a happening of its own, beside the figure it told.
        (
            "華光科技成立於2012年。董事長陳立群今日接受本報訪問時表示，公司去年虧損擴大至3億元。",
            [("financials", "2024-01-01"), ("statement", "2025-10-20")],
        ),
        # A plain announcement of a past figure is the figure alone.
        (
            "華光科技成立於2012年。華光科技今日表示，公司去年虧損擴大至3億元。",
            [("financials", "2024-01-01")],
        ),
    ],
)
def test_an_interview_given_on_a_day_is_kept_beside_what_it_told(quotes_of, sentence, kinds):
    assert sorted((kind, s) for kind, s, _q in quotes_of(sentence)[1:]) == kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "鼎新物流每年举办一次开放日。",
        "三年来，鼎新物流的仓库扩大了一倍。",
        "鼎新物流去年没有发生安全事故。",
        "如果鼎新物流去年完成融资，仓库就会扩建。",
        "鼎新物流创始人王立新今年52岁。",
        "鼎新物流计划明年在上海开设新仓库，拟投资5亿元。",
        "鼎新物流的新仓库预计明年投产。",
        "鼎新物流的仓库每年都会接受检查。",
        "華光科技的門市每年都會舉辦週年慶。",
        "華光科技去年並未發生虧損。",
    ],
)
def test_habits_durations_negations_conditions_ages_and_plans_give_nothing(quotes_of, sentence):
    script = "hans" if "鼎新" in sentence else "hant"

    assert quotes_of(INTRO[script] + "\n\n" + sentence)[1:] == []


@pytest.mark.parametrize(
    ("sentence", "start", "quote"),
    [
        ("鼎新物流当日晚将全部货物运走。", "2025-10-20", "鼎新物流当日晚将全部货物运走"),
        ("華光科技上月將涉事產品全數撤下。", "2025-09-01", "華光科技上月將涉事產品全數撤下"),
        ("鼎新物流昨日将受伤员工送往医院。", "2025-10-19", "鼎新物流昨日将受伤员工送往医院"),
        # A cause before 将.
        (
            "鼎新物流昨日因暴雨将发车时间推迟至10时。",
            "2025-10-19",
            "鼎新物流昨日因暴雨将发车时间推迟至10时",
        ),
    ],
)
def test_jiang_with_a_result_after_a_past_date_disposes_of_its_object(
    quotes_of, sentence, start, quote
):
    script = "hans" if "鼎新" in sentence else "hant"

    assert ("other", start, quote) in quotes_of(INTRO[script] + "\n\n" + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "鼎新物流明年将把总部迁往上海。",
        "鼎新物流下月将全部货物运走。",
        "華光科技明年將投資5億元建設新廠。",
        "鼎新物流昨日因暴雨将于下周把发车时间推迟。",
    ],
)
def test_jiang_with_a_date_ahead_is_still_will(quotes_of, sentence):
    script = "hans" if "鼎新" in sentence else "hant"

    assert quotes_of(INTRO[script] + "\n\n" + sentence)[1:] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # After a clause that is only a date, the name heading the next clause is the
        # sentence's subject, carried on to a later clause that opens on its own date.
        (
            "去年5月8日，鼎新物流开通上海专线，次日开通杭州专线。",
            [
                ("2024-05-08", "去年5月8日，鼎新物流开通上海专线"),
                ("2024-05-09", "次日开通杭州专线"),
            ],
        ),
        # 次月, 翌月, 隔月: the month after the one told before.
        (
            "去年5月，華光科技推出新款耳機，翌月獲得環保認證。",
            [
                ("2024-05-01", "去年5月，華光科技推出新款耳機"),
                ("2024-06-01", "翌月獲得環保認證"),
            ],
        ),
        (
            "去年5月，鼎新物流推出冷链服务，次月便进入北京市场。",
            [
                ("2024-05-01", "去年5月，鼎新物流推出冷链服务"),
                ("2024-06-01", "次月便进入北京市场"),
            ],
        ),
    ],
)
def test_a_later_clause_on_its_own_date_carries_the_subject_of_a_date_led_sentence(
    quotes_of, sentence, expected
):
    script = "hans" if "鼎新" in sentence else "hant"

    found = [(s, q) for _kind, s, q in quotes_of(INTRO[script] + "\n\n" + sentence, "2025-06-10")]

    assert found[1:] == expected


def test_a_clause_with_its_own_time_of_day_stops_the_quote(quotes_of):
    text = INTRO["hant"] + "華光科技昨日上午8時暫停出貨，並於晚上9時恢復出貨。"
    quotes = [q for _k, _s, q in quotes_of(text)]

    assert "華光科技昨日上午8時暫停出貨" in quotes
    assert not any("恢復出貨" in q and "暫停出貨" in q for q in quotes)


@pytest.mark.parametrize(
    ("script", "predicate"),
    [
        ("hans", "正式通车"),
        ("hans", "突发大火"),
        ("hans", "发生坍方"),
        ("hans", "举行竣工大典"),
        ("hans", "从南非引进两头犀牛"),
        ("hans", "拘捕三名男子"),
        ("hans", "将问题产品下架"),
        ("hans", "向法院提出申索"),
        ("hans", "到市政府请愿"),
        ("hans", "撞上一艘货轮"),
        ("hans", "被列为重点企业"),
        ("hans", "夺得男子组冠军"),
        ("hans", "打破赛会纪录"),
        ("hans", "以21亿元买下一栋大楼"),
        ("hant", "停止播放"),
        ("hant", "產下一頭幼崽"),
        ("hant", "在台東登陸"),
        ("hant", "實現全容量併網發電"),
        ("hant", "獲評優秀企業"),
        ("hant", "到總部抗議"),
        ("hant", "在平台上線官方旗艦店"),
        ("hant", "舉辦最後一場拍賣會"),
    ],
)
def test_a_dated_clause_telling_what_its_subject_did_or_underwent_is_a_claim(
    quotes_of, script, predicate
):
    subject = "鼎新物流上周" if script == "hans" else "華光科技上週"

    claims = quotes_of(INTRO[script] + subject + predicate + "。")

    assert [(s, q) for _kind, s, q in claims[1:]] == [("2025-10-13", subject + predicate)]
