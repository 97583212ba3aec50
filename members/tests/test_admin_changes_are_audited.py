"""Every change made in Django admin goes through the audit log (issue 11: admin edits left no
history): the record, its many-to-many fields, its inline rows, and deletions."""

import pytest
from django.urls import reverse

from core.audit import history_for
from core.models import AuditEntry
from core.tests.admin_support import admin_form_data
from core.tests.factories import StaffFactory
from members.models import Membership
from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_and_org():
    network = NetworkFactory(name="Network A", slug="network-a")
    staff = StaffFactory()
    network.staff.add(staff)
    return staff, OrganisationFactory(name="Open Doors", networks=[network])


def change_url(organisation) -> str:
    return reverse("admin:members_organisation_change", args=[organisation.pk])


def test_changing_an_organisation_in_admin_records_before_and_after(client, staff_and_org):
    staff, organisation = staff_and_org
    client.force_login(staff)
    data = admin_form_data(client.get(change_url(organisation)))
    data["name"] = "Open Doors Housing"

    assert client.post(change_url(organisation), data).status_code == 302

    entry = history_for(organisation).get()
    assert entry.action == AuditEntry.Action.UPDATE
    assert entry.actor == staff
    assert entry.changes["name"] == ["Open Doors", "Open Doors Housing"]


def test_changing_an_inline_row_records_the_row(client, staff_and_org):
    staff, organisation = staff_and_org
    membership = Membership.objects.get(organisation=organisation)
    client.force_login(staff)
    data = admin_form_data(client.get(change_url(organisation)))
    data["memberships-0-status"] = "lapsed"

    assert client.post(change_url(organisation), data).status_code == 302

    entry = history_for(membership).get()
    assert entry.changes["status"] == ["active", "lapsed"]
    assert entry.actor == staff


def test_deleting_in_admin_records_what_was_deleted(client, staff_and_org):
    staff, organisation = staff_and_org
    pk = organisation.pk
    client.force_login(staff)

    url = reverse("admin:members_organisation_delete", args=[pk])
    assert client.post(url, {"post": "yes"}).status_code == 302

    entry = AuditEntry.objects.get(content_type__model="organisation", object_id=str(pk))
    assert entry.action == AuditEntry.Action.DELETE
    assert entry.changes["name"] == ["Open Doors", None]


def test_deleting_several_at_once_records_each(client, staff_and_org):
    staff, organisation = staff_and_org
    other = OrganisationFactory(
        name="Second Door", networks=[organisation.memberships.get().network]
    )
    client.force_login(staff)

    client.post(
        reverse("admin:members_organisation_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [organisation.pk, other.pk],
            "post": "yes",
        },
    )

    deleted = AuditEntry.objects.filter(action=AuditEntry.Action.DELETE)
    assert sorted(deleted.values_list("object_repr", flat=True)) == ["Open Doors", "Second Door"]
