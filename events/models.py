"""Events and forums: what is on, who may come, who is coming and who came.

Times are stored in UTC (USE_TZ) and shown in Europe/London, so a forum at 10:00 on the
day the clocks change is still at 10:00 on the page and in every calendar.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone


class EventKind(models.TextChoices):
    MEMBER_FORUM = "member_forum", "Member forum"
    POLICY_FORUM = "policy_forum", "Policy forum"
    ROUNDTABLE = "roundtable", "Roundtable"
    WEBINAR = "webinar", "Webinar"
    TRAINING = "training", "Training"
    CONFERENCE = "conference", "Conference"
    AWARDS = "awards", "Awards ceremony"
    GROUP_MEETING = "group_meeting", "Group meeting"


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "Hybrid (in person and online)"


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public: anyone may register"
    MEMBERS = "members", "Members of the invited networks"
    INVITATION = "invitation", "Invitation only"


class EventStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    CANCELLED = "cancelled", "Cancelled"
    POSTPONED = "postponed", "Postponed"
    FINISHED = "finished", "Finished"


# Statuses anyone but staff may see an event in.
LISTED_STATUSES = (
    EventStatus.PUBLISHED,
    EventStatus.CANCELLED,
    EventStatus.POSTPONED,
    EventStatus.FINISHED,
)


class Venue(models.Model):
    """A place events are held, with what a disabled person needs to know before coming."""

    name = models.CharField(max_length=200)
    address = models.TextField()
    step_free_access = models.BooleanField(default=False)
    hearing_loop = models.BooleanField(default=False)
    quiet_room = models.BooleanField(default=False)
    accessible_toilet = models.BooleanField(default=False)
    access_notes = models.TextField(
        blank=True, help_text="E.g. nearest step-free station, lift size, where to ask for help."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Event(models.Model):
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    summary = models.CharField(max_length=300)
    description = models.TextField(blank=True, help_text="Markdown.")
    networks = models.ManyToManyField("members.Network", blank=True, related_name="events")
    topics = models.ManyToManyField("taxonomy.Term", blank=True, related_name="events")
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    format = models.CharField(
        max_length=10, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    joining_link = models.URLField(
        blank=True, help_text="Shown only to confirmed attendees, never on the public page."
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="organised_events"
    )
    co_hosts = models.ManyToManyField(
        "members.Organisation", blank=True, related_name="co_hosted_events"
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # Set when another part of the site chooses who comes (enrolment.closed_event, e.g. "the
    # leadership programme"): the event then stays invitation-only and in its networks, so its
    # people stay with the staff of those networks (access.may_see_people).
    people_chosen_by = models.CharField(max_length=120, blank=True, editable=False)
    status = models.CharField(
        max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT, db_index=True
    )
    # Registration.
    capacity = models.PositiveIntegerField()
    per_organisation_limit = models.PositiveIntegerField(
        null=True, blank=True, help_text="Most places one organisation may take; blank for none."
    )
    registration_opens_at = models.DateTimeField(null=True, blank=True)
    registration_closes_at = models.DateTimeField(null=True, blank=True)
    offer_hold_hours = models.PositiveIntegerField(
        default=48, help_text="How long a place offered from the waitlist is held."
    )
    # Places confirmed or held for someone offered one: changed only by a conditional
    # UPDATE (see events.services.registration), and never above capacity (constraint).
    places_taken = models.PositiveIntegerField(default=0, editable=False)
    # The roundtable's notes: one consultations Session, never a copy (see services.notes).
    consultation_session = models.OneToOneField(
        "consultations.Session",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event",
    )
    # What was said and agreed, for meetings whose notes are not a consultation's session
    # (a roundtable linked to a consultation writes them there instead, see services.notes).
    # Seen by staff and, for a group's meeting, by the group's members; never public.
    notes = models.TextField(blank=True, help_text="Markdown. Seen by staff and the group only.")
    # A meeting of a standing group (see Group): invitation only by default, and seen by
    # the group's members.
    group = models.ForeignKey(
        "events.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    # A recurring series: its occurrences point at the first event, which keeps the rule.
    series = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="occurrences",
        editable=False,
    )
    recurrence = models.CharField(max_length=300, blank=True, editable=False)
    # Bumped whenever time, place or status change, so calendars replace their copy.
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)
    sensitive_answers_deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo_content = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        # The listing splits upcoming from past by the end time (services/listing._in_time),
        # within the visible statuses, and counts its facets by visibility, kind, format and
        # start: the second index holds all of them, so the counts are read from the index
        # alone, never from the (wide) event rows.
        indexes = [
            models.Index(fields=["status", "starts_at"]),
            models.Index(
                fields=["status", "ends_at", "visibility", "kind", "format", "starts_at"],
                name="events_listing_counts_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(places_taken__lte=F("capacity")), name="event_never_overbooked"
            ),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="event_capacity_positive"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event", args=[self.slug])

    @property
    def is_online(self) -> bool:
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def is_in_person(self) -> bool:
        return self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.places_taken, 0)

    def registration_state(self, now=None) -> str:
        """'open', 'not_yet', 'closed' or 'unavailable' (not published, or over)."""
        now = now or timezone.now()
        if self.status != EventStatus.PUBLISHED or now >= self.starts_at:
            return "unavailable"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if self.registration_closes_at and now >= self.registration_closes_at:
            return "closed"
        return "open"


class Speaker(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True, help_text="E.g. job title, organisation.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["event", "position", "pk"]

    def __str__(self):
        return self.name


class Question(models.Model):
    """Something an event asks everyone who registers."""

    class Kind(models.TextChoices):
        TEXT = "text", "Short answer"
        YES_NO = "yes_no", "Yes or no"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(max_length=300)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.TEXT)
    required = models.BooleanField(default=False)
    sensitive = models.BooleanField(
        default=False,
        help_text="Access or dietary needs and the like: seen only by this event's organisers "
        "and deleted after the event.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["event", "position", "pk"]

    def __str__(self):
        return self.text


class RegistrationStatus(models.TextChoices):
    UNVERIFIED = "unverified", "Email not yet confirmed"
    CONFIRMED = "confirmed", "Confirmed"
    OFFERED = "offered", "Place offered from the waitlist"
    WAITLISTED = "waitlisted", "On the waitlist"
    CANCELLED = "cancelled", "Cancelled"


# Statuses that hold one of the event's places.
HOLDS_PLACE = (RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED)


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A colleague who registered this person, if not themselves.",
    )
    status = models.CharField(max_length=10, choices=RegistrationStatus.choices, db_index=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    no_show = models.BooleanField(default=False)
    consent_text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    is_demo_content = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="one_live_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} for {self.event}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def holds_place(self) -> bool:
        return self.status in HOLDS_PLACE


class Answer(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(blank=True)

    class Meta:
        ordering = ["question__position", "question__pk"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "question"], name="one_answer_each")
        ]

    def __str__(self):
        return f"{self.question}: {self.value[:40]}"


class Invitation(models.Model):
    """A personal invitation to an invitation-only event; its link lets that person register."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="one_invitation_per_email")
        ]

    def __str__(self):
        return f"{self.name} to {self.event}"


def new_feed_key() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A person's private feed of the events they are registered for. Its address is a
    secret; revoking gives a new key and the old address stops working at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_feed"
    )
    key = models.CharField(max_length=64, unique=True, default=new_feed_key)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Calendar feed of {self.user}"


class Group(models.Model):
    """A standing group of members that meets: a research advisory group, a communications
    network, an expert or reference group, an equity and inclusion sub-committee."""

    network = models.ForeignKey("members.Network", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    purpose = models.TextField(help_text="What the group is for, in a sentence or two.")
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo_content = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:group", args=[self.slug])


class GroupMember(models.Model):
    """A person in a group, through the member organisation they belong for."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey("members.Person", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    role = models.CharField(
        max_length=100, blank=True, help_text="E.g. chair, lived-experience member."
    )

    class Meta:
        ordering = ["group", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="one_membership_per_group")
        ]

    def __str__(self):
        return f"{self.person} in {self.group}"


class GroupDocument(models.Model):
    """A library resource shared with one group only (it stays unpublished in the library,
    so nobody else finds it; see events.registries for the library's view hook)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="documents")
    resource = models.ForeignKey("library.Resource", on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-added_at"]
        constraints = [
            models.UniqueConstraint(fields=["group", "resource"], name="one_document_per_group")
        ]

    def __str__(self):
        return f"{self.resource} for {self.group}"


class Action(models.Model):
    """An action agreed at a forum or meeting, and its follow-up. An action that asks
    something of a target body can become an influence-log entry (services.actions)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(max_length=500)
    owner = models.CharField(max_length=200, blank=True, help_text="Who will do it.")
    due_on = models.DateField(null=True, blank=True)
    target = models.ForeignKey(
        "influence.TargetBody",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="If the action is an ask of a target body.",
    )
    follow_up = models.TextField(blank=True, help_text="What has happened since.")
    done = models.BooleanField(default=False)
    influence_activity = models.OneToOneField(
        "influence.InfluenceActivity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_action",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event", "done", "due_on", "pk"]

    def __str__(self):
        return self.text


class ListingVersion(models.Model):
    """One row whose `version` the database itself raises (triggers, migration 0006) whenever
    something the events listing counts changes: an event is added or removed, its kind,
    status, visibility, times or format change, or its networks or topics do. However the
    change is made (a form, the API, bulk_create, raw SQL, another process), so the listing
    may reuse its counts until this number moves, rather than until anything at all is
    committed (a session, the cache table, a registration taking a place)."""

    version = models.BigIntegerField(default=0)

    def __str__(self):
        return f"Events listing version {self.version}"
