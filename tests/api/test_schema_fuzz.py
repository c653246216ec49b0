"""The API against requests generated from its own OpenAPI schema: no server error, and every
response (status, content type, body) as the schema documents it, anonymous and as an editor.

Schemathesis draws the requests (valid and invalid ones) and calls the WSGI app in-process;
a fixed seed and a bounded number of examples per operation keep the run short and the same
from run to run.

Named to run after tests/api/test_indexes.py: on PostgreSQL the rows its writes leave behind
(rolled back, but still in the table's pages) change the plans that test reads.
"""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, seed, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db(transaction=False)

EXAMPLES_PER_OPERATION = 8
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def served_schema() -> dict:
    """The schema `/api/schema/` serves, built in-process (no database needed)."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


schema = schemathesis.openapi.from_dict(served_schema())
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def connection_kept_between_requests():
    """The app is called as a server would call it, and a server's request signals close
    a connection not in autocommit: the test's transaction. Django's own test client
    disconnects them the same way for the length of a test."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(params=["anonymous", "editor"])
def auth_headers(request, corpus) -> dict:
    if request.param == "anonymous":
        return {}
    token = Token.objects.create(user=request.getfixturevalue("editor"))
    return {"Authorization": f"Token {token.key}"}


@schema.parametrize()
@seed(20261203)
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_schema_says(case, auth_headers):
    case.call_and_validate(headers=auth_headers, checks=CHECKS)
