"""Saving and publishing scenarios."""

from django.db import transaction
from django.utils import timezone

from core.audit import record_change, snapshot
from core.lib.slugs import unique_slug
from systemmodel.engine.levers import DEFAULTS
from systemmodel.models import Scenario


def visible_scenarios(user):
    """Published scenarios, plus the person's own drafts (staff see every draft)."""
    from django.db.models import Q

    from core.roles import is_staff_member

    if is_staff_member(user):
        return Scenario.objects.all()
    if user.is_authenticated:
        return Scenario.objects.filter(Q(is_published=True) | Q(created_by=user))
    return Scenario.objects.filter(is_published=True)


def save_scenario(*, user, title: str, description: str, levers: dict) -> Scenario:
    """Keep only the levers that differ from today's practice, so the record says what it
    changes."""
    changed = {name: value for name, value in levers.items() if DEFAULTS.get(name) != value}
    return Scenario.objects.create(
        title=title,
        slug=unique_slug(Scenario, title, fallback="scenario"),
        description=description,
        levers=changed,
        created_by=user,
    )


@transaction.atomic
def set_publication(scenario: Scenario, *, by, is_published: bool, recommendations) -> Scenario:
    # A bound ModelForm has already changed `scenario` in memory: compare with the stored row.
    stored = Scenario.objects.get(pk=scenario.pk)
    before = snapshot(stored)
    was_published = stored.is_published
    scenario.is_published = is_published
    if is_published and not was_published:
        scenario.published_at = timezone.now()
    scenario.save(update_fields=["is_published", "published_at"])
    scenario.recommendations.set(recommendations)
    record_change(by, scenario, before)
    return scenario
