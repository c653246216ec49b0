"""Output formats besides JSON: CSV (one row per event, streamed) and TimelineJS3.

Both take events exactly as `EventSerializer` shapes them, so every format says the same.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator
from datetime import date

from django.utils.html import escape
from rest_framework.renderers import BaseRenderer, JSONRenderer

CSV_COLUMNS = [
    "id",
    "headline",
    "type",
    "date_start",
    "date_end",
    "date_precision",
    "date_qualifier",
    "date_edtf",
    "date_display",
    "status",
    "review",
    "actors",
    "sources",
    "summary",
    "updated_at",
]
# A spreadsheet would run a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def events_of(data) -> list[dict]:
    """The serialized events inside a paginated body, a list, or one event."""
    if isinstance(data, dict) and "results" in data:
        return data["results"]
    if isinstance(data, dict):
        return [data]
    return list(data or [])


class EventCSVRenderer(BaseRenderer):
    """One row per event; actors as `slug:role` and sources as ids, `;`-separated."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return "".join(self.stream(events_of(data))).encode(self.charset)

    def stream(self, events: Iterable[dict]) -> Iterator[str]:
        """The CSV text a line at a time, for a `StreamingHttpResponse`."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)

        def flush() -> str:
            text = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            return text

        writer.writerow(CSV_COLUMNS)
        yield flush()
        for event in events:
            writer.writerow([self.cell(value) for value in self.row(event)])
            yield flush()

    @staticmethod
    def row(event: dict) -> list:
        when = event["date"]
        actors = "; ".join(
            f"{actor['slug']}:{actor['role']}" if actor["role"] else actor["slug"]
            for actor in event["actors"]
        )
        sources = "; ".join(
            str(source_id)
            for source_id in dict.fromkeys(claim["source"]["id"] for claim in event["claims"])
        )
        return [
            event["id"],
            event["headline"],
            event["type"],
            when["start"],
            when["end"],
            when["precision"],
            when["qualifier"],
            when["edtf"],
            when["display"],
            event["status"],
            event["review"],
            actors,
            sources,
            event["summary"],
            event["updated_at"],
        ]

    @staticmethod
    def cell(value) -> str:
        if value is None:
            return ""
        text = str(value)
        return "'" + text if text.startswith(FORMULA_PREFIXES) else text


# How finely each precision lets TimelineJS place a date: (has month, has day).
TIMELINEJS_PARTS = {
    "day": (True, True),
    "xun": (True, False),
    "month": (True, False),
}
EDTF_PART = re.compile(r"[^0-9-]")


def timelinejs_date(iso: str, precision: str, edtf_part: str | None) -> dict:
    """A TimelineJS date with month and day only where the precision reaches them."""
    day = date.fromisoformat(iso)
    if precision == "interval" and edtf_part:
        # An explicit range is as fine as its written ends: `2024-05/2024-06` is months.
        length = len(EDTF_PART.sub("", edtf_part).lstrip("-"))
        has_month, has_day = length >= 7, length >= 10
    else:
        has_month, has_day = TIMELINEJS_PARTS.get(precision, (False, False))
    value = {"year": day.year}
    if has_month:
        value["month"] = day.month
    if has_day:
        value["day"] = day.day
    return value


def timelinejs_event(event: dict) -> dict | None:
    when = event["date"]
    if not when["start"]:
        return None
    edtf_parts = (when["edtf"] or "").split("/")
    start = timelinejs_date(when["start"], when["precision"], edtf_parts[0])
    end = timelinejs_date(when["end"], when["precision"], edtf_parts[-1])
    if when["display"]:
        start["display_date"] = when["display"]
    return {
        "start_date": start,
        "end_date": end,
        # TimelineJS shows these as HTML; article text must not become markup.
        "text": {"headline": escape(event["headline"]), "text": escape(event.get("summary", ""))},
        "group": event["type"],
        "unique_id": f"event-{event['id']}",
    }


class TimelineJSRenderer(JSONRenderer):
    """A TimelineJS3 document of the events in the response; undated events are left out."""

    format = "timelinejs"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = (renderer_context or {}).get("view")
        title = getattr(view, "timeline_title", None) or "Timeline"
        events = [
            converted
            for converted in (timelinejs_event(event) for event in events_of(data))
            if converted is not None
        ]
        document = {"title": {"text": {"headline": escape(title), "text": ""}}, "events": events}
        return super().render(document, accepted_media_type, renderer_context)
