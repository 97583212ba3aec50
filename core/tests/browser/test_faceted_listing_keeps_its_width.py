"""Filtering a faceted listing twice keeps the results column as wide as the page gave it.

The htmx answer used to carry the listing's own wrapper, swapped inside the existing one: the
facets and results then squeezed into one grid cell (a reload looked fine). Checked on each
listing built on core/facets: the member directory, the library, the tracker, the events list
(whose upcoming/past tabs once came back inside the listing) and the opportunities board."""

import datetime
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from events.models import EventFormat, EventKind
from events.tests.factories import EventFactory
from influence.models import Status
from influence.tests.factories import RecommendationFactory, TargetBodyFactory, add_entry
from library import services as library_services
from library.models import ResourceStatus
from library.tests.factories import ResourceFactory
from members.tests.factories import NetworkFactory, OrganisationFactory
from opportunities.models import CheckLevel, Kind
from opportunities.tests.factories import OpportunityFactory
from taxonomy.models import Term

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def members():
    network = NetworkFactory(slug="cjn")
    OrganisationFactory(name="Homes in London", networks=[network], tags=["housing", "london"])
    OrganisationFactory(name="Homes North", networks=[network], tags=["housing", "north-west"])
    OrganisationFactory(name="Equal London", networks=[network], tags=["racial-equality", "london"])
    return "/members/", [("Theme", "Housing"), ("Region", "London")]


def library():
    for title, kind, theme in [
        ("Remand and housing", "report", "housing"),
        ("A briefing on homes", "briefing", "housing"),
        ("Remand and mental health", "report", "mental-health-and-neurodiversity"),
    ]:
        resource = ResourceFactory(
            title=title,
            kind=kind,
            body="Children held on remand spend weeks away from home.",
            status=ResourceStatus.PUBLISHED,
            published_on=datetime.date(2025, 3, 1),
        )
        resource.themes.set(Term.objects.filter(slug=theme))
        library_services.announce_change(resource)
    return "/library/", [("Kind", "Report"), ("Theme", "Housing")]


def recommendations():
    moj = TargetBodyFactory(name="Ministry of Justice", slug="ministry-of-justice")
    home = TargetBodyFactory(name="Home Office", slug="home-office")
    for title, target, status in [
        ("End short prison sentences", moj, Status.CONSIDERING),
        ("Reform criminal records", moj, Status.RAISED),
        ("Move drug policy to health", home, Status.RAISED),
    ]:
        recommendation = RecommendationFactory(title=title, targets=[target], published=True)
        add_entry(recommendation, target, status, datetime.date(2024, 1, 15))
    return "/recommendations/", [("Asked of", "Ministry of Justice"), ("Current status", None)]


def events():
    for kind, event_format in [
        (EventKind.WEBINAR, EventFormat.ONLINE),
        (EventKind.WEBINAR, EventFormat.IN_PERSON),
        (EventKind.TRAINING, EventFormat.ONLINE),
    ]:
        EventFactory(kind=kind, format=event_format)
    return "/events/", [("Kind of event", "Webinar"), ("Online or in person", "Online")]


def opportunities():
    for kind, check in [
        (Kind.JOB, CheckLevel.BASIC),
        (Kind.JOB, CheckLevel.NONE),
        (Kind.VOLUNTEERING, CheckLevel.BASIC),
    ]:
        OpportunityFactory(kind=kind, check_level=check)
    return "/opportunities/", [("Kind of opportunity", None), ("Criminal record check", None)]


def choose(page, facet_label, option):
    """Click `option` of the facet (or its first linked option), unfolding it if folded.
    A facet swapped in by the previous filter's answer may arrive folded again between the
    unfolding and the click, so both are tried again on a fresh element a few times."""
    for attempt in range(3):
        page.wait_for_function("() => !document.querySelector('.htmx-request')")
        nav = page.get_by_role("navigation", name=facet_label, exact=True)
        if not nav.locator("details").evaluate("details => details.open"):
            nav.locator("summary").click()
        links = nav.get_by_role("link")
        wanted = links.filter(has_text=re.compile(f"^{re.escape(option)}")) if option else links
        try:
            wanted.first.click(timeout=3000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def widths(page):
    return page.evaluate(
        """() => {
            const section = document.querySelector('section[aria-labelledby="results-heading"]');
            return {main: document.querySelector('main').clientWidth,
                    results: section.getBoundingClientRect().width,
                    wrappers: document.querySelectorAll('.directory').length};
        }"""
    )


@pytest.mark.parametrize("listing", [members, library, recommendations, events, opportunities])
def test_filtering_twice_keeps_the_results_column_wide(page, live_server, listing):
    address, filters = listing()
    page.goto(live_server.url + address)
    before = widths(page)
    assert before["wrappers"] == 1
    page.evaluate("() => { window.sameDocument = true; }")

    for label, option in filters:
        heading = page.locator("#results-heading").inner_text()
        choose(page, label, option)
        expect(page.locator("#results-heading")).not_to_have_text(heading)
        expect(page.locator(".loading").first).to_be_hidden()

    after = widths(page)
    assert page.evaluate("() => window.sameDocument === true"), "htmx should swap the results"
    assert after["wrappers"] == 1, "the answer nested a second listing wrapper"
    assert abs(after["results"] - before["results"]) < 2, (before, after)
    # The facets sit beside the results at 1280 px: the results take most of the width.
    assert after["results"] > before["main"] * 0.6
