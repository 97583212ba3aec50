"""Kinds of thing the site-wide search (`/search/`) looks through.

Each kind's `search(query, user, limit)` returns a `KindResults`: the total number of matches
this person may see and the first `limit` of them, best first, found with the app's own use of
the engine's full-text index. The search page groups results by kind with counts.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    summary: str = ""  # plain text; the page escapes it
    meta: str = ""  # e.g. "Report · March 2026"


@dataclass(frozen=True)
class KindResults:
    total: int
    hits: list[SearchHit] = field(default_factory=list)


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str  # plural, e.g. "Organisations"
    search: Callable[..., KindResults]
    more_url: Callable[[str], str] | None = None  # the app's own search for "see all"
    order: int = 100


_kinds: dict[str, SearchKind] = {}


def register(kind: SearchKind) -> None:
    _kinds[kind.key] = kind


def kinds() -> list[SearchKind]:
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.key))
