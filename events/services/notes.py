"""A roundtable held for a consultation records its notes as that consultation's roundtable
session: the event points at one consultations.Session, and the speakers, their consent
choices and their passages are written there (the consultations app's own session pages),
so they can be quoted, coded and used in the submission under its consent rules. One
record, never a copy. Other meetings (a group's, a members' forum) keep plain notes on the
event itself."""

from django.db import transaction
from django.utils import timezone

from consultations.models import Consultation, Session
from core.audit import record_change, snapshot
from events.models import Event


def link_to_consultation(actor, event: Event, consultation: Consultation) -> Session:
    """Make (or keep) the event's roundtable session in `consultation`."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        session = event.consultation_session
        if session is not None and session.consultation_id == consultation.pk:
            return session
        if session is not None:
            raise ValueError(
                "This event's notes already belong to another consultation's session; "
                "unlink it there first."
            )
        before = snapshot(event)
        session = Session.objects.create(
            consultation=consultation,
            kind=Session.Kind.ROUNDTABLE,
            title=event.title,
            held_on=timezone.localtime(event.starts_at).date(),
            facilitator=getattr(actor, "name", "") or str(actor),
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        event.consultation_session = session
        event.save(update_fields=["consultation_session"])
        record_change(actor, event, before)
    return session


def record_organisations_present(event: Event) -> int:
    """The organisations of the people checked in become the session's organisations present."""
    if event.consultation_session is None:
        return 0
    present = set(
        event.registrations.filter(
            checked_in_at__isnull=False, organisation__isnull=False
        ).values_list("organisation", flat=True)
    )
    event.consultation_session.organisations_present.set(present)
    return len(present)


def save_notes(actor, event: Event, notes: str) -> Event:
    """The notes of a meeting that is no consultation's session, with the change audited."""
    if event.consultation_session_id:
        raise ValueError("This roundtable's notes are its consultation's session.")
    with transaction.atomic():
        before = snapshot(event)
        event.notes = notes.strip()
        event.save(update_fields=["notes", "updated_at"])
        record_change(actor, event, before)
    return event
