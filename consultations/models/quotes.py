"""Quotes cut from the evidence, and the identifying details redacted from them."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from consultations.models.consultation import Consultation
from consultations.models.evidence import Answer, Passage


class Quote(models.Model):
    """A span of a source (an answer or a passage), kept with its exact position."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="quotes")
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="quotes"
    )
    passage = models.ForeignKey(
        Passage, null=True, blank=True, on_delete=models.CASCADE, related_name="quotes"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField(help_text="The source text between start and end, as selected.")
    is_redaction_reviewed = models.BooleanField(
        default=False, help_text="Staff have reviewed the identifying details; ready to use."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["consultation", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(answer__isnull=False, passage__isnull=True))
                | (Q(answer__isnull=True, passage__isnull=False)),
                name="quote_has_one_source",
            ),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="quote_not_empty"),
        ]

    def __str__(self):
        return self.text[:80]


class Redaction(models.Model):
    """An identifying detail in a quote, replaced by a neutral marker when published."""

    class Category(models.TextChoices):
        NAME = "name", "Personal name"
        PLACE = "place", "Place"
        INSTITUTION = "institution", "Prison or institution"
        DATE = "date", "Date"
        AGE = "age", "Age"
        ORGANISATION = "organisation", "Organisation"
        OTHER = "other", "Other detail"

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="redactions")
    start = models.PositiveIntegerField(help_text="Offset within the quote's text.")
    end = models.PositiveIntegerField()
    category = models.CharField(max_length=14, choices=Category.choices)
    marker = models.CharField(max_length=40, help_text='Shown instead, e.g. "[name]".')
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    reason = models.CharField(max_length=200, blank=True, help_text="Why it was suggested.")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["quote", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="redaction_span")
        ]

    def __str__(self):
        return f"{self.marker} in quote {self.quote_id}"
