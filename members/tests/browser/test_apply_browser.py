"""An organisation applies to join; staff approve it; it appears in the directory."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check, log_in
from core.tests.factories import StaffFactory
from members.models import MembershipApplication, MembershipStatus
from members.tests.factories import NetworkFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

# The form refuses anything sent faster than a person could fill it in (3 seconds).
FILL_TIME_MS = 3_500


@pytest.fixture
def network():
    network = NetworkFactory(name="Youth Justice Network", short_name="YJN", slug="yjn")
    NetworkFactory(name="Criminal Justice Network", short_name="CJN", slug="cjn")
    return network


@pytest.fixture
def staff(network):
    user = StaffFactory(email="sam@alliance.example.org", name="Sam Staff")
    network.staff.add(user)
    return user


def test_an_application_is_approved_and_the_organisation_joins_the_directory(
    new_page, live_server, network, staff, mailoutbox
):
    applicant = new_page()
    applicant.goto(f"{live_server.url}/members/apply/")
    expect(applicant.get_by_role("heading", level=1)).to_have_text("Apply for membership")
    axe_check(applicant)

    applicant.get_by_label("Name of your organisation").fill("New Leaf Mentoring")
    applicant.get_by_label("Type of organisation").select_option(
        label="Grassroots or community group"
    )
    applicant.get_by_label("What your organisation does").fill(
        "Peer mentoring for young adults leaving custody, run by people who have been there."
    )
    applicant.get_by_label("Website (optional)").fill("newleaf.example.org")
    applicant.get_by_label("Youth justice", exact=True).check()
    applicant.get_by_label("Lived experience", exact=True).check()
    applicant.get_by_label("North West", exact=True).check()
    applicant.get_by_label("Your full name").fill("Ada Applicant")
    applicant.get_by_label("Your email address").fill("ada@newleaf.example.org")
    applicant.get_by_label("Youth Justice Network", exact=True).check()
    applicant.get_by_label(re.compile(r"^I agree that")).check()
    applicant.wait_for_timeout(FILL_TIME_MS)
    applicant.get_by_role("button", name="Send application").click()

    expect(applicant.get_by_role("heading", level=1)).to_contain_text(
        "your application has been sent"
    )
    axe_check(applicant)
    application = MembershipApplication.objects.get()
    assert application.organisation_name == "New Leaf Mentoring"
    assert [n.slug for n in application.networks.all()] == ["yjn"]

    office = new_page()
    log_in(office, live_server.url, staff.email)
    main_nav = office.get_by_role("navigation", name="Main")
    main_nav.get_by_text("Staff", exact=True).click()  # the staff group drops down
    main_nav.get_by_role("link", name="Membership applications").click()
    expect(office.get_by_role("heading", level=1)).to_have_text("Membership applications")
    axe_check(office)
    office.get_by_role("link", name="New Leaf Mentoring").click()
    expect(office.get_by_role("heading", level=1)).to_have_text(
        "Application from New Leaf Mentoring"
    )
    axe_check(office)
    office.get_by_label("Create a new organisation record").check()
    office.get_by_role("button", name="Approve").click()

    expect(office.locator(".messages")).to_contain_text("New Leaf Mentoring is now a member")
    axe_check(office)
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.APPROVED
    assert application.decided_by == staff
    membership = application.organisation.memberships.get()
    assert (membership.network, membership.status) == (network, MembershipStatus.ACTIVE)

    visitor = new_page()
    visitor.goto(f"{live_server.url}/members/?network=yjn")
    results = visitor.locator(".results-list")
    expect(results).to_contain_text("New Leaf Mentoring")
    results.get_by_role("link", name="New Leaf Mentoring").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("New Leaf Mentoring")
    expect(visitor.locator("main")).to_contain_text("Youth Justice Network")
    axe_check(visitor)


def test_a_form_sent_too_fast_is_held_back_with_its_answers(page, live_server, network):
    page.goto(f"{live_server.url}/members/apply/")
    page.get_by_label("Name of your organisation").fill("Speedy Bot Ltd")
    page.get_by_role("button", name="Send application").click()

    expect(page.get_by_text("sent within seconds of opening")).to_be_visible()
    expect(page.get_by_label("Name of your organisation")).to_have_value("Speedy Bot Ltd")
    axe_check(page)
    assert not MembershipApplication.objects.exists()
