"""Staff CSV exports follow the same scope as Django admin and the site (issue 11)."""

import pytest
from django.urls import reverse

from core.tests.factories import AdminFactory, StaffFactory
from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    network_a = NetworkFactory(name="Network A", slug="network-a")
    network_b = NetworkFactory(name="Network B", slug="network-b")
    staff_a = StaffFactory()
    network_a.staff.add(staff_a)
    OrganisationFactory(name="Open Doors", networks=[network_a])
    OrganisationFactory(name="Second Chances", networks=[network_b])
    OrganisationFactory(name="Both Ways", networks=[network_a, network_b])
    return staff_a


def export(client, **params) -> str:
    response = client.get(reverse("members:export"), params)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")


@pytest.mark.parametrize("params", [{}, {"scope": "all"}])
def test_staff_export_only_their_networks_members_and_columns(client, world, params):
    client.force_login(world)

    text = export(client, **params)

    assert "Open Doors" in text and "Both Ways" in text
    assert "Second Chances" not in text
    header = text.splitlines()[0]
    assert "network-a" in header
    assert "network-b" not in header


def test_admins_export_everything(client, world):
    client.force_login(AdminFactory())

    text = export(client, scope="all")

    assert "Second Chances" in text
    assert "network-b" in text.splitlines()[0]
