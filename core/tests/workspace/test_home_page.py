"""The signed-in home: each person sees the panels for what they are, and nothing else."""

import pytest
from django.urls import reverse

from consultations.tests.factories import ConsultationFactory
from core.tests.factories import JudgeFactory, StaffFactory, UserFactory
from members.models import MembershipApplication
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db
HOME = "/home/"


@pytest.fixture
def member_world():
    network = NetworkFactory()
    organisation = OrganisationFactory(name="Homes First", networks=[network])
    user = UserFactory(name="Rosa Jones")
    member_contact_for(organisation, user)
    call = ConsultationFactory(title="Call on resettlement", networks=[network])
    return {"user": user, "organisation": organisation, "call": call}


def test_the_front_page_sends_a_signed_in_person_to_their_home(client):
    client.force_login(UserFactory())

    response = client.get("/")

    assert response.status_code == 302 and response["Location"] == reverse("workspace_home")


def test_a_visitor_is_asked_to_sign_in(client):
    response = client.get(HOME)

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_member_contact_sees_their_organisation_and_the_calls_they_may_answer(
    client, member_world
):
    client.force_login(member_world["user"])

    page = client.get(HOME).content.decode()

    assert "Your organisation" in page and "Homes First" in page
    assert reverse("members:edit", args=[member_world["organisation"].slug]) in page
    assert "Calls for evidence" in page and "Call on resettlement" in page
    assert "not started" in page
    assert "Needs your attention" not in page


def test_staff_see_what_needs_attention_with_counts_and_links(client):
    MembershipApplication.objects.create(
        organisation_name="New Starts", org_type="charity", description="x",
        contact_name="Sam", contact_email="sam@example.org",
    )  # fmt: skip
    client.force_login(StaffFactory())

    page = client.get(HOME).content.decode()

    assert "Needs your attention" in page
    assert "Membership applications to decide" in page
    assert reverse("members:applications") in page
    assert "Your organisation" not in page


def test_a_judge_without_assignments_is_told_where_they_will_appear(client):
    client.force_login(JudgeFactory())

    page = client.get(HOME).content.decode()

    assert "When judging opens, your assignments will appear here." in page
    assert "Needs your attention" not in page and "Calls for evidence" not in page
