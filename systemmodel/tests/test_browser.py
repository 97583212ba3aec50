"""The model in a real browser: change a lever and see the chart and table change (htmx),
compare two saved scenarios, with axe-core on every page."""

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check
from systemmodel.tests.factories import ScenarioFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _first_year_prison(page) -> str:
    section = page.locator("#result-prison_population")
    section.get_by_text("People in prison as a table").click()
    return section.locator("tbody tr").first.locator("td").first.inner_text()


def test_changing_a_lever_updates_the_chart_and_table(page, live_server):
    page.goto(f"{live_server.url}/model/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("whole justice system")
    axe_check(page)
    before_table = _first_year_prison(page)
    before_chart = page.locator("#fan-prison_population").inner_html()

    page.get_by_label("Release point of standard sentences (share of sentence)").fill("0.4")
    page.get_by_label("Release point of standard sentences (share of sentence)").blur()
    page.wait_for_function(
        "before => document.querySelector('#fan-prison_population').innerHTML !== before",
        arg=before_chart,
        timeout=30_000,
    )
    after_table = _first_year_prison(page)
    assert after_table != before_table
    assert "fewer people in prison" in page.locator(".effects").inner_text()
    axe_check(page)


def test_compare_two_scenarios(page, live_server):
    ScenarioFactory(
        title="Presumption under 6 months", slug="p6", levers={"short_sentence_presumption": 6}
    )
    ScenarioFactory(title="More diversion", slug="div", levers={"diversion": 0.3})
    page.goto(f"{live_server.url}/model/scenarios/")
    axe_check(page)
    page.get_by_label("Presumption under 6 months").check()
    page.get_by_label("More diversion").check()
    page.get_by_role("button", name="Compare").click()
    table = page.locator("#compare-prison_population table")
    expect(table).to_contain_text("Presumption under 6 months")
    expect(table).to_contain_text("More diversion")
    expect(table).to_contain_text("Today's practice")
    axe_check(page)


@pytest.mark.parametrize("width", [1280, 390])
def test_how_it_works_passes_axe_and_fits_a_phone(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/model/how-it-works/")
    expect(page.get_by_role("region", name="Numbers the model uses: Police")).to_be_visible()
    # Wide tables scroll inside their own region; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    axe_check(page)
