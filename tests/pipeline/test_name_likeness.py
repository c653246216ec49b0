"""Names that say two actors may be one: transliteration, acronym, short form; and names
that do not."""

import pytest

from timeline.pipeline.name_likeness import (
    ACRONYM,
    SHORT_FORM,
    TRANSLITERATION,
    likeness,
    likeness_keys,
)

CASES = [
    (["小米"], ["Xiaomi"], False, TRANSLITERATION),
    (["李开复"], ["Li Kaifu"], True, TRANSLITERATION),
    (["李開復"], ["Kai-Fu Li", "Li Kai-fu"], True, TRANSLITERATION),
    (["寧德時代"], ["宁德时代"], False, TRANSLITERATION),
    (["比亚迪"], ["BYD"], False, ACRONYM),
    (["BAAI"], ["Beijing Academy of Artificial Intelligence"], False, ACRONYM),
    (["阿里"], ["阿里巴巴"], False, SHORT_FORM),
    (["Alibaba Group"], ["Alibaba"], False, SHORT_FORM),
    # A sister company, a series member, a given name, two letters, unrelated names.
    (["阿里云"], ["阿里巴巴"], False, None),
    (["Yi"], ["Yi-34B"], False, None),
    (["李开"], ["李开复"], True, None),
    (["小米"], ["XM"], False, None),
    (["零一万物"], ["01.AI"], False, None),
    (["OpenAI"], ["OpenCSG"], False, None),
]


@pytest.mark.parametrize(("first", "second", "people", "expected"), CASES)
def test_likeness(first, second, people, expected):
    assert likeness(first, second, people=people) == expected
    assert likeness(second, first, people=people) == expected


@pytest.mark.parametrize(
    ("first", "second", "people", "expected"), [case for case in CASES if case[3]]
)
def test_names_found_alike_share_an_index_key(first, second, people, expected):
    """The index narrows the pairs to compare; it must keep every pair `likeness` finds."""
    first_keys, first_probes = likeness_keys(first)
    second_keys, second_probes = likeness_keys(second)

    assert (
        (first_keys & second_keys) or (first_probes & second_keys) or (second_probes & first_keys)
    )
