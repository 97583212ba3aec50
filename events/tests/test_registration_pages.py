"""Registering through the pages: visitors prove they own the email, members register
themselves and colleagues, invitations, signed links that cannot be forged, bad input."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from events.models import Event, EventStatus, Registration, RegistrationStatus, Visibility
from events.services import links
from events.tests.factories import EventFactory, InvitationFactory, QuestionFactory
from members.tests.factories import AffiliationFactory, NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _link(message, name):
    return re.search(rf"https?://\S+/events/\S+/{name}/\S+/", message.body).group(0)


def _path(url):
    return "/" + url.split("/", 3)[3]


def test_a_visitor_confirms_their_email_then_gets_a_place_and_cancels_from_the_email(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=5)
    question = QuestionFactory(event=event, text="Dietary needs", required=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:register", args=[event.slug]),
            {
                "name": "Val Visitor",
                "email": "val@example.org",
                "consent": "on",
                f"q{question.pk}": "Vegan",
            },
        )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.UNVERIFIED
    assert Event.objects.get().places_taken == 0
    verify_url = _path(_link(mail.outbox[-1], "verify"))
    assert client.get(verify_url).status_code == 200  # a page with a button: GET changes nothing
    assert Registration.objects.get().status == RegistrationStatus.UNVERIFIED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(verify_url)
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    confirmation = mail.outbox[-1]
    assert confirmation.attachments[0][0] == "event.ics"
    cancel_url = _path(_link(confirmation, "cancel"))
    client.post(cancel_url)
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    assert Event.objects.get().places_taken == 0


def test_forged_or_edited_links_are_refused(client):
    event = EventFactory()
    registration = Registration.objects.create(
        event=event, name="A", email="a@example.org", status=RegistrationStatus.CONFIRMED
    )
    good = links.make_token(links.CANCEL, registration.pk, registration.email)
    other_purpose = links.make_token(links.VERIFY, registration.pk, registration.email)
    other_person = links.make_token(links.CANCEL, registration.pk + 1, registration.email)
    for token in (good[:-2] + "xx", other_purpose, other_person, "nonsense"):
        response = client.post(reverse("events:cancel", args=[event.slug, token]))
        assert response.status_code == 404
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    client.post(reverse("events:cancel", args=[event.slug, good]))
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED


def test_bad_registration_input_changes_nothing(client):
    event = EventFactory()
    url = reverse("events:register", args=[event.slug])
    for data in (
        {"name": "", "email": "x@example.org", "consent": "on"},
        {"name": "X", "email": "not-an-email", "consent": "on"},
        {"name": "X", "email": "x@example.org"},  # no consent
    ):
        response = client.post(url, data)
        assert response.status_code == 200 and b"There is a problem" in response.content
    assert not Registration.objects.exists()


def test_hostile_text_is_escaped(client):
    event = EventFactory(
        title="<script>alert(1)</script>",
        description="[x](javascript:alert(1)) <img src=x onerror=alert(1)>",
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "onerror" not in page and "javascript:" not in page


def test_members_events_need_a_member_of_an_invited_network(client):
    network = NetworkFactory()
    event = EventFactory(visibility=Visibility.MEMBERS, networks=[network])
    url = event.get_absolute_url()
    assert client.get(url).status_code == 404  # visitors do not see it
    outsider = UserFactory()
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    member = UserFactory(email="m@example.org")
    organisation = OrganisationFactory(networks=[network])
    AffiliationFactory(person__user=member, person__email=member.email, organisation=organisation)
    client.force_login(member)
    assert client.get(url).status_code == 200
    response = client.post(
        reverse("events:register", args=[event.slug]),
        {
            "name": "ignored",
            "email": "someone-else@example.org",
            "organisation": organisation.pk,
            "consent": "on",
        },
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.email == "m@example.org"  # a signed-in person registers as themselves
    assert registration.status == RegistrationStatus.CONFIRMED
    response = client.post(
        reverse("events:register_colleague", args=[event.slug]),
        {"name": "Col League", "email": "col@example.org", "organisation": organisation.pk},
    )
    colleague = Registration.objects.get(email="col@example.org")
    assert colleague.registered_by == member and colleague.organisation == organisation
    # Only their own organisation.
    response = client.post(
        reverse("events:register_colleague", args=[event.slug]),
        {"name": "Else", "email": "else@example.org", "organisation": OrganisationFactory().pk},
    )
    assert response.status_code == 200 and not Registration.objects.filter(email="else@example.org")


def test_invitation_only_events_open_with_the_personal_link(client):
    event = EventFactory(visibility=Visibility.INVITATION)
    invitation = InvitationFactory(event=event, email="guest@example.org")
    assert client.get(event.get_absolute_url()).status_code == 404
    invite = links.invitation_url(invitation)
    token = invite.split("invitation=")[1]
    assert client.get(f"{event.get_absolute_url()}?invitation={token}").status_code == 200
    response = client.post(invite, {"name": "Guest", "email": "guest@example.org", "consent": "on"})
    assert response.status_code == 302
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    forged = client.get(f"{event.get_absolute_url()}?invitation={token[:-3]}abc")
    assert forged.status_code == 404


def test_joining_link_only_for_confirmed_attendees(client):
    event = EventFactory(capacity=1)
    first, second = UserFactory(email="one@example.org"), UserFactory(email="two@example.org")
    for user in (first, second):
        client.force_login(user)
        client.post(
            reverse("events:register", args=[event.slug]),
            {"name": "x", "email": "x@example.org", "consent": "on"},
        )
    client.force_login(first)
    assert b"forum-secret" in client.get(event.get_absolute_url()).content
    client.force_login(second)  # waitlisted
    assert b"forum-secret" not in client.get(event.get_absolute_url()).content
    client.logout()
    assert b"forum-secret" not in client.get(event.get_absolute_url()).content


def test_listing_filters_and_counts(client):
    network = NetworkFactory()
    EventFactory(title="A webinar", kind="webinar", format="online", venue=None, networks=[network])
    EventFactory(title="A forum", kind="member_forum")
    EventFactory(title="Hidden draft", status=EventStatus.DRAFT)
    page = client.get(reverse("events:index")).content.decode()
    assert "A webinar" in page and "A forum" in page and "Hidden draft" not in page
    page = client.get(
        reverse("events:index"), {"kind": "webinar", "network": network.slug}
    ).content.decode()
    assert "A webinar" in page and "A forum" not in page and "1 upcoming event" in page
    page = client.get(reverse("events:index"), {"attend": "online"}).content.decode()
    assert "A webinar" in page and "A forum" in page  # hybrid counts as online too
    assert client.get(reverse("events:index"), {"month": "garbage"}).status_code == 200
    assert client.get(reverse("events:month"), {"m": "2030-02"}).status_code == 200


def test_staff_form_refuses_bad_events(client):
    staff = StaffFactory()
    client.force_login(staff)
    base = {
        "kind": "webinar",
        "title": "T",
        "summary": "S",
        "status": "published",
        "visibility": "public",
        "format": "online",
        "capacity": "10",
        "offer_hold_hours": "48",
    }
    day = {"starts_at": "2031-01-01T10:00", "ends_at": "2031-01-01T11:00"}
    cases = [
        ({"starts_at": "2020-01-01T10:00", "ends_at": "2020-01-01T11:00"}, "in the past"),
        ({"starts_at": "2031-01-01T10:00", "ends_at": "2031-01-01T09:00"}, "end after it starts"),
        ({**day, "capacity": "0"}, "at least 1"),
        ({**day, "capacity": "-5"}, "at least 1"),
        # The clocks go forward at 01:00 on 30 March 2031: 01:30 never happens in London.
        ({"starts_at": "2031-03-30T01:30", "ends_at": "2031-03-30T03:00"}, "time zone"),
        ({**day, "format": "in_person"}, "venue"),
    ]
    for changes, message in cases:
        response = client.post(reverse("events:staff_create"), {**base, **changes})
        assert response.status_code == 200, changes
        assert message in response.content.decode(), changes
    assert not Event.objects.exists()
    response = client.post(
        reverse("events:staff_create"),
        {**base, "starts_at": "2031-03-30T10:00", "ends_at": "2031-03-30T11:00"},
    )
    event = Event.objects.get()
    assert event.starts_at.hour == 9  # 10:00 BST is 09:00 UTC


def test_changing_the_time_emails_everyone_and_bumps_the_calendar_sequence(
    client, django_capture_on_commit_callbacks
):
    staff = StaffFactory()
    event = EventFactory(format="online", venue=None)
    Registration.objects.create(event=event, name="A", email="a@example.org", status="confirmed")
    client.force_login(staff)
    data = {
        "kind": event.kind,
        "title": event.title,
        "summary": event.summary,
        "status": "published",
        "visibility": "public",
        "format": "online",
        "capacity": "20",
        "offer_hold_hours": "48",
        "starts_at": "2031-05-01T10:00",
        "ends_at": "2031-05-01T12:00",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:staff_edit", args=[event.slug]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert event.calendar_sequence == 1
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "The time has changed." in mail.outbox[0].body
