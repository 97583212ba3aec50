"""Typing words into the library's search box ranks by relevance.

The sort menu showed "Newest first" on the unsearched page (where the newest do come first)
and sent it with the typed words, so a search came back by date."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from library.models import ResourceStatus
from library.services import announce_change
from library.tests.factories import ResourceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def publish(title, body, published_on):
    resource = ResourceFactory(
        title=title, body=body, status=ResourceStatus.PUBLISHED, published_on=published_on
    )
    announce_change(resource)


@pytest.fixture(autouse=True)
def library(committed_terms):
    publish(
        "Remand and children",
        "Remand of children: why remand is overused, and what remand costs a family.",
        date(2019, 5, 1),
    )
    publish(
        "Annual review of the alliance",
        "A year of work on courts, prisons, probation, housing, and one note on remand.",
        date(2025, 5, 1),
    )


def test_a_typed_search_comes_back_most_relevant_first(page, live_server):
    page.goto(f"{live_server.url}/library/")
    expect(page.locator("#results-heading")).to_contain_text("2 resources")
    expect(page.get_by_text("Annual review of the alliance")).to_be_visible()

    page.get_by_label("Search the library").fill("remand")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"q=remand"))
    expect(page.locator("#results-heading")).to_contain_text("2 resources")
    order = page.locator("#search-body section a").all_inner_texts()
    assert order.index("Remand and children") < order.index("Annual review of the alliance")
    assert "sort=date" not in page.url
    expect(page.get_by_label("Sort")).to_have_value("relevance")
