"""Saved scenarios: a set of lever values with a permanent address, published by staff and
linked to the recommendations whose effect it models."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from systemmodel.engine.levers import BY_NAME, DEFAULTS


class Scenario(models.Model):
    title = models.CharField(max_length=160)
    slug = models.SlugField(max_length=180, unique=True)
    description = models.TextField(blank=True, help_text="What the scenario stands for.")
    levers = models.JSONField(default=dict, help_text="Lever name -> value; others at default.")
    seed = models.PositiveIntegerField(default=7)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="model_scenarios",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    recommendations = models.ManyToManyField(
        "influence.Recommendation", blank=True, related_name="modelled_scenarios"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("systemmodel:scenario", args=[self.slug])

    @property
    def all_levers(self) -> dict[str, float]:
        return {**DEFAULTS, **{k: float(v) for k, v in self.levers.items() if k in BY_NAME}}

    @property
    def changed_levers(self) -> list[tuple[str, float]]:
        """(label, value) of each lever this scenario moves from today's practice."""
        return [
            (BY_NAME[name].label, value)
            for name, value in self.all_levers.items()
            if value != DEFAULTS[name]
        ]

    def visible_to(self, user) -> bool:
        from core.roles import is_staff_member

        return (
            self.is_published
            or is_staff_member(user)
            or (user.is_authenticated and self.created_by_id == user.pk)
        )
