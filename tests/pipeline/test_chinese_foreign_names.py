"""A foreign person's name written in Chinese: its parts spelled in Han characters and joined
by a dot ("罗伯特·卡尔森"), often longer than any Chinese name. Invented sentences."""

import pytest

from timeline.pipeline.actors import ActorMatcher, alias_key
from timeline.pipeline.dates import find_dates
from timeline.pipeline.recogniser import discover

EMPTY = ActorMatcher([])


def _discovered(text: str, language: str) -> dict:
    dates = [(m.char_start, m.char_end) for m in find_dates(text, reference=None).mentions]
    entries = discover(text, language, [(0, len(text))], EMPTY, dates=dates)
    return {alias_key(alias): entry for entry in entries for alias in entry.aliases}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("英国人罗伯特·卡尔森上周表示将退出比赛。", "zh-Hans", "罗伯特·卡尔森"),
        ("荷兰籍船长威廉·范德堡周二下午抵达码头。", "zh-Hans", "威廉·范德堡"),
        ("阿卜杜勒·拉希德·穆罕默德昨日在记者会上宣布辞职。", "zh-Hans", "阿卜杜勒·拉希德·穆罕默德"),
        ("澳洲學者克里斯多福·韋伯斯特上月獲頒獎章。", "zh-Hant", "克里斯多福·韋伯斯特"),
        ("西班牙廚師伊格納西奧·費爾南德斯前天宣布歇業。", "zh-Hant", "伊格納西奧·費爾南德斯"),
    ],
)
def test_a_long_foreign_name_joined_by_a_dot_is_a_person(text, language, name):
    entry = _discovered(text, language)[alias_key(name)]
    assert (entry.name, entry.kind) == (name, "person")


@pytest.mark.parametrize(
    ("text", "language", "not_a_name"),
    [
        # A short foreign name was read before and still is; no dot, no long name.
        ("德国教练汉斯·穆勒去年上任。", "zh-Hans", "德国教练汉斯·穆勒"),
        # A dot between a brand and a product, or Latin letters, makes no person.
        ("该公司上月推出星河·Pro 2025款手机。", "zh-Hans", "星河·Pro"),
        ("市民张建国昨日报警称家中失窃。", "zh-Hans", "市民张建国昨日"),
    ],
)
def test_what_a_dot_does_not_make_a_person(text, language, not_a_name):
    found = _discovered(text, language)
    assert alias_key(not_a_name) not in found or found[alias_key(not_a_name)].kind != "person"
