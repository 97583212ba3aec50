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


def test_engagement_counts_events_and_consultations_year_by_year(client):
    import datetime

    from consultations.models import Contribution
    from consultations.tests.factories import ContributionFactory, SessionFactory

    organisation = OrganisationFactory()
    last_year = timezone.now() - datetime.timedelta(days=400)
    for starts in (timezone.now() - datetime.timedelta(days=3), last_year):
        Registration.objects.create(
            event=EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)),
            name="A", email=f"a{starts:%Y}@example.org", status="confirmed",
            organisation=organisation, checked_in_at=starts,
        )  # fmt: skip
    ContributionFactory(organisation=organisation)
    ContributionFactory(organisation=organisation, status=Contribution.Status.DRAFT)
    SessionFactory().organisations_present.add(organisation)
    client.force_login(StaffFactory())
    page = client.get(organisation.get_absolute_url()).text
    assert "attended 2 events; it contributed to 2 consultations" in page
    this_year = timezone.localdate().year
    assert f'<th scope="row">{this_year}</th><td>1</td>' in page
    assert f'<th scope="row">{timezone.localtime(last_year).year}</th><td>1</td><td>0</td>' in page


def test_a_topic_page_lists_its_upcoming_events(client):
    term = Term.objects.themes().first()
    EventFactory(title="Forum on this theme").topics.add(term)
    page = client.get(f"/topics/{term.slug}/")
    assert page.status_code == 200 and "Forum on this theme" in page.text
