"""The feedback loop: telling each contributor who asked what happened to their input.

An outcome says what they gave, which of their words the submission quotes (in published,
redacted form: taken from submission.services.document, so consent is already applied), the
themes and recommendations their input informed, and what the targets have done since.
Their own unpublished words are never repeated back in an email: a mailbox is not a safe
place for evidence marked "for analysis only".

Sending is idempotent. Nobody gets the outcome twice, and an update only carries tracker
entries recorded after the last message that contributor was sent.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from comms.services import sending
from consultations.models import (
    Block,
    Coding,
    Consultation,
    Contribution,
    FeedbackMessage,
    Quote,
    Speaker,
    Submission,
    SubmissionSection,
)
from consultations.submission.services.document import Document, QuoteItem, build_document
from influence.models import Recommendation, StatusChange
from members.models import Organisation

NOT_SENT_YET = "Send the submission before telling contributors the outcome."


@dataclass
class ChangeNews:
    status: str
    target: str
    happened_on: datetime.date
    note: str


@dataclass
class RecommendationNews:
    title: str
    url: str  # empty while the recommendation is not public
    changes: list[ChangeNews] = field(default_factory=list)


@dataclass
class Outcome:
    """What one contributor is told about one consultation."""

    consultation: Consultation
    recipient: str
    contributed: list[str]
    withdrawn: bool = False
    sent_on: datetime.date | None = None
    quotes: list[QuoteItem] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    recommendations: list[RecommendationNews] = field(default_factory=list)
    submission_url: str = ""

    @property
    def news_count(self) -> int:
        return sum(len(item.changes) for item in self.recommendations)


# --- Who asked, and what they gave ----------------------------------------------------------


def recipients(consultation: Consultation) -> list[Contribution | Speaker]:
    """Everyone who asked to hear back and has not withdrawn consent."""
    asked = Q(wants_feedback=True, consent_withdrawn_at__isnull=True)
    contributions = consultation.contributions.filter(
        asked, status=Contribution.Status.SUBMITTED
    ).select_related("organisation", "author")
    speakers = Speaker.objects.filter(asked, session__consultation=consultation).select_related(
        "session", "organisation", "person__user"
    )
    return [*contributions, *speakers]


def email_address(recipient: Contribution | Speaker) -> str:
    if recipient.feedback_email:
        return recipient.feedback_email
    if isinstance(recipient, Contribution):
        return recipient.author.email if recipient.author_id else ""
    person = recipient.person
    return (person.email or (person.user.email if person.user_id else "")) if person else ""


def recipient_label(recipient: Contribution | Speaker) -> str:
    if isinstance(recipient, Contribution):
        return recipient.organisation.name
    return str(recipient.organisation or recipient.approved_description or "you")


def _source(recipient) -> tuple[Q, list[int], list[str]]:
    """(quotes of theirs, the questions they spoke to, what they gave in words)."""
    if isinstance(recipient, Contribution):
        answers = [a for a in recipient.answers.select_related("question") if a.text.strip()]
        questions = [answer.question for answer in answers]
        given = [f"Answers to {len(questions)} question{'s' if len(questions) != 1 else ''}"]
        if questions:
            given[0] += ": " + ", ".join(f"question {q.number}" for q in questions)
        return Q(answer__contribution=recipient), [q.pk for q in questions], given
    passages = list(recipient.passages.all())
    session = recipient.session
    given = [
        f"{len(passages)} point{'s' if len(passages) != 1 else ''} noted at “{session.title}” "
        f"on {session.held_on.day} {session.held_on:%B %Y}"
    ]
    questions = sorted({p.question_id for p in passages if p.question_id})
    return Q(passage__speaker=recipient), questions, given


def _relevant_sections(submission: Submission, quote_ids, question_ids) -> set[int]:
    """Sections that quote them or answer a question they spoke to, with their parts."""
    sections = SubmissionSection.objects.filter(submission=submission).filter(
        Q(blocks__quote__in=quote_ids) | Q(question__in=question_ids)
    )
    ids = set()
    for pk, parent_id in sections.values_list("pk", "parent_id"):
        ids.add(pk)
        if parent_id:
            ids.add(parent_id)
    return ids


def _news(recommendations, since: datetime.date, recorded_after=None) -> list[RecommendationNews]:
    items = []
    for recommendation in recommendations:
        changes = StatusChange.objects.filter(
            recommendation=recommendation, corrected_by__isnull=True, happened_on__gte=since
        ).select_related("target")
        if recorded_after is not None:
            changes = changes.filter(recorded_at__gt=recorded_after)
        items.append(
            RecommendationNews(
                title=recommendation.title,
                url=recommendation.get_absolute_url() if recommendation.is_published else "",
                changes=[
                    ChangeNews(c.get_status_display(), c.target.name, c.happened_on, c.note)
                    for c in changes
                ],
            )
        )
    return items


def build_outcome(
    recipient: Contribution | Speaker, document: Document | None = None, recorded_after=None
) -> Outcome:
    """The outcome for one contributor. Pass the built document when telling many."""
    consultation = (
        recipient.consultation
        if isinstance(recipient, Contribution)
        else recipient.session.consultation
    )
    quotes_q, question_ids, given = _source(recipient)
    outcome = Outcome(
        consultation=consultation, recipient=recipient_label(recipient), contributed=given
    )
    if recipient.consent_withdrawn_at:
        outcome.withdrawn = True
        return outcome
    submission = Submission.objects.filter(consultation=consultation).first()
    if submission is None or not submission.sent_at:
        return outcome
    outcome.sent_on = timezone.localdate(submission.sent_at)
    quote_ids = set(Quote.objects.filter(quotes_q).values_list("pk", flat=True))
    document = document or build_document(submission)
    outcome.quotes = [item for item in document.quotes if item.quote_id in quote_ids]
    themes = Coding.objects.filter(quote__in=quote_ids).select_related("theme__merged_into")
    outcome.themes = sorted({str(c.theme.merged_into or c.theme) for c in themes})
    sections = _relevant_sections(submission, quote_ids, question_ids)
    recommendations = Recommendation.objects.filter(
        pk__in=Block.objects.filter(section__in=sections).values("recommendation")
    ).order_by("title")
    outcome.recommendations = _news(recommendations, outcome.sent_on, recorded_after)
    if submission.is_published:
        outcome.submission_url = consultation.get_absolute_url()
    return outcome


def outcomes_for_user(user) -> list[Outcome]:
    """The my-input page: every submitted contribution of the person's organisations, and
    every session where they spoke, whether or not anyone asked to hear back by email (that
    choice is about email, not about seeing one's own input)."""
    if not user.is_authenticated:
        return []
    organisations = Organisation.objects.filter(people__user=user)
    contributions = Contribution.objects.filter(
        organisation__in=organisations, status=Contribution.Status.SUBMITTED
    ).select_related("consultation", "organisation")
    speakers = Speaker.objects.filter(person__user=user).select_related(
        "session__consultation", "organisation"
    )
    return [build_outcome(item) for item in [*contributions, *speakers]]


# --- Sending -------------------------------------------------------------------------------


def send_feedback_email(recipient: str, subject: str, text: str, html: str) -> None:
    """Through comms, the one sending path. Transactional: the person asked to hear what
    happened to their own input."""
    sending.send_message(
        [recipient],
        subject,
        text,
        html=html,
        mail_class=sending.TRANSACTIONAL,
        kind="consultations.feedback",
    )


def _recipient_field(recipient) -> dict:
    key = "contribution" if isinstance(recipient, Contribution) else "speaker"
    return {key: recipient}


def _send(recipient, outcome: Outcome, kind: str) -> FeedbackMessage:
    subject = (
        f"What happened to your evidence: {outcome.consultation.title}"
        if kind == FeedbackMessage.Kind.OUTCOME
        else f"An update on recommendations you informed: {outcome.consultation.title}"
    )[:300]
    context = {
        "outcome": outcome,
        "kind": kind,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL.rstrip("/"),
        "my_input_url": reverse("consultations:my_input"),
        "has_page": isinstance(recipient, Contribution),
    }
    text = render_to_string("consultations/email/feedback.txt", context)
    html = render_to_string("consultations/email/feedback.html", context)
    message = FeedbackMessage.objects.create(
        consultation=outcome.consultation,
        kind=kind,
        subject=subject,
        body=text,
        **_recipient_field(recipient),
    )
    address = email_address(recipient)
    if address:
        send_feedback_email(address, subject, text, html)
    return message


def _told(consultation) -> dict[tuple[str, int], datetime.datetime]:
    """{(kind of recipient, pk): when they were last sent anything} for those told."""
    told = {}
    rows = (
        FeedbackMessage.objects.filter(consultation=consultation)
        .values("contribution_id", "speaker_id")
        .annotate(last=Max("sent_at"))
    )
    for row in rows:
        key = ("contribution", row["contribution_id"]) if row["contribution_id"] else None
        told[key or ("speaker", row["speaker_id"])] = row["last"]
    return told


def _key(recipient) -> tuple[str, int]:
    return ("contribution" if isinstance(recipient, Contribution) else "speaker", recipient.pk)


def send_outcomes(consultation: Consultation) -> tuple[int, list[str]]:
    """Tell everyone who asked and has not been told. Returns (how many, notes)."""
    submission = Submission.objects.filter(consultation=consultation).first()
    if submission is None or not submission.sent_at:
        raise ValidationError(NOT_SENT_YET)
    sent, notes = 0, []
    with transaction.atomic():
        Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
        told = _told(consultation)
        document = build_document(submission)
        for recipient in recipients(consultation):
            if _key(recipient) in told:
                continue
            if isinstance(recipient, Speaker) and not email_address(recipient):
                notes.append(f"{recipient_label(recipient)}: no email address to write to.")
                continue
            _send(recipient, build_outcome(recipient, document), FeedbackMessage.Kind.OUTCOME)
            sent += 1
    return sent, notes


def send_updates(consultation: Consultation) -> int:
    """Tell contributors already told the outcome about tracker entries recorded since."""
    submission = Submission.objects.filter(consultation=consultation).first()
    if submission is None or not submission.sent_at:
        return 0
    sent = 0
    with transaction.atomic():
        Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
        told = _told(consultation)
        document = build_document(submission)
        for recipient in recipients(consultation):
            last = told.get(_key(recipient))
            if last is None:
                continue
            outcome = build_outcome(recipient, document, recorded_after=last)
            if outcome.news_count:
                outcome.recommendations = [i for i in outcome.recommendations if i.changes]
                _send(recipient, outcome, FeedbackMessage.Kind.UPDATE)
                sent += 1
    return sent


def tell_contributors(consultation: Consultation) -> tuple[int, int, list[str]]:
    """The staff's button: the outcome to everyone who asked and has not been told, then an
    update to those told before. Returns (outcomes sent, updates sent, notes)."""
    told, notes = send_outcomes(consultation)
    return told, send_updates(consultation), notes


def send_all_updates() -> int:
    """For the send_feedback_updates command: every consultation whose submission was sent."""
    consultations = Consultation.objects.filter(submission__sent_at__isnull=False)
    return sum(send_updates(consultation) for consultation in consultations)


# --- The staff view of the loop ---------------------------------------------------------------


@dataclass
class LoopRow:
    label: str
    kind: str
    has_email: bool


@dataclass
class LoopSummary:
    asked: int
    told: int
    not_told: list[LoopRow]

    @property
    def share_told(self) -> int:
        return round(100 * self.told / self.asked) if self.asked else 0


def loop_summary(consultation: Consultation) -> LoopSummary:
    told = _told(consultation)
    everyone = recipients(consultation)
    waiting = [
        LoopRow(
            label=str(r.organisation) if isinstance(r, Contribution) else (r.name or str(r)),
            kind="Online contribution" if isinstance(r, Contribution) else r.session.title,
            has_email=bool(email_address(r)),
        )
        for r in everyone
        if _key(r) not in told
    ]
    return LoopSummary(asked=len(everyone), told=len(everyone) - len(waiting), not_told=waiting)
