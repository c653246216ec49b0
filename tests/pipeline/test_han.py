"""The shared Han-character pattern: one definition the readers and the date grammar use."""

import pytest

from timeline.pipeline import chinese_names, named_things, recogniser, short_forms, whole_names
from timeline.pipeline.dates import rules, scan
from timeline.pipeline.han import HAN_CHARACTER, HAN_RUN


@pytest.mark.parametrize("char", ["零", "萬", "乾", "㐀", "鿿"])
def test_a_han_character_matches(char):
    assert HAN_CHARACTER.fullmatch(char)


@pytest.mark.parametrize("char", ["A", "1", "，", "。", "「", " ", "々", "가", "\uf900"])
def test_other_characters_do_not(char):
    assert HAN_CHARACTER.match(char) is None


def test_a_run_stops_at_punctuation_and_latin():
    assert HAN_RUN.findall("零一万物，01.AI发布Yi-Large模型") == ["零一万物", "发布", "模型"]


def test_every_reader_uses_the_one_pattern():
    modules = (chinese_names, named_things, recogniser, short_forms, whole_names, rules, scan)
    for module in modules:
        shared = [value for value in vars(module).values() if value in (HAN_CHARACTER, HAN_RUN)]
        assert shared, module.__name__
