"""The safeguarding log: the strictest page on the site.

Anyone working with a young advocates group (its workers, its network's safeguarding leads,
the alliance's staff) may record a concern. Only the network's designated safeguarding leads
may read the log, act on a concern and close it. Staff and admins are refused unless they give
a reason, which is logged with their name. Every read of the list or of a concern, by anyone,
is recorded in ConcernRead, which the leads can see.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core import audit
from core.roles import is_staff_member
from programmes.models import (
    Concern,
    ConcernAction,
    ConcernRead,
    SafeguardingLead,
    YoungPerson,
    YouthGroup,
)
from programmes.services import reach
from programmes.services.mail import send

REFUSED = (
    "Only the network's designated safeguarding leads can read this log. If you need to, "
    "give your reason: it is recorded with your name and shown to the leads."
)


def is_lead(user, group: YouthGroup) -> bool:
    return bool(
        user.is_authenticated
        and SafeguardingLead.objects.filter(network_id=group.network_id, user=user).exists()
    )


def leads_of(group: YouthGroup):
    return SafeguardingLead.objects.filter(network_id=group.network_id).select_related("user")


def works_with(user, group: YouthGroup) -> bool:
    """Workers, leads and staff: the people who may record a concern."""
    if not user.is_authenticated:
        return False
    return (
        is_staff_member(user) or is_lead(user, group) or group.workers.filter(pk=user.pk).exists()
    )


def groups_for_recording(user):
    return [g for g in YouthGroup.objects.select_related("network") if works_with(user, g)]


def young_people_for_recording(user, groups):
    """The young people a concern may name: those of the groups this user works with
    closely (as a worker, a lead of its network, or staff of its network; admins all).
    Staff of another network may still record a concern about a group, but are not shown
    its young people's names."""
    close = [
        g.pk for g in groups
        if reach.runs(user, g.network_id) or is_lead(user, g)
        or g.workers.filter(pk=user.pk).exists()
    ]  # fmt: skip
    return YoungPerson.objects.filter(group__in=close).select_related("group")


@transaction.atomic
def record_concern(user, group: YouthGroup, what_happened: str, young_person=None,
                   immediate_risk: bool = False) -> Concern:  # fmt: skip
    if not works_with(user, group):
        raise PermissionDenied("Only people working with this group can record a concern here.")
    if not what_happened.strip():
        raise ValidationError({"what_happened": "Say what happened or what worries you."})
    if young_person is not None and young_person.group_id != group.pk:
        raise ValidationError({"young_person": "That young person is not in this group."})
    concern = Concern.objects.create(
        group=group, young_person=young_person, recorded_by=user,
        what_happened=what_happened.strip(), immediate_risk=immediate_risk,
    )  # fmt: skip
    audit.record_change(user, concern, {})
    emails = [lead.user.email for lead in leads_of(group)]
    if emails:
        # The email says only that there is a concern: the details stay in the log.
        send(
            emails, "A safeguarding concern has been recorded", "concern.txt",
            {"concern": concern, "group": group}, "safeguarding_concern",
        )  # fmt: skip
    return concern


def check_read(user, group: YouthGroup, reason: str = "") -> bool:
    """True for a lead; for staff and admins with a reason, False (read, not as lead);
    anyone else, or staff without a reason, is refused."""
    if is_lead(user, group):
        return True
    if is_staff_member(user) and reason.strip():
        return False
    raise PermissionDenied(REFUSED)


def log_read(user, group: YouthGroup, concern=None, reason: str = "") -> ConcernRead:
    """Check and record one read. Raises PermissionDenied before anything is shown."""
    as_lead = check_read(user, group, reason)
    return ConcernRead.objects.create(
        user=user, user_label=str(user), group=group, concern=concern,
        as_lead=as_lead, reason="" if as_lead else reason.strip()[:1000],
    )  # fmt: skip


def concerns(group: YouthGroup):
    return group.concerns.select_related("young_person", "recorded_by").prefetch_related("actions")


def _lead_only(user, group):
    if not is_lead(user, group):
        raise PermissionDenied("Only a designated safeguarding lead can act on a concern.")


def add_action(user, concern: Concern, action: str) -> ConcernAction:
    _lead_only(user, concern.group)
    if not action.strip():
        raise ValidationError({"action": "Say what was done."})
    done = ConcernAction.objects.create(concern=concern, taken_by=user, action=action.strip())
    audit.record_change(user, done, {})
    return done


def close(user, concern: Concern, outcome: str) -> Concern:
    _lead_only(user, concern.group)
    if not outcome.strip():
        raise ValidationError({"outcome": "Say how the concern was resolved."})
    if concern.closed_at is not None:
        raise ValidationError("This concern is already closed.")
    before = audit.snapshot(concern)
    concern.outcome, concern.closed_at = outcome.strip(), timezone.now()
    concern.save()
    audit.record_change(user, concern, before)
    return concern


def reads(group: YouthGroup, limit: int = 50):
    return ConcernRead.objects.filter(group=group).select_related("concern")[:limit]


def young_people_choices(group: YouthGroup):
    return YoungPerson.objects.filter(group=group)
