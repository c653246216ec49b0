"""The HTTP layer: a read-mostly REST API over the timeline app."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = "Timeline API"
