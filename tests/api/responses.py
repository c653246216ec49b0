"""Reading API responses in tests."""


def headlines(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [event["headline"] for event in response.json()["results"]]


def error_parameters(response) -> list[str | None]:
    assert response.status_code == 400, response.content
    return [error["parameter"] for error in response.json()["errors"]]
