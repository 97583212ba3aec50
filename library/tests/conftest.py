import pytest

from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files go to a temporary folder, never the real media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def people(db):
    """One user per role; the member contact works for `organisation`."""
    network = NetworkFactory(name="Criminal Justice Network", slug="cjn")
    organisation = OrganisationFactory(name="Open Doors Housing", networks=[network])
    member = UserFactory(name="Mina Member", email="mina@example.org")
    member_contact_for(organisation, member)
    staff = StaffFactory(name="Sam Staff")
    network.staff.add(staff)
    return {
        "anonymous": None,
        "member": member,
        "judge": JudgeFactory(name="Jo Judge"),
        "staff": staff,
        "admin": AdminFactory(name="Ali Admin"),
        "organisation": organisation,
        "network": network,
    }


def client_for(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return client
