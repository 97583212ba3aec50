"""Staff invite named people to an event that is not open to all: each gets a personal link
by email that lets them, and nobody else, see the event and register."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from core.models import AuditEntry
from core.tests.factories import StaffFactory, UserFactory
from events.models import Invitation, Registration, RegistrationStatus, Visibility
from events.tests.factories import EventFactory, InvitationFactory
from members.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def _invite(client, event, people):
    return client.post(reverse("events:staff_invitations", args=[event.slug]), {"people": people})


def _link_in(message) -> str:
    return "/" + re.search(r"https?://[^/\s]+/(events/\S+)", message.body).group(1)


def test_staff_invite_people_who_register_from_their_link(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(visibility=Visibility.INVITATION, title="Roundtable with officials")
    client.force_login(StaffFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(
            client, event, "Sam Patel, sam@example.gov.uk\n\nRuth Ade <RUTH@example.org>"
        )
    assert response.status_code == 302
    assert sorted(Invitation.objects.values_list("name", "email")) == [
        ("Ruth Ade", "ruth@example.org"),
        ("Sam Patel", "sam@example.gov.uk"),
    ]
    assert AuditEntry.objects.filter(content_type__model="invitation").count() == 2
    message = next(m for m in mail.outbox if m.to == ["sam@example.gov.uk"])
    assert "Roundtable with officials" in message.subject
    link = _link_in(message)

    client.logout()
    assert client.get(event.get_absolute_url()).status_code == 404  # not without the link
    assert client.get(link).status_code == 200
    client.post(link, {"name": "Sam Patel", "email": "someone@else.org", "consent": "on"})
    registration = Registration.objects.get()
    # The invitation's own address, whatever was typed: the link is personal.
    assert (registration.email, registration.status) == (
        "sam@example.gov.uk",
        RegistrationStatus.CONFIRMED,
    )
    client.force_login(StaffFactory())
    page = client.get(reverse("events:staff_invitations", args=[event.slug])).text
    assert "Confirmed" in page and "Not yet" in page


def test_bad_lines_or_someone_already_invited_invite_nobody(client):
    event = EventFactory(visibility=Visibility.INVITATION)
    InvitationFactory(event=event, email="already@example.org")
    client.force_login(StaffFactory())
    for people, problem in [
        ("Sam Patel, not-an-email\nRuth Ade, ruth@example.org", "line 1 has no valid email"),
        (", nameless@example.org", "line 1 has no name"),
        ("A, a@example.org\nB, A@example.org", "line 2 repeats"),
        ("Ruth Ade, ruth@example.org\nAgain, already@example.org", "Already invited"),
        ("   ", "This field is required"),
    ]:
        response = _invite(client, event, people)
        assert response.status_code == 200 and problem in response.text, people
    assert list(Invitation.objects.values_list("email", flat=True)) == ["already@example.org"]
    assert mail.outbox == []


def test_hostile_names_are_escaped_on_the_staff_page(client):
    event = EventFactory(visibility=Visibility.INVITATION)
    InvitationFactory(event=event, name="<script>alert(1)</script>")
    client.force_login(StaffFactory())
    page = client.get(reverse("events:staff_invitations", args=[event.slug])).text
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_an_invitation_brings_a_guest_to_a_members_event(client):
    event = EventFactory(visibility=Visibility.MEMBERS, networks=[NetworkFactory()])
    guest = UserFactory(email="official@example.gov.uk")
    InvitationFactory(event=event, email=guest.email)
    client.force_login(guest)
    # Signed in, the invitation is found by their address; no link needed to see it.
    assert client.get(event.get_absolute_url()).status_code == 200
    client.post(
        reverse("events:register", args=[event.slug]),
        {"name": "Official", "email": guest.email, "consent": "on"},
    )
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    other = UserFactory()
    client.force_login(other)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_only_staff_invite(client):
    event = EventFactory(visibility=Visibility.INVITATION)
    client.force_login(UserFactory())
    assert _invite(client, event, "Sam, sam@example.org").status_code == 403
    assert not Invitation.objects.exists()
