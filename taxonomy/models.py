from django.db import models
from django.urls import reverse


class Vocabulary(models.TextChoices):
    PART = "part", "Part of the system"
    THEME = "theme", "Theme"
    POPULATION = "population", "Population served"
    PLACE = "place", "Place"


class TermQuerySet(models.QuerySet):
    def parts(self):
        return self.filter(vocabulary=Vocabulary.PART)

    def themes(self):
        return self.filter(vocabulary=Vocabulary.THEME)

    def populations(self):
        return self.filter(vocabulary=Vocabulary.POPULATION)

    def places(self):
        return self.filter(vocabulary=Vocabulary.PLACE)


class Term(models.Model):
    """One entry of the shared taxonomy every module tags with."""

    vocabulary = models.CharField(max_length=12, choices=Vocabulary.choices, db_index=True)
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(help_text="One or two plain-language sentences.")
    position = models.PositiveSmallIntegerField(default=0)

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["vocabulary", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "name"], name="unique_term_name")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("taxonomy:topic", args=[self.slug])
