"""Staff upload a file in a real browser, read its batch and problems, and check the feeds;
axe-core checks every page."""

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check, log_in
from core.tests.factories import StaffFactory
from media.tests.factories import FILES, FeedFactory, OutletFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"


def test_staff_upload_a_file_and_read_what_could_not_be_ingested(page, live_server):
    desk = OutletFactory(
        name="Northern Desk", slug="northern-desk", domains="northern-desk.example"
    )
    FeedFactory(outlet=desk, last_error="The server answered 500.", consecutive_errors=2)
    staff = StaffFactory()
    log_in(page, live_server.url, staff.email)

    page.goto(f"{live_server.url}/media/ingest/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ingest articles")
    axe_check(page)
    page.get_by_label("File").set_input_files(str(FILES / "truncated.jsonl"))
    page.get_by_role("button", name="Import the file").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("truncated.jsonl")
    expect(page.locator("#batch-progress")).to_contain_text("2 new articles")
    problems = page.get_by_role("table")
    expect(problems).to_contain_text("line 3")
    expect(problems).to_contain_text("truncated")
    axe_check(page)

    page.get_by_role("link", name="Feeds", exact=True).click()
    expect(page.get_by_role("table")).to_contain_text("Failing")
    axe_check(page)
