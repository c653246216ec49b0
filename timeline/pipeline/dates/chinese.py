"""The Chinese date grammar (simplified and traditional, after ``fold_text``).

Each pattern below is one family of expressions; its builder turns a match into a
``Candidate``. Ranges between two matches ("5 月到 6 月") are joined later by the scanner.
"""

import re

from timeline.pipeline.dates.expressions import Candidate, Point, Span
from timeline.pipeline.dates.numerals import CHINESE_DIGITS, small_number, year_number
from timeline.pipeline.dates.rules import Rule, Stretches
from timeline.pipeline.han import HAN_CHARACTER

_SP = "[ \t]?"
_NUM = "(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})"
_NOT_AFTER_ALNUM = r"(?<![A-Za-z0-9_.\-/])"
# A range word; a dash may be doubled (3——5月).
_RANGE = "[~\\-–—至到、]—?"
_TIME_OF_DAY = "晚间|晚上|凌晨|上午|下午|中午|早上|早间|傍晚|夜间|清晨|深夜|晚|夜"
# After a day of the month only the evening words belong to its mention (1月6日晚); other
# times of day (3月5日凌晨, 今(5)日上午, 晚上, 10时) are not part of it (DATES.md).
_EVENING = "晚间|夜间|晚(?!上)|夜(?![间里])"

# Tables of words: the vocabulary of the grammar.
YEAR_WORDS = {"大前年": -3, "前年": -2, "去年": -1, "今年": 0, "本年": 0, "明年": 1, "后年": 2}
# 当年 is "that year" only after a year in the same paragraph, and only with a month or part
# ("当年5月", "当年底") or before a pause or an adverb ("当年即盈利"); otherwise, and before a
# noun ("当年 ofo 们踩过的坑", "当年的百度"), it means "back then".
CONTEXT_YEAR_WORDS = {"同年": 0, "当年": 0, "次年": 1, "翌年": 1}
_THAT_YEAR_FOLLOWERS = set(",，、;；。即就便已又还也共累再内将將把被曾仅僅只都均先")
# Verbs that, right after 当年, show it dates what the sentence did ("当年投产"), as 同年 does.
# The text is folded before it is read (將 is 将, 開始 开始), but not every character is:
# the traditional forms listed are those folding leaves.
_THAT_YEAR_VERBS = (
    *("实现", "實现", "完成", "投产", "投產", "建成", "开工", "获得", "獲得", "列入"),
    *("达到", "新增", "入选", "入選", "启动", "啟动", "投入", "开始"),
)
PART_WORDS = {
    "初": "early",
    "年初": "early",
    "头": "early",
    "中": "mid",
    "年中": "mid",
    "过半": "mid",
    "底": "late",
    "年底": "late",
    "末": "late",
    "年末": "late",
    "终": "late",
    "年终": "late",
    "尾": "late",
    "年尾": "late",
}
BARE_PART_WORDS = {
    "年初": "early",
    "岁初": "early",
    "年中": "mid",
    "年过半": "mid",
    "年底": "late",
    "年末": "late",
    "年终": "late",
    "年尾": "late",
    "岁末": "late",
    "岁尾": "late",
}
MONTH_START_WORDS = ("新年伊始", "开年", "年伊始")
# Before 开年, a character that makes 开 the end of a verb (召开, 展开, 公开, 离开).
_OPEN_VERBS_BEFORE = set("召展公离打放分敞张避盛拉揭铺摊")
_YEAR_END_NOUNS = ("奖", "獎", "总结", "總結", "考核", "盘点", "盤點", "决算", "決算")
XUN_WORDS = {"上旬": 1, "初": 1, "中旬": 2, "中": 2, "下旬": 3, "底": 3, "末": 3}
TWO_XUN_WORDS = {"上中旬": (1, 2), "中下旬": (2, 3)}
# 年内 "within the year": the year of the paragraph, else the reference year.
WITHIN_YEAR_WORDS = ("年内",)
QUARTER_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
DAY_WORDS = {
    "大前天": -3,
    "前天": -2,
    "前日": -2,
    "前晚": -2,
    "昨天": -1,
    "昨日": -1,
    "昨晚": -1,
    "昨夜": -1,
    "昨晨": -1,
    "今天": 0,
    "今日": 0,
    "今晨": 0,
    "今早": 0,
    "今晚": 0,
    "今夜": 0,
    "明天": 1,
    "明日": 1,
    "明晚": 1,
    "后天": 2,
    "大后天": 3,
}
MONTH_WORDS = {
    "上上个月": -2,
    "上个月": -1,
    "上月": -1,
    "本月": 0,
    "这个月": 0,
    "下个月": 1,
    "下月": 1,
}
QUARTER_WORDS = {
    "上季度": -1,
    "上一季度": -1,
    "上个季度": -1,
    "本季度": 0,
    "这个季度": 0,
    "下季度": 1,
    "下一季度": 1,
    "下个季度": 1,
}
# "今年早些时候": the year up to the reference date; "今年晚些时候": the rest of it.
YEAR_SPLIT_WORDS = {"早些时候": "year_to_date", "稍早": "year_to_date", "晚些时候": "rest_of_year"}
RECENT_WORDS = ("近日", "日前", "近期", "最近", "不久前", "前不久", "近来")
FOLLOW_WORDS = {
    "当天": 0,
    "当日": 0,
    "当晚": 0,
    "当夜": 0,
    "连夜": 0,
    "同日": 0,
    "同一天": 0,
    "前一天": -1,
    "前一日": -1,
    "前一晚": -1,
    "次日": 1,
    "翌日": 1,
    "第二天": 1,
    "隔天": 1,
    "隔日": 1,
    "前夕": -1,
}
# The words above that, after a noun, count from the event it names: 首演前一天, 峰会前夕,
# and (after 后) 开幕后第二天. Before them, these characters are no event.
_BEFORE_EVENT_WORDS = ("前一天", "前一日", "前一晚")
_AFTER_EVENT_WORDS = ("次日", "翌日", "第二天", "隔天", "隔日")
_NOT_AN_EVENT = set("在于於是了就也都还又我你他她它们咱其这那此随然最之并而且即便")

# Characters that, right before a bare word, show it belongs to another word or a count.
_COUNT_BEFORE = set(
    "0123456789一二三四五六七八九十百千万两几数多每半整近满逾第个少青中老成周新全当同次翌前"
)
# What may follow 初 when it is a word of its own (初步, 初期) rather than "early in the month".
_NOT_EARLY = "步期次始衷心级创版稿赛选审见具露中"
_DIGIT_CHARS = "一二三四五六七八九十0123456789"
# What may follow 中 when it means "middle of the year" rather than starting a word (中国).
_NOT_MID = "国华文央共部东西南北期间心小大高级层外资企方美日欧韩科信药医标断止介等"
# "第二季" without 度 is a quarter ("今年第二季", "第2季營收"), except as the season of a
# show or a league: after a title (《…》第二季) or before the words of one.
_TITLE_END = set("》」』”\"'’)")
_SEASON_AFTER = ("播", "剧", "节目", "开播", "首播", "上线", "集", "比赛", "赛季", "联赛", "嘉宾")
# Two-digit years with no month ("98年", "在98年", "03年"). "NN年" is as often a count of
# years ("成立10年", "近20年", "10年来"), so it is a year only where a count cannot be:
# after a word that introduces a time, at the start of a clause, after a pronoun, before a
# word that dates an event, or written with a leading zero (no one counts "03 years"); and
# never next to the words of a duration. When in doubt, no mention.
_YEAR_MARKERS = set("在于到至从自是")
_YEAR_MARKER_WORDS = ("到了",)
_CLAUSE_START = set(",，;；。!！?？:：(（「『“\"'‘《【[\n")
# Derived sets, built once rather than at each match.
_COUNT_BEFORE_MONTH = _COUNT_BEFORE - set(_DIGIT_CHARS)
_COUNT_BEFORE_DAY = _COUNT_BEFORE | set("月")
_CLAUSE_START_OR_TEXT_START = _CLAUSE_START | {""}
_PRONOUNS = set("我你他她它们咱")
_DURATION_BEFORE = (
    "近",
    "过去",
    "长达",
    "第",
    "每",
    "约",
    "逾",
    "超",
    "不到",
    "不足",
    "多达",
    "满",
    "整整",
    "足足",
    "了",
    "用",
    "花",
    "历时",
    "历经",
    "耗时",
    "成立",
    "达",
    "这",
    "那",
    "前",
    "后",
    "头",
    "最",
    "期",
    "龄",
    "有",
    "的",
    "就是",
)
_DURATION_AFTER = set("多余来内后前间里以左半之历期级度龄了")
# After "NN年的", only these make it the year (98年的时候, 98年的冬天), not a count (10年的时间).
_YEAR_AFTER_DE = ("时候", "春", "夏", "秋", "冬", "那")
_YEAR_AFTER_TIME = ("时候", "时,", "时，")
_UNLIKELY_TWO_DIGIT_YEARS = (30, 69)
_IDIOMS_AFTER = ("磨一", "如一")
_EVENT_AFTER = re.compile(
    "成立|创立|创办|创建|上市|入行|入职|加入|出生|毕业|开始|推出|发布|进入|离开|回国|创业|成为"
    "|收购|正式|首次|就|便|那年"
)
# Words that make a bare 今天/今日 mean "until now" rather than a day.
_UNTIL_NOW_BEFORE = ("至", "到")
_DAY_WORD_NOT_BEFORE = {"前日": "本", "后天": "性", "今日": "头", "明日": "之方"}
# Before 当, a character that makes it part of another word (相当天真, 应当年轻).
_NOT_BEFORE_DANG = set("相应适充担恰每正")
# Before a bare 月初/月底 or 上旬: a count, another word (岁月, 每月) or a month the point
# grammar already read.
_NOT_BEFORE_MONTH_PART = _COUNT_BEFORE | set("岁日风明正腊闰蜜满月年")

_XUN = rf"上中旬|中下旬|上旬|中旬|下旬|初(?![{_NOT_EARLY}])|中(?![{_NOT_MID}])|底|末(?!期)"
# Taiwanese papers count years of the Republic of China (民國113年 is 2024). A bare
# three-digit year is one only before a month, quarter or half (113年3月, 113年第4季):
# alone, "113年" is as often a count of years (已有113年历史).
_ROC_FOLLOWERS = (
    rf"{_SP}(?:(?:[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_SP}月|第?[一二三四1-4]季|[上下]半年)"
)
_YEAR_HEAD = rf"""
    (?:
        {_NOT_AFTER_ALNUM}(?P<y4>(?:1[5-9]|20)[0-9]{{2}}|[一二][〇零一二三四五六七八九]{{3}})(?![0-9])
            {_SP}(?P<nian>年)?
      | {_NOT_AFTER_ALNUM}(?P<y2>[0-9]{{2}}){_SP}年
      | 民国{_SP}(?P<roc>[0-9]{{1,3}}|[〇零一二三四五六七八九十]{{1,3}}){_SP}年
      | {_NOT_AFTER_ALNUM}(?P<roc3>1[0-4][0-9])(?![0-9]){_SP}年(?={_ROC_FOLLOWERS})
      | (?P<yrel>{"|".join(YEAR_WORDS)})
      | (?P<yctx>{"|".join(CONTEXT_YEAR_WORDS)})
    )
"""
_DAY_TAIL = rf"""
    (?P<d>{_NUM}){_SP}
    (?:
        {_RANGE}{_SP}(?P<d2>{_NUM}){_SP}[日号]
      | [日号]
        (?:(?:{_SP}{_RANGE}{_SP}{_NUM}{_SP}[日号])*{_SP}{_RANGE}{_SP}(?P<d3>{_NUM}){_SP}[日号])?
    )
    (?P<tod>{_EVENING})?
"""
_TAIL = rf"""
    (?:
        (?P<qpre>前)?(?P<qdi>第)?(?P<q>[一二三四1-4])(?(qpre)个?)(?P<qji>季度|(?(qdi)季(?![度节风军后])|(?(qpre)季(?![度节风军后])|(?!))))
        (?(qpre)|(?P<qend>末|底|初(?![{_NOT_EARLY}]))?)
      | (?<![A-Za-z0-9])[Qq](?P<qq>[1-4])(?![0-9])
      | (?<![A-Za-z0-9])[Hh](?P<hh>[12])(?![0-9A-Za-z])
      | (?P<half>[上下])半年
      | (?P<part>年初|年中|年底|年末|年终|年尾|伊始|过半(?!数)|初|中(?![{_NOT_MID}])|底|末|终|尾)
      | (?P<within>年内|内)
      | (?P<split>{"|".join(YEAR_SPLIT_WORDS)})
      | (?<![0-9.])(?P<m>{_NUM})(?:{_SP}{_RANGE}{_SP}(?P<m2>{_NUM}))?{_SP}月份?
        (?:
            {_SP}{_DAY_TAIL}
          | (?P<xun>{_XUN})
        )?
    )
"""


def _unnamed(pattern: str) -> str:
    """The pattern with its groups renamed (a suffix added), to be repeated in a lookahead."""
    pattern = re.sub(r"\(\?P<(\w+)>", r"(?P<\1_ahead>", pattern)
    return re.sub(r"\(\?\((\w+)\)", r"(?(\1_ahead)", pattern)


# The first lookahead only lets the pattern start where a date can, to keep the scan cheap.
# Head and tail are both optional; the second lookahead asks for one of them, so that the
# pattern never matches empty: an empty match makes the engine try the same place again for
# a longer one, and hands Python a match to throw away (most places it starts at are no
# date). It names nothing, so the matches are the same.
POINT_PATTERN = re.compile(
    rf"(?=[0-9一二三四五六七八九十今去前明后本大同当次翌上下第QqHh民])"
    rf"(?={_unnamed(f'(?:{_YEAR_HEAD}|{_SP}{_TAIL})')})"
    rf"(?P<head>{_YEAR_HEAD})?{_SP}(?P<tail>{_TAIL})?",
    re.VERBOSE,
)
# Parts of a year with their own words: 首季度, 2012年首月, 2023年前十个月, 后两个月, 寒假.
# The words come first, each family in a pattern of its own, so that the engine can skip
# ahead to them; the year before them is read by the builder (``_HEAD_BEFORE``).
FIRST_PART_PATTERN = re.compile("首(?:(?P<qfirst>个?季度?)|(?P<mfirst>月))")
VACATION_PATTERN = re.compile("(?P<vacation>[寒暑])假")
MONTHS_PART_PATTERN = re.compile(
    "(?P<mpart>[前后头首])(?P<mn>[1-9]|1[01]|[一二两三四五六七八九十]|十一)个?月(?!份)"
)
_HEAD_BEFORE = re.compile(rf"(?P<head>{_YEAR_HEAD}){_SP}$", re.VERBOSE)
_ALNUM_BEFORE = re.compile(r"[A-Za-z0-9_.\-/]")
# 零九年, 八五年: two-digit years in Chinese numerals, where a count cannot be meant (年
# first, so that the engine can skip ahead to it).
CHINESE_TWO_DIGIT_YEAR = re.compile("年(?<=[〇零一二三四五六七八九]{2}年)")
BARE_DAY_PATTERN = re.compile(
    rf"(?<![0-9.])(?P<d>[0-9]{{1,2}}){_SP}日(?![元本报均活产常语文军前后内间])(?P<tod>{_EVENING})?"
)
_CENTURY = (
    rf"(?:(?<![0-9])(?P<cent>[0-9]{{2}}|二十一|二十|十九)|(?P<crel>上一?个?|本|这一?个?))"
    rf"{_SP}世纪"
)
# The century may be followed by 的 ("上世纪的八十年代"); the decade is then still its own.
_CENTURY_BEFORE_DECADE = rf"(?:{_CENTURY}{_SP}(?:的{_SP})?)?"
# The lookaheads only let the patterns start where a decade can, to keep the scan cheap.
DECADE_PATTERN = re.compile(
    rf"(?=[0-9一二三四五六七八九十上本这])"
    rf"{_CENTURY_BEFORE_DECADE}(?<![0-9])"
    rf"(?P<dec>[0-9]{{3}}0|[0-9]0|[一二三四五六七八九]十){_SP}年代(?P<part>初期?|中期|末期?|前期|后期)?"
)
# Two decades under one 年代: "八九十年代", "七八十年代", "八、九十年代", "80、90年代",
# "80-90年代". Like "9、10 月", the list is read as the interval from the first to the last.
_DECADE_NUMBER = "(?:1[5-9]|20)[0-9]0|[0-9]0|[一二三四五六七八九]十"
DECADE_PAIR_PATTERN = re.compile(
    rf"(?=[0-9一二三四五六七八九十上本这])"
    rf"{_CENTURY_BEFORE_DECADE}(?<![0-9一二三四五六七八九十])"
    rf"(?:(?P<c1>[一二三四五六七八九])、?(?P<c2>[一二三四五六七八九])十"
    rf"|(?P<n1>{_DECADE_NUMBER}){_SP}[、,，/~\-–—至到]{_SP}(?P<n2>{_DECADE_NUMBER}))"
    rf"{_SP}年代"
)
# 本世纪初 / 上世纪末: the first or last decade of the century.
CENTURY_PART_PATTERN = re.compile(rf"{_CENTURY}之?(?P<part>初|末)")
DECADE_PARTS = {
    "初": "early",
    "初期": "early",
    "前期": "early",
    "中期": "mid",
    "末": "late",
    "末期": "late",
    "后期": "late",
}
# A four-digit year with no 年 ("对六小虎的2025而言") counts only after a word that
# introduces a time and before anything that would make it a quantity.
BARE_YEAR_PATTERN = re.compile(
    r"(?<=[的在于到至从自])(?P<year>(?:19|20)[0-9]{2})(?![0-9A-Za-z.\-/%])"
)
_QUANTITY_AFTER = set(
    "年月日个元万亿千百名人家张块台款次项件篇条位辆米吨美多余倍分点号岁只部座所门间份种首本财"
)
YEAR_RANGE_PATTERN = re.compile(
    rf"{_NOT_AFTER_ALNUM}(?P<y1>(?:1[5-9]|20)[0-9]{{2}}){_SP}[\-–—~至到]{_SP}"
    rf"(?P<y2>(?:1[5-9]|20)[0-9]{{2}}){_SP}年"
)


def _words_pattern(words) -> re.Pattern:
    return re.compile("|".join(sorted(words, key=len, reverse=True)))


BARE_PART_PATTERN = _words_pattern([*BARE_PART_WORDS, *MONTH_START_WORDS, *WITHIN_YEAR_WORDS])
# 月初 / 月底 / 中旬 with no month named: the month of the paragraph, else the reference's.
BARE_XUN_PATTERN = re.compile(
    rf"月(?P<xun>上旬|中旬|下旬|初(?![{_NOT_EARLY}])|中(?![{_NOT_MID}])|底|末(?!期))"
    rf"|(?P<alone>上旬|中旬|下旬)"
)
QUARTER_WORD_PATTERN = _words_pattern(QUARTER_WORDS)
DAY_WORD_PATTERN = _words_pattern(DAY_WORDS)
MONTH_WORD_PATTERN = re.compile(
    rf"(?:{'|'.join(sorted(MONTH_WORDS, key=len, reverse=True))})"
    rf"(?:(?P<xun>{_XUN})|{_SP}(?P<d>{_NUM}){_SP}[日号](?P<tod>{_EVENING})?)?"
)
# 今(21)日, 昨（20）日: Taiwanese papers write the day of a day word in parentheses.
# The parenthesis comes first, so that the engine can skip ahead to it; the day word
# before it is read by the builder.
# Mainland papers restate a whole day word's date the same way: 昨日（22日）, 今天(13号) are
# one mention, the bracketed day checked as in 今(21)日.
CHECKED_DAY_PATTERN = re.compile(
    rf"[(（]{_SP}(?P<d>[0-9]{{1,2}}){_SP}"
    rf"(?:[)）]{_SP}日(?P<tod>{_EVENING})?|(?P<restated>[日号]){_SP}[)）])"
)
_CHECKED_DAY_WORD = re.compile(rf"(?P<word>今|昨|前|明){_SP}$")
_RESTATED_DAY_WORD = re.compile(rf"(?P<word>今|昨|前|明)[日天]{_SP}$")
_CHECKED_DAY_SHIFTS = {"前": -2, "昨": -1, "今": 0, "明": 1}
# Fiscal years: 2024财年, 24财年, 本财年, 2023财年第三季度, 上半财年. The calendar year, marked
# fiscal (a company's fiscal calendar is not known here).
FISCAL_PATTERN = re.compile(
    rf"(?:{_NOT_AFTER_ALNUM}(?P<y4>(?:1[5-9]|20)[0-9]{{2}}|[一二][〇零一二三四五六七八九]{{3}})"
    # A fiscal year over two calendar years: 2023/24财年, 2024-25财年.
    rf"(?:[/\-–](?P<ynext>[0-9]{{2}}))?"
    rf"|{_NOT_AFTER_ALNUM}(?P<y2>[0-9]{{2}})|(?P<rel>本|今|上一?个?|下一?个?|去|明))"
    rf"{_SP}财政?年度?"
    rf"(?:{_SP}(?:第?(?P<q>[一二三四1-4])季度?|(?P<half>[上下])半年|[Qq](?P<qq>[1-4])))?"
    rf"|(?P<fhalf>[上下])半财年"
)
_FISCAL_SHIFTS = {"本": 0, "今": 0, "上": -1, "去": -1, "下": 1, "明": 1}
# 17世纪, 十七世纪, 上世纪 alone: the century (the first year to the 99th after it).
CENTURY_PATTERN = re.compile(
    rf"(?:(?<![0-9])(?P<cent>[0-9]{{1,2}})|(?<![一二三四五六七八九十])(?P<cz>[一二三四五六七八九十]{{1,3}})"
    rf"|(?P<crel>上一?个?|本|这一?个?)){_SP}世纪"
    rf"(?![0-9一二三四五六七八九十初末之中的]|{_SP}[0-9一二三四五六七八九十])"
)
# "1990到95年6月": a four-digit year with no 年 opens a range to a year that has one.
# The year comes first (its boundary is checked by the builder) so that the engine can skip
# ahead to a digit.
YEAR_BEFORE_RANGE_PATTERN = re.compile(
    rf"(?P<year>(?:1[5-9]|20)[0-9]{{2}})"
    rf"(?={_SP}(?:到|至|——|—|-|~){_SP}(?:(?:1[5-9]|20)?[0-9]{{2}}|[〇零一二三四五六七八九]{{2,4}}){_SP}年)"
)
RECENT_PATTERN = _words_pattern(RECENT_WORDS)
FOLLOW_PATTERN = re.compile(
    rf"(?:{'|'.join(sorted(FOLLOW_WORDS, key=len, reverse=True))})(?P<tod>{_TIME_OF_DAY})?"
)


def _preceding(text: str, index: int) -> str:
    """The nearest non-space character before ``index`` ("" at the start)."""
    index -= 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return text[index] if index >= 0 else ""


def _before(text: str, index: int, width: int) -> str:
    """Up to ``width`` characters before ``index``, skipping the spaces right before it."""
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    return text[max(0, index - width) : index]


def _two_digit_year_reads(text: str, start: int, end: int, digits: str) -> bool:
    """Whether "NN年" with nothing after it names a year rather than a count of years."""
    before = _before(text, start, 4)
    following = text[end : end + 3].lstrip(" \t")
    if before.endswith(_YEAR_MARKER_WORDS):
        before = before[:-1]  # "到了98年" reads as "到98年"
    elif before.endswith(_DURATION_BEFORE):
        return False
    if following[:1] in _DURATION_AFTER:
        return False
    if following.startswith("的") and not following[1:].startswith(_YEAR_AFTER_DE):
        return False
    if following.startswith("时") and not following.startswith(_YEAR_AFTER_TIME):
        return False
    # "10~15年", "10到15年", "98、99年": the second number of a range or list of counts.
    if before[-1:] in "~-–—至到、," and before[-2:-1].isdigit():
        return False
    preceding = before[-1:]
    if preceding in _YEAR_MARKERS:
        return True
    # Elsewhere only the years news abbreviates: '70s to '90s, and this century's.
    if _UNLIKELY_TWO_DIGIT_YEARS[0] <= int(digits) <= _UNLIKELY_TWO_DIGIT_YEARS[1]:
        return False
    if following.startswith(_IDIOMS_AFTER):
        return False
    return (
        digits.startswith("0")
        or preceding in _CLAUSE_START
        or preceding == ""
        or preceding in _PRONOUNS
        or _EVENT_AFTER.match(following) is not None
        or following.startswith(_YEAR_AFTER_TIME)
    )


def _quarter_without_du(text: str, match: re.Match, has_head: bool) -> bool:
    """Whether "第二季" (a quarter in traditional-script usage) is one, not a show's season."""
    if has_head:
        return True
    following = text[match.end() : match.end() + 2]
    return _preceding(text, match.start("tail")) not in _TITLE_END and not following.startswith(
        _SEASON_AFTER
    )


def _digits(token: str) -> str:
    """零九 → "09": Chinese numerals written digit by digit, as ASCII digits."""
    return "".join(str(CHINESE_DIGITS[ch]) for ch in token)


def _year_fields(match: re.Match) -> dict | None:
    if match["y4"]:
        if not match["y4"].isdigit() and not match["nian"]:
            return None
        return {"year": year_number(match["y4"])}
    if match["y2"]:
        return {"two_digit_year": int(match["y2"])}
    if match["roc"] or match["roc3"]:
        number = match["roc"] or match["roc3"]
        if number.isdigit():
            number = int(number)
        elif "十" in number:
            number = small_number(number)
        else:
            number = int(_digits(number))  # 民國一一三年, digit by digit
        return {"year": 1911 + number} if number else None
    if match["yrel"]:
        return {"year_shift": YEAR_WORDS[match["yrel"]]}
    if match["yctx"]:
        fields = {"context_year_shift": CONTEXT_YEAR_WORDS[match["yctx"]]}
        return {**fields, "context_only": True} if match["yctx"] == "当年" else fields
    return {}


def _month_and_day(match: re.Match, year: dict) -> Point | Span | str:
    """The month/day/xun part of a point; a string names an impossible date."""
    month = small_number(match["m"])
    if month is None:
        return "not a number"
    if not 1 <= month <= 12:
        return f"impossible month {month}"
    if match["m2"]:
        last = small_number(match["m2"])
        if last is None or not month < last <= 12:
            return f"impossible month range {month}–{last}"
        return Span(Point("month", month=month, **year), Point("month", month=last, **year))
    if match["d"]:
        day = small_number(match["d"])
        last_text = match["d2"] or match["d3"]
        last = small_number(last_text) if last_text else None
        for value in (day, last):
            if value is not None and not 1 <= value <= 31:
                return f"impossible day {value}"
        if day is None or (last_text and (last is None or last <= day)):
            return "not a day"
        first_point = Point("day", month=month, day=day, **year)
        if last is None:
            return first_point
        return Span(first_point, Point("day", month=month, day=last, **year))
    if match["xun"] in TWO_XUN_WORDS:
        first, last = TWO_XUN_WORDS[match["xun"]]
        return Span(
            Point("xun", month=month, index=first, **year),
            Point("xun", month=month, index=last, **year),
        )
    if match["xun"]:
        return Point("xun", month=month, index=XUN_WORDS[match["xun"]], **year)
    return Point("month", month=month, **year)


def _tail(match: re.Match, year: dict, has_head: bool) -> Point | Span | str | None:
    if match["q"] or match["qq"]:
        quarter = QUARTER_NUMBERS[match["q"] or match["qq"]]
        if match["qpre"]:
            return Span(Point("month", month=1, **year), Point("month", month=3 * quarter, **year))
        if match["qend"]:
            # 三季度末: the quarter's last month (季度初 its first), qualifier late / early.
            month = 3 * quarter - 2 if match["qend"] == "初" else 3 * quarter
            return Point("month", month=month, **year)
        return Point("quarter", index=quarter, **year)
    if match["half"]:
        return Point("half", index=1 if match["half"] == "上" else 2, **year)
    if match["hh"]:
        # 2024年H1; a bare "H1" is as often a heading or a strain (H1N1) as a half.
        return Point("half", index=int(match["hh"]), **year) if has_head else None
    if match["within"]:
        return Point("year", **year) if has_head and "two_digit_year" not in year else None
    if match["split"]:
        if year.get("year_shift") != 0:
            return None
        return Point(YEAR_SPLIT_WORDS[match["split"]], year_shift=0)
    if match["part"]:
        if not has_head:
            return None
        if match["part"] == "伊始":
            return Point("month_start", month=1, **year)
        return Point("part", part=PART_WORDS[match["part"]], **year)
    if match["m"]:
        return _month_and_day(match, year)
    return None


def _point(text: str, match: re.Match) -> Candidate | None:
    start, end = match.span()
    if not (match["head"] or match["tail"]):
        return None
    year = _year_fields(match)
    if year is None:
        return None
    if match["yctx"] == "当年" and (
        _preceding(text, start) in _NOT_BEFORE_DANG
        or not (
            match["tail"]
            or text[end : end + 1] in _THAT_YEAR_FOLLOWERS
            or text.startswith(_THAT_YEAR_VERBS, end)
        )
    ):
        return None
    has_head = bool(year)
    # Every alternative of the tail names one of q, qq, half, part, within, split or m.
    has_tail = bool(match["tail"])
    if match["qji"] == "季" and not _quarter_without_du(text, match, has_head):
        return None
    if match["y2"] and match["within"]:
        return None  # "25年内": within 25 years
    if (
        match["y4"]
        and not match["nian"]
        and not (match["part"] or match["q"] or match["qq"] or match["hh"])
    ):
        return None
    if match["y4"] and not match["nian"] and text[start - 2 : start] == "FY":
        return None
    if match["y2"] and not has_tail and not _two_digit_year_reads(text, start, end, match["y2"]):
        return None
    if (
        match["y4"]
        and match["nian"]
        and not has_tail
        and (text[end : end + 1] in ("多", "余") or _preceding(text, start) in ("近", "约", "逾"))
    ):
        return None
    if not has_tail:
        if match["yrel"] and text.startswith(("同期", "同月"), match.end("head")):
            return None  # 去年同期, 去年同月 compare with a period named elsewhere
        return Candidate(start, match.end("head"), Point("year", **year)) if has_head else None
    if not has_head:
        start = match.start("tail")
        if match["m"] and _preceding(text, start) in _COUNT_BEFORE_MONTH:
            return None
    tail = _tail(match, year, has_head)
    if tail is None:
        if not has_head:
            return None
        return Candidate(start, match.end("head"), Point("year", **year))
    if isinstance(tail, str):
        # A bare "13月" is more likely a count or a typo than a date worth a warning.
        return Candidate(start, end, None, problem=tail) if has_head or match["d"] else None
    if match["qend"]:
        return Candidate(start, end, tail, qualifier="early" if match["qend"] == "初" else "late")
    return Candidate(start, end, tail)


def _chinese_two_digit_year(text: str, match: re.Match) -> Candidate | None:
    start, end = match.start() - 2, match.end()
    if text[start - 1 : start] in "〇零一二三四五六七八九十两" and start > 0:
        return None
    digits = _digits(text[start : start + 2])
    if not _two_digit_year_reads(text, start, end, digits):
        return None
    return Candidate(start, end, Point("year", two_digit_year=int(digits)))


def _part_words(groups: dict, year: dict, has_head: bool) -> Point | Span | None:
    if groups.get("qfirst"):
        return Point("quarter", index=1, **year)
    if groups.get("mfirst"):
        return Point("month", month=1, **year) if has_head else None
    if groups.get("vacation"):
        first, last = (1, 2) if groups["vacation"] == "寒" else (7, 8)
        return Span(Point("month", month=first, **year), Point("month", month=last, **year))
    count = small_number(groups["mn"].replace("两", "二"))
    if not count or count > 11:
        return None
    if groups["mpart"] in ("前", "头", "首"):
        return Span(Point("month", month=1, **year), Point("month", month=count, **year))
    return Span(Point("month", month=13 - count, **year), Point("month", month=12, **year))


def _period_part(text: str, match: re.Match) -> Candidate | None:
    start, groups = match.start(), match.groupdict()
    head = _HEAD_BEFORE.search(text, max(0, start - 8), start)
    year = (_year_fields(head) or {}) if head else {}
    if head and head["y4"] and not head["nian"]:
        year = {}
    if head and head["yctx"] == "当年" and _preceding(text, head.start()) in _NOT_BEFORE_DANG:
        year = {}
    has_head = bool(year)
    # "前三个月" alone may count back from an event ("上市前三个月"); "后两个月" is the end
    # of the paragraph's year only where it opens a clause.
    # 头两个月 and 首两个月 are 前两个月 in other words.
    if (
        groups.get("mpart")
        and not has_head
        and (groups["mpart"] != "后" or _preceding(text, start) not in _CLAUSE_START_OR_TEXT_START)
    ):
        return None
    # 首季 with no 度 is a quarter only after a year (今年首季); alone it is a first season.
    if groups.get("qfirst") and not groups["qfirst"].endswith("度") and not has_head:
        return None
    expression = _part_words(groups, year, has_head)
    if expression is None:
        return None
    first = head.start() if has_head else start
    qualifier = "approx" if groups.get("vacation") else None
    return Candidate(first, match.end(), expression, qualifier=qualifier)


def _bare_part(text: str, match: re.Match) -> Candidate | None:
    word = match.group()
    if _preceding(text, match.start()) in _COUNT_BEFORE and word not in MONTH_START_WORDS:
        return None
    if word == "年中" and text[match.end() : match.end() + 1] in _NOT_MID:
        return None
    if word == "开年" and (
        text[match.end() : match.end() + 1] in "会度"
        or _preceding(text, match.start()) in _OPEN_VERBS_BEFORE
    ):
        return None  # 开年会, 召开年终总结会: 开 belongs to another word
    if word == "年终" and text.startswith(_YEAR_END_NOUNS, match.end()):
        return None  # 年终奖, 年终总结: the year-end bonus or review, not a date
    if word in MONTH_START_WORDS:
        return Candidate(*match.span(), Point("month_start", month=1))
    if word in WITHIN_YEAR_WORDS:
        return Candidate(*match.span(), Point("year"))
    return Candidate(*match.span(), Point("part", part=BARE_PART_WORDS[word]))


def _bare_xun(text: str, match: re.Match) -> Candidate | None:
    if _preceding(text, match.start()) in _NOT_BEFORE_MONTH_PART:
        return None
    return Candidate(*match.span(), Point("xun", index=XUN_WORDS[match["xun"] or match["alone"]]))


def _bare_day(text: str, match: re.Match) -> Candidate | None:
    if _preceding(text, match.start()) in _COUNT_BEFORE_DAY:
        return None
    day = int(match["d"])
    if not 1 <= day <= 31:
        return None
    return Candidate(*match.span(), Point("day", day=day))


def _century(match: re.Match) -> dict | None:
    """The century a decade is written in: {"decade": 1900} for 20世纪, a shift for 上世纪."""
    if match["cent"]:
        century = int(match["cent"]) if match["cent"].isdigit() else small_number(match["cent"])
        return {"decade": (century - 1) * 100} if century else None
    if match["crel"]:
        return {"century_shift": -1 if match["crel"].startswith("上") else 0}
    return {}


def _decade(text: str, match: re.Match) -> Candidate | None:
    digits = match["dec"]
    value = int(digits) if digits.isdigit() else small_number(digits)
    century = _century(match)
    if value is None or century is None:
        return None
    part = DECADE_PARTS.get(match["part"] or "")
    if "decade" in century:
        if value >= 100:
            return None
        point = Point("decade", decade=century["decade"] + value, part=part)
    elif value >= 100:
        point = Point("decade", decade=value, part=part)
    else:
        point = Point("decade", two_digit_year=value, part=part, **century)
    return Candidate(*match.span(), point)


def _decade_point(value: int, century: dict) -> Point:
    if value >= 100:
        return Point("decade", decade=value)
    if "decade" in century:
        return Point("decade", decade=century["decade"] + value)
    return Point("decade", two_digit_year=value, **century)


def _decade_number(token: str) -> int | None:
    return int(token) if token.isdigit() else small_number(token)


def _decade_pair(text: str, match: re.Match) -> Candidate | None:
    century = _century(match)
    if century is None:
        return None
    if match["c1"]:
        first, last = (small_number(match[name]) * 10 for name in ("c1", "c2"))
        if last != first + 10:
            return None
    else:
        first, last = (_decade_number(match[name]) for name in ("n1", "n2"))
        if first is None or last is None or (first >= 100 and century):
            return None
        if first >= 100 > last:
            last += first // 100 * 100  # "1980-90年代"
        if (first >= 100) != (last >= 100) or last <= first:
            return None
    head, tail = _decade_point(first, century), _decade_point(last, century)
    return Candidate(*match.span(), Span(head, tail))


def _century_part(text: str, match: re.Match) -> Candidate | None:
    century = _century(match)
    if not century:
        return None
    part = DECADE_PARTS[match["part"]]
    offset = 0 if part == "early" else 90
    if "decade" in century:
        return Candidate(
            *match.span(), Point("decade", decade=century["decade"] + offset, part=part)
        )
    point = Point("decade", two_digit_year=offset, part=part, **century)
    return Candidate(*match.span(), point)


def _bare_year(text: str, match: re.Match) -> Candidate | None:
    following = text[match.end() : match.end() + 2].lstrip(" ")[:1]
    if following in _QUANTITY_AFTER or following.isdigit():
        return None
    return Candidate(*match.span(), Point("year", year=int(match["year"])))


def _year_range(text: str, match: re.Match) -> Candidate | None:
    first, last = int(match["y1"]), int(match["y2"])
    if last <= first:
        return None
    return Candidate(*match.span(), Span(Point("year", year=first), Point("year", year=last)))


def _day_word(text: str, match: re.Match) -> Candidate | None:
    word = match.group()
    following = text[match.end() : match.end() + 1]
    if following and following in _DAY_WORD_NOT_BEFORE.get(word, ""):
        return None
    if word in ("今天", "今日") and _preceding(text, match.start()) in _UNTIL_NOW_BEFORE:
        return None
    return Candidate(*match.span(), Point("relative_day", day_shift=DAY_WORDS[word]))


def _month_word(text: str, match: re.Match) -> Candidate | None:
    cut = match.start("xun") if match["xun"] else match.start("d") if match["d"] else match.end()
    shift = MONTH_WORDS[text[match.start() : cut].rstrip(" \t")]
    if match["d"]:
        day = small_number(match["d"])
        if day is None or not 1 <= day <= 31:
            return None
        return Candidate(*match.span(), Point("day", month_shift=shift, day=day))
    if match["xun"] in TWO_XUN_WORDS:
        return None
    if match["xun"]:
        return Candidate(
            *match.span(), Point("xun", month_shift=shift, index=XUN_WORDS[match["xun"]])
        )
    return Candidate(*match.span(), Point("relative_month", month_shift=shift))


def _checked_day(text: str, match: re.Match) -> Candidate | None:
    if match["restated"]:
        word = _RESTATED_DAY_WORD.search(text, max(0, match.start() - 3), match.start())
    else:
        word = _CHECKED_DAY_WORD.search(text, max(0, match.start() - 2), match.start())
    day = int(match["d"])
    if word is None or not 1 <= day <= 31:
        return None
    shift = _CHECKED_DAY_SHIFTS[word["word"]]
    point = Point("relative_day", day_shift=shift, check_day=day)
    return Candidate(word.start(), match.end(), point)


def _fiscal(text: str, match: re.Match) -> Candidate | None:
    if match["fhalf"]:
        point = Point("half", index=1 if match["fhalf"] == "上" else 2, fiscal=True)
        return Candidate(*match.span(), point)
    if match["y4"] and match["ynext"]:
        first = year_number(match["y4"])
        if int(match["ynext"]) != (first + 1) % 100 or match["q"] or match["qq"] or match["half"]:
            return None
        span = Span(
            Point("year", year=first, fiscal=True), Point("year", year=first + 1, fiscal=True)
        )
        return Candidate(*match.span(), span)
    if match["y4"]:
        year = {"year": year_number(match["y4"])}
    elif match["y2"]:
        year = {"two_digit_year": int(match["y2"])}
    else:
        year = {"year_shift": _FISCAL_SHIFTS[match["rel"][0]]}
    if match["q"] or match["qq"]:
        point = Point(
            "quarter", index=QUARTER_NUMBERS[match["q"] or match["qq"]], fiscal=True, **year
        )
    elif match["half"]:
        point = Point("half", index=1 if match["half"] == "上" else 2, fiscal=True, **year)
    else:
        point = Point("year", fiscal=True, **year)
    return Candidate(*match.span(), point)


def _century_alone(text: str, match: re.Match) -> Candidate | None:
    if match["crel"]:
        shift = -1 if match["crel"].startswith("上") else 0
        return Candidate(*match.span(), Point("century", century_shift=shift))
    number = int(match["cent"]) if match["cent"] else small_number(match["cz"])
    if not number or number > 21:
        return None
    return Candidate(*match.span(), Point("century", decade=(number - 1) * 100))


def _year_before_range(text: str, match: re.Match) -> Candidate | None:
    if _ALNUM_BEFORE.match(text, match.start() - 1) and match.start():
        return None
    return Candidate(*match.span(), Point("year", year=int(match["year"])))


def _recent(text: str, match: re.Match) -> Candidate | None:
    return Candidate(*match.span(), Point("recent"))


def _quarter_word(text: str, match: re.Match) -> Candidate | None:
    return Candidate(
        *match.span(), Point("relative_quarter", quarter_shift=QUARTER_WORDS[match.group()])
    )


def _after_event(text: str, index: int) -> bool:
    """Whether a noun, the name of an event, comes right before ``index`` (首演前一天)."""
    before = _preceding(text, index)
    return bool(HAN_CHARACTER.match(before)) and before not in _NOT_AN_EVENT


def _follow(text: str, match: re.Match) -> Candidate | None:
    word = match.group()[: match.start("tod") - match.start()] if match["tod"] else match.group()
    start = match.start()
    if word.startswith("当") and _preceding(text, start) in _NOT_BEFORE_DANG:
        return None
    point = Point("follow", day_shift=FOLLOW_WORDS[word])
    # Counted from an event named before it (首演前一天, 峰会前夕, 开幕后第二天): the event's
    # date must be the paragraph's last day, or the words are no date (DATES.md).
    if word in _BEFORE_EVENT_WORDS and _after_event(text, start):
        point = Point("follow", day_shift=FOLLOW_WORDS[word], context_only=True)
    elif word in _AFTER_EVENT_WORDS and text[start - 1 : start] == "后":
        if _after_event(text, start - 1) and text[start - 2 : start - 1] not in _NOT_AN_EVENT:
            point = Point("follow", day_shift=FOLLOW_WORDS[word], context_only=True)
    elif word == "前夕":
        # An eve is a day or so before: read only after an event with a dated paragraph.
        if not _after_event(text, start):
            return None
        point = Point("follow", day_shift=-1, context_only=True)
        return Candidate(*match.span(), point, qualifier="approx")
    return Candidate(*match.span(), point)


# A digit before a range word: both year-range rules hold one.
_YEAR_RANGE_KEY = re.compile(r"[0-9][ \t]?[\-–—~至到]")
# The characters the point grammar reads (look-behinds aside; a test checks it against the
# pattern), and those every match it keeps holds: 年, 月, a part or quarter word, Q, or H
# (2024H1, the only kept reading without a character of the key). It runs only over the
# runs of these characters that hold one of the latter: a small part of its lines.
POINT_STRETCHES = Stretches(
    " \t-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz~–—"
    "、〇一七三上下东个中九二五"
    "些今介份企伊信候八六共具内军创初到前北医十半华南去号同后四国外夜大央始季审小尾层年底度当心"
    "数文断方日早旬时明晚月期末本标次欧止步民版科稍稿第等级终美翌至节药衷西见资赛过选部里间零露韩"
    "风高",
    "年月季初中底末终尾过伊QqHh",
)
RULES: tuple[Rule, ...] = (
    Rule(YEAR_RANGE_PATTERN, _year_range, _YEAR_RANGE_KEY, han=True),
    Rule(DECADE_PATTERN, _decade, re.compile("年代"), han=True),
    Rule(DECADE_PAIR_PATTERN, _decade_pair, re.compile("年代"), han=True),
    Rule(CENTURY_PART_PATTERN, _century_part, re.compile("世纪"), han=True),
    # A single class as key: the regex engine skips ahead to it (过半, 伊始, Q3 by 过, 伊, Q).
    # Every rule but this one needs a Chinese character ("2024 Q3" holds none).
    Rule(
        POINT_PATTERN, _point, re.compile("[年月季初中底末终尾过伊Qq]"), stretches=POINT_STRETCHES
    ),
    Rule(FIRST_PART_PATTERN, _period_part, han=True),
    # Keys of plain characters or words are found by string search, far cheaper than the
    # engine's pass over the text for a pattern that opens with a class.
    Rule(VACATION_PATTERN, _period_part, re.compile("假"), han=True),
    Rule(MONTHS_PART_PATTERN, _period_part, re.compile("月"), han=True),
    Rule(CHINESE_TWO_DIGIT_YEAR, _chinese_two_digit_year, han=True),
    Rule(BARE_YEAR_PATTERN, _bare_year, re.compile("[的在于到至从自][12]"), han=True),
    # No key: 年 or 岁 is on most lines, and a key is a pass of its own; the words' first
    # characters let the engine skip ahead by itself.
    Rule(BARE_PART_PATTERN, _bare_part, han=True),
    Rule(BARE_XUN_PATTERN, _bare_xun, re.compile("[月旬]"), han=True),
    # Every quarter word ends in 季度.
    Rule(QUARTER_WORD_PATTERN, _quarter_word, re.compile("季度"), han=True),
    Rule(BARE_DAY_PATTERN, _bare_day, re.compile("日"), han=True),
    Rule(DAY_WORD_PATTERN, _day_word, han=True),
    Rule(MONTH_WORD_PATTERN, _month_word, re.compile("月"), han=True),
    Rule(CHECKED_DAY_PATTERN, _checked_day, re.compile("[日号]"), han=True),
    Rule(FISCAL_PATTERN, _fiscal, re.compile("财"), han=True),
    Rule(CENTURY_PATTERN, _century_alone, re.compile("世纪"), han=True),
    Rule(YEAR_BEFORE_RANGE_PATTERN, _year_before_range, _YEAR_RANGE_KEY, han=True),
    # Every recent word holds 近, 不久 or 日前.
    Rule(RECENT_PATTERN, _recent, re.compile("近|不久|日前"), han=True),
    Rule(FOLLOW_PATTERN, _follow, han=True),
)
