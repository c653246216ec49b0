"""Each actor link carries its event's dates on PostgreSQL, indexed in page order; nothing elsewhere.

An actor's page (`?actor=`, an actor's timeline) is the actor's events in date order. With
only `(actor, event)` on the link table, PostgreSQL read every one of the actor's events by
id and sorted them to keep 50: at 1M events an actor with 4,000 events cost 15,600 buffer
reads and 12 ms a page. Here every link row also holds its event's `date_start` and
`date_end` (`event_date_start`, `event_date_end`), and `event_actor_chronology` orders the
links by actor, then those dates, then the event: the page reads its 50 links in order and
stops (`timeline.event_queries`).

The two columns are the database's, not the model's: triggers keep them equal to the
event's dates on every write, whatever writes (the ORM, `ingest`, `curation`, a fixture or
plain SQL), so no Python code sets them and Django does not know them. A link inserted
takes its event's dates; an event inserted or re-dated passes its dates to its links.
SQLite, the embedded default, keeps the plain links and its statement.
"""

from django.db import migrations

INDEX = "event_actor_chronology"

CREATE = [
    "ALTER TABLE timeline_eventactor ADD COLUMN IF NOT EXISTS event_date_start date, "
    "ADD COLUMN IF NOT EXISTS event_date_end date",
    # A link takes its event's dates when it is written or moved to another event.
    """
    CREATE OR REPLACE FUNCTION timeline_link_takes_event_dates() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        SELECT date_start, date_end INTO NEW.event_date_start, NEW.event_date_end
        FROM timeline_event WHERE id = NEW.event_id;
        RETURN NEW;
    END $$
    """,
    "CREATE TRIGGER timeline_link_takes_event_dates BEFORE INSERT OR UPDATE OF event_id "
    "ON timeline_eventactor FOR EACH ROW EXECUTE FUNCTION timeline_link_takes_event_dates()",
    # An event passes its dates on when they change, and when it is inserted (a fixture
    # may hold a link before its event, the foreign key being checked at commit).
    """
    CREATE OR REPLACE FUNCTION timeline_event_gives_links_dates() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE timeline_eventactor
        SET event_date_start = NEW.date_start, event_date_end = NEW.date_end
        WHERE event_id = NEW.id AND (event_date_start IS DISTINCT FROM NEW.date_start
            OR event_date_end IS DISTINCT FROM NEW.date_end);
        RETURN NULL;
    END $$
    """,
    "CREATE TRIGGER timeline_event_gives_links_dates AFTER INSERT OR UPDATE OF date_start, "
    "date_end ON timeline_event FOR EACH ROW EXECUTE FUNCTION timeline_event_gives_links_dates()",
    # The links already there.
    "UPDATE timeline_eventactor SET event_date_start = timeline_event.date_start, "
    "event_date_end = timeline_event.date_end FROM timeline_event "
    "WHERE timeline_event.id = timeline_eventactor.event_id",
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON timeline_eventactor "
    "(actor_id, event_date_start, event_date_end, event_id)",
]

DROP = [
    f"DROP INDEX IF EXISTS {INDEX}",
    "DROP TRIGGER IF EXISTS timeline_event_gives_links_dates ON timeline_event",
    "DROP FUNCTION IF EXISTS timeline_event_gives_links_dates()",
    "DROP TRIGGER IF EXISTS timeline_link_takes_event_dates ON timeline_eventactor",
    "DROP FUNCTION IF EXISTS timeline_link_takes_event_dates()",
    "ALTER TABLE timeline_eventactor DROP COLUMN IF EXISTS event_date_start, "
    "DROP COLUMN IF EXISTS event_date_end",
]


def create_link_chronology(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in CREATE:
        schema_editor.execute(statement)


def drop_link_chronology(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0016_event_undated_index"),
    ]

    operations = [
        migrations.RunPython(create_link_chronology, drop_link_chronology, elidable=False),
    ]
