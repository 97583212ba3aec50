"""Monitoring answers are kept while they can still be reported: the published report keeps
its figures, so the answers behind a year go three years after it ends."""

import datetime

from core.registries import retention

KEEP_YEARS = 3


def delete_old_answers(now: datetime.datetime, dry_run: bool) -> int:
    from equality.models import Response

    old = Response.objects.filter(exercise__year__lt=now.year - KEEP_YEARS)
    if dry_run:
        return old.count()
    deleted, _ = old.delete()
    return deleted


retention.register(
    retention.RetentionRule(
        key="equality.answers",
        records="Equality monitoring answers",
        kept_for=f"{KEEP_YEARS} full years after the report year they count in",
        then="deleted; the published reports keep only their totals",
        apply=delete_old_answers,
    )
)
