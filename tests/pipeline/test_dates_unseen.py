"""The date normalizer on other wordings of the issue's categories: parts of the week,
"the previous week", recent days, fortnights, 十多年前, 当月/同月, 前一周, the days of the
lunar New Year, holiday breaks and eves, 冬至, long weekends, fiscal years over two
calendar years, fiscal quarters in words, 头/首 N 个月 and "the N months to" (DATES.md)."""

import pytest

from timeline.pipeline.dates import find_dates, parse_reference

THU = parse_reference("2025-03-13")
MON = parse_reference("2024-12-02")
SAT = parse_reference("2023-09-16")


def mentions(text: str, reference) -> list[tuple]:
    return [
        (m.text, m.start.isoformat(), m.end.isoformat(), m.precision, m.qualifier)
        for m in find_dates(text, reference=reference).mentions
    ]


@pytest.mark.parametrize(
    ("text", "reference", "written", "start", "end", "precision"),
    [
        # Parts of the reference's week; recent days; fortnights.
        (
            "Earlier this week, the union voted.",
            THU,
            "Earlier this week",
            "2025-03-10",
            "2025-03-13",
            "week",
        ),
        (
            "A verdict is due later this week.",
            THU,
            "later this week",
            "2025-03-13",
            "2025-03-16",
            "week",
        ),
        (
            "Rents rose in recent days, agents said.",
            SAT,
            "in recent days",
            "2023-09-07",
            "2023-09-16",
            "day",
        ),
        (
            "He fell ill in the past few days.",
            MON,
            "in the past few days",
            "2024-11-23",
            "2024-12-02",
            "day",
        ),
        (
            "The vote was held a fortnight ago.",
            MON,
            "a fortnight ago",
            "2024-11-18",
            "2024-11-24",
            "week",
        ),
        (
            "The fire started two fortnights ago.",
            MON,
            "two fortnights ago",
            "2024-11-04",
            "2024-11-10",
            "week",
        ),
        # The week before or after the paragraph's last day.
        (
            "The plant shut on May 8, 2024. The previous week, workers struck.",
            THU,
            "The previous week",
            "2024-04-29",
            "2024-05-05",
            "week",
        ),
        (
            "Polls closed on July 4, 2024, and the following week the count ended.",
            THU,
            "the following week",
            "2024-07-08",
            "2024-07-14",
            "week",
        ),
        (
            "2024年5月8日，工厂停产；前一周，工人已罢工。",
            THU,
            "前一周",
            "2024-04-29",
            "2024-05-05",
            "week",
        ),
        (
            "2024年5月8日，工廠停產；前一個星期，工人已罷工。",
            THU,
            "前一個星期",
            "2024-04-29",
            "2024-05-05",
            "week",
        ),
        # 十多年前 as 十几年前; 二十多年前.
        ("十多年前，这里还是一片农田。", THU, "十多年前", "2006-01-01", "2014-12-31", "year"),
        ("二十多年前，這裏還是一片農田。", SAT, "二十多年前", "1994-01-01", "2002-12-31", "year"),
        # 当月 / 同月: the paragraph's month.
        (
            "2023年6月15日，新店开业，当月营业额破亿。",
            THU,
            "当月",
            "2023-06-01",
            "2023-06-30",
            "month",
        ),
        ("去年11月，公司裁員；同月，股價大跌。", THU, "同月", "2024-11-01", "2024-11-30", "month"),
        # The lunar New Year's days and eve.
        ("年三十，超市排起长队。", MON, "年三十", "2024-02-09", "2024-02-09", "day"),
        ("大年初三，景區人潮洶湧。", MON, "大年初三", "2024-02-12", "2024-02-12", "day"),
        ("年初五，商铺开门迎财神。", THU, "年初五", "2025-02-02", "2025-02-02", "day"),
        # Holiday breaks, eves and solar terms.
        ("五一假期，高铁客流创新高。", SAT, "五一假期", "2023-05-01", "2023-05-05", "interval"),
        ("劳动节假期，景區人潮洶湧。", SAT, "劳动节假期", "2023-05-01", "2023-05-05", "interval"),
        ("中秋节前夕，月饼热销。", THU, "中秋节前夕", "2024-09-16", "2024-09-16", "day"),
        ("聖誕前夕，商場人頭湧湧。", MON, "聖誕前夕", "2023-12-24", "2023-12-24", "day"),
        ("冬至，气温降至零下。", MON, "冬至", "2023-12-22", "2023-12-22", "day"),
        ("2021年冬至，北京降雪。", MON, "2021年冬至", "2021-12-21", "2021-12-21", "day"),
        ("Stores were packed on Boxing Day.", THU, "Boxing Day", "2024-12-26", "2024-12-26", "day"),
        (
            "Crowds filled beaches over Labor Day weekend.",
            SAT,
            "Labor Day weekend",
            "2023-09-02",
            "2023-09-04",
            "interval",
        ),
        (
            "Fireworks lit the sky on Lunar New Year's Eve.",
            THU,
            "Lunar New Year's Eve",
            "2025-01-28",
            "2025-01-28",
            "day",
        ),
        # Fiscal years and quarters.
        ("集团2024/25财年收入增长。", THU, "2024/25财年", "2024-01-01", "2025-12-31", "interval"),
        (
            "Sales in fiscal 2022's third quarter fell.",
            THU,
            "fiscal 2022's third quarter",
            "2022-07-01",
            "2022-09-30",
            "quarter",
        ),
        (
            "Margins grew in the first quarter of fiscal year 2023.",
            THU,
            "the first quarter of fiscal year 2023",
            "2023-01-01",
            "2023-03-31",
            "quarter",
        ),
        # The first months of a year, and the months up to one.
        ("今年头三个月，销量下降。", THU, "今年头三个月", "2025-01-01", "2025-03-31", "interval"),
        (
            "2024年首兩個月，出口增長。",
            THU,
            "2024年首兩個月",
            "2024-01-01",
            "2024-02-29",
            "interval",
        ),
        ("2024年首季，本地經濟增長。", THU, "2024年首季", "2024-01-01", "2024-03-31", "quarter"),
        (
            "Output rose in the six months to August.",
            MON,
            "the six months to August",
            "2024-03-01",
            "2024-08-31",
            "interval",
        ),
        (
            "Prices rose 2% in the 12 months to February 2024.",
            THU,
            "the 12 months to February 2024",
            "2023-03-01",
            "2024-02-29",
            "interval",
        ),
    ],
)
def test_unseen_forms(text, reference, written, start, end, precision):
    found = [m[:4] for m in mentions(text, reference)]
    assert (written, start, end, precision) in found


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        # Durations, habits, comparisons and counts from an event are not dates.
        ("Profits have fallen over the past week.", THU),
        ("Traffic has been light over the past two weeks.", THU),
        ("The strike lasted a fortnight.", THU),
        ("他在北京住了十多年。", THU),
        ("十多年来，他一直在北京。", THU),
        ("当月，他还没有入职。", THU),
        ("每当月底，他都加班。", THU),
        ("开幕前一周，场馆仍在施工。", THU),
        ("五一广场上人来人往。", THU),
        ("圣诞老人给孩子们送礼物。", THU),
        ("2019年三十多家企业倒闭。", THU),
        ("年初三个月，公司没有盈利。", THU),
        ("首季播出后，该剧大受欢迎。", THU),
        ("上市头两个月，股价几乎不动。", THU),
        ("每逢冬至，他都包饺子。", THU),
        ("去年同月，销量下降两成。", THU),
    ],
)
def test_unseen_non_dates(text, reference):
    found = mentions(text, reference)
    blocked = {
        "past week",
        "fortnight",
        "十多年",
        "当月",
        "前一周",
        "五一",
        "圣诞",
        "年三十",
        "年初三",
        "首季",
        "头两个月",
        "冬至",
        "two weeks",
    }
    assert not [m for m in found if any(word in m[0] for word in blocked)]


@pytest.mark.parametrize(
    ("text", "reference", "written", "qualifier"),
    [
        # A fiscal year over two calendar years stays fiscal; a break is approximate, a US
        # long weekend is its three days; an eve is approximate.
        ("集团2024-25财年收入增长。", THU, "2024-25财年", "fiscal"),
        ("公司2023/24財年營收增長。", THU, "2023/24財年", "fiscal"),
        ("Crowds filled beaches over Labor Day weekend.", SAT, "Labor Day weekend", None),
        ("五一假期，高铁客流创新高。", SAT, "五一假期", "approx"),
        ("端午节前夕，粽子热销。", SAT, "端午节前夕", "approx"),
        ("十多年前，这里还是一片农田。", THU, "十多年前", "approx"),
    ],
)
def test_unseen_qualifiers(text, reference, written, qualifier):
    found = {m[0]: m[4] for m in mentions(text, reference)}
    assert written in found
    assert found[written] == qualifier
