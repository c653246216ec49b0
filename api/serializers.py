"""Serializers: the JSON shapes of API.md, and the validated input of editors' writes.

Read serializers only shape rows that the views fetched with their relations prefetched;
write serializers only validate, the views hand the result to `timeline.curation`.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from timeline import curation
from timeline.models import (
    Actor,
    ActorAlias,
    ActorKind,
    Claim,
    Event,
    EventActor,
    EventType,
    Language,
    Precision,
    Qualifier,
    Review,
    Source,
)
from timeline.pipeline.actors import is_blank, normalize_alias
from timeline.pipeline.reconcile import DatedInterval


class BlankAsNullCharField(serializers.CharField):
    """A text column whose empty string means "none": shown as null."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


@extend_schema_field(serializers.ChoiceField(choices=Precision.choices, allow_null=True))
class PrecisionField(BlankAsNullCharField):
    pass


@extend_schema_field(serializers.ChoiceField(choices=Qualifier.choices, allow_null=True))
class QualifierField(BlankAsNullCharField):
    pass


class EventDateSerializer(serializers.Serializer):
    start = serializers.DateField(source="date_start", allow_null=True)
    end = serializers.DateField(source="date_end", allow_null=True)
    precision = PrecisionField(source="date_precision")
    qualifier = QualifierField(source="date_qualifier")
    edtf = BlankAsNullCharField(source="date_edtf", help_text="EDTF (ISO 8601-2) form.")
    display = BlankAsNullCharField(source="date_display", help_text="e.g. `May 2024`.")


class AnchorSerializer(serializers.Serializer):
    date = serializers.CharField(help_text="Reference date at its own precision: `2025-01`.")
    basis = serializers.ChoiceField(choices=["published", "inferred", "context"])


class ClaimDateSerializer(serializers.Serializer):
    text = serializers.CharField(source="date_text", help_text="The expression as written.")
    start = serializers.DateField(source="date_start", allow_null=True)
    end = serializers.DateField(source="date_end", allow_null=True)
    precision = PrecisionField(source="date_precision")
    qualifier = QualifierField(source="date_qualifier")
    edtf = BlankAsNullCharField(source="date_edtf")
    anchor = AnchorSerializer(allow_null=True, read_only=True)


class PublishedField(serializers.CharField):
    """The publication date as given by the source; null when only inferred from the text."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, source: Source):
        if source.published_inferred:
            return None
        return source.published_display or None


class InferredPublishedField(serializers.CharField):
    """The reference date inferred from the text (`2025-01`); null when given or unknown."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, source: Source):
        if not source.published_inferred:
            return None
        return source.published_display or None


class SourceRefSerializer(serializers.ModelSerializer):
    published = PublishedField()
    published_inferred = InferredPublishedField()
    url = BlankAsNullCharField()

    class Meta:
        model = Source
        fields = ["id", "title", "publisher", "published", "published_inferred", "url"]


def after_source_field() -> serializers.BooleanField:
    return serializers.BooleanField(
        read_only=True,
        help_text="Dated after its own source without the text looking ahead: a misreading "
        "an editor should look at; it does not count toward the event's date.",
    )


class ClaimSerializer(serializers.ModelSerializer):
    source = SourceRefSerializer()
    date = ClaimDateSerializer(source="*")
    after_source = after_source_field()

    class Meta:
        model = Claim
        fields = ["source", "quote", "char_start", "char_end", "date", "after_source"]


class EventActorSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="actor.slug")
    name = serializers.CharField(source="actor.name")
    kind = serializers.ChoiceField(source="actor.kind", choices=ActorKind.choices)
    role = BlankAsNullCharField()

    class Meta:
        model = EventActor
        fields = ["slug", "name", "kind", "role"]


class EventSerializer(serializers.ModelSerializer):
    """An event as API.md shows it; expects `Event.objects.with_related()`."""

    date = EventDateSerializer(source="*")
    actors = EventActorSerializer(source="event_actors", many=True)
    claims = ClaimSerializer(many=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "headline",
            "summary",
            "type",
            "date",
            "status",
            "review",
            "actors",
            "claims",
            "updated_at",
        ]
        read_only_fields = fields


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class ActorSlugsField(serializers.Field):
    """The slugs of an event's actors, from its prefetched links, each once."""

    def __init__(self, **kwargs):
        super().__init__(source="event_actors", read_only=True, **kwargs)

    def to_representation(self, links):
        return list(dict.fromkeys(link.actor.slug for link in links.all()))


class CompactEventSerializer(serializers.ModelSerializer):
    """An event inside a timeline bucket: enough to draw it, the rest is one link away."""

    date = EventDateSerializer(source="*")
    actors = ActorSlugsField()

    class Meta:
        model = Event
        fields = ["id", "headline", "type", "date", "status", "actors"]
        read_only_fields = fields


class BucketSerializer(serializers.Serializer):
    period = serializers.CharField(help_text="`2024`, `2024-Q2` or `2024-05`.")
    start = serializers.DateField()
    end = serializers.DateField()
    count = serializers.IntegerField(help_text="Events of this period on this page.")
    events = CompactEventSerializer(many=True)


class TimelineSerializer(serializers.Serializer):
    group = serializers.ChoiceField(choices=["year", "quarter", "month"])
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    undated = serializers.IntegerField(
        help_text="Events the filters match that have no date, so no place on the timeline."
    )
    buckets = BucketSerializer(many=True)


# Sources


class SourceClaimSerializer(serializers.ModelSerializer):
    """A claim as drawn from its source: the quote, its date and the event it supports."""

    event = serializers.SerializerMethodField()
    date = ClaimDateSerializer(source="*")
    after_source = after_source_field()

    class Meta:
        model = Claim
        fields = ["event", "quote", "char_start", "char_end", "date", "after_source"]

    @extend_schema_field(
        {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "headline": {"type": "string"}},
        }
    )
    def get_event(self, claim: Claim) -> dict:
        return {"id": claim.event_id, "headline": claim.event.headline}


class SourceSerializer(serializers.ModelSerializer):
    """A source in lists; expects `Source.objects.with_drawn_counts(…)`."""

    url = BlankAsNullCharField()
    published = PublishedField()
    published_inferred = InferredPublishedField()
    claim_count = serializers.IntegerField(read_only=True, help_text="Claims drawn from it.")
    event_count = serializers.IntegerField(read_only=True, help_text="Events it supports.")

    class Meta:
        model = Source
        fields = [
            "id",
            "title",
            "publisher",
            "authors",
            "url",
            "language",
            "published",
            "published_inferred",
            "file_name",
            "claim_count",
            "event_count",
        ]
        read_only_fields = fields


class SourceDetailSerializer(SourceSerializer):
    """A source with its full text and every claim drawn from it."""

    claims = SourceClaimSerializer(many=True)
    version = serializers.IntegerField(
        read_only=True,
        help_text="Which text of the article `text` is: 2 once it changed (found again at "
        "its URL, or with no URL under its file name and publisher), and so on.",
    )
    changed = serializers.DateTimeField(
        source="changed_at",
        read_only=True,
        allow_null=True,
        help_text="When the current text replaced an earlier one; null for a first version.",
    )

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "version", "changed", "text", "claims"]
        read_only_fields = fields


# Actors


class ActorAliasSerializer(serializers.ModelSerializer):
    language = serializers.ChoiceField(choices=Language.choices, allow_blank=True, required=False)

    class Meta:
        model = ActorAlias
        fields = ["alias", "language"]

    def validate_alias(self, alias: str) -> str:
        # Surrounding spaces are trimmed already; zero-width characters are not.
        if is_blank(alias):
            raise serializers.ValidationError("An alias needs at least one visible character.")
        return alias


class ActorSerializer(serializers.ModelSerializer):
    """An actor with its aliases; writing `aliases` replaces the whole list."""

    # Validates writes only; `ActorViewSet` makes them through `timeline.curation`.
    aliases = ActorAliasSerializer(many=True, required=False)

    class Meta:
        model = Actor
        fields = ["slug", "name", "kind", "description", "review", "aliases"]
        # Confirming, merging and rejecting are the admin's actions (`timeline.curation`).
        read_only_fields = ["review"]

    def validate_aliases(self, aliases: list[dict]) -> list[dict]:
        seen = set()
        for alias in aliases:
            normalized = normalize_alias(alias["alias"])
            if not normalized or is_blank(normalized):
                raise serializers.ValidationError("An alias needs at least one visible character.")
            if normalized in seen:
                raise serializers.ValidationError(
                    f"{alias['alias']!r} repeats another alias (compared ignoring script and case)."
                )
            seen.add(normalized)
        return aliases


# Event writes


class EventDateInputSerializer(serializers.Serializer):
    """A date as the event shows it; `display` is derived and ignored on input."""

    start = serializers.DateField()
    end = serializers.DateField()
    precision = serializers.ChoiceField(choices=Precision.choices)
    qualifier = serializers.ChoiceField(
        choices=Qualifier.choices, allow_null=True, allow_blank=True, required=False
    )
    edtf = serializers.CharField(max_length=40, allow_null=True, allow_blank=True, required=False)

    def validate(self, attrs):
        # A PATCH makes nested fields optional too; a date is only whole with all three.
        missing = [name for name in ("start", "end", "precision") if name not in attrs]
        if missing:
            raise serializers.ValidationError(
                {name: ErrorDetail("This field is required.", code="required") for name in missing}
            )
        if attrs["start"] > attrs["end"]:
            raise serializers.ValidationError({"end": "The end must not be before the start."})
        interval = DatedInterval(
            start=attrs["start"],
            end=attrs["end"],
            precision=attrs["precision"],
            qualifier=attrs.get("qualifier") or None,
            edtf=attrs.get("edtf") or None,
        )
        try:
            attrs["edtf"] = curation.normalized_date(interval)
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                {
                    field.removeprefix("date_"): messages
                    for field, messages in error.message_dict.items()
                }
            ) from error
        return attrs


class EventActorInputSerializer(serializers.Serializer):
    slug = serializers.SlugRelatedField(
        slug_field="slug", queryset=Actor.objects.all(), source="actor"
    )
    role = serializers.CharField(max_length=100, allow_blank=True, allow_null=True, required=False)


class EventWriteSerializer(serializers.Serializer):
    """What an editor may send: the event's own fields, its date and its actors.

    `date: null` makes the event undated. A PUT replaces all of them (summary, date and
    actors default to empty); a PATCH changes those it names.
    """

    headline = serializers.CharField(max_length=300)
    summary = serializers.CharField(allow_blank=True, required=False, default="")
    type = serializers.ChoiceField(choices=EventType.choices)
    review = serializers.ChoiceField(choices=Review.choices, required=False)
    date = EventDateInputSerializer(allow_null=True, required=False, default=None)
    actors = EventActorInputSerializer(many=True, required=False, default=list)

    def validate_actors(self, actors: list[dict]) -> list[dict]:
        if len(actors) > 200:
            raise serializers.ValidationError("At most 200 actors.")
        slugs = [actor["actor"].slug for actor in actors]
        twice = sorted({slug for slug in slugs if slugs.count(slug) > 1})
        if twice:
            raise serializers.ValidationError(
                f"Name each actor once: {', '.join(twice)} appears more than once."
            )
        return actors
