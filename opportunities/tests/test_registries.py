"""The board's parts of shared pages: search, topic pages, profiles, home, personal data."""

import pytest

from core.registries.personal_data import DataSubject, source
from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import OrganisationFactory, member_contact_for
from opportunities.models import Alert, Status
from opportunities.tests.factories import OpportunityFactory, in_days
from taxonomy.models import Term

pytestmark = pytest.mark.django_db


def test_site_search_finds_open_listings_only(client):
    shown = OpportunityFactory(title="Peer mentor in Leeds")
    closed = OpportunityFactory(title="Peer mentor closed", closes_on=in_days(-1))
    page = client.get("/search/?q=mentor", secure=True).content.decode()
    assert shown.get_absolute_url() in page and closed.get_absolute_url() not in page


def test_topic_pages_show_open_listings_on_the_topic(client):
    part = Term.objects.parts().get(slug="prisons")
    OpportunityFactory(title="Prison visitor", parts=[part])
    page = client.get("/topics/prisons/", secure=True).content.decode()
    assert "Prison visitor" in page and "?part=prisons" in page


def test_an_organisation_profile_shows_its_open_roles(client):
    organisation = OrganisationFactory()
    OpportunityFactory(title="Open role", organisation=organisation, employer_name="")
    OpportunityFactory(title="Pending role", organisation=organisation, status=Status.PENDING)
    page = client.get(organisation.get_absolute_url(), secure=True).content.decode()
    assert "Open roles" in page and "Open role" in page and "Pending role" not in page


def test_the_home_panel_and_staff_attention(client):
    OpportunityFactory(title="Newest role")
    OpportunityFactory(title="Waiting", status=Status.PENDING)
    member = UserFactory()
    member_contact_for(OrganisationFactory(), member)
    client.force_login(member)
    assert "Newest role" in client.get("/home/", secure=True).content.decode()
    client.force_login(StaffFactory())
    assert "Opportunity listings to approve" in client.get("/home/", secure=True).content.decode()


def test_alerts_are_exported_and_erased():
    user = UserFactory(email="seeker@example.org")
    Alert.objects.create(email="seeker@example.org", consent_text="Yes", description="All")
    subject = DataSubject.for_user(user)
    alerts = source("opportunities.alerts")
    assert alerts.export(subject)["opportunity alerts"][0]["email"] == "seeker@example.org"
    assert alerts.erase(subject) == 1
    assert alerts.erase(subject) == 0
