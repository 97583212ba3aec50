from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.lib.uploads import FileKind
from taxonomy.models import Vocabulary


class ResourceKind(models.TextChoices):
    REPORT = "report", "Report"
    BRIEFING = "briefing", "Briefing"
    CONSULTATION_RESPONSE = "consultation_response", "Consultation response"
    POLICY_FORUM_NOTE = "policy_forum_note", "Policy-forum note"
    TOOLKIT = "toolkit", "Toolkit"
    EVIDENCE_REVIEW = "evidence_review", "Evidence review"
    NEWS = "news", "News item"


class ResourceStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted by a member, waiting for staff"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Not accepted"


class ExtractionStatus(models.TextChoices):
    NONE = "none", "No file"
    PENDING = "pending", "Waiting to read the file"
    RUNNING = "running", "Reading the file"
    DONE = "done", "Text extracted"
    FAILED = "failed", "The file could not be read"


class Resource(models.Model):
    """A publication or piece of members' evidence in the alliance's library."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    kind = models.CharField(max_length=30, choices=ResourceKind.choices)
    summary = models.TextField(max_length=2000, blank=True)
    body = models.TextField(blank=True, help_text="Markdown.")
    file = models.FileField(upload_to="library/%Y/", blank=True, max_length=255)
    file_name = models.CharField(max_length=255, blank=True, editable=False)
    file_kind = models.CharField(max_length=10, choices=FileKind.choices, blank=True)
    file_size = models.PositiveBigIntegerField(default=0, editable=False)
    extracted_text = models.TextField(blank=True, editable=False)
    extraction_status = models.CharField(
        max_length=10, choices=ExtractionStatus.choices, default=ExtractionStatus.NONE
    )
    extraction_progress = models.PositiveSmallIntegerField(default=0)
    extraction_error = models.TextField(blank=True)
    author_organisations = models.ManyToManyField(
        "members.Organisation", blank=True, related_name="authored_resources"
    )
    author_people = models.ManyToManyField(
        "members.Person", blank=True, related_name="authored_resources"
    )
    co_produced_with = models.ManyToManyField(
        "members.Organisation", blank=True, related_name="co_produced_resources"
    )
    networks = models.ManyToManyField("members.Network", blank=True, related_name="resources")
    published_on = models.DateField(default=timezone.localdate, db_index=True)
    parts = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="resources_in_part",
        limit_choices_to={"vocabulary": Vocabulary.PART},
        verbose_name="parts of the system",
    )
    themes = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="resources_in_theme",
        limit_choices_to={"vocabulary": Vocabulary.THEME},
    )
    populations = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="resources_serving",
        limit_choices_to={"vocabulary": Vocabulary.POPULATION},
    )
    places = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="resources_in_place",
        limit_choices_to={"vocabulary": Vocabulary.PLACE},
    )
    external_url = models.URLField(blank=True)
    licence = models.CharField(max_length=100, blank=True, default="CC BY 4.0")
    related = models.ManyToManyField("self", blank=True, symmetrical=True)
    status = models.CharField(
        max_length=10, choices=ResourceStatus.choices, default=ResourceStatus.DRAFT, db_index=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # A member's submission: the organisation it was submitted for, and the staff decision.
    submitted_for = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_resources",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_on", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("library:resource", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == ResourceStatus.PUBLISHED

    @property
    def extraction_finished(self) -> bool:
        return self.extraction_status in {
            ExtractionStatus.NONE,
            ExtractionStatus.DONE,
            ExtractionStatus.FAILED,
        }
