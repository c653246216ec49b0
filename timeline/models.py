"""The data model: sources, actors and their aliases, events, the claims that date them, and
the jobs that load articles sent through the API.

Models hold data, invariants and small derived values; writes of extracted data go through
`timeline.ingest`, editors' writes through `timeline.curation`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Length
from django.utils import timezone
from simple_history.models import HistoricalRecords

from timeline.pipeline.actors import is_blank, normalize_alias
from timeline.pipeline.reconcile import PRECISION_RANK


class Language(models.TextChoices):
    SIMPLIFIED = "zh-Hans", "Chinese (simplified)"
    TRADITIONAL = "zh-Hant", "Chinese (traditional)"
    ENGLISH = "en", "English"


class Precision(models.TextChoices):
    DAY = "day"
    WEEK = "week"
    XUN = "xun", "xun (third of a month)"
    MONTH = "month"
    INTERVAL = "interval"
    QUARTER = "quarter"
    PART = "part", "part of a year"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


# Finest first; `min_precision` filters use this order. An explicit interval ("May to
# June") ranks as a span of a few months, between a month and a quarter.
PRECISION_ORDER = list(PRECISION_RANK)


class Qualifier(models.TextChoices):
    EARLY = "early"
    MID = "mid"
    LATE = "late"
    APPROX = "approx"
    BEFORE = "before"
    AFTER = "after"
    FISCAL = "fiscal"


class AnchorBasis(models.TextChoices):
    PUBLISHED = "published"
    INFERRED = "inferred"
    CONTEXT = "context"


class EventType(models.TextChoices):
    FOUNDING = "founding"
    FUNDING = "funding"
    MODEL_RELEASE = "model_release", "model release"
    PRODUCT_LAUNCH = "product_launch", "product launch"
    PARTNERSHIP = "partnership"
    ACQUISITION = "acquisition"
    RESTRUCTURING = "restructuring"
    PERSONNEL = "personnel"
    FINANCIALS = "financials"
    PRICING = "pricing"
    RANKING = "ranking"
    CONTROVERSY = "controversy"
    RUMOR = "rumor"
    DENIAL = "denial"
    STATEMENT = "statement"
    STRATEGY = "strategy"
    OTHER = "other"


class ActorKind(models.TextChoices):
    COMPANY = "company"
    PERSON = "person"
    MODEL = "model"
    PRODUCT = "product"
    LAB = "lab"
    INVESTOR = "investor"
    ORGANIZATION = "organization"


class DateStatus(models.TextChoices):
    CONSISTENT = "consistent"
    DISPUTED = "disputed"
    UNRESOLVED = "unresolved"


class Review(models.TextChoices):
    EXTRACTED = "extracted"
    VERIFIED = "verified"
    REJECTED = "rejected"


class ActorReview(models.TextChoices):
    """Where an actor came from and whether an editor has looked at it."""

    CURATED = "curated"  # from the gazetteer, or confirmed by an editor
    DISCOVERED = "discovered"  # found by the extractor, awaiting an editor
    REJECTED = "rejected"  # not an actor: its mentions no longer link


class DatedInterval(models.Model):
    """The normalized date fields shared by events and claims (DATES.md)."""

    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=10, choices=Precision.choices, blank=True)
    date_qualifier = models.CharField(max_length=10, choices=Qualifier.choices, blank=True)
    date_edtf = models.CharField("EDTF", max_length=40, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def interval_constraints(cls, prefix: str) -> list[models.BaseConstraint]:
        return [
            models.CheckConstraint(
                condition=Q(date_start__isnull=True, date_end__isnull=True)
                | Q(
                    date_start__isnull=False, date_end__isnull=False, date_start__lte=F("date_end")
                ),
                name=f"{prefix}_date_start_not_after_end",
                violation_error_message="The date's start must not be after its end.",
            ),
            models.CheckConstraint(
                condition=Q(date_start__isnull=True) | ~Q(date_precision=""),
                name=f"{prefix}_dated_has_precision",
                violation_error_message="A dated interval needs a precision.",
            ),
        ]


def published_display(published, precision: str) -> str:
    """A source's reference date at its own precision: `2025-01-07`, `2025-01`, `2024`."""
    if published is None:
        return ""
    if precision == Precision.DAY:
        return published.isoformat()
    if precision in {Precision.MONTH, Precision.XUN}:
        return published.strftime("%Y-%m")
    return str(published.year)


class SourceQuerySet(models.QuerySet):
    def with_counts(self):
        live = Q(claims__retired_at__isnull=True)
        return self.annotate(
            claim_count=models.Count("claims", filter=live, distinct=True),
            event_count=models.Count("claims__event", filter=live, distinct=True),
        )

    def with_drawn_counts(self, claims: "models.QuerySet[Claim]"):
        """Count, per source, the given claims and their events: one correlated subquery
        each, evaluated only for the rows fetched (a page), over the claim's source index."""
        per_source = claims.filter(source=models.OuterRef("pk")).order_by().values("source")
        return self.annotate(
            claim_count=Coalesce(
                models.Subquery(per_source.annotate(n=models.Count("pk")).values("n")), 0
            ),
            event_count=Coalesce(
                models.Subquery(
                    per_source.annotate(n=models.Count("event", distinct=True)).values("n")
                ),
                0,
            ),
        )


class Source(models.Model):
    """One article, with the full text exactly as loaded."""

    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=200, blank=True)
    authors = models.JSONField(default=list, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    language = models.CharField(max_length=8, choices=Language.choices)
    published = models.DateField(
        null=True, blank=True, help_text="Publication date, or the start of the inferred one."
    )
    published_precision = models.CharField(
        max_length=10, choices=Precision.choices, blank=True, default=Precision.DAY
    )
    published_inferred = models.BooleanField(
        default=False, help_text="True when the date was inferred from the text, not given."
    )
    file_name = models.CharField(max_length=255, blank=True)
    text = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the text.")
    report = models.JSONField(
        default=dict, blank=True, help_text="What the loader noticed: skipped lines, warnings."
    )
    loaded_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(
        default=1, help_text="Which text of the article this is: 2 after it changed once."
    )
    changed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the current text replaced an earlier one."
    )

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="source_url_unique_when_present"
            ),
            models.CheckConstraint(
                condition=Q(published__isnull=False) | Q(published_inferred=False),
                name="source_inferred_needs_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def published_display(self) -> str:
        """The reference date at its own precision: `2025-01-07`, `2025-01`, `2024`."""
        return published_display(self.published, self.published_precision)


class SourceVersion(models.Model):
    """One text a source has had. A changed article found again at its URL (or, with no URL,
    under its file name and publisher) becomes the next version of the same source."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the text.")
    # Kept so that a retired claim's quote can still be read where it stood.
    text = models.TextField()
    loaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["source_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["source", "number"], name="source_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.source_id} v{self.number}"


class ActorQuerySet(models.QuerySet):
    def with_aliases(self):
        return self.prefetch_related("aliases")


class ActorManager(models.Manager.from_queryset(ActorQuerySet)):
    def get_by_natural_key(self, slug: str) -> "Actor":
        return self.get(slug=slug)


class Actor(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200, help_text="Canonical English name.")
    kind = models.CharField(max_length=20, choices=ActorKind.choices, db_index=True)
    description = models.TextField(blank=True)
    review = models.CharField(
        max_length=12,
        choices=ActorReview.choices,
        default=ActorReview.CURATED,
        db_index=True,
        help_text="Discovered actors were found by the extractor and await an editor.",
    )

    objects = ActorManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class ActorAliasManager(models.Manager):
    def get_by_natural_key(self, slug: str, normalized: str) -> "ActorAlias":
        return self.get(actor__slug=slug, normalized=normalized)


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200, help_text="As written.")
    language = models.CharField(max_length=8, choices=Language.choices, blank=True)
    normalized = models.CharField(
        max_length=200, db_index=True, help_text="Simplified script, case-folded: used to match."
    )

    objects = ActorAliasManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["actor_id", "alias", "id"]
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "normalized"], name="alias_normal_form_unique_per_actor"
            ),
            models.CheckConstraint(condition=~Q(normalized=""), name="alias_normalized_not_empty"),
        ]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.normalized = normalize_alias(self.alias)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        # Checked here so that the admin's form says so, rather than the database refusing.
        if is_blank(self.alias):
            raise ValidationError({"alias": "An alias needs at least one visible character."})
        self.normalized = normalize_alias(self.alias)

    def natural_key(self) -> tuple[str, str]:
        return (*self.actor.natural_key(), self.normalized)

    natural_key.dependencies = ["timeline.actor"]


class EventQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(review=Review.REJECTED)

    def with_related(self):
        return self.prefetch_related(
            models.Prefetch("event_actors", queryset=EventActor.objects.select_related("actor")),
            models.Prefetch("claims", queryset=Claim.objects.select_related("source")),
        )

    def overlapping(self, start, end):
        """Events whose interval shares at least one day with [start, end]; either may be None.

        Plain bounds, which the chronology B-trees (`date_start, date_end, …`, led by `type`
        or not) check inside the index while reading it in page order. A GiST index on a
        `daterange` was measured too (100k events, PostgreSQL 15): the planner still reads
        pages in date order from the B-tree, now evaluating the range for each row, 5 to 50
        times slower than these bounds.
        """
        qs = self.filter(date_start__isnull=False)
        if start is not None:
            qs = qs.filter(date_end__gte=start)
            if connections[self.db].vendor == "postgresql":
                qs = qs.filter(date_start__gte=self.earliest_start_reaching(start))
        if end is not None:
            qs = qs.filter(date_start__lte=end)
        return qs

    def earliest_start_reaching(self, day):
        """The earliest start an event reaching `day` can have: `day` less the longest span.

        A redundant bound for `overlapping`, whose `date_end >= day` is the second column of
        the chronology indexes: bounding their first column as well turns a scan from the
        earliest event into a range scan of constant cost (docs/SCALING.md). The longest
        span is read exactly, in the same statement and so from the same snapshot as the
        events themselves, from the `event_span` expression index (migration 0015): never
        an estimate that could leave out an event. PostgreSQL only: SQLite has no such index
        and its dates are text, so there the scan stays as it was.
        """
        table = self.model._meta.db_table
        return RawSQL(
            f"%s::date - (SELECT MAX(spans.date_end - spans.date_start) FROM {table} spans)",
            [day],
            output_field=models.DateField(),
        )

    def within(self, start, end):
        """Events whose whole interval lies inside [start, end]; either may be None."""
        qs = self.filter(date_start__isnull=False)
        if start is not None:
            qs = qs.filter(date_start__gte=start)
        if end is not None:
            qs = qs.filter(date_end__lte=end)
        return qs

    def chronological(self):
        return self.order_by(
            F("date_start").asc(nulls_last=True), F("date_end").asc(nulls_last=True), "id"
        )


class Event(DatedInterval):
    headline = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    # Indexed by `event_type_chronology`, which it leads.
    type = models.CharField(max_length=20, choices=EventType.choices)
    date_display = models.CharField(max_length=100, blank=True, help_text="e.g. May 2024")
    status = models.CharField(
        max_length=12, choices=DateStatus.choices, default=DateStatus.UNRESOLVED, db_index=True
    )
    review = models.CharField(
        max_length=10, choices=Review.choices, default=Review.EXTRACTED, db_index=True
    )
    edited = models.BooleanField(
        default=False,
        help_text="An editor changed the date, headline or actors: reloads keep them.",
    )
    actors = models.ManyToManyField(Actor, through="EventActor", related_name="events")
    search_text = models.TextField(
        blank=True,
        editable=False,
        help_text="Headline, summary, quotes and actor aliases in simplified script, case-folded.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()
    # search_text is derived from the rest and rebuilt after any change, so it is not copied.
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = [F("date_start").asc(nulls_last=True), F("date_end").asc(nulls_last=True), "id"]
        indexes = [
            models.Index(fields=["date_start", "date_end", "id"], name="event_chronology"),
            # `?type=` pages through one type's events in date order.
            models.Index(
                fields=["type", "date_start", "date_end", "id"], name="event_type_chronology"
            ),
            models.Index(fields=["date_end"], name="event_date_end"),
            models.Index(fields=["date_precision"], name="event_precision"),
            # `ordering=updated` and `-updated` page through (updated_at, id).
            models.Index(fields=["updated_at", "id"], name="event_updated"),
            # How many undated events a dated list leaves out (`undated` in every page) is
            # counted once per data version, by `type`, `status` and `review`: over the 1%
            # of events without a date, not the table (46 → 1.8 ms at 1M events).
            models.Index(
                fields=["type", "status", "review"],
                condition=Q(date_start__isnull=True),
                name="event_undated",
            ),
            # The `q` search also has a trigram index on PostgreSQL (migration 0007).
        ]
        constraints = [
            *DatedInterval.interval_constraints("event"),
            models.CheckConstraint(
                condition=Q(status=DateStatus.UNRESOLVED) | Q(date_start__isnull=False),
                name="event_dated_unless_unresolved",
            ),
        ]

    def __str__(self) -> str:
        return self.headline


class EventActor(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_actors")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="event_links")
    role = models.CharField(max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["event_id", "id"]
        # An actor's events (`?actor=`, an actor's timeline) read from the index alone.
        indexes = [models.Index(fields=["actor", "event"], name="event_actor_by_actor")]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "actor", "role"], name="event_actor_role_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.actor} ({self.role})" if self.role else str(self.actor)


class EventKey(models.Model):
    """A name for the happening an event records, e.g. ``model_release:yi-large``.

    The extractor gives each claim such a key; a new claim joins the event that holds its
    key. Merging moves the keys too, so a later source about a merged happening finds it.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="keys")
    key = models.CharField(max_length=200, unique=True)
    # Kept so that undoing a merge can give the merged-away event its keys back.
    history = HistoricalRecords()

    class Meta:
        ordering = ["event_id", "key"]

    def __str__(self) -> str:
        return self.key


class LiveClaimManager(models.Manager):
    """Claims still in their source's current text: what events, counts, exports and pages use.

    The default manager, so that `event.claims` and `source.claims` leave retired claims out;
    Django's base manager (deletes, saves, a claim's own relations) still sees every row.
    """

    def get_queryset(self):
        return super().get_queryset().filter(retired_at__isnull=True)


class EveryClaimManager(models.Manager):
    """Live and retired claims alike: for the admin and the loader."""


class Claim(DatedInterval):
    """One source's statement of one event, with the exact quote and its normalized date.

    A claim whose quote is gone from a new version of its source is retired, not deleted:
    editors still see it in the admin and its history; nothing else counts it.
    """

    # Empty only for a retired claim whose event lost every claim and was removed.
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="claims", null=True, blank=True
    )
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="claims")
    quote = models.TextField()
    char_start = models.PositiveIntegerField()
    char_end = models.PositiveIntegerField()
    date_text = models.CharField(max_length=200, blank=True, help_text="As written.")
    date_char_start = models.PositiveIntegerField(null=True, blank=True)
    date_char_end = models.PositiveIntegerField(null=True, blank=True)
    anchor_date = models.CharField(
        max_length=10,
        blank=True,
        help_text="Reference date a relative expression was resolved against.",
    )
    anchor_basis = models.CharField(max_length=10, choices=AnchorBasis.choices, blank=True)
    after_source = models.BooleanField(
        default=False,
        db_index=True,
        help_text="Dated after its own source without looking ahead: shown to editors, "
        "kept off the event's reconciled date.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When a new version of the source no longer held the quote; its offsets "
        "index the version before that one.",
    )

    objects = LiveClaimManager()
    all_objects = EveryClaimManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["event_id", "source_id", "char_start", "id"]
        indexes = [models.Index(fields=["source", "event"], name="claim_source_event")]
        constraints = [
            *DatedInterval.interval_constraints("claim"),
            models.UniqueConstraint(
                fields=["source", "char_start", "char_end"],
                condition=Q(retired_at__isnull=True),
                name="claim_unique_span_per_source",
            ),
            models.CheckConstraint(
                condition=Q(event__isnull=False) | Q(retired_at__isnull=False),
                name="claim_live_has_event",
            ),
            models.CheckConstraint(
                condition=Q(char_end__gt=F("char_start")), name="claim_span_not_empty"
            ),
            models.CheckConstraint(
                condition=Q(char_end=F("char_start") + Length("quote")),
                name="claim_span_matches_quote",
            ),
            models.CheckConstraint(
                condition=Q(date_char_start__isnull=True)
                | Q(
                    date_char_start__gte=F("char_start"),
                    date_char_end__lte=F("char_end"),
                    date_char_end__gt=F("date_char_start"),
                ),
                name="claim_date_inside_quote",
            ),
            models.CheckConstraint(
                condition=Q(anchor_basis="") | ~Q(anchor_date=""), name="claim_anchor_has_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_id}:{self.char_start}-{self.char_end}"

    @property
    def anchor(self) -> dict | None:
        if not self.anchor_basis:
            return None
        return {"date": self.anchor_date, "basis": self.anchor_basis}


class JobState(models.TextChoices):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


ACTIVE_JOB_STATES = (JobState.QUEUED, JobState.RUNNING)


class Job(models.Model):
    """One article waiting to be loaded, being loaded, or loaded (or not), with its report.

    The job keeps the article as it was sent (text and metadata) until it is done, so a
    failed article is reported here and can be sent again, never lost. At most one job per
    text is queued or running at a time: that is what keeps a text sent twice at once from
    being loaded twice.
    """

    state = models.CharField(max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    file_name = models.CharField(max_length=255, blank=True)
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the text, as Source's.")
    text = models.TextField(help_text="The article as sent, decoded, front matter included.")
    metadata = models.JSONField(
        default=dict,
        blank=True,
        help_text="title, publisher, authors, url, published, language as read when it was sent.",
    )
    report = models.JSONField(
        null=True, blank=True, help_text="The loader's per-file report once the job has run."
    )
    error = models.TextField(blank=True, help_text="Why the article could not be loaded.")
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["content_hash"], name="job_content_hash")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=Q(state__in=ACTIVE_JOB_STATES),
                name="job_one_active_per_text",
            )
        ]

    def __str__(self) -> str:
        return f"job {self.pk} ({self.state}): {self.file_name or self.content_hash[:12]}"
