"""This app's parts of the pages that gather many apps' work: the signed-in home panel,
navigation, site-wide search, topic pages and the personal-data registry."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.registries import changes, home, navigation, personal_data, search
from core.roles import is_staff_member
from events import changes as events_changes
from events.models import Registration, RegistrationStatus
from events.services import access, groups
from library import services as library_services
from taxonomy.sections import TopicSection
from taxonomy.sections import register as register_topic_section

PANEL_SIZE = 5
TOPIC_SIZE = 10


# --- Signed-in home: "Your events" ----------------------------------------------------------


def your_events(request) -> dict | None:
    upcoming = (
        Registration.objects.filter(
            Q(user=request.user) | Q(email=request.user.email.lower()),
            event__ends_at__gte=timezone.now(),
        )
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at")
    )
    rows = list(upcoming[:PANEL_SIZE])
    return {"registrations": rows, "more_url": reverse("events:my_events")} if rows else None


home.register(
    home.HomePanel(
        key="events.your_events",
        title="Your events",
        template="events/_home_panel.html",
        context=your_events,
        audiences=frozenset({home.MEMBER, home.STAFF}),
        order=30,
    )
)


def your_groups(request) -> dict | None:
    from django.db.models import Min

    mine = groups.groups_of(request.user).annotate(
        next_meeting=Min("meetings__starts_at", filter=Q(meetings__starts_at__gte=timezone.now()))
    )
    rows = list(mine[:PANEL_SIZE])
    return {"groups": rows} if rows else None


home.register(
    home.HomePanel(
        key="events.your_groups",
        title="Your groups",
        template="events/_groups_panel.html",
        context=your_groups,
        audiences=frozenset({home.MEMBER}),
        order=31,
    )
)

# Documents shared with a group are unpublished library resources its members may open.
library_services.register_view_hook(groups.may_view_resource)

# --- Navigation -------------------------------------------------------------------------------

navigation.register(
    navigation.NavEntry("events", "Events", "events:index", navigation.TAKE_PART, order=20)
)
navigation.register(
    navigation.NavEntry(
        "events.staff", "Events (staff)", "events:staff_index", navigation.STAFF_WORK,
        visible=is_staff_member, order=20,
    )
)  # fmt: skip


# --- Site-wide search -------------------------------------------------------------------------


def search_events(query: str, user, limit: int) -> search.KindResults:
    words = query.split()
    events = access.visible_events(user)
    for word in words:
        events = events.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    events = events.order_by("-starts_at")
    hits = [
        search.SearchHit(
            title=event.title,
            url=event.get_absolute_url(),
            summary=event.summary,
            meta=f"{event.get_kind_display()} · {timezone.localtime(event.starts_at):%-d %B %Y}",
        )
        for event in events[:limit]
    ]
    return search.KindResults(total=events.count() if words else 0, hits=hits if words else [])


search.register(
    search.SearchKind(
        key="events",
        label="Events",
        search=search_events,
        more_url=lambda q: reverse("events:index"),
        order=60,
    )
)


# --- Topic pages ------------------------------------------------------------------------------


def events_on_topic(request, term) -> dict | None:
    events = access.visible_events(request.user).filter(topics=term)
    upcoming = events.filter(ends_at__gte=timezone.now()).order_by("starts_at")
    rows = list(upcoming[:TOPIC_SIZE])
    if not rows:
        return None
    return {"events": rows, "feed_url": reverse("events:feed_topic", args=[term.slug])}


register_topic_section(
    TopicSection(
        key="events",
        title="Events",
        template="events/_topic_events.html",
        context=events_on_topic,
        order=60,
    )
)


# --- Personal data ----------------------------------------------------------------------------


def _registrations_of(subject) -> Q:
    matches = Q(email__in=subject.emails)
    if subject.user is not None:
        matches |= Q(user=subject.user)
    return matches


def export_registrations(subject) -> dict[str, list[dict]]:
    rows = []
    for registration in (
        Registration.objects.filter(_registrations_of(subject))
        .select_related("event", "organisation")
        .prefetch_related("answers__question")
    ):
        rows.append(
            {
                "event": registration.event.title,
                "name": registration.name,
                "email": registration.email,
                "organisation": str(registration.organisation or ""),
                "status": registration.get_status_display(),
                "registered at": registration.created_at.isoformat(),
                "checked in at": registration.checked_in_at.isoformat()
                if registration.checked_in_at
                else "",
                "answers": {a.question.text: a.value for a in registration.answers.all()},
            }
        )
    feeds = []
    if subject.user is not None and hasattr(subject.user, "event_feed"):
        feeds.append(
            {"private calendar feed created": subject.user.event_feed.created_at.isoformat()}
        )
    from events.models import Invitation

    invitations = [
        {"event": i.event.title, "name": i.name, "email": i.email}
        for i in Invitation.objects.filter(email__in=subject.emails).select_related("event")
    ]
    return {
        "event registrations": rows,
        "event invitations": invitations,
        "event calendar feeds": feeds,
    }


def erase_registrations(subject) -> int:
    """Registrations become anonymous (the event's numbers stay right) and their answers
    go; the private calendar feed is deleted. Safe to run twice."""
    from events.models import Answer, CalendarFeed, Invitation

    registrations = Registration.objects.filter(_registrations_of(subject))
    answers, _ = Answer.objects.filter(registration__in=registrations).delete()
    changed = 0
    for registration in registrations:
        registration.name = "Erased"
        registration.email = f"erased-{registration.pk}@invalid"
        registration.user = None
        registration.consent_text = ""
        registration.save(update_fields=["name", "email", "user", "consent_text"])
        changed += 1
    feeds = 0
    if subject.user is not None:
        feeds, _ = CalendarFeed.objects.filter(user=subject.user).delete()
    invitations, _ = Invitation.objects.filter(email__in=subject.emails).delete()
    return changed + answers + feeds + invitations


personal_data.register(
    personal_data.PersonalDataSource(
        key="events.registrations",
        description="Event registrations: name, email, organisation, answers to the event's "
        "questions (access and dietary needs are deleted after the event), attendance, and "
        "the private calendar feed's address.",
        models=("events.Registration", "events.Answer", "events.CalendarFeed", "events.Invitation"),
        export=export_registrations,
        erase=erase_registrations,
    )
)


# --- What changed, for member updates (core.registries.changes) ---------------------------

changes.register(
    changes.ChangeProvider(
        key="events.upcoming",
        label="Coming up: events",
        collect=events_changes.upcoming_events,
        order=50,
    )
)
