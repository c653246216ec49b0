"""The token endpoint: DRF's, refusing a client locked out after repeated failed logins.

django-axes counts every failed `authenticate()` (the admin's login form and this endpoint
alike); once a username has failed too often from one address, this endpoint answers 429 with
`Retry-After` until the cool-off is over, even with the right password.
"""

import math

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import parsers, serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import Throttled

from api.errors import ErrorSerializer
from api.parsers import JSONParser
from api.throttling import AnonymousThrottle, SignedInThrottle


class LockedOut(Throttled):
    default_detail = "Too many failed logins: locked out."
    default_code = "locked_out"
    extra_detail_singular = "Try again in {wait} second."
    extra_detail_plural = "Try again in {wait} seconds."


class ObtainTokenView(ObtainAuthToken):
    parser_classes = [JSONParser, parsers.FormParser, parsers.MultiPartParser]
    # DRF's view turns throttling off; a password guesser is exactly who it is for.
    throttle_classes = [AnonymousThrottle, SignedInThrottle]

    @extend_schema(
        summary="A token for a username and password",
        responses={
            200: inline_serializer("AuthToken", {"token": serializers.CharField()}),
            400: OpenApiResponse(ErrorSerializer, description="Missing or wrong credentials."),
            429: OpenApiResponse(
                ErrorSerializer,
                description="Too many requests, or too many failed logins (`locked_out`); "
                "`Retry-After` says when to try again.",
            ),
        },
    )
    def post(self, request, *args, **kwargs):
        username = request.data.get("username") if hasattr(request.data, "get") else None
        credentials = {"username": username if isinstance(username, str) else None}
        if not AxesProxyHandler.is_allowed(request._request, credentials):
            cool_off = get_cool_off(request._request)
            raise LockedOut(wait=math.ceil(cool_off.total_seconds()) if cool_off else None)
        return super().post(request, *args, **kwargs)
