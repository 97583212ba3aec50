"""Public pages are rendered once per committed change and reused for visitors.

These tests commit for real: reuse is switched off inside a transaction.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.tests.factories import StaffFactory
from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def network(committed_terms):
    network = NetworkFactory(slug="jn")
    OrganisationFactory(name="Homes First", networks=[network], tags=["housing"])
    return network


# PostgreSQL's snapshot (core.freshness) moves with a commit anywhere in the cluster, so no
# other test process may commit between the two requests.
@pytest.mark.alone
def test_a_second_visitor_gets_the_page_without_it_being_rendered_again(client, network):
    first = client.get("/members/?theme=housing")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/members/?theme=housing")
    assert second.content == first.content
    assert len(queries) == 1  # only the "has anything been committed?" check
    assert second["Content-Security-Policy"]  # security headers still apply


def test_a_committed_change_shows_on_the_next_visit(client, network):
    assert b"Court Watch" not in client.get("/members/").content
    OrganisationFactory(name="Court Watch", networks=[network])
    assert b"Court Watch" in client.get("/members/").content


def test_htmx_partials_and_full_pages_are_kept_apart(client, network):
    full = client.get("/members/")
    partial = client.get("/members/", headers={"HX-Request": "true"})
    assert b"<html" in full.content
    assert b"<html" not in partial.content


def test_signed_in_people_always_get_their_own_page(client, network):
    client.get("/members/")  # a visitor's page is now kept
    client.force_login(StaffFactory())
    response = client.get("/members/")
    assert b"Download these organisations as CSV" in response.content


def test_visitor_pages_set_no_cookies(client, network):
    response = client.get("/members/")
    assert not response.cookies


def test_missing_pages_are_not_kept(client, network):
    assert client.get("/members/no-such-organisation/").status_code == 404
    OrganisationFactory(
        name="No Such Organisation", slug="no-such-organisation", networks=[network]
    )
    assert client.get("/members/no-such-organisation/").status_code == 200
