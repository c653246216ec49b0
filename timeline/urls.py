"""Root URLconf: the public pages, the admin for editors, the API for programs."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Timeline editors"
admin.site.site_title = "Timeline"
admin.site.index_title = "Curate events, claims and actors"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("pages.urls")),
]
