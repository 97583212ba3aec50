"""The two engines behind library.search: SQLite FTS5 and PostgreSQL full-text search.

Each engine keeps one row per published resource (title, summary, body text) and answers
three questions: which resources match, in rank order (`ranked_ids`); which match, in any
order (`matching_ids`, cheaper: no ranking); and highlighted snippets for a page of them.

Snippets come back from the database with two private-use characters around each match
(`MARK_START`, `MARK_END`), which indexed text can never contain (index_text() strips them).
`safe_snippet` escapes everything else and only then turns those two into <mark> tags.
"""

import json
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from library.search.query import ParsedQuery, has_phrase, to_fts5, to_tsquery_sql

MARK_START = "\ue000"
MARK_END = "\ue001"
ELLIPSIS = "\u2026"
# A tsvector holds at most 1 MB; extracted text beyond this is not indexed.
MAX_INDEXED_CHARS = 400_000
# How many candidates PostgreSQL ranks when a query matches more (see PostgresEngine).
RANK_CANDIDATES = 500
# How many resources PostgreSQL checks a phrase against when its words are in more (see
# PostgresEngine): each check reads the whole document's tsvector for the word positions.
PHRASE_CANDIDATES = 1000
# ts_headline reads the first HEADLINE_FIRST_CHARS of the body, and only when no match is
# there the first HEADLINE_CHARS.
HEADLINE_FIRST_CHARS = 5_000
HEADLINE_CHARS = 60_000


def index_text(text: str) -> str:
    return (text or "").replace(MARK_START, "").replace(MARK_END, "").replace("\x00", "")


def safe_snippet(raw: str | None) -> SafeString:
    """Escaped text whose only markup is the <mark> we asked the engine for."""
    text = escape(raw or "")
    text = text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    # An engine can cut a fragment between the two markers: close what it opened.
    if text.count("<mark>") > text.count("</mark>"):
        text += "</mark>"
    return mark_safe(text)  # noqa: S308 (escaped above; only our own <mark> added)


class SQLiteEngine:
    vendor = "sqlite"
    capped = False  # FTS5 keeps word positions in the index: phrases are always exact

    def upsert(self, rows: list[tuple[int, str, str, str]]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM library_search_fts WHERE rowid = %s", [(row[0],) for row in rows]
            )
            cursor.executemany(
                "INSERT INTO library_search_fts (rowid, title, summary, body) "
                "VALUES (%s, %s, %s, %s)",
                rows,
            )

    def delete(self, ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM library_search_fts WHERE rowid = %s", [(pk,) for pk in ids]
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM library_search_fts")

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO library_search_fts(library_search_fts) VALUES ('optimize')")

    def ranked_ids(self, query: ParsedQuery) -> list[int]:
        """Every match, best first. bm25 for a word in most of 100,000 documents costs
        ~350 ms, so when more than RANK_CANDIDATES match, only candidates are ranked (as on
        PostgreSQL): the newest RANK_CANDIDATES title or summary matches and the newest
        RANK_CANDIDATES matches overall; the others follow them, newest first."""
        expression = to_fts5(query)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM library_search_fts WHERE library_search_fts MATCH %s "
                "ORDER BY rowid DESC LIMIT 1 OFFSET %s",
                [expression, RANK_CANDIDATES],
            )
            if cursor.fetchone() is None:  # no more than RANK_CANDIDATES matches: rank all
                cursor.execute(
                    "SELECT rowid FROM library_search_fts WHERE library_search_fts MATCH %s "
                    "ORDER BY rank",
                    [expression],
                )
                return [row[0] for row in cursor.fetchall()]
            cursor.execute(
                "SELECT rowid FROM library_search_fts WHERE library_search_fts MATCH %s "
                "ORDER BY rowid DESC LIMIT 1 OFFSET %s",
                [expression, RANK_CANDIDATES - 1],
            )
            (newest_floor,) = cursor.fetchone()
            cursor.execute(
                "SELECT rowid FROM library_search_fts WHERE library_search_fts MATCH %s "
                "ORDER BY rowid DESC LIMIT %s",
                [f"{{title summary}} : ({expression})", RANK_CANDIDATES],
            )
            heading = json.dumps([row[0] for row in cursor.fetchall()])
            # One pass over the matches; bm25 (CASE evaluates it lazily) for candidates only.
            cursor.execute(
                "SELECT rowid, CASE WHEN rowid >= %s "
                "OR rowid IN (SELECT value FROM json_each(%s)) "
                "THEN bm25(library_search_fts, 10.0, 4.0, 1.0) END "
                "FROM library_search_fts WHERE library_search_fts MATCH %s "
                "ORDER BY rowid DESC",
                [newest_floor, heading, expression],
            )
            rows = cursor.fetchall()
        ranked = sorted((row for row in rows if row[1] is not None), key=lambda r: (r[1], -r[0]))
        return [pk for pk, _ in ranked] + [pk for pk, score in rows if score is None]

    def matching_ids(self, query: ParsedQuery) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM library_search_fts WHERE library_search_fts MATCH %s",
                [to_fts5(query)],
            )
            return [row[0] for row in cursor.fetchall()]

    def snippets(self, query: ParsedQuery, ids: list[int]) -> dict[int, SafeString]:
        if not ids:
            return {}
        marks = [MARK_START, MARK_END, ELLIPSIS]
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, snippet(library_search_fts, 2, %s, %s, %s, 40), "  # noqa: S608
                "snippet(library_search_fts, 1, %s, %s, %s, 40) "
                "FROM library_search_fts WHERE library_search_fts MATCH %s "
                f"AND rowid IN ({placeholders})",
                [*marks, *marks, to_fts5(query), *ids],
            )
            rows = cursor.fetchall()
        # The body's best fragment if the body matched, else the summary's.
        return {
            pk: safe_snippet(body if MARK_START in body else summary) for pk, body, summary in rows
        }


@contextmanager
def _index_scans():
    """A cursor whose queries find matches through the GIN index, never a scan of the table.

    For a word in most documents the planner prefers reading the table, but every row's
    tsvector is then read and decompressed from TOAST: ~15x slower than the exact bitmap
    index scan, which only visits the small heap rows."""
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        try:
            yield cursor
        finally:
            cursor.execute("SET LOCAL enable_seqscan = on")


class PostgresEngine:
    """PostgreSQL: a generated tsvector (title A, summary B, body C) with a GIN index.

    Ranking reads every matching document's tsvector, which for a word found in most of
    100,000 long resources is most of a gigabyte. So when a query matches more than
    RANK_CANDIDATES resources, only those candidates are ranked: the title and summary
    matches (found through the same index, weights A and B) and then the newest others.
    The count, the facets and the date sort always use every match.

    Phrases are the exception. The GIN index has no word positions, so checking a phrase
    means reading the tsvector of every resource with all its words (1.6 s for two common
    words at 100,000). When the words are in more than PHRASE_CANDIDATES resources, the
    phrase is checked only against candidates found without positions (the title and
    summary matches, then the newest), and `capped` is set: the results, count and facets
    are then those candidates that have the phrase.
    """

    vendor = "postgresql"

    def __init__(self):
        self.capped = False

    def upsert(self, rows: list[tuple[int, str, str, str]]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO library_search_document (resource_id, title, summary, body) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (resource_id) DO UPDATE SET "
                "title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body",
                rows,
            )

    def delete(self, ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM library_search_document WHERE resource_id = ANY(%s)", [list(ids)]
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE library_search_document")

    def optimise(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE library_search_document")

    def _phrase_capped(self, cursor, query: ParsedQuery) -> list[int] | None:
        """The ids (best first) when `query` has a phrase whose words are in too many
        resources to check them all; None when the ordinary, exact query is cheap enough."""
        self.capped = False
        if not has_phrase(query):
            return None
        loose, loose_params = to_tsquery_sql(query, loose=True)
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM library_search_document "  # noqa: S608
            f"WHERE document @@ ({loose}) LIMIT %s) AS s",
            [*loose_params, PHRASE_CANDIDATES + 1],
        )
        if cursor.fetchone()[0] <= PHRASE_CANDIDATES:
            return None
        self.capped = True
        tsquery, params = to_tsquery_sql(query)
        cursor.execute(
            f"""
            WITH q AS MATERIALIZED (SELECT {tsquery} AS q),
            lq AS MATERIALIZED (SELECT {loose} AS q),
            loose AS MATERIALIZED (
                SELECT d.resource_id FROM library_search_document d, lq
                WHERE d.document @@ lq.q
            ),
            heading AS MATERIALIZED (
                SELECT d.resource_id FROM library_search_document d, lq
                WHERE d.heading @@ lq.q
            ),
            candidates AS (
                (SELECT resource_id FROM heading
                 WHERE resource_id IN (SELECT resource_id FROM loose)
                 ORDER BY resource_id DESC LIMIT %s)
                UNION
                (SELECT resource_id FROM loose ORDER BY resource_id DESC LIMIT %s)
            ),
            checked AS MATERIALIZED (
                SELECT d.resource_id, d.document @@ q.q AS found,
                       ts_rank_cd(d.document, q.q, 1) AS rank
                FROM library_search_document d, q
                WHERE d.resource_id IN (SELECT resource_id FROM candidates)
            )
            SELECT resource_id FROM checked WHERE found
            ORDER BY rank DESC, resource_id DESC
            """,  # noqa: S608 (our own tsquery SQL; user text is in params)
            [*params, *loose_params, PHRASE_CANDIDATES, PHRASE_CANDIDATES],
        )
        return [row[0] for row in cursor.fetchall()]

    def ranked_ids(self, query: ParsedQuery) -> list[int]:
        tsquery, params = to_tsquery_sql(query)
        with _index_scans() as cursor:
            capped = self._phrase_capped(cursor, query)
            if capped is not None:
                return capped
            cursor.execute(
                f"""
                WITH q AS MATERIALIZED (SELECT {tsquery} AS q),
                matches AS MATERIALIZED (
                    SELECT d.resource_id FROM library_search_document d, q
                    WHERE d.document @@ q.q
                ),
                heading AS MATERIALIZED (
                    SELECT d.resource_id FROM library_search_document d, q
                    WHERE d.heading @@ q.q
                ),
                candidates AS (
                    SELECT resource_id FROM matches
                    WHERE (SELECT count(*) FROM matches) <= %s
                    UNION
                    (SELECT resource_id FROM heading
                     WHERE resource_id IN (SELECT resource_id FROM matches) LIMIT %s)
                    UNION
                    (SELECT resource_id FROM matches ORDER BY resource_id DESC LIMIT %s)
                ),
                ranked AS (
                    SELECT d.resource_id, ts_rank_cd(d.document, q.q, 1) AS rank
                    FROM library_search_document d, q
                    WHERE d.resource_id IN (SELECT resource_id FROM candidates)
                )
                SELECT resource_id, 0 AS tier, rank FROM ranked
                UNION ALL
                SELECT resource_id, 1, 0 FROM matches
                WHERE resource_id NOT IN (SELECT resource_id FROM candidates)
                ORDER BY tier, rank DESC, resource_id DESC
                """,  # noqa: S608 (our own tsquery SQL; user text is in params)
                [*params, RANK_CANDIDATES, RANK_CANDIDATES, RANK_CANDIDATES],
            )
            return [row[0] for row in cursor.fetchall()]

    def matching_ids(self, query: ParsedQuery) -> list[int]:
        tsquery, params = to_tsquery_sql(query)
        with _index_scans() as cursor:
            capped = self._phrase_capped(cursor, query)
            if capped is not None:
                return capped
            cursor.execute(
                f"SELECT resource_id FROM library_search_document WHERE document @@ ({tsquery})",  # noqa: S608
                params,
            )
            return [row[0] for row in cursor.fetchall()]

    def snippets(self, query: ParsedQuery, ids: list[int]) -> dict[int, SafeString]:
        if not ids:
            return {}
        tsquery, params = to_tsquery_sql(query)
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, "
            f'ShortWord=3, MaxFragments=2, FragmentDelimiter=" {ELLIPSIS} "'
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                WITH q AS MATERIALIZED (SELECT {tsquery} AS q),
                first AS MATERIALIZED (
                    SELECT d.resource_id, d.body, d.summary,
                           ts_headline('english', left(d.body, %s), q.q, %s) AS headline
                    FROM library_search_document d, q
                    WHERE d.resource_id = ANY(%s)
                )
                SELECT f.resource_id,
                       CASE WHEN strpos(f.headline, %s) > 0 OR length(f.body) <= %s
                            THEN f.headline
                            ELSE ts_headline('english', left(f.body, %s), q.q, %s) END,
                       ts_headline('english', f.summary, q.q, %s)
                FROM first f, q
                """,  # noqa: S608 (our own tsquery SQL; user text is in params)
                [
                    *params,
                    HEADLINE_FIRST_CHARS,
                    options,
                    list(ids),
                    MARK_START,
                    HEADLINE_FIRST_CHARS,
                    HEADLINE_CHARS,
                    options,
                    options,
                ],
            )
            rows = cursor.fetchall()
        return {
            pk: safe_snippet(body if MARK_START in body else summary) for pk, body, summary in rows
        }


def current_engine():
    if connection.vendor == "postgresql":
        return PostgresEngine()
    if connection.vendor == "sqlite":
        return SQLiteEngine()
    raise NotImplementedError(f"No search engine for {connection.vendor}")
