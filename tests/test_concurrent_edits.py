"""Two editors setting one event's actors at the same moment: each request's links are
applied whole, one after the other, never mixed (the curation service locks the event row).

This needs a database that lets two transactions write at once. PostgreSQL does, and the
test runs there (`bin/test` runs the suite on a throwaway PostgreSQL cluster too). SQLite
takes one writer at a time for the whole database, so the two requests cannot interleave
there in the first place: the test has nothing to prove on it. That is a capability of the
database, not a missing feature.
"""

import threading

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import make_actor, make_event
from timeline import curation
from timeline.models import Event

pytestmark = [
    # Serialized rollback, like the other tests that commit: its flush then leaves the
    # content types to be restored as they were, not made again under new ids.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="SQLite serialises all writes; concurrent transactions need PostgreSQL",
    ),
]

ROUNDS = 8


def set_actors_in_thread(event_id: int, actors, barrier: threading.Barrier, errors: list):
    try:
        barrier.wait()
        event = Event.objects.get(pk=event_id)
        curation.update_event(event=event, changes={}, actors=actors)
    except Exception as error:  # reported by the main thread
        errors.append(error)
    finally:
        connection.close()


def test_concurrent_patches_of_the_actors_do_not_mix():
    first = [(make_actor(f"first-{n}"), "party") for n in range(3)]
    second = [(make_actor(f"second-{n}"), "party") for n in range(3)]
    wanted = {
        frozenset((actor.pk, role) for actor, role in first),
        frozenset((actor.pk, role) for actor, role in second),
    }
    for _ in range(ROUNDS):
        event = make_event(headline="Contested")
        barrier = threading.Barrier(2)
        errors: list = []
        threads = [
            threading.Thread(target=set_actors_in_thread, args=(event.pk, actors, barrier, errors))
            for actors in (first, second)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert errors == []
        links = frozenset(event.event_actors.values_list("actor_id", "role"))
        assert links in wanted
