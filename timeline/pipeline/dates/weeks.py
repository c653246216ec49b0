"""The grammar of weekdays, weeks and counted offsets, in Chinese (after ``fold_text``) and
English: 周二晚间, 上个星期五, 下周一, 本周, 前一周, "on Wednesday", "last Tuesday", "this week",
"earlier this week", "the previous week", 两个月前, 三十几年前, 十多年前, 半年后, 当月,
"two weeks ago", "a fortnight ago", "six months later", "in recent days".

What they mean is in ``offsets``. A count followed by a unit and no direction word ("5个月",
"for two weeks", "两年内", "三年来") is a duration and is never read here.
"""

import re

from timeline.pipeline.dates.expressions import Candidate, Point
from timeline.pipeline.dates.numerals import CHINESE_DIGITS, small_number
from timeline.pipeline.dates.rules import ENGLISH_CALENDAR_KEY, Rule

_S = r"[^\S\n]"
_TIME_OF_DAY = "晚间|晚上|凌晨|上午|下午|中午|早上|早间|傍晚|夜间|清晨|深夜|晚|夜|早"
ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
ZH_WEEKDAYS.update({str(n): n - 1 for n in range(1, 8)})
ZH_WEEK_SHIFTS = {"上上": -2, "上": -1, "本": 0, "这": 0, "下": 1, "下下": 2}
# Before 周/星期, a character that makes it a count or a habit (每周二, 隔周, 两周, 第一周).
_NOT_BEFORE_WEEK = set("0123456789一二三四五六七八九十两几数每隔单双第个半整多余近同全该当")
# After 本周 / 上周, what makes it another word (周期, 周年, 周边, 周刊, 周报, 周末).
_NOT_AFTER_WEEK = set("期年边刊报末围岁转薪会内中")

# One pattern for weekdays, weeks and weekends. 周/星期/礼拜 comes first, so that the engine
# can skip ahead to it; the week word before it (上周五, 本周, 下周末) is read by the builder.
ZH_WEEK = re.compile(
    rf"(?:周|星期|礼拜)(?:(?P<day>[一二三四五六日天1-7])(?![0-9一二三四五六七八九十年月])"
    rf"(?P<tod>{_TIME_OF_DAY})?|(?P<weekend>末))?"
)
_ZH_WEEK_BEFORE = re.compile("(?:上上|下下|上一?个?|下一?个?|本|这一?个?)$")

# Counts: digits, Chinese numerals with 几/数 for the vague ones, 半 for a half.
_ZH_COUNT = r"(?P<n>[0-9]{1,3}|[一二两三四五六七八九十几数]{1,4}|半)"
_ZH_UNIT = r"(?P<unit>天|日|周|个?星期|个?礼拜|个多?月|个半?月|年|个季度)"
# The count's boundary (not after another numeral, 第, 每 or 近) is checked by the builder.
ZH_OFFSET = re.compile(
    rf"{_ZH_COUNT}(?P<more>多)?{_S}?{_ZH_UNIT}"
    rf"(?:(?P<ago>之前|以前|前(?![往来去夕景期后提列三两几]))|(?P<later>之后|以后|后(?![来续期面悔果者半勤])))"
)
_ZH_UNITS = {"天": "day", "日": "day", "周": "week", "星期": "week", "礼拜": "week"}
# 前两天, 前几天, 这两天, 近几天: a few days back from the reference, approx.
ZH_FEW_DAYS = re.compile("(?P<side>前|这|近)(?P<few>两|几|些)(?:天|日子)")
_FEW_DAYS_AFTER = {"", *",，;；。:：!！?？\n 「“《(（", *"我你他她它们咱在"}
_FEW_DAYS = {
    ("前", "两"): (1, 3),
    ("前", "几"): (2, 9),
    ("前", "些"): (2, 9),
    ("这", "两"): (0, 2),
    ("近", "两"): (0, 2),
    ("这", "几"): (0, 9),
    ("近", "几"): (0, 9),
    ("这", "些"): (0, 9),
    ("近", "些"): (0, 9),
}

EN_WEEKDAYS = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}
_B = r"(?<![A-Za-z0-9_\-/.])"
# "Mondays" is a habit; "Monday's vote" is a date. "The Sunday Times" is a newspaper.
_E = r"(?![A-Za-z0-9_])(?![^\S\n]+(?:Times|Telegraph|Express|Mirror|Post|Herald|Night Football))"
EN_WEEKDAY = re.compile(
    rf"{_B}(?:(?P<rel>(?i:last|next|this|past)){_S}+)?"
    rf"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday){_E}"
    # A part of the day written after it is part of the mention ("Monday night").
    rf"(?:{_S}+(?i:morning|afternoon|evening|night)(?![A-Za-z0-9_]))?"
)
EN_WEEK = re.compile(
    rf"{_B}(?:(?P<side>(?i:earlier|later)){_S}+)?(?P<rel>(?i:this|last|next|past)){_S}+(?i:week)"
    rf"(?P<weekend>(?i:end))?(?![A-Za-z0-9_])(?!['’]s{_S}+(?i:meeting))"
    rf"|{_B}(?P<before_last>(?i:the{_S}+week{_S}+before{_S}+last))(?![A-Za-z0-9_])"
    rf"|{_B}(?i:over|during|at){_S}+(?P<over>(?i:the{_S}+weekend))(?![A-Za-z0-9_])"
    # "the previous week", "the following week": the week before or after the paragraph's
    # last date (else the reference's).
    rf"|{_B}(?i:the){_S}+(?P<step>(?i:previous|prior|following)){_S}+(?i:week)(?![A-Za-z0-9_])"
    # "the same week", "that week": the week of the paragraph's last date ("that week-long
    # strike" is no week; "the same week last year" compares, as "the same period" does).
    rf"|{_B}(?P<same>(?i:the{_S}+same|that{_S}+same|that)){_S}+(?i:week)(?![A-Za-z0-9_\-'’])"
    rf"(?!{_S}+(?i:last|a|of|in|a{_S}+year)\b)"
)
# "in recent days", "in the past few days": as 近几天, the days up to the reference.
EN_RECENT_DAYS = re.compile(
    rf"{_B}(?i:in){_S}+(?:(?i:recent)|(?i:the){_S}+(?i:past|last){_S}+(?i:few|several))"
    rf"{_S}+(?i:days)(?![A-Za-z0-9_])"
)
_EN_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a few": (2, 9),
    "few": (2, 9),
    "several": (2, 9),
    "some": (2, 9),
    "a couple of": 2,
}
_EN_COUNT = "|".join(sorted((w.replace(" ", f"{_S}+") for w in _EN_NUMBERS), key=len, reverse=True))
EN_OFFSET = re.compile(
    rf"{_B}(?P<n>[0-9]{{1,3}}|(?i:{_EN_COUNT}))(?:{_S}+|-)(?P<unit>(?i:day|week|fortnight|month|year|decade)s?)"
    rf"{_S}+(?P<dir>(?i:ago|later|earlier|from{_S}+now|before|after))(?![A-Za-z0-9_])"
    # "three months later than planned" compares; it names no date.
    rf"(?!{_S}+(?i:than)\b)"
)
# "two years before" names a date only before a pause, or before the happening it counts
# from ("two days before the fire", "three months after it opened").
_EN_PAUSE = re.compile(rf"{_S}*(?:[,.;:!?)]|$)")
# The happening after "before"/"after": a noun phrase, or a pronoun and its past verb. Such
# a count is read only from a date the paragraph gave before (DATES.md, event-counted days).
_EN_EVENT = re.compile(
    rf"{_S}+(?:(?P<clause>(?i:it|they|he|she){_S}+[a-z]+ed\b)"
    # "A week after the fire, …": the happening's phrase up to the comma is the date's.
    rf"|(?P<clause_>(?i:the|his|her|its|their)(?:{_S}+[\w'’-]+){{1,5}}?(?={_S}*,))"
    r"|(?i:the|his|her|its|their)\b)"
)


# "on Monday, a week after the demo": the count restates the date before it, no date of its own.
_EN_DATE_APPOSED = re.compile(
    r"(?i:day|yesterday|today|january|february|march|april|may|june|july|august|september"
    rf"|october|november|december|[0-9]){_S}*,{_S}*$"
)


def _line_is_stamp(text: str, start: int, end: int) -> bool:
    """ "3天前" between the bars of a link list, or alone on its line: page furniture."""
    before = text[text.rfind("\n", 0, start) + 1 : start].rstrip(" \t")
    newline = text.find("\n", end)
    after = text[end : newline if newline >= 0 else len(text)].lstrip(" \t")
    return before.endswith("|") or after.startswith("|") or not (before or after)


def _zh_count(token: str) -> tuple[int, int] | None:
    """(low, high) of a Chinese count: 三 (3, 3), 几 (2, 9), 三十几 (31, 39), 一两 (1, 2)."""
    if token in ("几", "数"):
        return 2, 9
    if token.endswith(("几", "数")):
        base = small_number(token[:-1] + ("" if token[:-1].endswith("十") else "十"))
        if base is None or base % 10:
            return None
        return base + 1, base + 9
    if len(token) == 2 and all(ch in CHINESE_DIGITS for ch in token):
        low, high = CHINESE_DIGITS[token[0]], CHINESE_DIGITS[token[1]]
        return (low, high) if high == low + 1 else None
    value = small_number(token)
    return (value, value) if value else None


def _zh_week(text: str, match: re.Match) -> Candidate | None:
    before = _ZH_WEEK_BEFORE.search(text, max(0, match.start() - 3), match.start())
    pre = before.group() if before else ""
    start = before.start() if before else match.start()
    shift_word = pre.replace("一", "").replace("个", "")
    shift = ZH_WEEK_SHIFTS[shift_word] if shift_word else None
    if text[start - 1 : start] in _NOT_BEFORE_WEEK and start > 0:
        return None
    if match["day"]:
        point = Point("weekday", index=ZH_WEEKDAYS[match["day"]], week_shift=shift)
        return Candidate(start, match.end(), point)
    # A week or weekend needs its week word: a bare 周 or 周末 is a count or a habit.
    if shift is None:
        return None
    if not match["weekend"] and text[match.end() : match.end() + 1] in _NOT_AFTER_WEEK:
        return None
    return Candidate(
        start, match.end(), Point("weekend" if match["weekend"] else "week", week_shift=shift)
    )


_NOT_BEFORE_COUNT = set("0123456789〇零一二三四五六七八九十两几数百千万第每近")


def _zh_offset(text: str, match: re.Match) -> Candidate | None:
    unit, token = match["unit"], match["n"]
    if match.start() and text[match.start() - 1] in _NOT_BEFORE_COUNT:
        return None
    if _line_is_stamp(text, *match.span()):
        return None
    if unit == "日" and token.isdigit():
        return None  # "5日后" is "after the 5th" as often as "five days later"
    if token == "半":
        if unit == "年":
            count, unit_name = (6, 6), "month"
        elif "月" in unit:
            count, unit_name = (15, 15), "day"
        else:
            return None
    else:
        count = _zh_count(token)
        if count is None:
            return None
        if match["more"]:
            # 十多年前, 二十多年前: more than the tens written and under the next ten, as 十几.
            if count[0] != count[1] or count[0] % 10:
                return None
            count = (count[0] + 1, count[0] + 9)
        unit_name = _ZH_UNITS.get(unit.lstrip("个"))
        if unit_name is None:
            unit_name = "year" if unit == "年" else "month"
            if "季度" in unit:
                count, unit_name = (count[0] * 3, count[1] * 3), "month"
            elif unit == "个半月":
                return None
    if "多" in unit:
        count = (count[0], count[1] + 1)  # 两个多月前: more than two months, under three
    later = match["later"] is not None
    point = Point(
        "offset",
        count=count,
        offset_unit=unit_name,
        direction=1 if later else -1,
        from_context=later or unit_name == "day",
    )
    return Candidate(*match.span(), point)


def _zh_few_days(text: str, match: re.Match) -> Candidate | None:
    if _line_is_stamp(text, *match.span()):
        return None
    # After a noun 前两天 is "two days before it" or "its first two days" (展会前两天): only
    # at a clause start or after a pronoun is it "a couple of days ago".
    if match["side"] == "前" and text[match.start() - 1 : match.start()] not in _FEW_DAYS_AFTER:
        return None
    count = _FEW_DAYS[match["side"], match["few"]]
    point = Point("offset", count=count, offset_unit="day", direction=-1)
    return Candidate(*match.span(), point)


def _en_weekday(text: str, match: re.Match) -> Candidate:
    rel = (match["rel"] or "").lower()
    index = EN_WEEKDAYS[match["day"]]
    if rel == "this":
        point = Point("weekday", index=index, week_shift=0)
    else:
        rule = {"last": "before", "past": "before", "next": "after"}.get(rel, "latest")
        point = Point("weekday", index=index, month_rule=rule)
    return Candidate(*match.span(), point)


def _en_week(text: str, match: re.Match) -> Candidate | None:
    if match["before_last"]:
        return Candidate(*match.span(), Point("week", week_shift=-2))
    if match["over"]:
        return Candidate(*match.span("over"), Point("weekend"))
    if match["same"]:
        point = Point("offset", count=(0, 0), offset_unit="week", direction=1, from_context=True)
        return Candidate(*match.span(), point)
    if match["step"]:
        direction = 1 if match["step"].lower() == "following" else -1
        point = Point(
            "offset", count=(1, 1), offset_unit="week", direction=direction, from_context=True
        )
        return Candidate(*match.span(), point)
    rel = match["rel"].lower()
    if rel == "past" and not match["weekend"]:
        return None  # "over the past week" is a duration, as "over the past three months"
    shift = {"this": 0, "last": -1, "past": -1, "next": 1}[rel]
    unit = "weekend" if match["weekend"] else "week"
    # "earlier this week" is the week up to the reference, "later this week" the rest of it.
    part = None
    if match["side"] and shift == 0 and unit == "week":
        part = "to_date" if match["side"].lower() == "earlier" else "rest"
    return Candidate(*match.span(), Point(unit, week_shift=shift, part=part))


def _en_recent_days(text: str, match: re.Match) -> Candidate:
    point = Point("offset", count=(0, 9), offset_unit="day", direction=-1)
    return Candidate(*match.span(), point)


def _en_offset(text: str, match: re.Match) -> Candidate | None:
    word = " ".join(match["n"].lower().split())
    count = int(word) if word.isdigit() else _EN_NUMBERS[word]
    count = count if isinstance(count, tuple) else (count, count)
    if count[0] == 0:
        return None
    unit = match["unit"].lower().rstrip("s")
    direction = " ".join(match["dir"].lower().split())
    event = None
    if direction in ("before", "after") and not _EN_PAUSE.match(text, match.end()):
        event = _EN_EVENT.match(text, match.end())
        if event is None or _EN_DATE_APPOSED.search(
            text, max(0, match.start() - 24), match.start()
        ):
            return None
    if unit == "year" and count == (1, 1) and direction in ("later", "earlier"):
        return None  # "a year later": the paragraph's year plus one, read with 次年
    if unit == "decade":
        unit, count = "year", (count[0] * 10, count[1] * 10)
    if unit == "fortnight":
        unit, count = "week", (count[0] * 2, count[1] * 2)
    later = direction in ("later", "from now", "after")
    point = Point(
        "offset",
        count=count,
        offset_unit=unit,
        direction=1 if later else -1,
        from_context=direction in ("later", "earlier", "before", "after"),
        context_only=event is not None,
    )
    # "three months after it opened", "a week after the fire, …": the happening's words are
    # the date's, no subject of the clause.
    phrase = event is not None and (event["clause"] or event["clause_"])
    end = event.end() if phrase else match.end()
    return Candidate(match.start(), end, point)


# 次月, 翌月, 隔月: the month after the one the text was last at (a month later); 当月, 同月:
# that month itself, a date only where the paragraph has named one.
ZH_NEXT_MONTH = re.compile("(?:次|翌|隔|当|同)月")
# Before 当月/同月, what makes it a habit or a comparison (每当月, 去年同月, 上年同月).
_NOT_BEFORE_SAME_MONTH = set("每年")


def _zh_next_month(text: str, match: re.Match) -> Candidate | None:
    if _line_is_stamp(text, *match.span()):
        return None
    same = match.group()[0] in "当同"
    if same and text[match.start() - 1 : match.start()] in _NOT_BEFORE_SAME_MONTH:
        return None
    point = Point(
        "offset",
        count=(0, 0) if same else (1, 1),
        offset_unit="month",
        direction=1,
        from_context=True,
    )
    return Candidate(*match.span(), point)


# 前一周, 前一个星期 at a clause start: the week before the paragraph's last date (else the
# reference's), as 前一天 is the day before it; after a noun it counts from an event
# (发布会前一周).
ZH_WEEK_BEFORE = re.compile("前一(?:周|个?星期|个?礼拜)")


def _zh_week_before(text: str, match: re.Match) -> Candidate | None:
    if text[match.start() - 1 : match.start()] not in _FEW_DAYS_AFTER:
        return None
    point = Point("offset", count=(1, 1), offset_unit="week", direction=-1, from_context=True)
    return Candidate(*match.span(), point)


RULES: tuple[Rule, ...] = (
    Rule(ZH_WEEK, _zh_week, re.compile("周|星期|礼拜"), han=True),
    Rule(ZH_NEXT_MONTH, _zh_next_month, re.compile("[次翌隔当同]月"), han=True),
    Rule(ZH_WEEK_BEFORE, _zh_week_before, re.compile("前一"), han=True),
    Rule(ZH_FEW_DAYS, _zh_few_days, re.compile("[两几些](?:天|日子)"), han=True),
    Rule(ZH_OFFSET, _zh_offset, re.compile("(?:天|日|周|期|拜|月|年|度)[之以]?[前后]"), han=True),
    Rule(EN_WEEKDAY, _en_weekday, ENGLISH_CALENDAR_KEY, lower=True),
    Rule(EN_WEEK, _en_week, ENGLISH_CALENDAR_KEY, lower=True),
    Rule(EN_OFFSET, _en_offset, ENGLISH_CALENDAR_KEY, lower=True),
    Rule(EN_RECENT_DAYS, _en_recent_days, ENGLISH_CALENDAR_KEY, lower=True),
)
