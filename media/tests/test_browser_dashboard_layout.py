"""The media dashboard at 1280 px: its "parts of the system" are parts only (articles are
tagged with themes too, which used to be listed among them), every table fits beside or
under its chart, and the filters show the few most used with the rest behind "More options"."""

import datetime

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import log_in
from core.tests.factories import StaffFactory
from media.models import MonthlyFigure
from media.tests.factories import OutletFactory
from taxonomy.models import Term

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def figure(outlet, part=None):
    return MonthlyFigure.objects.create(
        outlet=outlet,
        month=datetime.date(2025, 1, 1),
        part=part,
        include_syndicated=False,
        articles=10,
        words=6000,
        articles_with_label=3,
        labels=4,
        articles_people_first=7,
        articles_thematic=3,
        articles_lived_experience=1,
        voices={"police_official": 5, "lived_experience": 1},
        score_total=500.0,
    )


@pytest.fixture
def monitor():
    prisons = Term.objects.get(slug="prisons")
    housing = Term.objects.get(slug="housing")
    for number in range(8):
        outlet = OutletFactory(name=f"The Northern Evening Chronicle and Advertiser {number}")
        figure(outlet)
        figure(outlet, prisons)
        figure(outlet, housing)
    StaffFactory(email="press@alliance.example")


def test_dashboard_lists_only_parts_and_its_tables_fit_at_1280(page, live_server, monitor):
    log_in(page, live_server.url, "press@alliance.example")
    page.goto(f"{live_server.url}/media/?start=2025-01&end=2025-01")

    parts = page.locator("#parts-table")
    expect(parts).to_contain_text("Prisons")
    expect(parts).not_to_contain_text("Housing")

    overflowing = page.evaluate(
        """() => [...document.querySelectorAll('table')]
            .filter(t => t.getBoundingClientRect().right
                         > t.parentElement.getBoundingClientRect().right + 1)
            .map(t => t.id)"""
    )
    assert overflowing == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 1280

    expect(page.locator("#id_part")).to_be_visible()
    expect(page.get_by_label("Compare with")).to_be_hidden()
    page.get_by_text("More options").click()
    expect(page.get_by_label("Compare with")).to_be_visible()
