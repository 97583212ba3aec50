"""A person's way through the shared workspace in Chromium: the header search, the signed-in
home, the staff menu, and on a phone the menu and the list filters without JavaScript."""

import pytest
from playwright.sync_api import expect

from consultations.tests.factories import ConsultationFactory
from core.tests.browser_support import DESKTOP, PHONE, axe_check, log_in
from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    network = NetworkFactory()
    organisation = OrganisationFactory(
        name="Homes First", description="Housing for people leaving prison.", networks=[network]
    )
    member = UserFactory(email="rosa@example.org", name="Rosa Jones")
    member_contact_for(organisation, member)
    ConsultationFactory(title="Call on resettlement", networks=[network])
    return {"member": member, "organisation": organisation}


def test_a_member_signs_in_to_their_home_and_searches_from_the_header(page, live_server, world):
    log_in(page, live_server.url, "rosa@example.org")

    expect(page).to_have_url(f"{live_server.url}/home/")
    expect(page.get_by_role("heading", name="Your organisation")).to_be_visible()
    expect(page.get_by_role("link", name="Call on resettlement")).to_be_visible()
    axe_check(page)

    page.get_by_role("searchbox", name="Search the site").fill("housing")
    page.get_by_role("button", name="Search the site").click()
    expect(page.get_by_role("heading", name="Member organisations (1)")).to_be_visible()
    expect(page.locator("mark").first).to_have_text("Housing", ignore_case=True)
    axe_check(page)


def test_the_desktop_header_is_one_line_and_staff_work_drops_down(page, live_server, world):
    StaffFactory(email="sam@example.org")
    log_in(page, live_server.url, "sam@example.org")

    nav = page.get_by_role("navigation", name="Main")
    box = nav.bounding_box()
    assert box["height"] < 60, f"the navigation wraps: {box['height']}px high"
    staff_link = nav.get_by_role("link", name="Membership applications")
    expect(staff_link).to_be_hidden()
    nav.get_by_text("Staff", exact=True).click()
    staff_link.click()
    expect(page).to_have_url(f"{live_server.url}/members/applications/")


def test_on_a_phone_without_javascript_the_menu_and_filters_fold_behind_buttons(
    browser, live_server, world
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/members/")
        members_link = page.get_by_role("navigation", name="Main").get_by_role(
            "link", name="Members"
        )
        expect(members_link).to_be_hidden()
        page.get_by_text("Menu", exact=True).click()
        expect(members_link).to_be_visible()

        facet = page.get_by_role("navigation", name="Type")
        expect(facet).to_be_hidden()
        expect(page.get_by_role("link", name="Homes First")).to_be_visible()  # results first
        page.get_by_text("Filters", exact=True).click()
        expect(facet).to_be_visible()
    finally:
        context.close()


def test_on_a_wide_screen_the_filters_stand_beside_the_results(page, live_server, world):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/members/")

    expect(page.get_by_role("heading", name="Filter", exact=True)).to_be_visible()
    expect(page.get_by_text("Filters", exact=True)).to_be_hidden()
