"""Root URLconf: the admin for editors, the API for everyone else."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "Timeline editors"
admin.site.site_title = "Timeline"
admin.site.index_title = "Curate events, claims and actors"

urlpatterns = [
    path("", RedirectView.as_view(url="/api/", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
]
