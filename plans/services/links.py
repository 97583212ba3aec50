"""The kinds of record an activity can link to. A kind whose app is not installed (programmes,
until it lands) is simply absent, so the plan never breaks for want of an app."""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class LinkKind:
    key: str
    label: str
    model: str  # "app_label.ModelName"
    title_field: str


KINDS = (
    LinkKind("consultation", "Consultation", "consultations.Consultation", "title"),
    LinkKind("recommendation", "Recommendation", "influence.Recommendation", "title"),
    LinkKind("event", "Event", "events.Event", "title"),
    LinkKind("resource", "Library resource", "library.Resource", "title"),
    LinkKind("award_scheme", "Award scheme", "awards.Scheme", "name"),
    LinkKind("programme", "Programme", "programmes.Programme", "name"),
)


def available() -> list[LinkKind]:
    found = []
    for kind in KINDS:
        try:
            apps.get_model(kind.model)
        except (LookupError, ValueError):
            continue
        found.append(kind)
    return found


def kind(key: str) -> LinkKind | None:
    return next((k for k in available() if k.key == key), None)


def find(kind_key: str, title: str):
    """The record of this kind whose title is exactly (case aside) `title`, else None."""
    found = kind(kind_key)
    if found is None:
        return None
    model = apps.get_model(found.model)
    return model.objects.filter(**{f"{found.title_field}__iexact": title.strip()}).first()


def options(kind_key: str, limit: int = 300) -> list[str]:
    found = kind(kind_key)
    if found is None:
        return []
    model = apps.get_model(found.model)
    return list(
        model.objects.order_by(found.title_field).values_list(found.title_field, flat=True)[:limit]
    )


def describe(link) -> dict:
    target = link.target
    model_key = f"{link.content_type.app_label}.{link.content_type.model_class().__name__}"
    found = next((k for k in KINDS if k.model == model_key), None)
    url = ""
    if target is not None and hasattr(target, "get_absolute_url"):
        try:
            url = target.get_absolute_url()
        except Exception:  # a record without a public page: named, not linked
            url = ""
    return {
        "kind": found.label if found else link.content_type.name,
        "title": str(target) if target is not None else "(removed)",
        "url": url,
    }


def add(activity, target):
    from plans.models import ActivityLink

    link, _ = ActivityLink.objects.get_or_create(
        activity=activity,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
    )
    return link
