"""HTTP caching of reads: an ETag from the data version, 304s, Cache-Control, and a cache
of rendered responses.

The ETag of a GET or HEAD is a digest of the data version (`timeline.versions`, changed by
every committed write to the tables the API reads) and of everything else a response
depends on: the absolute URL (path, filters, cursor, host), the negotiated media type, and
who asks (a user's id and whether they see rejected events and actors). It is known before
the view runs, for the price of one small query: a matching If-None-Match is answered 304
without building anything, and a response rendered earlier for the same tag is served from
Django's cache (`CACHES["default"]`: process memory, or Redis with REDIS_URL) for
`API_RESPONSE_CACHE_SECONDS`. A write changes the version, hence every tag and every key:
nothing is invalidated by hand, and nothing stale can be served.

The browsable HTML pages and streamed CSV exports are tagged but not cached (the HTML shows
the signed-in user and a per-response CSP nonce; an export is too large to hold).
`Cache-Control` lets browsers and proxies keep public reads (`API_MAX_AGE` seconds, then
revalidate); a signed-in user's reads are private.

`Last-Modified` (the newest `updated_at` among the events shown) is sent for information
only: it cannot see deletions or related rows, so `If-Modified-Since` is not evaluated.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework.response import Response

from timeline.versions import data_version

EDITOR_PERMISSIONS = ("timeline.change_event", "timeline.change_actor")
CACHED_FORMATS = {"json", "timelinejs"}
# Headers of a rendered response that a cached copy must carry again.
# How long a value derived from one data version is kept: it can never be wrong, only
# unreachable once the version changes, so this only bounds the memory it holds.
DERIVED_VALUE_SECONDS = 600
KEPT_HEADERS = ("Content-Type", "Link", "Last-Modified", "Content-Disposition")


class Answered(Exception):
    """Raised from `initial` when the response is known before the view runs."""

    def __init__(self, response):
        self.response = response


# Values derived from a data version, kept in this process as well as in the cache: a look
# here is a dict probe, where the cache's costs a lock, a pickle and a digest (0.05 ms of
# an events page). Emptied when full, so that it stays small.
MAX_DERIVED_HERE = 1024
derived_here: dict[tuple[str, str, str], object] = {}


def under_version(version: str | None, name: str, key: str, compute):
    """`compute()`, kept in the cache under the data version: a value derived from the data
    (a count) is computed once per version, and a write, which changes the version, makes
    every kept value unreachable. Without a version (a write), it is computed each time."""
    if version is None:
        return compute()
    here = (version, name, key)
    value = derived_here.get(here)
    if value is not None:
        return value
    digest = hashlib.sha256(f"{version}\n{key}".encode()).hexdigest()[:40]
    cache_key = f"api-{name}:{digest}"
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, DERIVED_VALUE_SECONDS)
    if len(derived_here) >= MAX_DERIVED_HERE:
        derived_here.clear()
    derived_here[here] = value
    return value


def version_etag(request, version: str) -> str:
    renderer = request.accepted_renderer
    return etag_of(
        version, request.build_absolute_uri(), renderer.format, renderer.media_type, request.user
    )


def etag_of(version: str, url: str, format: str, media_type: str, user) -> str:
    """The ETag of a read of `url` rendered as `format` for `user` at `version`."""
    if user is not None and user.is_authenticated:
        viewer = f"{user.pk}:" + ",".join(str(user.has_perm(name)) for name in EDITOR_PERMISSIONS)
    else:
        viewer = "anonymous"
    key = "\n".join((version, url, format, media_type, viewer))
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:40] + '"'


def public_cache_control() -> str:
    return f"public, max-age={settings.API_MAX_AGE}, must-revalidate"


class ConditionalGetMixin:
    """For views: tag reads with the data version, answer a matching If-None-Match with 304
    and a cached rendering with itself, before the view builds anything.

    Views set `self.last_modified` (an aware datetime) to send `Last-Modified`.
    """

    last_modified = None
    etag = None
    # The data version this read was tagged with (None for writes).
    version = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.etag = self.version = None
        if request.method not in ("GET", "HEAD"):
            return
        self.version = data_version()
        self.etag = version_etag(request, self.version)
        not_modified = get_conditional_response(request._request, etag=self.etag)
        if not_modified is not None:
            raise Answered(not_modified)
        if self.cacheable(request):
            cached = cache.get(self.cache_key())
            if cached is not None:
                status, content, headers = cached
                response = HttpResponse(content, status=status)
                for name, value in headers.items():
                    response[name] = value
                raise Answered(response)

    def handle_exception(self, exc):
        if isinstance(exc, Answered):
            return exc.response
        return super().handle_exception(exc)

    def cacheable(self, request) -> bool:
        return (
            settings.API_RESPONSE_CACHE_SECONDS > 0
            and request.accepted_renderer.format in CACHED_FORMATS
        )

    def cache_key(self) -> str:
        return "api-response:" + self.etag.strip('"')

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.etag is None or response.status_code not in (200, 304):
            return response
        response["ETag"] = self.etag
        if request.user is not None and request.user.is_authenticated:
            response["Cache-Control"] = "private, no-cache"
        else:
            response["Cache-Control"] = public_cache_control()
        # Editors see what others do not; the format may come from the Accept header.
        patch_vary_headers(response, ["Accept", "Authorization", "Cookie"])
        # A DRF response, or a page the view rendered itself (never a streamed export).
        if response.status_code == 200 and isinstance(response, HttpResponse):
            if self.last_modified is not None:
                response["Last-Modified"] = http_date(self.last_modified.timestamp())
            if self.cacheable(request):
                if isinstance(response, Response):
                    response.render()
                headers = {name: response[name] for name in KEPT_HEADERS if name in response}
                cache.set(
                    self.cache_key(),
                    (response.status_code, response.content, headers),
                    settings.API_RESPONSE_CACHE_SECONDS,
                )
        return response
