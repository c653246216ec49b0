"""The data version: a token that every committed write to the timeline's tables changes.

Migration 0014 keeps it in a one-row table, `timeline_data_version`, and changes it with
triggers on every table the API reads (events, their claims and actor links, actors, their
aliases, sources): on PostgreSQL after each writing statement, on SQLite after each row.
The change commits or rolls back with the write. Writes made any way at all (the admin,
the loader, bulk updates, raw SQL) change it, which signals on models could not promise.

The token is random rather than a counter, so that a database rolled back or restored to
another state never reuses a token for different data: whatever was cached under a token
stays true of the data that has it. Readers tag and cache responses with it
(`api.caching`): checking a client's copy costs this one query.
"""

from django.db import connections, router

from timeline.models import Event

TABLE = "timeline_data_version"


def data_version() -> str:
    """The token of the database this request reads the timeline from: a replica's own
    (replicated with the data it describes) unless the request wrote or will write."""
    with connections[router.db_for_read(Event)].cursor() as cursor:
        cursor.execute(f"SELECT token FROM {TABLE}")
        row = cursor.fetchone()
    # No row only if someone deleted it: then nothing can be told apart, and "" says so.
    return row[0] if row else ""
