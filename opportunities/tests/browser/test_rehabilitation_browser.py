"""The rehabilitation-period explainer in a real browser, on a wide screen and a phone: a visitor
comes from the check explainer, sends the form empty and is told what to fix, then works out an
answer. axe-core checks each state; screenshots go to test-artifacts/ for people to look at."""

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import DESKTOP, PHONE, artifact_path, axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_a_visitor_works_out_when_a_sentence_is_spent(new_page, live_server, width):
    page = new_page(PHONE if width == 390 else DESKTOP)
    page.goto(f"{live_server.url}/opportunities/checks/")
    page.get_by_role("link", name="Work out when a conviction or caution becomes spent").click()
    expect(page.get_by_role("heading", name="When does a conviction become spent?")).to_be_visible()
    expect(page.get_by_text("This is guidance, not legal advice")).to_be_visible()
    axe_check(page)
    page.screenshot(path=artifact_path(f"rehabilitation-{width}"), full_page=True)

    page.get_by_role("button", name="Work it out").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    axe_check(page)
    page.screenshot(path=artifact_path(f"rehabilitation-error-{width}"), full_page=False)

    page.get_by_label("What did you get?").select_option("custody")
    page.get_by_label("Your age on the date of conviction").fill("17")
    page.get_by_label("Number").fill("6")
    page.get_by_label("Days, weeks, months or years").select_option("years")
    page.get_by_label("No", exact=True).check()
    page.get_by_label("End date").fill("2020-01-10")
    page.get_by_role("button", name="Work it out").click()
    answer = page.get_by_role("region", name="Your answer: Spent")
    expect(answer).to_contain_text("This became spent on 10 July 2023.")
    expect(answer).to_contain_text("under 18")
    axe_check(page)
    page.screenshot(path=artifact_path(f"rehabilitation-answer-{width}"), full_page=True)
