"""Timeline buckets: a page of events grouped by the year, quarter or month of their start.

Grouping happens in Python over the page already fetched, so the timeline costs the same
queries as the event list and never aggregates over the whole table.
"""

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

GROUPS = ("year", "quarter", "month")


@dataclass
class Bucket:
    period: str
    start: date
    end: date
    events: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.events)


def bucket_of(day: date, group: str) -> tuple[str, date, date]:
    """The period label and the first and last day of the bucket holding `day`."""
    if group == "year":
        return str(day.year), date(day.year, 1, 1), date(day.year, 12, 31)
    if group == "quarter":
        quarter = (day.month - 1) // 3 + 1
        first_month = 3 * quarter - 2
        last_month = first_month + 2
        return (
            f"{day.year}-Q{quarter}",
            date(day.year, first_month, 1),
            date(day.year, last_month, monthrange(day.year, last_month)[1]),
        )
    if group == "month":
        return (
            f"{day.year}-{day.month:02d}",
            date(day.year, day.month, 1),
            date(day.year, day.month, monthrange(day.year, day.month)[1]),
        )
    raise ValueError(f"unknown group {group!r}; one of {', '.join(GROUPS)}")


def group_events(events, group: str, *, start_of=lambda event: event.date_start) -> list[Bucket]:
    """Consecutive events (already in date order, all dated) gathered into buckets.

    `start_of` reads an event's start date: an attribute of a model instance by default.
    """
    buckets = []
    for (period, start, end), members in groupby(
        events, key=lambda event: bucket_of(start_of(event), group)
    ):
        buckets.append(Bucket(period, start, end, list(members)))
    return buckets
