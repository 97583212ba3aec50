"""Notes of meetings: a roundtable for a consultation records its notes as that
consultation's roundtable session (one record, linked, never copied); any other meeting keeps
plain notes on the event, seen by staff and the group's members only."""

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import Session
from consultations.tests.factories import ConsultationFactory
from core.tests.factories import StaffFactory, UserFactory
from events.models import Event, EventKind, Registration, Visibility
from events.services import groups
from events.tests.factories import EventFactory, GroupFactory
from members.tests.factories import OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db


def test_a_roundtables_notes_are_its_consultations_session(client):
    consultation, other = ConsultationFactory(), ConsultationFactory()
    event = EventFactory(kind=EventKind.ROUNDTABLE, title="Roundtable on remand")
    present = OrganisationFactory()
    Registration.objects.create(
        event=event, name="A", email="a@example.org", status="confirmed",
        organisation=present, checked_in_at=timezone.now(),
    )  # fmt: skip
    client.force_login(StaffFactory())
    url = reverse("events:staff_notes", args=[event.slug])
    response = client.post(url, {"action": "link", "link-consultation": consultation.pk})
    assert response.status_code == 302
    session = Session.objects.get()
    assert Event.objects.get().consultation_session == session
    assert (session.consultation, session.kind, session.title) == (
        consultation, Session.Kind.ROUNDTABLE, "Roundtable on remand",
    )  # fmt: skip
    assert session.held_on == timezone.localtime(event.starts_at).date()
    assert list(session.organisations_present.all()) == [present]
    assert session.event == Event.objects.get()  # one record, reached from either side
    # The page now leads to the session; linking elsewhere is not offered and changes nothing.
    page = client.get(url).text
    assert reverse("consultations:staff_session", args=[consultation.slug, session.pk]) in page
    client.post(url, {"action": "link", "link-consultation": other.pk})
    assert Session.objects.count() == 1 and Event.objects.get().consultation_session == session


def test_a_group_meetings_notes_are_seen_by_its_members_and_staff_only(client):
    group = GroupFactory()
    member, outsider = UserFactory(), UserFactory()
    organisation = OrganisationFactory()
    groups.add_member(None, group, member_contact_for(organisation, member), organisation)
    meeting = EventFactory(group=group, visibility=Visibility.INVITATION)
    client.force_login(StaffFactory())
    client.post(
        reverse("events:staff_notes", args=[meeting.slug]),
        {"notes": "Agreed to **write** to the <script>minister</script>."},
    )
    assert "write" in Event.objects.get().notes
    for user, sees in [(member, True), (StaffFactory(), True)]:
        client.force_login(user)
        page = client.get(meeting.get_absolute_url()).text
        assert ("<strong>write</strong>" in page) is sees and "<script>minister" not in page
    client.force_login(member)
    assert "notes" in client.get(group.get_absolute_url()).text
    public = EventFactory(visibility=Visibility.PUBLIC, notes="Private notes of a forum")
    client.force_login(outsider)
    assert "Private notes of a forum" not in client.get(public.get_absolute_url()).text
    client.logout()
    assert "Private notes of a forum" not in client.get(public.get_absolute_url()).text
