"""What consultations hold about people: online contributions they wrote (answers, consent,
feedback address), what they said at roundtables and interviews (speaker records, passages),
feedback sent to them, and sessions they facilitated.

Erasure withdraws consent first (so any quote already sent or published is flagged to staff,
exactly as a withdrawal is), then replaces the person's words with REMOVED_AT_REQUEST and
drops their name and address. The contribution and speaker rows stay, with the fact and date
of consent and of its withdrawal, so counts and the audit trail still add up.
"""

from django.db.models import Q
from django.utils import timezone

from consultations.evidence.services.withdrawal import replace_words
from core import audit
from core.registries import personal_data
from core.registries.personal_data import REMOVED_AT_REQUEST, DataSubject, PersonalDataSource


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def _consent(record) -> dict:
    return {
        "how you may be quoted": record.get_attribution_display(),
        "described as": record.approved_description,
        "wants to hear what happened": record.wants_feedback,
        "feedback address": record.feedback_email,
        "consent given": _when(record.consent_given_at),
        "consent withdrawn": _when(record.consent_withdrawn_at),
    }


def _contributions(subject: DataSubject):
    from consultations.models import Contribution

    query = Q(feedback_email__in=subject.emails)
    if subject.user is not None:
        query |= Q(author=subject.user)
    return Contribution.objects.filter(query).select_related("consultation", "organisation")


def _speakers(subject: DataSubject):
    from consultations.models import Speaker

    query = (
        Q(feedback_email__in=subject.emails)
        | Q(person__email__in=subject.emails)
        | Q(kind=Speaker.Kind.PERSON, name__in=subject.names)
    )
    if subject.user is not None:
        query |= Q(person__user=subject.user)
    return Speaker.objects.filter(query).select_related("session__consultation")


def export_contributions(subject: DataSubject) -> dict[str, list[dict]]:
    from consultations.models import Answer, FeedbackMessage

    contributions = list(_contributions(subject))
    answers = Answer.objects.filter(contribution__in=contributions).select_related(
        "question", "contribution__consultation"
    )
    return {
        "consultation contributions": [
            {
                "consultation": c.consultation.title,
                "for organisation": c.organisation.name,
                "status": c.get_status_display(),
                "submitted": _when(c.submitted_at),
                **_consent(c),
            }
            for c in contributions
        ],
        "your answers": [
            {
                "consultation": a.contribution.consultation.title,
                "question": f"{a.question.number}. {a.question.text}",
                "answer": a.text,
            }
            for a in answers
        ],
        "feedback sent to you": [
            {"subject": m.subject, "message": m.body, "sent": _when(m.sent_at)}
            for m in FeedbackMessage.objects.filter(contribution__in=contributions)
        ],
    }


def export_sessions(subject: DataSubject) -> dict[str, list[dict]]:
    from consultations.models import FeedbackMessage, Passage, Session

    speakers = list(_speakers(subject))
    return {
        "roundtables and interviews you spoke at": [
            {
                "consultation": s.session.consultation.title,
                "session": s.session.title,
                "held on": s.session.held_on.strftime("%d/%m/%Y"),
                "noted as": s.name,
                **_consent(s),
            }
            for s in speakers
        ],
        "what you said (as noted)": [
            {"session": p.session.title, "words": p.text}
            for p in Passage.objects.filter(speaker__in=speakers).select_related("session")
        ],
        "sessions you facilitated": [
            {"session": s.title, "held on": s.held_on.strftime("%d/%m/%Y")}
            for s in Session.objects.filter(facilitator__in=subject.names)
        ],
        "feedback sent to you as a speaker": [
            {"subject": m.subject, "message": m.body, "sent": _when(m.sent_at)}
            for m in FeedbackMessage.objects.filter(speaker__in=speakers)
        ],
    }


def _withdraw(record) -> None:
    from consultations.evidence.services.withdrawal import withdraw_consent

    if record.consent_given_at is not None and record.consent_withdrawn_at is None:
        withdraw_consent(None, record)


def _forget_contact(record, fields: list[str]) -> None:
    record.feedback_email, record.wants_feedback, record.approved_description = "", False, ""
    record.save(update_fields=["feedback_email", "wants_feedback", "approved_description", *fields])


def erase_contributions(subject: DataSubject) -> int:
    from consultations.models import FeedbackMessage

    changed = 0
    for contribution in _contributions(subject):
        _withdraw(contribution)
        changed += replace_words(contribution, REMOVED_AT_REQUEST)
        changed += FeedbackMessage.objects.filter(contribution=contribution).update(
            body=REMOVED_AT_REQUEST
        )
        audit.forget_records([contribution])
        contribution.author = None
        _forget_contact(contribution, ["author"])
        changed += 1
    return changed


def erase_sessions(subject: DataSubject) -> int:
    from consultations.models import FeedbackMessage, Session

    changed = 0
    for speaker in _speakers(subject):
        _withdraw(speaker)
        changed += replace_words(speaker, REMOVED_AT_REQUEST)
        changed += FeedbackMessage.objects.filter(speaker=speaker).update(body=REMOVED_AT_REQUEST)
        audit.forget_records([speaker])
        speaker.name, speaker.person = "", None
        _forget_contact(speaker, ["name", "person"])
        changed += 1
    changed += Session.objects.filter(facilitator__in=subject.names).update(
        facilitator="A facilitator"
    )
    return changed


personal_data.register(
    PersonalDataSource(
        key="consultations.contributions",
        description="Consultation contributions a person wrote for their organisation: the "
        "answers, how they agreed to be quoted and when, the address for feedback, and the "
        "feedback sent to them.",
        models=("consultations.Contribution", "consultations.Answer"),
        export=export_contributions,
        erase=erase_contributions,
    )
)
personal_data.register(
    PersonalDataSource(
        key="consultations.sessions",
        description="What a person said at a roundtable or interview as staff noted it, how "
        "they agreed to be quoted, the feedback sent to them, and who facilitated a session.",
        models=(
            "consultations.Speaker",
            "consultations.Passage",
            "consultations.FeedbackMessage",
            "consultations.Session",
        ),
        export=export_sessions,
        erase=erase_sessions,
    )
)
for label, field_name in [
    ("consultations.Quote", "created_by"),
    ("consultations.Coding", "coder"),
    ("consultations.ConsentFlag", "resolved_by"),
    ("consultations.Redaction", "decided_by"),
    ("consultations.SubmissionVersion", "created_by"),
]:
    personal_data.declare_authorship(label, field_name)
personal_data.declare_not_personal(
    "consultations.Theme", "name", reason="The name of a theme in a consultation's codebook."
)
personal_data.declare_not_personal(
    "consultations.CodingSample", "name", reason="The name of a sample drawn for coding."
)
