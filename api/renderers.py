"""Output formats: JSON written by orjson, CSV (one row per event, streamed), TimelineJS3,
and the browsable API that browsers get.

CSV and TimelineJS take events exactly as `EventSerializer` shapes them, so every format
says the same, and both say how many matching events they leave out for want of a date.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator
from datetime import date
from urllib.parse import urlsplit

import orjson
from django.urls import Resolver404, resolve
from django.utils.html import escape
from rest_framework.renderers import BaseRenderer, BrowsableAPIRenderer, JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

from api.titles import UNFILTERED, undated_note
from timeline.pipeline.reconcile import PRECISION_RANK

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
    # Added after the first columns, so that readers of those find them where they were.
    "claim_count",
    "best_quote",
    "best_quote_source",
    "best_quote_publisher",
    "best_quote_published",
    "best_quote_published_inferred",
    # The same number on every row: the file stays one table a spreadsheet sorts as is.
    "undated_left_out",
]
# A spreadsheet would run a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class ORJSONRenderer(JSONRenderer):
    """DRF's JSON, compact and UTF-8 as before, written by orjson: a page of events is
    serialized several times faster. Values orjson does not know (lazy translations,
    decimals) go through DRF's encoder."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        # Instants, dates and times too, so that they read as everywhere else in the API.
        return orjson.dumps(
            data, default=JSONEncoder().default, option=orjson.OPT_PASSTHROUGH_DATETIME
        )


def events_of(data) -> list[dict]:
    """The serialized events inside a paginated body, a list, or one event."""
    if isinstance(data, dict) and "results" in data:
        return data["results"]
    if isinstance(data, dict):
        return [data]
    return list(data or [])


def best_claim(claims: list[dict]) -> dict | None:
    """The claim with the most precise date, one dated after its source last; ties go to
    the narrower interval, then to the first listed. Undated claims come after dated ones."""

    def rank(indexed: tuple[int, dict]) -> tuple:
        position, claim = indexed
        when = claim["date"]
        if not when["start"]:
            return (claim.get("after_source", False), len(PRECISION_RANK) + 1, 0, position)
        span = (date.fromisoformat(when["end"]) - date.fromisoformat(when["start"])).days
        precision = PRECISION_RANK.get(when["precision"], len(PRECISION_RANK))
        return (claim.get("after_source", False), precision, span, position)

    if not claims:
        return None
    return min(enumerate(claims), key=rank)[1]


class EventCSVRenderer(BaseRenderer):
    """One row per event; actors as `slug:role` and sources as ids, `;`-separated; the
    best-dated claim's quote and source; and, in the last column, how many undated events
    the filters matched but the file leaves out."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"
    rows_per_write = 200

    def render(self, data, accepted_media_type=None, renderer_context=None):
        undated = data.get("undated", 0) if isinstance(data, dict) else 0
        return "".join(self.stream(events_of(data), undated_left_out=undated)).encode(self.charset)

    def stream(self, events: Iterable[dict], *, undated_left_out: int = 0) -> Iterator[str]:
        """The CSV text for a `StreamingHttpResponse`: the header at once, then the rows a
        few hundred at a time, each piece one write to the client rather than one per row."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        cell = self.cell

        def flush() -> str:
            text = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            return text

        writer.writerow(CSV_COLUMNS)
        yield flush()
        pending = 0
        for event in events:
            writer.writerow([*map(cell, self.row(event)), undated_left_out])
            pending += 1
            if pending == self.rows_per_write:
                yield flush()
                pending = 0
        if pending:
            yield flush()

    def stream_rows(self, rows: Iterable[tuple], *, undated_left_out: int = 0) -> Iterator[str]:
        """As `stream`, from rows already flat (`timeline.selectors.export_rows`): each row
        the columns but the last, as strings, numbers or None."""
        buffer = io.StringIO()
        writerows = csv.writer(buffer).writerows
        prefixes = FORMULA_PREFIXES
        writerows([CSV_COLUMNS])
        pending = []
        for row in rows:
            pending.append(
                [
                    "'" + value if value.__class__ is str and value.startswith(prefixes) else value
                    for value in row
                ]
            )
            pending[-1].append(undated_left_out)
            if len(pending) == self.rows_per_write:
                writerows(pending)
                pending.clear()
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        writerows(pending)
        yield buffer.getvalue()

    def stream_text(self, lines: Iterable[str]) -> Iterator[str]:
        """As `stream_rows`, from pieces of CSV text already written by the database
        (`timeline.csv_export.export_text`, given `FORMULA_PREFIXES`): the header first."""
        buffer = io.StringIO()
        csv.writer(buffer).writerow(CSV_COLUMNS)
        yield buffer.getvalue()
        yield from lines

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
            len(event["claims"]),
            *best_quote_cells(best_claim(event["claims"])),
        ]

    @staticmethod
    def cell(value) -> str:
        if value is None:
            return ""
        text = str(value)
        return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def best_quote_cells(claim: dict | None) -> list:
    if claim is None:
        return [None] * 5
    source = claim["source"]
    return [
        claim["quote"],
        source["title"],
        source["publisher"],
        source["published"],
        source["published_inferred"],
    ]


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


class TimelineJSRenderer(ORJSONRenderer):
    """A TimelineJS3 document of the events in the response, titled after the filters.

    TimelineJS can place no undated event: the title's text says how many matching events
    it leaves out for that reason, and `undated` gives the number.
    """

    format = "timelinejs"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = (renderer_context or {}).get("view")
        title = getattr(view, "timeline_title", None) or UNFILTERED
        undated = getattr(view, "timeline_undated", 0)
        events = [
            converted
            for converted in (timelinejs_event(event) for event in events_of(data))
            if converted is not None
        ]
        document = {
            "title": {"text": {"headline": escape(title), "text": escape(undated_note(undated))}},
            "events": events,
            "undated": undated,
        }
        return super().render(document, accepted_media_type, renderer_context)


# The name of the route that answers unknown paths under /api/ (`api.urls`).
NOT_FOUND_ROUTE = "api-not-found"


class APIPageRenderer(BrowsableAPIRenderer):
    """DRF's browsable API, titled for this project.

    Its breadcrumbs resolve every prefix of the path, and `/api/events` (no slash) falls
    to the catch-all 404 route: such crumbs are left out.
    """

    template = "api/browsable.html"

    def get_breadcrumbs(self, request):
        return [
            (name, url)
            for name, url in super().get_breadcrumbs(request)
            if route_name(urlsplit(url).path) != NOT_FOUND_ROUTE
        ]


def route_name(path: str) -> str | None:
    try:
        return resolve(path).url_name
    except Resolver404:
        return None
