"""What each contributor who asked to hear back has been told."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from consultations.models.consultation import Consultation
from consultations.models.evidence import Contribution, Speaker


class FeedbackMessage(models.Model):
    """An outcome or update sent to one contributor who asked to hear back."""

    class Kind(models.TextChoices):
        OUTCOME = "outcome", "What happened to your input"
        UPDATE = "update", "An update on a recommendation"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="feedback_messages"
    )
    contribution = models.ForeignKey(
        Contribution, null=True, blank=True, on_delete=models.CASCADE, related_name="feedback"
    )
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.CASCADE, related_name="feedback"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OUTCOME)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(contribution__isnull=False, speaker__isnull=True))
                | (Q(contribution__isnull=True, speaker__isnull=False)),
                name="feedback_has_one_recipient",
            )
        ]

    def __str__(self):
        return self.subject
