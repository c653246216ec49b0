"""Chinese clauses that become claims with no gazetteer: happenings no vocabulary names,
coordinated clauses that share their sentence's subject, and what stays no claim. The
sentences are written for these tests, in both scripts."""

import pytest

from timeline.pipeline.actors import ActorMatcher
from timeline.pipeline.extract import extract_article
from timeline.pipeline.reading import read_article

EMPTY = ActorMatcher([])


@pytest.fixture
def claims_of(tmp_path):
    def read(text: str, published: str = "2025-08-25"):
        path = tmp_path / "article.txt"
        path.write_text(f"---\ntitle: t\npublished: {published}\n---\n{text}\n", encoding="utf-8")
        extraction = extract_article(read_article(path), matcher=EMPTY)
        names = {entry.slug: entry.name for entry in extraction.discovered}
        return [
            (
                names.get(claim.actors[0][0], claim.actors[0][0]) if claim.actors else None,
                claim.event_type,
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
            "梁启明今年6月宣布参选，7月获得地方派系支持。",
            [
                ("梁启明", "2025-06-01", "2025-06-30", "梁启明今年6月宣布参选"),
                ("梁启明", "2025-07-01", "2025-07-31", "7月获得地方派系支持"),
            ],
        ),
        (
            "星河影业去年3月在澎湖开拍新片，同年8月杀青。",
            [
                ("星河影业", "2024-03-01", "2024-03-31", "星河影业去年3月在澎湖开拍新片"),
                ("星河影业", "2024-08-01", "2024-08-31", "同年8月杀青"),
            ],
        ),
        (
            "青禾电子2019年4月成立，同年8月发布首款手机，半年后又推出首款平板电脑。",
            [
                ("青禾电子", "2019-04-01", "2019-04-30", "青禾电子2019年4月成立"),
                ("青禾电子", "2019-08-01", "2019-08-31", "同年8月发布首款手机"),
                ("青禾电子", "2020-02-01", "2020-02-29", "半年后又推出首款平板电脑"),
            ],
        ),
        (
            # A work's name in title marks leads its sentence; a name inside its first
            # clause ("由导演…执导") is no other subject.
            "国片《海风》累计票房已突破3亿元。《海风》由导演郑立文执导，10月3日在全台上映。",
            [("海风", "2024-10-03", "2024-10-03", "10月3日在全台上映")],
        ),
        (
            "鼎新物流今年1月迁入新总部，并于4月启用自动化仓库。",
            [
                ("鼎新物流", "2025-01-01", "2025-01-31", "鼎新物流今年1月迁入新总部"),
                ("鼎新物流", "2025-04-01", "2025-04-30", "并于4月启用自动化仓库"),
            ],
        ),
    ],
)
def test_each_dated_clause_is_a_happening_of_the_sentences_subject(claims_of, text, expected):
    found = [(name, start, end, quote) for name, _type, start, end, quote in claims_of(text)]

    assert found == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # What follows a verb of saying is what was said, not the speaker's happening.
        ("何振宇说，上世纪九十年代本地就开始尝试自建港口。", "上世纪九十年代"),
        # A range is a duration: no happening dated by it.
        ("两家公司去年签署合作备忘录，并从去年10月到12月进行了尽职调查。", "尽职调查"),
        # Another name between the subject and the clause may be its subject instead.
        ("远拓半导体成立于2017年，创始人沈立平现年52岁，98年赴美留学。", "赴美留学"),
        # Announcing a plan is no move of one's own.
        ("梁启明今年6月宣布将参选。", "参选"),
    ],
)
def test_no_carried_happening_from_sayings_durations_or_other_subjects(claims_of, text, absent):
    assert not [claim for claim in claims_of(text) if absent in claim[4] and claim[1] == "other"]


def test_an_announced_move_with_nothing_said_after_it_is_the_move(claims_of):
    (claim,) = claims_of("恒远银行今年3月宣布破产。")

    assert claim == ("恒远银行", "other", "2025-03-01", "2025-03-31", "恒远银行今年3月宣布破产")


@pytest.mark.parametrize(
    ("text", "event_type", "headline"),
    [
        (
            "百川重工是一家机械企业。3月12日收盘，百川重工股价上涨21%。",
            "financials",
            "百川重工 share price rises 21%",
        ),
        (
            "澜亭集团今年1月出现亏损。2月3日，澜亭集团股價在開盤後一度下跌9.5%。",
            "financials",
            "澜亭集团 share price falls 9.5%",
        ),
        (
            "银丰置业6月30日发布公告称，公司未能按期兑付一笔债券本息，已构成违约。",
            "controversy",
            "银丰置业 defaults on its debt",
        ),
    ],
)
def test_share_price_moves_and_defaults_are_typed(tmp_path, text, event_type, headline):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: 2025-07-02\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims

    assert [(claim.event_type, claim.headline) for claim in claims][-1] == (event_type, headline)


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "headline"),
    [
        # The figures reported are dated by their period, not by the day they were published.
        (
            "禾昌電子是一家零件廠。禾昌電子於7月9日公布6月營收新台幣5.4億元，年增12%。",
            "2025-07-10",
            "2025-06-01",
            "2025-06-30",
            "禾昌電子 reports June 2025 revenue of TWD 540 million",
        ),
        (
            "宏達精密今(5)日召開法說會，公布第二季稅後純益新臺幣3.1億元，季增8%。",
            "2025-08-05",
            "2025-04-01",
            "2025-06-30",
            "宏達精密 reports Q2 2025 net income of TWD 310 million",
        ),
        # The figure in the clause after the measure belongs to it.
        (
            "禾昌電子是一家零件廠。禾昌電子於4月8日公布3月營收，達新台幣6.2億元，年增9%。",
            "2025-04-09",
            "2025-03-01",
            "2025-03-31",
            "禾昌電子 reports March 2025 revenue of TWD 620 million",
        ),
        # Hong Kong dollars are HKD wherever the currency's name stands.
        (
            "嘉禾醫療集團去年以港幣5.8億元收購一間私家醫院，並於今年1月公布全年收入12億港元。",
            "2025-03-01",
            "2025-01-01",
            "2025-01-31",
            "嘉禾醫療集團 reports January 2025 revenue of HKD 1.2 billion",
        ),
    ],
)
def test_reported_figures_take_their_period_and_their_currency(
    tmp_path, text, published, start, end, headline
):
    path = tmp_path / "article.txt"
    path.write_text(f"---\ntitle: t\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    claims = extract_article(read_article(path), matcher=EMPTY).claims
    financials = [
        (str(c.date.start), str(c.date.end), c.headline)
        for c in claims
        if c.event_type == "financials"
    ]

    assert financials == [(start, end, headline)]


@pytest.mark.parametrize(
    ("text", "published", "name", "start", "quote"),
    [
        # A clause with no date of its own after a dated clause that tells nobody's
        # happening: the sentence's date, its quote reaching back to the date.
        (
            "市议会补选昨(14)日投票，无党籍候选人方振邦以3.1万票当选，击败两名对手。",
            "2025-09-15",
            "方振邦",
            "2025-09-14",
            "昨(14)日投票，无党籍候选人方振邦以3.1万票当选",
        ),
        # A title before the name, and the part of the day after the date.
        (
            "今日上午，临海市市长韩立群到新港区调研。",
            "2025-03-04",
            "韩立群",
            "2025-03-04",
            "今日上午，临海市市长韩立群到新港区调研",
        ),
        # A phrase ending in 的 qualifies the name after it; the announcement gives way to
        # the happening it announces, dated on its own.
        (
            "安和醫療集團昨日宣布，旗下位於沙田的安和醫院新翼已於上月底啟用。",
            "2025-04-03",
            "安和醫院",
            "2025-03-21",
            "旗下位於沙田的安和醫院新翼已於上月底啟用",
        ),
        # A body whose name holds 会 (not "will"): its dated act is a happening.
        (
            "原议员林正今年2月辞职，中选会随后于3月公告补选日期。",
            "2025-05-04",
            "中选会",
            "2025-03-01",
            "中选会随后于3月公告补选日期",
        ),
    ],
)
def test_a_clause_reaches_its_subject_and_its_date(claims_of, text, published, name, start, quote):
    found = [(n, s, q) for n, _type, s, _end, q in claims_of(text, published)]

    assert (name, start, quote) in found


@pytest.mark.parametrize(
    ("text", "published", "event_type", "start"),
    [
        # A change that starts on its date is dated by it.
        ("禾豐咖啡上週五起調漲全台門市部分飲品價格。", "2025-09-18", "pricing", "2025-09-12"),
        # What began at a date ("从…开始") is dated by it.
        ("瑞泰生技從2015年開始研發這款新藥。", "2025-09-18", "other", "2015-01-01"),
        # An alliance announced is a partnership.
        ("禾豐咖啡今(18)日宣布與烘焙連鎖麥香坊結盟。", "2025-09-19", "partnership", "2025-09-18"),
        # Something released that no name marks as a work: told in its own words.
        ("鴻基置業於2019年推出海景豪宅發售。", "2025-10-16", "other", "2019-01-01"),
    ],
)
def test_changes_alliances_and_unnamed_releases(claims_of, text, published, event_type, start):
    assert [(kind, begin) for _name, kind, begin, _end, _quote in claims_of(text, published)] == [
        (event_type, start)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A span of time since a date is no happening on it.
        "禾豐咖啡自2020年起連續三年獲利。",
        "禾豐咖啡從下月起將調漲價格。",
        "禾豐咖啡從2020年開始一直虧損。",
    ],
)
def test_a_span_since_a_date_or_a_planned_change_is_no_claim(claims_of, text):
    assert claims_of(text, "2025-09-18") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "鼎新物流计划明年在越南建厂。",
        "鼎新物流预计今年下半年恢复盈利。",
        "鼎新物流自2019年以来一直亏损。",
        "鼎新物流董事长王建国今年58岁。",
        "鼎新物流今年3月有员工3000人。",
        "鼎新物流将于下月召开股东大会。",
        "鼎新物流今年是否上市仍是未知数？",
        "鼎新物流今年3月没有裁员。",
    ],
)
def test_plans_forecasts_spans_ages_states_and_questions_give_no_claim(claims_of, sentence):
    lead = "鼎新物流今年1月迁入新总部。"

    assert [quote for *_rest, quote in claims_of(lead + sentence)] == ["鼎新物流今年1月迁入新总部"]


def test_an_announced_act_with_its_object_is_the_act_of_its_subject(tmp_path):
    path = tmp_path / "article.txt"
    text = "本周二，华光慈善基金会宣布向灾区捐赠500万元，用于受灾群众的临时安置。"
    path.write_text(f"---\ntitle: t\npublished: 2025-07-20\n---\n{text}\n", encoding="utf-8")
    (claim,) = extract_article(read_article(path), matcher=EMPTY).claims

    assert claim.event_type == "other"
    assert claim.headline.endswith("宣布向灾区捐赠500万元")
    assert claim.actors[0][1] == "subject"


def test_a_court_ruling_runs_on_to_what_it_rules(claims_of):
    claims = claims_of("高等法院昨日裁定，宏基置業須向小業主賠償1.2億港元。", "2025-10-16")

    assert [(kind, start, quote) for _name, kind, start, _end, quote in claims] == [
        ("controversy", "2025-10-15", "高等法院昨日裁定，宏基置業須向小業主賠償1.2億港元")
    ]


@pytest.mark.parametrize(
    ("text", "published", "name", "start", "quote"),
    [
        # A clock time after the date belongs to the date, in either script and form.
        (
            "濱海天文台9月24日凌晨2時40分改發十號颶風信號。",
            "2025-09-25",
            "濱海天文台",
            "2025-09-24",
            "濱海天文台9月24日凌晨2時40分改發十號颶風信號",
        ),
        (
            "江北区应急管理局于6日下午3点半启动防汛二级响应。",
            "2025-07-08",
            "江北区应急管理局",
            "2025-07-06",
            "江北区应急管理局于6日下午3点半启动防汛二级响应",
        ),
        (
            "鼎新物流3月2日14:30许宣布停牌。",
            "2025-03-04",
            "鼎新物流",
            "2025-03-02",
            "鼎新物流3月2日14:30许宣布停牌",
        ),
        # After a date already past, 将 puts the object before its verb: no "will".
        (
            "辽宁省文物局已于今年3月将发现地列为重点保护区域。",
            "2025-10-09",
            "辽宁省文物局",
            "2025-03-01",
            "辽宁省文物局已于今年3月将发现地列为重点保护区域",
        ),
        (
            "鼎新物流去年5月將總部遷往高雄。",
            "2025-10-09",
            "鼎新物流",
            "2024-05-01",
            "鼎新物流去年5月將總部遷往高雄",
        ),
        # 要求 is a demand made, not 要 ("will").
        (
            "行政院消費者保護處6日要求業者提出召回報告。",
            "2025-03-07",
            "行政院消費者保護處",
            "2025-03-06",
            "行政院消費者保護處6日要求業者提出召回報告",
        ),
        # What a counted group of a body's people did is a happening of the body.
        (
            "东莞巴士有限公司约600名司机自6月10日起停止出车。",
            "2025-06-14",
            "东莞巴士有限公司",
            "2025-06-10",
            "东莞巴士有限公司约600名司机自6月10日起停止出车",
        ),
        (
            "仁心醫院逾百名護士昨日集體請假。",
            "2025-06-14",
            "仁心醫院",
            "2025-06-13",
            "仁心醫院逾百名護士昨日集體請假",
        ),
        # A person's name written straight before the date is a name, not a version.
        ("王建民10月3日宣布退休。", "2025-10-09", "王建民", "2025-10-03", "王建民10月3日宣布退休"),
        (
            "陳美玲10月3日獲得金鐘獎最佳女主角。",
            "2025-10-09",
            "陳美玲",
            "2025-10-03",
            "陳美玲10月3日獲得金鐘獎最佳女主角",
        ),
        # A venue in title marks after 在 comes before the verb.
        (
            "华光科技10月8日在《财经》杂志刊登广告。",
            "2025-10-09",
            "华光科技",
            "2025-10-08",
            "华光科技10月8日在《财经》杂志刊登广告",
        ),
        (
            "瑞泰生技9月30日在《刺胳針》期刊發表臨床試驗結果。",
            "2025-10-09",
            "瑞泰生技",
            "2025-09-30",
            "瑞泰生技9月30日在《刺胳針》期刊發表臨床試驗結果",
        ),
        # A court or public body named straight before its date.
        ("最高法院8日駁回上訴。", "2025-10-09", "最高法院", "2025-10-08", "最高法院8日駁回上訴"),
        (
            "湖南省应急管理厅7月启动防汛四级响应。",
            "2025-10-09",
            "湖南省应急管理厅",
            "2025-07-01",
            "湖南省应急管理厅7月启动防汛四级响应",
        ),
        # A place after 在 that begins with 日 or 月 is no leftover of a date.
        (
            "華光科技5日在日本設立子公司。",
            "2025-10-09",
            "華光科技",
            "2025-10-05",
            "華光科技5日在日本設立子公司",
        ),
        (
            "戴資穎5日在日本公開賽女單決賽中落敗。",
            "2025-10-09",
            "戴資穎",
            "2025-10-05",
            "戴資穎5日在日本公開賽女單決賽中落敗",
        ),
        # After 在 comes a place whose first character is no date's leftover.
        (
            "华光科技5日在年度股东大会上通过分红方案。",
            "2025-10-09",
            "华光科技",
            "2025-10-05",
            "华光科技5日在年度股东大会上通过分红方案",
        ),
        (
            "華光科技5日在現場演示新產品。",
            "2025-10-09",
            "華光科技",
            "2025-10-05",
            "華光科技5日在現場演示新產品",
        ),
        # A date the tagger runs into the name before it is no part of the name.
        (
            "华光科技5日向法院提起诉讼。",
            "2025-10-09",
            "华光科技",
            "2025-10-05",
            "华光科技5日向法院提起诉讼",
        ),
        # A unit written straight after its parent body is one name.
        (
            "中国科学院古脊椎动物与古人类研究所10月8日发表论文。",
            "2025-10-09",
            "中国科学院古脊椎动物与古人类研究所",
            "2025-10-08",
            "中国科学院古脊椎动物与古人类研究所10月8日发表论文",
        ),
    ],
)
def test_clock_times_disposal_demands_and_units_of_bodies(
    claims_of, text, published, name, start, quote
):
    found = [(n, s, q) for n, _type, s, _end, q in claims_of(text, published)]

    assert (name, start, quote) in found


@pytest.mark.parametrize(
    "text",
    [
        # 将 with a date still ahead is "will", whatever follows it.
        "鼎新物流将于下月将总部迁往上海。",
        "鼎新物流明年将把总部迁往上海。",
        # A counted group's hope is no happening.
        "鼎新物流约3000名员工今年有望加薪。",
        # A wire dateline on its own line dates the dispatch, not a happening.
        "新华社北京10月9日电（记者 张岚）",
        "中央社記者林佳穎台北17日電",
    ],
)
def test_future_disposal_and_wire_datelines_give_no_claim(claims_of, text):
    assert claims_of(text, "2025-10-09") == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("新华社北京10月9日电 华光科技8日发布新款芯片。", "华光科技8日发布新款芯片"),
        ("中新社香港9月3日電（記者 何敏）華光科技2日發表新款晶片。", "華光科技2日發表新款晶片"),
    ],
)
def test_a_wire_dateline_opening_a_paragraph_is_left_out_of_its_claim(claims_of, text, quote):
    assert [q for _n, _type, _s, _e, q in claims_of(text, "2025-10-09")] == [quote]
