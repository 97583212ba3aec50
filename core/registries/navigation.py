"""Entries in the site's navigation. Each app registers its own; the header groups them.

`visible(user)` decides who sees an entry (everyone by default), so the navigation never
links a person to a page that will refuse them.
"""

from collections.abc import Callable
from dataclasses import dataclass

# Groups in the order the header shows them. The first group's links stand in the header; the
# others drop down, so the header stays one line however many apps register. Keep Explore to
# the few places most people look for (about eight at most): the rest belongs under Tools.
EXPLORE, TOOLS, TAKE_PART, STAFF_WORK = "Explore", "Tools", "Take part", "Staff"
GROUPS = (EXPLORE, TOOLS, TAKE_PART, STAFF_WORK)


def everyone(user) -> bool:
    return True


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    url_name: str
    group: str
    visible: Callable = everyone
    order: int = 100


_entries: dict[str, NavEntry] = {}


def register(entry: NavEntry) -> None:
    if entry.group not in GROUPS:
        raise ValueError(f"Unknown navigation group {entry.group!r}; use one of {GROUPS}.")
    _entries[entry.key] = entry


def entries_for(user) -> list[tuple[str, list[NavEntry]]]:
    """[(group, entries)] with empty groups left out."""
    grouped = []
    for group in GROUPS:
        entries = sorted(
            (e for e in _entries.values() if e.group == group and e.visible(user)),
            key=lambda e: (e.order, e.label),
        )
        if entries:
            grouped.append((group, entries))
    return grouped


@dataclass(frozen=True)
class NavLink:
    key: str
    label: str
    url: str
    current: bool = False


def links_for(user, path: str = "") -> list[tuple[str, list[NavLink]]]:
    """The header's links: `entries_for` with each address resolved and the one for the
    current page marked (the longest address the path starts with). An entry whose page is
    not installed is left out, so a missing app never breaks every page."""
    from django.urls import NoReverseMatch, reverse

    resolved = []
    for group, entries in entries_for(user):
        links = []
        for entry in entries:
            try:
                links.append((entry, reverse(entry.url_name)))
            except NoReverseMatch:
                continue
        if links:
            resolved.append((group, links))
    matching = [url for _, links in resolved for _, url in links if path.startswith(url)]
    current = max(matching, key=len, default=None)
    return [
        (group, [NavLink(e.key, e.label, url, url == current) for e, url in links])
        for group, links in resolved
    ]
