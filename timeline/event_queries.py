"""Event lists as hand-written SQL: the documented filters, keyset pages, undated counts.

The hot read path of the API and the public pages. Building a page through the ORM and
django-filter cost more Python than the database spent answering it (at 100k events,
most of a 60 ms request), so a page here is a few statements written directly: the page
of event rows with exactly the columns returned, then its actor links, then its claims
with only the source columns shown, then (when asked) the undated events the filters
match. Each statement is the one the ORM wrote before, clause for clause, so that the
same indexes serve it (`tests/api/test_indexes.py`, `benchmarks/api_load.py --explain`),
but for two on PostgreSQL that select the same rows with less reading: one actor's page
in the order of its links (`link_order`), and a needle's rare word asked of the trigram
index (`add_needle`).

PostgreSQL and SQLite both: dates are bound as `date` objects on PostgreSQL and as ISO
text on SQLite (where they are stored as text), and SQLite's rows are converted to the
Python values the ORM would give. Values that go into SQL text (ids, choices) come from
the database or from the documented vocabularies; everything a client sends is bound.
"""

import re
import time
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from django.db import connections
from django.utils import timezone
from psycopg import adapters as psycopg_adapters
from psycopg.pq import Format

from timeline.models import PRECISION_ORDER, ActorReview, Precision, Review, published_display
from timeline.selectors import (
    CLAIM_COLUMNS,
    actor_dicts,
    as_date,
    compact_event_dicts,
    instant_text,
)

EVENT = '"timeline_event"'
LINK = '"timeline_eventactor"'
ACTOR = '"timeline_actor"'
CLAIM = '"timeline_claim"'
SOURCE = '"timeline_source"'
DATE_COLUMNS = frozenset({"date_start", "date_end"})


@dataclass(frozen=True)
class EventFilters:
    """What a list of events is narrowed to, every value already checked.

    `actor_sets` holds sets of actor ids, each "any of these", all of them required (an
    actor's own timeline, narrowed again by `actor=`). `dated` is True for dated events
    only, False for undated ones only, None for both.
    """

    public: bool = True
    after: date | None = None
    before: date | None = None
    strict: bool = False
    actor_sets: tuple[tuple[int, ...], ...] = ()
    types: tuple[str, ...] = ()
    source: int | None = None
    status: str | None = None
    min_precision: str | None = None
    needle: str | None = None
    dated: bool | None = True

    def not_about_dates(self) -> "EventFilters":
        """These filters without those about dates: what decides `undated_count`."""
        return replace(self, after=None, before=None, strict=False, min_precision=None)


class Statement:
    """SQL conditions and their parameters, gathered in order."""

    def __init__(self, connection):
        self.connection = connection
        self.vendor = connection.vendor
        self.conditions: list[str] = []
        self.params: list = []
        # Where the sort keys are read: the event's columns, or an actor link's copies
        # of them (`link_order`).
        self.key_columns: dict[str, str] = {}

    def add(self, sql: str, *params) -> None:
        self.conditions.append(sql)
        self.params.extend(params)

    def day(self, value: date):
        # SQLite stores dates as ISO text and compares them as text.
        return value if self.vendor == "postgresql" else value.isoformat()

    def where(self) -> str:
        return "(" + " AND ".join(self.conditions) + ")" if self.conditions else ""


def column(name: str) -> str:
    return f'{EVENT}."{name}"'


def key_column(statement: Statement, name: str) -> str:
    return statement.key_columns.get(name) or column(name)


def quoted(values) -> str:
    """Strings from a fixed vocabulary (checked before they get here) as SQL literals."""
    return ", ".join("'" + value.replace("'", "''") + "'" for value in values)


def id_list(ids) -> str:
    return ", ".join(str(int(value)) for value in ids)


def events_of_actors(ids: tuple[int, ...]) -> str:
    return f'SELECT {LINK}."event_id" FROM {LINK} WHERE {LINK}."actor_id" IN ({id_list(ids)})'


def add_filters(statement: Statement, filters: EventFilters, *, about_dates: bool) -> None:
    """The conditions of `filters`, in the order the ORM wrote them: visibility, the dates
    (unless `about_dates` is False: the undated count leaves them out), then the rest."""
    if filters.public:
        statement.add(f"NOT ({column('review')} = %s)", Review.REJECTED)
    if about_dates:
        add_date_filters(statement, filters)
    for ids in filters.actor_sets:
        if statement.vendor == "postgresql":
            # The actor's event ids first, once, from its links (`api.filters.involving_actors`).
            statement.add(f"({column('id')} = ANY(ARRAY({events_of_actors(ids)})))")
        else:
            statement.add(f"{column('id')} IN ({events_of_actors(ids)})")
    if filters.types:
        statement.add("(" + " OR ".join(f"{column('type')} = %s" for _ in filters.types) + ")")
        statement.params.extend(filters.types)
    if filters.source is not None:
        statement.add(
            f'{column("id")} IN (SELECT U0."event_id" FROM {CLAIM} U0 '
            'WHERE (U0."retired_at" IS NULL AND U0."source_id" = %s))',
            filters.source,
        )
    if filters.status is not None:
        statement.add(f"{column('status')} = %s", filters.status)
    if about_dates and filters.min_precision is not None:
        finest = PRECISION_ORDER[: PRECISION_ORDER.index(filters.min_precision) + 1]
        statement.add(f"{column('date_precision')} IN ({quoted(finest)})")
    if filters.needle:
        add_needle(statement, filters.needle)
    if about_dates and filters.dated is not None:
        statement.add(f"{column('date_start')} IS {'NOT ' if filters.dated else ''}NULL")


def add_needle(statement: Statement, needle: str) -> None:
    """The search text contains `needle`: the ORM's `contains`, its cast and escaping
    included. On PostgreSQL, when one word of the needle is rare and another common, the
    trigram index is asked for the rare word only, and the whole needle is checked on the
    few rows it finds (the same rows: they contain the needle, so the word too)."""
    connection = statement.connection
    text = column("search_text") + ("::text" if statement.vendor == "postgresql" else "")
    like = connection.operators["contains"] % "%s"

    def pattern(value: str) -> str:
        return f"%{connection.ops.prep_for_like_query(value)}%"

    word = statement.vendor == "postgresql" and rare_word(connection, needle)
    if not word:
        statement.add(f"{text} {like}", pattern(needle))
        return
    statement.add(f"{text} {like}", pattern(word))
    # Not the indexed expression: checked row by row on what the rare word found.
    statement.add(f"({text} || '') {like}", pattern(needle))


# How often each word of a needle occurs, read from a sample of the search texts. A
# trigram index answers LIKE by reading the list of rows of every trigram of the
# pattern: a word every event holds ("event", "the") costs a list as long as the table
# (at 1M events, 13 ms of the 16 ms `q` page), whereas a rare word alone finds the same
# few rows from short lists. The sample only chooses the statement's shape; the rows
# are the same whatever it holds.
WORD = re.compile(r"\w+")
SAMPLE_ROWS = 2000
SAMPLE_SECONDS = 600
RARE = 0.01
COMMON = 0.1
# Per database: when the sample was taken, the texts, and each word's share found so far.
samples: dict[str, tuple[float, list[str], dict[str, float]]] = {}


def search_sample(connection) -> tuple[list[str], dict[str, float]]:
    """About SAMPLE_ROWS search texts from pages drawn at random, and the word shares
    read from them, kept for SAMPLE_SECONDS per database in this process (word
    frequencies move slowly)."""
    alias = connection.alias
    taken, texts, shares = samples.get(alias, (0.0, [], {}))
    if time.monotonic() - taken < SAMPLE_SECONDS and len(shares) < 10_000:
        return texts, shares
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'timeline_event'::regclass")
        rows = max(float(cursor.fetchone()[0]), 1.0)
        share = min(100.0, 100.0 * SAMPLE_ROWS / rows)
        cursor.execute(
            f"SELECT search_text FROM {EVENT} TABLESAMPLE SYSTEM (%s) LIMIT %s",
            [share, 2 * SAMPLE_ROWS],
        )
        texts = [row[0] for row in cursor.fetchall()]
    samples[alias] = (time.monotonic(), texts, {})
    return texts, samples[alias][2]


def rare_word(connection, needle: str) -> str | None:
    """The needle's rarest word when another of its words is common, else None."""
    words = set(WORD.findall(needle))
    if len(words) < 2:
        return None
    texts, shares = search_sample(connection)
    if not texts:
        return None
    for word in words - shares.keys():
        shares[word] = sum(word in text for text in texts) / len(texts)
    share = {word: shares[word] for word in words}
    rarest = min(sorted(words), key=share.__getitem__)
    # In a small sample (a small table) a word in one row of it is rare too.
    if share[rarest] <= max(RARE, 1 / len(texts)) and max(share.values()) >= COMMON:
        return rarest
    return None


def add_date_filters(statement: Statement, filters: EventFilters) -> None:
    after, before = filters.after, filters.before
    if after is None and before is None:
        return
    # On an actor's links (`link_order`) their copies of the dates, so that the bounds
    # narrow the range of the links' index that is read.
    date_start = key_column(statement, "date_start")
    date_end = key_column(statement, "date_end")
    statement.add(f"{date_start} IS NOT NULL")
    if filters.strict:
        if after is not None:
            statement.add(f"{date_start} >= %s", statement.day(after))
        if before is not None:
            statement.add(f"{date_end} <= %s", statement.day(before))
        return
    if after is not None:
        statement.add(f"{date_end} >= %s", statement.day(after))
        if statement.vendor == "postgresql":
            # `EventQuerySet.earliest_start_reaching`: a bound on the leading index column.
            statement.add(
                f"{date_start} >= (%s::date - (SELECT MAX(spans.date_end - "
                "spans.date_start) FROM timeline_event spans))",
                after,
            )
    if before is not None:
        statement.add(f"{date_start} <= %s", statement.day(before))


# Keyset conditions, as `api.pagination.tuple_after` and `segments_after` build them; keys
# are anything with `field`, `descending` and `nullable` (`api.pagination.SortKey`).


def after_position(statement: Statement, keys, values) -> tuple[str, list]:
    """`tuple_after` as SQL text and its parameters, in order."""
    key, value = keys[0], values[0]
    name = key_column(statement, key.field)
    if len(keys) == 1:
        rest_sql, rest_params = None, []
    else:
        rest_sql, rest_params = after_position(statement, keys[1:], values[1:])
    if value is None:
        if rest_sql is None:
            tail, params = "(1 = 0)", []
        else:
            tail, params = f"({name} IS NULL AND {rest_sql})", rest_params
        if key.descending:
            return f"({name} IS NOT NULL OR {tail})", params
        return tail, params
    bound = param(statement, key.field, value)
    beyond = f"{name} {'<' if key.descending else '>'} %s"
    if key.nullable and not key.descending:
        beyond = f"({beyond} OR {name} IS NULL)"
    if rest_sql is None:
        return beyond, [bound]
    return f"({beyond} OR ({name} = %s AND {rest_sql}))", [bound, bound, *rest_params]


def segments_after(statement: Statement, keys, values) -> list[tuple[str, list]]:
    """The rows after `values` as conditions to query in turn, each one index range."""
    key, value = keys[0], values[0]
    after, params = after_position(statement, keys, values)
    name = key_column(statement, key.field)
    if value is None:
        if key.descending:
            return [(f"{name} IS NULL AND {after}", params), (f"{name} IS NOT NULL", [])]
        return [(f"{name} IS NULL AND {after}", params)]
    bound = f"{name} {'<=' if key.descending else '>='} %s"
    first = (f"{bound} AND {after}", [param(statement, key.field, value), *params])
    if key.nullable and not key.descending:
        return [first, (f"{name} IS NULL", [])]
    return [first]


def param(statement: Statement, field: str, value):
    if statement.vendor == "postgresql":
        return value
    if field in DATE_COLUMNS:
        return value.isoformat()
    if isinstance(value, datetime):
        # As Django writes instants into SQLite: naive UTC text.
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        # A cursor can carry any integer; SQLite binds only 64 bits. As a float it still
        # compares beyond every id SQLite can hold, on the same side.
        return float(value)
    return value


def order_by(statement: Statement, keys) -> str:
    terms = []
    for key in keys:
        direction = "DESC" if key.descending else "ASC"
        nulls = ""
        if key.nullable:
            nulls = " NULLS FIRST" if key.descending else " NULLS LAST"
        terms.append(f"{key_column(statement, key.field)} {direction}{nulls}")
    return ", ".join(terms)


def page_rows(db: str, filters: EventFilters, columns, keys, position, limit: int) -> list[dict]:
    """Up to `limit` event rows (dicts of `columns`) after `position` in the order of
    `keys` (from the start when None): one statement per index range, as
    `api.pagination.KeysetPagination.fetch` reads them."""
    connection = connections[db]
    vendor = connection.vendor
    base = Statement(connection)
    source, filters = actor_source(base, filters, keys)
    add_filters(base, filters, about_dates=True)
    select = "SELECT " + ", ".join(column(name) for name in columns) + f" FROM {source} WHERE "
    ordering = f" ORDER BY {order_by(base, keys)} LIMIT "
    segments = [("", [])] if position is None else segments_after(base, keys, position)
    rows: list[dict] = []
    with connection.cursor() as cursor:
        quick_loaders(cursor)
        for condition, params in segments:
            conditions = [*base.conditions, condition] if condition else base.conditions
            where = " AND ".join(conditions) or "1 = 1"
            cursor.execute(
                f"{select}({where}){ordering}{int(limit - len(rows))}", [*base.params, *params]
            )
            rows += [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
            if len(rows) >= limit:
                break
    if vendor != "postgresql":
        for row in rows:
            sqlite_values(row)
    return rows


# On PostgreSQL each actor link also holds its event's dates, kept equal to them by
# triggers, and `event_actor_chronology` orders the links by (actor, dates, event)
# (migration 0017): one actor's events come out of that index already in page order.
CHRONOLOGY = '"chronology"'
LINK_KEYS = {
    "date_start": f'{CHRONOLOGY}."event_date_start"',
    "date_end": f'{CHRONOLOGY}."event_date_end"',
    "id": f'{CHRONOLOGY}."event_id"',
}


def ordering_actor(vendor: str, filters: EventFilters, keys) -> int | None:
    """The actor whose links can give the page its order, if any: on PostgreSQL, a list
    narrowed to one actor (not "any of several"), in date order either way."""
    if vendor != "postgresql" or any(key.field not in LINK_KEYS for key in keys):
        return None
    for ids in filters.actor_sets:
        if len(ids) == 1:
            return ids[0]
    return None


def actor_source(statement: Statement, filters: EventFilters, keys) -> tuple[str, EventFilters]:
    """What the statement reads (the events, or the events joined to one actor's links in
    the links' order) and the filters left to check."""
    actor = ordering_actor(statement.vendor, filters, keys)
    if actor is None:
        return EVENT, filters
    source = link_order(statement, actor)
    # The actor's own links now say which events; its set is not checked again.
    sets = list(filters.actor_sets)
    sets.remove((actor,))
    return source, replace(filters, actor_sets=tuple(sets))


def link_order(statement: Statement, actor: int) -> str:
    """The events joined to `actor`'s links, sorted by the links' copies of the keys.

    An actor can be linked to one event in several roles: only its first link counts,
    so that each event comes once."""
    statement.key_columns = LINK_KEYS
    statement.add(f'{CHRONOLOGY}."actor_id" = %s', actor)
    statement.add(
        f'NOT EXISTS (SELECT 1 FROM {LINK} "other" WHERE "other"."actor_id" = %s '
        f'AND "other"."event_id" = {CHRONOLOGY}."event_id" AND "other"."id" < {CHRONOLOGY}."id")',
        actor,
    )
    return f'{EVENT} INNER JOIN {LINK} {CHRONOLOGY} ON ({CHRONOLOGY}."event_id" = {column("id")})'


def sqlite_values(row: dict) -> None:
    """SQLite's text dates and instants as the ORM gives them."""
    for name in ("date_start", "date_end"):
        value = row.get(name)
        if value.__class__ is str:
            row[name] = date.fromisoformat(value)
    value = row.get("updated_at")
    if value.__class__ is str:
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime) and value.tzinfo is None:
        row["updated_at"] = value.replace(tzinfo=UTC)


def undated_count(db: str, filters: EventFilters) -> int:
    """How many undated events match the filters that are not about dates."""
    connection = connections[db]
    statement = Statement(connection)
    source, filters = actor_source(statement, filters, ())
    if source != EVENT:
        # The actor's undated events are one range of its links' index.
        statement.add(f'{CHRONOLOGY}."event_date_start" IS NULL')
    add_filters(statement, filters, about_dates=False)
    statement.add(f"{column('date_start')} IS NULL")
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT COUNT(*) AS "__count" FROM {source} WHERE {statement.where()}',
            statement.params,
        )
        return cursor.fetchone()[0]


def run(
    db: str, statements: list[tuple[str, list]], *, dates_as_text: bool = False
) -> list[list[tuple]]:
    """The rows of each statement. On PostgreSQL they go to the server as one message:
    one round trip for all of them, which on a busy machine costs more than the
    statements themselves. With `dates_as_text`, dates come as their ISO text, as
    SQLite gives them."""
    connection = connections[db]
    # A server-binding cursor (OPTIONS "server_side_binding") refuses several statements
    # in one query: it runs them one by one.
    one_by_one = connection.vendor != "postgresql" or connection.settings_dict.get(
        "OPTIONS", {}
    ).get("server_side_binding")
    if one_by_one or len(statements) < 2:
        found = []
        for sql, params in statements:
            with connection.cursor() as cursor:
                quick_loaders(cursor, dates_as_text=dates_as_text)
                cursor.execute(sql, params)
                found.append(cursor.fetchall())
        return found
    # Django's cursors bind parameters on the client, so the statements joined by ";"
    # travel as one simple query and come back as one result set each. psycopg's
    # pipeline took two round trips: the statements' results, then the Sync that
    # leaving the pipeline always sends and waits for.
    with connection.cursor() as cursor:
        quick_loaders(cursor, dates_as_text=dates_as_text)
        cursor.execute(
            "; ".join(sql for sql, _ in statements),
            [param for _, params in statements for param in params],
        )
        found = [cursor.fetchall()]
        while cursor.nextset():
            found.append(cursor.fetchall())
    return found


# The driver's own loader of a `timestamptz` (its C implementation): an aware datetime in
# the connection's zone. Django replaces it on its connections with one that calls it from
# Python and then sets the zone again (UTC, which it already is), a Python call per value:
# 51 on a page. A Python loader of the ISO text (`datetime.fromisoformat`) was used before
# this one; the C one reads the same values in 0.28 ms a page statement against 0.32.
INSTANT_LOADER = psycopg_adapters.get_loader(psycopg_adapters.types["timestamptz"].oid, Format.TEXT)
TEXT_LOADER = psycopg_adapters.get_loader(psycopg_adapters.types["text"].oid, Format.TEXT)


def quick_loaders(cursor, *, dates_as_text: bool = False) -> None:
    """On PostgreSQL, this cursor's instants read by `INSTANT_LOADER`, and with
    `dates_as_text` its dates left as the ISO text the server sends (a claim's dates are
    only ever written back as that text). Only under DateStyle ISO, the server's default,
    whose text both rely on; elsewhere the driver's loaders stay."""
    connection = cursor.db
    if connection.vendor != "postgresql":
        return
    raw = cursor.cursor
    style = raw.connection.pgconn.parameter_status(b"DateStyle") or b""
    if not style.startswith(b"ISO"):
        return
    raw.adapters.register_loader("timestamptz", INSTANT_LOADER)
    if dates_as_text:
        raw.adapters.register_loader("date", TEXT_LOADER)


def link_statement(ids: list[int], *, with_rejected_actors: bool) -> tuple[str, list]:
    """The events' actor links in link order: (event id, slug, name, kind, role)."""
    hidden = "" if with_rejected_actors else f' AND NOT ({ACTOR}."review" = %s)'
    return (
        f'SELECT {LINK}."event_id", {ACTOR}."slug", {ACTOR}."name", {ACTOR}."kind", '
        f'{LINK}."role" FROM {LINK} INNER JOIN {ACTOR} ON ({LINK}."actor_id" = {ACTOR}."id") '
        f'WHERE ({LINK}."event_id" IN ({id_list(ids)}){hidden}) '
        f'ORDER BY 1 ASC, {LINK}."id" ASC',
        [] if with_rejected_actors else [ActorReview.REJECTED],
    )


CLAIM_SQL_COLUMNS = ", ".join(
    f'{SOURCE}."{name.removeprefix("source__")}"'
    if name.startswith("source__")
    else f'{CLAIM}."{name}"'
    for name in CLAIM_COLUMNS
)


def claim_statement(ids: list[int]) -> tuple[str, list]:
    """The events' live claims in claim order, with the source columns a claim shows."""
    return (
        f"SELECT {CLAIM_SQL_COLUMNS} FROM {CLAIM} INNER JOIN {SOURCE} "
        f'ON ({CLAIM}."source_id" = {SOURCE}."id") '
        f'WHERE ({CLAIM}."retired_at" IS NULL AND {CLAIM}."event_id" IN ({id_list(ids)})) '
        f'ORDER BY 1 ASC, 2 ASC, 10 ASC, {CLAIM}."id" ASC',
        [],
    )


def claim_dicts(db: str, rows: list[tuple]) -> dict[int, list[dict]]:
    """Each event's claims as `EventSerializer` shows them (`selectors.claim_dict`), from
    rows in event order whose dates are ISO text (`run(dates_as_text=True)`; SQLite's
    own), written as they come. The claims of one source on a page share one source dict:
    it is built once and written as often as it is shown.

    One loop with no call per claim: this is the largest part of a page's Python (100
    claims on a page of 50 events), and a call, a slice for the source's key and three
    helpers per claim cost about as much as building the dicts themselves."""
    if connections[db].vendor != "postgresql":
        rows = [sqlite_claim(row) for row in rows]
    claims: dict[int, list[dict]] = {}
    # A source's columns are the same on every claim of it in one statement's rows.
    sources: dict[int, dict] = {}
    current, listed = None, None
    for row in rows:
        (
            event_id,
            source_id,
            title,
            publisher,
            published,
            published_precision,
            published_inferred,
            url,
            quote,
            char_start,
            char_end,
            date_text,
            start,
            end,
            precision,
            qualifier,
            edtf,
            anchor_date,
            anchor_basis,
            after_source,
        ) = row
        source = sources.get(source_id)
        if source is None:
            shown = published_text(published, published_precision)
            source = sources[source_id] = {
                "id": source_id,
                "title": title,
                "publisher": publisher,
                "published": None if published_inferred else shown,
                "published_inferred": shown if published_inferred else None,
                "url": url or None,
            }
        if event_id != current:
            current = event_id
            listed = claims.setdefault(event_id, [])
        listed.append(
            {
                "source": source,
                "quote": quote,
                "char_start": char_start,
                "char_end": char_end,
                "date": {
                    "text": date_text,
                    "start": start,
                    "end": end,
                    "precision": precision or None,
                    "qualifier": qualifier or None,
                    "edtf": edtf or None,
                    "anchor": (
                        {"date": anchor_date, "basis": anchor_basis} if anchor_basis else None
                    ),
                },
                "after_source": after_source,
            }
        )
    return claims


MONTHLY = frozenset({Precision.MONTH, Precision.XUN})


def published_text(published: str | None, precision: str) -> str | None:
    """`published_display` (or None for no date) of a date given as ISO text, read from
    the text: `2025-01-07`, `2025-01`, `2025`. A year before 1000 is written without
    its leading zeros there: such a date goes through `published_display` itself."""
    if published.__class__ is not str or published[0] == "0" or len(published) != 10:
        shown = published_display(as_date(published), precision)
        return shown or None
    if precision == Precision.DAY:
        return published
    if precision in MONTHLY:
        return published[:7]
    return published[:4]


def sqlite_claim(row: tuple) -> tuple:
    """A claim row from SQLite with the booleans the ORM would give, and its dates (the
    source's publication, the claim's start and end) as ISO text, as PostgreSQL's come."""
    row = list(row)
    row[6] = bool(row[6])
    row[19] = bool(row[19])
    for position in (4, 12, 13):
        value = row[position]
        if value is not None and value.__class__ is not str:
            row[position] = value.isoformat()
    return tuple(row)


def event_page(db: str, rows: list[dict], *, with_rejected_actors: bool) -> list[dict]:
    """Events (rows of `selectors.EVENT_COLUMNS`) as `EventSerializer` shows them: two
    more statements."""
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    links, claim_rows = run(
        db,
        [link_statement(ids, with_rejected_actors=with_rejected_actors), claim_statement(ids)],
        dates_as_text=True,
    )
    return page_event_dicts(rows, actor_dicts(links), claim_dicts(db, claim_rows))


def page_event_dicts(
    rows: list[dict], actors: dict[int, list[dict]], claims: dict[int, list[dict]]
) -> list[dict]:
    """`selectors.event_dicts` for rows of `page_rows`, whose dates are dates (or None)
    and whose instants are aware (`INSTANT_LOADER`) or SQLite's: one loop with no call per
    event but the dates' and the instant's own."""
    local = timezone.get_current_timezone()
    no_actors: list = []
    shown = []
    for row in rows:
        event_id = row["id"]
        start, end, updated = row["date_start"], row["date_end"], row["updated_at"]
        if updated.__class__ is datetime and updated.tzinfo is not None:
            instant = updated.astimezone(local).isoformat()
            if instant.endswith("+00:00"):
                instant = instant[:-6] + "Z"
        else:
            instant = instant_text(updated, local)
        shown.append(
            {
                "id": event_id,
                "headline": row["headline"],
                "summary": row["summary"],
                "type": row["type"],
                "date": {
                    "start": None if start is None else start.isoformat(),
                    "end": None if end is None else end.isoformat(),
                    "precision": row["date_precision"] or None,
                    "qualifier": row["date_qualifier"] or None,
                    "edtf": row["date_edtf"] or None,
                    "display": row["date_display"] or None,
                },
                "status": row["status"],
                "review": row["review"],
                "actors": actors.get(event_id, no_actors),
                "claims": claims.get(event_id, no_actors),
                "updated_at": instant,
            }
        )
    return shown


def compact_event_page(db: str, rows: list[dict], *, with_rejected_actors: bool) -> list[dict]:
    """Events (rows of `selectors.COMPACT_EVENT_COLUMNS`) as a timeline bucket shows them:
    one more statement."""
    links = []
    if rows:
        ids = [row["id"] for row in rows]
        (links,) = run(db, [link_statement(ids, with_rejected_actors=with_rejected_actors)])
    return compact_event_dicts(rows, links)
