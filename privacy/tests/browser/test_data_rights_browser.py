"""People's data rights in a real browser, at desktop and phone widths: a member downloads
their data and asks for erasure, staff refuse a wrong confirmation then erase them. axe-core
checks every page on the way."""

import re
import zipfile

import pytest
from playwright.sync_api import expect

from consultations.tests.factories import AnswerFactory
from core.models import User
from core.tests.browser_support import axe_check, log_in
from core.tests.factories import StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_download_ask_and_staff_erase(page, phone_page, live_server, tmp_path):
    member = AnswerFactory().contribution.author
    staff = StaffFactory()

    log_in(phone_page, live_server.url, member.email)
    phone_page.goto(f"{live_server.url}/account/data/")
    axe_check(phone_page)
    with phone_page.expect_download() as download:
        phone_page.get_by_role("link", name="Download my data (ZIP)").click()
    saved = tmp_path / "mine.zip"
    download.value.save_as(saved)
    assert "data.json" in zipfile.ZipFile(saved).namelist()
    phone_page.get_by_role("button", name="Ask for my data to be erased").click()
    expect(phone_page.get_by_text("Your request is with the alliance's staff")).to_be_visible()
    axe_check(phone_page)
    phone_page.goto(f"{live_server.url}/account/data/retention/")
    axe_check(phone_page)

    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/account/data/requests/")
    axe_check(page)
    page.get_by_role("link", name=re.compile(r"^Request \d+: erase their data$")).click()
    axe_check(page)
    page.get_by_label("Type their email address to confirm").fill("wrong@example.org")
    page.get_by_role("button", name="Erase their data").click()
    expect(page.get_by_text("Type the person's email address exactly")).to_have_count(2)
    axe_check(page)
    page.get_by_label("Type their email address to confirm").fill(member.email)
    page.get_by_role("button", name="Erase their data").click()
    expect(page.get_by_text(re.compile(r"Erased everywhere: \d+ records"))).to_be_visible()
    assert not User.objects.get(pk=member.pk).is_active
