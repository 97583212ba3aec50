"""Staff approve listings, or refuse them with a reason the poster is emailed."""

import pytest
from django.core import mail

from core.tests.factories import StaffFactory, UserFactory
from opportunities.models import Status
from opportunities.tests.factories import OpportunityFactory, in_days

pytestmark = pytest.mark.django_db(transaction=True)


def _decide(client, listing, **data):
    return client.post(f"/opportunities/staff/{listing.slug}/decide/", data, secure=True)


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def test_approving_puts_it_on_the_board_and_tells_the_poster(staff_client):
    poster = UserFactory(email="poster@example.org")
    listing = OpportunityFactory(status=Status.PENDING, published_at=None, posted_by=poster)
    assert listing.title not in staff_client.get("/opportunities/", secure=True).content.decode()
    _decide(staff_client, listing, decision="approve")
    listing.refresh_from_db()
    assert listing.status == Status.APPROVED and listing.published_at
    assert listing.title in staff_client.get("/opportunities/", secure=True).content.decode()
    assert [m.to for m in mail.outbox] == [["poster@example.org"]]
    assert listing.get_absolute_url() in mail.outbox[0].body


def test_refusing_needs_a_reason_and_the_poster_reads_it(staff_client):
    poster = UserFactory(email="poster@example.org")
    listing = OpportunityFactory(status=Status.PENDING, published_at=None, posted_by=poster)
    _decide(staff_client, listing, decision="refuse", reason="  ")
    listing.refresh_from_db()
    assert listing.status == Status.PENDING and not mail.outbox
    _decide(staff_client, listing, decision="refuse", reason="Give the pay as a range.")
    listing.refresh_from_db()
    assert listing.status == Status.REFUSED
    assert "Give the pay as a range." in mail.outbox[0].body
    staff_client.force_login(poster)
    mine = staff_client.get("/opportunities/mine/", secure=True).content.decode()
    assert "Give the pay as a range." in mine


def test_a_listing_whose_closing_date_passed_in_the_queue_cannot_be_approved(staff_client):
    listing = OpportunityFactory(status=Status.PENDING, closes_on=in_days(-1))
    response = _decide(staff_client, listing, decision="approve")
    listing.refresh_from_db()
    assert listing.status == Status.PENDING
    assert "closing date has passed" in staff_client.get(response.url, secure=True).content.decode()


def test_a_decided_listing_is_not_decided_twice(staff_client):
    listing = OpportunityFactory(status=Status.APPROVED)
    _decide(staff_client, listing, decision="refuse", reason="No.")
    listing.refresh_from_db()
    assert listing.status == Status.APPROVED and not mail.outbox


def test_a_member_contact_cannot_approve(client):
    member = UserFactory()
    client.force_login(member)
    listing = OpportunityFactory(status=Status.PENDING, posted_by=member)
    assert _decide(client, listing, decision="approve").status_code == 403
    listing.refresh_from_db()
    assert listing.status == Status.PENDING
