"""How long the members network keeps what it holds about people."""

import datetime

from django.db.models import Q
from django.utils import timezone

from core import audit
from core.registries import retention
from core.registries.retention import RetentionRule
from members.personal_data import ERASED_NAME, erase_people

DECLINED_KEEP_DAYS = 365
INACTIVE_CONTACT_KEEP_DAYS = 2 * 365
IMPORT_FILE_KEEP_DAYS = 30


def declined_applications(now: datetime.datetime, dry_run: bool) -> int:
    from members.models import MembershipApplication

    expired = MembershipApplication.objects.filter(
        status=MembershipApplication.Status.DECLINED,
        decided_at__lt=now - datetime.timedelta(days=DECLINED_KEEP_DAYS),
    )
    if dry_run:
        return expired.count()
    audit.forget_records(list(expired))
    return expired.delete()[1].get("members.MembershipApplication", 0)


def inactive_contacts(now: datetime.datetime, dry_run: bool) -> int:
    """Contacts with no account whose organisations have all been out of every network
    (lapsed or left) since before the cut-off."""
    from members.models import MembershipStatus, Organisation, Person

    cutoff = timezone.localdate(now) - datetime.timedelta(days=INACTIVE_CONTACT_KEEP_DAYS)
    current = Organisation.objects.filter(
        Q(memberships__status__in=[MembershipStatus.ACTIVE, MembershipStatus.APPLIED])
        | Q(memberships__renewal_due__gte=cutoff)
        | Q(memberships__renewal_due=None)
    )
    people = (
        Person.objects.filter(user=None, affiliation__isnull=False)
        .exclude(affiliation__organisation__in=current)
        .exclude(name=ERASED_NAME, email=None)
        .distinct()
    )
    return people.count() if dry_run else erase_people(Person.objects.filter(pk__in=people))


def import_files(now: datetime.datetime, dry_run: bool) -> int:
    from members.models import ImportJob

    old = ImportJob.objects.filter(
        created_at__lt=now - datetime.timedelta(days=IMPORT_FILE_KEEP_DAYS)
    ).exclude(content="")
    return old.count() if dry_run else old.update(content="")


retention.register(
    RetentionRule(
        key="members.declined_applications",
        records="Declined membership applications",
        kept_for="12 months after the decision",
        then="deleted, with the contact person's name and address",
        apply=declined_applications,
    )
)
retention.register(
    RetentionRule(
        key="members.inactive_contacts",
        records="Contacts at organisations that are no longer members",
        kept_for="2 years after the organisation's last membership lapsed or ended",
        then="name and address erased; the organisation's own record stays",
        apply=inactive_contacts,
    )
)
retention.register(
    RetentionRule(
        key="members.import_files",
        records="Spreadsheets staff upload to import members",
        kept_for="30 days after the import",
        then="the file's contents are deleted; the import's counts stay",
        apply=import_files,
    )
)
