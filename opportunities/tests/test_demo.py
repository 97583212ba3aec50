import pytest

from members.demo import load_demo
from opportunities.demo import load_demo_opportunities
from opportunities.models import CheckLevel, Kind, Opportunity, Status
from opportunities.services.access import open_opportunities

pytestmark = pytest.mark.django_db


def test_the_demo_has_forty_listings_across_kinds_and_checks_some_closed():
    load_demo()
    assert load_demo_opportunities() >= 40
    listings = Opportunity.objects.all()
    assert {o.kind for o in listings} == set(Kind.values)
    assert {o.check_level for o in listings} == set(CheckLevel.values)
    approved = listings.filter(status=Status.APPROVED)
    assert approved.count() > open_opportunities().count() > 0  # some have closed
    assert listings.filter(status=Status.PENDING).exists()
    assert load_demo_opportunities() == 0  # a second run changes nothing
