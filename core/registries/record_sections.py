"""Sections other apps add to one kind of record's page, e.g. the whole-system model's
"Modelled effect" on a recommendation's page.

The page's app renders `sections_for(request, record)` where it wants them and never imports
the contributing app. A section's `context(request, record)` returns its template's context,
or None to show nothing for this record.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class RecordSection:
    key: str
    model: str  # "app_label.ModelName" of the record whose page shows it
    template: str
    context: Callable  # (request, record) -> dict | None
    order: int = 100


_sections: dict[str, RecordSection] = {}


def register(section: RecordSection) -> None:
    _sections[section.key] = section


def registered_for(model_label: str) -> list[RecordSection]:
    chosen = [section for section in _sections.values() if section.model == model_label]
    return sorted(chosen, key=lambda section: (section.order, section.key))


def sections_for(request, record) -> list[SafeString]:
    """Each registered section for this record's model, rendered, skipping empty ones."""
    rendered = []
    for section in registered_for(record._meta.label):
        context = section.context(request, record)
        if context is not None:
            html = render_to_string(section.template, context, request=request)
            rendered.append(mark_safe(html))  # noqa: S308  our own rendered template
    return rendered
