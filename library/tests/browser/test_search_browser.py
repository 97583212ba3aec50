"""A visitor searches the library, narrows with two facets, opens a resource and follows a
dictionary term in it by keyboard."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check
from glossary.tests.dictionary_support import load_shipped_dictionary
from library.models import Resource, ResourceStatus
from library.signals import resource_changed
from library.tests.factories import ResourceFactory
from taxonomy.models import Term

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = "## What we found\n\nChildren held on remand spend weeks away from home."


def publish(title, kind, theme):
    resource = ResourceFactory(
        title=title,
        kind=kind,
        body=BODY,
        status=ResourceStatus.PUBLISHED,
        published_on=date(2025, 3, 1),
    )
    resource.themes.set(Term.objects.filter(slug=theme))
    resource_changed.send(sender=Resource, resource=resource)
    return resource


@pytest.fixture(autouse=True)
def library(committed_terms):
    load_shipped_dictionary()
    publish("Remand and housing for children", "report", "housing")
    publish("A briefing on remand and homes", "briefing", "housing")
    publish("Remand and mental health", "report", "mental-health-and-neurodiversity")


def test_visitor_searches_narrows_opens_and_follows_a_term_by_keyboard(page, live_server):
    page.goto(f"{live_server.url}/library/")
    page.get_by_label("Search the library").fill("remand")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile(r"^3 resources"))).to_be_visible()
    axe_check(page)

    page.get_by_role("navigation", name="Kind").get_by_role("link", name="Report").click()
    expect(page.get_by_role("heading", name=re.compile(r"^2 resources"))).to_be_visible()
    themes = page.get_by_role("navigation", name="Theme")
    themes.locator("summary").click()
    themes.get_by_role("link", name="Housing").click()
    expect(page.get_by_role("heading", name=re.compile(r"^1 resource"))).to_be_visible()
    assert "kind=report" in page.url and "theme=housing" in page.url
    axe_check(page)

    page.get_by_role("link", name="Remand and housing for children").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remand and housing for children")
    axe_check(page)

    term = page.locator(".resource-body a.term-link").first
    term.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/dictionary/remand/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Remand")
    axe_check(page)
