"""Groups and policy-forum actions in a real browser (issue 12 §4 and §5): staff create a
group, add a member and share a draft library document with it; the member finds the group
from their groups page and sees its meeting and document (on a phone too); staff record an
action agreed at a policy forum as an ask of a target body and turn it into an influence-log
entry. axe-core checks every page; screenshots at 1280 and 390 px go to test-artifacts/."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import PHONE, artifact_path, axe_check, log_in
from core.tests.factories import StaffFactory, UserFactory
from events.models import Action, EventKind, Group, Visibility
from events.tests.factories import EventFactory
from influence.models import InfluenceActivity
from influence.tests.factories import TargetBodyFactory
from library.models import ResourceStatus
from library.tests.factories import ResourceFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shot(page, name):
    page.screenshot(path=artifact_path(name), full_page=True)


def test_staff_run_a_group_and_its_member_sees_it(new_page, live_server):
    network = NetworkFactory(name="Justice Alliance")
    staff = StaffFactory(email="staff@example.org")
    organisation = OrganisationFactory(name="Open Doors Housing")
    member = UserFactory(email="amina@example.org", name="Amina Okafor")
    member_contact_for(organisation, member)
    ResourceFactory(title="Draft research plan", status=ResourceStatus.DRAFT)

    page = new_page()
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/events/staff/groups/new/")
    axe_check(page)
    page.get_by_label("Network").select_option(label=network.name)
    page.get_by_label("Name").fill("Research advisory group")
    page.get_by_label("Purpose").fill("Advises on the research programme.")
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_role("heading", name="Members of Research advisory group")).to_be_visible()
    axe_check(page)
    # The person is the searchable picker: type part of the name, choose from the list.
    page.get_by_role("combobox", name="Person").fill("amina")
    page.get_by_role("option", name="Amina Okafor").click()
    page.get_by_label(re.compile("Through the organisation")).select_option(label=organisation.name)
    page.get_by_label("Role").fill("Chair")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_text("Amina Okafor, Open Doors Housing (Chair)")).to_be_visible()
    page.get_by_label(re.compile("Library resource")).select_option(label="Draft research plan")
    page.get_by_role("button", name="Share").click()
    expect(page.get_by_text("Shared with the group.")).to_be_visible()
    axe_check(page)
    _shot(page, "events-group-members-1280")

    group = Group.objects.get(name="Research advisory group")
    EventFactory(group=group, title="Advisory group: spring meeting",
                 visibility=Visibility.INVITATION, networks=[network])  # fmt: skip

    for viewport, suffix in ((None, "1280"), (PHONE, "390")):
        member_page = new_page(viewport) if viewport else new_page()
        log_in(member_page, live_server.url, member.email)
        member_page.goto(f"{live_server.url}/events/groups/")
        axe_check(member_page)
        member_page.get_by_role("link", name="Research advisory group").click()
        expect(member_page.get_by_role("heading", name="Research advisory group")).to_be_visible()
        expect(member_page.get_by_text("Advisory group: spring meeting")).to_be_visible()
        expect(member_page.get_by_text("Draft research plan")).to_be_visible()
        axe_check(member_page)
        _shot(member_page, f"events-group-page-{suffix}")


def test_staff_turn_a_forum_ask_into_an_influence_log_entry(new_page, live_server):
    staff = StaffFactory(email="staff@example.org")
    forum = EventFactory(kind=EventKind.POLICY_FORUM, title="CJA/MoJ policy forum")
    TargetBodyFactory(name="Ministry of Justice")

    for viewport, suffix in ((None, "1280"), (PHONE, "390")):
        page = new_page(viewport) if viewport else new_page()
        log_in(page, live_server.url, staff.email)
        page.goto(f"{live_server.url}/events/staff/{forum.slug}/actions/")
        axe_check(page)
        if suffix == "1280":
            page.get_by_label("Action agreed").fill("Publish recall figures by region")
            page.get_by_label("Owner").fill("MoJ data team")
            page.get_by_label(re.compile("Ask of a target body")).select_option(
                label="Ministry of Justice"
            )
            page.get_by_role("button", name="Record").click()
            expect(page.get_by_text("Action recorded.")).to_be_visible()
            page.get_by_role("button", name="Add to the influence log").click()
            expect(page.get_by_text("Added to the influence log.")).to_be_visible()
            expect(page.get_by_role("link", name=re.compile("^Logged:"))).to_be_visible()
            axe_check(page)
        _shot(page, f"events-actions-{suffix}")

    action = Action.objects.get(event=forum)
    assert action.influence_activity == InfluenceActivity.objects.get()
