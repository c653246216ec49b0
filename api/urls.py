"""API routes: the resources of API.md, the schema and its interactive page."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import SimpleRouter

from api import views

router = SimpleRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("actors", views.ActorViewSet, basename="actor")
router.register("sources", views.SourceViewSet, basename="source")

urlpatterns = [
    path("", views.api_root, name="api-root"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("token/", obtain_auth_token, name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    *router.urls,
    re_path(r"^.*$", views.not_found, name="api-not-found"),
]
