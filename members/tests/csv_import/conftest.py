"""Two networks and a signed-in member of staff, for the CSV import and export tests."""

import pytest

from core.tests.factories import StaffFactory
from members.tests.factories import NetworkFactory


@pytest.fixture
def networks():
    return [
        NetworkFactory(name="Criminal Justice Alliance", slug="cja"),
        NetworkFactory(name="Youth Justice Network", slug="yjn"),
    ]


@pytest.fixture
def staff_client(client, networks):
    """Staff of both networks: exports reach only the networks a staff member runs."""
    staff = StaffFactory(name="Sam Staff")
    for network in networks:
        network.staff.add(staff)
    client.force_login(staff)
    return client
