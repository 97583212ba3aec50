"""Staff draft a member update from what changed, edit it, preview it, send themselves a
test and send it; the sent issue is in the archive. axe-core on every page, and
screenshots at 1280 and 390 px wide (test-artifacts/comms-updates-*.png)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from comms.models import Audience
from comms.tests.factories import MailingListFactory, SubscriptionFactory
from comms.updates.models import IssueStatus, UpdateIssue
from core.tests.browser_support import ARTIFACTS, PHONE, axe_check, log_in
from core.tests.factories import StaffFactory
from events.tests.factories import EventFactory
from library.tests.factories import ResourceFactory
from members.tests.factories import NetworkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"comms-updates-{name}.png"), full_page=True)


@pytest.fixture
def world():
    network = NetworkFactory(name="Criminal Justice Network")
    mailing_list = MailingListFactory(name="Member update", slug="member-update",
                                      audience=Audience.PUBLIC)  # fmt: skip
    mailing_list.networks.set([network])
    SubscriptionFactory.create_batch(2, mailing_list=mailing_list)
    resource = ResourceFactory(
        title="Housing on release: what members found",
        published_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    resource.networks.set([network])
    event = EventFactory(title="Member forum on resettlement")
    event.networks.set([network])
    staff = StaffFactory(email="sam@alliance.example.org", name="Sam Staff")
    return mailing_list, staff


def test_staff_draft_edit_preview_test_and_send(page, live_server, world):
    mailing_list, staff = world
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/updates/staff/")
    axe_check(page)
    page.get_by_role("button", name="Draft issue from what changed for Member update").click()
    expect(page.locator(".messages")).to_contain_text("Drafted issue 1 with 2 items")
    drafted = page.get_by_role("heading", name="Housing on release: what members found")
    expect(drafted).to_be_visible()
    axe_check(page)
    _shoot(page, "staff-issue-1280")

    # Edit a drafted item, add one of our own, and move it up.
    page.get_by_role("link", name="Edit “Housing on release: what members found”").click()
    axe_check(page)
    page.get_by_label("Title").fill("Housing on release: members' evidence")
    page.get_by_label("Text").fill("Members told us what works. **Read the briefing.**")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("Saved")
    page.get_by_role("link", name="Add your own item").click()
    page.get_by_label("Title").fill("Welcome to our new members")
    page.get_by_label("Text").fill("Three organisations joined this month.")
    page.get_by_role("button", name="Add to the issue").click()
    expect(page.locator(".messages")).to_contain_text("Added “Welcome to our new members”")
    page.get_by_role("button", name="Move up “Welcome to our new members”").click()
    issue = UpdateIssue.objects.get()
    titles = [item.title for item in issue.items.all()]
    assert titles == ["Housing on release: members' evidence", "Welcome to our new members",
                      "Member forum on resettlement"]  # fmt: skip
    expect(page.get_by_role("heading", name="Language check")).to_be_visible()

    # Preview as email and as plain text.
    page.get_by_role("link", name="Preview as email (HTML)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(issue.title)
    expect(page.get_by_text("Unsubscribe from this list")).to_be_visible()
    axe_check(page)
    text = page.request.get(f"{live_server.url}/updates/staff/issues/{issue.pk}/preview.txt")
    assert "Welcome to our new members" in text.text()
    page.go_back()

    # A test to ourselves, then the real send.
    page.get_by_role("button", name="Send a test to me").click()
    expect(page.locator(".messages")).to_contain_text("Sent a test to sam@alliance.example.org")
    assert [m.to for m in mail.outbox] == [["sam@alliance.example.org"]]
    page.get_by_role("button", name="Send to every subscriber of Member update now").click()
    expect(page.locator(".messages")).to_contain_text("on its way to every subscriber")
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
    assert len(mail.outbox) == 3
    axe_check(page)

    # The archive, wide and narrow.
    page.goto(f"{live_server.url}/updates/")
    axe_check(page)
    page.get_by_role("link", name=issue.title).click()
    expect(page.get_by_role("heading", name="Welcome to our new members")).to_be_visible()
    axe_check(page)
    _shoot(page, "issue-1280")


def test_pages_at_phone_width(new_page, live_server, world):
    mailing_list, staff = world
    page = new_page(PHONE)
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/updates/staff/")
    page.get_by_role("button", name="Draft issue from what changed for Member update").click()
    expect(page.locator(".messages")).to_contain_text("Drafted issue 1")
    axe_check(page)
    _shoot(page, "staff-issue-390")
    page.get_by_role("button", name="Send to every subscriber of Member update now").click()
    expect(page.locator(".messages")).to_contain_text("on its way")
    page.goto(f"{live_server.url}/updates/member-update/1/")
    axe_check(page)
    _shoot(page, "issue-390")
    page.goto(f"{live_server.url}/updates/")
    axe_check(page)
    _shoot(page, "archive-390")
