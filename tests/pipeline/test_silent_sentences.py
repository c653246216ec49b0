"""Dated sentences that tell no happening give no claim: a comparison with an earlier date, a
state over a period, a plan in the period the article is written in. These are the kinds a
last-resort reading of silent dated sentences claimed (benchmarks/README.md, "A last-resort
gate, tried"); any wider gate must keep them silent. The sentences are written for these
tests, in English and both Chinese scripts."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        # A comparison with an earlier date.
        "如今青禾乳业的口碑已经远不如去年。",
        "松濤巴士公司今年的乘客量明顯不如前年。",
        "Attendance at Brackwater Zoo is lower than it was in 2022.",
        # A state over a period.
        "白石渔业合作社今年5月共有社员420人。",
        "Harbourside Rowing Club has had a difficult first half of the year.",
        # A plan in the period the article is written in.
        "白石渔业合作社本月将完成新码头建设。",
        "Kelmford Council will open the new library later this month.",
    ],
)
def test_a_dated_sentence_that_tells_no_happening_is_no_claim(extraction_of, text):
    assert [claim.quote for claim in extraction_of(text).claims] == []
