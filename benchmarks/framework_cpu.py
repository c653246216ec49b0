"""The framework's setup of a read, DRF's as it was against this project's cuts, interleaved
in one process: the median CPU time a request (whole WSGI stack, response cache off).

Run against a database filled by `api_load.py`:

    DATABASE_URL=postgres://… python benchmarks/framework_cpu.py [ROUNDS] [REQUESTS] [PAGES]

"old" puts back, on the same classes, DRF's content negotiation, its authenticators run on
every request, DRF's permission check building the queryset and Django's messages
middleware; "new" is the code as it is. The two alternate page by page, in rounds whose
order flips, after checking that both give the same bodies and headers for the pages, a
304, a 400, a 404 and a 401.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api_load

# Answers compared between the two setups besides the pages: refusals at each step.
REFUSALS = [
    ("400", "/api/events/?format=nope", {}),
    ("404", "/api/events/999999999/", {}),
    ("401", "/api/events/", {"Authorization": "Token x"}),
]


def setups():
    """A function that puts the "old" or the "new" setup in place."""
    from django.contrib.messages.middleware import MessageMiddleware
    from rest_framework.negotiation import DefaultContentNegotiation
    from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly

    import api.authentication as auth
    import api.negotiation as negotiation
    import api.permissions as permissions
    import timeline.middleware as middleware
    from api import views

    new_select = negotiation.FormatNegotiation.select_renderer
    new_authenticate = auth.AnonymousWithoutCredentialsMixin.perform_authentication
    lazy = middleware.LazyMessageMiddleware
    new_messages = (lazy.process_request, lazy.process_response)

    def old_select(self, request, renderers, format_suffix=None):
        # What the project's negotiation did before (OPTIONS aside, never measured here).
        return DefaultContentNegotiation.select_renderer(self, request, renderers, format_suffix)

    def old_authenticate(self, request):
        return super(auth.AnonymousWithoutCredentialsMixin, self).perform_authentication(request)

    read_views = [views.EventViewSet, views.TimelineView, views.ActorViewSet, views.SourceViewSet]

    def use(variant: str) -> None:
        new = variant == "new"
        negotiation.FormatNegotiation.select_renderer = new_select if new else old_select
        auth.AnonymousWithoutCredentialsMixin.perform_authentication = (
            new_authenticate if new else old_authenticate
        )
        lazy.process_request, lazy.process_response = (
            new_messages
            if new
            else (MessageMiddleware.process_request, MessageMiddleware.process_response)
        )
        permission = (
            permissions.ModelPermissionsOrReadOnly if new else DjangoModelPermissionsOrAnonReadOnly
        )
        for view in read_views:
            view.permission_classes = [permission]

    return use


def main() -> None:
    url = os.environ["DATABASE_URL"]
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    per = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    only = sys.argv[3].split(",") if len(sys.argv) > 3 else None
    api_load.setup_django(url)
    import psycopg
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    handler = WSGIHandler()
    use = setups()
    got = {}

    def request(path, headers):
        def start_response(status, response_headers, exc_info=None):
            got.clear()
            got.update(dict(response_headers), status=status)

        return b"".join(handler(api_load.wsgi_environ(path, headers), start_response))

    with psycopg.connect(url) as connection:
        present = connection.execute("SELECT count(*) FROM timeline_event").fetchone()[0]
    cursor, _ = api_load.deep_cursor(url, present)
    listed = [
        (name, path, {})
        for name, path, _ in api_load.pages(present, cursor, "")
        if only is None or name in only
    ]
    with override_settings(API_RESPONSE_CACHE_SECONDS=0):
        first = api_load.pages(present, cursor, "")[0][1]
        request(first, {})
        listed.append(("304", first, {"If-None-Match": got["ETag"]}))
        answers = {}
        for variant in ("old", "new"):
            use(variant)
            for name, path, headers in [*listed, *REFUSALS]:
                body = request(path, headers)
                answers.setdefault(name, []).append((body, dict(got)))
        for name, (old, new) in answers.items():
            assert old == new, (name, old[1], new[1])
        print("the same bodies and headers from both setups")
        cpu = {(variant, name): [] for variant in ("old", "new") for name, _, _ in listed}
        for number in range(rounds):
            for variant in ("old", "new") if number % 2 == 0 else ("new", "old"):
                use(variant)
                for name, path, headers in listed:
                    for _ in range(10):
                        request(path, headers)
                    samples = []
                    for _ in range(per):
                        started = time.process_time()
                        request(path, headers)
                        samples.append(time.process_time() - started)
                    cpu[(variant, name)].append(statistics.median(samples))
    print(f"{rounds} rounds of {per} requests a page; load at the end {os.getloadavg()}")
    print("| page | old CPU ms | new CPU ms | new/old |\n|---|---|---|---|")
    for name, _, _ in listed:
        old = statistics.median(cpu[("old", name)]) * 1000
        new = statistics.median(cpu[("new", name)]) * 1000
        print(f"| {name} | {old:.3f} | {new:.3f} | {new / old:.3f} |")


if __name__ == "__main__":
    main()
