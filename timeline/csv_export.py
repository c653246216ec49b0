"""The CSV export written by PostgreSQL: each event's CSV line built by the database.

On PostgreSQL an export reads the filtered, ordered events through one server-side cursor
whose rows carry the event's own cells already written (quoted as Python's `csv` module
quotes them, with a `'` before a cell a spreadsheet would run as a formula); each batch's
actors cells, and its sources, claim count and best-dated claim cells, come from one
grouped query each. Python only puts the pieces of each line together and sends them: the
work per event runs in the database's own process, beside the web worker. The bytes are
those of the Python export (`timeline.selectors.export_rows` written by
`api.renderers.EventCSVRenderer`), which serves SQLite; a test holds both to the
serializers' CSV.

The cursor is opened inside a transaction: outside one, Django declares it `WITH HOLD`,
and PostgreSQL then runs the whole query to a temporary file before the first row is
read.
"""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from django.db import connections, transaction
from django.db.models.expressions import RawSQL
from django.db.models.sql.constants import MULTI
from django.utils import timezone

from timeline.models import Actor, ActorReview, Claim, EventActor, Source
from timeline.pipeline.reconcile import PRECISION_RANK


def supported(alias: str) -> bool:
    """Whether the database behind this alias can write the export (PostgreSQL)."""
    return connections[alias].vendor == "postgresql"


def sql_text(value: str) -> str:
    """A constant as an SQL string literal (standard_conforming_strings, the default), in a
    statement run with parameters (so `%` doubled)."""
    return "'" + value.replace("'", "''").replace("%", "%%") + "'"


def regex_char(character: str) -> str:
    # In PostgreSQL's regular expressions a backslash makes any other symbol literal.
    return character if character.isalnum() or character in "\t\r\n" else "\\" + character


def csv_cell(expression: str, formula_prefixes: tuple[str, ...]) -> str:
    """SQL for a text value as one CSV cell: NULL as empty; a `'` before a value that a
    spreadsheet would run as a formula; quoted, with quotes doubled, when it holds a comma,
    a quote or a line break (what `csv.writer` quotes by default). Most values need
    neither, and cost one match."""
    formula = "^(?:" + "|".join("".join(map(regex_char, p)) for p in formula_prefixes) + ")"
    special = '[",\r\n]'
    guarded = (
        f"CASE WHEN {expression} ~ {sql_text(formula)} THEN '''' || {expression} "
        f"ELSE {expression} END"
    )
    return (
        f"CASE WHEN {expression} IS NULL THEN '' "
        f"WHEN {expression} !~ {sql_text(formula + '|' + special)} THEN {expression} "
        f"WHEN {guarded} ~ {sql_text(special)} "
        f"THEN '\"' || replace({guarded}, '\"', '\"\"') || '\"' ELSE {guarded} END"
    )


def day_cell(expression: str) -> str:
    # Never a formula or in need of quotes: digits and dashes.
    return f"COALESCE(to_char({expression}, 'YYYY-MM-DD'), '')"


def instant_cell(expression: str, zone: str) -> str:
    """An instant as `datetime.isoformat()` writes it in `zone`: microseconds only when
    there are any, the offset as `+HH:MM` (`:SS` when it has seconds), UTC as `Z`."""
    local = f"({expression} AT TIME ZONE {sql_text(zone)})"
    text = (
        f"to_char({local}, 'YYYY-MM-DD\"T\"HH24:MI:SS') "
        f"|| CASE WHEN to_char({local}, 'US') = '000000' THEN '' "
        f"ELSE '.' || to_char({local}, 'US') END"
    )
    if zone == "UTC":
        return f"{text} || 'Z'"
    offset = f"extract(epoch FROM {local} - ({expression} AT TIME ZONE 'UTC'))::int"
    return (
        f"{text} || CASE WHEN {offset} = 0 THEN 'Z' ELSE "
        f"CASE WHEN {offset} < 0 THEN '-' ELSE '+' END "
        f"|| lpad((abs({offset}) / 3600)::text, 2, '0') || ':' "
        f"|| lpad((mod(abs({offset}), 3600) / 60)::text, 2, '0') "
        f"|| CASE WHEN mod(abs({offset}), 60) = 0 THEN '' "
        f"ELSE ':' || lpad(mod(abs({offset}), 60)::text, 2, '0') END END"
    )


def published_cell(published: str, precision: str) -> str:
    """`timeline.models.published_display`: the day, the month (of a month or a xun), or
    the year, unpadded; NULL when there is no date."""
    return (
        f"CASE WHEN {published} IS NULL THEN NULL "
        f"WHEN {precision} = 'day' THEN to_char({published}, 'YYYY-MM-DD') "
        f"WHEN {precision} IN ('month', 'xun') THEN to_char({published}, 'YYYY-MM') "
        f"ELSE extract(year FROM {published})::int::text END"
    )


def claim_rank(claim: str) -> str:
    """The order `timeline.selectors.export_claims` ranks claims in, as an array of
    integers that sorts that way, ending with the claim's id: one dated after its source
    last, then by precision (undated after every precision, known or not), then the
    narrower interval, then claim order."""
    ranks = " ".join(f"WHEN {sql_text(name)} THEN {rank}" for name, rank in PRECISION_RANK.items())
    return (
        f"ARRAY[{claim}.after_source::int, "
        f"CASE WHEN {claim}.date_start IS NULL THEN {len(PRECISION_RANK) + 1} "
        f"ELSE CASE {claim}.date_precision {ranks} ELSE {len(PRECISION_RANK)} END END, "
        f"COALESCE({claim}.date_end - {claim}.date_start, 0), "
        f"{claim}.source_id, {claim}.char_start, {claim}.id]"
    )


def event_cells(event: str, *, zone: str, formula_prefixes: tuple[str, ...]) -> tuple[str, str]:
    """SQL for an event's own cells (`event` its table alias) in two pieces: those before
    its actors and sources (id to review), and those between the sources and the claim
    count (summary and update time)."""

    def cell(expression: str) -> str:
        return csv_cell(expression, formula_prefixes)

    head = [
        f"{event}.id::text",
        cell(f"{event}.headline"),
        cell(f"{event}.type"),
        day_cell(f"{event}.date_start"),
        day_cell(f"{event}.date_end"),
        cell(f"{event}.date_precision"),
        cell(f"{event}.date_qualifier"),
        cell(f"{event}.date_edtf"),
        cell(f"{event}.date_display"),
        cell(f"{event}.status"),
        cell(f"{event}.review"),
    ]
    middle = [cell(f"{event}.summary"), instant_cell(f"{event}.updated_at", zone)]
    return " || ',' || ".join(head), " || ',' || ".join(middle)


def actors_sql(*, with_rejected_actors: bool, formula_prefixes: tuple[str, ...]) -> str:
    """SQL for the actors cell of each event whose id is in the parameter (an array) and
    has an actor shown: `slug:role` (or the slug) in link order, `; `-joined."""
    link, actor = EventActor._meta.db_table, Actor._meta.db_table
    hidden = "" if with_rejected_actors else f" AND a.review <> {sql_text(ActorReview.REJECTED)}"
    named = (
        "string_agg(CASE WHEN COALESCE(l.role, '') = '' THEN a.slug "
        "ELSE a.slug || ':' || l.role END, '; ' ORDER BY l.id)"
    )
    return (
        f"SELECT x.event_id, {csv_cell('x.named', formula_prefixes)} FROM ("
        f"SELECT l.event_id, {named} AS named FROM {link} l JOIN {actor} a ON a.id = l.actor_id "
        f"WHERE l.event_id = ANY(%s::bigint[]){hidden} GROUP BY l.event_id) x"
    )


def claims_sql(*, formula_prefixes: tuple[str, ...]) -> str:
    """SQL for the claims' cells of each event whose id is in the parameter (an array) and
    has live claims: its sources cell, and its claim count with the five cells of its
    best-dated claim.

    The best claim is the least of the claims' ranks (`claim_rank`), whose last element is
    its id: only that claim and its source are read again and written out, and no group
    is sorted but for its distinct source ids."""
    claim, source = Claim._meta.db_table, Source._meta.db_table

    def cell(expression: str) -> str:
        return csv_cell(expression, formula_prefixes)

    shown = published_cell("s.published", "s.published_precision")
    best = (
        f"{cell('b.quote')} || ',' || {cell('s.title')} || ',' || {cell('s.publisher')} "
        f"|| ',' || CASE WHEN s.published_inferred THEN '' ELSE COALESCE({shown}, '') END "
        f"|| ',' || CASE WHEN s.published_inferred THEN COALESCE({shown}, '') ELSE '' END"
    )
    # Source ids in claim order, each once: claims are ordered by source first.
    grouped = (
        "SELECT c.event_id, array_to_string(array_agg(DISTINCT c.source_id ORDER BY "
        f"c.source_id), '; ') AS sources, count(*) AS n, min({claim_rank('c')}) AS rank "
        f"FROM {claim} c WHERE c.event_id = ANY(%s::bigint[]) AND c.retired_at IS NULL "
        "GROUP BY c.event_id"
    )
    # LATERAL and fenced (OFFSET 0), so that the best claim is looked up by its key: a
    # join would be planned as a walk through every claim.
    return (
        f"SELECT g.event_id, g.sources, g.n || ',' || best.cells FROM ({grouped}) g "
        f"CROSS JOIN LATERAL (SELECT {best} AS cells FROM {claim} b "
        f"JOIN {source} s ON s.id = b.source_id WHERE b.id = g.rank[6] OFFSET 0) best"
    )


# The claims' cells of an event without claims: no sources, a count of 0, no best quote.
NO_CLAIMS = ("", "0,,,,,")


def export_text(
    events,
    *,
    with_rejected_actors: bool,
    undated_left_out: int,
    formula_prefixes: tuple[str, ...],
    batch_size: int = 2000,
) -> Iterator[str]:
    """The CSV lines (header not included) of an ordered queryset of events, in its order,
    `batch_size` lines to a piece of text; PostgreSQL only (`supported`).

    The events' own cells come through one server-side cursor, and each batch's actors and
    claims cells from one query each, grouped by event for the whole batch at once (a
    subquery per event would start its plan over for each one, four times slower)."""
    head, middle = event_cells(
        f'"{events.model._meta.db_table}"',
        zone=timezone.get_current_timezone_name(),
        formula_prefixes=formula_prefixes,
    )
    query = (
        events.annotate(csv_head=RawSQL(head, []), csv_middle=RawSQL(middle, []))
        .values_list("id", "csv_head", "csv_middle")
        .query
    )
    compiler = query.get_compiler(using=events.db)
    actors = actors_sql(
        with_rejected_actors=with_rejected_actors, formula_prefixes=formula_prefixes
    )
    claims = claims_sql(formula_prefixes=formula_prefixes)
    end = f",{int(undated_left_out)}\r\n"

    def lines(batch, named, claimed) -> str:
        return "".join(
            [
                f"{first},{named.get(event_id, '')},{sources},{second},{rest}{end}"
                for event_id, first, second in batch
                for sources, rest in (claimed.get(event_id, NO_CLAIMS),)
            ]
        )

    # The caller's own transaction may hold writes that no other connection can see: then
    # every query goes through this one.
    alone = connections[events.db].in_atomic_block
    with transaction.atomic(using=events.db), connections[events.db].cursor() as cursor:
        cursor.execute(SESSION_SQL)
        batches = iter(compiler.execute_sql(MULTI, chunked_fetch=True, chunk_size=batch_size))
        for batch in batches:
            named = actors_cells(cursor, actors, batch)
            yield lines(batch, named, claims_cells(cursor, claims, batch))
            if len(batch) == batch_size and not alone:
                # A long export: the batches after the first overlap (below).
                yield from overlapped(batches, cursor, events.db, actors, claims, lines)


# For the export's statements only: compiling them (JIT) would take longer than most
# exports, and parallel workers would not pay for themselves on a batch.
SESSION_SQL = (
    "SELECT set_config('jit', 'off', true), "
    "set_config('max_parallel_workers_per_gather', '0', true)"
)


def actors_cells(cursor, actors: str, batch) -> dict:
    """The actors cell of each event of a batch that has any."""
    cursor.execute(actors, [[row[0] for row in batch]])
    return dict(cursor.fetchall())


def claims_cells(cursor, claims: str, batch) -> dict:
    """The claims' cells (sources; count and best claim) of each event of a batch that has
    any."""
    cursor.execute(claims, [[row[0] for row in batch]])
    return {event_id: cells for event_id, *cells in cursor.fetchall()}


def side_claims_cells(alias: str, claims: str, batch) -> dict:
    """`claims_cells` on this thread's own connection to the database (opened on first
    use), in a transaction of its own."""
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute(SESSION_SQL)
        return claims_cells(cursor, claims, batch)


def close_side(alias: str) -> None:
    connections[alias].close()


def overlapped(batches, cursor, alias: str, actors: str, claims: str, lines) -> Iterator[str]:
    """The batches of a long export, with their claims' cells read by a second database
    session on a thread of its own: while it reads batch k's claims (the largest part of
    the work), the export's own session writes batch k's actors cells and then batch
    k+1's own cells, and this process joins the lines of batch k-1, each on whichever core
    is free. The second session reads what is committed, as each statement of the export
    does (READ COMMITTED)."""
    with ThreadPoolExecutor(1, thread_name_prefix="csv-export") as side:
        pending = None
        try:
            for batch in batches:
                claimed = side.submit(side_claims_cells, alias, claims, batch)
                following = (batch, actors_cells(cursor, actors, batch), claimed)
                if pending is not None:
                    yield lines(pending[0], pending[1], pending[2].result())
                pending = following
            if pending is not None:
                yield lines(pending[0], pending[1], pending[2].result())
        finally:
            side.submit(close_side, alias).result()
