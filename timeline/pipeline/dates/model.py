"""The values the date normalizer hands out: reference dates, mentions, warnings.

Frozen dataclasses with JSON-ready ``as_dict`` methods; no behaviour beyond display.
"""

from dataclasses import dataclass
from datetime import date

from timeline.pipeline.dates.periods import display_date


@dataclass(frozen=True)
class ReferenceDate:
    """The period relative expressions are resolved against (DATES.md "reference date")."""

    start: date
    end: date
    precision: str
    basis: str

    @property
    def display(self) -> str:
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.isoformat()[:7]
        return str(self.start.year)


@dataclass(frozen=True)
class Anchor:
    """What a relative (or context-dated) expression was resolved against."""

    date: str
    basis: str

    def as_dict(self) -> dict:
        return {"date": self.date, "basis": self.basis}


@dataclass(frozen=True, init=False)
class DateMention:
    """One date expression found in a text, as an inclusive interval of days."""

    text: str
    char_start: int
    char_end: int
    start: date | None
    end: date | None
    precision: str
    qualifier: str | None
    edtf: str | None
    anchor: Anchor | None

    def __init__(
        self,
        text: str,
        char_start: int,
        char_end: int,
        start: date | None,
        end: date | None,
        precision: str,
        qualifier: str | None,
        edtf: str | None,
        anchor: Anchor | None,
    ) -> None:
        # One per mention of a long text: stored in one go rather than through the frozen
        # dataclass's object.__setattr__ for each field (the same signature as before).
        self.__dict__.update(
            text=text,
            char_start=char_start,
            char_end=char_end,
            start=start,
            end=end,
            precision=precision,
            qualifier=qualifier,
            edtf=edtf,
            anchor=anchor,
        )

    @property
    def display(self) -> str | None:
        if self.start is None or self.end is None:
            return None
        return display_date(self.start, self.end, self.precision, self.qualifier)

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "qualifier": self.qualifier,
            "edtf": self.edtf,
            "anchor": self.anchor.as_dict() if self.anchor else None,
        }


@dataclass(frozen=True)
class DateWarning:
    """Something that looks like a date but cannot be one (2023年13月, 2月30日)."""

    text: str
    char_start: int
    char_end: int
    message: str

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "message": self.message,
        }


@dataclass(frozen=True)
class DateScan:
    """Everything ``find_dates`` found in one text, in text order."""

    mentions: tuple[DateMention, ...]
    warnings: tuple[DateWarning, ...]
