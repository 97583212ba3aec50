"""Places, the waitlist and promotion: the rules of registration."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from events.models import Event, RegistrationStatus
from events.services.registration import (
    Applicant,
    RegistrationRefused,
    accept_offer,
    cancel,
    expire_offers,
    register,
)
from events.tests.factories import EventFactory, in_days
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _register(event, n, **extra):
    return register(event, Applicant(name=f"Person {n}", email=f"p{n}@example.org", **extra))


def test_places_fill_then_the_waitlist(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        first, second, third = (_register(event, n) for n in range(3))
    assert [r.status for r in (first, second, third)] == ["confirmed", "confirmed", "waitlisted"]
    event.refresh_from_db()
    assert event.places_taken == 2
    subjects = [m.subject for m in mail.outbox]
    assert subjects.count(f"Your place is confirmed: {event.title}") == 2
    assert f"You are on the waitlist: {event.title}" in subjects
    confirmation = next(m for m in mail.outbox if m.to == ["p0@example.org"])
    filename, content, mimetype = confirmation.attachments[0]
    assert filename == "event.ics" and "BEGIN:VEVENT" in content
    description = Calendar.from_ical(content).events[0]["DESCRIPTION"]
    assert "meet.example.org/forum-secret" in description  # a confirmed attendee's copy


def test_cancelling_offers_the_place_to_the_next_and_holds_it(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, offer_hold_hours=48)
    first, waiting = _register(event, 1), _register(event, 2)
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        cancel(first, now=now)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.OFFERED
    assert waiting.offer_expires_at == now + datetime.timedelta(hours=48)
    assert Event.objects.get(pk=event.pk).places_taken == 1  # held for them
    assert any(m.subject.startswith("A place has come up") for m in mail.outbox)
    # Someone new joins the waitlist while the place is held.
    late = _register(event, 3)
    assert late.status == RegistrationStatus.WAITLISTED
    accept_offer(waiting)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_an_offer_not_taken_up_goes_to_the_next_person():
    event = EventFactory(capacity=1, offer_hold_hours=48)
    first, second, third = (_register(event, n) for n in range(3))
    cancel(first)
    second.refresh_from_db()
    assert second.status == RegistrationStatus.OFFERED
    later = timezone.now() + datetime.timedelta(hours=49)
    assert expire_offers(now=later) == 1
    assert expire_offers(now=later) == 0  # safe to run twice
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == RegistrationStatus.CANCELLED
    assert third.status == RegistrationStatus.OFFERED
    with pytest.raises(RegistrationRefused):
        accept_offer(second)
    assert Event.objects.get(pk=event.pk).places_taken == 1


def test_per_organisation_limit_waitlists_the_extra_colleague():
    event = EventFactory(capacity=10, per_organisation_limit=1)
    organisation = OrganisationFactory()
    other = OrganisationFactory()
    assert _register(event, 1, organisation=organisation).status == "confirmed"
    assert _register(event, 2, organisation=organisation).status == "waitlisted"
    assert _register(event, 3, organisation=other).status == "confirmed"


def test_duplicate_registration_is_refused_but_allowed_again_after_cancelling():
    event = EventFactory()
    registration = _register(event, 1)
    with pytest.raises(RegistrationRefused, match="already registered"):
        register(event, Applicant(name="Again", email="P1@Example.org"))
    cancel(registration)
    assert _register(event, 1).status == "confirmed"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"registration_opens_at": in_days(3)}, "not opened"),
        ({"registration_closes_at": in_days(-1)}, "closed"),
        ({"status": "draft"}, "not taking"),
        ({"status": "cancelled"}, "not taking"),
    ],
)
def test_registration_only_while_open(changes, message):
    event = EventFactory(**changes)
    with pytest.raises(RegistrationRefused, match=message):
        _register(event, 1)
    assert not event.registrations.exists()


def test_unverified_visitors_hold_no_place_until_they_open_the_link():
    from events.services.registration import verify

    event = EventFactory(capacity=1)
    visitor = register(event, Applicant("Vee", "vee@example.org"), email_verified=False)
    assert visitor.status == RegistrationStatus.UNVERIFIED
    member = _register(event, 1)
    assert member.status == RegistrationStatus.CONFIRMED
    assert verify(visitor).status == RegistrationStatus.WAITLISTED
    assert verify(visitor).status == RegistrationStatus.WAITLISTED  # opened twice
