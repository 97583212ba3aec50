"""Recurring series by an RFC 5545 rule: draft occurrences with their own pages, at the same
UK time across the clock change; bad or endless rules are refused and change nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import StaffFactory
from events.models import Event, EventStatus
from events.services.series import make_series
from events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def _local(year, month, day, hour):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def test_monthly_series_keeps_uk_time_across_the_clock_change():
    first = EventFactory(
        starts_at=_local(2030, 2, 5, 10), ends_at=_local(2030, 2, 5, 12), title="Forum"
    )
    made = make_series(None, first, "FREQ=MONTHLY;BYDAY=1TU;COUNT=4")
    assert len(made) == 3  # the first event is the first of the four
    for occurrence in made:
        local = timezone.localtime(occurrence.starts_at)
        assert (local.hour, local.weekday()) == (10, 1) and local.day <= 7
        assert occurrence.status == EventStatus.DRAFT and occurrence.series == first
        assert occurrence.ends_at - occurrence.starts_at == datetime.timedelta(hours=2)
    april = timezone.localtime(made[1].starts_at)
    assert april.utcoffset() == datetime.timedelta(hours=1)  # British Summer Time
    first.refresh_from_db()
    assert first.recurrence == "FREQ=MONTHLY;BYDAY=1TU;COUNT=4"


@pytest.mark.parametrize(
    "rule, message",
    [
        ("FREQ=WEEKLY", "end"),
        ("FREQ=FORTNIGHTLY;COUNT=3", "could not be read"),
        ("FREQ=DAILY;COUNT=400", "at most"),
    ],
)
def test_bad_rules_are_refused_and_change_nothing(client, rule, message):
    first = EventFactory()
    client.force_login(StaffFactory())
    page = client.post(reverse("events:staff_series", args=[first.slug]), {"rule": rule})
    assert message in page.text
    assert Event.objects.count() == 1


def test_staff_make_a_series_from_the_page(client):
    first = EventFactory(title="Quarterly forum")
    client.force_login(StaffFactory())
    url = reverse("events:staff_series", args=[first.slug])
    client.post(url, {"rule": "FREQ=MONTHLY;INTERVAL=3;COUNT=4"})
    assert first.occurrences.count() == 3
    assert client.get(url).text.count("Quarterly forum") >= 4


def test_an_occurrence_page_says_it_is_one_of_a_series(client):
    first = EventFactory(title="Monthly webinar")
    occurrence = make_series(None, first, "FREQ=MONTHLY;COUNT=2")[0]
    occurrence.status = EventStatus.PUBLISHED
    occurrence.save()
    page = client.get(occurrence.get_absolute_url()).text
    assert "One of a series" in page and first.get_absolute_url() in page
