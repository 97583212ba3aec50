"""SQLite only: give the FTS5 search table prefix indexes for 3 and 4 characters.

A prefix query such as `abcd*` otherwise merges the postings of every indexed term that
starts with it (hundreds of terms at 100,000 resources, ~0.5 s); with `prefix='3 4'` FTS5
keeps those merged postings ready. The option can only be set when the table is created,
so the table is created again and refilled from the old one (which holds the same text
library.search indexed: published resources only), keeping every rowid, then the old one
is dropped. The index version is bumped so every process reloads its facet data.
PostgreSQL (and any other database) is left as it is.
"""

from django.db import migrations

TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'"


def _rebuild(prefix_option: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        statements = [
            "DROP TABLE IF EXISTS library_search_fts_new",
            "CREATE VIRTUAL TABLE library_search_fts_new USING fts5("
            f"title, summary, body, {TOKENIZE}{prefix_option})",
            "INSERT INTO library_search_fts_new(library_search_fts_new, rank) "
            "VALUES ('rank', 'bm25(10.0, 4.0, 1.0)')",
            "INSERT INTO library_search_fts_new (rowid, title, summary, body) "
            "SELECT rowid, title, summary, body FROM library_search_fts",
            "DROP TABLE library_search_fts",
            "ALTER TABLE library_search_fts_new RENAME TO library_search_fts",
            "INSERT INTO library_search_fts(library_search_fts) VALUES ('optimize')",
            "UPDATE library_search_state SET version = version + 1 WHERE id = 1",
        ]
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0003_search_index")]

    operations = [
        migrations.RunPython(_rebuild(", prefix = '3 4'"), _rebuild("")),
    ]
