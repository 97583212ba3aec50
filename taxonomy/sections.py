"""Topic pages are assembled from sections that each module registers.

A section is a function `(request, term) -> dict | None` returning the context for its
template (or None to hide itself). Modules register in their AppConfig.ready(), so the
taxonomy app never imports them.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TopicSection:
    key: str
    title: str
    template: str
    context: Callable
    order: int = 100


_sections: dict[str, TopicSection] = {}


def register(section: TopicSection) -> None:
    _sections[section.key] = section


def sections() -> list[TopicSection]:
    return sorted(_sections.values(), key=lambda section: section.order)
