"""The front of a discovered Chinese name, with no gazetteer: a preposition, an adverb or a
verb a rule ran into the body or the company that is its object ("由|临川市体育局", "将与|市
体育局", "吊销|金星烟花制造有限公司") is cut off, and a name that opens with such a character
as a word of its own keeps it ("将军澳医院"). The sentences are written for these tests, in
both scripts and in Hong Kong, Taiwan and mainland styles."""

import pytest

from timeline.pipeline.actors import ActorMatcher
from timeline.pipeline.dates import find_dates, parse_reference
from timeline.pipeline.recogniser import recognise


def _names(text: str) -> set[str]:
    """Every name the recogniser finds in the text, read as one stretch."""
    scan = find_dates(text, reference=parse_reference("2025-06-20"))
    dates = [(mention.char_start, mention.char_end) for mention in scan.mentions]
    found = recognise(text, "zh-Hans", [(0, len(text))], ActorMatcher([]), dates=dates)
    return {name.text for name in found}


# (text, a name that must be discovered, a name that must not)
FRONTS = [
    (
        "这项赛事2016年首次举办，由临川市体育局与海天集团联合主办。",
        "临川市体育局",
        "由临川市体育局",
    ),
    ("该展览由南江市文化局主办，上月闭幕。", "南江市文化局", "由南江市文化局"),
    ("據林安市林業局昨日通報，蟲害已受控。", "林安市林業局", "據林安市林業局"),
    (
        "县应急管理局上月吊销金星烟花制造有限公司的许可证。",
        "金星烟花制造有限公司",
        "吊销金星烟花制造有限公司",
    ),
    ("該船上月移交國立港灣大學。", "國立港灣大學", "移交國立港灣大學"),
]


@pytest.mark.parametrize(("text", "kept", "cut"), FRONTS)
def test_a_function_word_before_a_name_is_no_part_of_it(text, kept, cut):
    names = _names(text)
    assert kept in names and cut not in names, names


# Names whose first character, read alone, is a function word: the tagger reads it inside
# the name's first word, so it stays.
KEPT = [
    ("將軍澳醫院昨日起暫停夜間急診。", "將軍澳醫院"),
    ("从化区政府上周宣布封闭山路。", "从化区政府"),
]


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_a_name_opening_on_a_function_character_keeps_it(text, kept):
    names = _names(text)
    assert kept in names, names


# (text, the claim's main actor, its start date): a day's first character the tagger runs
# into the name before it ("黃金旺昨|(17)日" read as one name) is cut off at the date.
BEFORE_A_DATE = [
    ("黃志成昨(17)日在業績發表會上表示，營收將成長。", "黃志成", "2025-06-17"),
    ("王大明今(20)日宣布辭去董事長一職。", "王大明", "2025-06-20"),
    ("林國華前(18)日在立法院質詢時提出修法。", "林國華", "2025-06-18"),
]


@pytest.mark.parametrize(("text", "actor", "start"), BEFORE_A_DATE)
def test_a_name_ends_where_a_date_starts(main_actors, text, actor, start):
    claims = main_actors(text, "2025-06-20")
    assert [(name, date) for name, date, _quote in claims] == [(actor, start)], claims


# A district or a body the tagger takes for a person, and the police after a passive's mark.
@pytest.mark.parametrize(
    ("text", "kept", "refused"),
    [
        ("黃大仙區昨日發生火警。", None, "黃大仙區"),
        ("林志強前(3)日遭警方逮捕。", "警方", "遭警方"),
    ],
)
def test_no_person_ends_as_a_district_and_the_police_stand_alone(text, kept, refused):
    scan = find_dates(text, reference=parse_reference("2025-06-20"))
    dates = [(mention.char_start, mention.char_end) for mention in scan.mentions]
    found = recognise(text, "zh-Hant", [(0, len(text))], ActorMatcher([]), dates=dates)
    people = {name.text for name in found if name.kind == "person"}
    names = {name.text for name in found}
    assert refused not in people and refused not in (names - {kept}), found
    assert kept is None or kept in names, found
