"""The influence log: what the alliance did to move its recommendations forward (meetings,
letters, briefings...), kept by staff and listed newest first."""

from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models.functions import ExtractYear

from core import audit
from influence.models import InfluenceActivity

LOG_PAGE_SIZE = 50


def save_activity(actor, form) -> InfluenceActivity:
    """Save a ModelForm of an InfluenceActivity, audited."""
    instance = form.instance
    before = audit.snapshot(InfluenceActivity.objects.get(pk=instance.pk)) if instance.pk else {}
    with transaction.atomic():
        activity = form.save(commit=False)
        if not activity.recorded_by_id and getattr(actor, "is_authenticated", False):
            activity.recorded_by = actor
        activity.save()
        form.save_m2m()
        audit.record_change(actor, activity, before)
    return activity


def activity_years() -> list[int]:
    """The years the log has entries in, newest first (the choices of its year filter)."""
    return sorted(
        {
            year
            for year in InfluenceActivity.objects.annotate(year=ExtractYear("happened_on"))
            .values_list("year", flat=True)
            .distinct()
            if year
        },
        reverse=True,
    )


def activity_page(kind: str = "", target=None, year: int | None = None, number=None) -> Page:
    """One page of the log, newest first, narrowed to a kind, a target body and a year
    where given; `number` as typed (a bad one gives the first or last page)."""
    activities = InfluenceActivity.objects.select_related("recorded_by").prefetch_related(
        "recommendations", "targets", "organisations"
    )
    if kind:
        activities = activities.filter(kind=kind)
    if target:
        activities = activities.filter(targets=target)
    if year:
        activities = activities.filter(happened_on__year=year)
    return Paginator(activities.order_by("-happened_on", "-pk"), LOG_PAGE_SIZE).get_page(number)
