"""Who is coming to an invitation-only event with networks (a programme's training session,
a closed group's meeting) is for its organisers, admins and the staff of its networks. Staff
of another network get a 403 on every page that names its people and change nothing; the
people of a public event stay open to all staff."""

import pytest
from django.urls import reverse

from core.tests.factories import AdminFactory, StaffFactory
from events.models import RegistrationStatus, Visibility
from events.tests.factories import EventFactory, RegistrationFactory
from members.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

PEOPLE_PAGES = [
    "staff_registrations", "staff_export", "staff_check_in", "staff_message",
    "staff_invitations",
]  # fmt: skip


@pytest.fixture
def session():
    network = NetworkFactory(name="Programme network")
    event = EventFactory(visibility=Visibility.INVITATION, networks=[network])
    person = RegistrationFactory(
        event=event, name="Ayesha Participant", status=RegistrationStatus.CONFIRMED
    )
    return {"network": network, "event": event, "person": person}


def _staff_of(network):
    staff = StaffFactory()
    if network is not None:
        staff.staffed_networks.add(network)
    return staff


@pytest.mark.parametrize("name", PEOPLE_PAGES)
def test_staff_of_another_network_are_refused(client, session, name):
    client.force_login(_staff_of(NetworkFactory(name="Elsewhere")))
    response = client.get(reverse(f"events:{name}", args=[session["event"].slug]))
    assert response.status_code == 403
    assert "Ayesha Participant" not in response.content.decode()


@pytest.mark.parametrize("name", PEOPLE_PAGES)
def test_staff_of_its_network_and_admins_see_them(client, session, name):
    for user in (_staff_of(session["network"]), AdminFactory()):
        client.force_login(user)
        assert (
            client.get(reverse(f"events:{name}", args=[session["event"].slug])).status_code == 200
        )


def test_an_organiser_from_another_network_sees_them(client, session):
    organiser = _staff_of(NetworkFactory(name="Elsewhere"))
    session["event"].organisers.add(organiser)
    client.force_login(organiser)
    url = reverse("events:staff_registrations", args=[session["event"].slug])
    assert "Ayesha Participant" in client.get(url).content.decode()


def test_checking_in_from_another_network_changes_nothing(client, session):
    client.force_login(_staff_of(NetworkFactory(name="Elsewhere")))
    url = reverse(
        "events:staff_check_in_person", args=[session["event"].slug, session["person"].pk]
    )
    assert client.post(url).status_code == 403
    session["person"].refresh_from_db()
    assert session["person"].checked_in_at is None


def test_a_public_events_people_stay_open_to_all_staff(client, session):
    event = EventFactory(networks=[session["network"]])
    client.force_login(_staff_of(NetworkFactory(name="Elsewhere")))
    assert client.get(reverse("events:staff_registrations", args=[event.slug])).status_code == 200
