import pytest

from opportunities.models import CheckLevel, Status
from opportunities.tests.factories import OpportunityFactory, in_days

pytestmark = pytest.mark.django_db


def test_the_api_lists_open_listings_with_the_boards_filters(client):
    OpportunityFactory(title="Basic", check_level=CheckLevel.BASIC)
    OpportunityFactory(title="Enhanced", check_level=CheckLevel.ENHANCED)
    OpportunityFactory(title="Closed", closes_on=in_days(-1))
    OpportunityFactory(title="Pending", status=Status.PENDING)
    body = client.get("/api/v1/opportunities?check=enhanced", secure=True).json()
    assert [r["title"] for r in body["results"]] == ["Enhanced"]
    assert body["results"][0]["vetting"]["check_level"] == "enhanced"
    assert client.get("/api/v1/opportunities", secure=True).json()["count"] == 2


def test_an_unknown_filter_value_is_refused(client):
    response = client.get("/api/v1/opportunities?check=everything", secure=True)
    assert response.status_code == 400 and "check" in response.json()["detail"]


def test_one_listing_never_carries_the_posters_details(client):
    item = OpportunityFactory()
    body = client.get(f"/api/v1/opportunities/{item.slug}", secure=True).json()
    assert body["how_to_apply"] and "posted_by" not in body
    pending = OpportunityFactory(status=Status.PENDING)
    assert client.get(f"/api/v1/opportunities/{pending.slug}", secure=True).status_code == 404
