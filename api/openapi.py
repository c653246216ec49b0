"""Additions to the generated OpenAPI document that drf-spectacular cannot infer.

`?format=timelinejs` answers `application/json` too, with a TimelineJS3 document in place of
the events: on every operation that offers it, the JSON response is one or the other.
"""

TIMELINEJS_DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer"},
        "day": {"type": "integer"},
        "display_date": {"type": "string"},
    },
}
TIMELINEJS_TEXT = {
    "type": "object",
    "required": ["headline", "text"],
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
}
TIMELINEJS_DOCUMENT = {
    "type": "object",
    "description": "A TimelineJS3 document (`?format=timelinejs`): the dated events of the "
    "answer, titled after the filters; `undated` counts the matching events it cannot place.",
    "required": ["title", "events", "undated"],
    "properties": {
        "title": {
            "type": "object",
            "required": ["text"],
            "properties": {"text": TIMELINEJS_TEXT},
        },
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "end_date", "text", "group", "unique_id"],
                "properties": {
                    "start_date": TIMELINEJS_DATE,
                    "end_date": TIMELINEJS_DATE,
                    "text": TIMELINEJS_TEXT,
                    "group": {"type": "string"},
                    "unique_id": {"type": "string"},
                },
            },
        },
        "undated": {"type": "integer", "minimum": 0},
    },
}
TIMELINEJS_REF = {"$ref": "#/components/schemas/TimelineJSDocument"}


def offers_timelinejs(operation: dict) -> bool:
    return any(
        parameter.get("name") == "format"
        and "timelinejs" in parameter.get("schema", {}).get("enum", [])
        for parameter in operation.get("parameters", [])
    )


def document_timelinejs(result, generator, request, public):
    """A drf-spectacular postprocessing hook: the 200 JSON answer of an operation with
    `?format=timelinejs` is its documented body or a TimelineJS document."""
    touched = False
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or not offers_timelinejs(operation):
                continue
            content = operation.get("responses", {}).get("200", {}).get("content", {})
            body = content.get("application/json")
            if body and "schema" in body:
                body["schema"] = {"oneOf": [body["schema"], TIMELINEJS_REF]}
                touched = True
    if touched:
        result.setdefault("components", {}).setdefault("schemas", {})["TimelineJSDocument"] = (
            TIMELINEJS_DOCUMENT
        )
    return result
