"""The date normalizer: explicit tables of expressions, non-dates, references and display."""

from datetime import date

import pytest

from timeline.pipeline.dates import (
    Anchor,
    ReferenceDate,
    display_date,
    find_dates,
    infer_reference_date,
    parse_reference,
)

R = parse_reference("2025-01-07")


def only(text: str, reference: ReferenceDate | None = R):
    (mention,) = find_dates(text, reference=reference).mentions
    return mention


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "precision", "qualifier", "edtf"),
    [
        ("公司于2023年成立", "2023年", "2023-01-01", "2023-12-31", "year", None, "2023"),
        ("2009 年创立", "2009 年", "2009-01-01", "2009-12-31", "year", None, "2009"),
        ("二〇二三年成立", "二〇二三年", "2023-01-01", "2023-12-31", "year", None, "2023"),
        ("于2023年三月创立", "2023年三月", "2023-03-01", "2023-03-31", "month", None, "2023-03"),
        ("于2023年11月5日", "2023年11月5日", "2023-11-05", "2023-11-05", "day", None, "2023-11-05"),
        (
            "２０２３年１１月５日",
            "２０２３年１１月５日",
            "2023-11-05",
            "2023-11-05",
            "day",
            None,
            "2023-11-05",
        ),
        ("截至 2023-11-05", "2023-11-05", "2023-11-05", "2023-11-05", "day", None, "2023-11-05"),
        ("销量 2023/3 最高", "2023/3", "2023-03-01", "2023-03-31", "month", None, "2023-03"),
        ("15年3月离开", "15年3月", "2015-03-01", "2015-03-31", "month", None, "2015-03"),
        (
            "2024年第三季度",
            "2024年第三季度",
            "2024-07-01",
            "2024-09-30",
            "quarter",
            None,
            "2024-35",
        ),
        ("2024年上半年", "2024年上半年", "2024-01-01", "2024-06-30", "half", None, "2024-40"),
        ("2024年下半年", "2024年下半年", "2024-07-01", "2024-12-31", "half", None, "2024-41"),
        ("2024年初", "2024年初", "2024-01-01", "2024-04-30", "part", "early", "2024-37"),
        ("2023年年中成立", "2023年年中", "2023-05-01", "2023-08-31", "part", "mid", "2023-38"),
        ("2024 年过半", "2024 年过半", "2024-05-01", "2024-08-31", "part", "mid", "2024-38"),
        ("2024过半,AI卷到哪儿了", "2024过半", "2024-05-01", "2024-08-31", "part", "mid", "2024-38"),
        ("2024年末", "2024年末", "2024-09-01", "2024-12-31", "part", "late", "2024-39"),
        ("2025年伊始", "2025年伊始", "2025-01-01", "2025-01-31", "month", "early", "2025-01"),
        ("5月下旬", "5月下旬", "2024-05-21", "2024-05-31", "xun", None, None),
        ("2024年5月初", "2024年5月初", "2024-05-01", "2024-05-10", "xun", None, None),
        ("2024年2月底", "2024年2月底", "2024-02-21", "2024-02-29", "xun", None, None),
        (
            "2024年5月至6月",
            "2024年5月至6月",
            "2024-05-01",
            "2024-06-30",
            "interval",
            None,
            "2024-05/2024-06",
        ),
        (
            "（从2022年12月到2023年6月）",
            "从2022年12月到2023年6月",
            "2022-12-01",
            "2023-06-30",
            "interval",
            None,
            "2022-12/2023-06",
        ),
        ("20世纪90年代", "20世纪90年代", "1990-01-01", "1999-12-31", "decade", None, "199X"),
        ("Nov. 5, 2023", "Nov. 5, 2023", "2023-11-05", "2023-11-05", "day", None, "2023-11-05"),
        (
            "on 5 November 2023",
            "5 November 2023",
            "2023-11-05",
            "2023-11-05",
            "day",
            None,
            "2023-11-05",
        ),
        ("in 2023", "2023", "2023-01-01", "2023-12-31", "year", None, "2023"),
        ("Q3 2024", "Q3 2024", "2024-07-01", "2024-09-30", "quarter", None, "2024-35"),
        (
            "the first half of 2024",
            "the first half of 2024",
            "2024-01-01",
            "2024-06-30",
            "half",
            None,
            "2024-40",
        ),
        ("by mid-2024", "mid-2024", "2024-05-01", "2024-08-31", "part", "mid", "2024-38"),
        (
            "the end of 2024",
            "the end of 2024",
            "2024-09-01",
            "2024-12-31",
            "part",
            "late",
            "2024-39",
        ),
        ("late May 2024", "late May 2024", "2024-05-21", "2024-05-31", "xun", None, None),
        (
            "May–June 2024",
            "May–June 2024",
            "2024-05-01",
            "2024-06-30",
            "interval",
            None,
            "2024-05/2024-06",
        ),
        ("the 1990s", "the 1990s", "1990-01-01", "1999-12-31", "decade", None, "199X"),
    ],
)
def test_absolute_expressions(text, written, start, end, precision, qualifier, edtf):
    mention = only(text)
    assert mention.text == written
    assert text[mention.char_start : mention.char_end] == written
    assert (mention.start.isoformat(), mention.end.isoformat()) == (start, end)
    assert (mention.precision, mention.qualifier, mention.edtf) == (precision, qualifier, edtf)


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "precision"),
    [
        ("今年会投 70 亿美元", "今年", "2025-01-01", "2025-12-31", "year"),
        ("去年亏损", "去年", "2024-01-01", "2024-12-31", "year"),
        ("前年成立", "前年", "2023-01-01", "2023-12-31", "year"),
        ("明年上市", "明年", "2026-01-01", "2026-12-31", "year"),
        ("去年 5 月我们访谈", "去年 5 月", "2024-05-01", "2024-05-31", "month"),
        ("今年五月", "今年五月", "2025-05-01", "2025-05-31", "month"),
        ("去年年末分拆", "去年年末", "2024-09-01", "2024-12-31", "part"),
        ("在去年年中表示", "去年年中", "2024-05-01", "2024-08-31", "part"),
        ("上个月宣布", "上个月", "2024-12-01", "2024-12-31", "month"),
        ("上個月宣佈", "上個月", "2024-12-01", "2024-12-31", "month"),
        ("本月完成", "本月", "2025-01-01", "2025-01-31", "month"),
        ("昨天发布", "昨天", "2025-01-06", "2025-01-06", "day"),
        ("前天发布", "前天", "2025-01-05", "2025-01-05", "day"),
        ("昨晚发布", "昨晚", "2025-01-06", "2025-01-06", "day"),
        ("1月6日晚,有消息", "1月6日晚", "2025-01-06", "2025-01-06", "day"),
        ("5 月发布", "5 月", "2024-05-01", "2024-05-31", "month"),
        # A period with no year and none in the paragraph: the latest that starts on or
        # before R (a statement never lands after its own source).
        ("第三季度扭亏", "第三季度", "2024-07-01", "2024-09-30", "quarter"),
        ("下半年增长", "下半年", "2024-07-01", "2024-12-31", "half"),
        ("到 9、10 月时", "9、10 月", "2024-09-01", "2024-10-31", "interval"),
        ("近日完成融资", "近日", "2024-12-07", "2025-01-07", "month"),
        ("歲末發佈", "歲末", "2024-09-01", "2024-12-31", "part"),
        ("在 25 年能有", "25 年", "2025-01-01", "2025-12-31", "year"),
        ("last year", "last year", "2024-01-01", "2024-12-31", "year"),
        ("last month", "last month", "2024-12-01", "2024-12-31", "month"),
        ("yesterday", "yesterday", "2025-01-06", "2025-01-06", "day"),
        ("recently", "recently", "2024-12-07", "2025-01-07", "month"),
        ("last May", "last May", "2024-05-01", "2024-05-31", "month"),
    ],
)
def test_relative_expressions(text, written, start, end, precision):
    mention = only(text)
    assert mention.text == written
    assert (mention.start.isoformat(), mention.end.isoformat(), mention.precision) == (
        start,
        end,
        precision,
    )
    assert mention.anchor == Anchor("2025-01-07", "published")


def test_year_comes_from_the_nearest_preceding_year_in_the_paragraph():
    text = "去年 5 月开始萌芽,第三季度看到需要走这条路\n第三季度再看"
    _, quarter, other_paragraph = find_dates(text, reference=R).mentions
    assert (quarter.start, quarter.end) == (date(2024, 7, 1), date(2024, 9, 30))
    assert quarter.anchor == Anchor("2024", "context")
    assert other_paragraph.start == date(2024, 7, 1)


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("1月6日晚,有消息;次日,公司辟谣", "次日", "2025-01-07"),
        ("2024年3月5日签约,当天股价大涨", "当天", "2024-03-05"),
        ("2024年3月5日签约,第二天股价大跌", "第二天", "2024-03-06"),
        ("It launched on March 5, 2024. The next day shares fell.", "The next day", "2024-03-06"),
        ("2024年3月5日签约,连夜发布公告", "连夜", "2024-03-05"),
        ("2024年3月5日簽約,當晚發佈公告", "當晚", "2024-03-05"),
        ("2024年3月5日签约,当天晚上发布公告", "当天晚上", "2024-03-05"),
        ("2024年3月5日签约,同一天发布公告", "同一天", "2024-03-05"),
        ("2024年3月5日签约,次日凌晨发布公告", "次日凌晨", "2024-03-06"),
        ("2024年3月5日签约,前一晚双方还在谈判", "前一晚", "2024-03-04"),
        ("It launched on March 5, 2024, and that night shares fell.", "that night", "2024-03-05"),
        (
            "It launched on March 5, 2024; later that day shares fell.",
            "later that day",
            "2024-03-05",
        ),
        (
            "It launched on March 5, 2024. The next morning shares fell.",
            "The next morning",
            "2024-03-06",
        ),
    ],
)
def test_following_day_counts_from_the_previous_day_in_the_paragraph(text, written, expected):
    last = find_dates(text, reference=R).mentions[-1]
    assert (last.text, last.start.isoformat(), last.end.isoformat()) == (
        written,
        expected,
        expected,
    )
    assert last.anchor.basis == "context"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # DATES.md: with no day before it in the paragraph, R plus 0 or 1 day.
        ("变动消息传出的第二天,李开复解释", "2025-01-08"),
        ("次日,公司辟谣", "2025-01-08"),
        ("翌日,公司闢謠", "2025-01-08"),
        ("The next day the company denied it.", "2025-01-08"),
        ("当天,公司辟谣", "2025-01-07"),
        ("李開復連夜在朋友圈闢謠", "2025-01-07"),
        ("当晚,公司辟谣", "2025-01-07"),
        ("That night the company denied it.", "2025-01-07"),
    ],
)
def test_following_day_without_an_earlier_day_counts_from_the_reference_date(text, expected):
    last = find_dates(text, reference=R).mentions[-1]
    assert (last.start.isoformat(), last.end.isoformat()) == (expected, expected)
    assert last.anchor == Anchor("2025-01-07", "published")


@pytest.mark.parametrize(
    "text",
    ["随后,公司辟谣", "隨後公司闢謠", "他相当天真", "相当晚才发布", "Shortly afterwards it fell."],
)
def test_words_of_sequence_are_not_dates(text):
    assert find_dates(text, reference=R).mentions == ()


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        ("5月发布,月底上线", "月底", "2024-05-21", "2024-05-31"),
        ("2023年5月发布,月初就上线", "月初", "2023-05-01", "2023-05-10"),
        ("2023年5月12日发布,下旬上线", "下旬", "2023-05-21", "2023-05-31"),
        ("去年 10 月发布,中旬上线", "中旬", "2024-10-11", "2024-10-20"),
        ("2023年2月发布,月末上线", "月末", "2023-02-21", "2023-02-28"),
        (
            "It shipped in May 2023 and sold out by the end of the month.",
            "the end of the month",
            "2023-05-21",
            "2023-05-31",
        ),
    ],
)
def test_month_part_without_a_month_takes_the_month_of_the_paragraph(text, written, start, end):
    last = find_dates(text, reference=R).mentions[-1]
    assert (last.text, last.start.isoformat(), last.end.isoformat()) == (written, start, end)
    assert (last.precision, last.anchor.basis) == ("xun", "context")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("月初,公司完成交割", "2025-01-01", "2025-01-10"),
        ("公司计划月底上线", "2025-01-21", "2025-01-31"),
        ("中旬,公司完成交割", "2025-01-11", "2025-01-20"),
        ("下旬,公司完成交割", "2025-01-21", "2025-01-31"),
        ("Mid-month the company closed the deal.", "2025-01-11", "2025-01-20"),
        ("The deal closed early this month.", "2025-01-01", "2025-01-10"),
        ("The deal closed late last month.", "2024-12-21", "2024-12-31"),
    ],
)
def test_month_part_without_any_month_takes_the_reference_month(text, start, end):
    mention = only(text)
    assert (mention.start.isoformat(), mention.end.isoformat(), mention.precision) == (
        start,
        end,
        "xun",
    )
    assert mention.anchor == Anchor("2025-01-07", "published")


@pytest.mark.parametrize("text", ["岁月中的故事", "每月初结算", "几个月中都在亏损", "三个月底薪"])
def test_month_words_inside_other_words_are_not_dates(text):
    assert find_dates(text, reference=R).mentions == ()


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "qualifier", "edtf"),
    [
        ("2023 年之前已成立", "2023 年之前", "2023-01-01", "2023-12-31", "before", "[..2023]"),
        ("2023年以前成立", "2023年以前", "2023-01-01", "2023-12-31", "before", "[..2023]"),
        ("2025年前完成交付", "2025年前", "2025-01-01", "2025-12-31", "before", "[..2025]"),
        ("2024年底前完成交付", "2024年底前", "2024-09-01", "2024-12-31", "before", "[..2024-39]"),
        ("3月5日前提交", "3月5日前", "2024-03-05", "2024-03-05", "before", "[..2024-03-05]"),
        ("2023年之后成立", "2023年之后", "2023-01-01", "2023-12-31", "after", "[2023..]"),
        ("2023年以後成立", "2023年以後", "2023-01-01", "2023-12-31", "after", "[2023..]"),
        ("2030年后将普及", "2030年后", "2030-01-01", "2030-12-31", "after", "[2030..]"),
        ("自2023年以来,融资三次", "自2023年以来", "2023-01-01", "2023-12-31", "after", "[2023..]"),
        (
            "從2024年3月起,價格上調",
            "從2024年3月起",
            "2024-03-01",
            "2024-03-31",
            "after",
            "[2024-03..]",
        ),
        ("2024年起,公司转型", "2024年起", "2024-01-01", "2024-12-31", "after", "[2024..]"),
        ("今年以来,融资遇冷", "今年以来", "2025-01-01", "2025-12-31", "after", "[2025..]"),
        ("2024年前后成立", "2024年前后", "2024-01-01", "2024-12-31", "approx", "2024~"),
        ("2024年左右成立", "2024年左右", "2024-01-01", "2024-12-31", "approx", "2024~"),
        (
            "It was founded before 2023.",
            "before 2023",
            "2023-01-01",
            "2023-12-31",
            "before",
            "[..2023]",
        ),
        (
            "Prices rose prior to March 2024.",
            "prior to March 2024",
            "2024-03-01",
            "2024-03-31",
            "before",
            "[..2024-03]",
        ),
        (
            "Prices fell after May 2024.",
            "after May 2024",
            "2024-05-01",
            "2024-05-31",
            "after",
            "[2024-05..]",
        ),
        (
            "It has raised twice since 2023.",
            "since 2023",
            "2023-01-01",
            "2023-12-31",
            "after",
            "[2023..]",
        ),
        (
            "It was founded around 2015.",
            "around 2015",
            "2015-01-01",
            "2015-12-31",
            "approx",
            "2015~",
        ),
        (
            "Prices rise from 2026 onwards.",
            "2026 onwards",
            "2026-01-01",
            "2026-12-31",
            "after",
            "[2026..]",
        ),
    ],
)
def test_bounds_keep_the_period_and_qualify_it(text, written, start, end, qualifier, edtf):
    mention = only(text)
    assert mention.text == written
    assert text[mention.char_start : mention.char_end] == written
    assert (mention.start.isoformat(), mention.end.isoformat()) == (start, end)
    assert (mention.qualifier, mention.edtf) == (qualifier, edtf)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("2024年前三季度营收增长", "2024年前三季度"),
        ("2024年前三季營收增長", "2024年前三季"),
        ("2024年前夕", "2024年"),
        ("2024年后半段", "2024年"),
        ("2024年起步", "2024年"),
        ("2024年开始盈利", "2024年"),
        ("自2023年成立以来", "2023年"),
    ],
)
def test_words_that_only_look_like_bounds(text, written):
    mention = only(text)
    assert (mention.text, mention.qualifier) == (written, None)


@pytest.mark.parametrize(
    ("text", "written", "start"),
    [
        ("It shipped in march 2024.", "march 2024", "2024-03-01"),
        ("It shipped on november 5.", "november 5", "2024-11-05"),
        ("It shipped in may 2024.", "may 2024", "2024-05-01"),
        ("It shipped on may 13.", "may 13", "2024-05-13"),
        ("It shipped in june.", "june", "2024-06-01"),
        ("It shipped on 5 may 2024.", "5 may 2024", "2024-05-05"),
        ("It shipped in dec 2024.", "dec 2024", "2024-12-01"),
        ("IT SHIPPED IN MAY 2024.", "MAY 2024", "2024-05-01"),
    ],
)
def test_lower_case_month_names(text, written, start):
    mention = only(text)
    assert (mention.text, mention.start.isoformat()) == (written, start)


@pytest.mark.parametrize(
    "text",
    [
        "You may want to see it.",
        "They may 13 times fail.",
        "Prices may rise in may.",
        "Figure 5 may show it.",
        "Protesters march on.",
        "They march in march.",
        "Data from jan is missing.",
    ],
)
def test_lower_case_words_that_are_not_months(text):
    assert find_dates(text, reference=R).mentions == ()


@pytest.mark.parametrize(
    ("text", "written", "day"),
    [
        ("Posted 11/05/2023 by staff.", "11/05/2023", "2023-11-05"),
        ("The deadline is 12-31-2023.", "12-31-2023", "2023-12-31"),
        ("Filed on 3/7/2024 in court.", "3/7/2024", "2024-03-07"),
        ("Signed on 25/12/2023 in London.", "25/12/2023", "2023-12-25"),
    ],
)
def test_english_numeric_dates_are_month_first(text, written, day):
    mention = only(text)
    assert (mention.text, mention.start.isoformat(), mention.precision) == (written, day, "day")


@pytest.mark.parametrize(
    "text", ["公司于11/05/2023发布新品", "比分是 3/4/2023x", "11/05/23 posted"]
)
def test_year_last_numeric_dates_outside_english_are_not_read(text):
    assert find_dates(text, reference=R).mentions == ()


def test_impossible_year_last_numeric_date_is_a_warning():
    scan = find_dates("It was filed on 13/13/2023.", reference=R)
    assert scan.mentions == ()
    assert [w.text for w in scan.warnings] == ["13/13/2023"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("週末上線", None),
        ("每周二更新", None),
        ("5月20日(周一)发布", "5月20日"),
        ("It shipped on Tuesday, March 5.", "March 5"),
    ],
)
def test_weekends_habits_and_weekdays_beside_their_day_are_not_dates(text, written):
    mentions = find_dates(text, reference=R).mentions
    assert [m.text for m in mentions] == ([written] if written else [])


@pytest.mark.parametrize(
    "text",
    [
        "公司成立已经5个月了",
        "等了 40 多年",
        "半个多月只花了 1.11 元",
        "需要2-3年才能成熟",
        "过去半年来一直亏损",
        "公司成立两年",
        "未来三年投入百亿",
        "商汤等公司普遍走了 6-8 年",
        "大神潜入商场 | 3天前 |",
        "呤霖色色 | 6天前 |",
        "Yi-Lightning 超越GPT-4o-2024-05-13",
        "Grok-2-08-13 上线",
        "https://techcrunch.com/2023/11/05/valued-at-1b/",
        "qwen2.0和qwen2.5发布后, v2.0.1",
        "收入增长 36%, 花了 2000 万元, 2000个杯子",
        "时至今日,国内没有哪个团队领先",
        "大模型发展到今天",
        "今天很困难， 明天更困难，后天不知道",
        "the company has been around for five years",
        "it took three months",
        "in the coming years",
        "You may want to see",
        "raised money from 2000 investors",
        "一年中有三个月在出差",
    ],
)
def test_not_dates(text):
    assert find_dates(text, reference=R).mentions == ()


@pytest.mark.parametrize("text", ["2023年13月", "2月30日", "2023年2月29日", "2023-13-01"])
def test_impossible_dates_are_warnings(text):
    scan = find_dates(text, reference=R)
    assert scan.mentions == ()
    (warning,) = scan.warnings
    assert warning.text == text


def test_relative_expressions_without_reference_stay_unresolved():
    mentions = find_dates("去年5月,昨天,近日,2023年3月").mentions
    assert [m.text for m in mentions] == ["去年5月", "昨天", "近日", "2023年3月"]
    assert [(m.start, m.end) for m in mentions[:3]] == [(None, None)] * 3
    assert mentions[3].start == date(2023, 3, 1)


def test_as_dict_is_json_ready():
    assert only("去年5月").as_dict() == {
        "text": "去年5月",
        "char_start": 0,
        "char_end": 4,
        "start": "2024-05-01",
        "end": "2024-05-31",
        "precision": "month",
        "qualifier": None,
        "edtf": "2024-05",
        "anchor": {"date": "2025-01-07", "basis": "published"},
    }


@pytest.mark.parametrize(
    ("value", "start", "end", "precision", "display"),
    [
        ("2025-01-07", date(2025, 1, 7), date(2025, 1, 7), "day", "2025-01-07"),
        ("2025-01", date(2025, 1, 1), date(2025, 1, 31), "month", "2025-01"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "year", "2025"),
    ],
)
def test_parse_reference(value, start, end, precision, display):
    reference = parse_reference(value)
    assert (reference.start, reference.end, reference.precision) == (start, end, precision)
    assert reference.display == display
    assert reference.basis == "published"


@pytest.mark.parametrize("value", ["yesterday", "2025-13-01", "2025-02-30", "25-01-07", ""])
def test_parse_reference_rejects_bad_values(value):
    with pytest.raises(ValueError, match="reference date"):
        parse_reference(value)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        (
            "零一萬物決定給大廠讓路\n2025年伊始,AI大模型就傳出異動。去年5月",
            "2025-01-01",
            "2025-01-31",
            "month",
        ),
        ("2024过半,AI卷到哪儿了?\n去年一哄而上", "2024-05-01", "2024-08-31", "part"),
        ("到了2025年。截至2025年中,公司状况稳定。", "2025-05-01", "2025-08-31", "part"),
        ("2024年收入过亿,预计2026年上市", "2024-01-01", "2024-12-31", "year"),
        ("2024年收入过亿,2026年会翻倍", "2024-01-01", "2024-12-31", "year"),
    ],
)
def test_infer_reference_date(text, start, end, precision):
    reference = infer_reference_date(text)
    assert (reference.start.isoformat(), reference.end.isoformat()) == (start, end)
    assert (reference.precision, reference.basis) == (precision, "inferred")


def test_infer_reference_date_needs_an_absolute_date():
    assert infer_reference_date("去年5月,昨天发布") is None


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # A present marker (截至, 截止, 到…为止, 迄今, as of, so far in) outranks later dates.
        (
            "截至2024年底,公司员工超过500人。2025年3月,公司发布新品。",
            "2024-09-01",
            "2024-12-31",
            "part",
        ),
        ("截至2024年6月,用户过亿;2024年8月推出新品。", "2024-06-01", "2024-06-30", "month"),
        (
            "截止到2024年9月30日,累计用户达1亿。2024年底发布新品。",
            "2024-09-30",
            "2024-09-30",
            "day",
        ),
        ("到2024年底为止,公司完成三轮融资。", "2024-09-01", "2024-12-31", "part"),
        ("迄今为止,2024年公司已完成三轮融资。", "2024-01-01", "2024-12-31", "year"),
        ("2024年迄今,销量增长三成。", "2024-01-01", "2024-12-31", "year"),
        ("截至2024年底,公司員工超過500人。2025年3月發佈新品。", "2024-09-01", "2024-12-31", "part"),
        (
            "As of end-2024, it had 500 staff. In March 2025 it listed.",
            "2024-09-01",
            "2024-12-31",
            "part",
        ),
        ("As of mid-2024 the lab employs 40 people.", "2024-05-01", "2024-08-31", "part"),
        (
            "So far in 2024, sales rose. It listed in March 2025.",
            "2024-01-01",
            "2024-12-31",
            "year",
        ),
        ("Sales in 2024 so far rose 5%.", "2024-01-01", "2024-12-31", "year"),
        # Several marked dates: the latest of them.
        ("截至2024年6月底,用户5000万;截至2024年底,用户过亿。", "2024-09-01", "2024-12-31", "part"),
        # A marked date that is itself a deadline is not the present.
        ("截至2026年底将完成交付。2024年营收过亿。", "2024-01-01", "2024-12-31", "year"),
        # 自2019年迄今 starts a span: no marker; the latest stated date wins.
        ("自2019年迄今,公司完成三轮融资。2023年,公司上市。", "2023-01-01", "2023-12-31", "year"),
    ],
)
def test_present_markers_outrank_other_dates(text, start, end, precision):
    reference = infer_reference_date(text)
    assert (reference.start.isoformat(), reference.end.isoformat()) == (start, end)
    assert (reference.precision, reference.basis) == (precision, "inferred")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # The forecast's date is never the present, with or without a present marker.
        ("截至2024年底,公司员工超过500人。预计2026年实现盈利。去年5月完成融资。", 2024),
        ("截至2024年底,公司員工超過500人。預計2026年實現盈利。", 2024),
        ("公司将于2026年上市。截至2024年底,累计用户达1亿。", 2024),
        ("公司將於2026年上市。2024年營收過億。", 2024),
        ("2024年营收过亿,公司计划在完成新一轮融资后于2026年上市。", 2024),
        ("2024年营收过亿,公司有望2026年扭亏。", 2024),
        ("2024年营收过亿,目标是2026年上市。", 2024),
        ("2024年营收过亿。明年,也就是2026年,公司上市。", 2024),
        ("2024年营收过亿。公司预计,2026年营收翻倍。", 2024),
        ("2024年营收过亿。2026年,公司将推出新车。", 2024),
        ("2024年營收過億。2026年,公司會推出新車。", 2024),
        ("It had 500 staff in 2024. By 2026 it will list.", 2024),
        ("It had 500 staff in 2024. By the end of 2026 it will double that.", 2024),
        ("Sales rose in 2024. The company plans to open a plant in 2026.", 2024),
        ("Sales rose in 2024. The plant is expected to open in 2026.", 2024),
        ("Sales rose in 2024. It aims to list in 2026.", 2024),
        ("Sales rose in 2024. In 2026, the company will list.", 2024),
        # Words that only contain 会 or 拟 are no forecast.
        ("2023年营收过亿。2024年,董事会批准了分拆。", 2024),
        ("2024年虚拟人市场增长。", 2024),
        ("公司计划明年上市,2024年营收过亿。", 2024),
    ],
)
def test_forecasts_are_never_the_present(text, year):
    reference = infer_reference_date(text)
    assert (reference.start.year, reference.end.year) == (year, year)


def test_an_inferred_present_dates_the_relative_words():
    text = "截至2024年底,公司员工超过500人。预计2026年实现盈利。去年5月完成融资。"
    scan = find_dates(text, reference=infer_reference_date(text))
    last_may = next(m for m in scan.mentions if m.text == "去年5月")
    assert (last_may.start, last_may.end) == (date(2023, 5, 1), date(2023, 5, 31))
    assert last_may.anchor == Anchor("2024", "inferred")


@pytest.mark.parametrize(
    "text", ["上世纪八十年代公司成立。", "公司成立于80年代。", "2019–2023年间"]
)
def test_decades_and_long_spans_are_no_present(text):
    assert infer_reference_date(text) is None


@pytest.mark.parametrize(
    ("start", "end", "precision", "qualifier", "text"),
    [
        (date(2024, 5, 13), date(2024, 5, 13), "day", None, "13 May 2024"),
        (date(1600, 1, 1), date(1699, 12, 31), "century", None, "the 17th century"),
        (date(2000, 1, 1), date(2099, 12, 31), "century", None, "the 21st century"),
        (date(2025, 3, 10), date(2025, 3, 16), "week", None, "10 – 16 March 2025"),
        (date(2024, 1, 1), date(2024, 12, 31), "year", "fiscal", "fiscal 2024"),
        (date(2024, 7, 1), date(2024, 9, 30), "quarter", "fiscal", "fiscal Q3 2024"),
        (date(2024, 5, 1), date(2024, 5, 31), "month", None, "May 2024"),
        (date(2024, 5, 1), date(2024, 5, 10), "xun", None, "early May 2024"),
        (date(2024, 5, 11), date(2024, 5, 20), "xun", None, "mid-May 2024"),
        (date(2024, 7, 1), date(2024, 9, 30), "quarter", None, "Q3 2024"),
        (date(2024, 1, 1), date(2024, 6, 30), "half", None, "H1 2024"),
        (date(2024, 9, 1), date(2024, 12, 31), "part", "late", "late 2024"),
        (date(2024, 5, 1), date(2024, 8, 31), "part", "mid", "mid-2024"),
        (date(2024, 1, 1), date(2024, 12, 31), "year", None, "2024"),
        (date(1990, 1, 1), date(1999, 12, 31), "decade", None, "the 1990s"),
        (date(2024, 5, 1), date(2024, 6, 30), "interval", None, "May – June 2024"),
        (date(2022, 12, 1), date(2023, 6, 30), "interval", None, "December 2022 – June 2023"),
        (date(2023, 1, 1), date(2023, 12, 31), "year", "before", "before 2023"),
        (date(2024, 5, 1), date(2024, 5, 31), "month", "after", "after May 2024"),
        (date(2024, 9, 1), date(2024, 12, 31), "part", "before", "before late 2024"),
        (date(2024, 5, 21), date(2024, 5, 31), "xun", "after", "after late May 2024"),
        (date(2024, 1, 1), date(2024, 12, 31), "year", "approx", "around 2024"),
        (date(2000, 1, 1), date(2009, 12, 31), "decade", "early", "the early 2000s"),
    ],
)
def test_display_date(start, end, precision, qualifier, text):
    assert display_date(start, end, precision, qualifier) == text


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "precision", "qualifier", "edtf"),
    [
        ("上世纪90年代", "上世纪90年代", "1990-01-01", "1999-12-31", "decade", None, "199X"),
        ("上世紀八十年代", "上世紀八十年代", "1980-01-01", "1989-12-31", "decade", None, "198X"),
        ("本世纪初", "本世纪初", "2000-01-01", "2009-12-31", "decade", "early", "200X"),
        ("上世纪末", "上世纪末", "1990-01-01", "1999-12-31", "decade", "late", "199X"),
        ("21世纪初", "21世纪初", "2000-01-01", "2009-12-31", "decade", "early", "200X"),
        ("二十世纪末", "二十世纪末", "1990-01-01", "1999-12-31", "decade", "late", "199X"),
        ("90年代初", "90年代初", "1990-01-01", "1999-12-31", "decade", "early", "199X"),
        ("80年代末期", "80年代末期", "1980-01-01", "1989-12-31", "decade", "late", "198X"),
        (
            "the early 1990s",
            "the early 1990s",
            "1990-01-01",
            "1999-12-31",
            "decade",
            "early",
            "199X",
        ),
        ("the mid-2000s", "the mid-2000s", "2000-01-01", "2009-12-31", "decade", "mid", "200X"),
        (
            "20世纪末至本世纪初",
            "20世纪末至本世纪初",
            "1990-01-01",
            "2009-12-31",
            "interval",
            None,
            "199X/200X",
        ),
        (
            "between the 1980s and the 1990s",
            "between the 1980s and the 1990s",
            "1980-01-01",
            "1999-12-31",
            "interval",
            None,
            "198X/199X",
        ),
        ("上季度营收", "上季度", "2024-10-01", "2024-12-31", "quarter", None, "2024-36"),
        ("本季度营收", "本季度", "2025-01-01", "2025-03-31", "quarter", None, "2025-33"),
        ("下个季度营收", "下个季度", "2025-04-01", "2025-06-30", "quarter", None, "2025-34"),
        (
            "Revenue fell last quarter.",
            "last quarter",
            "2024-10-01",
            "2024-12-31",
            "quarter",
            None,
            "2024-36",
        ),
        (
            "Earlier this year it grew.",
            "Earlier this year",
            "2025-01-01",
            "2025-01-07",
            "year",
            None,
            "2025-01-01/2025-01-07",
        ),
        (
            "It ships later this year.",
            "later this year",
            "2025-01-07",
            "2025-12-31",
            "year",
            None,
            "2025-01-07/2025-12-31",
        ),
        (
            "今年早些时候融资",
            "今年早些时候",
            "2025-01-01",
            "2025-01-07",
            "year",
            None,
            "2025-01-01/2025-01-07",
        ),
        ("公司计划年内上市", "年内", "2025-01-01", "2025-12-31", "year", None, "2025"),
        ("公司计划今年内上市", "今年内", "2025-01-01", "2025-12-31", "year", None, "2025"),
        ("公司计划2024年内上市", "2024年内", "2024-01-01", "2024-12-31", "year", None, "2024"),
        ("by year-end", "year-end", "2024-09-01", "2024-12-31", "part", "late", "2024-39"),
        (
            "by the end of the year",
            "the end of the year",
            "2024-09-01",
            "2024-12-31",
            "part",
            "late",
            "2024-39",
        ),
        (
            "at the start of the year",
            "the start of the year",
            "2025-01-01",
            "2025-01-31",
            "month",
            "early",
            "2025-01",
        ),
        (
            "in the second half",
            "the second half",
            "2024-07-01",
            "2024-12-31",
            "half",
            None,
            "2024-41",
        ),
        ("2019–2021", "2019–2021", "2019-01-01", "2021-12-31", "interval", None, "2019/2021"),
        (
            "from 2019 to 2021",
            "from 2019 to 2021",
            "2019-01-01",
            "2021-12-31",
            "interval",
            None,
            "2019/2021",
        ),
        (
            "between 2019 and 2021",
            "between 2019 and 2021",
            "2019-01-01",
            "2021-12-31",
            "interval",
            None,
            "2019/2021",
        ),
        (
            "the 2022-23 season",
            "2022-23",
            "2022-01-01",
            "2023-12-31",
            "interval",
            None,
            "2022/2023",
        ),
        ("founded in 2012-11", "2012-11", "2012-11-01", "2012-11-30", "month", None, "2012-11"),
        ("2023年5月中下旬", "2023年5月中下旬", "2023-05-11", "2023-05-31", "interval", None, None),
    ],
)
def test_decades_quarters_and_parts_of_years(text, written, start, end, precision, qualifier, edtf):
    mention = only(text)
    assert mention.text == written
    assert (mention.start.isoformat(), mention.end.isoformat()) == (start, end)
    assert (mention.precision, mention.qualifier, mention.edtf) == (precision, qualifier, edtf)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # With no reference date, 上世纪 is the 20th century and 本世纪 the 21st: every
        # text read here was written in the 21st, as the two-digit decade pivot assumes.
        ("上世纪90年代", "1990-01-01", "1999-12-31", "decade"),
        ("上世紀八十年代", "1980-01-01", "1989-12-31", "decade"),
        ("本世纪初", "2000-01-01", "2009-12-31", "decade"),
        ("上世纪八九十年代", "1980-01-01", "1999-12-31", "interval"),
    ],
)
def test_century_words_without_a_reference_date(text, start, end, precision):
    (mention,) = find_dates(text).mentions
    assert (mention.start.isoformat(), mention.end.isoformat()) == (start, end)
    assert (mention.precision, mention.anchor) == (precision, None)


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "precision", "edtf"),
    [
        ("上世纪八十年代", "上世纪八十年代", "1980-01-01", "1989-12-31", "decade", "198X"),
        ("早在上世纪80年代,他就", "上世纪80年代", "1980-01-01", "1989-12-31", "decade", "198X"),
        ("上個世紀八十年代", "上個世紀八十年代", "1980-01-01", "1989-12-31", "decade", "198X"),
        ("上一个世纪80年代", "上一个世纪80年代", "1980-01-01", "1989-12-31", "decade", "198X"),
        ("上一世紀八十年代", "上一世紀八十年代", "1980-01-01", "1989-12-31", "decade", "198X"),
        ("上世纪的八十年代", "上世纪的八十年代", "1980-01-01", "1989-12-31", "decade", "198X"),
        ("20世纪八十年代", "20世纪八十年代", "1980-01-01", "1989-12-31", "decade", "198X"),
        ("二十世紀八十年代", "二十世紀八十年代", "1980-01-01", "1989-12-31", "decade", "198X"),
        ("十九世纪八十年代", "十九世纪八十年代", "1880-01-01", "1889-12-31", "decade", "188X"),
        # Two decades under one 年代 are the interval from the first to the last.
        ("八九十年代", "八九十年代", "1980-01-01", "1999-12-31", "interval", "198X/199X"),
        ("七八十年代", "七八十年代", "1970-01-01", "1989-12-31", "interval", "197X/198X"),
        ("80、90年代", "80、90年代", "1980-01-01", "1999-12-31", "interval", "198X/199X"),
        ("80-90年代", "80-90年代", "1980-01-01", "1999-12-31", "interval", "198X/199X"),
        ("八十、九十年代", "八十、九十年代", "1980-01-01", "1999-12-31", "interval", "198X/199X"),
        ("1980、1990年代", "1980、1990年代", "1980-01-01", "1999-12-31", "interval", "198X/199X"),
        ("1980-90年代", "1980-90年代", "1980-01-01", "1999-12-31", "interval", "198X/199X"),
        (
            "上世纪八、九十年代",
            "上世纪八、九十年代",
            "1980-01-01",
            "1999-12-31",
            "interval",
            "198X/199X",
        ),
        (
            "上世紀80、90年代",
            "上世紀80、90年代",
            "1980-01-01",
            "1999-12-31",
            "interval",
            "198X/199X",
        ),
        (
            "20世纪八九十年代",
            "20世纪八九十年代",
            "1980-01-01",
            "1999-12-31",
            "interval",
            "198X/199X",
        ),
        (
            "九十年代、00年代",
            "九十年代、00年代",
            "1990-01-01",
            "2009-12-31",
            "interval",
            "199X/200X",
        ),
    ],
)
def test_centuries_and_pairs_of_decades(text, written, start, end, precision, edtf):
    mention = find_dates(text, reference=R).mentions[0]
    assert mention.text == written
    assert (mention.start.isoformat(), mention.end.isoformat()) == (start, end)
    assert (mention.precision, mention.edtf) == (precision, edtf)


@pytest.mark.parametrize("text", ["八八十年代", "九八十年代", "90、80年代", "180、190年代"])
def test_decade_pairs_out_of_order_are_not_read_as_pairs(text):
    assert all(m.precision != "interval" for m in find_dates(text, reference=R).mentions)


@pytest.mark.parametrize(
    ("text", "reference", "start", "end"),
    [
        ("上季度营收", "2025-01", "2024-10-01", "2024-12-31"),
        ("上季度营收", "2025", "2025-01-01", "2025-12-31"),
        ("It grew earlier this year.", "2025", "2025-01-01", "2025-12-31"),
    ],
)
def test_relative_periods_against_coarser_references(text, reference, start, end):
    mention = only(text, parse_reference(reference))
    assert (mention.start.isoformat(), mention.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    ("text", "written", "year"),
    [
        ("2020年成立,同年推出产品", "同年", 2020),
        ("2020年成立,当年即盈利", "当年", 2020),
        ("2020年成立。當年,公司營收過億", "當年", 2020),
        ("2020年成立,当年10月推出产品", "当年10月", 2020),
        ("2020年成立,当年底上市", "当年底", 2020),
        ("2020年成立,次年上市", "次年", 2021),
        ("2018年成立,翌年上市", "翌年", 2019),
        ("去年成立,次年上市", "次年", 2025),
        ("It was founded in 2021 and raised funds the following year.", "the following year", 2022),
        ("The lab opened in 2019; that year it hired 50 people.", "that year", 2019),
        ("It was founded in 2019 and listed a year later.", "a year later", 2020),
        ("It listed in 2019, the same year it turned a profit.", "the same year", 2019),
        ("It listed in 2019; the previous year it lost money.", "the previous year", 2018),
    ],
)
def test_years_named_against_the_paragraph_year(text, written, year):
    last = find_dates(text, reference=R).mentions[-1]
    assert (last.text, last.start.year, last.end.year) == (written, year, year)
    assert last.anchor.basis == "context"


@pytest.mark.parametrize(
    ("text", "before", "year"),
    [
        # A date written without a year and read as last year's: the words after it count
        # from the year it was read in, not from R's.
        (
            "A fire destroyed the bakery on Aug. 9. The owners reopened it a year later.",
            2024,
            2025,
        ),
        ("The pier collapsed on Oct. 3. The following year it was rebuilt.", 2024, 2025),
        ("码头于8月9日坍塌,次年重建。", 2024, 2025),
        # Read as this year's, the yearless date gives the same year as R.
        ("The pier collapsed on March 3. A year later it was rebuilt.", 2025, 2026),
    ],
)
def test_year_words_count_from_a_yearless_dates_year(text, before, year):
    first, last = find_dates(text, reference=parse_reference("2025-06-12")).mentions
    assert (first.start.year, last.start.year, last.end.year) == (before, year, year)
    assert last.anchor == Anchor(str(before), "context")


@pytest.mark.parametrize(
    ("text", "year"),
    [("次年,公司上市", 2026), ("翌年上市", 2026), ("The next year will be hard.", 2026)],
)
def test_following_year_without_a_paragraph_year_counts_from_the_reference(text, year):
    mention = only(text)
    assert (mention.start.year, mention.anchor) == (year, Anchor("2025-01-07", "published"))


@pytest.mark.parametrize(
    "text",
    [
        # 当年 and "that year" need a year before them in the paragraph, and 当年 before a
        # noun means "back then".
        "当年的百度",
        "当年 ofo 们踩过的坑",
        "That year the market crashed.",
        "他相当年轻",
        "25年内完成转型",
        "the first half of the game",
    ],
)
def test_words_that_name_no_date_here(text):
    assert find_dates(text, reference=R).mentions == ()


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # After a year in the paragraph, 当年 before a noun still means "back then".
        ("去年一哄而上的公司们,没能避免掉进当年 ofo 们踩过的陷阱", ["去年"]),
        # Two years joined by "and" are a list; only "between" makes them a range.
        ("It shipped in 2019 and 2021.", ["2019", "2021"]),
        ("It shipped in May and June.", ["May", "June"]),
        # 季 without 第 or 度 is no quarter; the year before it still counts.
        ("2024年四季如春", ["2024年"]),
        ("2024年《奔跑吧》第二季开播", ["2024年"]),
    ],
)
def test_only_the_dates_of_a_sentence(text, written):
    assert [m.text for m in find_dates(text, reference=R).mentions] == written


@pytest.mark.parametrize(
    ("text", "written", "year"),
    [
        # A two-digit "NN年" with no month is a year after a word that introduces a time,
        # at the start of a clause, after a pronoun, before a word that dates an event, or
        # with a leading zero: 20YY when not after the reference year + 1, else 19YY.
        ("在98年", "98年", 1998),
        ("公司成立于98年", "98年", 1998),
        ("他98年入行", "98年", 1998),
        ("我们15年开始做大模型", "15年", 2015),
        ("03年", "03年", 2003),
        ("公司03年成立", "03年", 2003),
        ("98年,他加入公司", "98年", 1998),
        ("98年的时候,行业还很小", "98年", 1998),
        ("98年時,他加入公司", "98年", 1998),
        ("到了98年的冬天", "98年", 1998),
        ("15年,公司转型", "15年", 2015),
        ("在26年", "26年", 2026),
        ("在27年", "27年", 1927),
        ("他在45年参军", "45年", 1945),
    ],
)
def test_two_digit_years_without_a_month(text, written, year):
    mention = only(text)
    assert (mention.text, mention.start.year, mention.end.year) == (written, year, year)
    assert (mention.precision, mention.anchor) == ("year", Anchor("2025-01-07", "published"))


@pytest.mark.parametrize(
    "text",
    [
        # Counts of years: duration words after or before, ranges of counts, ages, idioms.
        "公司成立10年来",
        "成立10年",
        "近20年",
        "过去10年",
        "过去的10年",
        "长达15年",
        "第10年",
        "每10年",
        "10年间",
        "10年内",
        "10年后",
        "10年前",
        "10年多",
        "用了10年的时间",
        "10年的发展",
        "10年时间",
        "已有30年历史",
        "深耕AI领域15年",
        "他在百度工作了12年",
        "一干就是20年",
        "10年期国债",
        "10~15年",
        "10到15年",
        "10-15年",
        "98、99年",
        "今年46岁,从业20年",
        "46年如一日",
        "10年磨一剑",
        "30年河东,30年河西",
        "98年左右",
        "25年内完成转型",
    ],
)
def test_two_digit_counts_of_years_are_not_dates(text):
    assert [m.text for m in find_dates(text, reference=R).mentions if "年" in m.text] in (
        [],
        ["今年"],
    )


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        # 第N季 without 度 is the quarter in traditional-script usage.
        ("今年第二季營收增長", "今年第二季", "2025-04-01", "2025-06-30"),
        ("2024年第二季營收增長", "2024年第二季", "2024-04-01", "2024-06-30"),
        ("2024年第2季", "2024年第2季", "2024-04-01", "2024-06-30"),
        ("第二季營收增長三成", "第二季", "2024-04-01", "2024-06-30"),
        ("去年第四季虧損", "去年第四季", "2024-10-01", "2024-12-31"),
        ("今年第二季度", "今年第二季度", "2025-04-01", "2025-06-30"),
        ("q2 2024 revenue", "q2 2024", "2024-04-01", "2024-06-30"),
        ("Revenue in q3 fell.", "q3", "2024-07-01", "2024-09-30"),
        ("Revenue for Q2 of 2024 fell.", "Q2 of 2024", "2024-04-01", "2024-06-30"),
    ],
)
def test_quarters_written_without_du_or_in_lower_case(text, written, start, end):
    mention = only(text)
    assert (mention.text, mention.start.isoformat(), mention.end.isoformat()) == (
        written,
        start,
        end,
    )
    assert mention.precision == "quarter"


@pytest.mark.parametrize(
    "text",
    [
        "《奔跑吧》第二季",
        "節目第二季開播",
        "第三季播出后",
        "四季如春",
    ],
)
def test_seasons_of_shows_are_not_quarters(text):
    assert find_dates(text, reference=R).mentions == ()


def test_a_period_without_a_year_takes_the_paragraph_year_even_after_december():
    # DATES.md "Context", applied as written: the reader would say Q1 2024; the rule says
    # the paragraph's year (see timeline/pipeline/dates/resolve.py).
    text = "The deal was signed in December 2023 and closed in Q1."
    _, quarter = find_dates(text, reference=R).mentions
    assert (quarter.start, quarter.end) == (date(2023, 1, 1), date(2023, 3, 31))
    assert quarter.anchor == Anchor("2023", "context")


def test_the_end_of_a_year_with_a_hyphen():
    mention = only("As of end-2024, it had 500 staff.")
    assert (mention.text, mention.start, mention.end) == (
        "end-2024",
        date(2024, 9, 1),
        date(2024, 12, 31),
    )
    assert find_dates("It aims to end 2024 with a profit.", reference=R).mentions == ()


# R is Tuesday 7 January 2025; its week runs from Monday 6 to Sunday 12 January.
@pytest.mark.parametrize(
    ("text", "written", "start", "end", "precision"),
    [
        ("周一发布", "周一", "2025-01-06", "2025-01-06", "day"),
        ("週二晚間發佈", "週二晚間", "2025-01-07", "2025-01-07", "day"),
        ("星期五发布", "星期五", "2025-01-03", "2025-01-03", "day"),
        ("礼拜天发布", "礼拜天", "2025-01-05", "2025-01-05", "day"),
        ("上周一发布", "上周一", "2024-12-30", "2024-12-30", "day"),
        ("上個星期五宣佈", "上個星期五", "2025-01-03", "2025-01-03", "day"),
        ("本周三上线", "本周三", "2025-01-08", "2025-01-08", "day"),
        ("下周一开售", "下周一", "2025-01-13", "2025-01-13", "day"),
        ("新品将于周五发布", "周五", "2025-01-10", "2025-01-10", "day"),
        ("The model shipped on Monday.", "Monday", "2025-01-06", "2025-01-06", "day"),
        ("Monday's vote was close.", "Monday", "2025-01-06", "2025-01-06", "day"),
        ("It was signed last Tuesday.", "last Tuesday", "2024-12-31", "2024-12-31", "day"),
        ("They meet next Friday.", "next Friday", "2025-01-10", "2025-01-10", "day"),
        ("The vote is this Friday.", "this Friday", "2025-01-10", "2025-01-10", "day"),
        ("上周公司宣布涨价", "上周", "2024-12-30", "2025-01-05", "week"),
        ("本週下載量翻倍", "本週", "2025-01-06", "2025-01-12", "week"),
        ("下个星期开会", "下个星期", "2025-01-13", "2025-01-19", "week"),
        ("The model shipped last week.", "last week", "2024-12-30", "2025-01-05", "week"),
        ("Downloads doubled this week.", "this week", "2025-01-06", "2025-01-12", "week"),
        ("一周后发布", "一周后", "2025-01-13", "2025-01-19", "week"),
        (
            "It was signed the week before last.",
            "the week before last",
            "2024-12-23",
            "2024-12-29",
            "week",
        ),
        ("上周末双方签约", "上周末", "2025-01-04", "2025-01-05", "interval"),
        ("本週末開售", "本週末", "2025-01-11", "2025-01-12", "interval"),
        ("Talks went on over the weekend.", "the weekend", "2025-01-04", "2025-01-05", "interval"),
        ("We will meet next weekend.", "next weekend", "2025-01-18", "2025-01-19", "interval"),
        ("大后天开售", "大后天", "2025-01-10", "2025-01-10", "day"),
        ("The firm said last night.", "last night", "2025-01-06", "2025-01-06", "day"),
        (
            "It ships the day after tomorrow.",
            "the day after tomorrow",
            "2025-01-09",
            "2025-01-09",
            "day",
        ),
        ("两周前，公司发布了新模型", "两周前", "2024-12-23", "2024-12-29", "week"),
        ("It raised money two weeks ago.", "two weeks ago", "2024-12-23", "2024-12-29", "week"),
    ],
)
def test_weekdays_and_weeks(text, written, start, end, precision):
    mention = only(text)
    assert (mention.text, mention.start.isoformat(), mention.end.isoformat()) == (
        written,
        start,
        end,
    )
    assert mention.precision == precision
    assert mention.anchor == Anchor("2025-01-07", "published")


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "precision", "qualifier"),
    [
        ("两个月前，公司发布新品", "两个月前", "2024-11-01", "2024-11-30", "month", None),
        ("他四年前加入公司", "四年前", "2021-01-01", "2021-12-31", "year", None),
        ("他四年前加入公司", "四年前", "2021-01-01", "2021-12-31", "year", None),
        ("三十幾年前創辦工廠", "三十幾年前", "1986-01-01", "1994-12-31", "year", "approx"),
        ("几年前他在谷歌工作", "几年前", "2016-01-01", "2023-12-31", "year", "approx"),
        ("半年前公司还在亏损", "半年前", "2024-07-01", "2024-07-31", "month", None),
        ("一天前公司发出预警", "一天前", "2025-01-06", "2025-01-06", "day", None),
        (
            "The lab opened three months ago.",
            "three months ago",
            "2024-10-01",
            "2024-10-31",
            "month",
            None,
        ),
        ("他前两天说", "前两天", "2025-01-04", "2025-01-06", "day", "approx"),
        ("前幾天，公司宣佈", "前幾天", "2024-12-29", "2025-01-05", "day", "approx"),
        ("这两天股价大涨", "这两天", "2025-01-05", "2025-01-07", "day", "approx"),
        ("他两个多月前加入", "两个多月前", "2024-10-01", "2024-11-30", "month", "approx"),
        ("A year ago the stock was cheap.", "A year ago", "2024-01-01", "2024-12-31", "year", None),
        (
            "Several years ago it moved.",
            "Several years ago",
            "2016-01-01",
            "2023-12-31",
            "year",
            "approx",
        ),
        ("a decade ago", "a decade ago", "2015-01-01", "2015-12-31", "year", None),
        # Into the future with nothing earlier to count from: a forecast, reported as such.
        (
            "三年后,没有一个公司会被认为是大模型公司",
            "三年后",
            "2028-01-01",
            "2028-12-31",
            "year",
            None,
        ),
        ("5年後將沒有獨立的大模型公司", "5年後", "2030-01-01", "2030-12-31", "year", None),
        (
            "Five years from now it will be profitable.",
            "Five years from now",
            "2030-01-01",
            "2030-12-31",
            "year",
            None,
        ),
    ],
)
def test_counted_offsets_from_the_reference(text, written, start, end, precision, qualifier):
    mention = only(text)
    assert (mention.text, mention.start.isoformat(), mention.end.isoformat()) == (
        written,
        start,
        end,
    )
    assert (mention.precision, mention.qualifier) == (precision, qualifier)
    assert mention.anchor.basis == "published"


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "anchor"),
    [
        ("2020年3月公司成立，半年后完成融资", "半年后", "2020-09-01", "2020-09-30", "2020-03"),
        ("2021年6月上市；兩年後退市", "兩年後", "2023-01-01", "2023-12-31", "2021-06"),
        ("2024年5月10日发布，一天前股价大涨", "一天前", "2024-05-09", "2024-05-09", "2024-05-10"),
        ("2019年公司推出产品，同年6月完成融资", "同年6月", "2019-06-01", "2019-06-30", "2019"),
        (
            "2024年5月10日签约，当日晚公司发布公告",
            "当日晚",
            "2024-05-10",
            "2024-05-10",
            "2024-05-10",
        ),
        (
            "Founded in March 2020. Six months later it raised money.",
            "Six months later",
            "2020-09-01",
            "2020-09-30",
            "2020-03",
        ),
        (
            "It closed on May 10, 2024. Three days later the CEO quit.",
            "Three days later",
            "2024-05-13",
            "2024-05-13",
            "2024-05-10",
        ),
        (
            "It closed on May 10, 2024, and the same day shares rose.",
            "the same day",
            "2024-05-10",
            "2024-05-10",
            "2024-05-10",
        ),
        # 次日 opening a paragraph counts from the last day of the paragraphs before it.
        ("2024年3月5日签约。\n次日,公司辟谣", "次日", "2024-03-06", "2024-03-06", "2024-03-05"),
        (
            "雙方於2024年3月5日簽約。\n\n第二天，公司闢謠",
            "第二天",
            "2024-03-06",
            "2024-03-06",
            "2024-03-05",
        ),
        (
            "The deal was signed on March 5, 2024.\nThe next day shares fell.",
            "The next day",
            "2024-03-06",
            "2024-03-06",
            "2024-03-05",
        ),
    ],
)
def test_dates_relative_to_a_previous_date_anchor_on_it(text, written, start, end, anchor):
    mention = find_dates(text, reference=R).mentions[-1]
    assert (mention.text, mention.start.isoformat(), mention.end.isoformat()) == (
        written,
        start,
        end,
    )
    assert mention.anchor == Anchor(anchor, "context")


@pytest.mark.parametrize(
    ("text", "written", "day", "warned"),
    [
        ("行政院今(7)日宣布", "今(7)日", "2025-01-07", False),
        ("台積電昨（6）日公布營收", "昨（6）日", "2025-01-06", False),
        # The number disagrees with R: the written day wins, with a warning.
        ("經濟部今(21)日表示", "今(21)日", "2024-12-21", True),
        ("本月5日，公司发布新品", "本月5日", "2025-01-05", False),
        ("上个月20号双方签约", "上个月20号", "2024-12-20", False),
        ("新品將於下月三號上市", "下月三號", "2025-02-03", False),
    ],
)
def test_day_forms_of_the_month_words(text, written, day, warned):
    scan = find_dates(text, reference=R)
    (mention,) = scan.mentions
    assert (mention.text, mention.start.isoformat(), mention.precision) == (written, day, "day")
    assert [w.text for w in scan.warnings] == ([written] if warned else [])


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "precision"),
    [
        ("Revenue for FY2024 rose 8%.", "FY2024", "2024-01-01", "2024-12-31", "year"),
        ("Revenue for FY24 rose.", "FY24", "2024-01-01", "2024-12-31", "year"),
        ("Net profit in fiscal 2023 doubled.", "fiscal 2023", "2023-01-01", "2023-12-31", "year"),
        (
            "Results for fiscal year 2024 are due.",
            "fiscal year 2024",
            "2024-01-01",
            "2024-12-31",
            "year",
        ),
        (
            "In the 2024 fiscal year sales rose.",
            "2024 fiscal year",
            "2024-01-01",
            "2024-12-31",
            "year",
        ),
        ("Q3 FY2024 results beat estimates.", "Q3 FY2024", "2024-07-01", "2024-09-30", "quarter"),
        ("FY2024 Q3 results beat estimates.", "FY2024 Q3", "2024-07-01", "2024-09-30", "quarter"),
        (
            "Apple's fiscal third quarter beat estimates.",
            "fiscal third quarter",
            "2024-07-01",
            "2024-09-30",
            "quarter",
        ),
        ("公司2024财年营收增长", "2024财年", "2024-01-01", "2024-12-31", "year"),
        ("公司在2024财年第三季度扭亏", "2024财年第三季度", "2024-07-01", "2024-09-30", "quarter"),
        ("公司在2024财年第三季营收增长", "2024财年第三季", "2024-07-01", "2024-09-30", "quarter"),
        ("公司24财年营收增长", "24财年", "2024-01-01", "2024-12-31", "year"),
        ("公司2025財政年度營收增長", "2025財政年度", "2025-01-01", "2025-12-31", "year"),
        ("2024財年，上半財年增速較快", "上半財年", "2024-01-01", "2024-06-30", "half"),
    ],
)
def test_fiscal_periods_are_calendar_periods_marked_fiscal(text, written, start, end, precision):
    mention = find_dates(text, reference=R).mentions[-1]
    assert (mention.text, mention.start.isoformat(), mention.end.isoformat()) == (
        written,
        start,
        end,
    )
    assert (mention.precision, mention.qualifier) == (precision, "fiscal")


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "precision", "qualifier"),
    [
        ("今年春节票房创新高", "今年春节", "2025-01-29", "2025-01-29", "day", None),
        ("去年中秋節", "去年中秋節", "2024-09-17", "2024-09-17", "day", None),
        ("中秋，公司发放月饼", "中秋", "2024-09-17", "2024-09-17", "day", None),
        ("国庆期间景区人满为患", "国庆期间", "2024-10-01", "2024-10-07", "interval", "approx"),
        ("2023年农历八月十五重逢", "2023年农历八月十五", "2023-09-29", "2023-09-29", "day", None),
        ("2024年臘月廿三舉行年會", "2024年臘月廿三", "2025-01-22", "2025-01-22", "day", None),
        ("2025年闰六月遭遇洪灾", "2025年闰六月", "2025-07-25", "2025-08-22", "interval", None),
        ("双十一成交额创新高", "双十一", "2024-11-11", "2024-11-11", "day", None),
        (
            "Stores opened on Thanksgiving 2024.",
            "Thanksgiving 2024",
            "2024-11-28",
            "2024-11-28",
            "day",
            None,
        ),
        (
            "The strike began on Labor Day 2023.",
            "Labor Day 2023",
            "2023-09-04",
            "2023-09-04",
            "day",
            None,
        ),
        ("Sales jumped over Christmas.", "Christmas", "2024-12-25", "2024-12-25", "day", None),
        ("Cyber Monday 2024 sales", "Cyber Monday 2024", "2024-12-02", "2024-12-02", "day", None),
        ("2024年除夕夜", "2024年除夕夜", "2024-02-09", "2024-02-09", "day", None),
        ("國慶黃金週", "國慶黃金週", "2024-10-01", "2024-10-07", "interval", "approx"),
        ("这座城堡建于17世纪", "17世纪", "1600-01-01", "1699-12-31", "century", None),
        ("本世纪最重要的发明", "本世纪", "2000-01-01", "2099-12-31", "century", None),
        ("12世纪末成为贸易中心", "12世纪末", "1190-01-01", "1199-12-31", "decade", "late"),
        ("19世紀50年代後期", "19世紀50年代後期", "1850-01-01", "1859-12-31", "decade", "late"),
        (
            "It dates from the 17th century.",
            "the 17th century",
            "1600-01-01",
            "1699-12-31",
            "century",
            None,
        ),
        ("三季度末营收增长", "三季度末", "2024-09-01", "2024-09-30", "month", "late"),
        ("2025年第一季度初", "2025年第一季度初", "2025-01-01", "2025-01-31", "month", "early"),
        ("他零九年加入公司", "零九年", "2009-01-01", "2009-12-31", "year", None),
        ("工厂在八五年建成", "八五年", "1985-01-01", "1985-12-31", "year", None),
        ("他在四五年出生", "四五年", "1945-01-01", "1945-12-31", "year", None),
        ("7·21特大暴雨", "7·21", "2024-07-21", "2024-07-21", "day", None),
        ("公司于2001.07-23注册", "2001.07-23", "2001-07-23", "2001-07-23", "day", None),
        ("他在2011.05-2013任职", "2011.05-2013", "2011-05-01", "2013-12-31", "interval", None),
        ("2019年3——5月停产", "2019年3——5月", "2019-03-01", "2019-05-31", "interval", None),
        ("1990到95年6月任职", "1990到95年6月", "1990-01-01", "1995-06-30", "interval", None),
        (
            "10月3号、4号、5号举行",
            "10月3号、4号、5号",
            "2024-10-03",
            "2024-10-05",
            "interval",
            None,
        ),
        ("今年前三个月销量增长", "今年前三个月", "2025-01-01", "2025-03-31", "interval", None),
        ("2024年前10个月营收增长", "2024年前10个月", "2024-01-01", "2024-10-31", "interval", None),
        ("2012年首月扭亏", "2012年首月", "2012-01-01", "2012-01-31", "month", None),
        ("2024年首季度营收增长", "2024年首季度", "2024-01-01", "2024-03-31", "quarter", None),
        (
            "in the first nine months of 2024",
            "the first nine months of 2024",
            "2024-01-01",
            "2024-09-30",
            "interval",
            None,
        ),
    ],
)
def test_holidays_centuries_short_forms_and_parts_of_periods(
    text, written, start, end, precision, qualifier
):
    mention = only(text)
    assert (mention.text, mention.start.isoformat(), mention.end.isoformat()) == (
        written,
        start,
        end,
    )
    assert (mention.precision, mention.qualifier) == (precision, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "三年来，公司营收翻番",
        "三年來，公司營收翻番",
        "两年内，公司计划上市",
        "兩年內，公司計劃上市",
        "项目历时5个月",
        "項目歷時5個月",
        "公司成立不到八个月就获得融资",
        "他工作了四五年",
        "過去兩週，股價下跌",
        "一周内完成交付",
        "十几年来他一直在研究电池",
        "每週二更新一次",
        "亚洲激惰小说 | 3天前 |",
        "The strike lasted for two weeks.",
        "The plant was built in less than eight months.",
        "The 45-year-old founder resigned.",
        "Over the past three months, sales fell.",
        "He spent several weeks in Beijing.",
        "Within two years the firm expects a profit.",
        "The weekly meeting was cancelled.",
        "Tuesdays are quiet.",
        "two years before the IPO it was private",
        "It opened three months later than planned.",
        "庆祝国庆70周年",
        "He writes for The Sunday Times.",
        "Stores close on Mondays.",
        "每年春节都回家",
        "展会前两天免费入场",
        "周末加班",
    ],
)
def test_durations_ages_and_habits_are_never_dates(text):
    assert find_dates(text, reference=R).mentions == ()


# R is 7 January 2025: without a year in the paragraph a period is the latest that starts
# on or before R, unless its clause looks ahead.
@pytest.mark.parametrize(
    ("text", "written", "start"),
    [
        ("第三季度，公司扭亏为盈", "第三季度", "2024-07-01"),
        ("公司预计第三季度扭亏", "第三季度", "2025-07-01"),
        ("第三季度有望扭亏", "第三季度", "2025-07-01"),
        ("下半年，市场将继续分化。", "下半年", "2025-07-01"),
        ("5月，公司发布了新品", "5月", "2024-05-01"),
        ("公司计划5月发布新品", "5月", "2025-05-01"),
        ("公司周五将发布新品", "周五", "2025-01-10"),
        ("他周一表示公司将裁员", "周一", "2025-01-06"),
        ("1月6日晚，有消息称公司将被收购", "1月6日晚", "2025-01-06"),
        ("中秋，公司发放月饼", "中秋", "2024-09-17"),
        ("Revenue fell in the third quarter.", "the third quarter", "2024-07-01"),
        ("It will launch the car in the third quarter.", "the third quarter", "2025-07-01"),
        ("The company said Monday it will cut jobs.", "Monday", "2025-01-06"),
        ("In May the firm said it will expand.", "May", "2024-05-01"),
        # "Will" before a capitalised word is a given name, no look-ahead.
        ("Will Okafor opened a bakery in March.", "March", "2024-03-01"),
        ("Will Harrow said in March that sales rose.", "March", "2024-03-01"),
        ("Will the club reopen in March?", "March", "2025-03-01"),
    ],
)
def test_yearless_periods_look_ahead_only_where_their_clause_does(text, written, start):
    mention = only(text)
    assert (mention.text, mention.start.isoformat()) == (written, start)


@pytest.mark.parametrize(
    ("text", "written", "start"),
    [
        ("去年5月推出新品，次月便进入超市", "次月", "2024-06-01"),
        ("2023年11月開工，翌月完成基礎工程", "翌月", "2023-12-01"),
        ("今年1月签约，隔月交货", "隔月", "2025-02-01"),
    ],
)
def test_the_month_after_the_month_in_context(text, written, start):
    reference = parse_reference("2025-06-10")
    *_, mention = find_dates(text, reference=reference).mentions

    assert (mention.text, mention.start.isoformat(), mention.anchor.basis) == (
        written,
        start,
        "context",
    )


JUNE = parse_reference("2025-06-20")


@pytest.mark.parametrize(
    ("text", "written", "start", "basis"),
    [
        # A bound says where a state began or ended; the narrative is not at that year, so a
        # later yearless day keeps the reference's year.
        (
            "调查发现该馆自2021年起分拆收费。集团5月12日发表致歉声明。",
            "5月12日",
            date(2025, 5, 12),
            "published",
        ),
        (
            "Since 2019 the mill has lost money. On May 12 it closed.",
            "May 12",
            date(2025, 5, 12),
            "published",
        ),
        ("2018年以前，该厂一直亏损。3月2日，工厂关闭。", "3月2日", date(2025, 3, 2), "published"),
        (
            "Before 2020 the ferry ran daily; it stopped on April 3.",
            "April 3",
            date(2025, 4, 3),
            "published",
        ),
        # A year the narrative stands at still dates them.
        ("该厂2019年开始亏损，5月12日关闭。", "5月12日", date(2019, 5, 12), "context"),
        ("The mill was sold in 2019. On May 12 it closed.", "May 12", date(2019, 5, 12), "context"),
    ],
)
def test_a_bounded_year_is_not_the_paragraph_year(text, written, start, basis):
    mention = next(m for m in find_dates(text, reference=JUNE).mentions if m.text == written)
    assert (mention.start, mention.anchor.basis) == (start, basis)
