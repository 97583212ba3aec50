"""Organisation profiles and topic pages show the events that belong there."""

import pytest
from django.utils import timezone

from core.tests.factories import StaffFactory
from events.models import Registration, Visibility
from events.tests.factories import EventFactory
from members.tests.factories import OrganisationFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db


def test_a_profile_lists_the_events_its_organisation_co_hosts(client):
    organisation = OrganisationFactory()
    EventFactory(title="Co-hosted forum").co_hosts.add(organisation)
    EventFactory(title="Members-only forum", visibility=Visibility.MEMBERS).co_hosts.add(
        organisation
    )
    page = client.get(organisation.get_absolute_url()).text
    assert "Co-hosted forum" in page and "Members-only forum" not in page


def test_staff_see_an_organisations_engagement_on_its_profile(client):
    organisation = OrganisationFactory()
    event = EventFactory(title="Attended webinar")
    Registration.objects.create(
        event=event, name="A", email="a@example.org", status="confirmed",
        organisation=organisation, checked_in_at=timezone.now(),
    )  # fmt: skip
    assert "attended 1 event" not in client.get(organisation.get_absolute_url()).text
    client.force_login(StaffFactory())
    assert "attended 1 event" in client.get(organisation.get_absolute_url()).text


def test_a_topic_page_lists_its_upcoming_events(client):
    term = Term.objects.themes().first()
    EventFactory(title="Forum on this theme").topics.add(term)
    page = client.get(f"/topics/{term.slug}/")
    assert page.status_code == 200 and "Forum on this theme" in page.text
