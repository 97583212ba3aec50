"""The library's search page (/library/) and its JSON twin (/library/search/).

Thin: the URL is read into a search() call, the page's resources are read in one query, and
the page is shown as every faceted listing is (core.lib.facets).
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from core.lib.facets import Facet, FacetedPage, counted_page, facet_option
from library.models import Resource
from library.search import SORTS, SearchResult, search
from library.search.facets import FACET_LABELS

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


def _facets(result: SearchResult, params) -> list[Facet]:
    return [
        Facet(
            name,
            FACET_LABELS[name],
            [facet_option(params, name, o.value, o.label, o.count, o.selected) for o in options],
            in_use=name in result.filters,
        )
        for name, options in result.facets.items()
    ]


def index(request):
    result = _run(request.GET)
    rows = _rows(result)
    page = counted_page(result.total, result.page, result.page_size)
    page.object_list = rows
    context = {
        "result": result,
        "rows": rows,
        # The search result says how it read the address (its words, filters and notices).
        "listing": FacetedPage(
            query=result, page=page, facets=_facets(result, request.GET), notices=result.notices
        ),
        "sorts": SORTS,
        # The menu shows the order asked for, not the one used: with no words the newest come
        # first, and showing "Newest first" there would send it along with the words typed next.
        "chosen_sort": request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance",
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
