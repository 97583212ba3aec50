"""A member contact finds their organisation's member update from the preferences page, turns
it off and back on for one colleague; axe-core, and screenshots at 1280 and 390 px wide
(test-artifacts/comms-organisation-mail-*.png)."""

import pytest
from playwright.sync_api import expect

from comms.models import OrganisationPreference
from comms.tests.factories import MailingListFactory
from core.tests.browser_support import ARTIFACTS, PHONE, axe_check, log_in
from core.tests.factories import UserFactory
from members.models import Affiliation
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"comms-organisation-mail-{name}.png"), full_page=True)


def test_a_contact_sets_who_gets_the_member_update(page, live_server):
    network = NetworkFactory(name="Criminal Justice Network")
    organisation = OrganisationFactory(name="Open Doors Housing", networks=[network])
    update = MailingListFactory(name="Member update", to_member_organisations=True)
    update.networks.add(network)
    user = UserFactory(email="mina@opendoors.example.org", name="Mina Khan")
    member_contact_for(organisation, user)

    log_in(page, live_server.url, user.email)
    page.goto(f"{live_server.url}/email/preferences/")
    page.get_by_role("link", name="Member update for Open Doors Housing").click()
    expect(page.get_by_role("heading", name="Member update for Open Doors Housing")).to_be_visible()
    axe_check(page)
    _shoot(page, "1280")
    page.set_viewport_size(PHONE)
    _shoot(page, "390")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_label("Our organisation receives “Member update”").uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("email choices are saved")).to_be_visible()
    assert OrganisationPreference.objects.get(organisation=organisation).receives is False

    page.get_by_label("Our organisation receives “Member update”").check()
    page.get_by_label("Mina Khan (mina@opendoors.example.org)").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("email choices are saved")).to_be_visible()
    assert OrganisationPreference.objects.get(organisation=organisation).receives is True
    assert Affiliation.objects.get(organisation=organisation).is_main_contact
