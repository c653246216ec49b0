"""The date normalizer on everyday news forms outside the issue's list: times of day,
month parts, ROC years, computed holidays, ISO and dotted numeric forms, day ranges, and
the numbers that are not dates (DATES.md, last section)."""

import pytest

from timeline.pipeline.dates import find_dates, parse_reference

WED = parse_reference("2025-03-12")
FRI = parse_reference("2024-11-29")
SUN = parse_reference("2023-06-04")


def mentions(text: str, reference) -> list[tuple]:
    return [
        (m.text, m.start.isoformat(), m.end.isoformat(), m.precision, m.qualifier)
        for m in find_dates(text, reference=reference).mentions
    ]


@pytest.mark.parametrize(
    ("text", "reference", "written", "start", "end", "precision", "qualifier"),
    [
        # A time of day after a day of the month is not part of it; evening words are.
        ("3月4日凌晨2点，余震发生。", WED, "3月4日", "2025-03-04", "2025-03-04", "day", None),
        ("3月4日淩晨2點，餘震發生。", WED, "3月4日", "2025-03-04", "2025-03-04", "day", None),
        ("11月20日下午，法院开庭。", FRI, "11月20日", "2024-11-20", "2024-11-20", "day", None),
        ("11月20日下午，法院開庭。", FRI, "11月20日", "2024-11-20", "2024-11-20", "day", None),
        ("6月2日晚上，演唱会开幕。", SUN, "6月2日", "2023-06-02", "2023-06-02", "day", None),
        ("6月2日晚，演唱会开幕。", SUN, "6月2日晚", "2023-06-02", "2023-06-02", "day", None),
        ("立法院今(12)日上午表決。", WED, "今(12)日", "2025-03-12", "2025-03-12", "day", None),
        ("警方昨(11)日深夜破案。", WED, "昨(11)日", "2025-03-11", "2025-03-11", "day", None),
        ("警方昨(11)日晚間破案。", WED, "昨(11)日晚間", "2025-03-11", "2025-03-11", "day", None),
        # A weekday or a 当天-type word keeps its time of day.
        ("周三上午，股市高开。", WED, "周三上午", "2025-03-12", "2025-03-12", "day", None),
        # English: a part of the day after a weekday or yesterday is one mention.
        ("Late Tuesday night, the", WED, "Tuesday night", "2025-03-11", "2025-03-11", "day", None),
        (
            "Officials said Sunday morning that",
            WED,
            "Sunday morning",
            "2025-03-09",
            "2025-03-09",
            "day",
            None,
        ),
        (
            "Yesterday afternoon, the court ruled.",
            FRI,
            "Yesterday afternoon",
            "2024-11-28",
            "2024-11-28",
            "day",
            None,
        ),
        (
            "The ship docks tomorrow morning.",
            FRI,
            "tomorrow morning",
            "2024-11-30",
            "2024-11-30",
            "day",
            None,
        ),
        ("at 7:45 a.m. on Thursday", FRI, "Thursday", "2024-11-28", "2024-11-28", "day", None),
        # Years of the Republic of China.
        ("民国20年，九一八事变爆发。", WED, "民国20年", "1931-01-01", "1931-12-31", "year", None),
        ("民國20年，九一八事變爆發。", WED, "民國20年", "1931-01-01", "1931-12-31", "year", None),
        ("民國三十八年", WED, "民國三十八年", "1949-01-01", "1949-12-31", "year", None),
        ("預算於112年12月通過", WED, "112年12月", "2023-12-01", "2023-12-31", "month", None),
        ("预算于112年12月通过", WED, "112年12月", "2023-12-01", "2023-12-31", "month", None),
        ("114年1月20日起施行", WED, "114年1月20日", "2025-01-20", "2025-01-20", "day", None),
        ("113年第3季營收成長", WED, "113年第3季", "2024-07-01", "2024-09-30", "quarter", None),
        ("113年下半年景氣回溫", WED, "113年下半年", "2024-07-01", "2024-12-31", "half", None),
        (
            "民國一一三年三月五日",
            WED,
            "民國一一三年三月五日",
            "2024-03-05",
            "2024-03-05",
            "day",
            None,
        ),
        ("2024年H1销量增长", WED, "2024年H1", "2024-01-01", "2024-06-30", "half", None),
        ("前3季營收年增12%", FRI, "前3季", "2024-01-01", "2024-09-30", "interval", None),
        ("前3季营收同比增长12%", FRI, "前3季", "2024-01-01", "2024-09-30", "interval", None),
        ("去年父親節", WED, "去年父親節", "2024-06-16", "2024-06-16", "day", None),
        ("2022年重阳节", WED, "2022年重阳节", "2022-10-04", "2022-10-04", "day", None),
        ("今年雙十節", FRI, "今年雙十節", "2024-10-10", "2024-10-10", "day", None),
        ("今年双十节", FRI, "今年双十节", "2024-10-10", "2024-10-10", "day", None),
        ("國慶日當天", FRI, "國慶日", "2024-10-01", "2024-10-01", "day", None),
        ("2023H2營收回升", WED, "2023H2", "2023-07-01", "2023-12-31", "half", None),
        # Holidays computed by rule.
        ("清明假期，高速免费通行。", WED, "清明假期", "2024-04-04", "2024-04-04", "day", "approx"),
        ("清明前后，气温回升。", WED, "清明前后", "2024-04-04", "2024-04-04", "day", "approx"),
        ("2023年清明，景区人满为患。", WED, "2023年清明", "2023-04-05", "2023-04-05", "day", None),
        ("2023年清明，景區人滿為患。", WED, "2023年清明", "2023-04-05", "2023-04-05", "day", None),
        ("去年母亲节，花店爆单。", WED, "去年母亲节", "2024-05-12", "2024-05-12", "day", None),
        ("去年母親節，花店爆單。", WED, "去年母親節", "2024-05-12", "2024-05-12", "day", None),
        ("今年父亲节", SUN, "今年父亲节", "2023-06-18", "2023-06-18", "day", None),
        ("2022年重陽節", WED, "2022年重陽節", "2022-10-04", "2022-10-04", "day", None),
        ("除夕夜，烟花绽放。", FRI, "除夕夜", "2024-02-09", "2024-02-09", "day", None),
        (
            "Crowds gathered on Easter Sunday.",
            WED,
            "Easter Sunday",
            "2024-03-31",
            "2024-03-31",
            "day",
            None,
        ),
        ("Easter 2025 falls late.", WED, "Easter 2025", "2025-04-20", "2025-04-20", "day", None),
        ("Father's Day 2024", WED, "Father's Day 2024", "2024-06-16", "2024-06-16", "day", None),
        ("Mother's Day sales rose.", SUN, "Mother's Day", "2023-05-14", "2023-05-14", "day", None),
        # ISO date-times and dotted day-first dates.
        ("更新于2023-11-02T08:30", WED, "2023-11-02", "2023-11-02", "2023-11-02", "day", None),
        ("Posted 2023-11-02T08:30Z", WED, "2023-11-02", "2023-11-02", "2023-11-02", "day", None),
        (
            "The invoice is dated 28.02.2024.",
            WED,
            "28.02.2024",
            "2024-02-28",
            "2024-02-28",
            "day",
            None,
        ),
        (
            "It was signed 01.03.2024 in Bonn.",
            WED,
            "01.03.2024",
            "2024-03-01",
            "2024-03-01",
            "day",
            None,
        ),
        # Day ranges within a month.
        (
            "Talks ran between May 6 and 9.",
            WED,
            "between May 6 and 9",
            "2024-05-06",
            "2024-05-09",
            "interval",
            None,
        ),
        (
            "The fair ran from April 2 to 5, 2024.",
            WED,
            "from April 2 to 5, 2024",
            "2024-04-02",
            "2024-04-05",
            "interval",
            None,
        ),
    ],
)
def test_news_forms(text, reference, written, start, end, precision, qualifier):
    assert (written, start, end, precision, qualifier) in mentions(text, reference)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # A year as the object of a verb of a period's end or start.
        ("The council ended 2024 with a deficit of $2 million.", "2024"),
        ("The club began 2023 in the second tier.", "2023"),
        ("Exports started 2022 slowly.", "2022"),
    ],
)
def test_a_year_a_period_verb_takes_is_a_date(text, written):
    assert [(m.text, m.precision) for m in find_dates(text, reference=WED).mentions] == [
        (written, "year")
    ]


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        # 去年同期 compares with a period named elsewhere; a year-end bonus is no date.
        ("利润较去年同期增长两成。", WED),
        ("利潤較去年同期增長兩成。", WED),
        ("上年同期亏损三亿元。", WED),
        ("公司发放年终奖。", WED),
        ("公司發放年終獎。", WED),
        ("部门召开年终总结会。", WED),
        # A bare three-digit 年 is a count of years, not an ROC year.
        ("這家老店已有113年歷史。", WED),
        ("这家老店已有113年历史。", WED),
        # 清明 alone can be "well governed".
        ("政治清明，百姓安居。", WED),
        ("《清明上河圖》首次展出。", WED),
        # Times of day alone.
        ("凌晨3时，列车抵达。", WED),
        ("The market opened at 9:30 a.m.", WED),
        # Numbers that are not dates.
        ("The hotline runs 24/7.", WED),
        ("After 9/11, security changed.", WED),
        ("Version 1.05.2024b shipped.", WED),
        ("The score was 3-1.", WED),
        ("Monday Night Football drew viewers.", WED),
        ("H1N1疫情暴发", WED),
        ("《歌手》前三季播出", WED),
    ],
)
def test_news_non_dates(text, reference):
    assert mentions(text, reference) == []
