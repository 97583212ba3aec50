"""The board lists open, approved listings, filtered through the shared facets with counts."""

import pytest

from members.tests.factories import OrganisationFactory
from opportunities.models import CheckLevel, Kind, Status, WorkMode
from opportunities.services import listing
from opportunities.tests.factories import OpportunityFactory, in_days
from taxonomy.models import Term

pytestmark = pytest.mark.django_db


def _facet(page, name):
    return {o["value"]: o for o in next(f for f in page.facets if f.name == name).options}


def test_only_approved_listings_still_open_are_on_the_board(client):
    shown = OpportunityFactory(title="Open role")
    OpportunityFactory(title="Closed role", closes_on=in_days(-1))
    OpportunityFactory(title="Pending role", status=Status.PENDING)
    OpportunityFactory(title="Refused role", status=Status.REFUSED)
    closing_today = OpportunityFactory(title="Last day", closes_on=in_days(0))
    page = client.get("/opportunities/", secure=True).content.decode()
    assert shown.title in page and closing_today.title in page
    for hidden in ("Closed role", "Pending role", "Refused role"):
        assert hidden not in page


def test_two_filters_narrow_and_each_facet_counts_with_the_other_kept():
    OpportunityFactory(kind=Kind.JOB, check_level=CheckLevel.ENHANCED)
    OpportunityFactory(kind=Kind.JOB, check_level=CheckLevel.BASIC)
    OpportunityFactory(kind=Kind.VOLUNTEERING, check_level=CheckLevel.ENHANCED, paid=False)
    page = listing.board({"kind": "job", "check": "enhanced"})
    assert page.page.paginator.count == 1
    assert _facet(page, "check")["basic"]["count"] == 1  # jobs with a basic check
    assert _facet(page, "kind")["volunteering"]["count"] == 1  # enhanced volunteering
    assert _facet(page, "check")["enhanced"]["selected"]


def test_region_part_remote_paid_and_led_filters():
    region = Term.objects.places().get(slug="london")
    part = Term.objects.parts().get(slug="prisons")
    led = OrganisationFactory(lived_experience_led=True)
    match = OpportunityFactory(
        region=region, parts=[part], work_mode=WorkMode.HYBRID, organisation=led,
        employer_name="", lived_experience_led=True,
    )  # fmt: skip
    OpportunityFactory(region=region, work_mode=WorkMode.ON_SITE)
    params = {
        "region": "london",
        "part": "prisons",
        "remote": "remote",
        "paid": "yes",
        "led": "yes",
    }
    page = listing.board(params)
    assert list(page.page.object_list) == [match]
    assert _facet(page, "remote")["on_site"]["count"] == 0


def test_unknown_filter_values_are_ignored_and_said_so(client):
    OpportunityFactory()
    response = client.get("/opportunities/?check=<script>&kind=nope&region=mars", secure=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "not recognised" in page and "<script>" not in page.split("<main")[1]


def test_search_words_find_titles_and_employers():
    OpportunityFactory(title="Kitchen placement", employer_name="Brightside Catering")
    OpportunityFactory(title="Finance assistant")
    assert listing.board({"q": "brightside"}).page.paginator.count == 1


def test_the_htmx_answer_is_only_the_listing(client):
    OpportunityFactory()
    response = client.get(
        "/opportunities/?check=basic", HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="opportunities-body", secure=True,
    )  # fmt: skip
    assert b"<html" not in response.content and b"results-heading" in response.content


def test_feeds_carry_the_filters():
    from django.test import Client

    OpportunityFactory(title="Basic role", check_level=CheckLevel.BASIC)
    OpportunityFactory(title="Enhanced role", check_level=CheckLevel.ENHANCED)
    client = Client()
    rss = client.get("/opportunities/feed.rss?check=basic", secure=True)
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert b"Basic role" in rss.content and b"Enhanced role" not in rss.content
    atom = client.get("/opportunities/feed.atom", secure=True)
    assert b"<feed" in atom.content and b"Enhanced role" in atom.content


def test_a_listing_page_explains_its_check_and_links_the_dictionary(client):
    item = OpportunityFactory(check_level=CheckLevel.ENHANCED_BARRED, check_reason="Youth work.")
    page = client.get(item.get_absolute_url(), secure=True).content.decode()
    assert "Enhanced DBS check with barred lists" in page and "Youth work." in page
    for slug in ("dbs-check", "barred-lists", "filtering"):
        assert f"/dictionary/{slug}/" in page


def test_the_check_explainer_links_every_term_and_the_terms_exist(client):
    page = client.get("/opportunities/checks/", secure=True).content.decode()
    for slug in ("dbs-check", "spent-conviction", "unspent-conviction", "filtering",
                 "rehabilitation-period"):  # fmt: skip
        assert f"/dictionary/{slug}/" in page
        assert client.get(f"/dictionary/{slug}/", secure=True).status_code == 200
    assert "not legal advice" in page


def test_a_closed_listing_still_opens_and_says_it_is_closed(client):
    item = OpportunityFactory(closes_on=in_days(-3))
    page = client.get(item.get_absolute_url(), secure=True).content.decode()
    assert "Closed." in page and "Apply on the employer" not in page
