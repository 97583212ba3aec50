"""A visitor who is a member contact follows "sign in to give evidence" from an open
consultation and lands straight in their organisation's draft."""

import pytest
from playwright.sync_api import expect

from consultations.tests.factories import ConsultationFactory, QuestionFactory
from core.tests.browser_support import PASSWORD, axe_check
from core.tests.factories import UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_sign_in_from_the_consultation_lands_in_the_draft(page, phone_page, live_server, viewport):
    page = phone_page if viewport == "phone" else page
    network = NetworkFactory(name="Criminal Justice Alliance")
    organisation = OrganisationFactory(name="Open Doors Housing", networks=[network])
    member = UserFactory(email="mina@opendoors.example.org")
    member_contact_for(organisation, member)
    consultation = ConsultationFactory(networks=[network], title="Women leaving prison")
    QuestionFactory(part__consultation=consultation, number=1, text="What helps on release?")

    page.goto(f"{live_server.url}{consultation.get_absolute_url()}")
    expect(page.get_by_role("heading", name="How to take part")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="sign in to give evidence").click()
    page.get_by_label("Email address").fill(member.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Women leaving prison")
    expect(page.get_by_label("Question 1.")).to_be_visible()
    expect(page.get_by_role("button", name="Save draft")).to_be_visible()
    axe_check(page)
