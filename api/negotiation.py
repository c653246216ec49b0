"""Content negotiation that answers an unknown `?format=` with a 400 naming the choices,
and remembers what it chose.

DRF's default raises 404 for an unknown format, which would read as "no such resource".
OPTIONS describes the endpoint, which only JSON can say: CSV and TimelineJS render events.

The choice depends only on the view's renderers, the format asked for (suffix or
`?format=`) and the Accept header, so it is remembered per combination: DRF parses the
Accept header and walks the renderers on every request (about a tenth of a 304's CPU).
Only choices are remembered, never refusals, which are raised afresh each time.
"""

from django.http import Http404
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer

from api.errors import InvalidParameter, ParameterError

# Accept headers are the client's to write: past this many combinations the memory is
# emptied and filled again, so that no client can make it grow.
MAX_REMEMBERED = 512
# (renderer classes, format, Accept) -> (position of the chosen renderer, media type)
chosen: dict[tuple, tuple[int, str]] = {}


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
        renderer, media_type = self.remembered_choice(request, renderers, format_suffix)
        if request.method == "OPTIONS" and renderer.format != JSONRenderer.format:
            return JSONRenderer(), JSONRenderer.media_type
        return renderer, media_type

    def remembered_choice(self, request, renderers, format_suffix):
        key = (
            tuple(type(renderer) for renderer in renderers),
            format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE),
            request.META.get("HTTP_ACCEPT", "*/*"),
        )
        known = chosen.get(key)
        if known is not None:
            position, media_type = known
            return renderers[position], media_type
        renderer, media_type = super().select_renderer(request, renderers, format_suffix)
        position = next(
            (index for index, candidate in enumerate(renderers) if candidate is renderer), None
        )
        if position is not None:
            if len(chosen) >= MAX_REMEMBERED:
                chosen.clear()
            chosen[key] = (position, media_type)
        return renderer, media_type
