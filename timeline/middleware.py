"""Request hygiene shared by the admin and the API."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


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
