"""Long multiple choices are searchable pickers: staff type part of a name, choose it, see it
listed with a Remove button, and the form saves exactly what was chosen."""

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check, log_in
from core.tests.factories import StaffFactory
from library.models import Resource
from members.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_resource(page):
    page.get_by_label("Title").fill("Homes on the first night")
    page.get_by_label("Kind").select_option("report")
    page.get_by_label("Status").select_option("published")
    page.get_by_label("Summary").fill("Why a home on the day of release matters.")
    page.get_by_label("Body").fill("A home on the first night matters most.")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_choosing_author_organisations_by_typing(page, phone_page, live_server, viewport):
    page = phone_page if viewport == "phone" else page
    for name in ("Open Doors Housing", "Open Gate Trust", "Unlock", "Clinks"):
        OrganisationFactory(name=name)
    staff = StaffFactory()
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/library/new/")
    fill_resource(page)

    search = page.get_by_role("combobox", name="Authors: organisations")
    search.fill("open")
    menu = page.locator("#id_author_organisations-search__listbox")
    expect(menu.get_by_role("option")).to_have_count(2)
    menu.get_by_role("option", name="Open Gate Trust").click()
    expect(page.locator("#id_author_organisations-chosen-heading")).to_have_text(
        "Authors: organisations: 1 chosen"
    )
    search = page.get_by_role("combobox", name="Authors: organisations")
    expect(search).to_be_focused()  # a fresh, empty box for the next choice
    expect(search).to_have_value("")
    search.fill("unl")
    expect(menu.get_by_role("option", name="Unlock")).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#id_author_organisations-chosen-heading")).to_have_text(
        "Authors: organisations: 2 chosen"
    )
    page.get_by_role("button", name="Remove Open Gate Trust").click()
    expect(page.locator("#id_author_organisations-chosen-heading")).to_have_text(
        "Authors: organisations: 1 chosen"
    )
    chosen = page.get_by_role("list", name="Authors: organisations: 1 chosen")
    expect(chosen.get_by_role("listitem")).to_have_text(["Unlock Remove Unlock"])
    axe_check(page)
    page.get_by_role("button", name="Add the resource").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Homes on the first night")
    resource = Resource.objects.get()
    assert [o.name for o in resource.author_organisations.all()] == ["Unlock"]


def test_without_javascript_the_picker_is_a_plain_select(client):
    client.force_login(StaffFactory())
    page = client.get("/library/new/").content.decode()
    assert '<select name="author_organisations"' in page
    assert "data-picker" in page and "multiple" in page
    assert "Hold Ctrl (or ⌘) to choose more than one." in page
