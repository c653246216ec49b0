"""The events page for an anonymous client, answered before the rest of the middleware
and without DRF: the same body and headers for a fraction of the CPU.

A built events page cost about 2.3–3.8 ms of CPU in process (100k–1M events), of which
the page itself (its statements, dicts, links and JSON) was about 2 ms; the rest went to
the middleware (0.4 ms together), DRF's request, negotiation, authentication,
permission and throttle checks and its finalize, and URL resolving; a page from the
response cache was nearly all of that. For the request that most clients send, an anonymous GET
of `/api/events/` in JSON, each of those does nothing that shows in the answer, or adds
the same headers to every such answer. This middleware, placed right after the one that
opens the request's database scope, answers that request itself, with what
`EventViewSet.list` answers (`api.views.event_page_response`), the ETag, Cache-Control
and Vary of `api.caching.ConditionalGetMixin`, DRF's `Allow` and `Vary: Accept`, the
response cache (looked up before the filters are read, as DRF's view does), and the
headers of the middleware below it, added by those middleware's own methods. Measured
in `benchmarks/README.md` ("The events page answered ahead of the chain").

It leaves to the chain, which answers as before, every request it cannot be sure of:
any other method or path, a cookie, credentials, an `Origin`, an Accept header or a
`format` other than plain JSON, a conditional request (a 304 costs little already), a
parameter `api.event_params` or the paginator does not take (every 400), a throttle
that would refuse, a redirect the security or common middleware would send, a
middleware it does not know in the settings, and any error on the way (a database
error then happens again in the chain, which answers it as it always has).
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import router
from django.http import HttpRequest, HttpResponse
from django.urls import get_script_prefix, reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date
from django.utils.module_loading import import_string

from api.caching import CACHED_FORMATS, KEPT_HEADERS, etag_of, public_cache_control
from api.event_params import event_filters
from api.pagination import EventPagination
from api.renderers import ORJSONRenderer
from api.views import EventViewSet, event_page_response
from timeline.models import Event
from timeline.versions import data_version

# Middleware that do nothing to an anonymous GET without cookies of an API page, nor to
# its answer: skipped. Sessions (no cookie: an empty session, saved never; its
# `Vary: Cookie` is the page's own), CSRF (a safe method, no token asked for), the user
# and messages (lazy, never read), the API's error shapes (a failure goes back to the
# chain), django-axes (admin logins) and the history's request (writes only).
SKIPPED = frozenset(
    {
        "timeline.middleware.DropNulCookiesMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "timeline.middleware.LazyMessageMiddleware",
        "api.middleware.APIErrorMiddleware",
        "axes.middleware.AxesMiddleware",
        "simple_history.middleware.HistoryRequestMiddleware",
    }
)
# Middleware that may refuse or redirect a request (asked first: an answer from one
# leaves the request to the chain) and that add headers to every answer (added here).
CHECKED = frozenset(
    {
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
    }
)
HEADERS_ONLY = frozenset(
    {
        "corsheaders.middleware.CorsMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        "timeline.middleware.CSPMiddleware",
    }
)
# What DRF's finalize adds to every answer of the event list (`APIView.default_response_headers`).
ALLOW = "GET, POST, HEAD, OPTIONS"
# The Accept headers for which DRF's negotiation picks `ORJSONRenderer`'s JSON.
PLAIN_ACCEPTS = frozenset({None, "*/*", "application/json"})


class PageRequest:
    """What the paginator, the ETag and DRF's throttles read of a DRF request."""

    def __init__(self, request: HttpRequest, user):
        self._request = request
        self.query_params = request.GET
        self.META = request.META
        self.user = user
        self.url = None

    def build_absolute_uri(self) -> str:
        # Asked for the ETag and again for each pagination link.
        if self.url is None:
            self.url = self._request.build_absolute_uri()
        return self.url


class EventPageMiddleware:
    """Answers an anonymous JSON GET of the events page without the rest of the chain
    (module docstring); any other request goes down the chain as before."""

    def __init__(self, get_response):
        self.get_response = get_response
        names = list(settings.MIDDLEWARE)
        own = f"{__name__}.{type(self).__name__}"
        below = names[names.index(own) + 1 :] if own in names else []
        known = SKIPPED | CHECKED | HEADERS_ONLY
        # A middleware it does not know could do anything: then every request takes the chain.
        self.enabled = bool(below) and all(name in known for name in below)
        instances = [
            (name, import_string(name)(get_response))
            for name in below
            if name in CHECKED | HEADERS_ONLY
        ]
        # Asked in the chain's order; their headers added from the innermost out.
        self.checks = [instance for name, instance in instances if name in CHECKED]
        self.finishers = [
            # django-cors-headers adds its headers in `__call__`, through this method.
            getattr(instance, "process_response", None) or instance.add_response_headers
            for _, instance in reversed(instances)
        ]
        self.path = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.enabled and self.eligible(request):
            try:
                response = self.answer(request)
            except Exception:  # the chain answers it, an error as it always has
                response = None
            if response is not None:
                return response
        return self.get_response(request)

    def eligible(self, request: HttpRequest) -> bool:
        if self.path is None:
            # As `path_info` reads it: without the prefix the site is served under.
            self.path = "/" + reverse("event-list")[len(get_script_prefix()) :]
        meta = request.META
        return (
            request.method == "GET"
            and request.path_info == self.path
            # No cookie at all (an empty header is none), no credentials, no user forced
            # by a test client (`api.authentication.carries_no_credentials`).
            and not meta.get("HTTP_COOKIE")
            and "HTTP_AUTHORIZATION" not in meta
            and getattr(request, "_force_auth_user", None) is None
            and getattr(request, "_force_auth_token", None) is None
            and "HTTP_ORIGIN" not in meta
            and "HTTP_IF_NONE_MATCH" not in meta
            and meta.get("HTTP_ACCEPT") in PLAIN_ACCEPTS
        )

    def answer(self, request: HttpRequest) -> HttpResponse | None:
        query = request.GET
        if query.get("format") not in (None, ORJSONRenderer.format):
            return None
        for check in self.checks:
            if check.process_request(request) is not None:
                return None
        user = AnonymousUser()
        page_request = PageRequest(request, user)
        db = router.db_for_read(Event)
        filters = None
        throttles = active_throttles(EventViewSet)
        if throttles:
            # Counted only for a request this answers: one the chain must judge is counted
            # there (the filters are read first, the throttles asked next).
            filters = event_filters(query, user, db)
            if filters is None or not throttles_allow(throttles, EventViewSet, page_request):
                return None
        version = data_version()
        etag = etag_of(
            version,
            page_request.build_absolute_uri(),
            ORJSONRenderer.format,
            ORJSONRenderer.media_type,
            user,
        )
        cached = None
        cacheable = (
            settings.API_RESPONSE_CACHE_SECONDS > 0 and ORJSONRenderer.format in CACHED_FORMATS
        )
        if cacheable:
            cached = cache.get("api-response:" + etag.strip('"'))
        if cached is not None:
            status, content, headers = cached
            response = HttpResponse(content, status=status)
            for name, value in headers.items():
                response[name] = value
            last_modified = None
        else:
            # Read only now: like DRF's view, a response from the cache never judges them
            # (it was cached for this URL at this data version, hence valid).
            if filters is None:
                filters = event_filters(query, user, db)
                if filters is None:
                    return None
            response, last_modified = event_page_response(
                page_request, EventPagination(), filters, db, version
            )
        self.finalize(response, etag, last_modified)
        if cacheable:
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(
                "api-response:" + etag.strip('"'),
                (response.status_code, response.content, headers),
                settings.API_RESPONSE_CACHE_SECONDS,
            )
        for finish in self.finishers:
            response = finish(request, response)
        return response

    @staticmethod
    def finalize(response: HttpResponse, etag: str, last_modified) -> None:
        """What DRF's finalize and `ConditionalGetMixin.finalize_response` add to an
        anonymous JSON page, in their order."""
        patch_vary_headers(response, ["Accept"])
        response["Allow"] = ALLOW
        response["ETag"] = etag
        response["Cache-Control"] = public_cache_control()
        patch_vary_headers(response, ["Accept", "Authorization", "Cookie"])
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())


def active_throttles(view) -> list:
    """The view's throttles that have a rate (None: counting is off)."""
    throttles = [throttle() for throttle in view.throttle_classes]
    return [throttle for throttle in throttles if throttle.rate is not None]


def throttles_allow(throttles: list, view, request: PageRequest) -> bool:
    """DRF's throttle check for the view: every throttle counts the request, as DRF's do,
    only when none would refuse it (a refusal is the chain's to answer, with its
    Retry-After)."""
    for throttle in throttles:
        key = throttle.get_cache_key(request, view)
        if key is None:
            continue
        now = throttle.timer()
        history = throttle.cache.get(key, [])
        if sum(moment > now - throttle.duration for moment in history) >= throttle.num_requests:
            return False
    return all(throttle.allow_request(request, view) for throttle in throttles)
