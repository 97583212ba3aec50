"""Staff changes to events: saving (with the emails a change of time, place or status
sends), duplicating, reminders and messages to everyone registered."""

import datetime

from django.db import transaction
from django.utils import timezone

from core.audit import record_change, snapshot
from core.lib.slugs import unique_slug
from events.models import HOLDS_PLACE, Event, EventStatus, Registration, RegistrationStatus
from events.services import notify
from events.services.registration import lock_event, promote_next

RESERVED_SLUGS = {"new", "month", "feeds", "staff", "calendar", "my"}
# What, when changed, registrants must hear about (and calendars must update).
NOTIFIED_FIELDS = {
    "starts_at": "The time has changed.",
    "ends_at": "The time has changed.",
    "venue": "The venue has changed.",
    "format": "The event has changed between in person and online.",
    "joining_link": "The joining link has changed.",
    "status": "The event's status has changed.",
}


def _told(registration) -> bool:
    return registration.status in (*HOLDS_PLACE, RegistrationStatus.WAITLISTED)


def save_event(actor, event: Event, form_save) -> Event:
    """Save a staff form: a new event gets its slug; a change of time, place or status bumps
    the calendar sequence and emails everyone registered; more capacity promotes from the
    waitlist. `form_save(event)` saves the form's fields and many-to-manys."""
    is_new = event.pk is None
    before = {} if is_new else snapshot(Event.objects.get(pk=event.pk))
    with transaction.atomic():
        if is_new:
            event.slug = unique_slug(Event, event.title, fallback="event", reserved=RESERVED_SLUGS)
            event.created_by = actor
        changed = [] if is_new else _changed(before, event)
        if changed:
            event.calendar_sequence += 1
        form_save(event)
        record_change(actor, event, before)
        if not is_new:
            lock_event(event)
            while promote_next(Event.objects.get(pk=event.pk)):
                pass
        if changed:
            what = " ".join(dict.fromkeys(NOTIFIED_FIELDS[name] for name in changed))
            for registration in event.registrations.all():
                if _told(registration):
                    notify.after_commit(notify.event_changed, registration, what=what)
    return event


def _changed(before: dict, event: Event) -> list[str]:
    after = snapshot(event)
    return [name for name in NOTIFIED_FIELDS if before.get(name) != after.get(name)]


def duplicate(actor, event: Event, starts_at: datetime.datetime) -> Event:
    """A draft copy at a new start (same length), with its questions, speakers, networks,
    topics, organisers and co-hosts; no registrations, no notes."""
    with transaction.atomic():
        copy = Event.objects.get(pk=event.pk)
        copy.pk = None
        copy.slug = unique_slug(Event, event.title, fallback="event", reserved=RESERVED_SLUGS)
        copy.starts_at, copy.ends_at = starts_at, starts_at + (event.ends_at - event.starts_at)
        copy.status = EventStatus.DRAFT
        copy.places_taken = copy.calendar_sequence = 0
        copy.consultation_session = None
        copy.series, copy.recurrence = None, ""
        copy.sensitive_answers_deleted_at = copy.reminder_sent_at = None
        copy.registration_opens_at = copy.registration_closes_at = None
        copy.created_by, copy.is_demo_content = actor, False
        copy.save()
        for name in ("networks", "topics", "organisers", "co_hosts"):
            getattr(copy, name).set(getattr(event, name).all())
        for item in [*event.questions.all(), *event.speakers.all()]:
            item.pk, item.event = None, copy
            item.save()
        record_change(actor, copy, {})
    return copy


def send_reminders(now=None) -> int:
    """The day-before reminder, once per event."""
    now = now or timezone.now()
    due = Event.objects.filter(
        status=EventStatus.PUBLISHED,
        reminder_sent_at=None,
        starts_at__gt=now,
        starts_at__lte=now + datetime.timedelta(days=1),
    )
    sent = 0
    for event in due:
        with transaction.atomic():
            if not Event.objects.filter(pk=event.pk, reminder_sent_at=None).update(
                reminder_sent_at=now
            ):
                continue  # another run got there first
            for registration in event.registrations.filter(status=RegistrationStatus.CONFIRMED):
                notify.after_commit(notify.reminder, registration)
                sent += 1
    return sent


def message_registrants(event: Event, subject: str, body: str, include_waitlist=False) -> int:
    statuses = [RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED]
    if include_waitlist:
        statuses.append(RegistrationStatus.WAITLISTED)
    recipients = list(Registration.objects.filter(event=event, status__in=statuses))
    for registration in recipients:
        notify.message(registration, subject, body)
    return len(recipients)
