"""What the public sees: shortlists only once announced, people only with consent, the
winners' archive with its filters, the feed, certificates, the API and organisation
profiles."""

import pytest
from django.urls import reverse

from awards.models import Consent, NomineeKind
from awards.tests.factories import CategoryFactory, CycleFactory, NominationFactory, days_from_today
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _published_cycle(**dates):
    return CycleFactory(
        nominations_open=days_from_today(-300), nominations_close=days_from_today(-200),
        **dates,
    )  # fmt: skip


def test_the_shortlist_is_public_only_from_its_announcement_date(client):
    cycle = _published_cycle(shortlist_announced_on=days_from_today(5))
    category = CategoryFactory(cycle=cycle)
    NominationFactory(category=category, nominee_name="Quiet Achievers", shortlisted=True)
    assert "Quiet Achievers" not in client.get(category.get_absolute_url()).content.decode()
    cycle.shortlist_announced_on = days_from_today(0)
    cycle.save()
    assert "Quiet Achievers" in client.get(category.get_absolute_url()).content.decode()


def test_a_person_is_never_named_without_consent(client):
    cycle = _published_cycle(shortlist_announced_on=days_from_today(-5))
    category = CategoryFactory(cycle=cycle)
    NominationFactory(
        category=category, nominee_kind=NomineeKind.PERSON, nominee_name="Pat Private",
        consent=Consent.REFUSED, shortlisted=True,
    )  # fmt: skip
    assert "Pat Private" not in client.get(category.get_absolute_url()).content.decode()


def test_the_archive_filters_winners_and_links_member_profiles(client):
    organisation = OrganisationFactory(name="Open Doors Housing")
    older = CategoryFactory(
        cycle=_published_cycle(year=2017, winners_published_on=days_from_today(-100))
    )
    newer = CategoryFactory(
        cycle=_published_cycle(year=2024, winners_published_on=days_from_today(-1))
    )
    NominationFactory(category=older, nominee_name="DIVERT", winner=True, citation="Diversion.")
    NominationFactory(category=newer, nominee_name="Open Doors Housing", winner=True,
                      organisation=organisation)  # fmt: skip
    page = client.get(reverse("awards:winners")).content.decode()
    assert "DIVERT" in page and organisation.get_absolute_url() in page
    filtered = client.get(reverse("awards:winners"), {"year": "2017"}).content.decode()
    assert "DIVERT" in filtered and "Open Doors Housing" not in filtered
    profile = client.get(organisation.get_absolute_url()).content.decode()
    assert "Awards" in profile and newer.name in profile


def test_unpublished_winners_are_hidden_everywhere(client):
    category = CategoryFactory(cycle=_published_cycle(winners_published_on=days_from_today(3)))
    winner = NominationFactory(category=category, nominee_name="Not Yet", winner=True)
    assert "Not Yet" not in client.get(reverse("awards:winners")).content.decode()
    assert client.get(reverse("awards:certificate", args=[winner.pk])).status_code == 404
    api = client.get(reverse("api-1.0.0:awards_list_winners")).json()
    assert api["count"] == 0


def test_feed_certificate_and_api_for_a_published_winner(client):
    cycle = _published_cycle(shortlist_announced_on=days_from_today(-30),
                             winners_published_on=days_from_today(-1))  # fmt: skip
    category = CategoryFactory(cycle=cycle, prize_amount=4000)
    winner = NominationFactory(
        category=category, nominee_name="DIVERT", winner=True, shortlisted=True,
        citation="Diversion at the custody desk.",
    )  # fmt: skip
    feed = client.get(reverse("awards:feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "DIVERT" in feed.content.decode()
    pdf = client.get(reverse("awards:certificate", args=[winner.pk]))
    assert pdf.content.startswith(b"%PDF") and "attachment" in pdf["Content-Disposition"]
    data = client.get(reverse("api-1.0.0:awards_list_winners"), {"year": cycle.year}).json()
    assert data["results"][0]["name"] == "DIVERT"
    assert data["results"][0]["prize_amount"] == "4000.00"
    detail = client.get(reverse("api-1.0.0:awards_get_cycle", args=[cycle.slug])).json()
    assert detail["categories"][0]["shortlist"][0]["winner"] is True


def test_the_cycle_page_does_not_tell_the_winner_before_the_winners_are_published(client):
    cycle = _published_cycle(shortlist_announced_on=days_from_today(-5),
                             winners_published_on=days_from_today(10))  # fmt: skip
    category = CategoryFactory(cycle=cycle)
    NominationFactory(category=category, nominee_name="Secret Winner", shortlisted=True,
                      winner=True)  # fmt: skip
    page = client.get(cycle.get_absolute_url()).content.decode()
    assert "Secret Winner" in page and "Winner:" not in page


def test_the_ceremony_links_to_its_event(client):
    from events.tests.factories import EventFactory

    event = EventFactory(title="Awards evening")
    cycle = _published_cycle(ceremony_on=days_from_today(14), ceremony_event=event)
    page = client.get(cycle.get_absolute_url()).content.decode()
    assert f'href="{event.get_absolute_url()}"' in page


def test_the_archive_pages_through_every_winner_keeping_the_filters(client, monkeypatch):
    from awards.services import archive

    monkeypatch.setattr(archive, "ARCHIVE_PAGE", 2)
    cycle = _published_cycle(winners_published_on=days_from_today(-1))
    other = _published_cycle(winners_published_on=days_from_today(-1))
    for name in ("Alpha Trust", "Beta Trust", "Gamma Trust"):
        category = CategoryFactory(cycle=cycle, name=f"{name} award")  # ordered by name
        NominationFactory(category=category, nominee_name=name, winner=True)
    NominationFactory(category=CategoryFactory(cycle=other), nominee_name="Omega", winner=True)
    first = client.get(reverse("awards:winners"), {"year": cycle.year}).content.decode()
    assert "3 winners" in first and "Omega" not in first
    assert f"?year={cycle.year}&amp;page=2" in first
    # Each year is a facet option with its count; the chosen one clears the filter.
    assert f'href="?year={other.year}"' in first
    second = client.get(reverse("awards:winners"), {"year": cycle.year, "page": 2})
    assert "<h3>Gamma Trust</h3>" in second.content.decode()
    assert "<h3>Alpha Trust</h3>" not in second.content.decode()


def test_an_htmx_facet_click_gets_only_the_listing(client):
    cycle = _published_cycle(winners_published_on=days_from_today(-1))
    NominationFactory(category=CategoryFactory(cycle=cycle), nominee_name="Alpha", winner=True)
    response = client.get(
        reverse("awards:winners"), {"year": cycle.year},
        headers={"HX-Request": "true", "HX-Target": "winners-body"},
    )  # fmt: skip
    page = response.content.decode()
    assert "Alpha" in page and "<h1>" not in page
