"""A consultation: the asking body's call for evidence, its parts and its questions."""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from taxonomy.models import Vocabulary


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open for evidence"
    ANALYSING = "analysing", "Analysing evidence"
    SUBMITTED = "submitted", "Submission sent"
    RESPONSE_RECEIVED = "response_received", "Response received"
    CLOSED = "closed", "Closed"


class Consultation(models.Model):
    """A request for evidence from an outside body, and the alliance's work to answer it."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    asking_body = models.ForeignKey(
        "influence.TargetBody", on_delete=models.PROTECT, related_name="consultations"
    )
    description = models.TextField(blank=True, help_text="Markdown.")
    external_link = models.URLField(blank=True, help_text="The asking body's consultation page.")
    deadline = models.DateField(help_text="When the asking body needs the response.")
    internal_deadline = models.DateField(help_text="When members' evidence must be in.")
    networks = models.ManyToManyField("members.Network", related_name="consultations")
    parts = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="consultations_in_part",
        limit_choices_to={"vocabulary": Vocabulary.PART},
        verbose_name="parts of the system",
    )
    themes = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="consultations_in_theme",
        limit_choices_to={"vocabulary": Vocabulary.THEME},
    )
    status = models.CharField(
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.DRAFT,
        db_index=True,
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-deadline", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultations:detail", args=[self.slug])

    @property
    def accepts_contributions(self) -> bool:
        return (
            self.status == ConsultationStatus.OPEN
            and timezone.localdate() <= self.internal_deadline
        )


class QuestionPart(models.Model):
    """A group of questions, as the asking body sets them out (e.g. "Part 2: Prisons")."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="question_parts"
    )
    title = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["consultation", "position", "pk"]

    def __str__(self):
        return self.title


class Question(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    part = models.ForeignKey(QuestionPart, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(help_text="As numbered by the asking body.")
    text = models.TextField()
    guidance = models.TextField(blank=True, help_text="What would help us most in an answer.")

    class Meta:
        ordering = ["consultation", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "number"], name="unique_question_number"
            )
        ]

    def __str__(self):
        return f"Q{self.number}. {self.text[:80]}"
