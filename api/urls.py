"""API routes: the resources of API.md, the schema and its interactive page."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from api import loading, views
from api.tokens import ObtainTokenView

router = SimpleRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("actors", views.ActorViewSet, basename="actor")
router.register("sources", views.SourceViewSet, basename="source")
router.register("jobs", loading.JobViewSet, basename="job")

urlpatterns = [
    path("", views.api_root, name="api-root"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("extract/", loading.ExtractView.as_view(), name="extract"),
    path("token/", ObtainTokenView.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view loads its setup script from its own URL: no inline script for the CSP.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
    *router.urls,
    # Any path at all, one holding an encoded line break (`%0A`) too, which `.` skips.
    re_path(r"^[\s\S]*$", views.not_found, name="api-not-found"),
]
