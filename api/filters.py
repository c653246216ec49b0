"""Query-parameter filters, one FilterSet per resource, and the backend that reports bad values.

Every filter maps onto an indexed column or an indexed `EXISTS` subquery; invalid values
are answered with a 400 naming the parameter and what it accepts (`api.errors`).
"""

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

import django_filters
from django import forms
from django.core.validators import validate_slug
from django.db import connections
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from api.errors import InvalidParameter, ParameterError
from timeline.models import (
    PRECISION_ORDER,
    Actor,
    ActorKind,
    ActorReview,
    Claim,
    DateStatus,
    Event,
    EventActor,
    EventType,
    Language,
    Precision,
    Source,
)
from timeline.pipeline.actors import normalize_alias

PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
PARTIAL_DATE_ACCEPTED = "a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-05, 2024-05-13)"
MAX_REPEATS = 50
# Who sees rejected actors (hidden from everyone else, as if they did not exist).
ACTOR_EDITOR_PERMISSION = "timeline.change_actor"


def sees_rejected_actors(user) -> bool:
    return user is not None and user.has_perm(ACTOR_EDITOR_PERMISSION)


def visible_actors(user):
    """Every actor for editors; without the rejected ones for everyone else."""
    if sees_rejected_actors(user):
        return Actor.objects.all()
    return Actor.objects.exclude(review=ActorReview.REJECTED)


def events_of_actors(actor_ids: list[int]):
    """The ids of the events linked to these actors, as a subquery for `pk__in`.

    A semi-join, so no row repeats and no DISTINCT is needed. Written `IN (…)` rather than
    `EXISTS (…)`: PostgreSQL plans both alike, but SQLite runs an EXISTS once per event
    while reading the whole chronology (100 ms a page at 100k events) and drives an IN
    from the actor's links, read on `event_actor_by_actor` (2 ms).
    """
    return EventActor.objects.filter(actor_id__in=actor_ids).values("event_id")


def involving_actors(events, actor_ids: list[int]):
    """These events narrowed to those linked to these actors, read from the actors' links.

    On PostgreSQL the semi-join of `events_of_actors` lets the planner walk the chronology
    index and probe each event's links, which it prefers for an actor with many events
    (4,000 of 1M events: 206 ms for the page query, 115k buffers). `id = ANY(ARRAY(…))`
    takes that choice away: the actor's event ids are read first, once, from
    `event_actor_by_actor` alone, and the page is then fetched by primary key and sorted
    (30 ms, 16k buffers). SQLite already drives the `IN` from the links.
    """
    links = events_of_actors(actor_ids)
    if connections[events.db].vendor != "postgresql":
        return events.filter(pk__in=links)
    # Unordered: the links' default ordering would only add a sort.
    sql, params = links.order_by().query.sql_with_params()
    table = events.model._meta.db_table
    return events.filter(
        RawSQL(f'"{table}"."id" = ANY(ARRAY({sql}))', params, output_field=BooleanField())
    )


def filterable_actors(request):
    """The actors `?actor=` accepts: a rejected one's slug is unknown to the public."""
    return visible_actors(getattr(request, "user", None))


# Orderings by date, in which an undated event has no place: such lists leave undated events
# out unless `dated=false` asks for them.
DATE_ORDERINGS = ("date", "-date")
# Filters on the date cannot judge an event that has none: an undated event is counted as
# left out when it matches all the others ("01.AI, May 2024 – Jan 2025" leaves out 01.AI's
# undated events, which may well belong to that period).
DATE_PARAMETERS = frozenset({"after", "before", "strict", "min_precision", "dated"})


@dataclass(frozen=True)
class PartialDate:
    """A year, month or day as an inclusive interval of days."""

    text: str
    first: date
    last: date


def parse_partial_date(text: str) -> PartialDate:
    match = PARTIAL_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a year, month or day")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is None:
        return PartialDate(text, date(year, 1, 1), date(year, 12, 31))
    if day is None:
        return PartialDate(
            text, date(year, month, 1), date(year, month, monthrange(year, month)[1])
        )
    return PartialDate(text, date(year, month, day), date(year, month, day))


class PartialDateField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_partial_date(value)
        except ValueError:
            raise forms.ValidationError(f"{value!r} is not a valid date.", code="invalid") from None


class TrueFalseField(forms.Field):
    """`true` or `false` (also `1`/`0`); anything else is an error rather than silently ignored."""

    values = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return self.values[str(value).lower()]
        except KeyError:
            raise forms.ValidationError(
                f"{value!r} is not true or false.", code="invalid"
            ) from None


class SlugChoiceField(django_filters.fields.ModelMultipleChoiceField):
    """Slugs of existing rows; the format is checked before any query is built."""

    def clean(self, value):
        values = value or []
        if len(values) > MAX_REPEATS:
            raise forms.ValidationError(f"At most {MAX_REPEATS} values.", code="invalid")
        for slug in values:
            validate_slug(slug)
        return super().clean(value)


@extend_schema_field(OpenApiTypes.STR)
class PartialDateFilter(django_filters.Filter):
    field_class = PartialDateField


@extend_schema_field(OpenApiTypes.BOOL)
class TrueFalseFilter(django_filters.Filter):
    field_class = TrueFalseField


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class SlugChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = SlugChoiceField


@extend_schema_field(OpenApiTypes.INT)
class IdChoiceFilter(django_filters.ModelChoiceFilter):
    pass


class EventFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("after"), cleaned.get("before")
        if after and before and after.first > before.last:
            self.add_error(
                "after",
                forms.ValidationError(
                    f"after={after.text} is later than before={before.text}.", code="invalid"
                ),
            )
        return cleaned


class DocumentedFilterSet(django_filters.FilterSet):
    """A FilterSet that can say what each of its parameters accepts."""

    accepted: dict[str, str] = {}

    def accepted_values(self, name: str) -> str | None:
        if name in self.accepted:
            return self.accepted[name]
        field = self.form.fields.get(name)
        choices = getattr(field, "choices", None)
        if choices is not None and not isinstance(field, forms.ModelMultipleChoiceField):
            return ", ".join(str(value) for value, _ in choices if value != "")
        return None


class EventFilter(DocumentedFilterSet):
    after = PartialDateFilter(
        method="filter_after",
        help_text="Events whose interval reaches into or past this date "
        "(`YYYY`, `YYYY-MM`, `YYYY-MM-DD`; the first day of the period counts).",
    )
    before = PartialDateFilter(
        method="filter_before",
        help_text="Events whose interval starts on or before this date "
        "(`YYYY`, `YYYY-MM`, `YYYY-MM-DD`; the last day of the period counts).",
    )
    strict = TrueFalseFilter(
        method="filter_strict",
        help_text="With `after`/`before`: the event's whole interval must lie inside.",
    )
    actor = SlugChoiceFilter(
        queryset=filterable_actors,
        to_field_name="slug",
        method="filter_actor",
        help_text="Involving this actor (slug); repeat for any of several.",
    )
    # No DISTINCT: `type IN (…)` on the event's own column cannot repeat a row.
    type = django_filters.MultipleChoiceFilter(
        choices=EventType.choices,
        distinct=False,
        help_text="Of this type; repeat for any of several.",
    )
    source = IdChoiceFilter(
        queryset=Source.objects.all(),
        method="filter_source",
        help_text="With a claim from this source (id).",
    )
    status = django_filters.ChoiceFilter(choices=DateStatus.choices, help_text="Date status.")
    min_precision = django_filters.ChoiceFilter(
        choices=Precision.choices,
        method="filter_min_precision",
        help_text="Only events dated at least this finely. Precisions rank finest first: "
        + ", ".join(PRECISION_ORDER)
        + " (an explicit interval ranks between month and quarter).",
    )
    q = django_filters.CharFilter(
        max_length=200,
        method="filter_text",
        help_text="Text in headlines, summaries, quotes and actor aliases; traditional and "
        "simplified Chinese match each other, case is ignored.",
    )
    dated = TrueFalseFilter(
        method="filter_dated",
        help_text="`false`: only the events that need a date; `true`: only dated events. "
        "Without it, date-ordered lists (`ordering=date` or `-date`, the default) and the "
        "timeline leave undated events out; `undated` says how many of them match the "
        "filters that are not about dates.",
    )

    accepted = {
        "after": PARTIAL_DATE_ACCEPTED + ", not later than `before`",
        "before": PARTIAL_DATE_ACCEPTED,
        "strict": "true or false",
        "actor": "the slug of an existing actor (see /api/actors/); repeatable",
        "source": "the id of an existing source (see /api/sources/)",
        "q": "text of at most 200 characters",
        "dated": "true or false",
    }

    class Meta:
        model = Event
        form = EventFilterForm
        fields = ["after", "before", "strict", "actor", "type", "source", "status"]

    # Set by `filter_queryset`: the undated events that match every filter not about the
    # date, whether or not the list holds them.
    undated_matches = None

    @property
    def is_strict(self) -> bool:
        return bool(self.form.cleaned_data.get("strict"))

    @property
    def wants_dated(self) -> bool | None:
        """True for dated events only, False for undated ones only, None for both."""
        dated = self.form.cleaned_data.get("dated")
        if dated is not None:
            return dated
        ordering = self.request.query_params.get("ordering") if self.request else None
        return True if (ordering or DATE_ORDERINGS[0]) in DATE_ORDERINGS else None

    def filter_queryset(self, queryset):
        undated = queryset.filter(date_start__isnull=True)
        for name, value in self.form.cleaned_data.items():
            if name not in DATE_PARAMETERS:
                undated = self.filters[name].filter(undated, value)
        self.undated_matches = undated
        matched = super().filter_queryset(queryset)
        if self.wants_dated is None:
            return matched
        return matched.filter(date_start__isnull=not self.wants_dated)

    def undated_count(self) -> int:
        """How many undated events match the filters not about dates: one COUNT query."""
        return self.undated_matches.order_by().count()

    def undated_left_out(self) -> int:
        """How many of those this list leaves out: all of them when it holds dated events
        only (none when it holds undated ones, or every event)."""
        return self.undated_count() if self.wants_dated else 0

    def filter_after(self, queryset, name, value):
        if self.is_strict:
            return queryset.within(value.first, None)
        # With `before` too, one overlap test bounded on both sides, which an index of
        # intervals answers directly (`EventQuerySet.overlapping`).
        before = self.form.cleaned_data.get("before")
        return queryset.overlapping(value.first, before.last if before else None)

    def filter_before(self, queryset, name, value):
        if self.is_strict:
            return queryset.within(None, value.last)
        if self.form.cleaned_data.get("after"):
            return queryset  # part of `filter_after`'s overlap test
        return queryset.overlapping(None, value.last)

    def filter_strict(self, queryset, name, value):
        # A modifier of `after` and `before`, which read it; alone it selects nothing.
        return queryset

    def filter_actor(self, queryset, name, value):
        if not value:
            return queryset
        return involving_actors(queryset, [actor.pk for actor in value])

    def filter_source(self, queryset, name, value):
        return queryset.filter(pk__in=Claim.objects.filter(source=value).values("event_id"))

    def filter_min_precision(self, queryset, name, value):
        finest = PRECISION_ORDER[: PRECISION_ORDER.index(value) + 1]
        return queryset.filter(date_precision__in=finest)

    def filter_dated(self, queryset, name, value):
        # Applied last by `filter_queryset`, which counts the undated matches first.
        return queryset

    def filter_text(self, queryset, name, value):
        needle = normalize_alias(value)
        if not needle:
            return queryset
        return queryset.filter(search_text__contains=needle)


class ActorFilter(DocumentedFilterSet):
    kind = django_filters.MultipleChoiceFilter(
        choices=ActorKind.choices, help_text="Of this kind; repeat for any of several."
    )
    review = django_filters.ChoiceFilter(
        choices=ActorReview.choices,
        help_text="`discovered` lists the actors the extractor found that await an editor; "
        "`rejected` ones are listed only to editors, and only when asked for.",
    )

    class Meta:
        model = Actor
        fields = ["kind", "review"]


class SourceFilter(DocumentedFilterSet):
    language = django_filters.ChoiceFilter(choices=Language.choices, help_text="Article language.")

    class Meta:
        model = Source
        fields = ["language"]


class ParameterFilterBackend(DjangoFilterBackend):
    """django-filter's backend, raising `InvalidParameter` with what each parameter accepts."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise InvalidParameter(
                [
                    ParameterError(name, str(message), filterset.accepted_values(name))
                    for name, messages in filterset.errors.items()
                    for message in messages
                ]
            )
        # The view reads what the filters selected (the undated events left out, a title).
        view.filterset = filterset
        return filterset.qs
