from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from taxonomy.models import Vocabulary


class DictionaryTerm(models.Model):
    """A word or acronym of the justice system, explained in plain language."""

    term = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    acronym = models.CharField(max_length=20, blank=True, db_index=True)
    expansion = models.CharField(
        max_length=200, blank=True, help_text="What the acronym stands for."
    )
    definition = models.TextField(help_text="One or two sentences a 14-year-old could follow.")
    explanation = models.TextField(blank=True, help_text="Optional longer explanation.")
    parts = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="dictionary_terms",
        limit_choices_to={"vocabulary": Vocabulary.PART},
        verbose_name="parts of the system",
    )
    related = models.ManyToManyField("self", blank=True, symmetrical=True)
    jurisdiction_note = models.TextField(
        blank=True,
        help_text="Where England and Wales differ from Scotland or Northern Ireland.",
    )
    link_in_texts = models.BooleanField(
        default=True,
        help_text="Link this term where it appears in library texts. Turn off for everyday "
        "words (such as 'fine' or 'charge') that usually mean something else.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["term"]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("glossary:term", args=[self.slug])


class TermSource(models.Model):
    """An official source for a definition."""

    term = models.ForeignKey(DictionaryTerm, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(max_length=300)
    url = models.URLField()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


class GuideVersion(models.Model):
    """One version of the language guide. Guidance changes; every version is kept."""

    number = models.PositiveIntegerField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(help_text="Why the guide changed.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-number"]

    def __str__(self):
        return f"Language guide version {self.number}"


class GuideEntry(models.Model):
    """Stigmatising wording, the wording to use instead, and why. Belongs to one version."""

    class Category(models.TextChoices):
        LABEL = "label", "Defines a person by an offence"
        DEHUMANISING = "dehumanising", "Dehumanising"
        SENSATIONAL = "sensational", "Sensational"
        OUTDATED = "outdated", "Outdated"

    class Severity(models.TextChoices):
        # Values as glossary.services.guide_changes names them (SEVERE, CARE).
        STIGMATISING = "stigmatising", "Stigmatising"
        CARE = "care", "Use with care"

    version = models.ForeignKey(GuideVersion, on_delete=models.CASCADE, related_name="entries")
    key = models.SlugField(max_length=100, help_text="Stable across versions.")
    wording = models.CharField(max_length=200, help_text="The stigmatising word or phrase.")
    variants = models.TextField(
        blank=True, help_text="Other spellings, one per line (plurals are matched anyway)."
    )
    preferred = models.TextField(help_text="Wording to use instead, one suggestion per line.")
    reason = models.TextField()
    category = models.CharField(max_length=20, choices=Category.choices)
    severity = models.CharField(
        max_length=20,
        choices=Severity.choices,
        default=Severity.STIGMATISING,
        help_text="'Use with care' for wording the guide calls often unavoidable.",
    )

    class Meta:
        ordering = ["wording"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="unique_entry_per_version")
        ]

    def __str__(self):
        return self.wording


class OfficialName(models.Model):
    """A name that contains stigmatising wording but must be written as it is
    (an Act, an institution type, a register). Versioned with the guide."""

    version = models.ForeignKey(
        GuideVersion, on_delete=models.CASCADE, related_name="official_names"
    )
    name = models.CharField(max_length=300)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
