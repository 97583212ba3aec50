"""The media monitor in a real browser: staff compare two periods on the dashboard, then open
an article and read why a word was flagged. axe-core checks every page."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check, log_in
from core.tests.factories import StaffFactory
from glossary.models import GuideEntry, GuideVersion, OfficialName
from glossary.services.guide import load_guide_data
from media.analysis.runs import Analyser, reanalyse
from media.models import MonthlyFigure
from media.tests.factories import ArticleFactory, CollectionFactory, OutletFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def monitor():
    # An earlier test that committed leaves the database emptied of the shipped language guide.
    load_guide_data(GuideVersion, GuideEntry, OfficialName)
    national = CollectionFactory(name="UK national press", slug="national")
    clarion = OutletFactory(name="The Daily Clarion", slug="daily-clarion", collections=[national])
    for year, labelled in ((2024, 7), (2025, 2)):
        for month in (1, 2, 3):
            MonthlyFigure.objects.create(
                outlet=clarion,
                month=datetime.date(year, month, 1),
                include_syndicated=False,
                articles=10,
                words=6000,
                articles_with_label=labelled,
                labels=labelled + 1,
                articles_people_first=10 - labelled,
                articles_thematic=3,
                articles_lived_experience=1,
                voices={"police_official": 5, "lived_experience": 1},
                score_total=500.0,
            )
    article = ArticleFactory(
        outlet=clarion,
        title="Offender jailed after court hears of attack",
        text="The offender was jailed on Friday. Police said the case was closed.",
    )
    reanalyse([article], Analyser(keep_full_text=True))
    return {"article": article, "staff": StaffFactory(email="press@alliance.example")}


def test_staff_compare_two_periods_then_read_an_articles_explanation(page, live_server, monitor):
    log_in(page, live_server.url, "press@alliance.example")
    page.goto(f"{live_server.url}/media/?start=2025-01&end=2025-03")
    expect(page.locator("#summary-heading")).to_contain_text("Jan 2025 to Mar 2025")
    axe_check(page)

    page.get_by_text("More options").click()  # comparisons wait behind it
    page.get_by_label("Compare with").select_option("period")
    page.get_by_label("Other period from (month)").fill("2024-01")
    page.get_by_label("Other period to (month)").fill("2024-03")
    page.get_by_role("button", name="Show").click()
    table = page.locator("#comparison-table")
    expect(table).to_be_visible()
    expect(table).to_contain_text("Jan 2024 to Mar 2024")
    row = table.get_by_role("row", name=re.compile("Articles using a stigmatising label"))
    expect(row).to_contain_text("20%")
    expect(row).to_contain_text("70%")
    expect(page).to_have_url(re.compile(r"compare=period"))
    expect(page.locator("svg#comparison")).to_be_visible()
    axe_check(page)

    page.goto(f"{live_server.url}/media/articles/")
    page.get_by_role("link", name="Offender jailed after court hears of attack").click()
    mark = page.locator("h1 mark.finding").first
    expect(mark).to_have_text("Offender")
    page.locator("h1 .finding-ref a").first.click()
    finding = page.locator("#finding-1")
    expect(finding).to_contain_text("Stigmatising label")
    expect(finding.get_by_role("link", name=re.compile("language guide"))).to_have_attribute(
        "href", re.compile(r"/dictionary/language-guide/#entry-offender")
    )
    axe_check(page)
