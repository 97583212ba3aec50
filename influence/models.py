from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from taxonomy.models import Vocabulary


class TargetBody(models.Model):
    """A body outside the alliance that recommendations are addressed to."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", "Government department"
        AGENCY = "agency", "Agency or public body"
        POLICE = "police", "Police force"
        DEVOLVED = "devolved", "Devolved government"
        COMMITTEE = "committee", "Parliamentary committee"
        INSPECTORATE = "inspectorate", "Inspectorate"
        PARTY = "party", "Political party"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("influence:target", args=[self.slug])


def _terms(vocabulary):
    return {"vocabulary": vocabulary}


class Recommendation(models.Model):
    """One ask the alliance makes of one or more outside bodies."""

    title = models.CharField("short title", max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    text = models.TextField("full text")
    rationale = models.TextField(blank=True)
    parts = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="recommendations_in_part",
        limit_choices_to=_terms(Vocabulary.PART),
        verbose_name="parts of the system",
    )
    themes = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="recommendations_in_theme",
        limit_choices_to=_terms(Vocabulary.THEME),
    )
    populations = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="recommendations_serving",
        limit_choices_to=_terms(Vocabulary.POPULATION),
    )
    places = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="recommendations_in_place",
        limit_choices_to=_terms(Vocabulary.PLACE),
    )
    targets = models.ManyToManyField(TargetBody, related_name="recommendations")
    networks = models.ManyToManyField("members.Network", related_name="recommendations")
    first_made_on = models.DateField(default=timezone.localdate)
    sources = models.ManyToManyField(
        "library.Resource",
        blank=True,
        related_name="recommendations_made",
        help_text="The documents this recommendation appears in.",
    )
    repeats = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repeated_by",
        help_text="An earlier recommendation this one asks for again.",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text="Set when this was a duplicate: its page redirects there.",
    )
    related = models.ManyToManyField("self", blank=True, symmetrical=True)
    is_published = models.BooleanField(default=False, db_index=True)
    follow_up_on = models.DateField(null=True, blank=True, db_index=True)
    follow_up_note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-first_made_on", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("influence:recommendation", args=[self.slug])


class Evidence(models.Model):
    """A library resource that supports a recommendation, optionally a page or a quote."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="evidence"
    )
    resource = models.ForeignKey(
        "library.Resource", on_delete=models.CASCADE, related_name="evidence_for"
    )
    page = models.CharField(max_length=20, blank=True)
    quote = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "evidence"

    def __str__(self):
        return f"{self.resource} for {self.recommendation}"


class Status(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    RAISED = "raised", "Raised with the target"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    CONSIDERING = "considering", "Under consideration"
    ACCEPTED = "accepted", "Accepted in principle"
    PARTIAL = "partial", "Partially implemented"
    IMPLEMENTED = "implemented", "Implemented"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


class StatusChange(models.Model):
    """A dated entry in one recommendation's timeline with one target.

    The current status is always derived from these, never stored. A correction adds a new
    entry and points the old one at it (`corrected_by`), so the old value is kept.
    """

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="status_changes"
    )
    target = models.ForeignKey(TargetBody, on_delete=models.PROTECT, related_name="status_changes")
    status = models.CharField(max_length=15, choices=Status.choices)
    happened_on = models.DateField()
    note = models.TextField(blank=True)
    evidence_url = models.URLField(blank=True)
    evidence_file = models.FileField(upload_to="influence/%Y/", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    corrected_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="corrects"
    )

    class Meta:
        ordering = ["happened_on", "recorded_at", "pk"]
        indexes = [
            models.Index(fields=["recommendation", "target", "happened_on"]),
            # The what-changed registry reads status changes by date range across all asks.
            models.Index(fields=["happened_on"], name="influence_change_happened_on"),
        ]

    def __str__(self):
        return f"{self.get_status_display()} ({self.target}, {self.happened_on})"


class InfluenceActivity(models.Model):
    """Something the alliance did to move a recommendation forward."""

    class Kind(models.TextChoices):
        MEETING = "meeting", "Meeting"
        BRIEFING = "briefing", "Briefing"
        LETTER = "letter", "Letter"
        CONSULTATION = "consultation", "Consultation response"
        QUESTION = "question", "Parliamentary question"
        EVIDENCE_SESSION = "evidence_session", "Evidence session"
        MEDIA = "media", "Media piece"
        EVENT = "event", "Event"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    happened_on = models.DateField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    recommendations = models.ManyToManyField(Recommendation, blank=True, related_name="activities")
    targets = models.ManyToManyField(TargetBody, blank=True, related_name="activities")
    organisations = models.ManyToManyField(
        "members.Organisation", blank=True, related_name="influence_activities"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-happened_on"]
        verbose_name_plural = "influence activities"

    def __str__(self):
        return self.title
