"""DRF's token and session authentication, refusing credentials no database can look up.

PostgreSQL rejects a NUL byte in a query parameter outright, so a token or session cookie
holding one would end in a database error (a 500) rather than in "not authenticated".
"""

from django.conf import settings
from drf_spectacular.authentication import SessionScheme
from rest_framework import authentication, exceptions


def holds_nul(value: str | None) -> bool:
    return value is not None and "\x00" in value


class TokenAuthentication(authentication.TokenAuthentication):
    def authenticate_credentials(self, key):
        if holds_nul(key):
            raise exceptions.AuthenticationFailed("Invalid token.")
        return super().authenticate_credentials(key)


class SessionAuthentication(authentication.SessionAuthentication):
    def authenticate(self, request):
        # No session can have such a key: the request is anonymous, as for an unknown one.
        if holds_nul(request._request.COOKIES.get(settings.SESSION_COOKIE_NAME)):
            return None
        return super().authenticate(request)


class SessionCookieScheme(SessionScheme):
    """Documents the session cookie in the schema, as drf-spectacular does for DRF's class."""

    target_class = SessionAuthentication
