"""iCalendar (RFC 5545) through the `icalendar` library: one event's file, and feeds.

Times are written in Europe/London with its VTIMEZONE, so Google Calendar, Outlook and Apple
Calendar show the same wall-clock time the page does on either side of a clock change. Each
event keeps one UID and a SEQUENCE that grows when its time, place or status change, so a
calendar replaces its copy rather than adding a second.
"""

import datetime
import zoneinfo
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone

from events.models import EventStatus

LONDON = zoneinfo.ZoneInfo("Europe/London")
PRODID = "-//Groundswell//Events//EN"
_STATUS = {
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def _uid(event) -> str:
    return f"event-{event.pk}@{urlsplit(settings.SITE_URL).hostname or 'groundswell'}"


def _component(event, *, show_joining_link: bool) -> icalendar.Event:
    url = settings.SITE_URL.rstrip("/") + event.get_absolute_url()
    description = [event.summary, "", url]
    if show_joining_link and event.joining_link:
        description += ["", f"Join online: {event.joining_link}"]
    component = icalendar.Event.new(
        uid=_uid(event),
        summary=event.title,
        description="\n".join(description),
        start=event.starts_at.astimezone(LONDON),
        end=event.ends_at.astimezone(LONDON),
        stamp=timezone.now(),
        sequence=event.calendar_sequence,
        location=_location(event),
        url=url,
    )
    component.add("status", _STATUS.get(event.status, "CONFIRMED"))
    return component


def _location(event) -> str | None:
    if event.is_in_person and event.venue:
        return f"{event.venue.name}, {event.venue.address}".replace("\n", ", ")
    return "Online" if event.is_online else None


def _calendar(name: str, events, *, joining_for=()) -> str:
    calendar = icalendar.Calendar.new(prodid=PRODID, name=name)
    calendar.add("method", "PUBLISH")
    for event in events:
        calendar.add_component(_component(event, show_joining_link=event.pk in joining_for))
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def event_file(event, attendee=None) -> str:
    """One event as a .ics file; a confirmed attendee's copy carries the joining link."""
    confirmed = attendee is not None and attendee.status == "confirmed"
    return _calendar(event.title, [event], joining_for={event.pk} if confirmed else ())


def feed(name: str, events, *, joining_for=()) -> str:
    """A calendar of `events`; those whose pk is in `joining_for` carry the joining link."""
    return _calendar(name, events, joining_for=set(joining_for))


def google_calendar_url(event) -> str:
    """Google Calendar's "add event" address (it has no import-by-link for one event)."""
    from urllib.parse import urlencode

    stamp = "%Y%m%dT%H%M%SZ"
    utc = datetime.UTC
    dates = f"{event.starts_at.astimezone(utc):{stamp}}/{event.ends_at.astimezone(utc):{stamp}}"
    return "https://calendar.google.com/calendar/render?" + urlencode(
        {
            "action": "TEMPLATE",
            "text": event.title,
            "dates": dates,
            "details": settings.SITE_URL.rstrip("/") + event.get_absolute_url(),
            "location": _location(event) or "",
        }
    )
