"""HTTP caching: a strong ETag on every successful read, and 304 for a matching If-None-Match.

The ETag is the SHA-256 of the rendered body (and its media type). An aggregate such as
max(updated_at) + count over the filtered queryset would let a 304 skip the serializing,
but it costs a COUNT over everything the filters match (the whole table for an unfiltered
list) on every request, and it misses changes that do not touch the event row: an edited
source title, a claim moved by an editor, an actor renamed. Hashing the body is exact and
costs no query; what a 304 saves is the transfer.

`Last-Modified` (the newest `updated_at` among the events shown) is sent for information
only: it cannot see deletions or related rows, so `If-Modified-Since` is not evaluated.
"""

import hashlib

from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework.response import Response


def body_etag(body: bytes, media_type: str) -> str:
    digest = hashlib.sha256(media_type.encode() + b"\n" + body).hexdigest()
    return f'"{digest}"'


class ConditionalGetMixin:
    """For views: tag GET/HEAD responses and answer a matching If-None-Match with 304.

    Views set `self.last_modified` (an aware datetime) to send `Last-Modified`.
    """

    last_modified = None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or not isinstance(response, Response)
        ):
            return response
        response.render()
        etag = body_etag(response.content, response.get("Content-Type", ""))
        response["ETag"] = etag
        if self.last_modified is not None:
            response["Last-Modified"] = http_date(self.last_modified.timestamp())
        # Editors see rejected events that others do not.
        patch_vary_headers(response, ["Authorization", "Cookie"])
        return get_conditional_response(request._request, etag=etag, response=response)
