"""Full-text search of the library: one small interface, two engines.

    index_resource(resource)   put a resource in the index (or take it out if not published)
    remove_resource(id)        take a resource out
    rebuild_index()            empty the index and index every published resource again
    search(query, filters, sort, page, page_size) -> SearchResult(total, hits, facets)

The engine follows the database: SQLite FTS5 (tokeniser `porter unicode61 remove_diacritics
2`, bm25 weighted title 10 : summary 4 : body 1, `snippet()`), or PostgreSQL (a generated
tsvector with the `english` configuration weighted A/B/C, a GIN index,
`websearch_to_tsquery`, `ts_rank_cd`, `ts_headline`). Tables come from
library/migrations/0003_search_index.py; code in engines.py. User text is read by query.py
and never reaches an engine as syntax. Only published resources are ever indexed.

The index follows the library's own signals (library.signals: resource_changed,
resource_deleted), with Resource's post_delete as a safety net; see receivers.py.

Facets are counted in memory (facets.py) from arrays of published ids, reloaded when the
index's version changes; each facet's counts ignore its own filter, like the directory's.

Why our own interface and not `modelsearch`
-------------------------------------------
modelsearch 1.3.2 (the Wagtail team's extracted search, evaluated from its installed source
and README in November 2026) was measured against what this page needs:

- Highlighted snippets: none on any backend. Neither SQLite `snippet()`/`highlight()` nor
  PostgreSQL `ts_headline` is exposed (no "highlight", "snippet" or "headline" anywhere
  in its code); we would run them ourselves beside it, against its private index tables.
- SQLite FTS5: supported, but its migration creates `fts5(autocomplete, body, title)` with
  the default tokeniser: no porter stemming ("prisons" does not find "prison"), no
  diacritics option, and no way to pass one.
- Facets combined with the query: `.facet(field)` is one GROUP BY query per field over
  the search queryset, on the model's own filter fields; no counts that ignore their own
  filter, and many-to-many tags, networks and authors need a filter field per relation.
  Six facets would be six or more extra queries over every match, per page.
- Safe input: its query parser handles quotes and its SQLite compiler quotes phrases, so
  ordinary input is fine, but there is no documented length or clause cap.
- Fit: Resource would have to inherit `index.Indexed` and gain `search_fields`, its own
  generic IndexEntry model (contenttypes, `django.contrib.postgres` on PostgreSQL) would be
  a second copy of the text; and it pins django-tasks < 0.13.
- Speed: not measured at 100,000 resources, since the first two bars already fail.

Its real advantage is a path to Elasticsearch/OpenSearch for a deployment that outgrows one
database. That stays open: this interface is four functions, so another engine can stand
behind it later. Decision: our own interface; modelsearch is not a dependency.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from django.db import connection, transaction
from django.utils.safestring import SafeString

from core.lib.pagination import MAX_PAGE_SIZE
from library.search.engines import MAX_INDEXED_CHARS, current_engine, index_text
from library.search.facets import FACET_LABELS, NO_IDS, facet_index
from library.search.query import MAX_QUERY_LENGTH, MIN_PREFIX_LENGTH, ParsedQuery, parse

__all__ = [
    "MAX_QUERY_LENGTH",
    "SORTS",
    "FacetOption",
    "Hit",
    "SearchResult",
    "index_resource",
    "rebuild_index",
    "remove_resource",
    "search",
]

SORTS = {"relevance": "Most relevant", "date": "Newest first"}
TOP_AUTHORS = 12  # the author facet shows the organisations with most results


@dataclass
class Hit:
    resource_id: int
    rank: int  # 1 for the first result of the whole search
    snippet_html: SafeString | None  # None when there is no query: show the summary


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetOption]]
    query: ParsedQuery = field(default_factory=ParsedQuery)
    filters: dict[str, str] = field(default_factory=dict)  # those recognised
    ignored: list[str] = field(default_factory=list)  # filter names with unknown values
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    authors: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # True when a phrase matched too many resources to check them all (PostgreSQL only):
    # the results are the phrase's matches among a bounded set of candidates.
    capped: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def text(self) -> str:
        """The words searched for, as read."""
        return self.query.text

    @property
    def is_filtered(self) -> bool:
        return bool(self.query.text or self.filters)

    @property
    def facet_labels(self) -> dict[str, str]:
        return FACET_LABELS

    @property
    def notices(self) -> list[str]:
        """What the person should know about how their query was read."""
        messages = [
            f"“{stem}*” is too short to search for words beginning with it (at least "
            f"{MIN_PREFIX_LENGTH} letters before the *): searched for “{stem}” instead."
            for stem in self.query.short_prefixes
        ]
        if self.capped:
            messages.append(
                "This phrase is in very many resources: only the best and newest "
                f"{self.total:,} of them are shown."
            )
        return messages


# --- Indexing -------------------------------------------------------------------------------


def _row(resource) -> tuple[int, str, str, str]:
    from library.text import resource_document

    document = resource_document(resource)
    body = "\n\n".join(part for part in (document["body_text"], document["extracted_text"]) if part)
    return (
        resource.pk,
        index_text(document["title"]),
        index_text(document["summary"]),
        index_text(body)[:MAX_INDEXED_CHARS],
    )


def _bump_version() -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE library_search_state SET version = version + 1 WHERE id = 1")


def index_resource(resource) -> None:
    from library.models import ResourceStatus

    with transaction.atomic():
        if resource.pk is None:
            return
        if resource.status == ResourceStatus.PUBLISHED:
            current_engine().upsert([_row(resource)])
        else:
            current_engine().delete([resource.pk])
        _bump_version()


def remove_resource(resource_id: int) -> None:
    with transaction.atomic():
        current_engine().delete([resource_id])
        _bump_version()


def index_rows(rows: list[tuple[int, str, str, str]]) -> None:
    """Index ready-made (id, title, summary, body) rows: for bulk loads that already have
    the plain text (the benchmark)."""
    with transaction.atomic():
        current_engine().upsert(
            [
                (pk, index_text(t), index_text(s), index_text(b)[:MAX_INDEXED_CHARS])
                for pk, t, s, b in rows
            ]
        )
        _bump_version()


def rebuild_index(batch_size: int = 500) -> int:
    """Index every published resource afresh; returns how many."""
    from library.models import Resource, ResourceStatus

    engine = current_engine()
    published = Resource.objects.filter(status=ResourceStatus.PUBLISHED).order_by("pk")
    count = 0
    with transaction.atomic():
        engine.clear()
        last = 0
        while True:
            batch = list(published.filter(pk__gt=last)[:batch_size])
            if not batch:
                break
            engine.upsert([_row(resource) for resource in batch])
            count += len(batch)
            last = batch[-1].pk
        _bump_version()
    engine.optimise()
    return count


# --- Searching ------------------------------------------------------------------------------


def search(
    query: str = "",
    filters: dict | None = None,
    sort: str = "relevance",
    page: int = 1,
    page_size: int = 20,
) -> SearchResult:
    """Published resources matching `query` and `filters` (facet name -> value as in the
    URL: kind, part, theme, year, network, org), one page of them, with facet counts.

    With no query the results are the newest first whatever `sort` says.
    """
    parsed = parse(query)
    sort = sort if sort in SORTS else "relevance"
    page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
    index = facet_index()
    selected, ignored = {}, []  # selected: facet name -> (value, mask of its resources)
    for name, value in (filters or {}).items():
        if name not in FACET_LABELS or value in (None, ""):
            continue
        ids = index.members.get(name, {}).get(str(value))
        if ids is None:
            ignored.append(name)
        else:
            selected[name] = (str(value), index.mask(ids))

    capped = False
    if parsed.is_empty:
        sort = "date"
        ordered = index.newest_first
        matched = index.published
    else:
        ordered, capped = _engine_answer(index, parsed, sort)
        matched = index.mask(ordered)

    def narrowed(skip: str | None):
        mask = matched
        for name, (_value, members) in selected.items():
            if name != skip:
                mask = mask & members
        return mask

    everything = narrowed(None)
    facets: dict[str, list[FacetOption]] = {}
    for name in FACET_LABELS:
        base = narrowed(name) if name in selected else everything
        chosen = selected.get(name, (None,))[0]
        options = []
        for value, label in index.options.get(name, []):
            members = index.members[name].get(value, NO_IDS)
            if base is index.published:  # everything published: no query, no filter
                count = len(members)
            else:
                count = int(np.count_nonzero(base[members]))
            options.append(FacetOption(value, label, count, value == chosen))
        if name == "org":
            top = sorted((o for o in options if o.count), key=lambda o: (-o.count, o.label))
            keep = {o.value for o in top[:TOP_AUTHORS]} | {chosen}
            options = [o for o in options if o.value in keep]
        elif name == "year":
            options = [o for o in options if o.count or o.selected]
        facets[name] = options

    total = int(np.count_nonzero(everything))
    pages = max(1, -(-total // page_size))
    page = max(1, min(int(page), pages))
    start = (page - 1) * page_size
    in_results = ordered[everything[ordered]] if selected else ordered
    page_ids = in_results[start : start + page_size].tolist()
    snippets = {} if parsed.is_empty else current_engine().snippets(parsed, page_ids)
    hits = [
        Hit(pk, start + position + 1, None if parsed.is_empty else snippets.get(pk))
        for position, pk in enumerate(page_ids)
    ]
    return SearchResult(
        total=total,
        hits=hits,
        facets=facets,
        query=parsed,
        filters={name: value for name, (value, _ids) in selected.items()},
        ignored=ignored,
        sort=sort,
        page=page,
        page_size=page_size,
        authors={pk: index.authors.get(pk, ()) for pk in page_ids},
        capped=capped,
    )


# The engine's answer to a query (its published matches, in order) is kept by each process
# for as long as the index's version is the one the facet data was loaded at: a version is
# bumped in the same transaction as every index change, so an edit is seen at once. Paging,
# sorting back and forth and narrowing by facets then skip the engine. Bounded by the ids
# kept (8 bytes each), not by the number of queries: a common word holds most of them.
ANSWER_IDS_KEPT = 2_000_000
_answers: OrderedDict[tuple, tuple[np.ndarray, bool]] = OrderedDict()
_answers_lock = threading.Lock()


def _engine_answer(index, parsed: ParsedQuery, sort: str) -> tuple[np.ndarray, bool]:
    """(published matches in the order of `sort`, capped) for a query that is not empty."""
    key = (index.version, sort, tuple(parsed.groups), tuple(parsed.excluded))
    if index.version is not None:
        with _answers_lock:
            kept = _answers.get(key)
            if kept is not None:
                _answers.move_to_end(key)
                return kept
    engine = current_engine()
    if sort == "date":
        found = index.mask(index.known(engine.matching_ids(parsed)))
        answer = (index.newest_first[found[index.newest_first]], engine.capped)
    else:
        answer = (index.known(engine.ranked_ids(parsed)), engine.capped)
    if index.version is not None:  # None: inside a transaction, which may roll back
        with _answers_lock:
            _answers[key] = answer
            for stale in [k for k in _answers if k[0] != index.version]:
                del _answers[stale]
            while sum(len(ids) for ids, _capped in _answers.values()) > ANSWER_IDS_KEPT:
                _answers.popitem(last=False)
    return answer


def engine_query(query: str, page_size: int = 20) -> int:
    """The engine's part of a search alone (ranked ids, then the first page's snippets), as
    the benchmark's baseline for the page; returns the number of matches."""
    parsed = parse(query)
    if parsed.is_empty:
        return 0
    engine = current_engine()
    ids = engine.ranked_ids(parsed)
    engine.snippets(parsed, ids[:page_size])
    return len(ids)
