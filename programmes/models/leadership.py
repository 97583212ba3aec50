"""The leadership programme: programmes, cohorts, applications and selection, sessions,
mentoring, employer partners' offers and the follow-ups that measure outcomes over time."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

__all__ = [
    "Programme", "Cohort", "Criterion", "ApplicationStatus", "Application", "PanelSeat",
    "PanelConflict", "PanelScore", "Module", "ProgrammeSession", "Mentor",
    "MentorMatch", "PartnerOffer", "FollowUpPoint", "FollowUp",
]  # fmt: skip


def new_key() -> str:
    return secrets.token_urlsafe(24)


class Programme(models.Model):
    network = models.ForeignKey("members.Network", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    summary = models.TextField(max_length=2000)
    eligibility = models.TextField(
        max_length=2000, help_text="Who may apply, in plain words. Never a list of offences."
    )
    partners = models.ManyToManyField("members.Organisation", blank=True, related_name="+")
    # Selection reuses the awards app's rules: a quorum of judges, one with lived experience.
    score_max = models.PositiveSmallIntegerField(default=10)
    quorum = models.PositiveSmallIntegerField(default=2)
    normalise_scores = models.BooleanField(default=True)
    needs_lived_experience_judge = models.BooleanField(default=True)
    is_demo_content = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:programme", args=[self.slug])


class Cohort(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=120)
    starts_on = models.DateField()
    ends_on = models.DateField()
    places = models.PositiveSmallIntegerField()
    location = models.CharField(max_length=200, help_text="Where sessions happen, or 'online'.")
    applications_close = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["programme", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "slug"], name="programmes_cohort_slug"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="programmes_cohort_dates_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.programme.name}: {self.name}"

    @property
    def is_open(self) -> bool:
        return self.applications_close is not None and self.applications_close >= (
            timezone.localdate()
        )


class Criterion(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=100)
    guidance = models.CharField(max_length=300, blank=True)
    weight = models.PositiveSmallIntegerField(default=1)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    OFFERED = "offered", "Offered a place"
    ACCEPTED = "accepted", "Taking part"
    WAITING = "waiting", "On the waiting list"
    DECLINED = "declined", "Declined the offer"
    UNSUCCESSFUL = "unsuccessful", "Not offered a place"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Application(models.Model):
    """One person's application to a cohort; once accepted, their place on it."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="applications")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    # The applicant's account, when they applied or accepted their place signed in: how the
    # site knows them whatever address they sign in with (programmes.services.participants).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="programme_applications",
    )  # fmt: skip
    region = models.ForeignKey(
        "taxonomy.Term", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # In the applicant's own words, never a list of offences.
    lived_experience = models.TextField(max_length=3000)
    hopes = models.TextField(max_length=3000)
    interests = models.CharField(max_length=300, blank=True)
    sector = models.CharField(max_length=100, blank=True)
    availability = models.CharField(max_length=200, blank=True)
    access_needs = models.TextField(max_length=1000, blank=True)
    consent_text = models.TextField()
    consented_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=15, choices=ApplicationStatus.choices, default=ApplicationStatus.RECEIVED
    )
    waiting_position = models.PositiveSmallIntegerField(null=True, blank=True)
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    # Why someone offered or taking a place left the cohort (staff write it on withdrawing).
    withdrawal_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["cohort", "name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.cohort.name})"


class PanelSeat(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="panel")
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_seats"
    )
    organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lived_experience = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "judge"], name="programmes_one_seat")
        ]

    def __str__(self):
        return f"{self.judge} on {self.cohort}"


class PanelConflict(models.Model):
    seat = models.ForeignKey(PanelSeat, on_delete=models.CASCADE, related_name="conflicts")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    declared = models.BooleanField(default=True)
    reason = models.TextField(max_length=1000)
    recused = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["seat", "application"], name="programmes_one_conflict")
        ]

    def __str__(self):
        return f"Conflict: {self.seat.judge} and application {self.application_id}"


class PanelScore(models.Model):
    seat = models.ForeignKey(PanelSeat, on_delete=models.CASCADE, related_name="scores")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField()
    comment = models.TextField(max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["seat", "application", "criterion"], name="programmes_one_score"
            )
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class Module(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title


class ProgrammeSession(models.Model):
    """A session of a cohort. Its time, and who came, are its event's in the events app: an
    invitation-only training event with the cohort's participants given places, so staff take
    attendance with the events check-in (services/delivery.py reads it back)."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=200)
    place = models.CharField(max_length=200, blank=True)
    # Deleting the session deletes its event (services/delivery.py); the event cannot be
    # deleted from under the session.
    event = models.OneToOneField(
        "events.Event", on_delete=models.PROTECT, related_name="programme_session"
    )

    class Meta:
        ordering = ["event__starts_at", "pk"]

    def __str__(self):
        return self.title


class Mentor(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_mentor"
    )
    # The network whose programmes the mentor serves: its staff set them up and match them.
    # Empty only for mentors made before networks were recorded whom no match placed;
    # admins see those.
    network = models.ForeignKey(
        "members.Network", null=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    region = models.ForeignKey(
        "taxonomy.Term", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    interests = models.CharField(max_length=300, blank=True)
    sector = models.CharField(max_length=100, blank=True)
    availability = models.CharField(max_length=200, blank=True)
    max_mentees = models.PositiveSmallIntegerField(default=2)

    def __str__(self):
        return str(self.user)


class MentorMatch(models.Model):
    mentor = models.ForeignKey(Mentor, on_delete=models.CASCADE, related_name="matches")
    participant = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="mentor_matches"
    )
    started_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)
    change_asked_by = models.CharField(max_length=12, blank=True)  # "participant" or "mentor"
    change_reason = models.TextField(max_length=1000, blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]

    def __str__(self):
        return f"{self.mentor} mentoring {self.participant.name}"


class PartnerOffer(models.Model):
    class Kind(models.TextChoices):
        PLACEMENT = "placement", "Placement"
        SHADOWING = "shadowing", "Shadowing"
        BOARD_OBSERVER = "board_observer", "Board observer"

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="offers")
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=15, choices=Kind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=2000, blank=True)
    participant = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


class FollowUpPoint(models.TextChoices):
    END = "end", "End of the programme"
    MONTHS_6 = "6", "6 months on"
    MONTHS_12 = "12", "12 months on"
    MONTHS_24 = "24", "24 months on"


class FollowUp(models.Model):
    """One outcomes question set, sent at a point after the cohort ends, answered (or not)
    by the participant through their own link; they may withdraw their answers."""

    participant = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="followups")
    point = models.CharField(max_length=3, choices=FollowUpPoint.choices)
    due_on = models.DateField()
    requested_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    paid_role = models.BooleanField(null=True)
    in_sector = models.BooleanField(null=True)
    role_title = models.CharField(max_length=200, blank=True)
    seniority = models.CharField(max_length=20, blank=True)
    pay_band = models.CharField(max_length=20, blank=True)
    board_roles = models.PositiveSmallIntegerField(null=True)
    further_study = models.BooleanField(null=True)
    confidence = models.PositiveSmallIntegerField(null=True)

    class Meta:
        ordering = ["participant", "due_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "point"], name="programmes_one_followup_per_point"
            )
        ]

    def __str__(self):
        return f"{self.get_point_display()} follow-up for {self.participant.name}"

    @property
    def counts(self) -> bool:
        return self.answered_at is not None and self.withdrawn_at is None
