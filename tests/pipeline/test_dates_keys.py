"""The rules' keys only spare the scan lines where a rule cannot match: run with its keys,
a grammar finds the same readings as run over every line."""

import re._constants as sre
import re._parser as sre_parse
from dataclasses import replace

import pytest

from timeline.pipeline.dates.numerals import fold_text
from timeline.pipeline.dates.rules import Paragraphs, run_rules
from timeline.pipeline.dates.scan import GRAMMARS

UNKEYED = tuple(replace(rule, key=None, stretches=None) for rule in GRAMMARS)


def _class_reads(items) -> set[str]:
    read = set()
    for op, value in items:
        if op is sre.LITERAL:
            read.add(chr(value))
        elif op is sre.RANGE:
            read.update(map(chr, range(value[0], value[1] + 1)))
        else:
            raise AssertionError(f"a class the check cannot bound: {op}")
    return read


def _reads(parsed) -> set[str]:
    """Every character an element of a parsed pattern can read, look-behinds aside (they
    read before where the scan starts, the same text either way)."""
    read: set[str] = set()
    for op, value in parsed:
        if op is sre.LITERAL:
            read.add(chr(value))
        elif op is sre.IN:
            read |= _class_reads(value)
        elif op is sre.BRANCH:
            for branch in value[1]:
                read |= _reads(branch)
        elif op is sre.SUBPATTERN:
            read |= _reads(value[3])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            read |= _reads(value[2])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if value[0] >= 0:
                read |= _reads(value[1])
        elif op is sre.GROUPREF_EXISTS:
            for branch in value[1:]:
                if branch is not None:
                    read |= _reads(branch)
        elif op is not sre.AT:
            raise AssertionError(f"an element the check cannot bound: {op}")
    return read


STRETCHED = [rule for rule in GRAMMARS if rule.stretches is not None]


@pytest.mark.parametrize("rule", STRETCHED, ids=lambda rule: rule.pattern.pattern[:20])
def test_a_stretched_pattern_reads_only_its_alphabet(rule):
    parsed = sre_parse.parse(rule.pattern.pattern, rule.pattern.flags)
    assert _reads(parsed) <= set(rule.stretches.alphabet)


def test_the_alphabet_check_sees_lookaheads_and_not_lookbehinds():
    assert _reads(sre_parse.parse("(?<=x)(?=[，a])b")) == {"，", "a", "b"}
    with pytest.raises(AssertionError):
        _reads(sre_parse.parse("[^a]"))


@pytest.mark.parametrize(
    "text",
    [
        "今年寒假期间，游客增多。\n暑假",
        "前三个月营收增长；后两个月\n前11个月份",
        "上季度营收下降，本季度\n下个季度回暖。",
        "5月(3)日晚间发布\n（12）日",
        "近日，公司宣布；不久前\n前不久、日前、最近、近来、近期",
        "周三晚上开会\n星期五、礼拜天、周末",
        "汶川5·12地震\n本届于3·15召开",
        "2024年3月中旬\n月初\n第三季度末\nQ3",
        "He left on Monday, March 5, 2024.\nearly 2023\nthe start of 2020",
        "2024年5月8日停产，当月亏损；前一周\n大年初二、年初三\n同月",
        "It fell in the three months to June.\nthe year to March 2025\nin recent days",
        "Sales fell in fiscal 2023's fourth quarter.\nthe first quarter of fiscal 2024",
        "2024H1营收，同比增长；2023年H2（下半年）\n“2025年”、5月3日。今年稍早，去年内",
        "（2024年）3月，2024Q3：“二〇二三年底”《2022年报》「10月」！15日？",
    ],
)
def test_keys_keep_every_reading(text):
    folded = fold_text(text)
    keyed = list(run_rules(GRAMMARS, Paragraphs(folded)))
    assert keyed
    assert keyed == list(run_rules(UNKEYED, Paragraphs(folded)))


PATTERN_KEYS = sorted(
    {(rule.key, rule.lower) for rule in GRAMMARS if rule.key is not None},
    key=lambda pair: (pair[0].pattern, pair[1]),
)


@pytest.mark.parametrize(
    "text",
    [
        "2024年3月至5月，农历正月初三\n5天前，两天后；次月\n于1日、在2日",
        "1998-2001年\n2023/05/06 and 05/06/2023\nfrom 2019 to 2021, Q3 and H1 of FY2024",
        "in the 1990s\nfiscal 2023 began; 2020 – 2022\n闰二月，腊月廿三；月初",
        "January 5\n\nno date here\n2024年\n最近几天",
    ],
)
def test_one_pass_finds_the_lines_of_each_key_as_a_search_per_key_does(text):
    folded = fold_text(text)
    shared = Paragraphs(folded)
    shared.find_keys(PATTERN_KEYS)
    spans = {pair: shared.spans(pair[0], lower=pair[1]) for pair in PATTERN_KEYS}
    assert any(spans.values())
    for key, lower in PATTERN_KEYS:
        alone = Paragraphs(folded)
        assert spans[key, lower] == alone._find_spans(key, lower), key.pattern
