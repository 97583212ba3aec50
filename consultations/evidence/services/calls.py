"""Running a consultation: creating it, its parts and questions, moving it through its stages,
and telling the invited member contacts when it opens and before the internal deadline.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from comms.services.sending import system_list
from consultations.evidence.services.saving import next_position, save_form
from consultations.evidence.services.withdrawal import open_flags
from consultations.models import (
    Consultation,
    ConsultationStatus,
    Contribution,
    Question,
    QuestionPart,
    Quote,
)
from core import audit
from core.email import MARKETING, queue_email
from core.lib import slugs
from members.models import MembershipStatus, Organisation, Person

# Each stage may only move one step on. "Submitted" is set by sending the submission, never
# by hand, so a consultation cannot claim a response went out when none did.
NEXT_STATUS = {
    ConsultationStatus.DRAFT: ConsultationStatus.OPEN,
    ConsultationStatus.OPEN: ConsultationStatus.ANALYSING,
    ConsultationStatus.SUBMITTED: ConsultationStatus.RESPONSE_RECEIVED,
    ConsultationStatus.RESPONSE_RECEIVED: ConsultationStatus.CLOSED,
}
# Path segments under /consultations/ that belong to pages, so no consultation may take them.
RESERVED_SLUGS = {"staff", "contribute", "my-input", "new"}
# How many days before the internal deadline the reminder goes out.
REMINDER_DAYS_BEFORE = 3


def unique_slug(title: str, exclude_pk=None) -> str:
    return slugs.unique_slug(
        Consultation,
        title,
        fallback="consultation",
        reserved=RESERVED_SLUGS,
        exclude_pk=exclude_pk,
        max_length=300,
    )


def save_consultation(actor, form) -> Consultation:
    """Save a ConsultationForm (new or changed), giving a new one its slug, audited."""
    if form.instance.slug:
        return save_form(actor, form)
    return save_form(actor, form, slug=unique_slug(form.cleaned_data["title"]))


# --- What staff see ----------------------------------------------------------------------------


def with_submitted_counts() -> QuerySet[Consultation]:
    """Every consultation, each with how many contributions have been submitted to it."""
    return Consultation.objects.select_related("asking_body").annotate(
        submitted=Count(
            "contributions", filter=Q(contributions__status=Contribution.Status.SUBMITTED)
        )
    )


def overview(consultation: Consultation) -> dict:
    """The figures on a consultation's staff overview: its evidence and quotes so far, its
    sessions, themes and open consent flags, who is invited, and the stage it may move to."""
    contributions = consultation.contributions.aggregate(
        submitted=Count("pk", filter=Q(status=Contribution.Status.SUBMITTED)),
        drafts=Count("pk", filter=Q(status=Contribution.Status.DRAFT)),
    )
    quotes = Quote.objects.filter(consultation=consultation).aggregate(
        total=Count("pk"),
        unreviewed=Count("pk", filter=Q(is_redaction_reviewed=False)),
        uncoded=Count("pk", filter=Q(codings__isnull=True)),
    )
    upcoming = next_status(consultation)
    return {
        "contributions": contributions,
        "quotes": quotes,
        "sessions": consultation.sessions.annotate(speaker_count=Count("speakers")),
        "themes": consultation.codebook.filter(merged_into__isnull=True).count(),
        "flags": open_flags(consultation).count(),
        "invited": invited_organisations(consultation).count(),
        "next_status": upcoming and ConsultationStatus(upcoming),
    }


# --- Status ------------------------------------------------------------------------------------


def next_status(consultation: Consultation) -> str | None:
    return NEXT_STATUS.get(consultation.status)


def advance_status(actor, consultation: Consultation, to_status: str) -> Consultation:
    """Move the consultation one stage on; opening it emails the invited member contacts."""
    allowed = next_status(consultation)
    if to_status != allowed:
        current = consultation.get_status_display()
        if allowed is None:
            raise ValidationError(
                f"“{current}” moves on only when the submission is sent; nothing was changed."
            )
        raise ValidationError(
            f"From “{current}” the next stage is “{ConsultationStatus(allowed).label}”; "
            "stages move one step at a time. Nothing was changed."
        )
    if to_status == ConsultationStatus.OPEN and not consultation.questions.exists():
        raise ValidationError("Add at least one question before opening the consultation.")
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if locked.status != consultation.status:
            raise ValidationError("Someone else changed the stage just now; nothing was changed.")
        before = audit.snapshot(locked)
        locked.status = to_status
        if to_status == ConsultationStatus.OPEN:
            locked.opened_at = timezone.now()
        locked.save(update_fields=["status", "opened_at", "updated_at"])
        audit.record_change(actor, locked, before)
        if to_status == ConsultationStatus.OPEN:
            transaction.on_commit(lambda: notify_opened(locked))
    return locked


# --- Who is invited ----------------------------------------------------------------------------


def invited_organisations(consultation: Consultation) -> QuerySet[Organisation]:
    """Organisations with an active membership of any network the consultation invites."""
    return Organisation.objects.filter(
        memberships__network__in=consultation.networks.all(),
        memberships__status=MembershipStatus.ACTIVE,
    ).distinct()


def invited_contacts(consultation: Consultation) -> QuerySet[Person]:
    """People affiliated to an invited organisation who have an email address."""
    return (
        Person.objects.filter(organisations__in=invited_organisations(consultation))
        .exclude(email__isnull=True)
        .exclude(email="")
        .distinct()
        .order_by("email")
    )


def _contribute_url(consultation: Consultation) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(
        "consultations:contribute", args=[consultation.slug]
    )


def invitations_list():
    """The list people leave to stop getting calls for evidence and their reminders."""
    return system_list(
        "calls-for-evidence",
        "Calls for evidence",
        "Invitations to contribute to the alliance's consultation responses, and reminders "
        "before they close.",
    )


def _email_each(people, subject: str, template: str, consultation: Consultation) -> int:
    """One email per person, so nobody sees who else was invited."""
    url = _contribute_url(consultation)
    count = 0
    for person in people:
        queue_email(
            [person.email],
            subject,
            template,
            {"person": person, "consultation": consultation, "contribute_url": url},
            mail_class=MARKETING,
            kind=template.removesuffix(".txt").replace("/", "."),
            mailing_list=invitations_list(),
        )
        count += 1
    return count


def notify_opened(consultation: Consultation) -> int:
    return _email_each(
        invited_contacts(consultation),
        f"Call for evidence: {consultation.title}",
        "consultations/evidence/email_opened.txt",
        consultation,
    )


def reminder_recipients(consultation: Consultation) -> QuerySet[Person]:
    """Invited contacts whose organisation has not yet submitted its contribution."""
    submitted = Contribution.objects.filter(
        consultation=consultation, status=Contribution.Status.SUBMITTED
    ).values("organisation")
    return invited_contacts(consultation).exclude(organisations__in=submitted)


def send_reminders(today: datetime.date | None = None) -> list[Consultation]:
    """Remind invited contacts of each open consultation whose internal deadline is near.

    Each consultation is claimed by setting reminder_sent_at in one UPDATE, so a cron job
    run twice (or on two servers at once) sends each reminder once.
    """
    today = today or timezone.localdate()
    due = Consultation.objects.filter(
        status=ConsultationStatus.OPEN,
        reminder_sent_at__isnull=True,
        internal_deadline__gte=today,
        internal_deadline__lte=today + datetime.timedelta(days=REMINDER_DAYS_BEFORE),
    )
    reminded = []
    for consultation in due:
        claimed = Consultation.objects.filter(
            pk=consultation.pk, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=timezone.now())
        if not claimed:
            continue
        _email_each(
            reminder_recipients(consultation),
            f"Reminder: evidence for “{consultation.title}” is due "
            f"{consultation.internal_deadline:%-d %B %Y}",
            "consultations/evidence/email_reminder.txt",
            consultation,
        )
        reminded.append(consultation)
    return reminded


# --- Parts and questions -----------------------------------------------------------------------


def save_part(actor, consultation: Consultation, form) -> QuestionPart:
    fields = {"consultation": consultation}
    if form.instance.pk is None:
        fields["position"] = next_position(consultation.question_parts)
    return save_form(actor, form, **fields)


def save_question(actor, consultation: Consultation, form) -> Question:
    return save_form(actor, form, consultation=consultation)


def next_question_number(consultation: Consultation) -> int:
    last = consultation.questions.aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


def move_part(consultation: Consultation, part: QuestionPart, step: int) -> None:
    """Move a part one place up (step -1) or down (+1), renumbering positions 0..n."""
    parts = list(consultation.question_parts.all())
    index = parts.index(part)
    target = index + step
    if not 0 <= target < len(parts):
        return
    parts[index], parts[target] = parts[target], parts[index]
    with transaction.atomic():
        for position, each in enumerate(parts):
            if each.position != position:
                QuestionPart.objects.filter(pk=each.pk).update(position=position)


def move_question(consultation: Consultation, question: Question, step: int) -> None:
    """Swap the question's number with its neighbour's, keeping numbers unique throughout."""
    questions = list(consultation.questions.order_by("number"))
    index = questions.index(question)
    target = index + step
    if not 0 <= target < len(questions):
        return
    other = questions[target]
    spare = next_question_number(consultation)
    with transaction.atomic():
        Question.objects.filter(pk=question.pk).update(number=spare)
        Question.objects.filter(pk=other.pk).update(number=question.number)
        Question.objects.filter(pk=question.pk).update(number=other.number)
