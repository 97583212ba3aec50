"""Young advocates: consent in each of its states, per-use sharing choices, paid sessions,
outputs published to the library and decision-maker meetings logged in the influence log.

Consent for one project rests on the young person's own consent; for under-16s on a project
that asks for it, a parent's or carer's too; and a young person who consented as a child
renews their own consent once they turn 18. Only with consent in place may they be paid for
a session or credited on an output, and even then only as they chose for that output.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core import audit
from influence.models import InfluenceActivity
from library import services as library_services
from library.models import Resource, ResourceKind, ResourceStatus
from programmes.models import (
    ConsentState,
    DecisionMakerMeeting,
    Output,
    OutputCredit,
    Payment,
    ProjectConsent,
    Sharing,
    YoungPerson,
    YouthSession,
)

OWN_CONSENT_TEXT = (
    "I know what this project is, what I will do, that I will be paid for sessions, and "
    "that I can stop at any time without saying why. I say yes to taking part."
)


def state(consent: ProjectConsent, today: datetime.date | None = None) -> str:
    today = today or timezone.localdate()
    person = consent.young_person
    if consent.withdrawn_at is not None:
        return ConsentState.WITHDRAWN
    if consent.own_consent_at is None:
        return ConsentState.NEEDS_OWN
    age = person.age_on(today)
    if age < 16 and consent.project.parent_consent_under_16 and consent.parent_consent_at is None:
        return ConsentState.NEEDS_PARENT
    consented_as_child = person.age_on(timezone.localdate(consent.own_consent_at)) < 18
    if age >= 18 and consented_as_child and consent.renewed_at_18_at is None:
        return ConsentState.NEEDS_RENEWAL
    return ConsentState.GIVEN


def may_take_part(consent: ProjectConsent | None) -> bool:
    return consent is not None and state(consent) == ConsentState.GIVEN


def _save(actor, consent: ProjectConsent, before: dict) -> ProjectConsent:
    consent.save()
    audit.record_change(actor, consent, before)
    return consent


def record_own_consent(actor, consent: ProjectConsent, wording: str = OWN_CONSENT_TEXT):
    """The young person's own yes, in the words they were shown (also their renewal at 18)."""
    before = audit.snapshot(consent)
    now = timezone.now()
    if consent.own_consent_at is not None and state(consent) == ConsentState.NEEDS_RENEWAL:
        consent.renewed_at_18_at = now
    else:
        consent.own_consent_at = now
    consent.own_consent_text = wording
    consent.withdrawn_at = None
    return _save(actor, consent, before)


def record_parent_consent(actor, consent: ProjectConsent, parent_name: str) -> ProjectConsent:
    if not parent_name.strip():
        raise ValidationError({"parent_name": "Give the parent's or carer's name."})
    before = audit.snapshot(consent)
    consent.parent_name = parent_name.strip()[:200]
    consent.parent_consent_at = timezone.now()
    return _save(actor, consent, before)


def withdraw(actor, consent: ProjectConsent) -> ProjectConsent:
    before = audit.snapshot(consent)
    consent.withdrawn_at = timezone.now()
    consent = _save(actor, consent, before)
    # Withdrawing consent takes their name off every output of the project at once.
    OutputCredit.objects.filter(
        output__project=consent.project, young_person=consent.young_person
    ).update(sharing=Sharing.NOTHING, chosen_at=timezone.now())
    return consent


def consent_for(person: YoungPerson, project) -> ProjectConsent | None:
    return ProjectConsent.objects.filter(young_person=person, project=project).first()


def set_credit(actor, output: Output, person: YoungPerson, sharing: str) -> OutputCredit:
    """The young person's choice of how they are credited on this one output."""
    if sharing not in Sharing.values:
        raise ValidationError({"sharing": "Choose first name, initials or nothing."})
    if sharing != Sharing.NOTHING and not may_take_part(consent_for(person, output.project)):
        raise ValidationError(
            "Consent for this project is not in place, so this young person cannot be named."
        )
    credit = OutputCredit.objects.filter(output=output, young_person=person).first()
    before = audit.snapshot(credit)
    credit = credit or OutputCredit(output=output, young_person=person)
    credit.sharing, credit.chosen_at = sharing, timezone.now()
    credit.save()
    audit.record_change(actor, credit, before)
    return credit


def public_credits(output: Output) -> list[str]:
    """The names the public may see on an output: only as each young person chose for it,
    and only while their consent for the project is in place."""
    shown = []
    for credit in output.credits.select_related("young_person").exclude(sharing=Sharing.NOTHING):
        if may_take_part(consent_for(credit.young_person, output.project)) and credit.shown_as:
            shown.append(credit.shown_as)
    return sorted(shown)


@transaction.atomic
def record_owed(actor, session: YouthSession, person: YoungPerson) -> Payment:
    """What a young person is owed for a session they took part in."""
    if person.group_id != session.project.group_id:
        raise ValidationError("This young person is not in this group.")
    if not may_take_part(consent_for(person, session.project)):
        raise ValidationError(
            f"Consent for {session.project} is not in place for this young person yet."
        )
    if Payment.objects.filter(session=session, young_person=person).exists():
        raise ValidationError("A payment for this session is already recorded.")
    payment = Payment.objects.create(
        session=session, young_person=person, amount=session.payment, recorded_by=actor
    )
    audit.record_change(actor, payment, {})
    return payment


def mark_paid(actor, payment: Payment, paid_on: datetime.date) -> Payment:
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": "A payment cannot be made in the future."})
    before = audit.snapshot(payment)
    payment.paid_on = paid_on
    payment.save()
    audit.record_change(actor, payment, before)
    return payment


def totals(payments) -> dict:
    owed = sum((p.amount for p in payments if p.paid_on is None), start=0)
    paid = sum((p.amount for p in payments if p.paid_on is not None), start=0)
    return {"owed": owed, "paid": paid}


@transaction.atomic
def publish_output(actor, output: Output) -> Resource:
    """File the output in the library as a published report by the group's network."""
    if output.resource_id:
        raise ValidationError("This output is already in the library.")
    group = output.project.group
    resource = Resource.objects.create(
        title=output.title, slug=library_services.unique_slug(output.title),
        kind=ResourceKind.REPORT, summary=output.summary, status=ResourceStatus.PUBLISHED,
    )  # fmt: skip
    resource.networks.add(group.network)
    if group.network.organisation_id:
        resource.author_organisations.add(group.network.organisation)
    audit.record_change(actor, resource, {})
    library_services.announce_change(resource)
    before = audit.snapshot(output)
    output.resource = resource
    output.save()
    audit.record_change(actor, output, before)
    return resource


@transaction.atomic
def log_meeting(actor, meeting: DecisionMakerMeeting) -> InfluenceActivity:
    """Put a decision-maker meeting in the influence log (no young person is named there)."""
    if meeting.activity_id:
        raise ValidationError("This meeting is already in the influence log.")
    activity = InfluenceActivity.objects.create(
        kind=InfluenceActivity.Kind.MEETING, happened_on=meeting.happened_on,
        title=f"Young advocates met {meeting.with_whom}"[:200],
        description=meeting.summary,
        recorded_by=actor if actor and actor.is_authenticated else None,
    )  # fmt: skip
    audit.record_change(actor, activity, {})
    before = audit.snapshot(meeting)
    meeting.activity = activity
    meeting.save()
    audit.record_change(actor, meeting, before)
    return activity
