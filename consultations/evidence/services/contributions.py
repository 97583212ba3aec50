"""Online contributions: a member contact answers a consultation's questions for their
organisation, saves drafts, submits, and says how their words may be used.

Consent is recorded with its time when the contribution is submitted (or its consent changed
afterwards): a draft is never evidence, so a draft's choices are only remembered.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone

from consultations.evidence.services.calls import invited_organisations
from consultations.models import (
    Answer,
    Attribution,
    Consultation,
    ConsultationStatus,
    Contribution,
)
from core import audit
from core.roles import Role
from members.models import Organisation

# Long enough for a detailed answer with case studies; short enough that an accidental paste
# of a whole report is caught and the contributor asked to send it as a document instead.
MAX_ANSWER_CHARS = 20_000
CONSENT_FIELDS = ("attribution", "approved_description", "wants_feedback", "feedback_email")


def contributing_organisations(user, consultation: Consultation) -> QuerySet[Organisation]:
    """The invited organisations this member contact may answer for."""
    if not user.is_authenticated or user.role != Role.MEMBER:
        return Organisation.objects.none()
    return invited_organisations(consultation).filter(people__user=user).order_by("name")


def invitations(user) -> list[dict]:
    """Each consultation (not a draft) this member contact may answer, for each of their
    organisations invited to it, with that organisation's contribution so far (or None)."""
    rows = []
    for consultation in Consultation.objects.exclude(status=ConsultationStatus.DRAFT):
        for organisation in contributing_organisations(user, consultation):
            rows.append(
                {
                    "consultation": consultation,
                    "organisation": organisation,
                    "contribution": contribution_for(consultation, organisation),
                }
            )
    return rows


def received(consultation: Consultation) -> QuerySet[Contribution]:
    """The consultation's contributions for staff, submitted first, with their answer counts."""
    return (
        consultation.contributions.select_related("organisation")
        .annotate(answer_count=Count("answers", distinct=True))
        .order_by("status", "organisation__name")
    )


def contribution_for(consultation: Consultation, organisation: Organisation):
    return (
        Contribution.objects.filter(consultation=consultation, organisation=organisation)
        .prefetch_related("answers")
        .first()
    )


def editing_closed_reason(consultation: Consultation) -> str | None:
    """Why contributions can no longer be changed, in words; None while they can."""
    if consultation.accepts_contributions:
        return None
    if consultation.status == "draft":
        return "This consultation is not open for evidence yet."
    if consultation.status == "open":
        return (
            f"The deadline for evidence was {consultation.internal_deadline:%-d %B %Y}, so "
            "contributions can no longer be changed. Nothing was changed."
        )
    return "This consultation has closed for evidence. Nothing was changed."


def normalise_text(text: str) -> str:
    """Stored as a browser shows it (Unix line ends, no edge spaces), so quotes selected or
    copied from a page match the source character for character."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def answer_problems(answers: dict[int, str]) -> dict[int, str]:
    """A message for each answer that is too long, by question id."""
    return {
        question_id: (
            f"This answer is {len(text):,} characters long; the most we can take is "
            f"{MAX_ANSWER_CHARS:,}. Please shorten it, or send longer evidence as a document."
        )
        for question_id, text in answers.items()
        if len(text) > MAX_ANSWER_CHARS
    }


def consent_problems(consent: dict) -> dict[str, str]:
    problems = {}
    if consent.get("attribution") not in Attribution.values:
        problems["attribution"] = "Choose how your words may be used."
    elif (
        consent["attribution"] == Attribution.DESCRIBED
        and not consent.get("approved_description", "").strip()
    ):
        problems["approved_description"] = (
            "Write the description you are happy for us to use, or choose another option."
        )
    if consent.get("wants_feedback") and not consent.get("feedback_email"):
        problems["feedback_email"] = "Give an email address so we can tell you what happened."
    return problems


def save_contribution(
    user,
    consultation: Consultation,
    organisation: Organisation,
    answers: dict[int, str],
    consent: dict,
    submit: bool = False,
) -> Contribution:
    """Save the answers (and consent choices) as a draft, or submit them.

    Raises ValidationError, changing nothing, after the deadline, for an answer that is too
    long, or when submitting with no answers or no consent choice. Submitting twice is
    harmless: the second time saves any changes and keeps the first submission's time.
    """
    if not contributing_organisations(user, consultation).filter(pk=organisation.pk).exists():
        raise ValidationError("You can only contribute for your own invited organisation.")
    closed = editing_closed_reason(consultation)
    if closed:
        raise ValidationError(closed)
    problems: dict = {f"answer_{qid}": message for qid, message in answer_problems(answers).items()}
    if submit:
        if not any(text.strip() for text in answers.values()):
            problems["__all__"] = "Answer at least one question before you submit."
        problems.update(consent_problems(consent))
    if problems:
        raise ValidationError(problems)

    valid_questions = set(consultation.questions.values_list("pk", flat=True))
    with transaction.atomic():
        contribution, created = Contribution.objects.select_for_update().get_or_create(
            consultation=consultation, organisation=organisation, defaults={"author": user}
        )
        before = {} if created else audit.snapshot(contribution)
        _save_answers(contribution, {q: t for q, t in answers.items() if q in valid_questions})
        consent_changed = _apply_consent(contribution, consent)
        now = timezone.now()
        if submit and contribution.status == Contribution.Status.DRAFT:
            contribution.status = Contribution.Status.SUBMITTED
            contribution.submitted_at = now
            contribution.consent_given_at = now
        elif contribution.status == Contribution.Status.SUBMITTED and consent_changed:
            contribution.consent_given_at = now
        contribution.author = user
        contribution.save()
        audit.record_change(user, contribution, before)
    return contribution


def _save_answers(contribution: Contribution, answers: dict[int, str]) -> None:
    existing = {answer.question_id: answer for answer in contribution.answers.all()}
    for question_id, text in answers.items():
        text = normalise_text(text)
        answer = existing.get(question_id)
        if answer is None:
            if text:
                Answer.objects.create(contribution=contribution, question_id=question_id, text=text)
        elif answer.text != text:
            answer.text = text
            answer.save(update_fields=["text"])


def _apply_consent(contribution: Contribution, consent: dict) -> bool:
    """Copy the consent choices given onto the contribution; True if any changed."""
    changed = False
    for field in CONSENT_FIELDS:
        if field not in consent:
            continue
        value = consent[field]
        if field == "approved_description":
            value = (value or "").strip() if consent.get("attribution") == "described" else ""
        if getattr(contribution, field) != value:
            setattr(contribution, field, value)
            changed = True
    return changed
