"""A claim's quote must be exactly its source's text between its offsets.

The rule spans two tables, which a CHECK constraint cannot express, so each database
enforces it with a trigger.
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE FUNCTION timeline_claim_quote_in_source() RETURNS trigger AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM timeline_source s
        WHERE s.id = NEW.source_id
          AND substr(s.text, NEW.char_start + 1, NEW.char_end - NEW.char_start) = NEW.quote
    ) THEN
        RAISE EXCEPTION 'claim quote is not the text of source % at [%, %)',
            NEW.source_id, NEW.char_start, NEW.char_end
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER timeline_claim_quote_in_source
    BEFORE INSERT OR UPDATE OF quote, char_start, char_end, source_id ON timeline_claim
    FOR EACH ROW EXECUTE FUNCTION timeline_claim_quote_in_source();
"""
POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS timeline_claim_quote_in_source ON timeline_claim;
DROP FUNCTION IF EXISTS timeline_claim_quote_in_source();
"""

SQLITE_CONDITION = """
    WHEN NOT EXISTS (
        SELECT 1 FROM timeline_source s
        WHERE s.id = NEW.source_id
          AND substr(s.text, NEW.char_start + 1, NEW.char_end - NEW.char_start) = NEW.quote
    )
    BEGIN SELECT RAISE(ABORT, 'claim quote is not the text of its source at its offsets'); END;
"""
SQLITE_FORWARD = [
    "CREATE TRIGGER timeline_claim_quote_in_source_insert BEFORE INSERT ON timeline_claim"
    + SQLITE_CONDITION,
    "CREATE TRIGGER timeline_claim_quote_in_source_update"
    " BEFORE UPDATE OF quote, char_start, char_end, source_id ON timeline_claim" + SQLITE_CONDITION,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS timeline_claim_quote_in_source_insert",
    "DROP TRIGGER IF EXISTS timeline_claim_quote_in_source_update",
]


def forward(apps, schema_editor):
    run(schema_editor, POSTGRES_FORWARD, SQLITE_FORWARD)


def backward(apps, schema_editor):
    run(schema_editor, POSTGRES_BACKWARD, SQLITE_BACKWARD)


def run(schema_editor, postgres_sql, sqlite_statements):
    vendor = schema_editor.connection.vendor
    # Executed without parameters, so the "%" of RAISE's format string stays literal.
    with schema_editor.connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute(postgres_sql)
        elif vendor == "sqlite":
            for statement in sqlite_statements:
                cursor.execute(statement)
        else:
            raise NotImplementedError(f"No quote trigger for the {vendor} database")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
