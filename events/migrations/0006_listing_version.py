"""The events listing's version, raised by the database itself (see models.ListingVersion).

SQLite: row triggers on events_event (insert, delete, and updates of the columns the listing
filters and counts by, never places_taken, which every registration changes) and on the
networks and topics tables. PostgreSQL: the same as statement triggers, so a bulk write
raises the version once."""

from django.db import migrations, models

COUNTED_COLUMNS = "kind, status, visibility, starts_at, ends_at, format"
BUMP = "UPDATE events_listingversion SET version = version + 1 WHERE id = 1"
# (table, event) pairs whose every change moves the version.
WATCHED = [
    ("events_event", "INSERT"),
    ("events_event", "DELETE"),
    ("events_event", f"UPDATE OF {COUNTED_COLUMNS}"),
    ("events_event_networks", "INSERT"),
    ("events_event_networks", "DELETE"),
    ("events_event_networks", "UPDATE"),
    ("events_event_topics", "INSERT"),
    ("events_event_topics", "DELETE"),
    ("events_event_topics", "UPDATE"),
]


def _trigger_name(table: str, event: str) -> str:
    return f"{table}_listing_{event.split()[0].lower()}"


def create_triggers(apps, schema_editor):
    ListingVersion = apps.get_model("events", "ListingVersion")
    ListingVersion.objects.update_or_create(pk=1, defaults={"version": 0})
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION events_listing_changed() RETURNS trigger AS $$ "
            f"BEGIN {BUMP}; RETURN NULL; END $$ LANGUAGE plpgsql"
        )
    for table, event in WATCHED:
        name = _trigger_name(table, event)
        if vendor == "sqlite":
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN {BUMP}; END"
            )
        elif vendor == "postgresql":
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION events_listing_changed()"
            )


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table, event in WATCHED:
        name = _trigger_name(table, event)
        if vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS events_listing_changed()")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_event_notes"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListingVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
