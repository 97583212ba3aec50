"""The coverage map on a phone: region tiles link to the filtered directory, and the long
grid keeps its column headers in view while it scrolls inside its own box."""

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check
from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_tiles_link_and_grid_headers_stay_visible(phone_page, live_server):
    network = NetworkFactory()
    for _ in range(3):
        OrganisationFactory(networks=[network], tags=["london", "housing", "prisons"])
    OrganisationFactory(networks=[network], tags=["wales"])
    page = phone_page
    page.goto(f"{live_server.url}/members/coverage/")
    axe_check(page)

    grid = page.get_by_role("region", name="Regions by part of the system (scrolls)")
    header = grid.get_by_role("columnheader").first
    top_before = header.bounding_box()["y"]
    grid.evaluate("box => box.scrollTo(0, 300)")
    grid_top = grid.bounding_box()["y"]
    assert abs(header.bounding_box()["y"] - grid_top) < 3, "the column headers stay at the top"
    assert top_before == pytest.approx(grid_top, abs=3)

    page.get_by_role("link", name="London: 3 organisations").click()
    expect(page).to_have_url(f"{live_server.url}/members/?region=london")
