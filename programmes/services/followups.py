"""Outcome follow-ups: at the end of a cohort and 6, 12 and 24 months on, each participant is
asked by email, through a personal signed link, about their role, pay and seniority bands,
board and trustee roles, further study and confidence. The same link shows them everything
they have told us and lets them withdraw any answer: a withdrawn answer leaves every report.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core import audit
from core.lib.months import add_months
from programmes.models import Application, ApplicationStatus, Cohort, FollowUp, FollowUpPoint
from programmes.services.mail import send

SALT = "programmes.followup"
# A link stays good for the whole two years of follow-ups and a little after.
LINK_MAX_AGE = datetime.timedelta(days=365 * 3)
MONTHS_AFTER = {
    FollowUpPoint.END: 0,
    FollowUpPoint.MONTHS_6: 6,
    FollowUpPoint.MONTHS_12: 12,
    FollowUpPoint.MONTHS_24: 24,
}
SENIORITY = [
    ("entry", "Starting out"),
    ("practitioner", "Practitioner or officer"),
    ("manager", "Manager or team lead"),
    ("senior", "Senior leader or director"),
]
PAY_BANDS = [
    ("under_20k", "Under £20,000 a year"),
    ("20_30k", "£20,000 to £29,999"),
    ("30_40k", "£30,000 to £39,999"),
    ("40k_plus", "£40,000 or more"),
]
ANSWER_FIELDS = (
    "paid_role", "in_sector", "role_title", "seniority", "pay_band", "board_roles",
    "further_study", "confidence",
)  # fmt: skip


def due_date(cohort: Cohort, point: str) -> datetime.date:
    months = MONTHS_AFTER[point]
    if months == 0:
        return cohort.ends_on
    start = add_months(cohort.ends_on, months)
    return start.replace(day=min(cohort.ends_on.day, 28))


@transaction.atomic
def schedule(cohort: Cohort) -> int:
    """Create the four follow-ups of each participant (safe to run again)."""
    created = 0
    for participant in cohort.applications.filter(status=ApplicationStatus.ACCEPTED):
        for point in MONTHS_AFTER:
            _followup, made = FollowUp.objects.get_or_create(
                participant=participant, point=point,
                defaults={"due_on": due_date(cohort, point)},
            )  # fmt: skip
            created += made
    return created


def token_for(participant: Application) -> str:
    return signing.dumps({"p": participant.pk, "k": participant.key[:8]}, salt=SALT)


def participant_for(token: str) -> Application | None:
    """The participant a link belongs to, or None for a forged, altered or stale link."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    participant = Application.objects.filter(pk=data.get("p")).first()
    if participant is None or participant.key[:8] != data.get("k"):
        return None
    return participant


def link_for(participant: Application) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(
        "programmes:followup", args=[token_for(participant)]
    )


def send_due(today: datetime.date | None = None) -> int:
    """Email each participant whose follow-up is due and not yet requested."""
    today = today or timezone.localdate()
    sent = 0
    due = FollowUp.objects.filter(
        due_on__lte=today, requested_at__isnull=True, answered_at__isnull=True,
        participant__status=ApplicationStatus.ACCEPTED,
    ).select_related("participant__cohort__programme")  # fmt: skip
    for followup in due:
        participant = followup.participant
        send(
            [participant.email],
            f"{participant.cohort.programme.name}: how are things going?",
            "followup.txt",
            {"followup": followup, "participant": participant, "link": link_for(participant)},
            "followup",
        )
        followup.requested_at = timezone.now()
        followup.save(update_fields=["requested_at"])
        sent += 1
    return sent


def open_followup(participant: Application, today=None) -> FollowUp | None:
    """The earliest follow-up that is due and not answered (or None)."""
    today = today or timezone.localdate()
    return (
        participant.followups.filter(due_on__lte=today, answered_at__isnull=True)
        .order_by("due_on")
        .first()
    )


@transaction.atomic
def answer(participant: Application, followup: FollowUp, data: dict) -> FollowUp:
    if followup.participant_id != participant.pk:
        raise ValidationError("This follow-up is not yours.")
    if followup.answered_at is not None:
        raise ValidationError("You have already answered this follow-up. Thank you.")
    if followup.due_on > timezone.localdate():
        raise ValidationError("This follow-up is not open yet.")
    before = audit.snapshot(followup)
    for name in ANSWER_FIELDS:
        setattr(followup, name, data.get(name))
    followup.role_title = (data.get("role_title") or "").strip()
    followup.seniority = data.get("seniority") or ""
    followup.pay_band = data.get("pay_band") or ""
    followup.answered_at = timezone.now()
    followup.save()
    audit.record_change(None, followup, before)
    return followup


@transaction.atomic
def withdraw(participant: Application, followup: FollowUp) -> FollowUp:
    """The participant withdraws an answer: its values go, and it leaves every report."""
    if followup.participant_id != participant.pk:
        raise ValidationError("This follow-up is not yours.")
    if followup.answered_at is None or followup.withdrawn_at is not None:
        raise ValidationError("There is no answer here to withdraw.")
    before = audit.snapshot(followup)
    for name in ANSWER_FIELDS:
        setattr(followup, name, "" if name in ("role_title", "seniority", "pay_band") else None)
    followup.withdrawn_at = timezone.now()
    followup.save()
    audit.record_change(None, followup, before)
    return followup
