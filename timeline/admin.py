"""The editors' admin: curate events, compare sources' quotes, merge duplicates, fix dates;
review the actors the extractor discovered (confirm, rename, merge, reject), with the
actors that look like one (`timeline.likely_same`) and, after a merge, their events that
look like one happening.

Every write that touches an event's derived fields goes through `timeline.curation`.
Events, claims and actors have a History page (who changed what, when; revert a version);
an event's merges can be undone from the event list.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from timeline import curation, likely_same
from timeline.models import (
    Actor,
    ActorAlias,
    ActorReview,
    Claim,
    Event,
    EventActor,
    Job,
    Review,
    Source,
)
from timeline.pipeline.actors import normalize_alias


def marked_quote(claim: Claim):
    """The quote with its date expression highlighted."""
    if claim.date_char_start is None:
        return claim.quote
    start = claim.date_char_start - claim.char_start
    end = claim.date_char_end - claim.char_start
    return format_html(
        "{}<mark>{}</mark>{}", claim.quote[:start], claim.quote[start:end], claim.quote[end:]
    )


def claim_date(claim: Claim) -> str:
    if claim.date_start is None:
        return f"{claim.date_text or '—'} (unresolved)"
    interval = (
        claim.date_start.isoformat()
        if claim.date_start == claim.date_end
        else f"{claim.date_start.isoformat()} … {claim.date_end.isoformat()}"
    )
    qualifier = f", {claim.date_qualifier}" if claim.date_qualifier else ""
    return f"{interval} ({claim.date_precision}{qualifier})"


def claim_anchor(claim: Claim) -> str:
    return f"{claim.anchor_date} ({claim.anchor_basis})" if claim.anchor_basis else "—"


AFTER_SOURCE_WARNING = "dated after its source: not counted in the event's date"


def claim_warning(claim: Claim) -> str:
    return AFTER_SOURCE_WARNING if claim.after_source else ""


# Annotations count the claims still in their source's current text.
LIVE_CLAIMS = Q(claims__retired_at__isnull=True)


class DatedFilter(admin.SimpleListFilter):
    """Events with a date, and those that need one (the API leaves them out of date order)."""

    title = "date"
    parameter_name = "dated"

    def lookups(self, request, model_admin):
        return [("yes", "dated"), ("no", "needs a date")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(date_start__isnull=self.value() == "no")
        return queryset


class AfterSourceFilter(admin.SimpleListFilter):
    """Events holding a claim dated after its own source: a misreading to check."""

    title = "has a claim dated after its source"
    parameter_name = "after_source"

    def lookups(self, request, model_admin):
        return [("yes", "yes"), ("no", "no")]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        flagged = Exists(Claim.objects.filter(event=OuterRef("pk"), after_source=True))
        return queryset.filter(flagged if self.value() == "yes" else ~flagged)


class ClaimAfterSourceFilter(admin.SimpleListFilter):
    title = "dated after its source"
    parameter_name = "after_source"

    def lookups(self, request, model_admin):
        return [("yes", "yes"), ("no", "no")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(after_source=self.value() == "yes")
        return queryset


class ClaimRetiredFilter(admin.SimpleListFilter):
    title = "retired (quote gone from a newer version of its source)"
    parameter_name = "retired"

    def lookups(self, request, model_admin):
        return [("yes", "yes"), ("no", "no")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(retired_at__isnull=self.value() == "no")
        return queryset


class SourceFilter(admin.SimpleListFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [(str(source.pk), source.title[:60]) for source in Source.objects.only("title")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(claims__source_id=self.value()).distinct()
        return queryset


class ReadOnlyClaimInline(admin.TabularInline):
    """Claims are evidence: shown side by side with their marked quote, never typed in."""

    model = Claim
    extra = 0
    can_delete = False
    related = "source"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(self.related)

    @admin.display(description="quote")
    def quote_marked(self, claim):
        return marked_quote(claim)

    @admin.display(description="normalized date")
    def normalized(self, claim):
        return claim_date(claim)

    @admin.display(description="anchor")
    def anchor(self, claim):
        return claim_anchor(claim)

    @admin.display(description="warning")
    def warning(self, claim):
        return claim_warning(claim)


class ClaimInline(ReadOnlyClaimInline):
    show_change_link = True
    fields = ["source_link", "quote_marked", "date_as_written", "normalized", "anchor", "warning"]
    readonly_fields = fields

    @admin.display(description="source")
    def source_link(self, claim):
        url = reverse("admin:timeline_source_change", args=[claim.source_id])
        return format_html('<a href="{}">{}</a>', url, claim.source.publisher or claim.source.title)

    @admin.display(description="as written")
    def date_as_written(self, claim):
        return claim.date_text or "—"


class DuplicateFilter(admin.SimpleListFilter):
    """Events that read as one happening with another event of the same actor: what a merge
    of two actors leaves to merge. The value is an actor's id, or "any"."""

    title = "looks like another event"
    parameter_name = "duplicates_of"

    def lookups(self, request, model_admin):
        return [("any", "of the same actor")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        actor_ids = None if value == "any" else [int(value)] if value.isdigit() else []
        pairs = likely_same.duplicate_events(actor_ids)
        return queryset.filter(pk__in={event.pk for pair in pairs for event in pair})


class LikelySameFilter(admin.SimpleListFilter):
    """Actors that look like another actor; given an actor's id, that actor and those it
    looks like, ready to select and merge."""

    title = "possibly the same as"
    parameter_name = "likely_same"

    def lookups(self, request, model_admin):
        return [("any", "another actor")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if value == "any":
            suggestions = likely_same.likely_same_actors()
        elif value.isdigit():
            suggestions = likely_same.likely_same_actors(int(value))
        else:
            suggestions = []
        ids = {actor.pk for s in suggestions for actor in (s.actor, s.other)}
        return queryset.filter(pk__in=ids)


class EventActorInline(admin.TabularInline):
    model = EventActor
    extra = 1
    autocomplete_fields = ["actor"]
    fields = ["actor", "role"]


class EventForm(forms.ModelForm):
    """The event form checks an editor's date as the API does: the precision must fit the
    interval, and the EDTF (computed when left empty) must describe it."""

    class Meta:
        model = Event
        fields = ["headline", "summary", "type", "review", *curation.DATE_FIELDS]

    def clean(self):
        data = super().clean()
        if data.get("date_start") and data.get("date_end") and data.get("date_precision"):
            dated = Event(**{field: data.get(field) for field in curation.DATE_FIELDS})
            if self.instance.pk and "date_edtf" not in self.changed_data:
                # The editor moved the date and left the old EDTF: it is computed afresh.
                dated.date_edtf = ""
            interval = curation.event_interval(dated)
            try:
                data["date_edtf"] = curation.normalized_date(interval)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
        return data


class HistoryAdmin(SimpleHistoryAdmin):
    """A History page per object (who changed what, when, why) whose versions an editor
    can revert to; the revert is saved with the reason "revert to version N"."""

    history_list_display = ["history_change_reason"]

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # The revert form saves through `save_model` alone (no inlines, no `save_related`):
        # the flag tells `save_model` to bring the derived fields in step itself.
        request.reverting_to = version_id
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        version = getattr(request, "reverting_to", None)
        if version is not None:
            obj._change_reason = f"revert to version {version}"
        super().save_model(request, obj, form, change)
        if version is not None:
            self.after_revert(obj, form.changed_data)

    def after_revert(self, obj, changed_fields: list[str]) -> None:
        """Re-derive what depends on the reverted object."""


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    form = EventForm
    list_display = [
        "when",
        "headline",
        "date_precision",
        "type",
        "status",
        "review",
        "actor_names",
        "source_count",
    ]
    list_display_links = ["headline"]
    list_filter = [
        "type",
        "status",
        "review",
        "date_precision",
        DatedFilter,
        AfterSourceFilter,
        "edited",
        ("actors", admin.RelatedOnlyFieldListFilter),
        SourceFilter,
        DuplicateFilter,
    ]
    date_hierarchy = "date_start"
    search_fields = ["headline"]
    search_help_text = "Headlines, summaries, quotes and actor names, in either Chinese script."
    list_per_page = 50
    inlines = [EventActorInline, ClaimInline]
    actions = ["mark_verified", "mark_rejected", "merge_selected", "undo_merges"]
    readonly_fields = [
        "status",
        "date_display",
        "date_note",
        "edited",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["headline", "summary", "type", "review"]}),
        (
            "Date",
            {
                "fields": [
                    ("date_start", "date_end"),
                    ("date_precision", "date_qualifier", "date_edtf"),
                    ("date_display", "status"),
                    "date_note",
                ],
                "description": "Changing the date marks the event edited: reloads keep it.",
            },
        ),
        ("Record", {"fields": ["edited", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(source_total=Count("claims__source", filter=LIVE_CLAIMS, distinct=True))
            .prefetch_related("actors")
        )

    def get_search_results(self, request, queryset, search_term):
        """Search the script-insensitive text, so 零一萬物 finds 零一万物 and back."""
        if not search_term.strip():
            return queryset, False
        return queryset.filter(search_text__contains=normalize_alias(search_term)), False

    @admin.display(description="date", ordering="date_start")
    def when(self, event):
        return event.date_display or "undated"

    @admin.display(description="why undated")
    def date_note(self, event):
        """Why dated claims left the event undated (all of them postdate their sources)."""
        if event.pk is None or event.date_start is not None:
            return "—"
        note = curation.reconcile_event(event, event.claims.all()).note
        return note or "no claim gives a date"

    @admin.display(description="actors")
    def actor_names(self, event):
        return format_html_join(", ", "{}", ((actor_label(actor),) for actor in event.actors.all()))

    @admin.display(description="sources", ordering="source_total")
    def source_count(self, event):
        return event.source_total

    def save_model(self, request, obj, form, change):
        self._changed_fields = form.changed_data if change else None
        super().save_model(request, obj, form, change)

    def after_revert(self, obj, changed_fields):
        curation.record_editor_change(
            event=obj, changed_fields=changed_fields, actors_changed=False
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        actors_changed = any(
            formset.model is EventActor and formset.has_changed() for formset in formsets
        )
        curation.record_editor_change(
            event=form.instance,
            changed_fields=self._changed_fields,
            actors_changed=actors_changed,
        )

    @admin.action(description="Mark selected events verified", permissions=["change"])
    def mark_verified(self, request, queryset):
        count = curation.set_review(events=queryset, review=Review.VERIFIED, user=request.user)
        self.message_user(
            request, ngettext("%d event verified.", "%d events verified.", count) % count
        )

    @admin.action(description="Reject selected events (hide from the API)", permissions=["change"])
    def mark_rejected(self, request, queryset):
        count = curation.set_review(events=queryset, review=Review.REJECTED, user=request.user)
        self.message_user(
            request, ngettext("%d event rejected.", "%d events rejected.", count) % count
        )

    @admin.action(description="Merge selected events into one", permissions=["change", "delete"])
    def merge_selected(self, request: HttpRequest, queryset):
        events = list(
            queryset.annotate(claim_total=Count("claims", filter=LIVE_CLAIMS)).order_by(
                "date_start", "id"
            )
        )
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return None
        if request.POST.get("confirm") == "yes":
            chosen = request.POST.get("target")
            target = next((event for event in events if str(event.pk) == chosen), None)
            if target is None:
                self.message_user(request, "Choose the event to keep.", messages.ERROR)
            else:
                merged = curation.merge_events(target=target, others=events, user=request.user)
                self.message_user(
                    request,
                    f"Merged {len(events)} events into “{merged.headline}”; "
                    f"it now has {merged.claims.count()} claims.",
                )
                url = reverse("admin:timeline_event_change", args=[merged.pk])
                return HttpResponseRedirect(url)
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge events",
            "opts": self.model._meta,
            "events": events,
            "suggested": max(events, key=lambda event: (event.claim_total, -event.pk)),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/timeline/event/merge_confirmation.html", context)

    @admin.action(
        description="Undo the merges into selected events (the merged events come back)",
        permissions=["change", "add"],
    )
    def undo_merges(self, request: HttpRequest, queryset):
        restored = []
        for target in queryset:
            for event_id in curation.merged_into(target):
                restored.append(curation.unmerge_event(event_id=event_id, user=request.user))
        if not restored:
            self.message_user(request, "No merge into these events to undo.", messages.WARNING)
            return
        self.message_user(
            request,
            ngettext("Restored %d merged event: ", "Restored %d merged events: ", len(restored))
            % len(restored)
            + ", ".join(f"“{event.headline}”" for event in restored),
        )


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1
    fields = ["alias", "language", "normalized"]
    readonly_fields = ["normalized"]


REVIEW_BADGE_COLOURS = {
    ActorReview.DISCOVERED: "#b35c00",
    ActorReview.REJECTED: "#ba2121",
}


def actor_label(actor: Actor):
    """The actor's name, with its review state when an editor still has to look at it."""
    if actor.review == ActorReview.CURATED:
        return actor.name
    return format_html("{} <em>({})</em>", actor.name, actor.review)


@admin.register(Actor)
class ActorAdmin(HistoryAdmin):
    list_display = ["name", "review_badge", "slug", "kind", "alias_list", "event_total"]
    list_filter = ["review", "kind", LikelySameFilter]
    search_fields = ["name", "slug", "aliases__alias", "aliases__normalized"]
    search_help_text = "Names, slugs and aliases, in either Chinese script."
    prepopulated_fields = {"slug": ["name"]}
    # Review changes go through the actions, which also drop a rejected actor's links.
    readonly_fields = ["review", "likely_same"]
    inlines = [ActorAliasInline]
    actions = ["confirm_selected", "reject_selected", "merge_selected"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(event_total=Count("event_links__event", distinct=True))
            .prefetch_related("aliases")
        )

    def get_search_results(self, request, queryset, search_term):
        """Names, slugs and aliases, script-insensitively (the autocomplete uses this too)."""
        term = search_term.strip()
        if not term:
            return queryset, False
        matching = Actor.objects.filter(
            Q(name__icontains=term)
            | Q(slug__icontains=term)
            | Q(aliases__normalized__contains=normalize_alias(term))
        )
        return queryset.filter(pk__in=matching.values("pk")), False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The actor's events hold its name and aliases in their search text.
        curation.record_actor_change(
            actor=form.instance,
            changed_fields=form.changed_data if change else [],
            aliases_changed=any(
                formset.model is ActorAlias and formset.has_changed() for formset in formsets
            ),
        )

    def after_revert(self, obj, changed_fields):
        curation.record_actor_change(
            actor=obj, changed_fields=changed_fields, aliases_changed=False
        )

    def delete_model(self, request, obj):
        curation.delete_actor(actor=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        curation.delete_actors(actors=queryset, user=request.user)

    def get_urls(self):
        merge_with = self.admin_site.admin_view(self.merge_with_view)
        return [
            path(
                "<path:object_id>/merge-with/<int:other_id>/",
                merge_with,
                name="timeline_actor_merge_with",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="possibly the same as")
    def likely_same(self, actor):
        """Each actor this one looks like, why, the events both tell, and a merge link."""
        if actor.pk is None:
            return "—"
        rows = []
        for suggestion in likely_same.likely_same_actors(actor.pk):
            other = suggestion.other if suggestion.actor.pk == actor.pk else suggestion.actor
            events = format_html_join(
                "",
                "<li><a href='{}'>{}</a> ↔ <a href='{}'>{}</a></li>",
                (
                    (
                        reverse("admin:timeline_event_change", args=[first.pk]),
                        first.headline,
                        reverse("admin:timeline_event_change", args=[second.pk]),
                        second.headline,
                    )
                    for first, second in suggestion.shared
                ),
            )
            rows.append(
                format_html(
                    "<li><a href='{}'>{}</a> ({}; {}) — <a class='button' href='{}'>Merge…</a>"
                    "<ul>{}</ul></li>",
                    reverse("admin:timeline_actor_change", args=[other.pk]),
                    other.name,
                    other.review,
                    ", ".join(suggestion.reasons),
                    reverse("admin:timeline_actor_merge_with", args=[actor.pk, other.pk]),
                    events,
                )
            )
        if not rows:
            return "—"
        return format_html("<ul>{}</ul>", format_html_join("", "{}", ((row,) for row in rows)))

    def merge_with_view(self, request: HttpRequest, object_id: str, other_id: int):
        """The merge confirmation for an actor and one it looks like; it posts the merge
        action to the actor list, as choosing both there would."""
        if not (self.has_change_permission(request) and self.has_delete_permission(request)):
            raise PermissionDenied
        actors = list(
            self.get_queryset(request).filter(pk__in=[object_id, other_id]).order_by("name", "id")
        )
        if len(actors) < 2:
            self.message_user(request, "Both actors must still exist.", messages.WARNING)
            return HttpResponseRedirect(reverse("admin:timeline_actor_changelist"))
        return self.merge_confirmation(request, actors)

    @admin.display(description="review", ordering="review")
    def review_badge(self, actor):
        colour = REVIEW_BADGE_COLOURS.get(actor.review)
        if colour is None:
            return actor.review
        return format_html('<strong style="color: {}">● {}</strong>', colour, actor.review)

    @admin.display(description="aliases")
    def alias_list(self, actor):
        return ", ".join(alias.alias for alias in actor.aliases.all())

    @admin.display(description="events", ordering="event_total")
    def event_total(self, actor):
        return actor.event_total

    @admin.action(description="Confirm selected actors (mark curated)", permissions=["change"])
    def confirm_selected(self, request, queryset):
        count = curation.confirm_actors(actors=queryset, user=request.user)
        self.message_user(
            request, ngettext("%d actor confirmed.", "%d actors confirmed.", count) % count
        )

    @admin.action(
        description="Reject selected actors (unlink them; their names stay known)",
        permissions=["change"],
    )
    def reject_selected(self, request, queryset):
        count = curation.reject_actors(actors=queryset, user=request.user)
        self.message_user(
            request, ngettext("%d actor rejected.", "%d actors rejected.", count) % count
        )

    @admin.action(description="Merge selected actors into one", permissions=["change", "delete"])
    def merge_selected(self, request: HttpRequest, queryset):
        actors = list(queryset.order_by("name", "id"))
        if len(actors) < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return None
        if request.POST.get("confirm") == "yes":
            chosen = request.POST.get("target")
            target = next((actor for actor in actors if str(actor.pk) == chosen), None)
            if target is None:
                self.message_user(request, "Choose the actor to keep.", messages.ERROR)
            else:
                merged = curation.merge_actors(target=target, others=actors, user=request.user)
                self.message_user(
                    request,
                    f"Merged {len(actors)} actors into “{merged.name}” ({merged.slug}); "
                    f"it now has {merged.aliases.count()} aliases and "
                    f"{merged.events.distinct().count()} events.",
                )
                pairs = likely_same.duplicate_events([merged.pk])
                if pairs:
                    url = reverse("admin:timeline_event_changelist")
                    self.message_user(
                        request,
                        format_html(
                            "{} of its events now look like another of its events: "
                            "<a href='{}?duplicates_of={}'>review them and merge</a>.",
                            len({event.pk for pair in pairs for event in pair}),
                            url,
                            merged.pk,
                        ),
                        messages.WARNING,
                    )
                url = reverse("admin:timeline_actor_change", args=[merged.pk])
                return HttpResponseRedirect(url)
        return self.merge_confirmation(request, actors)

    def merge_confirmation(self, request: HttpRequest, actors: list[Actor]):
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge actors",
            "opts": self.model._meta,
            "actors": actors,
            # A curated actor, else the one with most events, else the oldest.
            "suggested": min(
                actors,
                key=lambda actor: (
                    actor.review != ActorReview.CURATED,
                    -actor.event_total,
                    actor.pk,
                ),
            ),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "form_action": reverse("admin:timeline_actor_changelist"),
        }
        return TemplateResponse(request, "admin/timeline/actor/merge_confirmation.html", context)


class SourceClaimInline(ReadOnlyClaimInline):
    fields = ["event_link", "quote_marked", "normalized", "anchor", "warning"]
    readonly_fields = fields
    related = "event"

    @admin.display(description="event")
    def event_link(self, claim):
        url = reverse("admin:timeline_event_change", args=[claim.event_id])
        return format_html('<a href="{}">{}</a>', url, claim.event.headline)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "language", "reference_date", "claim_total"]
    list_filter = ["language", "published_inferred", "publisher"]
    search_fields = ["title", "publisher", "url"]
    inlines = [SourceClaimInline]
    readonly_fields = [
        "file_name",
        "content_hash",
        "loaded_at",
        "version_summary",
        "report_summary",
        "text",
    ]
    fields = [
        "title",
        "publisher",
        "authors",
        "url",
        "language",
        ("published", "published_precision", "published_inferred"),
        "file_name",
        "content_hash",
        "loaded_at",
        "version_summary",
        "report_summary",
        "text",
    ]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(claim_total=Count("claims", filter=LIVE_CLAIMS))
        )

    @admin.display(description="reference date", ordering="published")
    def reference_date(self, source):
        if source.published is None:
            return "unknown"
        return source.published_display + (" (inferred)" if source.published_inferred else "")

    @admin.display(description="claims", ordering="claim_total")
    def claim_total(self, source):
        return source.claim_total

    @admin.display(description="version")
    def version_summary(self, source):
        if source.version == 1:
            return "1 of 1"
        return (
            f"{source.version} of {source.version}, changed on {source.changed_at:%Y-%m-%d %H:%M}"
        )

    @admin.display(description="loader report")
    def report_summary(self, source):
        report = source.report or {}
        rows = [(key, value) for key, value in report.items() if value not in ("", [], {}, None)]
        if not rows:
            return "—"
        return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows))


@admin.register(Claim)
class ClaimAdmin(HistoryAdmin):
    """Claims are evidence: their text is fixed, but an editor can move one to another event."""

    list_display = [
        "quote",
        "date_text",
        "date_start",
        "date_precision",
        "after_source",
        "retired_at",
        "source",
        "event",
    ]
    list_filter = [
        "date_precision",
        "anchor_basis",
        ClaimAfterSourceFilter,
        ClaimRetiredFilter,
        "source",
    ]
    search_fields = ["quote", "date_text"]
    list_select_related = ["source", "event"]
    autocomplete_fields = ["event"]
    fields = [
        "event",
        "source",
        "quote_marked",
        ("char_start", "char_end"),
        "date_text",
        ("date_start", "date_end", "date_precision", "date_qualifier", "date_edtf"),
        ("anchor_date", "anchor_basis"),
        "after_source",
        "retired_at",
    ]
    readonly_fields = [
        name
        for entry in fields
        for name in (entry if isinstance(entry, tuple) else (entry,))
        if name != "event"
    ]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        # Retired claims too: editors look here for what a new version of a source dropped.
        return Claim.all_objects.select_related("source", "event")

    @admin.display(description="quote")
    def quote_marked(self, claim):
        return marked_quote(claim)

    def save_model(self, request, obj, form, change):
        if getattr(request, "reverting_to", None) is not None:
            obj._change_reason = f"revert to version {request.reverting_to}"
        previous_event_id = Claim.all_objects.values_list("event_id", flat=True).get(pk=obj.pk)
        curation.move_claim(claim=obj, event=obj.event, previous_event_id=previous_event_id)


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Loading jobs, to look at only: the workers write them, and an article is sent again
    through the API or `load_articles`, not edited here."""

    list_display = ["id", "state", "file_name", "source", "attempts", "created_at", "finished_at"]
    list_filter = ["state"]
    search_fields = ["file_name", "content_hash", "error"]
    list_select_related = ["source"]
    fields = [
        "state",
        "file_name",
        "content_hash",
        "metadata",
        "source",
        "submitted_by",
        "attempts",
        ("created_at", "started_at", "finished_at"),
        "error",
        "report_lines",
        "text",
    ]
    readonly_fields = [
        name for entry in fields for name in (entry if isinstance(entry, tuple) else (entry,))
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="report")
    def report_lines(self, job):
        lines = (job.report or {}).get("lines") or []
        if not lines:
            return "—"
        return format_html("<pre>{}</pre>", "\n".join(lines))


admin.site.empty_value_display = "—"
