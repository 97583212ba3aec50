"""A member contact keeps their own organisation's profile up to date, and only theirs."""

import pytest
from playwright.sync_api import expect

from core.models import AuditEntry
from core.tests.browser_support import axe_check, log_in
from core.tests.factories import UserFactory
from members.models import Organisation
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def member_contact():
    network = NetworkFactory(name="Criminal Justice Network", slug="cjn")
    own = OrganisationFactory(
        name="Open Doors Housing",
        description="Finds homes for people leaving prison.",
        networks=[network],
    )
    other = OrganisationFactory(name="Second Chances Youth", networks=[network])
    user = UserFactory(email="mina@opendoors.example.org", name="Mina Member")
    member_contact_for(own, user)
    return user, own, other


def test_member_contact_edits_their_organisation_and_not_another(page, live_server, member_contact):
    user, own, other = member_contact
    log_in(page, live_server.url, user.email)
    axe_check(page)

    page.goto(f"{live_server.url}{own.get_absolute_url()}")
    page.get_by_role("link", name="Edit this profile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit Open Doors Housing")
    axe_check(page)

    description = page.get_by_label("Description")
    description.fill("Finds homes and work for people leaving prison in London.")
    page.get_by_label("Website").fill("https://opendoors.example.org")
    page.get_by_role("button", name="Save changes").click()

    expect(page.locator(".messages")).to_contain_text("Your changes have been saved.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Open Doors Housing")
    expect(page.locator("main")).to_contain_text("Finds homes and work for people leaving")
    axe_check(page)
    own.refresh_from_db()
    assert own.website == "https://opendoors.example.org"
    assert AuditEntry.objects.filter(actor=user).count() == 1

    response = page.goto(f"{live_server.url}/members/{other.slug}/edit/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You do not have permission to see this page"
    )
    axe_check(page)
    assert Organisation.objects.get(pk=other.pk).description == other.description


def test_bad_input_is_explained_on_the_page(page, live_server, member_contact):
    user, own, _other = member_contact
    log_in(page, live_server.url, user.email)
    page.goto(f"{live_server.url}/members/{own.slug}/edit/")

    page.get_by_label("Charity number").fill("12AB")
    page.get_by_label("Website").fill("javascript:alert(1)")
    page.get_by_role("button", name="Save changes").click()

    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Enter a registered charity number")
    expect(summary).to_contain_text("Enter a valid URL")
    axe_check(page)
    summary.get_by_role("link", name="Charity number").click()
    expect(page.get_by_label("Charity number")).to_be_focused()
    own.refresh_from_db()
    assert own.charity_number is None
    assert own.website == ""
