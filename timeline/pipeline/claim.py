"""The extracted claim: one article's dated statement of one happening.

Also the closed list of event types a claim may carry. Plain Python.
"""

from dataclasses import dataclass

from timeline.pipeline.dates import DateMention

EVENT_TYPES = (
    "founding",
    "funding",
    "model_release",
    "product_launch",
    "partnership",
    "acquisition",
    "restructuring",
    "personnel",
    "financials",
    "pricing",
    "ranking",
    "controversy",
    "rumor",
    "denial",
    "statement",
    "strategy",
    "other",
)


@dataclass(frozen=True)
class ExtractedClaim:
    """One article's statement of one happening, with its exact quote and normalized date."""

    key: str
    event_type: str
    headline: str
    summary: str
    quote: str
    char_start: int
    char_end: int
    date: DateMention | None
    actors: tuple[tuple[str, str], ...]
    # Dated after the article's own reference date without looking ahead (DATES.md): shown
    # to editors and kept off the event's reconciled date. Set by `extract_article`.
    after_source: bool = False
