"""RSS and Atom feeds of the latest published resources, overall and per topic."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from library.models import ResourceStatus
from library.tests.factories import ResourceFactory
from members.tests.factories import OrganisationFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def parse(content: bytes):
    """Parse the feed as a strict XML parser would: a feed that is not well-formed fails."""
    return ET.fromstring(content)  # noqa: S314  our own output, not untrusted input


@pytest.fixture
def resources():
    housing = Term.objects.get(slug="housing")
    newest = ResourceFactory(
        title="Homes & hope <b>now</b>", published_on=datetime.date(2025, 6, 1)
    )
    newest.themes.add(housing)
    newest.author_organisations.add(OrganisationFactory(name="Nacro"))
    older = ResourceFactory(title="Courts explained", published_on=datetime.date(2024, 2, 1))
    older.parts.add(Term.objects.get(slug="courts-and-sentencing"))
    ResourceFactory(title="Draft only", status=ResourceStatus.DRAFT).themes.add(housing)
    return housing


def test_rss_lists_published_resources_newest_first(client, resources):
    response = client.get(reverse("library:feed_rss"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse(response.content)
    titles = [item.findtext("title") for item in root.iter("item")]
    assert titles == ["Homes & hope <b>now</b>", "Courts explained"]
    first = next(root.iter("item"))
    assert first.findtext("link").startswith("http://testserver/library/")
    assert "Housing" in [c.text for c in first.iter("category")]


def test_atom_is_valid_and_has_entries(client, resources):
    response = client.get(reverse("library:feed_atom"))
    assert response["Content-Type"].startswith("application/atom+xml")
    root = parse(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries][0] == "Homes & hope <b>now</b>"
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == "Nacro"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_topic_feeds_only_hold_that_topic(client, resources, kind):
    response = client.get(reverse(f"library:topic_feed_{kind}", args=["housing"]))
    assert response.status_code == 200
    root = parse(response.content)
    text = ET.tostring(root, encoding="unicode")
    assert "Homes &amp; hope" in text
    assert "Courts explained" not in text and "Draft only" not in text


def test_unknown_topic_feed_is_not_found(client, resources):
    assert client.get(reverse("library:topic_feed_rss", args=["no-such-topic"])).status_code == 404


def test_feeds_are_public_for_every_role(client, people, resources):
    for role in ("member", "judge", "staff", "admin"):
        client.force_login(people[role])
        assert client.get(reverse("library:feed_atom")).status_code == 200
