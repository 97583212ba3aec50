"""The library's search page (/library/) and its JSON twin (/library/search/).

Thin: the URL is read into a search() call, the page's resources are read in one query, and
the facet links are built the way the member directory builds them.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from library.models import Resource
from library.search import SORTS, SearchResult, search
from library.search.facets import FACET_LABELS
from members.services.directory import toggle_url

PAGE_SIZE = 20


def _positive_int(value, default: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if 0 < number < 1_000_000 else default


def _run(params) -> SearchResult:
    return search(
        params.get("q", ""),
        {name: params.get(name, "") for name in FACET_LABELS},
        params.get("sort", "relevance"),
        _positive_int(params.get("page"), 1),
        PAGE_SIZE,
    )


def _resource_url(slug: str) -> str:
    try:
        return reverse("library:resource", args=[slug])
    except NoReverseMatch:
        return ""


def _rows(result: SearchResult) -> list[dict]:
    ids = [hit.resource_id for hit in result.hits]
    resources = Resource.objects.only(
        "pk", "title", "slug", "kind", "summary", "published_on"
    ).in_bulk(ids)
    rows = []
    for hit in result.hits:
        resource = resources.get(hit.resource_id)
        if resource is None:  # deleted since the index was read
            continue
        rows.append(
            {
                "resource": resource,
                "url": _resource_url(resource.slug),
                "snippet": hit.snippet_html,
                "authors": result.authors.get(hit.resource_id, ()),
            }
        )
    return rows


def index(request):
    result = _run(request.GET)
    params = request.GET
    facets = [
        {
            "name": name,
            "label": FACET_LABELS[name],
            "options": [
                {
                    "value": option.value,
                    "label": option.label,
                    "count": option.count,
                    "selected": option.selected,
                    "url": toggle_url(params, name, None if option.selected else option.value),
                }
                for option in options
            ],
        }
        for name, options in result.facets.items()
    ]
    context = {
        "result": result,
        "rows": _rows(result),
        "facets": facets,
        # The filters in use, each with the link that removes it (found here once, rather
        # than by the template walking every option of every facet again).
        "active": [
            {"facet": facet["label"], **option}
            for facet in facets
            for option in facet["options"]
            if option["selected"]
        ],
        "sorts": SORTS,
        "is_filtered": bool(result.query.text or result.filters),
    }
    # htmx swaps only the results and facets; a plain request gets the whole page.
    template = "library/_search_body.html" if request.htmx else "library/search.html"
    return render(request, template, context)


def search_json(request):
    result = _run(request.GET)
    rows = _rows(result)
    return JsonResponse(
        {
            "query": result.query.text,
            "sort": result.sort,
            "total": result.total,
            "page": result.page,
            "pages": result.num_pages,
            "results": [
                {
                    "title": row["resource"].title,
                    "url": row["url"],
                    "kind": row["resource"].kind,
                    "published_on": row["resource"].published_on.isoformat(),
                    "snippet_html": str(row["snippet"]) if row["snippet"] else None,
                }
                for row in rows
            ],
            "facets": {
                name: [
                    {"value": o.value, "label": o.label, "count": o.count, "selected": o.selected}
                    for o in options
                ]
                for name, options in result.facets.items()
            },
        }
    )
