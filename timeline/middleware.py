"""Request hygiene shared by the admin and the API, and the database scope of a request."""

from collections.abc import Callable, Iterable, Iterator

from django.http import HttpRequest, HttpResponse

from timeline.replicas import request_scope, scope_state

# Methods that only read, as RFC 9110 defines them.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class DropNulCookiesMiddleware:
    """Forget cookies that hold a NUL byte before anything looks them up.

    No session or CSRF token can contain one, and PostgreSQL refuses such a string in a
    query outright, so a forged cookie would otherwise end in a server error instead of
    an anonymous request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for name in [name for name, value in request.COOKIES.items() if "\x00" in value]:
            del request.COOKIES[name]
        return self.get_response(request)


class ReadYourWritesMiddleware:
    """One database scope per request (timeline/replicas.py): reads go to a replica until
    the request writes, then to the primary for the rest of it. A request with an unsafe
    method is on the primary from its first query, since what it reads decides what it
    writes.

    First in the chain, so that the session and the user are read where the rest of the
    request reads. With no replica configured every query goes to the primary anyway.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_scope(primary=request.method not in SAFE_METHODS):
            response = self.get_response(request)
            state = scope_state()
        if response.streaming:
            # A streamed body (the CSV export) is read after this returns: its queries belong
            # to the same scope, on the same replica, or on the primary if the request wrote.
            response.streaming_content = in_scope(response.streaming_content, state)
        return response


def in_scope(content: Iterable, state: dict) -> Iterator:
    with request_scope(**state):
        yield from content
