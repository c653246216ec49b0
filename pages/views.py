"""The public pages: the timeline, one event, an actor's and a source's page, TimelineJS.

Views are thin: the events come from `pages.browsing` (the API's filters, visibility and
keyset pages), a source's evidence from `pages.evidence`.
"""

from django import forms
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from api.filters import visible_actors
from api.titles import timeline_title
from api.views import EDITOR_PERMISSION, visible_claims, visible_events, with_related
from pages.browsing import event_page, export_links, read_filters
from pages.evidence import evidence_lines, reread, skipped_counts_differ
from timeline.models import ActorReview, EventActor, Source

# TimelineJS draws one page of events; this many keeps it readable and complete for most
# filtered views (the API's largest page).
TIMELINEJS_EVENTS = 500

# The filters folded under "More filters"; its summary says how many are in use.
MORE_FILTERS = ("actor", "after", "before", "strict", "status", "min_precision", "type", "ordering")


def can_edit(user) -> bool:
    """Editors reach the admin's event page from each event."""
    return user.is_staff and user.has_perm(EDITOR_PERMISSION)


def filter_form(page, *, actor_field: bool = True):
    """The FilterSet's own form, with widgets that suit a page read on a phone."""
    form = page.filterset.form
    fields = form.fields
    fields["type"].widget = forms.CheckboxSelectMultiple(choices=fields["type"].choices)
    for name in ("status", "min_precision"):
        choices = [("", "any"), *[c for c in fields[name].choices if c[0] != ""]]
        fields[name].widget = forms.Select(choices=choices)
    fields["after"].widget = forms.TextInput(attrs={"placeholder": "2024 or 2024-05"})
    fields["before"].widget = forms.TextInput(attrs={"placeholder": "2025-01-31"})
    fields["q"].widget = forms.TextInput(
        attrs={"type": "search", "placeholder": "零一万物, 零一萬物, Yi-Large…"}
    )
    fields["strict"].widget = forms.CheckboxInput(check_test=lambda value: value == "true")
    fields["strict"].widget.attrs["value"] = "true"
    fields["dated"].widget = forms.HiddenInput()
    form.actor_slugs = page.query.getlist("actor") if actor_field else None
    form.more_in_use = sum(1 for name in MORE_FILTERS if name in page.query)
    return form


def page_title(page, *, actor_name=None) -> str:
    if page.errors:
        return "Timeline"
    return timeline_title(page.filterset.form.cleaned_data, actor_name=actor_name)


def listing_context(request, page, *, api_base: str, actor=None) -> dict:
    timelinejs = page.query.copy()
    timelinejs.pop("dated", None)
    if actor is not None:
        timelinejs.setlist("actor", [actor.slug])
    actor_name = actor.name if actor is not None else None
    return {
        "page": page,
        "form": filter_form(page, actor_field=actor_name is None),
        "title": page_title(page, actor_name=actor_name),
        "exports": export_links(api_base, page.query),
        "timelinejs_query": timelinejs.urlencode(),
        "can_edit": can_edit(request.user),
    }


def timeline(request):
    page = event_page(request)
    context = listing_context(request, page, api_base=reverse("event-list"))
    return render(request, "pages/timeline.html", context, status=400 if page.errors else 200)


def event_detail(request, pk: int):
    user = request.user
    event = get_object_or_404(with_related(visible_events(user), user), pk=pk)
    return render(request, "pages/event.html", {"event": event, "can_edit": can_edit(request.user)})


def actor_detail(request, slug: str):
    user = request.user
    actor = get_object_or_404(visible_actors(user).with_aliases(), slug=slug)
    events = visible_events(user).filter(
        Exists(EventActor.objects.filter(event=OuterRef("pk"), actor=actor))
    )
    page = event_page(request, events=events, without=("actor",))
    context = listing_context(
        request,
        page,
        api_base=reverse("actor-events", kwargs={"slug": actor.slug}),
        actor=actor,
    )
    context.update(actor=actor, discovered=actor.review == ActorReview.DISCOVERED)
    return render(request, "pages/actor.html", context, status=400 if page.errors else 200)


def source_detail(request, pk: int):
    source = get_object_or_404(Source, pk=pk)
    claims = list(
        visible_claims(request.user)
        .filter(source=source)
        .select_related("event")
        .order_by("char_start", "id")
    )
    document = reread(source)
    return render(
        request,
        "pages/source.html",
        {
            "source": source,
            "claims": claims,
            "lines": evidence_lines(source, claims, document),
            "skipped": document.skipped_counts() if document else {},
            "reread_differs": skipped_counts_differ(source, document),
            "can_edit": can_edit(request.user),
        },
    )


def timelinejs(request):
    """TimelineJS3, from the project's static files, drawing the API's TimelineJS document
    of the same filters."""
    filtered = read_filters(request)
    query = filtered.query.copy()
    query["format"] = "timelinejs"
    query["page_size"] = str(TIMELINEJS_EVENTS)
    title = "Timeline"
    if not filtered.errors:
        title = timeline_title(filtered.filterset.form.cleaned_data)
    return render(
        request,
        "pages/timelinejs.html",
        {
            "errors": filtered.errors,
            "title": title,
            "document_url": f"{reverse('event-list')}?{query.urlencode()}",
            "exports": export_links(reverse("event-list"), filtered.query),
            "list_query": filtered.query.urlencode(),
        },
        status=400 if filtered.errors else 200,
    )
