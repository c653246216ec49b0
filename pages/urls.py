"""Routes of the public pages."""

from django.urls import path

from pages import views

urlpatterns = [
    path("", views.timeline, name="timeline-page"),
    path("events/<int:pk>/", views.event_detail, name="event-page"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor-page"),
    path("sources/<int:pk>/", views.source_detail, name="source-page"),
    path("timelinejs/", views.timelinejs, name="timelinejs-page"),
]
