"""The events page answered ahead of the chain (`api.fast_reads.EventPageMiddleware`) is
the chain's answer, byte for byte, and every other request goes down the chain.

Each answer is compared with the one the same request gets when the middleware is left
out of the settings: status, every header in order, and the body. The cursor's signature
carries the second it was made, so the signer's clock is held still for the comparison.
"""

import json

import pytest
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from api.fast_reads import EventPageMiddleware

pytestmark = pytest.mark.django_db

OWN = "api.fast_reads.EventPageMiddleware"

# Anonymous GETs of the events page in JSON: the middleware answers them itself.
ANSWERED = [
    ("/api/events/", {}),
    ("/api/events/?page_size=2", {}),
    ("/api/events/?page_size=2", {"HTTP_ACCEPT": "application/json"}),
    ("/api/events/?page_size=2", {"HTTP_ACCEPT": "*/*"}),
    ("/api/events/?format=json&page_size=3", {}),
    ("/api/events/?ordering=-date&page_size=2", {}),
    ("/api/events/?ordering=updated&page_size=2", {}),
    ("/api/events/?dated=false", {}),
    ("/api/events/?type=funding&type=model_release", {}),
    ("/api/events/?after=2024&before=2025-06", {}),
    ("/api/events/?after=2024&strict=true", {}),
    ("/api/events/?actor=01-ai&page_size=2", {}),
    ("/api/events/?q=Yi", {}),
    ("/api/events/?q=%E9%9B%B6%E4%B8%80", {}),
    ("/api/events/?status=consistent&min_precision=month", {}),
]
# What it leaves to the chain: another path, method, format, client or parameter.
HANDED_ON = [
    ("get", "/api/events/?page_size=0", {}),
    ("get", "/api/events/?type=nope", {}),
    ("get", "/api/events/?cursor=forged", {}),
    ("get", "/api/events/?actor=nobody", {}),
    ("get", "/api/events/?format=csv", {}),
    ("get", "/api/events/?format=timelinejs", {}),
    ("get", "/api/events/?format=", {}),
    ("get", "/api/events/", {"HTTP_ACCEPT": "text/html"}),
    ("get", "/api/events/", {"HTTP_ACCEPT": "application/json; indent=4"}),
    ("get", "/api/events/", {"HTTP_ORIGIN": "https://example.org"}),
    ("get", "/api/events/", {"HTTP_IF_NONE_MATCH": '"x"'}),
    ("get", "/api/events/", {"HTTP_COOKIE": "sessionid=abc"}),
    ("get", "/api/events/", {"HTTP_AUTHORIZATION": "Token abc"}),
    ("head", "/api/events/", {}),
    ("options", "/api/events/", {}),
    ("post", "/api/events/", {}),
    ("get", "/api/events/1/", {}),
    ("get", "/api/events", {}),
    ("get", "/api/timeline/", {}),
    ("get", "/api/actors/01-ai/events/", {}),
]


@pytest.fixture
def still_clock(monkeypatch):
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: "1a2b3c")


def chain_only():
    return override_settings(MIDDLEWARE=[name for name in settings.MIDDLEWARE if name != OWN])


def answer(response) -> tuple:
    return response.status_code, list(response.items()), response.content


def refusing_chain(request):
    raise AssertionError(f"the chain was asked for {request.get_full_path()}")


@pytest.mark.parametrize("cache_seconds", [0, 300])
@pytest.mark.parametrize(("path", "headers"), ANSWERED)
def test_the_middleware_answers_as_the_chain_does(
    corpus, still_clock, path, headers, cache_seconds, settings
):
    settings.API_RESPONSE_CACHE_SECONDS = cache_seconds
    middleware = EventPageMiddleware(refusing_chain)
    cache.clear()
    # The second of each pair comes from the response cache when it is on.
    own = [answer(middleware(RequestFactory().get(path, **headers))) for _ in range(2)]
    cache.clear()
    whole = [answer(Client().get(path, **headers)) for _ in range(2)]
    with chain_only():
        cache.clear()
        chain = [answer(Client().get(path, **headers)) for _ in range(2)]

    assert own[0][0] == 200
    assert own == chain
    # Through the whole stack, with the middleware in its place.
    assert whole == chain


def test_the_next_and_previous_pages_follow_as_the_chain_does(corpus, still_clock, settings):
    settings.API_RESPONSE_CACHE_SECONDS = 0
    middleware = EventPageMiddleware(refusing_chain)

    def page(path: str):
        response = middleware(RequestFactory().get(path))
        return response, json.loads(response.content)

    first = page("/api/events/?page_size=2")[1]
    following = first["next"].removeprefix("http://testserver")
    back = page(following)[1]["previous"].removeprefix("http://testserver")
    for path in (following, back):
        own = answer(page(path)[0])
        with chain_only():
            assert own == answer(Client().get(path))
    assert page(back)[1]["results"] == first["results"]


@pytest.mark.parametrize(("method", "path", "headers"), HANDED_ON)
def test_any_other_request_goes_down_the_chain(corpus, method, path, headers):
    handed = []

    def chain(request):
        handed.append(request.get_full_path())
        return HttpResponse("the chain's")

    response = EventPageMiddleware(chain)(getattr(RequestFactory(), method)(path, **headers))

    assert handed == [path]
    assert response.content == b"the chain's"


def test_a_request_the_security_middleware_redirects_goes_down_the_chain(corpus, settings):
    settings.SECURE_SSL_REDIRECT = True
    handed = []

    def chain(request):
        handed.append(request)
        return HttpResponse(status=301)

    EventPageMiddleware(chain)(RequestFactory().get("/api/events/"))

    assert len(handed) == 1


def test_an_unknown_middleware_below_it_sends_every_request_down_the_chain(corpus, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "django.middleware.gzip.GZipMiddleware"]
    handed = []

    def chain(request):
        handed.append(request)
        return HttpResponse()

    EventPageMiddleware(chain)(RequestFactory().get("/api/events/"))

    assert len(handed) == 1


def test_its_answers_count_against_the_throttle_and_a_refusal_is_the_chains(
    api_client, corpus, settings
):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": None},
    }
    cache.clear()
    answers = [api_client.get("/api/events/?page_size=1") for _ in range(3)]
    cache.clear()

    assert [response.status_code for response in answers] == [200, 200, 429]
    assert int(answers[2]["Retry-After"]) > 0
    assert answers[2].json()["errors"][0]["code"] == "throttled"


def test_a_request_it_hands_on_is_counted_once(api_client, corpus, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": None},
    }
    cache.clear()
    answers = [
        api_client.get(path).status_code
        for path in ("/api/events/?type=nope", "/api/events/?page_size=1", "/api/events/")
    ]
    cache.clear()

    assert answers == [400, 200, 429]
