"""The date normalizer on other wordings of the issue's categories: parts of the week,
"the previous week", recent days, fortnights, 十多年前, 当月/同月, 前一周, the days of the
lunar New Year, holiday breaks and eves, 冬至, long weekends, fiscal years over two
calendar years, fiscal quarters in words, 头/首 N 个月 and "the N months to"; and the forms
the extractor's readers raised: parts of a day and "the same week" after a date, "May last
year", a bare 当年, 昨日（11日）, days counted from a dated event, and a yearless month after an
old year (DATES.md)."""

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


# Forms the extractor's readers found unread or misread: parts of a day and the week
# counted from the paragraph's last date, a month of a relative year written as one
# phrase, a bare 当年 after a dated sentence, and a day word restating its day in brackets.
WED = parse_reference("2025-03-12")


def anchored(text: str, reference) -> list[tuple]:
    return [
        (
            m.text,
            m.start.isoformat(),
            m.end.isoformat(),
            m.precision,
            m.anchor.basis if m.anchor else None,
        )
        for m in find_dates(text, reference=reference).mentions
    ]


FIRE = "The fire broke out on May 8, 2024. "


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "precision"),
    [
        (
            FIRE + "The same evening, crews arrived.",
            "The same evening",
            "2024-05-08",
            "2024-05-08",
            "day",
        ),
        (
            FIRE + "The next evening, crews left.",
            "The next evening",
            "2024-05-09",
            "2024-05-09",
            "day",
        ),
        (FIRE + "That evening, crews arrived.", "That evening", "2024-05-08", "2024-05-08", "day"),
        (
            FIRE + "The following morning, it was out.",
            "The following morning",
            "2024-05-09",
            "2024-05-09",
            "day",
        ),
        (
            FIRE + "Later that day, crews arrived.",
            "Later that day",
            "2024-05-08",
            "2024-05-08",
            "day",
        ),
        (
            FIRE + "The previous night, a cable sparked.",
            "The previous night",
            "2024-05-07",
            "2024-05-07",
            "day",
        ),
        (
            FIRE + "Later that evening, it spread.",
            "Later that evening",
            "2024-05-08",
            "2024-05-08",
            "day",
        ),
        (
            FIRE + "The same week, two more fires began.",
            "The same week",
            "2024-05-06",
            "2024-05-12",
            "week",
        ),
        (FIRE + "That week, the mayor visited.", "That week", "2024-05-06", "2024-05-12", "week"),
    ],
)
def test_english_parts_of_day_count_from_the_paragraph(text, written, start, end, precision):
    assert (written, start, end, precision, "context") in anchored(text, WED)


@pytest.mark.parametrize(
    "text",
    [
        # With no earlier date, "that week" and "the same week" have nothing to count from.
        "That week was the hardest of his life.",
        "It felt like the same week over and over.",
    ],
)
def test_same_week_without_an_earlier_date_is_no_date(text):
    assert anchored(text, WED) == []


@pytest.mark.parametrize(
    "text",
    [
        # A compound or a comparison with another year is no week of the paragraph.
        FIRE + "That week-long strike ended in June.",
        FIRE + "Sales were flat from the same week last year.",
    ],
)
def test_same_week_in_a_compound_or_comparison_is_no_week(text):
    assert not [m for m in anchored(text, WED) if "week" in m[0].lower()]


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        ("The bridge opened in May last year.", "May last year", "2024-05-01", "2024-05-31"),
        ("Sales fell in January this year.", "January this year", "2025-01-01", "2025-01-31"),
        ("It reopens in March next year.", "March next year", "2026-03-01", "2026-03-31"),
        ("Last year in May, the bridge opened.", "Last year in May", "2024-05-01", "2024-05-31"),
        ("The bridge opened last year in May.", "last year in May", "2024-05-01", "2024-05-31"),
    ],
)
def test_month_of_a_relative_year_is_one_mention(text, written, start, end):
    assert anchored(text, WED) == [(written, start, end, "month", "published")]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("该项目于2019年3月启动。县里当年将其列入重点工程。", "当年"),
        ("該項目於2019年3月啟動。縣裡當年將其列入重點工程。", "當年"),
        ("工厂2019年3月开工，当年投产。", "当年"),
        ("工廠2019年3月開工，當年實現盈利。", "當年"),
    ],
)
def test_bare_dangnian_after_a_dated_sentence_is_that_year(text, written):
    assert (written, "2019-01-01", "2019-12-31", "year", "context") in anchored(text, WED)


@pytest.mark.parametrize(
    "text",
    [
        # No earlier date: 当年 is "back then"; before a noun it is "back then" even so.
        "县里当年将其列入重点工程。",
        "縣裡當年將其列入重點工程。",
        "他常说起当年的艰苦岁月。",
        "2019年他来到这里，当年的同事都已离开。",
    ],
)
def test_dangnian_meaning_back_then_stays_unread(text):
    assert not [m for m in anchored(text, WED) if m[0] in ("当年", "當年")]


@pytest.mark.parametrize(
    ("text", "written", "day"),
    [
        ("昨日（11日）公司宣布裁员。", "昨日（11日）", "2025-03-11"),
        ("今日（12日）上午，法院开庭。", "今日（12日）", "2025-03-12"),
        ("今天(12号)上午，法院开庭。", "今天(12号)", "2025-03-12"),
        ("法院於昨日（11日）宣判。", "昨日（11日）", "2025-03-11"),
        ("今(12)日上午，法院開庭。", "今(12)日", "2025-03-12"),
        ("前天（10日）晚，警方接报。", "前天（10日）", "2025-03-10"),
    ],
)
def test_day_word_restating_its_day_is_one_mention(text, written, day):
    assert anchored(text, WED) == [(written, day, day, "day", "published")]


def test_restated_day_that_disagrees_keeps_the_written_day_with_a_warning():
    scan = find_dates("昨日（20日）公司宣布裁员。", reference=WED)
    assert [(m.text, m.start.isoformat()) for m in scan.mentions] == [
        ("昨日（20日）", "2025-02-20")
    ]
    assert len(scan.warnings) == 1


@pytest.mark.parametrize(
    ("text", "written", "day", "qualifier"),
    [
        # Counted from an event named just before, whose date the paragraph gave.
        ("首演定于2024年5月10日。首演前一天，演员们彩排。", "前一天", "2024-05-09", None),
        ("首演定於2024年5月10日。首演前一天，演員們彩排。", "前一天", "2024-05-09", None),
        ("峰会于2024年5月10日开幕。峰会前夕，警方加强戒备。", "前夕", "2024-05-09", "approx"),
        ("峰會於2024年5月10日開幕。峰會前夕，警方加強戒備。", "前夕", "2024-05-09", "approx"),
        ("峰会于2024年5月10日开幕。峰会后第二天，代表们离开。", "第二天", "2024-05-11", None),
        (
            "The premiere was on May 10, 2024. The day before the premiere, actors rehearsed.",
            "The day before",
            "2024-05-09",
            None,
        ),
        (
            "The vote was held on May 10, 2024. The day after the vote, he resigned.",
            "The day after",
            "2024-05-11",
            None,
        ),
    ],
)
def test_day_counted_from_a_dated_event(text, written, day, qualifier):
    found = {
        m.text: (m.start.isoformat(), m.end.isoformat(), m.qualifier, m.anchor.basis)
        for m in find_dates(text, reference=WED).mentions
        if m.anchor is not None
    }
    assert found[written] == (day, day, qualifier, "context")


@pytest.mark.parametrize(
    "text",
    [
        # The event's date is not given before: no date, rather than one counted from R.
        "首演前一天，演员们彩排。",
        "首演的前一天，演員們彩排。",
        "峰会前夕，警方加强戒备。",
        "峰會後第二天，代表們離開。",
        "The day before the premiere, actors rehearsed.",
        "He resigned the day after the vote.",
    ],
)
def test_day_counted_from_an_undated_event_is_no_date(text):
    assert anchored(text, WED) == []


@pytest.mark.parametrize(
    ("text", "written", "day"),
    [
        # With no event before it, the word keeps counting from R when nothing came before.
        ("前一天，他已抵达。", "前一天", "2025-03-11"),
        ("The day before, he had arrived.", "The day before", "2025-03-11"),
    ],
)
def test_day_word_with_no_event_still_counts_from_the_reference(text, written, day):
    assert anchored(text, WED) == [(written, day, day, "day", "published")]


@pytest.mark.parametrize(
    ("text", "day", "anchor"),
    [
        # "on the 9th": a day of the month the paragraph gave before.
        ("The council met on March 3, 2023. On the 9th, it cut fares.", "2023-03-09", "2023-03"),
        ("The board met in June 2024 and on the 12th approved the plan.", "2024-06-12", "2024-06"),
        ("Storms hit on 2 February. By the 20th, the roads had reopened.", "2025-02-20", "2025-02"),
    ],
)
def test_an_ordinal_day_takes_the_paragraphs_month(text, day, anchor):
    found = [
        (m.start.isoformat(), m.anchor.date, m.anchor.basis)
        for m in find_dates(text, reference=WED).mentions
        if m.text.startswith("the ")
    ]
    assert found == [(day, anchor, "context")]


@pytest.mark.parametrize(
    "text",
    [
        # No month before it, or an ordinal of a list, a floor, a hole: no date.
        "On the 9th, it cut fares.",
        "The race was held on May 2. She finished on the 18th hole.",
        "The vote was on May 2. On the 4th floor, a fire started.",
        "The vote was on May 2. It came on the 3rd of 5 attempts.",
    ],
)
def test_an_ordinal_with_no_month_or_no_day_is_no_date(text):
    assert [m for m in find_dates(text, reference=WED).mentions if m.text.startswith("the ")] == []


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        # A count of days, weeks or months before or after a happening named right after it,
        # counted from the date the paragraph gave before; the happening's words up to the
        # comma are the date's.
        (
            "A fire gutted the mill on June 4, 2022. Two days before the fire, inspectors visited.",
            "Two days before the fire",
            "2022-06-02",
            "2022-06-02",
        ),
        (
            "The ferry sank on 9 October 2023. Three days after the sinking, divers found it.",
            "Three days after the sinking",
            "2023-10-12",
            "2023-10-12",
        ),
        (
            "The library opened in April 2021. Three months after it opened, the council "
            "extended its hours.",
            "Three months after it opened",
            "2021-07-01",
            "2021-07-31",
        ),
        (
            "The board voted on 3 February 2025. Ten days after the vote, the chair resigned.",
            "Ten days after the vote",
            "2025-02-13",
            "2025-02-13",
        ),
        (
            "The dam burst in May 2024. Six months after the flood, the valley reopened.",
            "Six months after the flood",
            "2024-11-01",
            "2024-11-30",
        ),
    ],
)
def test_count_from_a_dated_happening(text, written, start, end):
    found = {
        m.text: (m.start.isoformat(), m.end.isoformat(), m.anchor.basis)
        for m in find_dates(text, reference=WED).mentions
        if m.anchor is not None
    }
    assert found[written] == (start, end, "context")


@pytest.mark.parametrize(
    "text",
    [
        # No date before the happening, or one too coarse for the count, or a count that
        # restates the date before it: no date, rather than one counted from R.
        "Two days before the fire, inspectors visited the mill.",
        "The strike ended a week after the vote.",
        "The mill was built in 2019. Two days before the fire, inspectors visited.",
        "The model shipped on Monday, a week after the demo.",
        "The club was formed in 1990. Three months after it opened, it closed.",
    ],
)
def test_count_from_an_undated_happening_is_no_date(text):
    assert [
        m.text
        for m in find_dates(text, reference=WED).mentions
        if "after" in m.text or "before" in m.text
    ] == []


@pytest.mark.parametrize(
    ("text", "written", "start", "end", "basis"),
    [
        # A yearless month takes the paragraph's year however old it is (DATES.md: R decides
        # only when the paragraph has none); in a new paragraph, the latest May before R.
        (
            "The club was founded in 1990. In May it cut 14 routes.",
            "May",
            "1990-05-01",
            "1990-05-31",
            "context",
        ),
        (
            "The club was founded in 1990.\nIn May it cut 14 routes.",
            "May",
            "2024-05-01",
            "2024-05-31",
            "published",
        ),
        (
            "该俱乐部成立于1990年。5月，它削减了14条线路。",
            "5月",
            "1990-05-01",
            "1990-05-31",
            "context",
        ),
    ],
)
def test_yearless_month_after_an_old_year(text, written, start, end, basis):
    assert (written, start, end, "month", basis) in anchored(text, WED)
