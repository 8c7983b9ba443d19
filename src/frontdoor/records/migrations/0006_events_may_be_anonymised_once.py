"""Let an event be anonymised once, at the end of its record's retention period, and nothing else.

The triggers of 0002 refused every UPDATE. These refuse every UPDATE except
one that sets `anonymised_at` on a row that had none and keeps its id, kind,
actor, child and times, so the log still says who did what and when. The
access log keeps the old rule: no update at all.
"""

from django.db import migrations, models

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION records_event_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND OLD.anonymised_at IS NULL AND NEW.anonymised_at IS NOT NULL
        AND NEW.id = OLD.id AND NEW.kind = OLD.kind
        AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
        AND NEW.child_id IS NOT DISTINCT FROM OLD.child_id
        AND NEW.occurred_at = OLD.occurred_at AND NEW.recorded_at = OLD.recorded_at
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% rows are append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
"""

SQLITE_ANONYMISATION = (
    "OLD.anonymised_at IS NULL AND NEW.anonymised_at IS NOT NULL AND NEW.id = OLD.id AND NEW.kind = OLD.kind "
    "AND NEW.actor_id IS OLD.actor_id AND NEW.child_id IS OLD.child_id "
    "AND NEW.occurred_at = OLD.occurred_at AND NEW.recorded_at = OLD.recorded_at"
)


def allow_anonymisation(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION, params=None)
        schema_editor.execute("DROP TRIGGER IF EXISTS records_event_append_only ON records_event;")
        schema_editor.execute(
            "CREATE TRIGGER records_event_append_only BEFORE UPDATE OR DELETE ON records_event "
            "FOR EACH ROW EXECUTE FUNCTION records_event_refuse_change();"
        )
    elif vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS records_event_append_only;")
        schema_editor.execute(
            "CREATE TRIGGER records_event_append_only BEFORE UPDATE ON records_event "
            f"WHEN NOT ({SQLITE_ANONYMISATION}) "
            "BEGIN SELECT RAISE(ABORT, 'records_event rows are append-only: UPDATE refused'); END;"
        )
        # Adding the column may have rebuilt the table; the access log's trigger must stand either way.
        schema_editor.execute(
            "CREATE TRIGGER IF NOT EXISTS records_accesslog_append_only BEFORE UPDATE ON records_accesslog "
            "BEGIN SELECT RAISE(ABORT, 'records_accesslog rows are append-only: UPDATE refused'); END;"
        )


def refuse_every_update(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS records_event_append_only ON records_event;")
        schema_editor.execute(
            "CREATE TRIGGER records_event_append_only BEFORE UPDATE OR DELETE ON records_event "
            "FOR EACH ROW EXECUTE FUNCTION records_refuse_change();"
        )
        schema_editor.execute("DROP FUNCTION IF EXISTS records_event_refuse_change();")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS records_event_append_only;")
        schema_editor.execute(
            "CREATE TRIGGER records_event_append_only BEFORE UPDATE ON records_event "
            "BEGIN SELECT RAISE(ABORT, 'records_event rows are append-only: UPDATE refused'); END;"
        )


class Migration(migrations.Migration):
    dependencies = [("records", "0005_significance_marks")]

    operations = [
        migrations.AddField(
            model_name="event",
            name="anonymised_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(allow_anonymisation, refuse_every_update),
    ]
