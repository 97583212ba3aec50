"""favicon.ico and robots.txt answer, and every page describes itself for search engines and
link previews."""

import re

import pytest

from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def description(response) -> str:
    return re.search(r'<meta name="description" content="([^"]*)">', response.text).group(1)


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")


def test_robots_txt_keeps_crawlers_out_of_sign_in_and_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /accounts/" in response.text
    assert "Disallow: /admin/" in response.text


def test_every_page_names_its_icon(client):
    assert 'rel="icon"' in client.get("/members/").text


@pytest.mark.parametrize(
    "address, words",
    [
        ("/members/", "Find member organisations"),
        ("/library/", "Reports, briefings"),
        ("/recommendations/", "Every recommendation the alliance has published"),
        ("/dictionary/", "Plain-language meanings"),
    ],
)
def test_a_page_describes_itself_with_its_own_summary(client, address, words):
    assert description(client.get(address)).startswith(words)


def test_a_profile_is_described_by_the_organisation(client):
    organisation = OrganisationFactory(description="Finds homes for people leaving prison.")
    response = client.get(organisation.get_absolute_url())
    assert description(response) == "Finds homes for people leaving prison."
