"""The emails an event sends to the people registered for it.

Every email is queued after the transaction commits, so nobody is told about a place that a
rolled-back transaction never gave them.
"""

from django.conf import settings
from django.db import transaction

from core.email import TRANSACTIONAL, queue_email
from events.services import calendar, links, tickets


def after_commit(send, registration, **extra) -> None:
    transaction.on_commit(lambda: send(registration, **extra))


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _context(registration, **extra) -> dict:
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "event_url": _absolute(event.get_absolute_url()),
        "cancel_url": _absolute(links.registration_url(links.CANCEL, registration)),
        **extra,
    }


def _send(registration, subject, template, attachments=None, **extra):
    queue_email(
        [registration.email],
        f"{subject}: {registration.event.title}",
        f"events/email/{template}.txt",
        _context(registration, **extra),
        attachments=attachments,
        mail_class=TRANSACTIONAL,  # about the person's own registration
        kind=f"events.{template}",
    )


def verify_email(registration) -> None:
    url = _absolute(links.registration_url(links.VERIFY, registration))
    _send(registration, "Confirm your email address", "verify", verify_url=url)


def registered(registration) -> None:
    """Confirmed (with the event in a calendar file) or on the waitlist."""
    registration.refresh_from_db()
    if registration.status == "confirmed":
        ics = calendar.event_file(registration.event, attendee=registration)
        _send(
            registration,
            "Your place is confirmed",
            "confirmed",
            attachments=[["event.ics", ics, "text/calendar; method=PUBLISH"]],
            ticket_url=_absolute(tickets.ticket_url(registration)),
        )
    elif registration.status == "waitlisted":
        _send(registration, "You are on the waitlist", "waitlisted")


def offered(registration) -> None:
    url = _absolute(links.registration_url(links.ACCEPT, registration))
    _send(registration, "A place has come up for you", "offered", accept_url=url)


def offer_lapsed(registration) -> None:
    _send(registration, "The place we held for you has gone", "offer_lapsed")


def cancelled(registration) -> None:
    _send(registration, "Your registration is cancelled", "cancelled")


def event_changed(registration, what: str) -> None:
    ics = calendar.event_file(registration.event, attendee=registration)
    _send(
        registration,
        "Changes to an event you registered for",
        "changed",
        attachments=[["event.ics", ics, "text/calendar; method=PUBLISH"]],
        what=what,
    )


def reminder(registration) -> None:
    ticket_url = _absolute(tickets.ticket_url(registration))
    _send(registration, "Tomorrow", "reminder", ticket_url=ticket_url)


def message(registration, subject: str, body: str) -> None:
    _send(registration, subject, "message", body=body)


def invited(invitation) -> None:
    """A personal invitation: its link lets this person (and only them) register."""
    event = invitation.event
    queue_email(
        [invitation.email],
        f"You are invited: {event.title}",
        "events/email/invited.txt",
        {
            "invitation": invitation,
            "event": event,
            "register_url": _absolute(links.invitation_url(invitation)),
        },
        mail_class=TRANSACTIONAL,  # a personal invitation, not a mailing
        kind="events.invited",
    )
