"""Panels on the signed-in home page (`/home/`), one or more per app.

A panel's `context(request)` returns the context for its template, or None to hide itself
(nothing to show this person). `audiences` says who may see it at all, by the names that
`audience_of(user)` gives: "member", "staff", "judge" (admins count as staff).
"""

from collections.abc import Callable
from dataclasses import dataclass

from core.roles import Role, is_staff_member

MEMBER, STAFF, JUDGE = "member", "staff", "judge"


@dataclass(frozen=True)
class HomePanel:
    key: str
    title: str
    template: str
    context: Callable
    audiences: frozenset[str]
    order: int = 100


_panels: dict[str, HomePanel] = {}


def register(panel: HomePanel) -> None:
    _panels[panel.key] = panel


def audiences_of(user) -> set[str]:
    """A person can be several things at once: a judge who is also a member contact."""
    if not user.is_authenticated:
        return set()
    found = {STAFF} if is_staff_member(user) else set()
    if user.role == Role.JUDGE:
        found.add(JUDGE)
    if user.role == Role.MEMBER or hasattr(user, "person"):
        found.add(MEMBER)
    return found


def panels_for(user) -> list[HomePanel]:
    audiences = audiences_of(user)
    chosen = [panel for panel in _panels.values() if panel.audiences & audiences]
    return sorted(chosen, key=lambda panel: (panel.order, panel.key))


# --- "Needs your attention": one staff panel, with a line from each app -----------------------


@dataclass(frozen=True)
class AttentionItem:
    """One line of staff's "Needs your attention" panel: `count(user)` things waiting
    (0 hides the line), described by `label` (e.g. "membership applications to decide"),
    linking to the page where they are dealt with."""

    key: str
    label: str
    count: Callable
    url_name: str
    order: int = 100


_attention: dict[str, AttentionItem] = {}


def register_attention(item: AttentionItem) -> None:
    _attention[item.key] = item


def attention_items() -> list[AttentionItem]:
    return sorted(_attention.values(), key=lambda item: (item.order, item.key))
