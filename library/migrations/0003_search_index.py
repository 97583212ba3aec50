"""The full-text search index (library/search/): one engine's tables, chosen by the database.

SQLite gets an FTS5 table; PostgreSQL a table with a generated, weighted tsvector and a GIN
index (and a small one on title and summary, for ranking). Both get a one-row version counter that the search bumps on every index change, so
each server process knows when its facet data is stale. Raw SQL run only on its own vendor,
so the same migration applies cleanly on both (and on anything else, where it does nothing).
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE library_search_fts USING fts5("
    "title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2')",
    # ORDER BY rank then means bm25 with the title worth most, then the summary, then the body.
    "INSERT INTO library_search_fts(library_search_fts, rank) "
    "VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')",
    "CREATE TABLE library_search_state (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)",
    "INSERT INTO library_search_state (id, version) VALUES (1, 1)",
]
SQLITE_DROP = [
    "DROP TABLE IF EXISTS library_search_fts",
    "DROP TABLE IF EXISTS library_search_state",
]
POSTGRES_CREATE = [
    """CREATE TABLE library_search_document (
        resource_id bigint PRIMARY KEY,
        title text NOT NULL DEFAULT '',
        summary text NOT NULL DEFAULT '',
        body text NOT NULL DEFAULT '',
        document tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english', title), 'A')
            || setweight(to_tsvector('english', summary), 'B')
            || setweight(to_tsvector('english', body), 'C')
        ) STORED,
        heading tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english', title), 'A')
            || setweight(to_tsvector('english', summary), 'B')
        ) STORED
    )""",
    "CREATE INDEX library_search_document_gin ON library_search_document USING gin (document)",
    "CREATE INDEX library_search_heading_gin ON library_search_document USING gin (heading)",
    "CREATE TABLE library_search_state (id integer PRIMARY KEY, version bigint NOT NULL)",
    "INSERT INTO library_search_state (id, version) VALUES (1, 1)",
]
POSTGRES_DROP = [
    "DROP TABLE IF EXISTS library_search_document",
    "DROP TABLE IF EXISTS library_search_state",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0002_submissions_and_files")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
