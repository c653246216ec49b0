"""The OpenAPI schema documents every parameter, response and error; the docs page is local."""

import pytest
import yaml
from django.core.management import CommandError, call_command

from tests.api.contract import EVENT_PARAMETERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api_client):
    response = api_client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def parameter_names(operation: dict) -> set[str]:
    return {parameter["name"] for parameter in operation["parameters"]}


@pytest.mark.parametrize("path", ["/api/events/", "/api/actors/{slug}/events/"])
def test_event_lists_document_every_filter_and_error(schema, path):
    operation = schema["paths"][path]["get"]

    assert parameter_names(operation) >= set(EVENT_PARAMETERS)
    assert set(operation["responses"]) == {"200", "400", "404"}
    assert operation["responses"]["400"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }


def test_timeline_documents_group_and_filters(schema):
    operation = schema["paths"]["/api/timeline/"]["get"]

    assert parameter_names(operation) >= {"group", "after", "before", "actor", "cursor"}
    group = next(p for p in operation["parameters"] if p["name"] == "group")
    assert sorted(group["schema"]["enum"]) == ["month", "quarter", "year"]


def test_writes_document_their_errors(schema):
    operation = schema["paths"]["/api/events/{id}/"]["patch"]

    assert {"200", "400", "401", "403", "404"} <= set(operation["responses"])


def test_the_error_shape_is_a_component(schema):
    item = schema["components"]["schemas"]["ErrorItem"]

    assert set(item["properties"]) == {"parameter", "message", "accepted", "code"}


def test_the_docs_page_loads_nothing_from_a_cdn(api_client):
    response = api_client.get("/api/docs/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist" in page
    assert "cdn" not in page.lower()


def test_the_schema_generates_without_warnings_and_validates(tmp_path, capsys):
    """What `manage.py spectacular --validate --fail-on-warn` checks, which CI can rely on."""
    path = tmp_path / "schema.yaml"

    try:
        call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    except CommandError as error:
        pytest.fail(f"{error}:\n{capsys.readouterr().err}")

    schema = yaml.safe_load(path.read_text())
    assert schema["openapi"].startswith("3.")
    assert "/api/events/" in schema["paths"]


def component(schema: dict, reference: dict) -> dict:
    return schema["components"]["schemas"][reference["$ref"].rsplit("/", 1)[1]]


@pytest.mark.parametrize("path", ["/api/events/", "/api/actors/{slug}/events/", "/api/timeline/"])
def test_lists_document_how_many_undated_events_they_leave_out(schema, path):
    content = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    # An event list's JSON is its page, or with ?format=timelinejs a TimelineJS document.
    for body in content["schema"].get("oneOf", [content["schema"]]):
        if "$ref" in body:
            body = component(schema, body)

        assert body["properties"]["undated"]["type"] == "integer"
        assert "undated" in body["required"]


@pytest.mark.parametrize(
    "path", ["/api/events/", "/api/events/{id}/", "/api/actors/{slug}/events/"]
)
def test_event_reads_document_their_timelinejs_answer(schema, path):
    content = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]

    assert content["schema"]["oneOf"][1] == {"$ref": "#/components/schemas/TimelineJSDocument"}
    assert component(schema, content["schema"]["oneOf"][1])["required"] == [
        "title",
        "events",
        "undated",
    ]


@pytest.mark.parametrize(
    ("path", "method", "status"),
    [
        ("/api/events/", "post", "201"),
        ("/api/events/{id}/", "put", "200"),
        ("/api/events/{id}/", "patch", "200"),
    ],
)
def test_event_writes_answer_json_only(schema, path, method, status):
    operation = schema["paths"][path][method]

    assert "format" not in {parameter["name"] for parameter in operation.get("parameters", [])}
    assert set(operation["responses"][status]["content"]) == {"application/json"}


def test_claims_document_the_after_source_flag(schema):
    claim = schema["components"]["schemas"]["Claim"]

    assert claim["properties"]["after_source"]["type"] == "boolean"
    assert "after its own source" in claim["properties"]["after_source"]["description"]


def test_every_operation_is_described_for_api_users_not_by_a_mixin_docstring(schema):
    import inspect

    from api import caching, views

    internal = {
        inspect.cleandoc(cls.__doc__)
        for module in (caching, views)
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if cls.__module__ == module.__name__ and cls.__doc__
    }
    described = {
        f"{method.upper()} {path}": operation.get("description", "")
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if path != "/api/token/"
    }

    assert [name for name, text in described.items() if not text] == []
    assert [name for name, text in described.items() if text.strip() in internal] == []
    assert [name for name, text in described.items() if "For views" in text] == []
