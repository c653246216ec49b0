"""Errors raised outside DRF's exception handler, answered under /api/ in the one error shape.

Django turns these into HTML pages: a lost database (a 500), too many query parameters and
oversized bodies (400). Under /api/ they become JSON, with the status that says what happened:
503 with `Retry-After` while the database is unreachable, 413 for a body over
`DATA_UPLOAD_MAX_MEMORY_SIZE`, 400 for too many fields.
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import (
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse

from api.errors import ParameterError
from timeline.pipeline.reading import MAX_ARTICLE_BYTES

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
# How long a client should wait before retrying while the database is away: long enough not
# to hammer it, short enough that a restart is noticed quickly.
RETRY_AFTER_SECONDS = 5
# An article may be uploaded as large as `load_articles` reads (a multipart body holds the
# file and a little more); the article's own limit is then checked on its bytes, with a 400
# naming the field. A JSON body stays under DATA_UPLOAD_MAX_MEMORY_SIZE: the parser reads
# it whole into memory.
ARTICLE_BODY_LIMITS = {f"{API_PREFIX}sources/": MAX_ARTICLE_BYTES + 65536}


def error_response(status: int, error: ParameterError, **headers: str) -> JsonResponse:
    response = JsonResponse(
        {"errors": [error.as_dict()]},
        status=status,
        json_dumps_params={"separators": (",", ":"), "ensure_ascii": False},
    )
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def body_too_large() -> JsonResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return error_response(
        413,
        ParameterError(
            None, "The request body is too large.", f"at most {limit} bytes", "too_large"
        ),
    )


def too_many_fields() -> JsonResponse:
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    return error_response(
        400,
        ParameterError(
            None, "Too many query parameters or form fields.", f"at most {limit}", "too_many_fields"
        ),
    )


class APIErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX):
            if self.declared_too_large(request):
                # Refused before a byte of it is read: DRF's parsers read the stream themselves
                # and would otherwise take in any size.
                return body_too_large()
            try:
                # Parsed here, once: DRF first reads the query string while choosing a
                # renderer, and with DEBUG on its error path then fails for want of one.
                request.GET  # noqa: B018
            except TooManyFieldsSent:
                return too_many_fields()
        return self.get_response(request)

    @staticmethod
    def declared_too_large(request: HttpRequest) -> bool:
        limit = ARTICLE_BODY_LIMITS.get(request.path, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False
        return limit is not None and length > limit

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith(API_PREFIX):
            return None
        if isinstance(exception, OperationalError | InterfaceError):
            logger.error("Database unavailable for %s: %s", request.path, exception)
            return error_response(
                503,
                ParameterError(
                    None,
                    "The service is temporarily unavailable; try again shortly.",
                    None,
                    "service_unavailable",
                ),
                Retry_After=str(RETRY_AFTER_SECONDS),
            )
        if isinstance(exception, RequestDataTooBig):
            return body_too_large()
        if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
            return too_many_fields()
        if isinstance(exception, SuspiciousOperation):
            return error_response(
                400, ParameterError(None, "The request is malformed.", None, "bad_request")
            )
        if isinstance(exception, Http404):
            return error_response(
                404, ParameterError(None, "Nothing found with this value.", None, "not_found")
            )
        return None
