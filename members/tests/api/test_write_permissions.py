"""Who may write through the API: tokens, roles, and the networks a staff member runs."""

import pytest

from core.models import AuditEntry
from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from members.models import Membership, Organisation
from members.tests.api.support import API, bearer, post_json
from members.tests.factories import (
    OrganisationFactory,
    member_contact_for,
)

pytestmark = pytest.mark.django_db


def test_writes_without_a_token_are_401(client, network):
    organisation = OrganisationFactory(networks=[network])
    attempts = [
        post_json(client, f"{API}/organisations", {"name": "New"}),
        post_json(client, f"{API}/organisations/{organisation.slug}", {}, method="patch"),
        post_json(
            client, f"{API}/organisations/{organisation.slug}/memberships/cja", {}, method="put"
        ),
        client.delete(f"{API}/organisations/{organisation.slug}/memberships/cja"),
    ]
    for response in attempts:
        assert response.status_code == 401
        assert response.json()["detail"].startswith("Authentication required")
        assert response["WWW-Authenticate"].startswith("Bearer")
    assert Organisation.objects.count() == 1


@pytest.mark.parametrize(
    "header",
    ["Bearer not-a-real-key", "Bearer ", "Token abc", "Basic dXNlcjpwYXNz", "Bearer " + "x" * 5000],
)
def test_writes_with_a_bad_token_are_401(client, header):
    response = post_json(client, f"{API}/organisations", {"name": "New"}, {"Authorization": header})
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert Organisation.objects.count() == 0


def test_deactivated_users_token_is_401(client):
    user = StaffFactory()
    headers = bearer(user)
    user.is_active = False
    user.save()
    response = post_json(client, f"{API}/organisations", {"name": "New"}, headers)
    assert response.status_code == 401


@pytest.mark.parametrize("factory", [UserFactory, JudgeFactory])
def test_member_and_judge_tokens_cannot_write(client, network, factory):
    user = factory()
    organisation = OrganisationFactory(networks=[network])
    member_contact_for(organisation, user)  # even their own organisation
    headers = bearer(user)

    create = post_json(client, f"{API}/organisations", {"name": "New"}, headers)
    patch = post_json(
        client, f"{API}/organisations/{organisation.slug}", {"name": "Renamed"}, headers, "patch"
    )
    membership = post_json(
        client, f"{API}/organisations/{organisation.slug}/memberships/cja", {}, headers, "put"
    )

    for response in (create, patch, membership):
        assert response.status_code == 403
        assert response.json() == {"detail": "Only staff and admin tokens may change data."}
    organisation.refresh_from_db()
    assert organisation.name != "Renamed"
    assert not AuditEntry.objects.exists()


def test_staff_cannot_change_organisations_outside_their_networks(
    client, staff_headers, other_network
):
    elsewhere = OrganisationFactory(networks=[other_network])

    patch = post_json(
        client,
        f"{API}/organisations/{elsewhere.slug}",
        {"name": "Taken over"},
        staff_headers,
        "patch",
    )
    membership = post_json(
        client, f"{API}/organisations/{elsewhere.slug}/memberships/cja", {}, staff_headers, "put"
    )

    assert patch.status_code == 403
    assert patch.json()["detail"] == "You can only change organisations in the networks you staff."
    assert membership.status_code == 403
    assert not Membership.objects.filter(organisation=elsewhere, network__slug="cja").exists()


def test_staff_cannot_add_members_to_a_network_they_do_not_staff(
    client, staff_headers, network, other_network
):
    ours = OrganisationFactory(networks=[network])
    response = post_json(
        client, f"{API}/organisations/{ours.slug}/memberships/ayj", {}, staff_headers, "put"
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "You can only change memberships of the networks you staff."


def test_admin_may_change_any_organisation(client, other_network):
    elsewhere = OrganisationFactory(networks=[other_network])
    response = post_json(
        client,
        f"{API}/organisations/{elsewhere.slug}",
        {"name": "Renamed by admin"},
        bearer(AdminFactory()),
        "patch",
    )
    assert response.status_code == 200
    assert response.json()["name"] == "Renamed by admin"


def test_writes_to_missing_records_are_404(client, staff_headers, network):
    ours = OrganisationFactory(networks=[network])
    missing_org = post_json(client, f"{API}/organisations/ghost", {}, staff_headers, "patch")
    missing_network = post_json(
        client, f"{API}/organisations/{ours.slug}/memberships/ghost", {}, staff_headers, "put"
    )
    no_membership = client.delete(
        f"{API}/organisations/{ours.slug}/memberships/ayj", headers=staff_headers
    )
    assert missing_org.status_code == 404
    assert missing_org.json() == {"detail": "There is no organisation with that slug."}
    assert missing_network.status_code == 404
    assert missing_network.json() == {"detail": "There is no network with that slug."}
    assert no_membership.status_code == 404
