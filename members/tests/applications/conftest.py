"""Two networks, a member of staff, and emails sent on commit, for the application tests."""

import pytest

from core.tests.factories import StaffFactory
from members.tests.factories import NetworkFactory


@pytest.fixture
def networks(db):
    return [
        NetworkFactory(name="Criminal Justice Alliance", slug="cja"),
        NetworkFactory(name="Youth Justice Network", slug="yjn"),
    ]


@pytest.fixture
def staff(db):
    return StaffFactory(name="Priya Staff")


@pytest.fixture
def send_on_commit(django_capture_on_commit_callbacks):
    """Emails are queued when the transaction commits; run those callbacks in tests."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
