"""Nothing a client sends produces a 500, and every 4xx answers in the one error shape.

Every list endpoint is walked with a table of hostile values for each parameter it reads
(and some it does not): very long and odd text, NUL bytes and broken UTF-8, signs and
sizes no integer has, repeats, forged and foreign cursors, junk formats and orderings.
"""

from urllib.parse import quote

import pytest
from django.core import signing

from api.pagination import CURSOR_SALT
from tests.api.contract import EVENT_PARAMETERS

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/events/": EVENT_PARAMETERS,
    "/api/actors/01-ai/events/": EVENT_PARAMETERS,
    "/api/timeline/": [*EVENT_PARAMETERS, "group"],
    "/api/actors/": ["kind", "ordering", "page_size", "cursor", "format"],
    "/api/sources/": ["language", "ordering", "page_size", "cursor", "format"],
}
# Parameters no endpoint reads are ignored, not errors; they must not break anything either.
UNREAD = ["id", "search", "limit", "offset", "page", "fields", "format[]", "q[]", "\x00"]


def forged(payload) -> str:
    """A cursor signed with the server's own key: well-formed, but with a bad position."""
    return signing.dumps(payload, salt=CURSOR_SALT, compress=True)


# Values as Python text, percent-encoded as UTF-8 by `quote`.
VALUES = [
    "",
    " ",
    "x" * 10_000,
    "2024" * 2_000,
    "零一萬物",
    "😀" * 300,
    "\u202e\u200b\ufeff\u0301",
    "\x00",
    "2024\x00",
    "\x1b[31m\r\n\t",
    "-1",
    "0",
    "-0",
    "+1",
    "1.5",
    "1e309",
    "NaN",
    "-Infinity",
    "0x1F",
    "٣",
    "9" * 40,
    "-" + "9" * 40,
    "2024-02-30",
    "2024-13",
    "0000",
    "9999-12-31",
    "2024-05-01T00:00:00Z",
    "%",
    "_",
    "\\",
    "%%_\\%",
    "'; DROP TABLE timeline_event; --",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "null",
    "true",
    "[]",
    "{}",
    "a,b",
    "01-ai,alibaba",
    "-date",
    "--date",
    "date,id",
    "-",
    "name",
    "headline",
    "json",
    "csv",
    "api",
    "xml",
    "json.csv",
    "timelinejs%00",
]
# Cursors that decode, or nearly: tried on `cursor` only.
CURSORS = [
    forged({"o": "date", "p": ["not a date", None, 1], "r": 0}),
    forged({"o": "date", "p": [None, None, "not an id"], "r": 0}),
    forged({"o": "date", "p": [None, None, 10**30], "r": 0}),
    forged({"o": "date", "p": ["2024-01-01", "2024-01-01", -(10**30)], "r": 1}),
    forged({"o": "date", "p": [{"a": 1}, [], True], "r": 0}),
    forged({"o": "date", "p": [None, None], "r": 0}),
    forged({"o": "date", "p": "2024", "r": 0}),
    forged({"o": "updated", "p": ["2024-01-01T00:00:00+00:00", 1], "r": 0}),
    forged({"o": "updated", "p": ["yesterday", 1], "r": 0}),
    forged({"o": "name", "p": ["\x00", 1], "r": 0}),
    forged({"o": "id", "p": [-1], "r": 0}),
    forged({"o": "nope", "p": [], "r": 0}),
    forged({"p": [1]}),
    forged(["o", "p", "r"]),
    forged(None),
    signing.dumps({"o": "date", "p": [None, None, 1], "r": 0}, salt="another.salt"),
    "eyJvIjoiZGF0ZSJ9:AAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
]
# Already percent-encoded: bytes that are not UTF-8, and broken escapes.
RAW_VALUES = ["%FF%FE", "%ED%A0%80", "%C0%AF", "%F4%90%80%80", "%", "%%", "%0", "%u0000", "%00%00"]


def encoded_values() -> list[str]:
    return [quote(value, safe="") for value in VALUES] + RAW_VALUES


def check(client, url: str, **headers) -> str | None:
    """What is wrong with the answer to `url`, or None when it is fine."""
    try:
        response = client.get(url, **headers)
        if response.streaming:
            b"".join(response.streaming_content)
    except Exception as error:  # any exception here is a finding
        return f"{url[:200]}: raised {error!r}"[:500]
    if response.status_code >= 500:
        return f"{url[:200]}: {response.status_code}"
    if response.status_code >= 400:
        return error_shape_problem(response, url)
    if response.status_code not in (200, 304):
        return f"{url[:200]}: unexpected {response.status_code}"
    return None


def error_shape_problem(response, url: str) -> str | None:
    if response["Content-Type"] != "application/json":
        return f"{url[:200]}: {response.status_code} as {response['Content-Type']}"
    body = response.json()
    errors = body.get("errors") if isinstance(body, dict) else None
    if set(body) != {"errors"} or not errors:
        return f"{url[:200]}: body {body!r}"[:500]
    for error in errors:
        if (
            set(error) != {"parameter", "message", "accepted", "code"}
            or not (isinstance(error["message"], str) and error["message"])
            or not (isinstance(error["code"], str) and error["code"])
            or not (error["parameter"] is None or isinstance(error["parameter"], str))
            or not (error["accepted"] is None or isinstance(error["accepted"], str))
        ):
            return f"{url[:200]}: error {error!r}"[:500]
    return None


def foreign_cursors(client) -> list[str]:
    """Genuine cursors of every endpoint and ordering, to be replayed on the others."""
    cursors = []
    for path in ENDPOINTS:
        orderings = ["", "&ordering=-date", "&ordering=updated"] if "events" in path else [""]
        for ordering in orderings:
            body = client.get(f"{path}?page_size=1{ordering}").json()
            if body.get("next"):
                cursors.append(body["next"].split("cursor=")[1].split("&")[0])
    return cursors


@pytest.mark.parametrize("path", list(ENDPOINTS))
def test_hostile_parameters_are_answered_without_a_500(api_client, corpus, path):
    values = encoded_values()
    cursors = foreign_cursors(api_client)
    assert len(cursors) >= 5
    urls = []
    for parameter in ENDPOINTS[path]:
        name = quote(parameter, safe="")
        urls += [f"{path}?{name}={value}" for value in values]
        # Repeated: a good value then a bad one, the reverse, and far too many.
        urls += [f"{path}?{name}=2024&{name}={value}" for value in values[:: len(values) // 8]]
        urls += [f"{path}?{name}={value}&{name}=01-ai" for value in values[:: len(values) // 8]]
        urls.append(f"{path}?" + "&".join([f"{name}=01-ai"] * 60))
    urls += [f"{path}?cursor={quote(cursor, safe='')}" for cursor in CURSORS]
    urls += [f"{path}?cursor={cursor}" for cursor in cursors]
    urls += [f"{path}?ordering=-date&cursor={cursor}" for cursor in cursors]
    urls += [f"{path}?{quote(name, safe='')}=1" for name in UNREAD]
    urls += [f"{path}?{value}" for value in RAW_VALUES]

    problems = [problem for url in urls if (problem := check(api_client, url))]

    assert problems == [], f"{len(problems)} of {len(urls)} requests:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ACCEPT": "text/html"},
        {"HTTP_ACCEPT": "application/xml"},
        {"HTTP_ACCEPT": "*/*;q=bad"},
        {"HTTP_ACCEPT": "application/json; version=\x00"},
        {"HTTP_ACCEPT": "text/csv"},
        {"HTTP_ACCEPT": ";;;,,,"},
        {"HTTP_ACCEPT_LANGUAGE": "x" * 5_000},
        {"HTTP_IF_NONE_MATCH": '"' + "x" * 5_000},
        {"HTTP_IF_NONE_MATCH": "*"},
        {"HTTP_IF_MODIFIED_SINCE": "yesterday"},
        {"HTTP_AUTHORIZATION": "Token " + "x" * 500},
        {"HTTP_AUTHORIZATION": "Token a b c"},
        {"HTTP_AUTHORIZATION": "Token \x00"},
        {"HTTP_AUTHORIZATION": "Basic !!!"},
        {"HTTP_COOKIE": "sessionid=" + "x" * 500},
        {"HTTP_COOKIE": "sessionid=" + "\x00" * 32},
        {"HTTP_COOKIE": "sessionid=abcdefgh\x00; csrftoken=\x00"},
    ],
)
def test_hostile_headers_are_answered_without_a_500(api_client, corpus, headers):
    problems = [
        problem
        for path in [*ENDPOINTS, "/api/events/1/", "/api/sources/1/", "/api/actors/01-ai/"]
        if (problem := check(api_client, path, **headers))
    ]

    assert problems == []


HOSTILE_SEGMENTS = [
    "0",
    "-1",
    "9" * 40,
    "1.0",
    "%00",
    "%FF",
    "%E9%9B%B6",
    "x" * 2_000,
    "..",
    "%2e%2e",
    "01-ai%00",
    "null",
]


@pytest.mark.parametrize(
    "template",
    [
        "/api/events/{}/",
        "/api/sources/{}/",
        "/api/actors/{}/",
        "/api/actors/{}/events/",
        "/api/{}/",
        "/api/events/{}",
    ],
)
def test_hostile_path_segments_are_404s_in_the_error_shape(api_client, corpus, template):
    problems = []
    for segment in HOSTILE_SEGMENTS:
        url = template.format(segment)
        response = api_client.get(url)
        if response.status_code != 404:
            problems.append(f"{url[:100]}: {response.status_code}")
        elif problem := error_shape_problem(response, url):
            problems.append(problem)

    assert problems == []


@pytest.mark.parametrize(
    ("method", "url", "body", "content_type", "status"),
    [
        ("post", "/api/sources/", "{}", "application/json", 403),
        ("put", "/api/timeline/", "{}", "application/json", 405),
        ("post", "/api/events/", "{not json", "application/json", 400),
        ("post", "/api/events/", "\x00", "application/json", 400),
        ("post", "/api/events/", "[]", "application/json", 400),
        ("post", "/api/events/", '"text"', "application/json", 400),
        ("post", "/api/events/", '{"headline": {"a": 1}, "type": []}', "application/json", 400),
        ("post", "/api/events/", '{"date": "2024", "headline": "x"}', "application/json", 400),
        ("post", "/api/events/", '{"actors": "01-ai"}', "application/json", 400),
        ("post", "/api/events/", '{"actors": [null, 1, "x"]}', "application/json", 400),
        ("post", "/api/events/", "headline=x", "text/plain", 415),
        ("post", "/api/events/", "<event/>", "application/xml", 415),
        ("post", "/api/actors/", '{"slug": "\\u0000", "name": "x"}', "application/json", 400),
        ("post", "/api/actors/", '{"aliases": {"alias": "x"}}', "application/json", 400),
        ("post", "/api/actors/", '{"aliases": [{"alias": null}]}', "application/json", 400),
        ("patch", "/api/actors/01-ai/", '{"slug": "alibaba"}', "application/json", 400),
        ("patch", "/api/actors/01-ai/", '{"kind": "planet"}', "application/json", 400),
        ("patch", "/api/events/999999/", '{"headline": "x"}', "application/json", 404),
        ("delete", "/api/actors/nobody/", "", "application/json", 404),
    ],
)
def test_bad_writes_are_4xx_in_the_error_shape(
    editor_client, corpus, method, url, body, content_type, status
):
    response = getattr(editor_client, method)(url, body, content_type=content_type)

    assert response.status_code == status, response.content
    assert error_shape_problem(response, url) is None
