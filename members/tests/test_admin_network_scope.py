"""Django admin applies the site's rules (issue 11): a staff member of one network can neither
see nor change another network's organisations there, nor make themselves its staff."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from core.tests.admin_support import admin_form_data
from core.tests.factories import AdminFactory, StaffFactory
from members.models import Membership, Network, Organisation
from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    network_a = NetworkFactory(name="Network A", slug="network-a")
    network_b = NetworkFactory(name="Network B", slug="network-b")
    staff_a = StaffFactory(email="staff.a@example.org")
    network_a.staff.add(staff_a)
    return {
        "network_a": network_a,
        "network_b": network_b,
        "staff_a": staff_a,
        "org_a": OrganisationFactory(name="Open Doors", networks=[network_a]),
        "org_b": OrganisationFactory(name="Second Chances", networks=[network_b]),
    }


def change_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def test_the_organisation_list_shows_only_the_staff_members_networks(client, world):
    client.force_login(world["staff_a"])

    page = client.get(reverse("admin:members_organisation_changelist"))

    assert page.status_code == 200
    assert "Open Doors" in page.text
    assert "Second Chances" not in page.text


def test_another_networks_organisation_cannot_be_opened_or_changed(client, world):
    client.force_login(world["staff_a"])
    org_b = world["org_b"]

    opened = client.get(change_url(org_b))
    posted = client.post(change_url(org_b), {"name": "Taken over", "slug": org_b.slug})

    assert opened.status_code == 302 and posted.status_code == 302  # "does not exist"
    org_b.refresh_from_db()
    assert org_b.name == "Second Chances"


def test_a_staff_member_cannot_make_themselves_staff_of_another_network(client, world):
    network_b, staff_a = world["network_b"], world["staff_a"]
    client.force_login(staff_a)

    response = client.post(
        change_url(network_b),
        {"name": network_b.name, "slug": network_b.slug, "staff": [staff_a.pk]},
    )

    assert response.status_code == 403
    assert not network_b.staff.filter(pk=staff_a.pk).exists()
    assert client.post(reverse("admin:members_network_add"), {}).status_code == 403


def test_a_membership_of_another_network_cannot_be_added_through_an_inline(client, world):
    client.force_login(world["staff_a"])
    org_a = world["org_a"]
    data = admin_form_data(client.get(change_url(org_a)))
    data.update(
        {
            "memberships-TOTAL_FORMS": "2",
            "memberships-1-network": str(world["network_b"].pk),
            "memberships-1-status": "active",
            "memberships-1-organisation": str(org_a.pk),
        }
    )

    response = client.post(change_url(org_a), data)

    assert response.status_code == 200  # the form again, with the error
    assert "Select a valid choice" in response.text
    assert not Membership.objects.filter(organisation=org_a, network=world["network_b"]).exists()


def test_the_staff_members_own_organisation_can_be_changed(client, world):
    client.force_login(world["staff_a"])
    org_a = world["org_a"]
    data = admin_form_data(client.get(change_url(org_a)))
    data["name"] = "Open Doors Housing"

    response = client.post(change_url(org_a), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert Organisation.objects.get(pk=org_a.pk).name == "Open Doors Housing"


def test_admins_reach_every_network_and_choose_its_staff(client, world):
    admin_user = AdminFactory()
    client.force_login(admin_user)
    network_b, staff_a = world["network_b"], world["staff_a"]

    assert client.get(change_url(world["org_b"])).status_code == 200
    data = admin_form_data(client.get(change_url(network_b)))
    data["staff"] = [str(staff_a.pk)]
    response = client.post(change_url(network_b), data)

    assert response.status_code == 302
    assert Network.objects.get(pk=network_b.pk).staff.filter(pk=staff_a.pk).exists()
    entry = AuditEntry.objects.get(object_id=str(network_b.pk), content_type__model="network")
    assert entry.actor == admin_user
    assert entry.changes["staff"] == [[], [str(staff_a)]]
