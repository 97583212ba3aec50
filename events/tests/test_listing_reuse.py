"""The events list counts its facets again only when something it counts has changed: the
database raises the listing's version (triggers) for events, their networks and topics,
however they are written, and not for anything else (a registration taking a place, a
session, the cache). Committed writes are the point, so these tests commit."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from events.models import Event, ListingVersion
from events.services import listing
from events.services.registration import Applicant, register
from events.tests.factories import EventFactory
from members.tests.factories import NetworkFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def version_row():
    # A transactional test before this one may have emptied the table the migration filled.
    ListingVersion.objects.update_or_create(pk=1, defaults={"version": 0})


def _version() -> int:
    return ListingVersion.objects.get(pk=1).version


def test_the_version_moves_with_what_the_list_counts_and_only_that(committed_terms):
    event = EventFactory()
    moved = _version()
    assert moved > 0
    register(event, Applicant("Ann", "ann@example.org"))  # places_taken changes
    Event.objects.filter(pk=event.pk).update(reminder_sent_at=timezone.now())
    cache.set("unrelated", 1)
    assert _version() == moved

    for change in (
        lambda: Event.objects.filter(pk=event.pk).update(status="cancelled"),
        lambda: event.networks.add(NetworkFactory()),
        lambda: event.topics.add(Term.objects.first()),
        lambda: event.topics.clear(),
        lambda: Event.objects.bulk_create([EventFactory.build(slug="bulk", venue=None)]),
        lambda: connection.cursor().execute(
            "UPDATE events_event SET starts_at = starts_at WHERE id = %s", [event.pk]
        ),
        lambda: Event.objects.filter(slug="bulk").delete(),
    ):
        before = _version()
        change()
        assert _version() > before


def test_visitors_list_is_counted_again_only_after_an_events_change(monkeypatch):
    EventFactory()
    counted = []
    real_counts = listing._counts
    monkeypatch.setattr(listing, "_counts", lambda *a: counted.append(1) or real_counts(*a))
    now = timezone.now().replace(second=0, microsecond=0)
    visitor = AnonymousUser()

    listing.event_listing(visitor, {}, now=now)
    cache.set("a commit of something else", 1)
    register(Event.objects.get(), Applicant("Ann", "ann@example.org"))
    page = listing.event_listing(visitor, {}, now=now)
    assert len(counted) == 1 and page.page.paginator.count == 1
    EventFactory()
    page = listing.event_listing(visitor, {}, now=now)
    assert len(counted) == 2 and page.page.paginator.count == 2
