"""Calendar files and feeds, and a person's own events page with their private feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.lib.downloads import as_attachment
from events.models import (
    HOLDS_PLACE,
    CalendarFeed,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
    Visibility,
    new_feed_key,
)
from events.services import calendar
from events.views.helpers import visible_event_or_404
from members.models import Network
from taxonomy.models import Term

CALENDAR = "text/calendar; charset=utf-8"
PUBLIC_STATUSES = [EventStatus.PUBLISHED, EventStatus.CANCELLED, EventStatus.POSTPONED]


def _ics(text: str, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(text, content_type=CALENDAR)
    return as_attachment(response, filename) if filename else response


def _public_events():
    return (
        Event.objects.filter(visibility=Visibility.PUBLIC, status__in=PUBLIC_STATUSES)
        .select_related("venue")
        .order_by("starts_at")
    )


def event_ics(request, slug):
    event, _invitation = visible_event_or_404(request, slug)
    mine = None
    if request.user.is_authenticated:
        mine = event.registrations.filter(email=request.user.email.lower()).first()
    return _ics(calendar.event_file(event, attendee=mine), f"{event.slug}.ics")


def feed_all(request):
    return _ics(calendar.feed("Public events", _public_events()))


def feed_network(request, slug):
    network = get_object_or_404(Network, slug=slug)
    return _ics(calendar.feed(f"{network.label} events", _public_events().filter(networks=network)))


def feed_topic(request, slug):
    term = get_object_or_404(Term, slug=slug)
    return _ics(calendar.feed(f"Events: {term.name}", _public_events().filter(topics=term)))


def feed_personal(request, key):
    feed = CalendarFeed.objects.select_related("user").filter(key=key).first()
    if feed is None:
        raise Http404("This calendar address has been replaced or never existed.")
    registrations = Registration.objects.filter(
        email=feed.user.email.lower(),
        status__in=[*HOLDS_PLACE, RegistrationStatus.WAITLISTED],
    ).select_related("event__venue")
    events = [r.event for r in registrations]
    confirmed = {r.event_id for r in registrations if r.status == RegistrationStatus.CONFIRMED}
    return _ics(calendar.feed("My events", events, joining_for=confirmed))


@login_required
def my_events(request):
    feed, _created = CalendarFeed.objects.get_or_create(user=request.user)
    registrations = (
        Registration.objects.filter(email=request.user.email.lower())
        .select_related("event")
        .order_by("-event__starts_at")
    )
    return render(
        request,
        "events/my_events.html",
        {
            "registrations": registrations,
            "feed_url": request.build_absolute_uri(
                reverse("events:feed_personal", args=[feed.key])
            ),
        },
    )


@login_required
@require_POST
def renew_feed(request):
    """A new secret address; the old one stops working at once."""
    CalendarFeed.objects.update_or_create(user=request.user, defaults={"key": new_feed_key()})
    messages.success(request, "Your calendar has a new address; the old one no longer works.")
    return redirect("events:my_events")
