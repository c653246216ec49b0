"""One error shape for every failure the API reports.

`{"errors": [{"parameter", "message", "accepted", "code"}]}`: bad query parameters, invalid
request bodies, unknown ids, missing permissions. DRF's own exceptions are reshaped here.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, serializers, status
from rest_framework.renderers import JSONRenderer


@dataclass(frozen=True)
class ParameterError:
    parameter: str | None
    message: str
    accepted: str | None = None
    code: str = "invalid"

    def as_dict(self) -> dict:
        return {
            "parameter": self.parameter,
            "message": self.message,
            "accepted": self.accepted,
            "code": self.code,
        }


class InvalidParameter(exceptions.APIException):
    """A query parameter the API cannot honour; answered with 400 and what is accepted."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"

    def __init__(self, errors: list[ParameterError]):
        self.errors = errors
        super().__init__(detail="; ".join(f"{e.parameter}: {e.message}" for e in errors))


class ErrorItemSerializer(serializers.Serializer):
    """Documents one entry of an error body in the schema."""

    parameter = serializers.CharField(
        allow_null=True,
        help_text="The query parameter, path parameter or body field at fault "
        "(nested body fields are dotted: `date.start`); null when no single one is.",
    )
    message = serializers.CharField(help_text="What is wrong, in English.")
    accepted = serializers.CharField(
        allow_null=True, help_text="What the parameter accepts, when that can be said."
    )
    code = serializers.CharField(
        help_text="Machine-readable: `invalid`, `not_found`, `not_authenticated`, "
        "`permission_denied`, `method_not_allowed`, `parse_error`, …"
    )


class ErrorSerializer(serializers.Serializer):
    errors = ErrorItemSerializer(many=True)


def exception_handler(exc, context):
    """DRF's handler, with every error body rewritten into the one shape."""
    # Imported here: rest_framework.views loads the content negotiation class from the
    # settings, and that class (api.negotiation) imports this module.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    response.data = {"errors": [e.as_dict() for e in describe(exc, context.get("view"))]}
    request = context.get("request")
    if request is not None:
        # Errors are JSON whatever format was asked for: a CSV or TimelineJS renderer has
        # no place for them.
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type
    return response


def describe(exc, view) -> list[ParameterError]:
    if isinstance(exc, InvalidParameter):
        return exc.errors
    if isinstance(exc, exceptions.ValidationError):
        return list(flatten(exc.detail, prefix=None))
    if isinstance(exc, exceptions.NotFound):
        parameter = None
        if view is not None and getattr(view, "kwargs", None):
            parameter = getattr(view, "lookup_url_kwarg", None) or getattr(
                view, "lookup_field", None
            )
            if parameter not in view.kwargs:
                parameter = next(iter(view.kwargs), None)
        return [ParameterError(parameter, "Nothing found with this value.", None, "not_found")]
    detail = exc.detail
    code = detail.code if isinstance(detail, exceptions.ErrorDetail) else "error"
    return [ParameterError(None, str(detail), None, code or "error")]


def flatten(detail, prefix: str | None):
    """Yield one error per leaf of a nested DRF validation detail."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = None if key == "non_field_errors" else str(key)
            yield from flatten(value, join(prefix, name))
    elif isinstance(detail, list):
        if detail and all(isinstance(item, exceptions.ErrorDetail | str) for item in detail):
            for item in detail:
                yield leaf(item, prefix)
        else:
            for index, item in enumerate(detail):
                if item:
                    yield from flatten(item, join(prefix, str(index)))
    else:
        yield leaf(detail, prefix)


def leaf(item, parameter: str | None) -> ParameterError:
    code = getattr(item, "code", None) or "invalid"
    return ParameterError(parameter, str(item), None, code)


def join(prefix: str | None, name: str | None) -> str | None:
    if prefix is None:
        return name
    if name is None:
        return prefix
    return f"{prefix}.{name}"
