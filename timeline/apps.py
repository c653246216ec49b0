"""The domain app: sources, actors, events and the claims that date them."""

from django.apps import AppConfig


class TimelineConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "timeline"
    verbose_name = "Timeline"

    def ready(self) -> None:
        # Connects the receiver that puts a block's change reason on each history row.
        from timeline import history  # noqa: F401
