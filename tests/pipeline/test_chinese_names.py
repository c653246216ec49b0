"""The Chinese name readers: which tagged word shapes name a work."""

import pytest

from timeline.pipeline.chinese_names import names_a_work

# Tagged words: an action's noun and a common noun alone are a plan, a work or a document
# ("搬迁方案"); a head naming people or a body ("救援队员", "养蜂合作社", "运输署") is not,
# nor is any other shape.
WORK_SHAPES = [
    ([("搬迁", "vn"), ("方案", "n")], True),
    ([("申报", "vn"), ("材料", "n")], True),
    ([("报名", "vn"), ("通道", "n")], True),
    ([("救援", "vn"), ("队员", "n")], False),
    ([("养蜂", "vn"), ("合作社", "n")], False),
    ([("运输", "vn"), ("署", "n")], False),
    ([("督导", "vn"), ("组", "n")], False),
    ([("新", "a"), ("方案", "n")], False),
    ([("旧城", "n"), ("改造", "vn"), ("方案", "n")], False),
]


@pytest.mark.parametrize(("words", "a_work"), WORK_SHAPES)
def test_an_actions_noun_and_a_common_noun_name_a_work(words, a_work):
    assert names_a_work(words) is a_work
