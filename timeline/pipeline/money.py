"""Money in a span: amounts, share moves and funding rounds, written in English.

Plain Python.
"""

import re

from timeline.pipeline.cues import AMOUNT_QUALIFIERS, CURRENCY_CODES, MEASURES, MONEY, SCALES
from timeline.pipeline.triggers import words


def money_phrase(folded: str) -> str | None:
    """The first amount of money in a span, in English: "USD 1 billion", "RMB 100 million"."""
    amounts = money_amounts(folded)
    return amounts[0][2] if amounts else None


def money_amounts(folded: str) -> list[tuple[int, int, str]]:
    """Every amount of money in a span: (start, end, "USD 1 billion")."""
    found = []
    for match in MONEY.finditer(folded):
        currency = match.group("cur1") or match.group("cur2")
        scale = match.group("scale")
        if not currency or not (scale or match.group("cur1")):
            continue
        value = float(match.group("num")) * SCALES.get(scale or "", 1)
        code = CURRENCY_CODES.get(currency, "RMB")
        if value >= 1e9:
            amount = f"{value / 1e9:g} billion"
        elif value >= 1e6:
            amount = f"{value / 1e6:g} million"
        else:
            amount = f"{value:,.0f}"
        about = AMOUNT_QUALIFIERS.get(match.group("about") or "", "")
        found.append((match.start(), match.end(), f"{about}{code} {amount}"))
    return found


# A share price's move and its size: "股价在开盘后暴跌38%", "股價一度下跌9%".
SHARE_MOVE = re.compile(
    r"(?:股价|股票)[^，。,;；]{0,16}?(?P<verb>暴跌|大跌|下跌|下挫|重挫|跳水|暴涨|大涨|上涨|飙升"
    r"|走高|收涨|收跌|跌|涨)(?:了|逾|超过?|近|约)?\s*(?P<change>\d[\d.]*\s*%)"
)


def measures_named(folded: str, limit: int) -> list[str]:
    """The financial measures named before `limit`, in text order; a word inside a longer
    one ("利润" in "净利润") is not named again."""
    found = sorted(
        (match.start(), -match.end(), label)
        for pattern, label in MEASURES
        for match in pattern.finditer(folded, 0, limit)
    )
    named, reach = [], -1
    for start, negative_end, label in found:
        if start >= reach:
            named.append(label)
            reach = -negative_end
    return named


def round_amounts(folded: str) -> tuple[str | None, str | None]:
    """(amount raised, valuation) of a funding round: the valuation is the amount written
    right before "估值" ("10亿美元估值") or right after "valuation of" / "valued at"."""
    amounts = money_amounts(folded)
    valuation = None
    for word in VALUATION.finditer(folded):
        for start, end, phrase in amounts:
            if 0 <= word.start() - end <= 2 or 0 <= start - word.end() <= 8:
                valuation = (start, phrase)
                break
        if valuation:
            break
    raised = next((p for s, _, p in amounts if not valuation or s != valuation[0]), None)
    return raised, (valuation[1] if valuation else None)


VALUATION = re.compile(r"估值|" + words("valuation", "valued"))
