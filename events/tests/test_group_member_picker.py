"""The "add a member" form of a group is the shared searchable picker: it offers only the
people the staff member may reach who are not yet in the group, and refuses an unknown id,
someone out of reach or someone already in with a clear message, changing nothing."""

import pytest
from django.urls import reverse

from core.lib.pickers import SearchableSelect
from core.tests.factories import StaffFactory, UserFactory
from events.forms import GroupMemberForm
from events.models import GroupMember
from events.services import groups
from events.tests.factories import GroupFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    """A staff member running one network; a contact inside it, one in another network, and
    one already in the group."""
    mine, theirs = NetworkFactory(), NetworkFactory()
    staff = StaffFactory()
    staff.staffed_networks.add(mine)
    inside = member_contact_for(OrganisationFactory(networks=[mine]), UserFactory(name="Ina In"))
    outside = member_contact_for(
        OrganisationFactory(networks=[theirs]), UserFactory(name="Otto Out")
    )
    already = member_contact_for(OrganisationFactory(networks=[mine]), UserFactory(name="Al Ready"))
    group = GroupFactory()
    groups.add_member(None, group, already)
    return staff, group, inside, outside, already


def test_the_person_field_is_a_searchable_picker_of_addable_people(setting):
    staff, group, inside, outside, already = setting
    form = GroupMemberForm(user=staff, group=group)
    widget = form.fields["person"].widget
    assert isinstance(widget, SearchableSelect)
    offered = [label for value, label in widget.choices if value]
    assert offered == ["Ina In"]
    assert "data-picker" in str(form["person"])


def _post(client, staff, group, person_pk):
    client.force_login(staff)
    url = reverse("events:staff_group_members", args=[group.slug])
    return client.post(url, {"person": person_pk, "organisation": "", "role": ""})


def test_staff_add_someone_in_reach(client, setting):
    staff, group, inside, outside, already = setting
    response = _post(client, staff, group, inside.pk)
    assert response.status_code == 302
    assert group.members.filter(person=inside).exists()


@pytest.mark.parametrize("bad", ["999999", "not-a-number", "-1"])
def test_an_unknown_id_is_refused(client, setting, bad):
    staff, group, *_ = setting
    page = _post(client, staff, group, bad)
    assert page.status_code == 200
    assert "not someone you may add" in page.text
    assert GroupMember.objects.filter(group=group).count() == 1


def test_someone_out_of_reach_is_refused(client, setting):
    staff, group, inside, outside, already = setting
    page = _post(client, staff, group, outside.pk)
    assert "not someone you may add" in page.text
    assert not group.members.filter(person=outside).exists()


def test_someone_already_in_is_refused(client, setting):
    staff, group, inside, outside, already = setting
    page = _post(client, staff, group, already.pk)
    assert "Al Ready is already in the group." in page.text
    assert group.members.filter(person=already).count() == 1


def test_no_person_chosen_is_refused(client, setting):
    staff, group, *_ = setting
    page = _post(client, staff, group, "")
    assert "Choose the person to add." in page.text
    assert GroupMember.objects.filter(group=group).count() == 1
