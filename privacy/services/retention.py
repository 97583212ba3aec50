"""Applying every retention rule: what `manage.py apply_retention` runs daily."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.registries import retention


@dataclass(frozen=True)
class Outcome:
    key: str
    records: str
    changed: int
    active: bool


def apply_all(dry_run: bool = False, now=None) -> list[Outcome]:
    """Each rule in its own transaction, so one failing rule leaves the others applied."""
    now = now or timezone.now()
    outcomes = []
    for rule in retention.rules():
        if not rule.is_active():
            outcomes.append(Outcome(rule.key, rule.records, 0, active=False))
            continue
        with transaction.atomic():
            changed = rule.apply(now, dry_run)
        outcomes.append(Outcome(rule.key, rule.records, changed, active=True))
    return outcomes
