"""Staff add a resource with a file in the browser; a visitor reads it and its citation."""

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check, log_in
from core.tests.documents import pdf_with_text
from core.tests.factories import StaffFactory
from library.models import Resource

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_staff_add_a_resource_and_a_visitor_reads_it(page, new_page, live_server, tmp_path):
    staff = StaffFactory(email="sam@example.org", name="Sam Staff")
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/library/new/")
    axe_check(page)
    page.get_by_label("Title").fill("Homes on the first night")
    page.get_by_label("Kind").select_option("report")
    page.get_by_label("Status").select_option("published")
    page.get_by_label("Summary").fill("Why a home on the day of release matters.")
    page.get_by_label("Body").fill("## Findings\n\nA home on the **first night** matters most.")
    pdf = tmp_path / "homes.pdf"
    pdf.write_bytes(pdf_with_text(["A home on the first night"]))
    page.get_by_label("File").set_input_files(str(pdf))
    page.get_by_role("button", name="Add the resource").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Homes on the first night")
    expect(page.locator("#extraction-progress")).to_contain_text("has been read")
    axe_check(page)
    resource = Resource.objects.get()
    assert "first night" in resource.extracted_text

    visitor = new_page()
    visitor.goto(f"{live_server.url}{resource.get_absolute_url()}")
    expect(visitor.locator(".resource-body strong")).to_have_text("first night")
    expect(visitor.locator(".citation")).to_contain_text("(Accessed:")
    expect(visitor.get_by_role("link", name="BibTeX")).to_be_visible()
    axe_check(visitor)
