"""The database triggers that raise the events listing's version (models.ListingVersion).

SQLite: row triggers on events_event (insert, delete, and updates of the columns the listing
filters and counts by, never places_taken, which every registration changes) and on the
networks and topics tables. PostgreSQL: the same as statement triggers, so a bulk write
raises the version once.

Kept here, not only in the migration that made them, because SQLite drops a table's
triggers whenever Django rebuilds the table (as it does to add or alter a column of
events_event): each such migration must install them again (`reinstall`).
"""

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


def create(schema_editor) -> None:
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


def drop(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for table, event in WATCHED:
        name = _trigger_name(table, event)
        if vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS events_listing_changed()")


def reinstall(apps, schema_editor) -> None:
    """For a migration's RunPython after it rebuilt events_event (both directions)."""
    drop(schema_editor)
    create(schema_editor)
