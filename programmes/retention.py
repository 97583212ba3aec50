"""How long the programmes app keeps records about people who did not take part, and the
safeguarding log's read records."""

import datetime

from core.registries import retention
from core.registries.retention import RetentionRule

NOT_TAKEN_UP_DAYS = 365
READS_KEPT_DAYS = 365 * 6


def applications_not_taken_up(now, dry_run: bool) -> int:
    """Applications that ended without a place are deleted a year after the decision."""
    from programmes.models import Application, ApplicationStatus

    cutoff = now - datetime.timedelta(days=NOT_TAKEN_UP_DAYS)
    old = Application.objects.filter(
        status__in=(ApplicationStatus.UNSUCCESSFUL, ApplicationStatus.DECLINED,
                    ApplicationStatus.WITHDRAWN),
        decided_at__lt=cutoff,
    )  # fmt: skip
    if dry_run:
        return old.count()
    return old.delete()[1].get("programmes.Application", 0)


def safeguarding_reads(now, dry_run: bool) -> int:
    from programmes.models import ConcernRead

    old = ConcernRead.objects.filter(read_at__lt=now - datetime.timedelta(days=READS_KEPT_DAYS))
    if dry_run:
        return old.count()
    return old.delete()[0]


retention.register(
    RetentionRule(
        key="programmes.applications_not_taken_up",
        records="Leadership programme applications that did not lead to a place",
        kept_for="12 months after the decision",
        then="deleted, with the applicant's own words and scores",
        apply=applications_not_taken_up,
    )
)
retention.register(
    RetentionRule(
        key="programmes.safeguarding_reads",
        records="Records of who read the safeguarding log",
        kept_for="6 years",
        then="deleted (the concerns themselves are kept under the safeguarding policy)",
        apply=safeguarding_reads,
    )
)
