"""DRF's token and session authentication, refusing credentials no database can look up,
and not run at all for a request that carries no credentials.

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


# The authenticators that read only the Authorization header and the session cookie.
CREDENTIAL_AUTHENTICATORS = frozenset({TokenAuthentication, SessionAuthentication})


def carries_no_credentials(request, authentication_classes) -> bool:
    """Whether `request` (Django's) is anonymous to every one of `authentication_classes`
    without asking them: no Authorization header, no session cookie (so Django's session
    holds no user), no user forced by a test client, and authenticators that read nothing
    else."""
    return (
        "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and getattr(request, "_force_auth_user", None) is None
        and getattr(request, "_force_auth_token", None) is None
        and CREDENTIAL_AUTHENTICATORS.issuperset(authentication_classes)
    )


class AnonymousWithoutCredentialsMixin:
    """For views: a request without credentials is made anonymous without running the
    authenticators, which would each look and find nothing (the session one loading
    Django's lazy user from an empty session), for the same result: DRF's own "nobody
    authenticated" (its anonymous user, no auth, no successful authenticator), at the
    same point of the request. The authenticators stay on the request, so that a refused
    write is still a 401 that names them rather than a 403."""

    def perform_authentication(self, request):
        if carries_no_credentials(request._request, self.authentication_classes):
            request._not_authenticated()
            # The session authenticator would have read the (empty) session, which makes
            # the session middleware add `Vary: Cookie` to the response.
            if hasattr(request._request, "session"):
                request._request.session.accessed = True
        else:
            super().perform_authentication(request)
