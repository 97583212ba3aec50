"""The alliance's submission: its sections, their blocks, and saved versions."""

from django.conf import settings
from django.db import models

from consultations.models.consultation import Consultation, Question
from consultations.models.quotes import Quote


class Submission(models.Model):
    """The alliance's response, built from coded evidence."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SENT = "sent", "Sent to the asking body"

    consultation = models.OneToOneField(
        Consultation, on_delete=models.CASCADE, related_name="submission"
    )
    title = models.CharField(max_length=300)
    introduction = models.TextField(blank=True, help_text="Markdown.")
    contact_details = models.TextField(blank=True)
    recommendations = models.ManyToManyField(
        "influence.Recommendation", blank=True, related_name="submissions"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    sent_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    resource = models.OneToOneField(
        "library.Resource",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_submission",
        help_text="The library entry, once published.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class SubmissionSection(models.Model):
    """A heading in the submission; top-level sections are parts, children are sections."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    heading = models.CharField(max_length=300)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["submission", "position", "pk"]

    def __str__(self):
        return self.heading


class Block(models.Model):
    """One piece of a section: narrative text, a quote, or a recommendation."""

    class Kind(models.TextChoices):
        TEXT = "text", "Narrative text"
        QUOTE = "quote", "Quote"
        RECOMMENDATION = "recommendation", "Recommendation"

    section = models.ForeignKey(SubmissionSection, on_delete=models.CASCADE, related_name="blocks")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    text = models.TextField(blank=True, help_text="Markdown, for narrative text.")
    quote = models.ForeignKey(
        Quote, null=True, blank=True, on_delete=models.CASCADE, related_name="blocks"
    )
    recommendation = models.ForeignKey(
        "influence.Recommendation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submission_blocks",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["section", "position", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} in {self.section}"


class SubmissionVersion(models.Model):
    """A saved snapshot of the whole submission, so two versions can be compared."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    note = models.CharField(max_length=300, blank=True)
    content = models.JSONField(help_text="The rendered document, as published text.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submission", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="unique_version_number")
        ]

    def __str__(self):
        return f"Version {self.number} of {self.submission}"
