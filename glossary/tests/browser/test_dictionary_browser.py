"""A visitor looks up ROTL in the dictionary and moves on to a related term by keyboard."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check
from glossary.tests.dictionary_support import load_shipped_dictionary

pytestmark = [
    pytest.mark.browser,
    # The live server reads what the test writes, so each test commits for real.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def dictionary(committed_terms):
    """Each browser test starts from an emptied database; load the shipped dictionary."""
    load_shipped_dictionary()


def test_visitor_searches_for_an_acronym_and_follows_a_related_term_by_keyboard(page, live_server):
    page.goto(f"{live_server.url}/dictionary/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Criminal justice dictionary")
    letters = page.get_by_role("navigation", name="Letters")
    expect(letters.get_by_role("link", name="R", exact=True)).to_be_visible()
    axe_check(page)

    page.get_by_label("Search for a word or acronym").fill("ROTL")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"/dictionary/\?q=ROTL$"))
    results = page.locator(".results-list")
    first = results.get_by_role("link").first
    expect(first).to_have_text("Release on temporary licence")
    axe_check(page)

    first.click()
    expect(page).to_have_url(re.compile(r"/dictionary/release-on-temporary-licence/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Release on temporary licence")
    expect(page.locator("main")).to_contain_text("ROTL stands for Release on temporary licence")
    axe_check(page)

    related = page.get_by_role("region", name="Related terms")
    target = related.get_by_role("link", name="Open prison")
    # Tab through the page until the related term has focus, as a keyboard user would.
    for _ in range(60):
        page.keyboard.press("Tab")
        if target.evaluate("link => link === document.activeElement"):
            break
    expect(target).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/dictionary/open-prison/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Open prison")
    axe_check(page)
