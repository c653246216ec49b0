"""Wording: what a claim is called, its type, key and English clause, and the names in it.

Plain Python.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from timeline.pipeline.context import ArticleContext
from timeline.pipeline.cues import LEAVING, SALE
from timeline.pipeline.triggers import INVEST


def names(context: ArticleContext, slugs: Sequence[str]) -> str:
    names = [context.name(slug) for slug in slugs]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def sale_topic(folded: str) -> str | None:
    if SALE.search(folded):
        return "sale"
    if LEAVING.search(folded):
        return "departures"
    if INVEST.search(folded):
        return "investment"
    return None


@dataclass(frozen=True)
class Wording:
    """What a claim is called: its type and key, and one English clause, "subject verb…", in
    the present for the headline and in the past for the summary."""

    event_type: str
    key: str
    subject: str
    present: str
    past: str
    # "Reports", "Senior staff": a subject that is no name, lower-cased after a date.
    generic: bool = False
    # The past clause already names the date ("reported revenue … for 2024").
    period_in_words: bool = False

    @property
    def headline(self) -> str:
        return f"{self.subject} {self.present}"
