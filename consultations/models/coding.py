"""The codebook: themes, each coder's codings of quotes, and samples for measuring agreement."""

from django.conf import settings
from django.db import models

from consultations.models.consultation import Consultation
from consultations.models.quotes import Quote


class Theme(models.Model):
    """A code in a consultation's codebook. Themes nest, and merging keeps the old one."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="codebook"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )

    class Meta:
        ordering = ["consultation", "name"]

    def __str__(self):
        return self.name


class Coding(models.Model):
    """One coder's judgement that a quote speaks to a theme."""

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="codings")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="codings")
    coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["quote", "theme", "coder"], name="unique_coding")
        ]
        indexes = [models.Index(fields=["theme", "quote"])]

    def __str__(self):
        return f"{self.quote_id} → {self.theme}"


class CodingSample(models.Model):
    """Quotes two staff code independently, to measure their agreement."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="coding_samples"
    )
    name = models.CharField(max_length=200)
    quotes = models.ManyToManyField(Quote, related_name="samples")
    coders = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name
