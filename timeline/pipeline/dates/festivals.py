"""The grammar of holidays and lunar dates: 春节, 端午, 国庆期间, 五一假期, 端午节前夕,
冬至, 双十一, 农历八月十五, 腊月廿三, 大年初二, 闰六月, Thanksgiving, Christmas, Labor Day
(weekend), Boxing Day, Chinese New Year (Eve).

A holiday may carry a year before it in Chinese (2020年国庆, 去年春节) or after it in
English (Thanksgiving 2024); without one it takes the paragraph's year, else the latest
that falls on or before the reference date. ``calendars`` gives the days.
"""

import re

from timeline.pipeline.dates import calendars
from timeline.pipeline.dates.expressions import Candidate, Point
from timeline.pipeline.dates.numerals import CHINESE_DIGITS, small_number, year_number
from timeline.pipeline.dates.rules import ENGLISH_CALENDAR_KEY, Rule

_S = r"[^\S\n]"
ZH_YEAR_WORDS = {"大前年": -3, "前年": -2, "去年": -1, "今年": 0, "明年": 1, "后年": 2}
ZH_HOLIDAYS = {
    "春节": "spring_festival",
    "农历新年": "spring_festival",
    "大年初一": "spring_festival",
    "除夕夜": "chinese_new_year_eve",
    "除夕": "chinese_new_year_eve",
    "大年三十": "chinese_new_year_eve",
    "年三十": "chinese_new_year_eve",
    "元宵节": "lantern",
    "元宵": "lantern",
    "端午节": "dragon_boat",
    "端午": "dragon_boat",
    "七夕": "qixi",
    "中秋节": "mid_autumn",
    "中秋": "mid_autumn",
    "重阳节": "double_ninth",
    "清明节": "qingming",
    "清明": "qingming",
    "母亲节": "mothers_day",
    "父亲节": "fathers_day",
    "腊八": "laba",
    "元旦": "new_year",
    "情人节": "valentine",
    "妇女节": "womens_day",
    "劳动节": "labour_day_cn",
    "五一劳动节": "labour_day_cn",
    "五一": "labour_day_cn",
    "儿童节": "childrens_day",
    "教师节": "teachers_day",
    "国庆节": "national_day",
    "国庆日": "national_day",
    "双十节": "double_ten",
    "双十国庆": "double_ten",
    "国庆": "national_day",
    "双十一": "singles_day",
    "双11": "singles_day",
    "双十二": "double_twelve",
    "双12": "double_twelve",
    "平安夜": "christmas_eve",
    "圣诞节": "christmas",
    "圣诞": "christmas",
    "冬至": "winter_solstice",
    "感恩节": "thanksgiving",
    "黑色星期五": "black_friday",
}
# After a holiday: its break (国庆期间, 春节假期), read as the break's days, approx.
_BREAK_WORDS = "期间|假期|长假|黄金周|小长假"
# After a holiday name, what makes it part of another word (国庆70周年, 春节档 is kept).
_NOT_AFTER_HOLIDAY = "0123456789周快"
# Names that are a holiday only in some company: 五一 only before a break word (五一假期;
# 五一广场 is a square); 圣诞 not before what makes it another word (圣诞老人, 圣诞树);
# 年三十 not after a number or before a count (2019年三十多家企业).
_BREAK_ONLY = {"五一"}
_NOT_AFTER_NAME = {"圣诞": "老树歌卡帽装", "年三十": "0123456789多余个家名岁位人万亿元日号"}
_NOT_BEFORE_NAME = {"年三十": "0123456789〇零一二三四五六七八九十今去明前后本同当次翌"}
# The name comes first, so that the pattern is its own key; the year before it is read
# by the builder (``_ZH_HOLIDAY_YEAR``).
# 前夕 after a holiday is its eve (端午节前夕, 圣诞前夕): the day before, approx.
ZH_HOLIDAY = re.compile(
    rf"(?P<name>{'|'.join(sorted(ZH_HOLIDAYS, key=len, reverse=True))})"
    rf"(?:(?P<break>{_BREAK_WORDS})|(?P<eve>前夕))?"
)
# 大年初二, 年初三: the days of the first lunar month after New Year's Day.
ZH_NEW_YEAR_DAY = re.compile("(?P<big>大)?年初(?P<day>[一二三四五六七八九十])")
_NOT_BEFORE_NEW_YEAR_DAY = set("0123456789〇零一二三四五六七八九十今去明前后本同当次翌")
_NOT_AFTER_NEW_YEAR_DAY = set("个月天年周些成季度期")
_HABIT_BEFORE = ("每年", "每逢", "每到", "每个", "历年")
# 清明 alone is also "clear, well governed" (政治清明，): it is the day only with a year
# before it or a word of the holiday after it (清明前后, 清明假期, 清明当天).
_QINGMING_AFTER = ("前后", "前後", "当天", "當天", "当日", "當日")
_ZH_HOLIDAY_YEAR = re.compile(
    rf"(?<![0-9])(?:(?P<y4>(?:1[5-9]|20)[0-9]{{2}}){_S}?年|(?P<yrel>{'|'.join(ZH_YEAR_WORDS)})){_S}?$"
)
ZH_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}
_LUNAR_MONTH = "(?P<leap>闰)?(?P<month>正|冬|腊|十一|十二|[一二三四五六七八九十])月"
_LUNAR_DAY = (
    "(?P<day>初[一二三四五六七八九十]|十[一二三四五六七八九]|廿[一二三四五六七八九]"
    "|二十[一二三四五六七八九]?|三十|十五|十)"
)
# 农历/阴历 makes any month lunar; 正月, 腊月, 冬月 and a leap month are lunar by name, and
# a day written 初N or 廿N is lunar too.
ZH_LUNAR = re.compile(
    rf"(?:(?P<y4>(?:1[5-9]|20)[0-9]{{2}}){_S}?年|(?P<yrel>{'|'.join(ZH_YEAR_WORDS)}))?{_S}?"
    rf"(?P<marker>农历|阴历)?{_S}?{_LUNAR_MONTH}(?:{_LUNAR_DAY}(?![0-9一二三四五六七八九十日号]))?"
)
EN_HOLIDAYS = {
    "thanksgiving day": "thanksgiving",
    "thanksgiving": "thanksgiving",
    "christmas day": "christmas",
    "christmas eve": "christmas_eve",
    "christmas": "christmas",
    "new year's day": "new_year",
    "new year's eve": "new_year_eve",
    "chinese new year's eve": "chinese_new_year_eve",
    "lunar new year's eve": "chinese_new_year_eve",
    "boxing day": "boxing_day",
    "memorial day weekend": "memorial_day_weekend",
    "labor day weekend": "labor_day_weekend",
    "labour day weekend": "labor_day_weekend",
    "labor day": "labor_day_us",
    "labour day": "labor_day_us",
    "memorial day": "memorial_day",
    "independence day": "independence_day",
    "black friday": "black_friday",
    "cyber monday": "cyber_monday",
    "valentine's day": "valentine",
    "halloween": "halloween",
    "easter sunday": "easter",
    "easter": "easter",
    "mother's day": "mothers_day",
    "father's day": "fathers_day",
    "chinese new year": "spring_festival",
    "lunar new year": "spring_festival",
    "spring festival": "spring_festival",
    "mid-autumn festival": "mid_autumn",
    "dragon boat festival": "dragon_boat",
    "singles' day": "singles_day",
    "singles day": "singles_day",
}
_EN_NAMES = "|".join(
    name.replace(" ", f"{_S}+").replace("'", "['’]")
    for name in sorted(EN_HOLIDAYS, key=len, reverse=True)
)
EN_HOLIDAY = re.compile(
    rf"(?<![A-Za-z0-9_\-])(?:(?P<rel>(?i:last|this|next)){_S}+)?(?P<name>(?i:{_EN_NAMES}))"
    rf"(?:,?{_S}+(?:(?i:of){_S}+)?(?P<year>(?:19|20)[0-9]{{2}})(?![0-9]))?(?![A-Za-z0-9_])"
)
_EN_REL = {"last": -1, "this": 0, "next": 1}


def _year_fields(match: re.Match) -> dict:
    if match["y4"]:
        return {"year": year_number(match["y4"])}
    if match["yrel"]:
        return {"year_shift": ZH_YEAR_WORDS[match["yrel"]]}
    return {}


def _zh_holiday(text: str, match: re.Match) -> Candidate | None:
    following = text[match.end("name") : match.end("name") + 1]
    if following and following in _NOT_AFTER_HOLIDAY and not match["break"]:
        return None
    if text[max(0, match.start() - 2) : match.start()] in _HABIT_BEFORE:
        return None  # 每年春节, 每逢中秋: a habit, not a date
    word = match["name"]
    if word in _BREAK_ONLY and not match["break"]:
        return None
    if following and following in _NOT_AFTER_NAME.get(word, ""):
        return None
    preceding = text[match.start() - 1 : match.start()] if match.start() else ""
    if preceding and preceding in _NOT_BEFORE_NAME.get(word, ""):
        return None
    name = ZH_HOLIDAYS[word]
    year = _ZH_HOLIDAY_YEAR.search(text, max(0, match.start() - 8), match.start())
    if (
        match["name"] == "清明"
        and not year
        and not match["break"]
        and not text.startswith(_QINGMING_AFTER, match.end())
    ):
        return None
    fields = _year_fields(year) if year else {}
    eve = {"day_shift": -1} if match["eve"] else {}
    point = Point("holiday", holiday=name, holiday_week=bool(match["break"]), **fields, **eve)
    return Candidate(year.start() if year else match.start(), match.end(), point)


def _zh_new_year_day(text: str, match: re.Match) -> Candidate | None:
    day = small_number(match["day"])
    if not match["big"]:
        if match.start() and text[match.start() - 1] in _NOT_BEFORE_NEW_YEAR_DAY:
            return None
        if day == 1:
            return None  # 年初一 is read as little as 年初 + 一…
    if text[match.end() : match.end() + 1] in _NOT_AFTER_NEW_YEAR_DAY:
        return None
    year = _ZH_HOLIDAY_YEAR.search(text, max(0, match.start() - 8), match.start())
    fields = _year_fields(year) if year else {}
    point = Point("lunar", month=1, day=day, **fields)
    return Candidate(year.start() if year else match.start(), match.end(), point)


def _lunar_day(token: str) -> int | None:
    if token.startswith("初"):
        return small_number(token[1:])
    if token.startswith("廿"):
        return 20 + CHINESE_DIGITS[token[1]]
    return small_number(token)


def _zh_lunar(text: str, match: re.Match) -> Candidate | None:
    word = match["month"]
    by_name = word in ZH_LUNAR_MONTHS or match["leap"]
    day_is_lunar = match["day"] is not None and match["day"][0] in "初廿"
    if not (match["marker"] or by_name or day_is_lunar):
        return None
    if match["day"] is None and not (match["marker"] or by_name):
        return None
    month = ZH_LUNAR_MONTHS.get(word) or small_number(word)
    day = _lunar_day(match["day"]) if match["day"] else None
    if month is None or (match["day"] and day is None):
        return None
    point = Point("lunar", month=month, day=day, leap=bool(match["leap"]), **_year_fields(match))
    return Candidate(*match.span(), point)


def _en_holiday(text: str, match: re.Match) -> Candidate | None:
    name = " ".join(match["name"].lower().replace("’", "'").split())
    if not match["name"][0].isupper():
        return None
    fields: dict = {}
    if match["year"]:
        fields["year"] = int(match["year"])
    elif match["rel"]:
        fields["year_shift"] = _EN_REL[match["rel"].lower()]
    holiday = EN_HOLIDAYS[name]
    # A long weekend is its three days (Saturday to the Monday holiday).
    weekend = holiday in calendars.LONG_WEEKENDS
    point = Point("holiday", holiday=holiday, holiday_week=weekend, **fields)
    return Candidate(*match.span(), point)


RULES: tuple[Rule, ...] = (
    Rule(ZH_HOLIDAY, _zh_holiday, han=True),
    Rule(ZH_NEW_YEAR_DAY, _zh_new_year_day, re.compile("年初"), han=True),
    Rule(ZH_LUNAR, _zh_lunar, re.compile("农历|阴历|正月|冬月|腊月|闰|月[初廿]"), han=True),
    Rule(EN_HOLIDAY, _en_holiday, ENGLISH_CALENDAR_KEY, lower=True),
)
