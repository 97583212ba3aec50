"""The board in a real browser: a member contact posts a role for their organisation, staff
approve it, and a visitor filters the board by check level and opens it. axe-core checks
every page; screenshots at 1280 and 390 px go to test-artifacts/ for people to look at."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import PHONE, artifact_path, axe_check, log_in
from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import OrganisationFactory, member_contact_for
from opportunities.models import CheckLevel, Opportunity, Status
from opportunities.tests.factories import OpportunityFactory, in_days

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shoot(page, name):
    page.screenshot(path=artifact_path(f"opportunities-{name}"), full_page=True)


def _post_a_role(page, base):
    page.goto(f"{base}/opportunities/")
    page.get_by_role("link", name="Post an opportunity").click()
    axe_check(page)
    page.get_by_label("Title").fill("Youth mentor")
    page.get_by_label("Kind").select_option("job")
    page.get_by_label("Summary").fill("Mentor young people leaving custody.")
    page.get_by_label("Description").fill("Weekly sessions with **young people**.")
    page.get_by_label("Location").fill("Leeds")
    page.get_by_label("Where the work is done").select_option("hybrid")
    page.get_by_label("Pay up to (£)").fill("28000")
    page.get_by_label("Pay period").select_option("year")
    page.get_by_label("Hours").fill("Full time")
    page.get_by_label("Closing date").fill(in_days(14).isoformat())
    page.get_by_label("How to apply").fill("Email a CV.")
    page.get_by_label(re.compile(r"^Criminal record check:?$")).select_option("enhanced_barred")
    page.get_by_label("Why the role is eligible for this check").fill(
        "One-to-one work with children: regulated activity."
    )
    page.get_by_label("Must spent convictions be disclosed?").select_option("yes")
    page.get_by_label("When in the process the employer asks").select_option("after_offer")
    page.get_by_label("Support offered").fill("A confidential talk before any decision.")
    page.get_by_role("button", name="Send the listing").click()
    # A paid role with no bottom to its pay range: the form says how to fix it.
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    axe_check(page)
    page.get_by_label("Pay from (£)").fill("25000")
    page.get_by_role("button", name="Send the listing").click()
    expect(page.get_by_text("staff will check the listing")).to_be_visible()
    axe_check(page)


def test_member_posts_staff_approve_visitor_filters_by_check_and_opens(new_page, live_server):
    base = live_server.url
    organisation = OrganisationFactory(name="Second Chances Trust")
    member = UserFactory(email="contact@example.org", name="Casey Contact")
    member_contact_for(organisation, member)
    staff = StaffFactory(email="staff@example.org")
    OpportunityFactory(title="Warehouse role", check_level=CheckLevel.BASIC)

    page = new_page()
    log_in(page, base, member.email)
    _post_a_role(page, base)
    listing = Opportunity.objects.get(title="Youth mentor")
    assert listing.status == Status.PENDING and listing.organisation == organisation
    page.goto(f"{base}/opportunities/mine/")
    axe_check(page)

    page.context.clear_cookies()
    log_in(page, base, staff.email)
    page.goto(f"{base}/opportunities/staff/")
    axe_check(page)
    _shoot(page, "queue-1280")
    page.get_by_role("button", name="Approve “Youth mentor”").click()
    expect(page.get_by_text("is on the board")).to_be_visible()

    visitor = new_page()
    visitor.goto(f"{base}/opportunities/")
    axe_check(visitor)
    _shoot(visitor, "board-1280")
    visitor.get_by_role("navigation", name="Criminal record check").get_by_role(
        "link", name="Enhanced DBS check with barred lists"
    ).click()
    expect(visitor.get_by_role("heading", name="1 open opportunity")).to_be_visible()
    expect(visitor.get_by_role("link", name="Warehouse role")).to_have_count(0)
    axe_check(visitor)
    visitor.get_by_role("link", name="Youth mentor").click()
    expect(visitor.get_by_role("heading", name="Youth mentor", level=1)).to_be_visible()
    expect(visitor.get_by_text("One-to-one work with children")).to_be_visible()
    axe_check(visitor)
    _shoot(visitor, "detail-1280")
    visitor.get_by_role("link", name="More about the levels of check").click()
    axe_check(visitor)
    _shoot(visitor, "checks-1280")


def test_every_page_on_a_phone(new_page, live_server):
    item = OpportunityFactory(title="Peer mentor", check_level=CheckLevel.ENHANCED)
    phone = new_page(PHONE)
    for name, path in [
        ("board-390", "/opportunities/"),
        ("detail-390", item.get_absolute_url()),
        ("checks-390", "/opportunities/checks/"),
    ]:
        phone.goto(live_server.url + path)
        axe_check(phone)
        _shoot(phone, name)
    # The unsubscribe and confirm pages, reached from emails.
    for path in ["/opportunities/alerts/confirm/unknown/", "/opportunities/alerts/unsubscribe/x/"]:
        phone.goto(live_server.url + path)
        axe_check(phone)
    staff = StaffFactory(email="staff2@example.org")
    log_in(phone, live_server.url, staff.email)
    phone.goto(f"{live_server.url}/opportunities/post/")
    axe_check(phone)
    _shoot(phone, "form-390")
