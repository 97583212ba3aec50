"""Page sizes, and the JSON API's limit/offset lists.

Every list endpoint of the API takes `limit` and `offset` and answers with one envelope:
`count` (every match), `limit`, `offset`, `next` and `previous` (the addresses of the pages
either side, or null) and `results`. `paginate` builds it; a response schema subclasses
`LimitOffsetPage` with its own `results`, and a filter schema declares `limit: Limit =
DEFAULT_LIMIT` and `offset: Offset = 0`.
"""

from collections.abc import Callable
from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema

# A listing page (HTML), and the most results a person may ask one page to show.
PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
# The API's lists: the same sizes, as ?limit= and ?offset=.
DEFAULT_LIMIT = PAGE_SIZE
MAX_LIMIT = MAX_PAGE_SIZE
# Far beyond any real listing, and well inside every database's integer range.
MAX_OFFSET = 1_000_000

Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET)]


class LimitOffsetPage(Schema):
    count: int
    limit: int
    offset: int
    next: str | None
    previous: str | None


def paginate(
    request: HttpRequest,
    items,
    limit: int,
    offset: int,
    serialise: Callable[[list], list],
    count: int | None = None,
) -> dict:
    """The envelope for `limit` of `items` (a queryset or a list) from `offset`, which
    `serialise` turns into the results (all at once: it may read more for them in bulk).
    `count`, when the caller already knows it, saves counting `items`."""
    if count is None:
        count = items.count() if isinstance(items, QuerySet) else len(items)
    page = list(items[offset : offset + limit])
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "next": _page_url(request, offset + limit, limit) if offset + limit < count else None,
        "previous": _page_url(request, max(offset - limit, 0), limit) if offset > 0 else None,
        "results": serialise(page),
    }


def _page_url(request: HttpRequest, offset: int, limit: int) -> str:
    params = request.GET.copy()
    params["offset"] = str(offset)
    params["limit"] = str(limit)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
