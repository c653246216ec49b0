"""Reconciling an event's date from its claims, as DATES.md "Disagreeing sources" says.

Overlapping claims are consistent and the event takes their intersection; claims with no
common day make it disputed, keeping an editor's interval or the earliest most-precise claim.
A claim dated after its own source is a misreading (DATES.md): it is left out, and an event
whose every dated claim is such a one has no date, with a note saying why.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

# Finest first. An explicit interval is ranked by its span, like the periods around it.
PRECISION_RANK = {
    "day": 0,
    "week": 1,
    "xun": 2,
    "month": 3,
    "interval": 4,
    "quarter": 5,
    "part": 6,
    "half": 7,
    "year": 8,
    "decade": 9,
    "century": 10,
}

CONSISTENT = "consistent"
DISPUTED = "disputed"
UNRESOLVED = "unresolved"


@dataclass(frozen=True)
class DatedInterval:
    """An interval of days with how it was written: one claim's date, or an event's."""

    start: date | None
    end: date | None
    precision: str = ""
    qualifier: str | None = None
    edtf: str | None = None
    # Only claims carry it: dated after their own source, so no evidence of the event's date.
    after_source: bool = False

    @property
    def is_dated(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def span_days(self) -> int:
        return (self.end - self.start).days + 1

    def sort_key(self) -> tuple:
        return (PRECISION_RANK.get(self.precision, len(PRECISION_RANK)), self.span_days, self.start)


UNDATED = DatedInterval(start=None, end=None)


ONLY_AFTER_SOURCE = "every dated claim is dated after its own source"


@dataclass(frozen=True)
class Reconciled:
    date: DatedInterval
    status: str
    # Why claims with dates left the event undated; empty otherwise.
    note: str = ""


def reconcile_dates(
    claims: Sequence[DatedInterval], *, editor_date: DatedInterval | None = None
) -> Reconciled:
    """The event's date and status from its claims' dates.

    `editor_date`, when given, is kept as the event's date whatever the claims say; the
    status still reports whether the claims agree, so a dispute stays visible.
    """
    dated = [claim for claim in claims if claim.is_dated and not claim.after_source]
    note = ""
    if not dated:
        status = UNRESOLVED
        chosen = UNDATED
        if any(claim.is_dated for claim in claims):
            note = ONLY_AFTER_SOURCE
    else:
        common_start = max(claim.start for claim in dated)
        common_end = min(claim.end for claim in dated)
        if common_start <= common_end:
            status = CONSISTENT
            chosen = _intersection(dated, common_start, common_end)
        else:
            status = DISPUTED
            chosen = min(dated, key=DatedInterval.sort_key)
    if editor_date is not None and editor_date.is_dated:
        chosen = editor_date
        if status == UNRESOLVED:
            status = CONSISTENT
        note = ""
    return Reconciled(date=chosen, status=status, note=note)


def _intersection(dated: Sequence[DatedInterval], start: date, end: date) -> DatedInterval:
    """The common days, described by the most precise claim that covers exactly them."""
    exact = [claim for claim in dated if claim.start == start and claim.end == end]
    if exact:
        return min(exact, key=DatedInterval.sort_key)
    # Partly overlapping claims ("April–May" and "May–June"): the common days are narrower
    # than any claim, so the event is dated by the plain interval.
    if start == end:
        return DatedInterval(start=start, end=end, precision="day", edtf=start.isoformat())
    return DatedInterval(
        start=start,
        end=end,
        precision="interval",
        edtf=f"{start.isoformat()}/{end.isoformat()}",
    )
