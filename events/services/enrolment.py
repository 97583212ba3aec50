"""Closed events whose people are chosen elsewhere: a leadership programme's training
sessions, whose cohort is decided by the programmes app. This is the public way for another
app to make such an event, give its people their places and read back who came.

The event is invitation only, so it is in no public list, feed, search or page, and each
person is invited and given a confirmed place at once (no registration form, no emails from
here: the app that chose them tells them). Attendance is then taken like any event's, with
the check-in page on the day and the no-shows recorded after, or all at once with `mark`.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from core.audit import record_change, snapshot
from core.lib.locked_retry import retry_when_locked
from events.models import (
    Event,
    EventFormat,
    EventKind,
    EventStatus,
    Invitation,
    Registration,
    RegistrationStatus,
    Visibility,
)
from events.services.changes import save_event
from events.services.registration import (
    RegistrationRefused,
    _give_back_place,
    _take_place,
    lock_event,
)

__all__ = ["RegistrationRefused", "attendance", "closed_event", "enrol", "mark", "release"]


def closed_event(
    actor,
    *,
    title: str,
    summary: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    capacity: int,
    networks=(),
    online: bool = False,
    event: Event | None = None,
    chosen_by: str,
) -> Event:
    """Make (or, given `event`, change) an invitation-only training event. A change of time
    tells everyone registered, as any event's change does."""
    # Read afresh: places taken since the caller loaded it must not be written back stale.
    event = (
        Event.objects.get(pk=event.pk)
        if event is not None
        else Event(kind=EventKind.TRAINING, visibility=Visibility.INVITATION)
    )
    event.title, event.summary = title, summary[:300]
    event.starts_at, event.ends_at = starts_at, ends_at
    event.capacity = max(capacity, event.places_taken, 1)
    event.format = EventFormat.ONLINE if online else EventFormat.IN_PERSON
    event.visibility = Visibility.INVITATION
    event.people_chosen_by = chosen_by[:120]
    if event.status == EventStatus.DRAFT:
        event.status = EventStatus.PUBLISHED

    def save(chosen: Event) -> None:
        chosen.save()
        if networks:
            chosen.networks.set(networks)

    return save_event(actor, event, save)


def enrol(event: Event, *, name: str, email: str, user=None) -> Registration:
    """Invite the person and give them a confirmed place; someone who already holds one
    keeps it. RegistrationRefused when every place is taken."""
    return retry_when_locked(lambda: _enrol(event, name.strip(), email.strip().lower(), user))


def _enrol(event, name, email, user) -> Registration:
    with transaction.atomic():
        lock_event(event)
        Invitation.objects.get_or_create(event=event, email=email, defaults={"name": name})
        live = event.registrations.exclude(status=RegistrationStatus.CANCELLED)
        registration = live.filter(email=email).first()
        if registration is not None and registration.holds_place:
            return registration
        if not _take_place(event):
            raise RegistrationRefused(f"All {event.capacity} places at {event.title} are taken.")
        registration = registration or Registration(event=event, email=email)
        registration.name, registration.user = name, user or registration.user
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.offer_expires_at = None
        registration.save()
    return registration


def release(event: Event, email: str, now=None) -> bool:
    """Give back the person's place (they left the programme): no email from here, as with
    enrol, and nobody waits for a closed event's places. False if they held none."""
    now = now or timezone.now()
    with transaction.atomic():
        lock_event(event)
        registration = (
            event.registrations.filter(email=email.strip().lower())
            .exclude(status=RegistrationStatus.CANCELLED)
            .first()
        )
        if registration is None:
            return False
        held = registration.holds_place
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if held:
            _give_back_place(event)
    return True


def mark(actor, registration: Registration, present: bool, now=None) -> bool:
    """Take the register: present is checked in (an earlier check-in keeps its time; after
    the event, the time is its start), absent a no-show. Returns whether anything changed;
    audited."""
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ValueError("Only confirmed places can be marked present or absent.")
    before = snapshot(registration)
    moment = now or timezone.now()
    if moment > registration.event.ends_at:
        # A register taken after the event: they were there from its start, not from the
        # moment someone ticked the box (the check-in list shows this time).
        moment = registration.event.starts_at
    if present:
        registration.checked_in_at = registration.checked_in_at or moment
    else:
        registration.checked_in_at = None
    registration.no_show = not present
    registration.save(update_fields=["checked_in_at", "no_show"])
    return bool(record_change(actor, registration, before))


def attendance(events) -> dict[tuple[int, str], bool | None]:
    """Who came to each of these events, by (event id, email) for every confirmed place:
    True checked in, False a no-show, None not yet known."""
    rows = Registration.objects.filter(
        event__in=events, status=RegistrationStatus.CONFIRMED
    ).values_list("event_id", "email", "checked_in_at", "no_show")
    return {
        (event_id, email): True if checked_in else (False if no_show else None)
        for event_id, email, checked_in, no_show in rows
    }
