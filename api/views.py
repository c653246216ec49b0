"""The API's views: thin glue between filters, pagination, serializers and `timeline`.

Reads run a fixed number of queries per request (the page, then one query per related
table). JSON event lists, actor timelines and the timeline read their filters with
`api.event_params` and their rows with the hand-written SQL of `timeline.event_queries`,
and write the body with orjson themselves; any other format, and any filter value that
parser leaves to django-filter (every 400 among them), goes through the FilterSet and
builds its body from plain rows with `timeline.selectors`. Both give the serializers'
shape; single events, actors and sources go through the serializers. Writes of events and
actors go through `timeline.curation`.
"""

import orjson
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import router
from django.db.models import Prefetch
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, serializers, status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse

from api import loading, titles
from api.authentication import AnonymousWithoutCredentialsMixin
from api.caching import ConditionalGetMixin, under_version
from api.errors import ErrorSerializer, InvalidParameter, ParameterError
from api.event_params import event_filters
from api.filters import (
    ActorFilter,
    EventFilter,
    SourceFilter,
    involving_actors,
    sees_rejected_actors,
    visible_actors,
)
from api.grouping import GROUPS, group_events
from api.pagination import ActorPagination, EventPagination, SourcePagination, TimelinePagination
from api.renderers import (
    FORMULA_PREFIXES,
    APIPageRenderer,
    EventCSVRenderer,
    ORJSONRenderer,
    TimelineJSRenderer,
)
from api.serializers import (
    ActorSerializer,
    CompactEventSerializer,
    EventSerializer,
    EventWriteSerializer,
    SourceDetailSerializer,
    SourceSerializer,
    TimelineSerializer,
)
from timeline import csv_export, curation, event_queries, selectors
from timeline.models import Actor, ActorReview, Claim, Event, EventActor, Review, Source

EDITOR_PERMISSION = "timeline.change_event"

ERROR_400 = OpenApiResponse(ErrorSerializer, description="A parameter or field is invalid.")
ERROR_401 = OpenApiResponse(ErrorSerializer, description="Not authenticated.")
ERROR_403 = OpenApiResponse(ErrorSerializer, description="Missing the model permission.")
ERROR_404 = OpenApiResponse(ErrorSerializer, description="No such id or slug.")
READ_ERRORS = {400: ERROR_400, 404: ERROR_404}
WRITE_ERRORS = {400: ERROR_400, 401: ERROR_401, 403: ERROR_403, 404: ERROR_404}


def visible_events(user):
    """Rejected events are kept for the record but shown only to editors.

    The search text, as long as all of an event's quotes together, is only filtered on.
    """
    events = Event.objects.all() if user.has_perm(EDITOR_PERMISSION) else Event.objects.public()
    return events.defer("search_text")


def visible_links(user):
    """An event's actor links as the user may see them: rejected actors only to editors."""
    links = EventActor.objects.select_related("actor")
    if sees_rejected_actors(user):
        return links
    return links.exclude(actor__review=ActorReview.REJECTED)


def with_related(events, user):
    """`Event.objects.with_related()`, with the actor links the user may see."""
    return events.prefetch_related(
        Prefetch("event_actors", queryset=visible_links(user)),
        Prefetch("claims", queryset=Claim.objects.select_related("source")),
    )


def visible_claims(user):
    if user.has_perm(EDITOR_PERMISSION):
        return Claim.objects.all()
    return Claim.objects.exclude(event__review=Review.REJECTED)


def newest_update(rows: list[dict]):
    return max((row["updated_at"] for row in rows), default=None)


def event_rows(queryset, columns=selectors.EVENT_COLUMNS):
    """The filtered events as plain rows of the columns the page builders read."""
    return queryset.prefetch_related(None).values(*columns)


def json_page(paginator, body: dict) -> HttpResponse:
    """A page as `ORJSONRenderer` writes it (its values are all plain JSON already), with
    the pagination links in `Link`; DRF's response rendering is skipped."""
    response = HttpResponse(orjson.dumps(body), content_type=ORJSONRenderer.media_type)
    header = paginator.link_header()
    if header:
        response["Link"] = header
    return response


def fast_filters(view, *, actor_id: int | None = None):
    """The event filters of a JSON read, parsed by hand, with the database it reads; None
    when the FilterSet must read them (another format, or a value it must judge)."""
    request = view.request
    if request.accepted_renderer.format != ORJSONRenderer.format:
        return None, None
    db = router.db_for_read(Event)
    return event_filters(request.query_params, request.user, db, actor_id=actor_id), db


def undated_left_out(version: str | None, db: str, filters) -> int:
    """How many undated events the filters match that a list of dated events leaves out
    (none when the list holds undated events). Every page of the same filters but the
    dates has the same count: it is counted once per data version."""
    if not filters.dated:
        return 0
    kept = filters.not_about_dates()
    return under_version(
        version, "undated", f"{db}\n{kept!r}", lambda: event_queries.undated_count(db, kept)
    )


def event_page_response(request, paginator, filters, db: str, version: str | None):
    """The JSON page of events the filters select, from hand-written SQL
    (`timeline.event_queries`), and the newest `updated_at` on it. `request` is DRF's, or
    anything with its `query_params`, `user` and `build_absolute_uri()`."""
    rows = paginator.paginate(
        request,
        Event,
        lambda keys, position, limit: event_queries.page_rows(
            db, filters, selectors.EVENT_COLUMNS, keys, position, limit
        ),
    )
    last_modified = newest_update(rows)
    undated = undated_left_out(version, db, filters)
    results = event_queries.event_page(
        db, rows, with_rejected_actors=sees_rejected_actors(request.user)
    )
    response = json_page(
        paginator,
        {
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "undated": undated,
            "results": results,
        },
    )
    return response, last_modified


class EventListMixin:
    """Answers a filtered event queryset as a JSON/TimelineJS page or a streamed CSV file.

    Every answer says how many undated events the filters matched but the list left out
    (`undated`); a TimelineJS document, which can place no undated event, is titled after
    the filters and says how many of them it cannot show.
    """

    renderer_classes = [ORJSONRenderer, APIPageRenderer, EventCSVRenderer, TimelineJSRenderer]
    # Set by the filter backend (`api.filters.ParameterFilterBackend`).
    filterset = None
    # The name of the actor whose timeline this is, if any: it leads the export's title.
    timeline_actor = None

    def fast_event_list(self, *, actor_id: int | None = None):
        """The JSON page of events from hand-written SQL (`timeline.event_queries`):
        exactly what `event_list_response` answers, or None when that must answer."""
        filters, db = fast_filters(self, actor_id=actor_id)
        if filters is None:
            return None
        response, self.last_modified = event_page_response(
            self.request, self.paginator, filters, db, self.version
        )
        return response

    def event_list_response(self, queryset):
        if self.request.accepted_renderer.format == "csv":
            return self.csv_response(queryset)
        rows = self.paginate_queryset(event_rows(queryset))
        self.last_modified = newest_update(rows)
        if self.request.accepted_renderer.format == "timelinejs":
            self.describe_timeline()
            undated = self.timeline_undated if self.filterset.wants_dated else 0
        else:
            undated = self.filterset.undated_left_out()
        paginator = self.paginator
        return paginator.paginated_response(
            {
                "next": paginator.get_next_link(),
                "previous": paginator.get_previous_link(),
                "undated": undated,
                "results": selectors.event_page(
                    rows, with_rejected_actors=sees_rejected_actors(self.request.user)
                ),
            }
        )

    def describe_timeline(self) -> None:
        """The TimelineJS title, and how many matching events it cannot place (all the
        undated ones, whether or not the page holds them)."""
        self.timeline_title = titles.timeline_title(
            self.filterset.form.cleaned_data, actor_name=self.timeline_actor
        )
        self.timeline_undated = self.filterset.undated_count()

    def csv_response(self, queryset):
        """Every matching event, not one page, read through one cursor and written while
        streaming, with two more queries per batch (links, claims): on PostgreSQL the
        database writes the lines (`timeline.csv_export`), elsewhere Python does."""
        renderer = self.request.accepted_renderer
        undated = self.filterset.undated_left_out()
        paginator = self.paginator
        events = paginator.ordered(queryset.prefetch_related(None), self.request)
        with_rejected_actors = sees_rejected_actors(self.request.user)
        if csv_export.supported(events.db):
            # The same bytes, written by the database beside this process.
            body = renderer.stream_text(
                csv_export.export_text(
                    events,
                    with_rejected_actors=with_rejected_actors,
                    undated_left_out=undated,
                    formula_prefixes=FORMULA_PREFIXES,
                    batch_size=paginator.export_batch_size,
                )
            )
        else:
            rows = selectors.export_rows(
                events,
                with_rejected_actors=with_rejected_actors,
                batch_size=paginator.export_batch_size,
            )
            body = renderer.stream_rows(rows, undated_left_out=undated)
        response = StreamingHttpResponse(body, content_type=f"{renderer.media_type}; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="events.csv"'
        return response


FORMAT_NOTE = (
    "Undated events (they need a date) are left out of date-ordered lists unless "
    "`dated=false`; `undated` says how many the filters matched but the list left out. "
    "`?format=csv` streams every matching event as CSV (cursor and page size do not apply; "
    "the last column, `undated_left_out`, repeats that count); `?format=timelinejs` renders "
    "the page as a TimelineJS3 document titled after the filters, whose title text says how "
    "many matching events it cannot show for want of a date (pagination links in the "
    "`Link` header)."
)


@extend_schema_view(
    list=extend_schema(
        summary="Events, filtered and cursor-paginated",
        description="Events in date order (by start, then end, then id). " + FORMAT_NOTE,
        responses={200: EventSerializer(many=True), **READ_ERRORS},
    ),
    retrieve=extend_schema(
        summary="One event",
        description="The event's date, actors and every claim: the quote, its date as "
        "written and normalized, what a relative date was resolved against, and its source. "
        "A rejected event is found only by editors.",
        responses={200: EventSerializer, **READ_ERRORS},
    ),
    create=extend_schema(
        summary="Create an event (needs timeline.add_event)",
        description="Authenticate with a token (`Authorization: Token …`) or a session. The "
        "new event has no claims; `review` may be set at once. Answers 201 with the event and "
        "its URL in `Location`.",
        request=EventWriteSerializer,
        responses={201: EventSerializer, **WRITE_ERRORS},
    ),
    update=extend_schema(
        summary="Replace an event's fields (needs timeline.change_event)",
        description="Sets the headline, summary, type, date and actors; those left out are "
        "emptied (`date` becomes null, `actors` an empty list). Changing the date or the "
        "headline marks the event edited: reloading the articles then leaves it as the editor "
        "left it.",
        request=EventWriteSerializer,
        responses={200: EventSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change some of an event's fields (needs timeline.change_event)",
        description="Changing the date or the headline marks the event edited: reloading the "
        "articles then leaves it as the editor left it.",
        request=EventWriteSerializer,
        responses={200: EventSerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(
        summary="Delete an event (needs timeline.delete_event)",
        description="Deletes the event and its claims. To hide an event from the public but "
        "keep it for the record, set its `review` to `rejected` instead.",
        responses={204: None, **WRITE_ERRORS},
    ),
)
class EventViewSet(
    AnonymousWithoutCredentialsMixin, ConditionalGetMixin, EventListMixin, viewsets.ModelViewSet
):
    queryset = Event.objects.all()
    serializer_class = EventSerializer
    filterset_class = EventFilter
    pagination_class = EventPagination
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        if self.action == "list":
            # Read only for its model by the permission check: the list builds its own.
            return Event.objects.all()
        return with_related(visible_events(self.request.user), self.request.user)

    def filter_queryset(self, queryset):
        # The filters choose among the events of a list. An event named by its id is found
        # whatever they would say: an undated one too, which a date-ordered list leaves out
        # (it was a 404 to read, edit or delete).
        if self.detail:
            return queryset
        return super().filter_queryset(queryset)

    def get_renderers(self):
        # CSV and TimelineJS export what was read; a write answers with the event as JSON
        # (an unknown `?format=` on a write is a 400 naming the formats it has).
        if self.action in ("create", "update", "partial_update", "destroy"):
            return [ORJSONRenderer(), APIPageRenderer()]
        return super().get_renderers()

    def list(self, request, *args, **kwargs):
        fast = self.fast_event_list()
        if fast is not None:
            return fast
        # The page builders fetch the relations themselves, a few columns each.
        return self.event_list_response(self.filter_queryset(visible_events(request.user)))

    def retrieve(self, request, *args, **kwargs):
        event = self.get_object()
        self.last_modified = event.updated_at
        return Response(EventSerializer(event).data)

    def create(self, request, *args, **kwargs):
        data = self.validated_input(partial=False)
        with curation_errors():
            event = curation.create_event(
                headline=data["headline"],
                type=data["type"],
                summary=data.get("summary", ""),
                date=date_input(data.get("date")),
                actors=actor_input(data.get("actors", [])),
                user=request.user,
            )
            if "review" in data:
                event = curation.update_event(
                    event=event, changes={"review": data["review"]}, user=request.user
                )
        location = reverse("event-detail", kwargs={"pk": event.pk}, request=request)
        return Response(
            self.fresh(event), status=status.HTTP_201_CREATED, headers={"Location": location}
        )

    def update(self, request, *args, **kwargs):
        partial = kwargs.get("partial", False)
        event = self.get_object()
        data = self.validated_input(partial=partial)
        changes = {
            field: data[field]
            for field in ("headline", "summary", "type", "review")
            if field in data
        }
        if "date" in data:
            changes.update(date_changes(data["date"]))
        actors = actor_input(data["actors"]) if "actors" in data else None
        with curation_errors():
            event = curation.update_event(
                event=event, changes=changes, actors=actors, user=request.user
            )
        return Response(self.fresh(event))

    def destroy(self, request, *args, **kwargs):
        curation.delete_event(event=self.get_object(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def validated_input(self, *, partial: bool) -> dict:
        serializer = EventWriteSerializer(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def fresh(self, event: Event) -> dict:
        return EventSerializer(Event.objects.with_related().get(pk=event.pk)).data


class curation_errors:
    """Turns a model validation error raised by `timeline.curation` into a 400."""

    FIELDS = {
        "date_start": "date.start",
        "date_end": "date.end",
        "date_precision": "date.precision",
        "date_qualifier": "date.qualifier",
        "date_edtf": "date.edtf",
    }

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if isinstance(error, DjangoValidationError):
            if hasattr(error, "error_dict"):
                detail = {
                    self.FIELDS.get(field, field): messages
                    for field, messages in error.message_dict.items()
                }
            else:
                detail = error.messages
            raise serializers.ValidationError(detail) from error
        return False


def date_input(date: dict | None) -> dict | None:
    if date is None:
        return None
    return {
        "start": date["start"],
        "end": date["end"],
        "precision": date["precision"],
        "qualifier": date.get("qualifier") or None,
        "edtf": date.get("edtf") or None,
    }


def date_changes(date: dict | None) -> dict:
    if date is None:
        return dict.fromkeys(curation.DATE_FIELDS, None)
    return {
        "date_start": date["start"],
        "date_end": date["end"],
        "date_precision": date["precision"],
        "date_qualifier": date.get("qualifier") or "",
        "date_edtf": date.get("edtf") or "",
    }


def actor_input(actors: list[dict]) -> list[tuple[Actor, str]]:
    return [(link["actor"], link.get("role") or "") for link in actors]


def alias_input(aliases: list[dict]) -> list[tuple[str, str]]:
    return [(alias["alias"], alias.get("language") or "") for alias in aliases]


@extend_schema(
    summary="Events grouped into periods",
    description=(
        "The same filters as /api/events/, grouped by the year, quarter or month of each "
        "event's start. Undated events are left out (`dated=false` is a 400); `undated` says "
        "how many the filters matched. The timeline is cursor-paginated by "
        "events, like the event list: a page holds at most `page_size` events, so a period "
        "can continue on the next page; a client that wants a whole range follows `next` "
        "and merges buckets with the same `period`. `count` is the number of the period's "
        "events on this page."
    ),
    filters=True,
    parameters=[
        OpenApiParameter(
            "cursor",
            OpenApiTypes.STR,
            description="Opaque position from the `next` or `previous` link of a response.",
        ),
        OpenApiParameter(
            "page_size",
            OpenApiTypes.INT,
            default=TimelinePagination.page_size,
            description=f"Events per page, 1 to {TimelinePagination.max_page_size}.",
        ),
        OpenApiParameter(
            "ordering",
            OpenApiTypes.STR,
            enum=list(TimelinePagination.orderings),
            default="date",
            description="Chronological or reverse chronological.",
        ),
        OpenApiParameter(
            "group",
            OpenApiTypes.STR,
            enum=list(GROUPS),
            default="month",
            description="The period events are grouped by.",
        ),
    ],
    responses={200: TimelineSerializer, **READ_ERRORS},
    examples=[
        OpenApiExample(
            "One month",
            value={
                "group": "month",
                "next": None,
                "previous": None,
                "undated": 9,
                "buckets": [
                    {
                        "period": "2024-05",
                        "start": "2024-05-01",
                        "end": "2024-05-31",
                        "count": 1,
                        "events": [
                            {
                                "id": 7,
                                "headline": "01.AI releases Yi-Large",
                                "type": "model_release",
                                "date": {
                                    "start": "2024-05-01",
                                    "end": "2024-05-31",
                                    "precision": "month",
                                    "qualifier": None,
                                    "edtf": "2024-05",
                                    "display": "May 2024",
                                },
                                "status": "consistent",
                                "actors": ["01-ai", "yi-large"],
                            }
                        ],
                    }
                ],
            },
        )
    ],
)
class TimelineView(AnonymousWithoutCredentialsMixin, ConditionalGetMixin, generics.GenericAPIView):
    queryset = Event.objects.all()
    serializer_class = CompactEventSerializer
    filterset_class = EventFilter
    pagination_class = TimelinePagination
    renderer_classes = [ORJSONRenderer, APIPageRenderer]

    def get_queryset(self):
        return visible_events(self.request.user)

    def get(self, request, *args, **kwargs):
        group = request.query_params.get("group") or "month"
        if group not in GROUPS:
            raise InvalidParameter(
                [ParameterError("group", f"Unknown group {group!r}.", ", ".join(GROUPS))]
            )
        filters, db = fast_filters(self)
        if filters is not None:
            if filters.dated is False:
                raise self.undated_refused()
            rows = self.paginator.paginate(
                request,
                Event,
                lambda keys, position, limit: event_queries.page_rows(
                    db, filters, selectors.COMPACT_EVENT_COLUMNS, keys, position, limit
                ),
            )
            compact = event_queries.compact_event_page(
                db, rows, with_rejected_actors=sees_rejected_actors(request.user)
            )
            undated = undated_left_out(self.version, db, filters)
        else:
            events = self.filter_queryset(self.get_queryset())
            if self.filterset.wants_dated is False:
                raise self.undated_refused()
            rows = self.paginate_queryset(event_rows(events, selectors.COMPACT_EVENT_COLUMNS))
            compact = selectors.compact_event_page(
                rows, with_rejected_actors=sees_rejected_actors(request.user)
            )
            undated = self.filterset.undated_left_out()
        self.last_modified = newest_update(rows)
        buckets = [
            {
                "period": bucket.period,
                "start": bucket.start.isoformat(),
                "end": bucket.end.isoformat(),
                "count": bucket.count,
                "events": [event for _, event in bucket.events],
            }
            for bucket in group_events(
                zip(rows, compact, strict=True), group, start_of=lambda pair: pair[0]["date_start"]
            )
        ]
        body = {
            "group": group,
            "next": self.paginator.get_next_link(),
            "previous": self.paginator.get_previous_link(),
            "undated": undated,
            "buckets": buckets,
        }
        if filters is not None:
            return json_page(self.paginator, body)
        return self.paginator.paginated_response(body)

    @staticmethod
    def undated_refused() -> InvalidParameter:
        return InvalidParameter(
            [
                ParameterError(
                    "dated",
                    "The timeline groups events by date; undated events have none.",
                    "true (/api/events/?dated=false lists the events that need a date)",
                )
            ]
        )


@extend_schema_view(
    list=extend_schema(
        summary="Actors, with kind, review state and aliases",
        description="Rejected actors are left out; editors list them with `?review=rejected`.",
        responses={200: ActorSerializer(many=True), **READ_ERRORS},
    ),
    retrieve=extend_schema(
        summary="One actor",
        description="The actor's kind, review state and the names it is written as, in every "
        "script. A rejected actor is found only by editors.",
        responses={200: ActorSerializer, **READ_ERRORS},
    ),
    create=extend_schema(
        summary="Create an actor (needs timeline.add_actor)",
        description="`aliases` lists the names the actor is written as; two aliases that "
        "differ only in script or case are one alias. New actors are `curated`.",
        responses={201: ActorSerializer, **WRITE_ERRORS},
    ),
    update=extend_schema(
        summary="Replace an actor (needs timeline.change_actor)",
        description="Sets the name, kind, description and the whole list of aliases.",
        responses={200: ActorSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change an actor (needs timeline.change_actor)",
        description="Changes the fields sent; `aliases`, when sent, replaces the whole list.",
        responses={200: ActorSerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(
        summary="Delete an actor (needs timeline.delete_actor)",
        description="Deletes the actor and its links to events; the events stay. To keep the "
        "extractor from linking a name again, reject the actor in the admin instead.",
        responses={204: None, **WRITE_ERRORS},
    ),
)
class ActorViewSet(
    AnonymousWithoutCredentialsMixin, ConditionalGetMixin, EventListMixin, viewsets.ModelViewSet
):
    queryset = Actor.objects.with_aliases()
    serializer_class = ActorSerializer
    filterset_class = ActorFilter
    pagination_class = ActorPagination
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    renderer_classes = [JSONRenderer, APIPageRenderer]

    def get_queryset(self):
        user = self.request.user
        if self.action == "events":
            return visible_events(user)
        actors = visible_actors(user).with_aliases()
        if self.action == "list" and self.request.query_params.get("review") != "rejected":
            # Rejected actors stay out of lists unless an editor asks for them.
            actors = actors.exclude(review=ActorReview.REJECTED)
        return actors

    @extend_schema(
        summary="An actor's timeline",
        description="The actor's events, with the same filters as /api/events/. " + FORMAT_NOTE,
        filters=True,
        responses={200: EventSerializer(many=True), **READ_ERRORS},
    )
    @action(
        detail=True,
        methods=["get"],
        queryset=Event.objects.all(),
        filterset_class=EventFilter,
        pagination_class=EventPagination,
        serializer_class=EventSerializer,
        renderer_classes=EventListMixin.renderer_classes,
    )
    def events(self, request, slug=None):
        actor = get_object_or_404(visible_actors(request.user).only("id", "name"), slug=slug)
        self.timeline_actor = actor.name
        fast = self.fast_event_list(actor_id=actor.pk)
        if fast is not None:
            return fast
        queryset = involving_actors(self.get_queryset(), [actor.pk])
        return self.event_list_response(self.filter_queryset(queryset))

    def perform_create(self, serializer):
        data = serializer.validated_data
        with curation_errors():
            serializer.instance = curation.create_actor(
                slug=data["slug"],
                name=data["name"],
                kind=data["kind"],
                description=data.get("description", ""),
                aliases=alias_input(data.get("aliases", [])),
                user=self.request.user,
            )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        aliases = data.pop("aliases", None)
        with curation_errors():
            serializer.instance = curation.update_actor(
                actor=serializer.instance,
                changes=data,
                aliases=alias_input(aliases) if aliases is not None else None,
                user=self.request.user,
            )

    def perform_destroy(self, instance):
        curation.delete_actor(actor=instance, user=self.request.user)


@extend_schema_view(
    list=extend_schema(
        summary="Sources (articles), with how many claims and events were drawn from each",
        description="Every loaded article without its text, by id. Claims of rejected events "
        "count only for editors.",
        responses={200: SourceSerializer(many=True), **READ_ERRORS},
    ),
    retrieve=extend_schema(
        summary="One source: its text and every claim drawn from it",
        description="The article's text exactly as loaded and its claims in text order; a "
        "claim's `char_start` and `char_end` index that text, so `text[char_start:char_end]` "
        "is its quote.",
        responses={200: SourceDetailSerializer, **READ_ERRORS},
    ),
)
@extend_schema_view(
    create=extend_schema(
        summary="Send an article to load",
        description="One article, as JSON (`text` and what is known of it) or as a multipart "
        "upload of a `.txt`/`.md` `file` (its front matter read as `load_articles` reads it; "
        "fields sent beside it win). Checked at once, with the command's limits: a `400` "
        "names `text` or `file` and the problem (too large, empty, undecodable, binary, bad "
        "front matter). A new text answers `202` with its job (`Location`: "
        "`/api/jobs/{id}/`); a text already loaded answers `200` with its source; a text "
        "already queued answers `202` with that job. Needs `timeline.add_source`.",
        request={
            "application/json": loading.ArticleSubmissionSerializer,
            "multipart/form-data": loading.ArticleSubmissionSerializer,
        },
        responses={
            200: SourceSerializer,
            202: loading.JobSerializer,
            400: ERROR_400,
            401: ERROR_401,
            403: ERROR_403,
        },
    ),
)
class SourceViewSet(
    AnonymousWithoutCredentialsMixin, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet
):
    queryset = Source.objects.all()
    filterset_class = SourceFilter
    pagination_class = SourcePagination
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        claims = visible_claims(self.request.user)
        sources = Source.objects.with_drawn_counts(claims)
        if self.action == "retrieve":
            return sources.prefetch_related(
                Prefetch(
                    "claims", queryset=claims.select_related("event").order_by("char_start", "id")
                )
            )
        return sources.defer("text", "report")

    def get_serializer_class(self):
        return SourceDetailSerializer if self.action == "retrieve" else SourceSerializer

    def create(self, request, *args, **kwargs):
        submission = loading.submit(request)
        if submission.source is not None:
            source = self.get_queryset().get(pk=submission.source.pk)
            return Response(self.get_serializer(source).data, status=status.HTTP_200_OK)
        job = submission.job
        # Without a broker the job has run by now, in this request, after its commit.
        job.refresh_from_db()
        return loading.job_response(job, request)


@extend_schema(exclude=True)
@api_view(["GET"])
@permission_classes([AllowAny])
def api_root(request, format=None):
    """Where everything is."""
    return Response(
        {
            name: reverse(route, request=request)
            for name, route in [
                ("events", "event-list"),
                ("timeline", "timeline"),
                ("actors", "actor-list"),
                ("sources", "source-list"),
                ("schema", "schema"),
                ("docs", "docs"),
            ]
        }
    )


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([AllowAny])
def not_found(request, *args, **kwargs):
    """Unknown paths under /api/ answer in the API's error shape, not an HTML page."""
    raise NotFound()
