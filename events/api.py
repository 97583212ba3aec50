"""Events in the JSON API: the list with filters, and one event. Each person gets what the
pages would show them: visitors public events only; the joining link never appears."""

from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from core.lib.pagination import DEFAULT_LIMIT, Limit, LimitOffsetPage, Offset, paginate
from events.models import EventKind
from events.services import access

router = Router(tags=["events"])


class VenueOut(Schema):
    name: str
    address: str
    step_free_access: bool
    hearing_loop: bool
    quiet_room: bool
    accessible_toilet: bool


class EventOut(Schema):
    slug: str
    url: str
    kind: str
    title: str
    summary: str
    starts_at: str  # ISO 8601 with the UK offset
    ends_at: str
    format: str
    status: str
    visibility: str
    venue: VenueOut | None
    networks: list[str]
    topics: list[str]
    places_left: int
    calendar_url: str  # the event's iCalendar file


class EventDetailOut(EventOut):
    description: str
    speakers: list[dict]
    co_hosts: list[str]


class EventPage(LimitOffsetPage):
    results: list[EventOut]


class EventFilters(Schema):
    when: str = "upcoming"  # upcoming, past or all
    kind: str = ""
    network: str = ""
    topic: str = ""
    limit: Limit = DEFAULT_LIMIT
    offset: Offset = 0


def _event(request, event) -> dict:
    venue = event.venue
    return {
        "slug": event.slug,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "kind": event.kind, "title": event.title, "summary": event.summary,
        "starts_at": timezone.localtime(event.starts_at).isoformat(),
        "ends_at": timezone.localtime(event.ends_at).isoformat(),
        "format": event.format, "status": event.status, "visibility": event.visibility,
        "venue": {
            "name": venue.name, "address": venue.address,
            "step_free_access": venue.step_free_access, "hearing_loop": venue.hearing_loop,
            "quiet_room": venue.quiet_room, "accessible_toilet": venue.accessible_toilet,
        } if venue else None,
        "networks": [n.slug for n in event.networks.all()],
        "topics": [t.slug for t in event.topics.all()],
        "places_left": event.places_left,
        "calendar_url": request.build_absolute_uri(f"{event.get_absolute_url()}event.ics"),
    }  # fmt: skip


def _events(request):
    return (
        access.visible_events(request.user)
        .select_related("venue")
        .prefetch_related("networks", "topics")
    )


@router.get("/events", response=EventPage, summary="List events")
def events_list(request, filters: Query[EventFilters]):
    """Upcoming events by default (soonest first); `when=past` newest first. A filter
    value that matches nothing is refused (400), so a typo never looks like 'no events'."""
    events = _events(request)
    now = timezone.now()
    if filters.when == "upcoming":
        events = events.filter(ends_at__gte=now).order_by("starts_at", "pk")
    elif filters.when == "past":
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    elif filters.when == "all":
        events = events.order_by("-starts_at", "-pk")
    else:
        raise HttpError(400, "when must be upcoming, past or all.")
    if filters.kind:
        if filters.kind not in EventKind.values:
            raise HttpError(400, f"Unknown kind; one of: {', '.join(EventKind.values)}.")
        events = events.filter(kind=filters.kind)
    if filters.network:
        events = events.filter(networks__slug=filters.network)
    if filters.topic:
        events = events.filter(topics__slug=filters.topic)
    return paginate(
        request, events.distinct(), filters.limit, filters.offset,
        lambda rows: [_event(request, e) for e in rows],
    )  # fmt: skip


@router.get("/events/{slug}", response=EventDetailOut, summary="One event")
def events_get(request, slug: str):
    event = _events(request).prefetch_related("speakers", "co_hosts").filter(slug=slug).first()
    if event is None:
        raise HttpError(404, "No such event.")
    return {
        **_event(request, event),
        "description": event.description,
        "speakers": [{"name": s.name, "role": s.role} for s in event.speakers.all()],
        "co_hosts": [o.slug for o in event.co_hosts.all()],
    }
