"""A visitor narrows the member directory with facet links and opens a profile."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check
from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = [
    pytest.mark.browser,
    # The live server reads what the test writes, so each test commits for real.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def directory():
    network = NetworkFactory(name="Criminal Justice Network", short_name="CJN", slug="cjn")
    OrganisationFactory(
        name="Homes in London",
        description="Finds homes in London for people leaving prison.",
        networks=[network],
        tags=["housing", "london"],
    )
    OrganisationFactory(
        name="Homes in the North", networks=[network], tags=["housing", "north-west"]
    )
    OrganisationFactory(
        name="Equality London", networks=[network], tags=["racial-equality", "london"]
    )
    return network


def facet(page, label):
    return page.get_by_role("navigation", name=label, exact=True)


def open_facet(page, label, tap=False):
    """A facet's options, unfolding it first if it is folded away."""
    nav = facet(page, label)
    if not nav.locator("details").evaluate("details => details.open"):
        summary = nav.get_by_text(label, exact=True)
        if tap:
            summary.tap()
        else:
            summary.click()
    return nav


def results_heading(page):
    return page.locator("#results-heading")


def test_visitor_filters_by_theme_and_region_then_opens_a_profile(page, live_server, directory):
    page.goto(f"{live_server.url}/members/")
    expect(results_heading(page)).to_contain_text("3 organisations")
    axe_check(page)
    # Marks this page load: it survives htmx swaps but not a full page load.
    page.evaluate("() => { window.sameDocument = true; }")

    open_facet(page, "Theme").get_by_role("link", name="Housing", exact=True).click()
    expect(results_heading(page)).to_contain_text("2 organisations")
    expect(page).to_have_url(re.compile(r"[?&]theme=housing"))

    open_facet(page, "Region").get_by_role("link", name="London", exact=True).click()
    expect(results_heading(page)).to_contain_text("1 organisation")
    expect(page).to_have_url(re.compile(r"theme=housing"))
    expect(page).to_have_url(re.compile(r"region=london"))
    results = page.locator(".results-list")
    expect(results).to_contain_text("Homes in London")
    expect(results).not_to_contain_text("Homes in the North")
    expect(results).not_to_contain_text("Equality London")
    assert page.evaluate("() => window.sameDocument === true"), "htmx should swap the results"
    axe_check(page)

    results.get_by_role("link", name="Homes in London").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Homes in London")
    expect(page.locator("main")).to_contain_text("Finds homes in London for people")
    expect(page.locator("main")).to_contain_text("Criminal Justice Network")
    axe_check(page)


def test_filtered_directory_address_can_be_shared(page, live_server, directory):
    """The address htmx pushes loads the same results as a plain page."""
    page.goto(f"{live_server.url}/members/?theme=housing&region=london")

    expect(results_heading(page)).to_contain_text("1 organisation")
    expect(page.locator(".results-list")).to_contain_text("Homes in London")
    expect(facet(page, "Region").locator("details")).to_have_attribute("open", "")
    axe_check(page)


def test_directory_works_on_a_phone(phone_page, live_server, directory):
    page = phone_page
    page.goto(f"{live_server.url}/members/")
    expect(results_heading(page)).to_contain_text("3 organisations")
    axe_check(page)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"

    page.get_by_text("Filters", exact=True).tap()  # on a phone the results come first
    open_facet(page, "Theme", tap=True).get_by_role("link", name="Housing", exact=True).tap()
    expect(results_heading(page)).to_contain_text("2 organisations")
    page.locator(".results-list").get_by_role("link", name="Homes in the North").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Homes in the North")
    axe_check(page)
