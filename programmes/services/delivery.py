"""Running a cohort: its sessions, attendance at them and employer partners' offers.

Each session is an invitation-only training event in the events app, made and read through
its public module `events.services.enrolment`: every participant of the cohort is invited
and given a place, so on the day staff check people in on the events check-in page (or mark
the register here afterwards), and what the programme shows of attendance is read back from
the events app. Nobody is listed on any public page: invitation-only events are in no public
list, feed or search.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core import audit
from events.models import Event
from events.services import enrolment
from programmes.models import Application, ApplicationStatus, Module, PartnerOffer, ProgrammeSession


def _event(actor, module: Module, data: dict, event=None):
    cohort = module.cohort
    programme = cohort.programme
    where = f", {data['place']}" if data.get("place") else ""
    return enrolment.closed_event(
        actor,
        title=f"{programme.name}: {data['title']}"[:200],
        summary=f"A session of {programme.name} ({cohort.name}{where}) for its participants.",
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        capacity=max(
            cohort.places, cohort.applications.filter(status=ApplicationStatus.ACCEPTED).count()
        ),
        networks=[programme.network_id],
        online=data.get("online", False),
        event=event,
        chosen_by=programme.name,
    )


def _give_place(event, participant: Application):
    try:
        return enrolment.enrol(
            event, name=participant.name, email=participant.email, user=participant.user
        )
    except enrolment.RegistrationRefused as refused:
        raise ValidationError(str(refused)) from refused


def add_session(actor, module: Module, data: dict) -> ProgrammeSession:
    """A new session (title, starts_at, ends_at, place, online) with its event, and a place
    at it for everyone taking part in the cohort."""
    if data["ends_at"] <= data["starts_at"]:
        raise ValidationError({"ends_at": "The session must end after it starts."})
    with transaction.atomic():
        event = _event(actor, module, data)
        session = ProgrammeSession.objects.create(
            module=module, title=data["title"], place=data.get("place", ""), event=event
        )
        for participant in module.cohort.applications.filter(status=ApplicationStatus.ACCEPTED):
            _give_place(event, participant)
        audit.record_change(actor, session, {})
    return session


def change_session(actor, session: ProgrammeSession, data: dict) -> ProgrammeSession:
    """Change a session; a new time reaches everyone registered, as any event's change does."""
    if data["ends_at"] <= data["starts_at"]:
        raise ValidationError({"ends_at": "The session must end after it starts."})
    with transaction.atomic():
        before = audit.snapshot(session)
        _event(actor, session.module, data, event=session.event)
        session.title, session.place = data["title"], data.get("place", "")
        session.save()
        audit.record_change(actor, session, before)
    return session


def delete_event_of(sender, instance: ProgrammeSession, **kwargs) -> None:
    """post_delete of a session: its event goes too (connected in apps.py)."""
    Event.objects.filter(pk=instance.event_id).delete()


def session_data(session: ProgrammeSession) -> dict:
    """A session's fields as its form shows them."""
    event = session.event
    return {
        "title": session.title, "place": session.place, "starts_at": event.starts_at,
        "ends_at": event.ends_at, "online": event.is_online,
    }  # fmt: skip


def give_places(participant: Application, now=None) -> int:
    """Someone who has just accepted a place gets one at each session still to come."""
    now = now or timezone.now()
    sessions = ProgrammeSession.objects.filter(
        module__cohort=participant.cohort_id, event__ends_at__gt=now
    ).select_related("event")
    for session in sessions:
        _give_place(session.event, participant)
    return len(sessions)


def release_places(participant: Application, now=None) -> int:
    """Someone who has left gives back their place at each session still to come; the
    sessions they came to keep their attendance."""
    now = now or timezone.now()
    sessions = ProgrammeSession.objects.filter(
        module__cohort=participant.cohort_id, event__starts_at__gt=now
    ).select_related("event")
    return sum(enrolment.release(session.event, participant.email, now) for session in sessions)


@transaction.atomic
def record_attendance(actor, session: ProgrammeSession, present_ids: set[int]) -> int:
    """Take the register for every participant of the cohort at once (on the event: present
    is checked in, absent a no-show); returns how many marks changed. Ids of people not on
    the cohort are refused, and nothing is saved."""
    cohort = session.module.cohort
    participants = {a.pk: a for a in cohort.applications.filter(status=ApplicationStatus.ACCEPTED)}
    if not present_ids <= set(participants):
        raise ValidationError("Some of those people are not taking part in this cohort.")
    changed = 0
    for pk, participant in participants.items():
        registration = _give_place(session.event, participant)
        changed += enrolment.mark(actor, registration, pk in present_ids)
    return changed


def attendance(sessions, participants) -> dict[tuple[int, int], bool | None]:
    """(session id, participant id) -> True came, False did not, None not yet known."""
    sessions = list(sessions)
    marks = enrolment.attendance([s.event_id for s in sessions])
    return {
        (s.pk, p.pk): marks.get((s.event_id, p.email.strip().lower()))
        for s in sessions
        for p in participants
    }


def sessions_of(participant: Application) -> list[tuple[ProgrammeSession, bool | None]]:
    """A participant's sessions, each with whether they came, for their own page."""
    if participant.status != ApplicationStatus.ACCEPTED:
        return []
    sessions = list(
        ProgrammeSession.objects.filter(module__cohort=participant.cohort_id).select_related(
            "event"
        )
    )
    marks = attendance(sessions, [participant])
    return [(session, marks[session.pk, participant.pk]) for session in sessions]


def attendance_rate(participant: Application) -> tuple[int, int]:
    """(sessions attended, sessions marked) for one participant."""
    sessions = ProgrammeSession.objects.filter(module__cohort=participant.cohort_id)
    marks = [m for m in attendance(sessions, [participant]).values() if m is not None]
    return sum(marks), len(marks)


def assign_offer(actor, offer: PartnerOffer, participant) -> PartnerOffer:
    if participant is not None and (
        participant.cohort_id != offer.cohort_id or participant.status != ApplicationStatus.ACCEPTED
    ):
        raise ValidationError("Only a participant of this cohort can take up its offers.")
    before = audit.snapshot(offer)
    offer.participant = participant
    offer.save()
    audit.record_change(actor, offer, before)
    return offer
