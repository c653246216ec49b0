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
        ("第三季度扭亏", "第三季度", "2025-07-01", "2025-09-30", "quarter"),
        ("下半年增长", "下半年", "2025-07-01", "2025-12-31", "half"),
        ("到 9、10 月时", "9、10 月", "2025-09-01", "2025-10-31", "interval"),
        ("近日完成融资", "近日", "2024-12-07", "2025-01-07", "month"),
        ("歲末發佈", "歲末", "2025-09-01", "2025-12-31", "part"),
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
    assert other_paragraph.start == date(2025, 7, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1月6日晚,有消息;次日,公司辟谣", "2025-01-07"),
        ("2024年3月5日签约,当天股价大涨", "2024-03-05"),
        ("2024年3月5日签约,第二天股价大跌", "2024-03-06"),
        ("It launched on March 5, 2024. The next day shares fell.", "2024-03-06"),
    ],
)
def test_following_day_counts_from_the_previous_day_in_the_paragraph(text, expected):
    last = find_dates(text, reference=R).mentions[-1]
    assert last.start.isoformat() == expected


def test_following_day_without_an_earlier_day_is_the_reference_date():
    assert only("变动消息传出的第二天,李开复解释").start == date(2025, 1, 7)


@pytest.mark.parametrize(
    "text",
    [
        "公司成立已经5个月了",
        "等了 40 多年",
        "半个多月只花了 1.11 元",
        "需要2-3年才能成熟",
        "过去半年来一直亏损",
        "公司成立两年",
        "三年后,没有一个公司会被认为是大模型公司",
        "5年後將沒有獨立的大模型公司",
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
    ("start", "end", "precision", "qualifier", "text"),
    [
        (date(2024, 5, 13), date(2024, 5, 13), "day", None, "13 May 2024"),
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
    ],
)
def test_display_date(start, end, precision, qualifier, text):
    assert display_date(start, end, precision, qualifier) == text
