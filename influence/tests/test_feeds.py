"""RSS and Atom feeds of status changes: valid XML, published recommendations only."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from influence.models import Status
from influence.tests.factories import RecommendationFactory, TargetBodyFactory, add_entry

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def parse(content: bytes):
    """Parse as a strict XML parser would: a feed that is not well-formed fails."""
    return ET.fromstring(content)  # noqa: S314  our own output, not untrusted input


@pytest.fixture
def changes():
    moj = TargetBodyFactory(name="Ministry of Justice", slug="moj")
    shown = RecommendationFactory(title="Homes & hope <b>now</b>", targets=[moj], published=True)
    add_entry(shown, moj, Status.RAISED, datetime.date(2024, 1, 1), note="Letter sent.")
    newer = add_entry(shown, moj, Status.ACCEPTED, datetime.date(2024, 6, 1), note="Accepted!")
    add_entry(
        shown,
        moj,
        Status.IMPLEMENTED,
        datetime.date(2024, 6, 1),
        note="Mistake",
        corrected_by=newer,
    )
    hidden = RecommendationFactory(title="Draft only", targets=[moj])
    add_entry(hidden, moj, Status.RAISED, datetime.date(2025, 1, 1))
    return shown


def test_rss_lists_status_changes_newest_first(client, changes):
    response = client.get(reverse("influence:feed_rss"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse(response.content).find("channel")
    items = channel.findall("item")
    titles = [item.findtext("title") for item in items]
    assert titles == [
        "Homes & hope <b>now</b>: Accepted in principle (Ministry of Justice)",
        "Homes & hope <b>now</b>: Raised with the target (Ministry of Justice)",
    ]
    assert items[0].findtext("description") == "Accepted!"
    assert (
        items[0]
        .findtext("link")
        .endswith(
            f"{changes.get_absolute_url()}#entry-{changes.status_changes.get(status='accepted').pk}"
        )
    )
    assert "Draft only" not in response.content.decode()
    assert "Mistake" not in response.content.decode()


def test_atom_is_valid_with_entries(client, changes):
    response = client.get(reverse("influence:feed_atom"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    assert all(entry.findtext(f"{ATOM}id") for entry in entries)
    assert entries[0].findtext(f"{ATOM}updated")


def test_empty_feeds_are_still_valid(client):
    for name in ("influence:feed_rss", "influence:feed_atom"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        parse(response.content)


def test_the_tracker_advertises_its_feeds(client):
    page = client.get(reverse("influence:tracker")).content.decode()
    assert 'type="application/rss+xml"' in page and 'type="application/atom+xml"' in page
