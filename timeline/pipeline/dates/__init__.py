"""Date normalization: date expressions in Chinese (both scripts) and English news text
become inclusive intervals of days with a precision, as DATES.md defines.

Plain Python and deterministic: the reference date is always passed in.
"""

from timeline.pipeline.dates.model import (
    Anchor,
    DateMention,
    DateScan,
    DateWarning,
    ReferenceDate,
)
from timeline.pipeline.dates.periods import display_date
from timeline.pipeline.dates.reference import infer_reference_date, parse_reference
from timeline.pipeline.dates.scan import find_dates

__all__ = [
    "Anchor",
    "DateMention",
    "DateScan",
    "DateWarning",
    "ReferenceDate",
    "display_date",
    "find_dates",
    "infer_reference_date",
    "parse_reference",
]
