"""Bad input: 400 naming the parameter and what it accepts, 404 for unknown ids, never a 500."""

import pytest

from tests.api.responses import error_parameters

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "parameter", "accepted"),
    [
        ("after=2024-13", "after", "a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("after=2024-02-30", "after", "a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("before=24", "before", "a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("before=2024/05", "before", "a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("before=May%202024", "before", "a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("after=2025&before=2024-12", "after", "a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("strict=maybe", "strict", "true or false"),
        ("dated=undated", "dated", "true or false"),
        ("type=launch", "type", "founding, funding, model_release"),
        ("type=founding&type=launch", "type", "founding, funding, model_release"),
        ("status=fine", "status", "consistent, disputed, unresolved"),
        ("min_precision=fortnight", "min_precision", "day, week, xun, month, interval, quarter"),
        ("ordering=headline", "ordering", "date, -date, updated, -updated"),
        ("page_size=10000", "page_size", "an integer from 1 to 500"),
        ("page_size=0", "page_size", "an integer from 1 to 500"),
        ("page_size=ten", "page_size", "an integer from 1 to 500"),
        ("cursor=not-a-cursor", "cursor", "a cursor exactly as given"),
        ("actor=no-such-actor", "actor", "the slug of an existing actor"),
        ("actor=bad%20slug", "actor", "the slug of an existing actor"),
        ("actor=%00", "actor", "the slug of an existing actor"),
        ("source=abc", "source", "the id of an existing source"),
        ("source=999999", "source", "the id of an existing source"),
        ("source=99999999999999999999999", "source", "the id of an existing source"),
        ("q=%00", "q", "text of at most 200 characters"),
        (f"q={'x' * 201}", "q", "text of at most 200 characters"),
        ("format=xml", "format", "json, api, csv, timelinejs"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(api_client, corpus, query, parameter, accepted):
    response = api_client.get(f"/api/events/?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    (error,) = response.json()["errors"]
    assert set(error) == {"parameter", "message", "accepted", "code"}
    assert error["parameter"] == parameter
    assert error["accepted"].startswith(accepted)
    assert error["message"]


def test_the_whole_error_body(api_client, corpus):
    response = api_client.get("/api/events/?after=2024-13")

    assert response.json() == {
        "errors": [
            {
                "parameter": "after",
                "message": "'2024-13' is not a valid date.",
                "accepted": "a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-05, "
                "2024-05-13), not later than `before`",
                "code": "invalid",
            }
        ]
    }


def test_every_bad_parameter_is_reported_at_once(api_client, corpus):
    response = api_client.get("/api/events/?after=x&type=y&status=z")

    assert sorted(error_parameters(response)) == ["after", "status", "type"]


def test_a_cursor_from_another_ordering_is_rejected(api_client, corpus):
    next_link = api_client.get("/api/events/?page_size=2").json()["next"]
    cursor = next_link.split("cursor=")[1].split("&")[0]

    response = api_client.get(f"/api/events/?ordering=-date&cursor={cursor}")

    assert error_parameters(response) == ["cursor"]


def test_a_tampered_cursor_is_rejected(api_client, corpus):
    next_link = api_client.get("/api/events/?page_size=2").json()["next"]
    cursor = next_link.split("cursor=")[1].split("&")[0]
    tampered = cursor[:-3] + ("AAA" if not cursor.endswith("AAA") else "BBB")

    assert error_parameters(api_client.get(f"/api/events/?cursor={tampered}")) == ["cursor"]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/events/999999/", "pk"),
        ("/api/events/99999999999999999999999/", "pk"),
        ("/api/actors/no-such-actor/", "slug"),
        ("/api/actors/no-such-actor/events/", "slug"),
        ("/api/sources/999999/", "pk"),
        ("/api/events/abc/", None),
        ("/api/nothing-here/", None),
    ],
)
def test_unknown_ids_are_404_in_the_error_shape(api_client, corpus, url, parameter):
    response = api_client.get(url)

    assert response.status_code == 404
    assert response.json() == {
        "errors": [
            {
                "parameter": parameter,
                "message": "Nothing found with this value.",
                "accepted": None,
                "code": "not_found",
            }
        ]
    }


@pytest.mark.parametrize(
    "url",
    [
        "/api/timeline/?group=week",
        "/api/timeline/?ordering=updated",
        "/api/actors/01-ai/events/?before=2024-99",
        "/api/actors/?kind=planet",
        "/api/sources/?language=fr",
        "/api/events/?format=timelinejs&page_size=501",
        "/api/events/?format=csv&type=nope",
    ],
)
def test_other_endpoints_report_bad_parameters_the_same_way(api_client, corpus, url):
    response = api_client.get(url)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert len(response.json()["errors"]) == 1


@pytest.mark.parametrize(
    "query",
    [
        "after=%00",
        "after=0000",
        "after=9999-12-31",
        "before=0001-01-01",
        "actor=" + "a" * 500,
        "q=" + "%F0%9F%98%80" * 50,
        "q=%25%25",
        "q=%5C",
        "type=&status=&after=&before=&actor=&q=",
        "page_size=-1",
        "page_size=1e3",
        "cursor=%00",
        "cursor=" + "A" * 5000,
        "ordering=%00",
        "min_precision=%00",
        "strict=%00",
        "source=-1",
        "source=1.5",
    ],
)
def test_nothing_a_client_sends_is_a_500(api_client, corpus, query):
    assert api_client.get(f"/api/events/?{query}").status_code in (200, 400)
    assert api_client.get(f"/api/timeline/?{query}").status_code in (200, 400)
