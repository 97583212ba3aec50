"""Networks and a staff member with a token, for the members API tests."""

import pytest

from core.tests.factories import StaffFactory
from members.tests.api.support import bearer
from members.tests.factories import NetworkFactory


@pytest.fixture
def network():
    return NetworkFactory(name="Criminal Justice Alliance", slug="cja", short_name="CJA")


@pytest.fixture
def other_network():
    return NetworkFactory(name="Alliance for Youth Justice", slug="ayj", short_name="AYJ")


@pytest.fixture
def staff(network):
    user = StaffFactory()
    network.staff.add(user)
    return user


@pytest.fixture
def staff_headers(staff):
    return bearer(staff)
