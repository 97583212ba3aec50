"""Registering, cancelling and the waitlist: the only code that changes an event's places.

No overbooking, ever. Places are counted on the event (`places_taken`) and a place is taken
only by a conditional UPDATE (`... SET places_taken = places_taken + 1 WHERE places_taken <
capacity`), which the database applies atomically on every engine; a check constraint
refuses a count above capacity as a last line. Each change also runs in a transaction that
first locks the event row: SELECT ... FOR UPDATE on PostgreSQL, and on SQLite the project's
IMMEDIATE transactions (settings: transaction_mode) take the write lock at BEGIN, waiting up
to the busy timeout while another writer holds it. So the per-organisation limit and the
waitlist order are read by one registration at a time, and nothing is ever tried twice: a
transaction never reads first and upgrades to write later, so no writer can be refused half
way (SQLite's "database is locked" without waiting) and readers in WAL never wait at all.
"""

import datetime
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from events.models import (
    HOLDS_PLACE,
    Answer,
    Event,
    Registration,
    RegistrationStatus,
)
from events.services import notify


class RegistrationRefused(Exception):
    """Why a registration could not be made; the message is shown to the person."""


@dataclass
class Applicant:
    name: str
    email: str
    user: object | None = None
    organisation: object | None = None
    registered_by: object | None = None
    answers: dict[int, str] = field(default_factory=dict)  # question pk -> answer
    consent_text: str = ""


def register(event: Event, applicant: Applicant, *, email_verified: bool = True) -> Registration:
    """Register `applicant`. With a verified email the place is taken (or the waitlist
    joined) at once; otherwise the registration waits for the emailed link (`verify`)."""
    state = event.registration_state()
    if state != "open":
        raise RegistrationRefused(
            {
                "not_yet": "Registration has not opened yet.",
                "closed": "Registration has closed.",
            }.get(state, "This event is not taking registrations.")
        )
    email = applicant.email.strip().lower()
    registration = _register(event, applicant, email, email_verified)
    if registration.status == RegistrationStatus.UNVERIFIED:
        notify.after_commit(notify.verify_email, registration)
    else:
        notify.after_commit(notify.registered, registration)
    return registration


def _register(event, applicant, email, email_verified) -> Registration:
    try:
        with transaction.atomic():
            lock_event(event)
            if (
                event.registrations.filter(email=email)
                .exclude(status=RegistrationStatus.CANCELLED)
                .exists()
            ):
                raise RegistrationRefused(f"{email} is already registered for this event.")
            registration = Registration.objects.create(
                event=event,
                name=applicant.name.strip(),
                email=email,
                user=applicant.user,
                organisation=applicant.organisation,
                registered_by=applicant.registered_by,
                consent_text=applicant.consent_text,
                status=RegistrationStatus.UNVERIFIED,
            )
            Answer.objects.bulk_create(
                Answer(registration=registration, question_id=pk, value=value.strip())
                for pk, value in applicant.answers.items()
                if value and value.strip()
            )
            if email_verified:
                _take_place_or_wait(registration)
    except IntegrityError as error:  # the same email at the same instant in another request
        raise RegistrationRefused(f"{email} is already registered for this event.") from error
    return registration


def verify(registration: Registration) -> Registration:
    """The visitor opened the link in their email: now they take a place or join the list."""
    with transaction.atomic():
        lock_event(registration.event)
        registration.refresh_from_db()
        if registration.status != RegistrationStatus.UNVERIFIED:
            return registration  # opened twice: nothing more to do
        if registration.event.registration_state() != "open":
            raise RegistrationRefused("This event is no longer taking registrations.")
        _take_place_or_wait(registration)
    notify.after_commit(notify.registered, registration)
    return registration


def cancel(registration: Registration, now=None) -> Registration:
    """Cancel; a place it held goes to the next person on the waitlist."""
    now = now or timezone.now()
    with transaction.atomic():
        event = lock_event(registration.event)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        held = registration.status in HOLDS_PLACE
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "cancelled_at", "offer_expires_at"])
        if held:
            _give_back_place(event)
            promote_next(event, now)
    notify.after_commit(notify.cancelled, registration)
    return registration


def accept_offer(registration: Registration, now=None) -> Registration:
    now = now or timezone.now()
    with transaction.atomic():
        lock_event(registration.event)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CONFIRMED:
            return registration
        if registration.status != RegistrationStatus.OFFERED or registration.offer_expires_at < now:
            raise RegistrationRefused("This offer has expired or was withdrawn.")
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "confirmed_at", "offer_expires_at"])
    notify.after_commit(notify.registered, registration)
    return registration


def promote_next(event: Event, now=None) -> Registration | None:
    """Offer a free place to the first person on the waitlist whose organisation is within
    its limit, held for the event's hold time. Call inside the transaction that locked the
    event."""
    now = now or timezone.now()
    if now >= event.starts_at:
        return None
    for candidate in event.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by(
        "created_at", "pk"
    ):
        if _organisation_full(event, candidate):
            continue
        if not _take_place(event):
            return None
        candidate.status = RegistrationStatus.OFFERED
        candidate.offer_expires_at = min(
            now + datetime.timedelta(hours=event.offer_hold_hours), event.starts_at
        )
        candidate.save(update_fields=["status", "offer_expires_at"])
        notify.after_commit(notify.offered, candidate)
        return candidate
    return None


def expire_offers(now=None) -> int:
    """Offers not taken up in time lapse, and each place goes to the next person. Safe to
    run as often as wanted (a periodic command)."""
    now = now or timezone.now()
    lapsed = 0
    due = Registration.objects.filter(
        status=RegistrationStatus.OFFERED, offer_expires_at__lte=now
    ).values_list("pk", flat=True)
    for pk in list(due):
        with transaction.atomic():
            registration = Registration.objects.select_related("event").get(pk=pk)
            event = lock_event(registration.event)
            registration.refresh_from_db()
            if registration.status != RegistrationStatus.OFFERED:
                continue
            registration.status = RegistrationStatus.CANCELLED
            registration.cancelled_at = now
            registration.save(update_fields=["status", "cancelled_at"])
            _give_back_place(event)
            promote_next(event, now)
            lapsed += 1
        notify.after_commit(notify.offer_lapsed, registration)
    return lapsed


# --- Places ----------------------------------------------------------------------------------


def lock_event(event: Event) -> Event:
    """The event row, locked for the rest of the transaction (FOR UPDATE is left out on
    SQLite, where the IMMEDIATE transaction already holds the database's write lock)."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _take_place(event: Event) -> bool:
    """Take one place if one is free: one atomic conditional UPDATE."""
    return bool(
        Event.objects.filter(pk=event.pk, places_taken__lt=F("capacity")).update(
            places_taken=F("places_taken") + 1
        )
    )


def _give_back_place(event: Event) -> None:
    Event.objects.filter(pk=event.pk, places_taken__gt=0).update(places_taken=F("places_taken") - 1)


def _organisation_full(event: Event, registration: Registration) -> bool:
    if not (event.per_organisation_limit and registration.organisation_id):
        return False
    held = event.registrations.filter(
        organisation_id=registration.organisation_id, status__in=HOLDS_PLACE
    ).count()
    return held >= event.per_organisation_limit


def _take_place_or_wait(registration: Registration) -> None:
    event = registration.event
    if not _organisation_full(event, registration) and _take_place(event):
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
    else:
        registration.status = RegistrationStatus.WAITLISTED
    registration.save(update_fields=["status", "confirmed_at"])
