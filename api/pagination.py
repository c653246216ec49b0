"""Keyset (cursor) pagination over a composite sort key, e.g. (date start, date end, id).

A cursor carries the sort-key values of the row it follows, signed so that a tampered
cursor is a clean 400. Pages are a `WHERE (key) > (cursor) ORDER BY key LIMIT n` that an
index serves: no COUNT, no OFFSET, and a page stays the same while rows are added
elsewhere in the order.
"""

from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from api.errors import InvalidParameter, ParameterError

CURSOR_SALT = "api.pagination.cursor"


@dataclass(frozen=True)
class SortKey:
    """One column of a sort key. NULL sorts as greater than any value, in both directions."""

    field: str
    descending: bool = False
    nullable: bool = False

    def flipped(self) -> "SortKey":
        return SortKey(self.field, not self.descending, self.nullable)

    def expression(self):
        column = F(self.field)
        if not self.nullable:
            return column.desc() if self.descending else column.asc()
        # Matches a plain B-tree index scanned forwards (ASC NULLS LAST) or backwards.
        return column.desc(nulls_first=True) if self.descending else column.asc(nulls_last=True)


def tuple_after(keys: list[SortKey], values: list) -> Q:
    """Rows whose sort key is strictly beyond `values`, as nested ORs."""
    key, value = keys[0], values[0]
    rest = tuple_after(keys[1:], values[1:]) if len(keys) > 1 else None
    field = key.field
    if value is None:
        tail = Q(**{f"{field}__isnull": True}) & rest if rest is not None else Q(pk__in=[])
        return Q(**{f"{field}__isnull": False}) | tail if key.descending else tail
    beyond = Q(**{f"{field}__lt" if key.descending else f"{field}__gt": value})
    if key.nullable and not key.descending:
        beyond |= Q(**{f"{field}__isnull": True})
    if rest is None:
        return beyond
    return beyond | (Q(**{field: value}) & rest)


def segments_after(keys: list[SortKey], values: list) -> list[Q]:
    """The rows after `values`, as conditions to query in turn, each one index range.

    A plain `tuple_after` is an OR that a database can only answer by scanning the index
    from its start. Leading with `first >= value` (or `<=`) bounds the scan; the rows
    whose first key is NULL, which sort after every value, are a second range fetched only
    when the first runs out.
    """
    key, value = keys[0], values[0]
    after = tuple_after(keys, values)
    field = key.field
    if value is None:
        if key.descending:
            return [Q(**{f"{field}__isnull": True}) & after, Q(**{f"{field}__isnull": False})]
        return [Q(**{f"{field}__isnull": True}) & after]
    bound = Q(**{f"{field}__lte" if key.descending else f"{field}__gte": value})
    if key.nullable and not key.descending:
        return [bound & after, Q(**{f"{field}__isnull": True})]
    return [bound & after]


@dataclass(frozen=True)
class Cursor:
    ordering: str
    position: list
    reverse: bool


class KeysetPagination(BasePagination):
    """Cursor pagination; subclasses name their orderings, the first one is the default."""

    orderings: dict[str, list[SortKey]] = {}
    ordering_descriptions: dict[str, str] = {}
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    ordering_query_param = "ordering"
    page_size = 50
    max_page_size = 500
    # Rows an export fetches at a time (and reads the links and claims of in one query
    # each): large enough that the per-query cost vanishes, small enough that a worker's
    # memory stays flat.
    export_batch_size = 2000

    # Set while paginating one request.
    request = None
    written_links: dict | None = None
    next_position = None
    previous_position = None

    def paginate_queryset(self, queryset, request, view=None):
        return self.paginate(
            request,
            queryset.model,
            lambda keys, position, limit: self.fetch(queryset, keys, position, limit),
        )

    def paginate(self, request, model, fetch) -> list:
        """The page the request asks for, from `fetch(keys, position, limit)`, which
        returns up to `limit` rows after `position` (None: from the start) in key order."""
        self.request = request
        self.written_links = {}
        self.page_size = self.requested_page_size(request)
        self.ordering = self.requested_ordering(request)
        cursor = self.decode_cursor(request, model)
        keys = self.orderings[self.ordering]
        if cursor is not None and cursor.reverse:
            keys = [key.flipped() for key in keys]
        rows = fetch(keys, cursor.position if cursor else None, self.page_size + 1)
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if cursor is not None and cursor.reverse:
            rows.reverse()
            has_next, has_previous = True, more
        else:
            has_next, has_previous = more, cursor is not None
        self.next_position = self.position(rows[-1]) if rows and has_next else None
        self.previous_position = self.position(rows[0]) if rows and has_previous else None
        return rows

    @staticmethod
    def fetch(queryset, keys: list[SortKey], position: list | None, limit: int) -> list:
        """Up to `limit` rows after `position` (from the start when None), in key order.

        Each index range is one query, followed by the queryset's prefetches for its rows.
        Most pages lie in one range; a page that reaches the rows whose first key is NULL
        reads the second range, and prefetches for it, only then.
        """
        ordered = queryset.order_by(*(key.expression() for key in keys))
        if position is None:
            return list(ordered[:limit])
        rows = []
        for segment in segments_after(keys, position):
            rows += ordered.filter(segment)[: limit - len(rows)]
            if len(rows) >= limit:
                break
        return rows

    def ordered(self, queryset, request):
        """All of `queryset` in the requested ordering, for a cursor to read through once
        (an export): one query, served in order by the ordering's index."""
        self.ordering = self.requested_ordering(request)
        return queryset.order_by(*(key.expression() for key in self.orderings[self.ordering]))

    def position(self, row) -> list:
        """The sort-key values of a row: a model instance, or a dict from `values()`."""
        keys = self.orderings[self.ordering]
        if isinstance(row, dict):
            return [row[key.field] for key in keys]
        return [getattr(row, key.field) for key in keys]

    # Request parameters

    def requested_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        accepted = f"an integer from 1 to {self.max_page_size}"
        try:
            size = int(raw)
        except ValueError:
            size = None
        if size is None or not 1 <= size <= self.max_page_size:
            raise InvalidParameter(
                [
                    ParameterError(
                        self.page_size_query_param, f"Invalid page size {raw!r}.", accepted
                    )
                ]
            )
        return size

    def requested_ordering(self, request) -> str:
        raw = request.query_params.get(self.ordering_query_param)
        if raw is None or raw == "" or len(self.orderings) == 1:
            return next(iter(self.orderings))
        if raw not in self.orderings:
            raise InvalidParameter(
                [
                    ParameterError(
                        self.ordering_query_param,
                        f"Unknown ordering {raw!r}.",
                        ", ".join(self.orderings),
                    )
                ]
            )
        return raw

    def decode_cursor(self, request, model) -> Cursor | None:
        raw = request.query_params.get(self.cursor_query_param)
        if raw is None or raw == "":
            return None
        invalid = InvalidParameter(
            [
                ParameterError(
                    self.cursor_query_param,
                    "Invalid cursor.",
                    "a cursor exactly as given in the `next` or `previous` link of a response",
                )
            ]
        )
        try:
            payload = signing.loads(raw, salt=CURSOR_SALT)
            ordering, position, reverse = payload["o"], payload["p"], bool(payload["r"])
            keys = self.orderings[ordering]
            if not isinstance(position, list) or len(position) != len(keys):
                raise ValueError("position does not match the sort key")
            if any(isinstance(value, str) and "\x00" in value for value in position):
                raise ValueError("no sort key holds a NUL")
            position = [
                None if value is None else model._meta.get_field(key.field).to_python(value)
                for key, value in zip(keys, position, strict=True)
            ]
        except (signing.BadSignature, KeyError, TypeError, ValueError, ValidationError) as error:
            raise invalid from error
        if ordering != self.ordering:
            raise InvalidParameter(
                [
                    ParameterError(
                        self.cursor_query_param,
                        f"This cursor belongs to ordering={ordering}, not {self.ordering}.",
                        f"a cursor issued for ordering={self.ordering}",
                    )
                ]
            )
        return Cursor(ordering, position, reverse)

    def encode_cursor(self, position: list, reverse: bool) -> str:
        values = [value.isoformat() if hasattr(value, "isoformat") else value for value in position]
        return signing.dumps(
            {"o": self.ordering, "p": values, "r": int(reverse)}, salt=CURSOR_SALT, compress=True
        )

    # Links and responses

    def link(self, position, reverse: bool) -> str | None:
        if position is None:
            return None
        # Each link is written twice, into the body and into `Link`: signing and
        # compressing a cursor costs more than the rest of the link, so once is enough.
        if self.written_links is None:
            self.written_links = {}
        written = self.written_links.get(reverse)
        if written is None or written[0] != position:
            url = self.request.build_absolute_uri()
            link = replace_query_param(
                url, self.cursor_query_param, self.encode_cursor(position, reverse)
            )
            written = self.written_links[reverse] = (position, link)
        return written[1]

    def get_next_link(self) -> str | None:
        return self.link(self.next_position, reverse=False)

    def get_previous_link(self) -> str | None:
        return self.link(self.previous_position, reverse=True)

    def first_page_link(self) -> str:
        return remove_query_param(self.request.build_absolute_uri(), self.cursor_query_param)

    def link_header(self) -> str:
        links = [(self.get_next_link(), "next"), (self.get_previous_link(), "prev")]
        return ", ".join(f'<{url}>; rel="{rel}"' for url, rel in links if url)

    def get_paginated_response(self, data):
        return self.paginated_response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def paginated_response(self, body: dict) -> Response:
        response = Response(body)
        header = self.link_header()
        if header:
            response["Link"] = header
        return response

    # Schema

    def get_schema_operation_parameters(self, view):
        parameters = [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque position from the `next` or `previous` link of a "
                "previous response. Pages stay stable while events are added.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Results per page (default {self.page_size}).",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                    "default": self.page_size,
                },
            },
        ]
        if len(self.orderings) > 1:
            described = "; ".join(
                f"`{name}`: {text}" for name, text in self.ordering_descriptions.items()
            )
            parameters.append(
                {
                    "name": self.ordering_query_param,
                    "required": False,
                    "in": "query",
                    "description": f"Sort order. {described}",
                    "schema": {
                        "type": "string",
                        "enum": list(self.orderings),
                        "default": next(iter(self.orderings)),
                    },
                }
            )
        return parameters

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }


DATE_KEYS = [
    SortKey("date_start", nullable=True),
    SortKey("date_end", nullable=True),
    SortKey("id"),
]
UPDATED_KEYS = [SortKey("updated_at"), SortKey("id")]


def reverse_keys(keys: list[SortKey]) -> list[SortKey]:
    return [key.flipped() for key in keys]


class EventPagination(KeysetPagination):
    """Event lists: a page of events, and how many undated ones the filters left out."""

    orderings = {
        "date": DATE_KEYS,
        "-date": reverse_keys(DATE_KEYS),
        "updated": UPDATED_KEYS,
        "-updated": reverse_keys(UPDATED_KEYS),
    }
    ordering_descriptions = {
        "date": "by date start, then date end (narrower first), then id; undated events are "
        "left out unless `dated=false`",
        "-date": "the exact reverse of `date`",
        "updated": "least recently changed first, undated events included",
        "-updated": "most recently changed first, undated events included",
    }

    def get_paginated_response_schema(self, schema):
        body = super().get_paginated_response_schema(schema)
        body["required"] = [*body["required"], "undated"]
        body["properties"] = {
            **body["properties"],
            "undated": {
                "type": "integer",
                "description": "Undated events the filters match that this list leaves out "
                "(date-ordered lists hold them only with `dated=false`).",
            },
        }
        return body


class TimelinePagination(KeysetPagination):
    orderings = {"date": DATE_KEYS, "-date": reverse_keys(DATE_KEYS)}
    ordering_descriptions = {
        "date": "by date start, then date end, then id",
        "-date": "the exact reverse of `date`",
    }


class ActorPagination(KeysetPagination):
    orderings = {"name": [SortKey("name"), SortKey("id")]}


class SourcePagination(KeysetPagination):
    orderings = {"id": [SortKey("id")]}
