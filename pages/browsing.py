"""Reading a filtered page of events for the HTML pages, exactly as the API reads it.

The pages take the API's own filters (`api.filters.EventFilter`), visibility rules and
keyset pagination, so a page and `/api/events/?<same query>` always hold the same events.
"""

from dataclasses import dataclass, field

from django.http import QueryDict

from api.errors import InvalidParameter, ParameterError
from api.filters import EventFilter
from api.pagination import EventPagination
from api.views import visible_events, with_related

# The query parameters that choose events; a shared link, the exports and the "earlier" /
# "later" links carry these and nothing else.
FILTER_PARAMETERS = (
    "q",
    "actor",
    "type",
    "status",
    "after",
    "before",
    "strict",
    "min_precision",
    "source",
    "dated",
    "ordering",
)
# Paging parameters, read by the paginator only.
PAGING_PARAMETERS = ("cursor", "page_size")


@dataclass(frozen=True)
class ApiQuery:
    """What the API's filters and paginator read of a request: its parameters and user."""

    query_params: QueryDict
    user: object


def filter_query(request, *, without=()) -> QueryDict:
    """The request's non-empty filter parameters: a form submits every field, even blank."""
    query = QueryDict(mutable=True)
    for name in FILTER_PARAMETERS:
        if name in without:
            continue
        values = [value.strip() for value in request.GET.getlist(name) if value.strip()]
        if name == "ordering":
            # The pages draw a timeline: oldest or newest first, nothing else.
            values = [value for value in values[:1] if value == "-date"]
        if values:
            query.setlist(name, values)
    return query


@dataclass
class Period:
    label: str
    events: list


@dataclass
class Year:
    year: int
    periods: list[Period] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(self.year)


@dataclass
class EventPage:
    """One keyset page of events, and what the page says around them."""

    filterset: EventFilter
    events: list
    query: QueryDict
    undated: int = 0
    errors: list[ParameterError] = field(default_factory=list)
    next: str | None = None
    previous: str | None = None
    first: str | None = None

    @property
    def needs_date(self) -> bool:
        """This page lists the events that need a date (`dated=false`)."""
        return self.filterset.is_bound and self.filterset.wants_dated is False

    @property
    def years(self) -> list[Year]:
        """The dated events by the year they start in, then by `placement`: an event
        dated no finer than a season or a year is never put in a month."""
        years = []
        for event in self.events:
            if event.date_start is None:
                continue
            year = event.date_start.year
            if not years or years[-1].year != year:
                years.append(Year(year))
            label = placement(event)
            periods = years[-1].periods
            if not periods or periods[-1].label != label:
                periods.append(Period(label, []))
            periods[-1].events.append(event)
        return years

    @property
    def query_string(self) -> str:
        return self.query.urlencode()

    @property
    def needs_date_query(self) -> str:
        """The same filters, listing the events that need a date."""
        query = self.query.copy()
        query["dated"] = "false"
        query.pop("ordering", None)
        return query.urlencode()

    @property
    def newest_first(self) -> bool:
        return self.query.get("ordering") == "-date"


@dataclass
class Filtered:
    """The request's filters, validated by the API's FilterSet."""

    filterset: EventFilter
    query: QueryDict
    asked: ApiQuery
    errors: list[ParameterError]


def placement(event) -> str:
    """Where an event sits on the timeline: the month it lies in (`May 2024`), or, for a
    date coarser than a month, that date as written (`late 2024`, `Q3 2024`, `2024`)."""
    start, end = event.date_start, event.date_end
    if (start.year, start.month) == (end.year, end.month):
        return start.strftime("%B %Y")
    return event.date_display or f"{start.isoformat()} – {end.isoformat()}"


def read_filters(request, *, events=None, without=()) -> Filtered:
    """The API's FilterSet over the visible events (or `events`), bound to the request's
    filter parameters but for those named in `without`, which the page does not offer."""
    user = request.user
    query = filter_query(request, without=without)
    paging = query.copy()
    for name in PAGING_PARAMETERS:
        if request.GET.get(name):
            paging[name] = request.GET[name]
    asked = ApiQuery(paging, user)
    queryset = visible_events(user) if events is None else events
    filterset = EventFilter(data=query, queryset=queryset, request=asked)
    errors = []
    if not filterset.is_valid():
        errors = [
            ParameterError(name, str(message), filterset.accepted_values(name))
            for name, messages in filterset.errors.items()
            for message in messages
        ]
    return Filtered(filterset, query, asked, errors)


def event_page(request, *, events=None, without=()) -> EventPage:
    """The page of events the request's filters and cursor select, with related rows.

    A fixed number of queries whatever the page size: the actors named in the filters,
    the page, its actor links and its claims with their sources, and the undated count.
    Invalid parameters give an empty page and the errors.
    """
    filtered = read_filters(request, events=events, without=without)
    filterset, query = filtered.filterset, filtered.query
    if filtered.errors:
        return EventPage(filterset, [], query, errors=filtered.errors)
    paginator = EventPagination()
    try:
        rows = paginator.paginate_queryset(with_related(filterset.qs, request.user), filtered.asked)
    except InvalidParameter as error:
        return EventPage(filterset, [], query, errors=error.errors)
    page = EventPage(filterset, rows, query, undated=filterset.undated_left_out())
    linked = filtered.asked.query_params.copy()
    linked.pop("cursor", None)
    page.next = cursor_link(paginator, linked, paginator.next_position, reverse=False)
    page.previous = cursor_link(paginator, linked, paginator.previous_position, reverse=True)
    if page.previous:
        page.first = "?" + linked.urlencode()
    return page


def cursor_link(paginator, query: QueryDict, position, *, reverse: bool) -> str | None:
    """A link to the page after (or, reversed, before) the row at `position`."""
    if position is None:
        return None
    linked = query.copy()
    linked["cursor"] = paginator.encode_cursor(position, reverse)
    return "?" + linked.urlencode()


def export_links(base: str, query: QueryDict) -> dict[str, str]:
    """The API's CSV and JSON of the events this page's filters select."""
    links = {}
    for label, fmt in (("CSV", "csv"), ("JSON", "json")):
        exported = query.copy()
        exported["format"] = fmt
        links[label] = f"{base}?{exported.urlencode()}"
    return links
