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
# Up to twice this many are checked (heading matches and the newest); 2 x 1,000 took ~30 ms.
PHRASE_CANDIDATES = 300
# ts_headline reads a window of the body from HEADLINE_LEAD_CHARS before the first place a
# query word appears, HEADLINE_WINDOW long (room for two fragments of 35 words), and only
# when no match is there the first HEADLINE_CHARS (see PostgresEngine.snippets).
HEADLINE_LEAD_CHARS = 100
HEADLINE_WINDOW = 800
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
            # bm25 for the candidates only; the other matches are passed over unscored.
            cursor.execute(
                "SELECT rowid, bm25(library_search_fts, 10.0, 4.0, 1.0) "
                "FROM library_search_fts WHERE library_search_fts MATCH %s "
                "AND (rowid >= %s OR rowid IN (SELECT value FROM json_each(%s)))",
                [expression, newest_floor, heading],
            )
            ranked = sorted(cursor.fetchall(), key=lambda row: (row[1], -row[0]))
            # Every match in one string: at 100,000 resources a row per match cost 41 ms
            # (with bm25 picked out by CASE), this 11 ms and the candidates above 12 ms.
            cursor.execute(
                "SELECT group_concat(rowid) FROM library_search_fts "
                "WHERE library_search_fts MATCH %s",
                [expression],
            )
            (every,) = cursor.fetchone()
        first = [pk for pk, _score in ranked]
        chosen = set(first)
        newest_first = sorted(map(int, every.split(",")), reverse=True)
        return first + [pk for pk in newest_first if pk not in chosen]

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
    RANK_CANDIDATES resources, the whole documents are not ranked at all: the newest
    RANK_CANDIDATES title and summary matches (found through the `heading` index) come
    first, ranked on their small heading vector (a title match above a summary match),
    then every other match, newest first. Measured at 20,000 resources, ranking 1,000
    candidates on their whole documents cost ~11 ms of a 46 ms query, and ordering every
    match in SQL another ~10 ms: the other matches now come back as one array, in table
    order, reversed in Python. The count, the facets and the date sort always use every
    match.

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
        # A heading that matches a query without exclusions means the document matches
        # too (the document starts with the heading); with exclusions it must be checked.
        in_matches = "AND d.resource_id IN (SELECT resource_id FROM matches)"
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
                few AS MATERIALIZED (SELECT count(*) <= %s AS few FROM matches),
                ranked AS MATERIALIZED (
                    SELECT d.resource_id, ts_rank_cd(d.document, q.q, 1) AS rank
                    FROM library_search_document d, q, few
                    WHERE few.few AND d.resource_id IN (SELECT resource_id FROM matches)
                    UNION ALL
                    (SELECT d.resource_id, ts_rank_cd(d.heading, q.q, 1)
                     FROM library_search_document d, q, few
                     WHERE NOT few.few AND d.heading @@ q.q
                     {in_matches if query.excluded else ""}
                     ORDER BY d.resource_id DESC LIMIT %s)
                )
                SELECT
                    (SELECT array_agg(resource_id ORDER BY rank DESC, resource_id DESC)
                     FROM ranked),
                    (SELECT array_agg(resource_id) FROM matches
                     WHERE resource_id NOT IN (SELECT resource_id FROM ranked))
                """,  # noqa: S608 (our own tsquery SQL; user text is in params)
                [*params, RANK_CANDIDATES, RANK_CANDIDATES],
            )
            ranked, others = cursor.fetchone()
        # The others come in table order, which is nearly oldest first: reversing is cheap.
        return (ranked or []) + sorted(others or [], reverse=True)

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
        """ts_headline reads every word of the text it is given, so it is given a window:
        HEADLINE_WINDOW characters from just before the first place one of the query's
        words (as stemmed: "prisons" looks for "prison") appears in the body. A stem that
        is not spelt inside its words ("happi") or a window without a match falls back to
        the first HEADLINE_CHARS of the body, if the body matches at all (its words are
        weight C in the document)."""
        if not ids:
            return {}
        tsquery, params = to_tsquery_sql(query)
        words = " ".join(
            word for group in query.groups for clause in group for word in clause.words
        )
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, "
            f'ShortWord=3, MaxFragments=2, FragmentDelimiter=" {ELLIPSIS} "'
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                WITH q AS MATERIALIZED (SELECT {tsquery} AS q),
                stems AS MATERIALIZED (
                    SELECT coalesce(
                        array_agg(lexeme ORDER BY lexeme) FILTER (WHERE length(lexeme) > 1),
                        '{{}}'
                    ) AS stems
                    FROM unnest(to_tsvector('english', %s))
                ),
                placed AS MATERIALIZED (
                    SELECT d.resource_id, d.body, d.summary,
                           (SELECT min(nullif(strpos(lower(d.body), stem), 0))
                            FROM unnest(stems.stems) AS stem) AS first_at
                    FROM library_search_document d, stems
                    WHERE d.resource_id = ANY(%s)
                ),
                first AS MATERIALIZED (
                    SELECT p.resource_id, p.body, p.summary,
                           ts_headline('english',
                               substr(p.body, greatest(1, coalesce(p.first_at, 1) - %s), %s),
                               q.q, %s) AS headline
                    FROM placed p, q
                ),
                bodies AS MATERIALIZED (
                    SELECT f.resource_id, f.summary,
                           CASE WHEN strpos(f.headline, %s) > 0 OR length(f.body) <= %s
                                     -- the match is in the title or summary only
                                     OR NOT EXISTS (
                                         SELECT 1 FROM library_search_document d
                                         WHERE d.resource_id = f.resource_id
                                         AND ts_filter(d.document, '{{c}}') @@ q.q)
                                THEN f.headline
                                ELSE ts_headline('english', left(f.body, %s), q.q, %s)
                           END AS headline
                    FROM first f, q
                )
                SELECT b.resource_id, b.headline,
                       CASE WHEN strpos(b.headline, %s) > 0 THEN ''
                            ELSE ts_headline('english', b.summary, q.q, %s) END
                FROM bodies b, q
                """,  # noqa: S608 (our own tsquery SQL; user text is in params)
                [
                    *params,
                    words,
                    list(ids),
                    HEADLINE_LEAD_CHARS,
                    HEADLINE_WINDOW,
                    options,
                    MARK_START,
                    HEADLINE_WINDOW,
                    HEADLINE_CHARS,
                    options,
                    MARK_START,
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
