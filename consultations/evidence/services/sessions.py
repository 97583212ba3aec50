"""Roundtables and interviews: staff record who spoke, what each speaker agreed to, and what
they said (as passages, optionally tied to a question).
"""

from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from consultations.evidence.services.saving import next_position, save_form
from consultations.models import Attribution, Consultation, Passage, Session, Speaker
from core import audit

SPEAKER_CONSENT_FIELDS = ("attribution", "approved_description", "wants_feedback", "feedback_email")


def with_counts(consultation: Consultation) -> QuerySet[Session]:
    """The consultation's sessions, each with how many speakers and passages it has."""
    return consultation.sessions.annotate(
        speaker_count=Count("speakers", distinct=True),
        passage_count=Count("passages", distinct=True),
    )


def speakers_with_passages(session: Session) -> QuerySet[Speaker]:
    """The session's speakers, each with what they said and the quotes cut from it."""
    return session.speakers.prefetch_related(
        Prefetch(
            "passages",
            queryset=Passage.objects.select_related("question").prefetch_related("quotes"),
        )
    )


def save_session(actor, consultation: Consultation, form) -> Session:
    fields = {"consultation": consultation}
    if form.instance.recorded_by_id is None:
        fields["recorded_by"] = actor
    return save_form(actor, form, **fields)


def speaker_problems(speaker: Speaker) -> dict[str, str]:
    """What a speaker record needs before it can be saved, by field."""
    problems = {}
    if speaker.kind == Speaker.Kind.PERSON and not speaker.name.strip():
        problems["name"] = "Give the name of the person who spoke."
    if speaker.kind == Speaker.Kind.ORGANISATION and speaker.organisation_id is None:
        problems["organisation"] = "Choose the organisation that spoke."
    if speaker.attribution == Attribution.DESCRIBED and not speaker.approved_description.strip():
        problems["approved_description"] = (
            "Write the description the speaker approved, or choose another way to credit them."
        )
    if speaker.kind == Speaker.Kind.ANONYMOUS and speaker.attribution == Attribution.NAMED:
        problems["attribution"] = "An anonymous participant cannot be credited by name."
    if speaker.wants_feedback and not speaker.feedback_email:
        problems["feedback_email"] = "Give an email address so we can tell them what happened."
    return problems


def save_speaker(actor, session: Session, form) -> Speaker:
    """Save a SpeakerForm; the speaker's consent is recorded (with the time) when staff confirm
    the speaker agreed to what the form says, and again whenever those choices change."""
    consent_confirmed = form.cleaned_data["consent_confirmed"]
    before = audit.snapshot(form.instance) if form.instance.pk else {}
    speaker = form.save(commit=False)
    speaker.session = session
    problems = speaker_problems(speaker)
    if problems:
        raise ValidationError(problems)
    if speaker.attribution != Attribution.DESCRIBED:
        speaker.approved_description = speaker.approved_description.strip()
    consent_changed = any(before.get(f) != getattr(speaker, f) for f in SPEAKER_CONSENT_FIELDS)
    if consent_confirmed and (speaker.consent_given_at is None or consent_changed):
        speaker.consent_given_at = timezone.now()
    elif not consent_confirmed:
        speaker.consent_given_at = None
    speaker.save()
    audit.record_change(actor, speaker, before)
    return speaker


def save_passage(actor, session: Session, form) -> Passage:
    fields = {"session": session}
    if form.instance.pk is None:
        fields["position"] = next_position(session.passages)
    return save_form(actor, form, **fields)
