"""An open consultation tells each person who is invited and how to take part."""

import pytest
from django.urls import reverse

from consultations.models import ConsultationStatus, Contribution
from consultations.tests.factories import ConsultationFactory
from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    network = NetworkFactory(name="Criminal Justice Alliance")
    organisation = OrganisationFactory(name="Open Doors Housing", networks=[network])
    member = UserFactory()
    member_contact_for(organisation, member)
    consultation = ConsultationFactory(networks=[network], title="Women leaving prison")
    return network, organisation, member, consultation


def page_for(client, consultation) -> str:
    return client.get(consultation.get_absolute_url()).content.decode()


def test_a_visitor_learns_who_is_invited_and_how_to_take_part(client, world):
    _network, _organisation, _member, consultation = world
    page = page_for(client, consultation)
    assert "every member organisation of the Criminal Justice Alliance" in page
    contribute = reverse("consultations:contribute", args=[consultation.slug])
    assert f'href="{reverse("login")}?next={contribute}"' in page
    assert (
        "ask your organisation&#x27;s contact" in page or "ask your organisation's contact" in page
    )
    assert reverse("members:apply") in page


def test_a_member_contact_is_sent_straight_to_their_draft(client, world):
    _network, organisation, member, consultation = world
    client.force_login(member)
    draft = reverse("consultations:contribute_org", args=[consultation.slug, organisation.slug])
    page = page_for(client, consultation)
    assert f'href="{draft}"' in page and "Start your evidence" in page
    Contribution.objects.create(consultation=consultation, organisation=organisation)
    page = page_for(client, consultation)
    assert "draft saved, not yet sent" in page and "Continue your draft" in page


def test_signing_in_from_the_page_lands_a_member_in_their_draft(client, world):
    _network, organisation, member, consultation = world
    contribute = reverse("consultations:contribute", args=[consultation.slug])
    client.force_login(member)
    response = client.get(contribute)
    assert response.status_code == 200
    assert "Women leaving prison" in response.content.decode()
    assert response.context["organisation"] == organisation


def test_a_contact_of_an_organisation_not_invited_is_told_so(client, world):
    other = OrganisationFactory(networks=[NetworkFactory()])
    user = UserFactory()
    member_contact_for(other, user)
    client.force_login(user)
    assert "is not among those invited" in page_for(client, world[3])


def test_staff_see_no_contribute_button(client, world):
    client.force_login(StaffFactory())
    page = page_for(client, world[3])
    assert "Start your evidence" not in page and "sign in to give evidence" not in page


def test_a_closed_consultation_does_not_invite_anyone(client, world):
    consultation = world[3]
    consultation.status = ConsultationStatus.CLOSED
    consultation.save()
    assert "How to take part" not in page_for(client, consultation)
