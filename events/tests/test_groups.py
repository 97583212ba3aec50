"""Groups that meet: members see their group, its invitation-only meetings and the library
documents shared with it; nobody else does; staff create groups and manage members."""

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from events.models import GroupMember, Visibility
from events.services import access, groups
from events.tests.factories import EventFactory, GroupFactory
from library.models import ResourceStatus
from library.tests.factories import ResourceFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    organisation = OrganisationFactory()
    member, outsider = UserFactory(name="In Group"), UserFactory(name="Not In Group")
    person = member_contact_for(organisation, member)
    member_contact_for(OrganisationFactory(), outsider)
    group = GroupFactory()
    groups.add_member(None, group, person, organisation, "Chair")
    meeting = EventFactory(group=group, visibility=Visibility.INVITATION, title="Group meeting")
    return group, member, outsider, meeting


def test_members_see_their_meetings_and_register_without_a_link(setting):
    group, member, outsider, meeting = setting
    assert access.visible_events(member).filter(pk=meeting.pk).exists()
    assert access.may_register_self(member, meeting)
    assert not access.visible_events(outsider).filter(pk=meeting.pk).exists()
    assert not access.may_register_self(outsider, meeting)


def test_group_page_for_members_and_staff_only(client, setting):
    group, member, outsider, meeting = setting
    client.force_login(member)
    page = client.get(reverse("events:group", args=[group.slug]))
    assert page.status_code == 200 and "Group meeting" in page.text
    client.force_login(outsider)
    assert client.get(reverse("events:group", args=[group.slug])).status_code == 404


def test_members_see_their_groups_on_their_home(client, setting):
    group, member, outsider, meeting = setting
    client.force_login(member)
    assert group.name in client.get("/home/").text
    client.force_login(outsider)
    assert group.name not in client.get("/home/").text


def test_shared_documents_are_seen_by_the_group_only(client, setting):
    group, member, outsider, meeting = setting
    resource = ResourceFactory(status=ResourceStatus.DRAFT, title="Draft research plan")
    groups.share_document(StaffFactory(), group, resource)
    client.force_login(member)
    assert client.get(resource.get_absolute_url()).status_code == 200
    client.force_login(outsider)
    assert client.get(resource.get_absolute_url()).status_code == 404


def test_a_published_resource_cannot_be_shared_as_restricted(setting):
    group = setting[0]
    with pytest.raises(ValueError, match="published"):
        groups.share_document(None, group, ResourceFactory(status=ResourceStatus.PUBLISHED))


def test_staff_create_a_group_and_add_and_remove_members(client):
    staff = StaffFactory()
    network = NetworkFactory()
    client.force_login(staff)
    response = client.post(
        reverse("events:staff_group_create"),
        {"network": network.pk, "name": "  Comms   network ", "purpose": "Shared messaging."},
    )
    group = network and GroupFactory._meta.model.objects.get(name="Comms network")
    assert response.url == reverse("events:staff_group_members", args=[group.slug])
    organisation = OrganisationFactory()
    person = member_contact_for(organisation, UserFactory())
    url = reverse("events:staff_group_members", args=[group.slug])
    client.post(url, {"person": person.pk, "organisation": organisation.pk, "role": "Chair"})
    member = GroupMember.objects.get(group=group)
    assert member.person == person and member.role == "Chair"
    client.post(url, {"remove": member.pk})
    assert not GroupMember.objects.filter(group=group).exists()


def test_a_person_joins_only_through_their_own_organisation(client):
    client.force_login(StaffFactory())
    group = GroupFactory()
    person = member_contact_for(OrganisationFactory(), UserFactory())
    elsewhere = OrganisationFactory(name="Somewhere Else")
    url = reverse("events:staff_group_members", args=[group.slug])
    page = client.post(url, {"person": person.pk, "organisation": elsewhere.pk})
    assert "does not work at Somewhere Else" in page.text
    assert not GroupMember.objects.exists()
    client.post(url, {"person": person.pk})
    page = client.post(url, {"person": person.pk})
    assert "already in the group" in page.text
    assert GroupMember.objects.count() == 1


def test_a_meeting_planned_from_the_group_is_invitation_only(client):
    client.force_login(StaffFactory())
    group = GroupFactory()
    page = client.get(reverse("events:staff_create") + f"?group={group.slug}")
    form = page.context["form"]
    assert form.initial["group"] == group.pk
    assert form.initial["visibility"] == Visibility.INVITATION


def test_group_places_are_exported_and_erased_with_a_persons_data(setting):
    from core.registries.personal_data import DataSubject
    from events.personal_data import erase_group_places, export_group_places

    group, member, outsider, meeting = setting
    subject = DataSubject.for_user(member)
    assert export_group_places(subject)["groups you are in"][0]["role"] == "Chair"
    assert erase_group_places(subject) == 1 and erase_group_places(subject) == 0
