"""The rules' keys only spare the scan lines where a rule cannot match: run with its keys,
a grammar finds the same readings as run over every line."""

from dataclasses import replace

import pytest

from timeline.pipeline.dates.numerals import fold_text
from timeline.pipeline.dates.rules import Paragraphs, run_rules
from timeline.pipeline.dates.scan import GRAMMARS

UNKEYED = tuple(replace(rule, key=None) for rule in GRAMMARS)


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
    ],
)
def test_keys_keep_every_reading(text):
    folded = fold_text(text)
    keyed = list(run_rules(GRAMMARS, Paragraphs(folded)))
    assert keyed
    assert keyed == list(run_rules(UNKEYED, Paragraphs(folded)))
