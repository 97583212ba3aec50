"""A member contact who never chooses how their words may be used is asked to, and sees
their choice back once submitted.

A saved draft used to come back with "not for publication" already ticked (the model's
default), so submitting it recorded a choice nobody made, without saying so."""

import pytest
from playwright.sync_api import expect

from consultations.models import Attribution, Contribution
from consultations.tests.factories import ConsultationFactory, QuestionFactory
from core.tests.browser_support import log_in
from core.tests.factories import UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_submitting_needs_an_explicit_consent_choice_which_is_shown_back(page, live_server):
    network = NetworkFactory()
    organisation = OrganisationFactory(name="Open Doors Housing", networks=[network])
    member = UserFactory(email="mina@opendoors.example.org")
    member_contact_for(organisation, member)
    consultation = ConsultationFactory(networks=[network], title="Women leaving prison")
    QuestionFactory(part__consultation=consultation, number=1, text="What helps on release?")

    log_in(page, live_server.url, member.email)
    page.goto(f"{live_server.url}/consultations/contribute/")
    page.get_by_role("link", name="Women leaving prison").click()
    page.get_by_label("Question 1.").fill("A named worker who meets her at the gate.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("Your draft was saved")

    # The draft comes back with nothing chosen for them.
    choices = page.get_by_role("group", name="How may we use these words?").get_by_role("radio")
    for index in range(choices.count()):
        expect(choices.nth(index)).not_to_be_checked()
    expect(page.locator("dl.facts")).to_contain_text("Not chosen yet")

    page.get_by_role("button", name="Submit my evidence").click()
    expect(page.get_by_text("Choose how your words may be used.").first).to_be_visible()
    assert Contribution.objects.get().status == Contribution.Status.DRAFT

    page.get_by_label('Anonymously, as "a member organisation"').check()
    page.get_by_role("button", name="Submit my evidence").click()
    expect(page.locator(".messages")).to_contain_text(
        'How we may use your words: Anonymously, as "a member organisation"'
    )
    expect(page.locator("dl.facts")).to_contain_text('Anonymously, as "a member organisation"')
    contribution = Contribution.objects.get()
    assert contribution.status == Contribution.Status.SUBMITTED
    assert contribution.attribution == Attribution.MEMBER_ORGANISATION
