"""A year of demo events for both networks: quarterly member forums, a policy forum, the
roundtables of the demo consultation (their events ARE its sessions), webinars, training,
the annual conference and the awards ceremony, with registrations, waitlists and attendance.
Loaded by `load_demo` into an empty events table; running it again changes nothing."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from core.lib.slugs import unique_slug
from events.models import (
    Action,
    Event,
    EventFormat,
    EventKind,
    EventStatus,
    Group,
    GroupMember,
    Invitation,
    Question,
    Registration,
    RegistrationStatus,
    Speaker,
    Venue,
    Visibility,
)
from members.models import Affiliation, Network, Person
from taxonomy.models import Term

VENUES = [
    ("Friends Meeting House, Euston", "173 Euston Road\nLondon NW1 2BJ", True, True, True, True,
     "Step-free from Euston Square station. Quiet room on the ground floor."),
    ("Carriageworks, Leeds", "3 Millennium Square\nLeeds LS2 3AD", True, True, False, True,
     "Lift to all floors; ask at reception for the hearing loop."),
    ("Impact Hub Birmingham", "58 Oxford Street\nBirmingham B5 5NR", False, False, True, False,
     "Three steps at the entrance; a portable ramp is available on request."),
]  # fmt: skip
WEBINARS = [
    ("Diversion that works: evidence from police-led schemes", "policing"),
    ("Racial disparity in remand decisions", "courts-and-sentencing"),
    ("Women's centres after the funding review", "probation-and-resettlement"),
    ("Trauma-informed practice in youth custody", "youth-justice"),
    ("Criminal records and employment: what changed", "prisons"),
    ("Restorative justice for victims: a practitioners' panel", "victims-services"),
    ("Early intervention with families: what members see", "prevention-and-early-intervention"),
    ("Recall to prison: the numbers behind the rise", "probation-and-resettlement"),
]
TRAININGS = [
    "Giving evidence to a select committee",
    "Writing a consultation response in a day",
    "Media training: people-first language",
    "Safeguarding when involving young advocates",
    "Co-production with people with lived experience",
    "Using the whole-system model",
    "Running a lived-experience advisory panel",
    "Freedom of information requests for campaigners",
]


def _at(days: int, hour: int, minute: int = 0, weekday=True) -> datetime.datetime:
    """`days` from today at `hour`, moved to the Monday after if it falls at a weekend."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    if weekday and day.weekday() >= 5:
        day += datetime.timedelta(days=7 - day.weekday())
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _event(kind, title, days, hours, *, networks, venue=None, capacity=40, **fields) -> Event:
    # A roundtable keeps its consultation session's date exactly.
    starts = _at(days, fields.pop("hour", 10), weekday=kind != EventKind.ROUNDTABLE)
    online = fields.get("format") == EventFormat.ONLINE
    slug = unique_slug(Event, title, fallback="event")
    event = Event.objects.create(
        kind=kind,
        title=title,
        slug=slug,
        summary=fields.pop("summary", f"{EventKind(kind).label} for members and partners."),
        description=fields.pop("description", ""),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=hours),
        venue=None if online else venue,
        joining_link=f"https://meet.example.org/{slug}"
        if fields.get("format", EventFormat.IN_PERSON) != EventFormat.IN_PERSON
        else "",
        capacity=capacity,
        status=EventStatus.FINISHED if days < 0 else EventStatus.PUBLISHED,
        is_demo_content=True,
        **fields,
    )
    event.networks.set(networks)
    return event


def _register_people(event, people, rng, *, fill: float) -> None:
    """Registrations as they would have happened: places first, then the waitlist; past
    events with check-ins and a few no-shows."""
    wanted = min(len(people), int(event.capacity * fill))
    past = event.ends_at < timezone.now()
    taken = 0
    for offset, (person, organisation) in enumerate(rng.sample(people, wanted)):
        status = RegistrationStatus.CONFIRMED if taken < event.capacity else "waitlisted"
        attended = past and status == RegistrationStatus.CONFIRMED and rng.random() < 0.85
        Registration.objects.create(
            event=event,
            name=person.name,
            email=person.email,
            user=person.user,
            organisation=organisation,
            status=status,
            created_at=event.starts_at - datetime.timedelta(days=30 - offset % 25),
            confirmed_at=event.starts_at - datetime.timedelta(days=20)
            if status == RegistrationStatus.CONFIRMED
            else None,
            checked_in_at=event.starts_at + datetime.timedelta(minutes=rng.randint(0, 20))
            if attended
            else None,
            no_show=past and status == RegistrationStatus.CONFIRMED and not attended,
            consent_text="Demo registration.",
            is_demo_content=True,
        )
        taken += status == RegistrationStatus.CONFIRMED
    Event.objects.filter(pk=event.pk).update(places_taken=taken)


FIRST = ["Aisha", "Ben", "Chloe", "Dev", "Ewa", "Femi", "Grace", "Hamza", "Iona", "Jack"]
LAST = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes"]


class _Attendee:
    """Someone registered who has no contact record: just a name and an address."""

    def __init__(self, name: str, email: str):
        self.name, self.email, self.user = name, email, None


def _demo_attendees(rng) -> list:
    from members.models import Organisation

    organisations = list(Organisation.objects.order_by("pk")[:40])
    if not organisations:
        return []
    return [
        (
            _Attendee(f"{first} {last}", f"{first}.{last}@example.org".lower()),
            rng.choice(organisations),
        )
        for first in FIRST
        for last in LAST
    ]


def _questions(event) -> None:
    Question.objects.bulk_create(
        [
            Question(event=event, text="Access needs", sensitive=True, position=0),
            Question(event=event, text="Dietary needs", sensitive=True, position=1),
            Question(event=event, text="Pronouns", position=2),
            Question(
                event=event,
                text="I have lived experience of the justice system and would like to be "
                "contacted about paid participation",
                kind=Question.Kind.YES_NO,
                position=3,
            ),
        ]
    )


# Made-up officials (example.gov.uk is no real address) for the invitation-only forum.
OFFICIALS = [
    ("Dana Whitfield (sentencing policy)", "dana.whitfield@example.gov.uk"),
    ("Omar Reyes (remand policy)", "omar.reyes@example.gov.uk"),
]


@transaction.atomic
def load_demo_events(seed: int = 12) -> int:
    if Event.objects.exists():
        return 0
    networks = list(Network.objects.order_by("pk")[:2])
    if not networks:
        return 0
    rng = random.Random(seed)
    venues = [
        Venue.objects.create(
            name=n, address=a, step_free_access=s, hearing_loop=h, quiet_room=q,
            accessible_toilet=t, access_notes=notes,
        )
        for n, a, s, h, q, t, notes in VENUES
    ]  # fmt: skip
    people = [
        (a.person, a.organisation)
        for a in Affiliation.objects.select_related("person", "organisation")
        if a.person.email
    ]
    people += _demo_attendees(rng)
    terms = {t.slug: t for t in Term.objects.all()}
    made: list[Event] = []
    for index, network in enumerate(networks):
        for quarter in range(4):
            days = -170 + quarter * 91 + index * 7
            event = _event(
                EventKind.MEMBER_FORUM,
                f"{network.label} member forum, {_at(days, 10):%B %Y}",
                days, 3, networks=[network], venue=venues[quarter % 2],
                visibility=Visibility.MEMBERS, format=EventFormat.HYBRID, capacity=60,
                summary=f"The quarterly forum for {network.name} members: plans, news and "
                "what members want the alliance to push for next.",
            )  # fmt: skip
            made.append(event)
    forum = _event(
        EventKind.POLICY_FORUM,
        "Policy forum with officials: sentencing and remand",
        40,
        2,
        networks=networks,
        venue=venues[0],
        visibility=Visibility.INVITATION,
        capacity=25,
        summary="Members and officials discuss the sentencing review.",
    )
    made.append(forum)
    # Invited personally (staff page "Invitations"); the demo sends no email.
    for name, email in OFFICIALS:
        Invitation.objects.create(event=forum, name=name, email=email)
    for person, _organisation in people[:6]:
        Invitation.objects.get_or_create(
            event=forum, email=person.email.lower(), defaults={"name": person.name}
        )
    made.append(
        _event(
            EventKind.POLICY_FORUM,
            "Policy forum with officials: youth custody",
            -60,
            2,
            networks=networks[-1:],
            venue=venues[1],
            visibility=Visibility.INVITATION,
            capacity=25,
            summary="Members and officials discuss the future of youth custody.",
        )  # fmt: skip
    )
    for number, (title, part) in enumerate(WEBINARS):
        event = _event(
            EventKind.WEBINAR, title, -150 + number * 40, 1, networks=[networks[number % 2]],
            format=EventFormat.ONLINE, capacity=100 if number != 5 else 6, hour=13,
            summary="A lunchtime webinar with members' evidence and time for questions.",
        )  # fmt: skip
        if part in terms:
            event.topics.add(terms[part])
        made.append(event)
    for number, title in enumerate(TRAININGS):
        made.append(
            _event(
                EventKind.TRAINING,
                title,
                -120 + number * 45,
                3,
                networks=networks,
                venue=venues[number % 3],
                format=EventFormat.IN_PERSON,
                capacity=8,
            )  # fmt: skip
        )
    conference = _event(
        EventKind.CONFERENCE, "Annual conference: justice that works", 120, 7,
        networks=networks, venue=venues[0], format=EventFormat.HYBRID, capacity=200, hour=9,
        summary="A day of panels, workshops and members' stalls.",
        description="## Programme\n\n- Keynote\n- Panels on youth justice and recall\n- Workshops",
    )  # fmt: skip
    Speaker.objects.create(event=conference, name="Dr Amara Okafor", role="Researcher")
    Speaker.objects.create(event=conference, name="Leon Price", role="Lived-experience advocate")
    made.append(conference)
    made.append(
        _event(
            EventKind.AWARDS,
            "Awards ceremony",
            150,
            3,
            networks=networks,
            venue=venues[1],
            format=EventFormat.IN_PERSON,
            capacity=120,
            hour=18,
            summary="Celebrating the people and projects changing the system.",
        )  # fmt: skip
    )
    made += _roundtables(networks, venues[2])
    for event in made:
        _questions(event)
        full = event.capacity <= 8
        _register_people(event, people, rng, fill=1.4 if full else rng.uniform(0.3, 0.8))
    made += _groups(networks, venues, people)
    _policy_forum_actions(made)
    return len(made)


GROUPS = [
    ("Research advisory group", "Advises on the alliance's research programme and reads "
     "draft reports before they are published."),
    ("Communications network", "Co-ordinates members' messaging on announcements, so the "
     "sector speaks with one voice."),
    ("Youth custody expert group", "Practitioners and researchers on youth custody who "
     "brief the policy team before each forum."),
    ("Equity and inclusion sub-committee", "Members with lived experience of the system "
     "who check the alliance's work is fair to the people it affects."),
]  # fmt: skip


def _groups(networks, venues, people) -> list[Event]:
    """Four standing groups, each with members (the demo member login among them), a past
    meeting with its actions and an upcoming one, invitation only."""
    meetings = []
    people = [(p, o) for p, o in people if isinstance(p, Person)]
    logins = [(p, o) for p, o in people if p.user_id]
    for number, (name, purpose) in enumerate(GROUPS):
        group = Group.objects.create(
            network=networks[number % len(networks)],
            name=name,
            slug=unique_slug(Group, name, fallback="group"),
            purpose=purpose,
            is_demo_content=True,
        )
        chosen = logins[:1] + [people[(number * 3 + k) % len(people)] for k in range(6)]
        for position, (person, organisation) in enumerate(dict(chosen).items()):
            GroupMember.objects.get_or_create(
                group=group,
                person=person,
                defaults={"organisation": organisation, "role": "Chair" if position == 1 else ""},
            )
        for days in (-45 + number * 5, 30 + number * 7):
            meeting = _event(
                EventKind.GROUP_MEETING, f"{name}, {_at(days, 14):%B %Y}", days, 2,
                networks=[group.network], venue=venues[number % 3], format=EventFormat.HYBRID,
                visibility=Visibility.INVITATION, capacity=20, hour=14, group=group,
                summary=f"The {name.lower()} meets.",
            )  # fmt: skip
            meetings.append(meeting)
        past = meetings[-2]
        past.notes = (
            f"Seven members came. The chair opened with where the {name.lower()}'s work "
            "stands.\n\n- Members compared what they are seeing in their own services.\n"
            "- The draft went round for comments; two members offered case studies.\n\n"
            "Next meeting: agree the final draft."
        )
        past.save(update_fields=["notes"])
        Action.objects.create(
            event=past, text="Circulate the draft for comments", owner="Chair",
            due_on=meetings[-1].starts_at.date(), follow_up="Sent to members.", done=True,
        )  # fmt: skip
    return meetings


def _policy_forum_actions(events) -> None:
    from influence.models import TargetBody

    target = TargetBody.objects.order_by("pk").first()
    for event in events:
        if event.kind == EventKind.POLICY_FORUM and event.status == EventStatus.FINISHED:
            Action.objects.create(
                event=event, text="Officials to share the latest custody figures by area",
                owner=target.name if target else "Officials", target=target,
                follow_up="Chased in writing a month later.",
            )  # fmt: skip
            Action.objects.create(
                event=event, text="Members to send case studies on distance from home",
                owner="Policy team", done=True,
            )  # fmt: skip


def _roundtables(networks, venue) -> list[Event]:
    """The demo consultation's roundtable sessions, each as the event it was: one record."""
    from consultations.models import Session

    events = []
    for session in Session.objects.filter(kind=Session.Kind.ROUNDTABLE, event__isnull=True):
        days = (session.held_on - timezone.localdate()).days
        event = _event(
            EventKind.ROUNDTABLE, session.title, days, 2, networks=networks, venue=venue,
            visibility=Visibility.INVITATION, capacity=20,
            summary=f"A roundtable gathering evidence for “{session.consultation.title}”.",
        )  # fmt: skip
        event.consultation_session = session
        event.save(update_fields=["consultation_session"])
        events.append(event)
    return events
