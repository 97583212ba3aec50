"""The month facet counts events in the UK month they start in, also just after midnight in
summer time (still the previous day in UTC), and the month filter agrees with it."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import AnonymousUser

from events.services import listing
from events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


def _event_at(*moment):
    starts = datetime.datetime(*moment, tzinfo=LONDON)
    return EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=1))


def test_months_are_uk_months_across_the_clock_change():
    _event_at(2031, 6, 1, 0, 30)  # 23:30 UTC on 31 May
    _event_at(2031, 5, 31, 23, 30)
    _event_at(2031, 11, 1, 0, 30)  # after the clocks went back: 00:30 UTC
    now = datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC)
    result = listing.event_listing(AnonymousUser(), {}, now=now)
    months = {option["label"]: option["count"] for option in _facet(result, "month").options}
    assert months == {"May 2031": 1, "Jun 2031": 1, "Nov 2031": 1}
    june = listing.event_listing(AnonymousUser(), {"month": "2031-06"}, now=now)
    assert [e.starts_at.astimezone(LONDON).day for e in june.page.object_list] == [1]


def _facet(result, name):
    return next(facet for facet in result.facets if facet.name == name)
