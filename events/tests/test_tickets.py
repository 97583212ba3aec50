"""A confirmed attendee's ticket: the confirmation email links to a page with a QR code; the
code opens the staff check-in page at that one person, and its reference can be searched."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from events.models import RegistrationStatus
from events.services import links, tickets
from events.services.registration import Applicant, register
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_the_confirmation_links_to_a_ticket_whose_code_checks_the_person_in(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, Applicant("Nia <b>Bello</b>", "nia@example.org"))
    body = mail.outbox[-1].body
    ticket_path = _path(re.search(r"https?://\S+/ticket/\S+/", body).group(0))
    page = client.get(ticket_path).text
    assert '<svg role="img"' in page and "Reference" in page
    assert "<b>Bello</b>" not in page  # the name is escaped, in the page and the code's title

    scanned = tickets.check_in_url(registration)
    assert scanned.startswith("http") and "?ticket=" in scanned
    assert client.get(_path(scanned)).status_code == 302  # staff only: to sign in
    client.force_login(StaffFactory())
    page = client.get(_path(scanned)).text
    assert "Ticket scanned" in page and "Check in<span" in page
    client.post(reverse("events:staff_check_in_person", args=[event.slug, registration.pk]))
    registration.refresh_from_db()
    assert registration.checked_in_at is not None


def test_a_ticket_for_another_event_or_a_forged_one_is_not_found(client):
    event, other = EventFactory(), EventFactory()
    registration = RegistrationFactory(event=other, status=RegistrationStatus.CONFIRMED)
    token = links.make_token(links.TICKET, registration.pk, registration.email)
    client.force_login(StaffFactory())
    check_in = reverse("events:staff_check_in", args=[event.slug])
    for bad in (token, token[:-2] + "xx"):
        page = client.get(f"{check_in}?ticket={bad}").text
        assert "This ticket is not for this event" in page and registration.name not in page
    forged = reverse("events:ticket", args=[other.slug, token[:-2] + "xx"])
    assert client.get(forged).status_code == 404


def test_a_cancelled_registration_shows_no_code(client):
    registration = RegistrationFactory(status=RegistrationStatus.CANCELLED)
    page = client.get(tickets.ticket_url(registration)).text
    assert "<svg" not in page and "no ticket to show" in page


def test_the_reference_is_searchable_at_check_in(client):
    event = EventFactory()
    registration = RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    client.force_login(StaffFactory())
    page = client.get(reverse("events:staff_check_in", args=[event.slug]), {"q": registration.pk})
    assert registration.name in page.text


def test_a_signed_in_attendee_finds_their_ticket_on_the_event_page(client):
    event = EventFactory()
    user = UserFactory(email="me@example.org")
    register(event, Applicant("Me", user.email, user=user))
    client.force_login(user)
    assert "Show my ticket (QR code)" in client.get(event.get_absolute_url()).text
