"""Content negotiation that answers an unknown `?format=` with a 400 naming the choices.

DRF's default raises 404 for an unknown format, which would read as "no such resource".
OPTIONS describes the endpoint, which only JSON can say: CSV and TimelineJS render events.
"""

from django.http import Http404
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer

from api.errors import InvalidParameter, ParameterError


class FormatNegotiation(DefaultContentNegotiation):
    def filter_renderers(self, renderers, format):
        try:
            return super().filter_renderers(renderers, format)
        except Http404:
            accepted = ", ".join(renderer.format for renderer in renderers)
            raise InvalidParameter(
                [ParameterError("format", f"Unknown format {format!r}.", accepted)]
            ) from None

    def select_renderer(self, request, renderers, format_suffix=None):
        renderer, media_type = super().select_renderer(request, renderers, format_suffix)
        if request.method == "OPTIONS" and renderer.format != JSONRenderer.format:
            return JSONRenderer(), JSONRenderer.media_type
        return renderer, media_type
