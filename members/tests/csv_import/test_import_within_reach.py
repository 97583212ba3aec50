"""A staff member's CSV import stays within the networks they staff, like admin and the
export (issue 11): no memberships of another network, no changes to its organisations."""

import pytest

from core.tests.factories import AdminFactory, StaffFactory
from members.models import Membership, Organisation
from members.services.csv.columns import ORGANISATION_COLUMNS, network_columns
from members.tests.csv_import.support import row, to_csv, upload
from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client):
    network_a = NetworkFactory(name="Network A", slug="network-a")
    network_b = NetworkFactory(name="Network B", slug="network-b")
    staff_a = StaffFactory()
    network_a.staff.add(staff_a)
    OrganisationFactory(name="Second Chances", slug="second-chances", networks=[network_b])
    client.force_login(staff_a)
    return network_a, network_b


def columns(*networks) -> list[str]:
    result = list(ORGANISATION_COLUMNS)
    for network in networks:
        result += network_columns(network)
    return result


def test_membership_columns_of_another_network_are_refused(client, world):
    network_a, network_b = world
    text = to_csv(
        [row("New Project", **{"network-b status": "active"})], columns(network_a, network_b)
    )

    response = upload(client, text)

    assert response.status_code == 400
    assert "you do not staff that network" in response.text
    assert not Organisation.objects.filter(name="New Project").exists()


def test_a_row_that_would_change_another_networks_organisation_is_refused(client, world):
    network_a, _network_b = world
    text = to_csv(
        [row("Second Chances", slug="second-chances", description="Taken over")],
        columns(network_a),
    )

    response = upload(client, text)

    assert response.status_code == 400
    assert "a member of a network you do not staff" in response.text
    assert Organisation.objects.get(slug="second-chances").description != "Taken over"


def test_new_organisations_in_the_staff_members_own_network_are_accepted(client, world):
    network_a, _network_b = world
    text = to_csv([row("New Project", **{"network-a status": "active"})], columns(network_a))

    response = upload(client, text)

    assert response.status_code == 302


def test_admins_import_for_every_network(client, world):
    network_a, network_b = world
    client.force_login(AdminFactory())
    text = to_csv(
        [row("Second Chances", slug="second-chances", **{"network-a status": "active"})],
        columns(network_a, network_b),
    )

    assert upload(client, text).status_code == 302
    # Nothing is written before the preview is confirmed.
    assert not Membership.objects.filter(network=network_a).exists()
