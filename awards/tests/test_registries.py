"""The awards' parts of shared pages: the judge's home panel, site-wide search and topic
pages."""

import pytest
from django.urls import reverse

from awards.tests.factories import (
    CategoryFactory,
    CycleFactory,
    NominationFactory,
    PanelMemberFactory,
    days_from_today,
)
from taxonomy.models import Term

pytestmark = pytest.mark.django_db


def _published_winner(**fields):
    cycle = CycleFactory(nominations_open=days_from_today(-90),
                         nominations_close=days_from_today(-60),
                         winners_published_on=days_from_today(-1))  # fmt: skip
    category = CategoryFactory(cycle=cycle)
    return NominationFactory(category=category, winner=True, **fields)


def test_the_judges_home_shows_their_panels(client):
    seat = PanelMemberFactory()
    client.force_login(seat.judge)
    page = client.get(reverse("workspace_home")).content.decode()
    assert "Your judging" in page and seat.category.name in page


def test_site_search_finds_published_winners_only(client):
    _published_winner(nominee_name="Riverside Mentoring", citation="Mentoring at the gate.")
    NominationFactory(nominee_name="Riverside Unpublished", winner=True)
    page = client.get(reverse("site_search"), {"q": "Riverside"}).content.decode()
    # The page marks the words searched for, so look for the rest of each name.
    assert "Mentoring" in page and "Unpublished" not in page


def test_topic_pages_show_winners_on_the_topic(client):
    term = Term.objects.themes().first()
    winner = _published_winner(nominee_name="Topic Winner")
    winner.category.topics.add(term)
    assert "Topic Winner" in client.get(term.get_absolute_url()).content.decode()
