"""Equality monitoring: exercises (who is asked, for which year), answers kept apart from
names, and the published reports.

Why a `Response` has no link to a person: the answers are special category data. A response
is found only by a token computed from the person's account and the exercise with a secret
key (services/tokens.py); no table holds the token beside a name, so nobody reading the
database (staff, an export, a backup) can join answers to people. Only the running site,
acting for the signed-in person, can find that person's own answers.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from equality.questions import QUESTIONS


class Group(models.TextChoices):
    STAFF = "staff", "Staff"
    TRUSTEES = "trustees", "Trustees"
    PROGRAMME = "programme", "Leadership programme participants"
    EVENTS = "events", "Event attendees"
    MEMBER_LEADERSHIP = "member_leadership", "Member organisations' leaders"


class Exercise(models.Model):
    """One round of asking: a group, a reporting year and what it is about (a programme
    cohort or an event, named by `context_key`, e.g. "events.event:42")."""

    group = models.CharField(max_length=20, choices=Group.choices)
    year = models.PositiveSmallIntegerField(help_text="The report year these answers count in.")
    title = models.CharField(max_length=200)
    context_key = models.CharField(max_length=100, blank=True, default="")
    slug = models.SlugField(max_length=80, unique=True)
    is_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "group", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "year", "context_key"], name="equality_one_exercise_per_context"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("equality:answer", args=[self.slug])


def _answer_field(question):
    return models.CharField(max_length=20, choices=question.all_choices())


class Response(models.Model):
    """One person's answers to one exercise, with their explicit consent."""

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="responses")
    token = models.CharField(max_length=64, help_text="Keyed hash; see services/tokens.py.")
    consent_wording = models.TextField()
    consented_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)
    ethnicity = _answer_field(QUESTIONS[0])
    sex = _answer_field(QUESTIONS[1])
    gender_identity = _answer_field(QUESTIONS[2])
    sexual_orientation = _answer_field(QUESTIONS[3])
    disability = _answer_field(QUESTIONS[4])
    age_band = _answer_field(QUESTIONS[5])
    religion = _answer_field(QUESTIONS[6])
    justice_experience = _answer_field(QUESTIONS[7])
    care_experience = _answer_field(QUESTIONS[8])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["exercise", "token"], name="equality_one_answer_each")
        ]

    def __str__(self):
        return f"Anonymous answers to {self.exercise}"


class PublishedReport(models.Model):
    """A year's report as published: the figures shown (hidden ones as null), frozen so the
    page, CSV and PDF never change and next year's suppression can take them into account."""

    year = models.PositiveSmallIntegerField(unique=True)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    figures = models.JSONField(help_text="Key -> shown count, or null if hidden.")
    # The true counts behind the figures, never shown: next year keeps a figure hidden when
    # its count has not changed (showing it would reveal this year's hidden figure).
    true_counts = models.JSONField()
    answers = models.PositiveIntegerField()

    class Meta:
        ordering = ["-year"]

    def __str__(self):
        return f"Equality Impact Report {self.year}"

    def get_absolute_url(self):
        return reverse("equality:report", args=[self.year])
