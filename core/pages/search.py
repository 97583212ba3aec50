"""Site-wide search (`/search/`): each kind of thing registered in `core.registries.search`
answers with what this person may see, grouped by kind with counts."""

import re
from dataclasses import dataclass

from django.shortcuts import render

from core.registries import search

MAX_QUERY_LENGTH = 200
HITS_PER_KIND = 5
HITS_FOR_ONE_KIND = 30
MIN_WORD_LENGTH = 2


@dataclass
class KindAnswer:
    kind: search.SearchKind
    results: search.KindResults
    more_url: str = ""


def clean_query(raw) -> str:
    return " ".join(str(raw or "").split())[:MAX_QUERY_LENGTH]


def search_everything(query: str, user, only: str = "") -> list[KindAnswer]:
    """Every kind's answer (or only the kind `only`), kinds with no match left out."""
    answers = []
    for kind in search.kinds():
        if only and kind.key != only:
            continue
        results = kind.search(query, user, HITS_FOR_ONE_KIND if only else HITS_PER_KIND)
        if results.total:
            more = kind.more_url(query) if kind.more_url else ""
            answers.append(KindAnswer(kind, results, more))
    return answers


def excerpt(text: str, query: str, width: int = 260) -> str:
    """A window of `text` around the first word of the query it contains."""
    if len(text) <= width:
        return text
    lowered = text.lower()
    found = [lowered.find(w.lower()) for w in query.split() if w.lower() in lowered]
    start = max(0, min(found, default=0) - width // 3)
    piece = text[start : start + width].strip()
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def highlight_parts(text: str, query: str) -> list[tuple[str, bool]]:
    """`text` cut into (run, is_match) pieces for the template to escape and mark, a match
    being any word of the query (two letters or more), ignoring case."""
    words = sorted(
        {w for w in re.findall(r"\w+", query) if len(w) >= MIN_WORD_LENGTH}, key=len, reverse=True
    )
    if not text or not words:
        return [(text, False)] if text else []
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    parts, position = [], 0
    for match in pattern.finditer(text):
        if match.start() > position:
            parts.append((text[position : match.start()], False))
        parts.append((match.group(), True))
        position = match.end()
    if position < len(text):
        parts.append((text[position:], False))
    return parts


def site_search(request):
    query = clean_query(request.GET.get("q"))
    only = request.GET.get("kind", "")
    known = {kind.key for kind in search.kinds()}
    only = only if only in known else ""
    answers = search_everything(query, request.user, only) if query else []
    for answer in answers:
        answer.hits = [
            {
                "hit": hit,
                "title_parts": highlight_parts(hit.title, query),
                "summary_parts": highlight_parts(excerpt(hit.summary, query), query),
            }
            for hit in answer.results.hits
        ]
    return render(
        request,
        "core/search.html",
        {
            "query": query,
            "site_search_query": query,
            "only": only,
            "answers": answers,
            "total": sum(answer.results.total for answer in answers),
        },
    )
