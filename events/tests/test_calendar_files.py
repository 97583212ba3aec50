"""iCalendar output parsed back by the library: time zones, UIDs, joining links, feeds."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.tests.factories import UserFactory
from events.models import CalendarFeed, EventStatus, Visibility
from events.services.registration import Applicant, register
from events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


def _parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(b"".join(response) if response.streaming else response.content)


def _at(year, month, day, hour):
    return datetime.datetime(year, month, day, hour, tzinfo=LONDON)


@pytest.mark.parametrize(
    "start, utc_hour",
    [(_at(2030, 3, 31, 10), 9), (_at(2030, 1, 15, 10), 10), (_at(2030, 10, 27, 10), 10)],
)
def test_event_file_keeps_london_wall_clock_time_across_clock_changes(client, start, utc_hour):
    event = EventFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    event.refresh_from_db()
    assert event.starts_at.astimezone(datetime.UTC).hour == utc_hour  # stored in UTC
    calendar = _parse(client.get(reverse("events:event_ics", args=[event.slug])))
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    (component,) = calendar.events
    assert component.decoded("DTSTART") == start
    assert component["DTSTART"].params["TZID"] == "Europe/London"
    assert component.decoded("DTSTART").hour == 10
    assert "forum-secret" not in component["DESCRIPTION"]  # not registered: no joining link


def test_feeds_list_public_events_only(client):
    public = EventFactory(title="Open webinar")
    EventFactory(title="Members only", visibility=Visibility.MEMBERS)
    EventFactory(title="Draft", status=EventStatus.DRAFT)
    calendar = _parse(client.get(reverse("events:feed_all")))
    assert [str(e["SUMMARY"]) for e in calendar.events] == ["Open webinar"]
    assert calendar.events[0]["UID"].startswith(f"event-{public.pk}@")


def test_cancelled_event_is_cancelled_in_calendars_with_a_higher_sequence(client):
    event = EventFactory(status=EventStatus.CANCELLED, calendar_sequence=2)
    (component,) = _parse(client.get(reverse("events:event_ics", args=[event.slug]))).events
    assert component["STATUS"] == "CANCELLED" and component["SEQUENCE"] == 2


def test_private_feed_lists_my_events_with_joining_link_and_can_be_revoked(client):
    user = UserFactory(email="me@example.org")
    event = EventFactory(title="My forum")
    EventFactory(title="Not mine")
    register(event, Applicant("Me", "me@example.org", user=user))
    client.force_login(user)
    client.get(reverse("events:my_events"))
    key = CalendarFeed.objects.get(user=user).key
    url = reverse("events:feed_personal", args=[key])
    client.logout()  # the feed needs no session: calendar apps have none
    (component,) = _parse(client.get(url)).events
    assert str(component["SUMMARY"]) == "My forum"
    assert "forum-secret" in component["DESCRIPTION"]
    client.force_login(user)
    client.post(reverse("events:feed_renew"))
    assert client.get(url).status_code == 404
    assert CalendarFeed.objects.get(user=user).key != key


def test_network_and_topic_feeds(client):
    from members.tests.factories import NetworkFactory
    from taxonomy.models import Term

    network = NetworkFactory()
    term = Term.objects.first()
    tagged = EventFactory(title="Tagged", networks=[network])
    tagged.topics.add(term)
    EventFactory(title="Other")
    for url in (
        reverse("events:feed_network", args=[network.slug]),
        reverse("events:feed_topic", args=[term.slug]),
    ):
        assert [str(e["SUMMARY"]) for e in _parse(client.get(url)).events] == ["Tagged"]


def test_times_are_shown_in_uk_format(client):
    start = timezone.make_aware(datetime.datetime(2030, 6, 4, 18, 30))
    event = EventFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Tuesday 4 June 2030, 18:30 to 19:30 (UK time)" in page
