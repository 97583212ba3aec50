"""The coverage map draws England's nine regions and Wales as linked, labelled tiles."""

import re

import pytest
from django.urls import reverse

from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members():
    network = NetworkFactory(slug="justice-network")
    for _ in range(4):
        OrganisationFactory(networks=[network], tags=["london"])
    OrganisationFactory(networks=[network], tags=["wales", "north-east"])
    OrganisationFactory(networks=[network], tags=["national"])
    return network


def _tiles(html: str) -> list[str]:
    svg = html[html.index('<figure class="tile-map">') : html.index("</figure>")]
    return re.findall(r'<a href="([^"]+)"[^>]*>\s*<title>([^<]+)</title>', svg)


def test_each_region_and_wales_is_a_tile_that_links_to_the_filtered_directory(client, members):
    html = client.get(reverse("members:coverage")).content.decode()
    tiles = {label.split(":")[0]: href for href, label in _tiles(html)}
    assert len(tiles) == 10
    assert "Wales" in tiles and "London" in tiles and "National (England and Wales)" not in tiles
    assert tiles["London"] == reverse("members:directory") + "?region=london"


def test_tiles_say_their_count_and_thinness_in_words(client, members):
    html = client.get(reverse("members:coverage")).content.decode()
    labels = [label for _href, label in _tiles(html)]
    assert "London: 4 organisations" in labels
    assert "Wales: 1 organisation, thin" in labels
    assert "North West: 0 organisations, thin" in labels


def test_the_table_beside_the_map_lists_every_place(client, members):
    html = client.get(reverse("members:coverage")).content.decode()
    assert "Number of member organisations serving each region" in html
    assert "National (England and Wales)" in html


def test_tiles_keep_the_chosen_network(client, members):
    html = client.get(reverse("members:coverage"), {"network": "justice-network"}).content.decode()
    hrefs = [href for href, _label in _tiles(html)]
    assert all(href.endswith("&amp;network=justice-network") for href in hrefs)
