"""The Content-Security-Policy header: django-csp's policy, built once for ordinary responses."""

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE
from csp.decorators import csp_update
from csp.middleware import CSPMiddleware as LibraryCSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from timeline.middleware import CSPMiddleware

pytestmark = pytest.mark.django_db


def directives(header: str) -> set[str]:
    # django-csp writes the directives in the order of a set, which varies by process.
    return {part.strip() for part in header.split(";")}


def both_answers(response_for, path="/api/events/"):
    """The response as the project's middleware and as django-csp's own finish it."""
    answers = []
    for middleware in (CSPMiddleware, LibraryCSPMiddleware):
        request = RequestFactory().get(path)
        chain = middleware(lambda request: response_for(request))
        answers.append((request, chain(request)))
    return answers


def test_an_ordinary_response_gets_the_policy_django_csp_builds():
    (_, ours), (_, theirs) = both_answers(lambda request: HttpResponse("ok"))

    assert directives(ours[HEADER]) == directives(theirs[HEADER])
    assert "frame-ancestors 'none'" in directives(ours[HEADER])
    assert HEADER_REPORT_ONLY not in ours and HEADER_REPORT_ONLY not in theirs


def test_a_nonce_asked_for_is_in_the_policy(settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}

    def view(request):
        return HttpResponse(str(request.csp_nonce))

    (_, ours), _ = both_answers(view)

    nonce = ours.content.decode()
    assert f"script-src 'self' 'nonce-{nonce}'" in directives(ours[HEADER])


def test_a_views_own_change_to_the_policy_is_kept():
    @csp_update({"img-src": ["https://tiles.example"]})
    def view(request):
        return HttpResponse("map")

    (_, ours), (_, theirs) = both_answers(view)

    assert "https://tiles.example" in ours[HEADER]
    assert directives(ours[HEADER]) == directives(theirs[HEADER])


def test_a_changed_setting_changes_the_policy(settings):
    (_, before), _ = both_answers(lambda request: HttpResponse("ok"))
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'self'"]}}

    (_, after), (_, theirs) = both_answers(lambda request: HttpResponse("ok"))

    assert "frame-ancestors 'none'" in before[HEADER]
    assert directives(after[HEADER]) == directives(theirs[HEADER]) == {"default-src 'none'"}
    assert after[HEADER_REPORT_ONLY] == theirs[HEADER_REPORT_ONLY]


def test_a_nonce_asked_for_after_the_header_is_written_is_an_error():
    (request, _), _ = both_answers(lambda request: HttpResponse("ok"))

    with pytest.raises(Exception, match="after the CSP header has been written"):
        str(request.csp_nonce)


def test_every_api_response_carries_the_policy(client):
    response = client.get("/api/events/")

    assert directives(response[HEADER]) >= {"default-src 'self'", "frame-ancestors 'none'"}
