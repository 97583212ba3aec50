"""A visitor checks a paragraph and sees each finding marked, explained and summarised."""

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check
from glossary.services import guide_cache
from glossary.services.guide import load_initial_guide

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PARAGRAPH = (
    "Inmates at the Young Offender Institution told inspectors they felt forgotten.\n"
    "One officer said “it is no holiday camp”, while a local paper called the boys thugs."
)


@pytest.fixture(autouse=True)
def language_guide(transactional_db):
    """Each browser test empties the database, so the shipped guide is loaded again."""
    load_initial_guide()
    yield
    guide_cache.invalidate()


def test_a_visitor_checks_a_paragraph(page, live_server):
    page.goto(f"{live_server.url}/dictionary/check/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Language checker")
    axe_check(page)

    page.get_by_label("Text to check").fill(PARAGRAPH)
    page.get_by_role("button", name="Check the text").click()

    expect(page.get_by_role("heading", name="Summary")).to_be_visible()
    marks = page.locator("mark.finding")
    expect(page.locator("mark.kind-stigmatising")).to_have_text(["Inmates", "thugs"])
    expect(page.locator("mark.kind-official_name")).to_have_text(["Young Offender Institution"])
    expect(page.locator("mark.kind-quotation")).to_have_text(["holiday camp"])
    assert marks.count() >= 4

    findings = page.locator(".findings-list > li")
    first = findings.first
    expect(first).to_contain_text("Stigmatising wording")
    expect(first).to_contain_text("person in prison")
    expect(first).to_contain_text("Why:")

    summary = page.get_by_role("table", name="Findings by kind")
    expect(summary.get_by_role("row", name="Stigmatising wording")).to_contain_text("2")
    page.get_by_role("link", name="Finding 1").first.click()
    expect(page).to_have_url(f"{live_server.url}/dictionary/check/#finding-1")
    axe_check(page)


def test_use_with_care_and_discussed_words_read_differently(page, live_server):
    page.goto(f"{live_server.url}/dictionary/check/")
    page.get_by_label("Text to check").fill(
        "We avoid terms such as inmate. 'Lags,' he said, but the prisoners' families disagreed."
    )
    page.get_by_role("button", name="Check the text").click()
    expect(page.locator("mark.severity-care")).to_have_text(["prisoners'"])
    expect(page.locator("mark.kind-discussed")).to_have_text(["inmate"])
    expect(page.locator("mark.kind-quotation")).to_have_text(["Lags"])
    findings = page.locator(".findings-list > li")
    expect(findings.nth(0)).to_contain_text("a word discussed, not used")
    expect(findings.nth(2)).to_contain_text("Use with care")
    summary = page.get_by_role("table", name="Findings by kind")
    expect(summary.get_by_role("row", name="Use with care")).to_contain_text("1")
    expect(summary).not_to_contain_text("Per 1,000 words")
    axe_check(page)
