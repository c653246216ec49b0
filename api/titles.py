"""Titles for exported timelines, written from the filters that selected their events.

A TimelineJS document stands alone once downloaded, so its title says what it holds
("01.AI, May 2024 – Jan 2025", "Disputed events") and "Timeline" only when nothing was
filtered out; the same goes for the note on the events that need a date.
"""

from api.filters import PartialDate
from timeline.models import DateStatus, EventType, Precision

UNFILTERED = "Timeline"


def period_text(day: PartialDate) -> str:
    """`2024`, `May 2024` or `13 May 2024`, as precise as the parameter was written."""
    parts = day.text.count("-")
    if parts == 0:
        return str(day.first.year)
    if parts == 1:
        return day.first.strftime("%b %Y")
    return f"{day.first.day} {day.first.strftime('%b %Y')}"


def period_phrase(after: PartialDate | None, before: PartialDate | None) -> str | None:
    if after and before:
        first, last = period_text(after), period_text(before)
        return first if first == last else f"{first} – {last}"
    if after:
        return f"since {period_text(after)}"
    if before:
        return f"until {period_text(before)}"
    return None


def kind_phrase(cleaned: dict) -> str | None:
    """`disputed model release events`, `events that need a date`, `dated events`, or None
    when any event will do."""
    words = []
    if cleaned.get("status"):
        words.append(DateStatus(cleaned["status"]).label.lower())
    types = cleaned.get("type") or []
    if types:
        words.append(" or ".join(EventType(value).label.lower() for value in types))
    dated = cleaned.get("dated")
    if not words and dated is None:
        return None
    if not words and dated:
        words.append("dated")
    phrase = " ".join([*words, "events"])
    if dated is False:
        phrase += " that need a date"
    return phrase


def timeline_title(cleaned: dict, *, actor_name: str | None = None) -> str:
    """The title of the events these cleaned filter values select (on an actor's timeline,
    `actor_name`), in the order actor, kind, period, precision, source, text."""
    parts = []
    actors = [actor.name for actor in cleaned.get("actor") or []]
    if actor_name:
        parts.append(actor_name + (f" with {' or '.join(actors)}" if actors else ""))
    elif actors:
        parts.append(" or ".join(actors))
    kind = kind_phrase(cleaned)
    if kind:
        parts.append(kind)
    period = period_phrase(cleaned.get("after"), cleaned.get("before"))
    if period:
        parts.append(period)
    if cleaned.get("min_precision"):
        precision = Precision(cleaned["min_precision"]).label.lower()
        parts.append(f"dated to the {precision} or finer")
    if cleaned.get("source"):
        parts.append(f"from “{cleaned['source'].title}”")
    if cleaned.get("q"):
        parts.append(f"matching “{cleaned['q']}”")
    if not parts:
        return UNFILTERED
    title = ", ".join(parts)
    return title[0].upper() + title[1:]


def undated_note(count: int) -> str:
    """What a timeline says of the matching events it cannot place for want of a date."""
    if count == 0:
        return ""
    if count == 1:
        return "1 event needs a date and is not shown."
    return f"{count} events need a date and are not shown."
