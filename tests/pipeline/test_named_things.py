"""Named things and bodies as actors: a distinctive part and a kind noun ("大桥", "颱風",
"自治會", "警方"), a vessel's hull number, a quoted name after its kind; and the words that
keep a kind from being a name."""

import pytest

from timeline.pipeline.actors import ActorMatcher, alias_key
from timeline.pipeline.dates import find_dates
from timeline.pipeline.named_things import load_named_kinds
from timeline.pipeline.recogniser import discover

EMPTY = ActorMatcher([])


def _names(text: str, language: str) -> dict[str, str]:
    dates = [(m.char_start, m.char_end) for m in find_dates(text, reference=None).mentions]
    entries = discover(text, language, [(0, len(text))], EMPTY, dates=dates)
    return {alias_key(alias): entry.name for entry in entries for alias in entry.aliases}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("横跨两岸的青石大桥今日正式通车，大桥全长3公里。", "zh-Hans", "青石大桥"),
        ("白沙公路昨晚发生坍方，交通中断。", "zh-Hans", "白沙公路"),
        ("鸣沙古城遗址去年被列为保护单位。", "zh-Hans", "鸣沙古城遗址"),
        ("位于城南的云湖乐园上月暂停营业，云湖乐园表示将整改。", "zh-Hans", "云湖乐园"),
        ("滨海市消防救援支队当晚救出被困者。", "zh-Hans", "滨海市消防救援支队"),
        ("铁路员工工会昨日宣布罢工。", "zh-Hans", "铁路员工工会"),
        ("去年8月，货轮“远湾128号”在港外搁浅。", "zh-Hans", "远湾128号"),
        ("三月，海丰渔06号在外海失去联系。", "zh-Hans", "海丰渔06号"),
        ("赛事组委会今日发布通报。", "zh-Hans", "赛事组委会"),
        ("北港天后宮今(3)日舉行遶境，天后宮管理委員會表示人潮創新高。", "zh-Hant", "北港天后宮"),
        ("輕度颱風白鷺昨日登陸。白鷺是今年第5個颱風。", "zh-Hant", "白鷺"),
        ("東門夜市自治會於週二召開會員大會。", "zh-Hant", "東門夜市自治會"),
        ("電子業員工協會今早到總部請願。", "zh-Hant", "電子業員工協會"),
        ("動保團體「海洋守護聯盟」上月到場抗議。", "zh-Hant", "海洋守護聯盟"),
        ("九龍警方昨日拘捕兩名男子。", "zh-Hant", "九龍警方"),
    ],
)
def test_a_name_ending_in_a_kind_noun_is_an_actor(text, language, name):
    assert alias_key(name) in _names(text, language)


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("今年高速公路车流量增长5%。", "zh-Hans", "高速公路"),
        ("当地警方昨日到场处理。", "zh-Hans", "当地警方"),
        ("市区三座大桥上月完成检修。", "zh-Hans", "三座大桥"),
        ("该市主题乐园去年接待游客300万人次。", "zh-Hans", "主题乐园"),
        ("风电场最后一台风机上月完成调试。", "zh-Hans", "一台风"),
        ("據碑文記載廟宇曾於清代重修。", "zh-Hant", "記載廟"),
        ("中央氣象署於週一發布海上颱風警報。", "zh-Hant", "海上颱風"),
        ("中央氣象署於週一發布海上颱風警報。", "zh-Hant", "警報"),
        ("市府昨日宣布成立員工工會。", "zh-Hant", "宣布成立員工工會"),
    ],
)
def test_a_kind_noun_alone_or_after_a_generic_word_names_nothing(text, language, word):
    assert alias_key(word) not in _names(text, language)


@pytest.mark.parametrize(
    ("text", "language", "short", "full"),
    [
        # The name without its place joins the full name.
        (
            "江南市翠湖公园上月闭园整修。翠湖公园昨日重新开放。",
            "zh-Hans",
            "翠湖公园",
            "江南市翠湖公园",
        ),
        # A body named after a thing is another actor than the thing.
        (
            "東門夜市自治會於週二召開大會。東門夜市去年獲評十大夜市。",
            "zh-Hant",
            "東門夜市",
            "東門夜市",
        ),
    ],
)
def test_short_forms_of_things(text, language, short, full):
    assert _names(text, language)[alias_key(short)] == full


def test_every_row_of_the_named_kinds_file_has_a_known_sort():
    kinds = load_named_kinds()
    assert kinds["body"] and kinds["place"] and kinds["generic"]
    assert not kinds["body"] & kinds["generic"]
