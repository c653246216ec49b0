"""Headlines of strategy turns: where a company turns, or which business it exits."""

import re

from timeline.pipeline.parties import dedupe
from timeline.pipeline.triggers import words

# Where a strategy turns, in English: the first directions its words name.
DIRECTIONS = (
    (
        re.compile(r"\bto ?b\b|b端|企业(?:端|级|客户|市场|服务)|" + words("enterprises?", "b2b")),
        "enterprise customers",
    ),
    (re.compile(r"\bto ?c\b|c端|消费者|个人用户|" + words("consumers?", "b2c")), "consumers"),
    (re.compile(r"海外|出海|国际市场|" + words("overseas", "abroad")), "overseas markets"),
    (re.compile(r"医疗|" + words("healthcare", "medical")), "healthcare"),
    (re.compile(r"小模型|" + words("smaller models?")), "smaller models"),
    (
        re.compile(
            r"行业(?:特定)?(?:的)?(?:大)?模型|垂直|" + words("industry models?", "vertical")
        ),
        "industry-specific models",
    ),
    (re.compile(r"(?<!大模型)应用|" + words("applications?", "apps")), "applications"),
)

_DOMESTIC = re.compile(r"国内|中国市场|" + words("in china", "domestic"))

_TURN = re.compile(
    r"转向|转型|聚焦|专注|" + words("pivot\\w*", "shift\\w*", "turn\\w*", "focus\\w*")
)


def direction(folded: str) -> tuple[str, str]:
    """ "01.AI turns to enterprise customers in China": where a strategy turns, from the
    words after the turning verb ("转向更小的行业特定大模型和AI应用"), else the whole span."""
    turn = _TURN.search(folded)
    target = folded[turn.end() :] if turn else folded
    found = [label for pattern, label in DIRECTIONS if pattern.search(target)]
    if not found and turn:
        found = [label for pattern, label in DIRECTIONS if pattern.search(folded)]
    if not found:
        return "shifts strategy", "shifted strategy"
    where = " and ".join(dedupe(found)[:2])
    if _DOMESTIC.search(folded) and "overseas markets" not in found:
        where += " in China"
    return f"turns to {where}", f"turned to {where}"


_BUSINESS = re.compile(
    r"([^，。,;；]{1,12}?)(?:业务|市场|领域)|"
    r"\b(?:the |its )?((?:[\w-]+ ){0,3}?)(?:business|market)s?\b"
)


def exited_business(folded: str) -> str:
    """What a company exits, in English when it can: "the satellite phone business"."""
    match = _BUSINESS.search(folded)
    if match and match.group(2):
        return f"the {match.group(2)}business".replace("  ", " ")
    return "a business"
