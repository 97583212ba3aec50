"""Entries in the site's navigation. Each app registers its own; the header groups them.

`visible(user)` decides who sees an entry (everyone by default), so the navigation never
links a person to a page that will refuse them.
"""

from collections.abc import Callable
from dataclasses import dataclass

# Groups in the order the header shows them.
EXPLORE, TAKE_PART, STAFF_WORK = "Explore", "Take part", "Staff"
GROUPS = (EXPLORE, TAKE_PART, STAFF_WORK)


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
