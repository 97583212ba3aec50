"""Strategy, the annual action plan, its indicators and the reports made from them.

A plan year runs April to March (the alliances publish each April): plan year 2026 is
1 April 2026 to 31 March 2027, and its quarter 1 is April to June.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

QUARTERS = (1, 2, 3, 4)


class Strategy(models.Model):
    network = models.ForeignKey(
        "members.Network", on_delete=models.CASCADE, related_name="strategies"
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220)
    starts_year = models.PositiveSmallIntegerField("first year")
    ends_year = models.PositiveSmallIntegerField("last year")
    vision = models.TextField(blank=True, help_text="Markdown.")
    mission = models.TextField(blank=True, help_text="Markdown.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["network__name", "-starts_year"]
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="plans_strategy_slug")
        ]
        verbose_name_plural = "strategies"

    def __str__(self):
        return self.title

    @property
    def period(self) -> str:
        return f"{self.starts_year}–{self.ends_year}"


class Aim(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="aims")
    order = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="Markdown.")

    class Meta:
        ordering = ["strategy", "order", "pk"]

    def __str__(self):
        return self.title


class Objective(models.Model):
    aim = models.ForeignKey(Aim, on_delete=models.CASCADE, related_name="objectives")
    order = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=300)

    class Meta:
        ordering = ["aim__order", "order", "pk"]

    def __str__(self):
        return self.title


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class ActionPlan(models.Model):
    network = models.ForeignKey(
        "members.Network", on_delete=models.CASCADE, related_name="action_plans"
    )
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="action_plans")
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text="The April it starts: 2026 means April 2026 to March 2027.",
    )
    introduction = models.TextField(blank=True, help_text="Markdown.")
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["network__name", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["network", "year"], name="plans_one_plan_a_year")
        ]

    def __str__(self):
        return f"{self.network.label} action plan {self.year_label}"

    def get_absolute_url(self):
        return reverse("plans:plan", args=[self.network.slug, self.year])

    @property
    def year_label(self) -> str:
        return f"{self.year}/{str(self.year + 1)[-2:]}"

    @property
    def is_published(self) -> bool:
        return self.status == PlanStatus.PUBLISHED


class PlanVersion(models.Model):
    """A published plan as it stood: version 1 on publication, one more per change since."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    reason = models.CharField(max_length=500)
    snapshot = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plans_version_number")
        ]

    def __str__(self):
        return f"{self.plan} v{self.number}"


class ActivityStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


# Statuses that need a reason written down, so members can see why.
NEEDS_REASON = {ActivityStatus.AT_RISK, ActivityStatus.OFF_TRACK, ActivityStatus.DROPPED}


class Activity(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="activities")
    objective = models.ForeignKey(
        Objective, null=True, blank=True, on_delete=models.SET_NULL, related_name="activities"
    )
    order = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True, help_text="Markdown.")
    owner = models.CharField(max_length=200, help_text="The person or team responsible.")
    quarters = models.CharField(
        max_length=7, help_text="Quarters of the plan year it runs in, e.g. 1,2."
    )
    status = models.CharField(
        max_length=12, choices=ActivityStatus.choices, default=ActivityStatus.NOT_STARTED
    )
    status_reason = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "order", "pk"]
        verbose_name_plural = "activities"

    def __str__(self):
        return self.title

    @property
    def quarter_list(self) -> list[int]:
        return [int(q) for q in self.quarters.split(",") if q.strip().isdigit()]

    @property
    def quarters_label(self) -> str:
        return ", ".join(f"Q{q}" for q in self.quarter_list)


class ActivityChange(models.Model):
    """One change to an activity: status moves always; any change once the plan is published
    (with the reason the plan changed), so the next quarterly update can list them."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(max_length=30)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    reason = models.TextField(blank=True)
    changed_at = models.DateTimeField(db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.activity}: {self.field}"


class ActivityLink(models.Model):
    """What an activity is about: a consultation, recommendation, event, library resource,
    award scheme or (once that app exists) a programme. Kinds are listed in
    plans.services.links."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="links")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "content_type", "object_id"], name="plans_link_once"
            )
        ]

    def __str__(self):
        return f"{self.activity} → {self.content_type.model} {self.object_id}"


class Unit(models.TextChoices):
    COUNT = "count", "Number"
    PERCENT = "percent", "Per cent"
    DAYS = "days", "Days"
    POUNDS = "pounds", "Pounds (£)"


class IndicatorKind(models.TextChoices):
    MEASURED = "measured", "Measured from the platform's records"
    REPORTED = "reported", "Reported by staff with evidence"


class Direction(models.TextChoices):
    UP = "up", "Higher is better"
    DOWN = "down", "Lower is better"


class Indicator(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="indicators")
    objective = models.ForeignKey(
        Objective, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    order = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=IndicatorKind.choices)
    measure = models.CharField(
        max_length=60, blank=True, help_text="For a measured indicator: the named query."
    )
    definition = models.TextField(
        blank=True, help_text="For a reported indicator: what is counted and how."
    )
    unit = models.CharField(max_length=10, choices=Unit.choices)
    direction = models.CharField(max_length=4, choices=Direction.choices, default=Direction.UP)
    baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_note = models.CharField(max_length=200, blank=True)
    target = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return self.title


class IndicatorValue(models.Model):
    """An indicator's value for one quarter of the plan year."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    quarter = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(max_length=10, choices=Unit.choices)
    as_at = models.DateField(help_text="The date the value describes.")
    computed_at = models.DateTimeField(null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    evidence = models.FileField(upload_to="plans/evidence/%Y/", blank=True, max_length=255)
    evidence_name = models.CharField(max_length=255, blank=True)
    evidence_note = models.TextField(blank=True)
    annotation = models.TextField(blank=True, help_text="Staff's note on what the figure means.")
    annotated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "quarter"], name="plans_value_a_quarter")
        ]

    def __str__(self):
        return f"{self.indicator} Q{self.quarter}: {self.value}"


class Audience(models.TextChoices):
    MEMBERS = "members", "Members only (signed in)"
    PUBLIC = "public", "Everyone"


class Report(models.Model):
    """A quarterly update (quarter 1–4) or the annual impact report (quarter empty)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="reports")
    quarter = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, help_text="Markdown.")
    highlights = models.TextField(blank=True, help_text="Markdown.")
    learning = models.TextField(blank=True, help_text="Markdown: what we learned.")
    content = models.JSONField(default=dict, help_text="The figures drafted from the records.")
    drafted_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.MEMBERS)
    published_at = models.DateTimeField(null=True, blank=True)
    library_resource = models.OneToOneField(
        "library.Resource", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["plan", "quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "quarter"], name="plans_one_update_a_quarter",
                condition=models.Q(quarter__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["plan"], name="plans_one_annual_report",
                condition=models.Q(quarter__isnull=True),
            ),
        ]  # fmt: skip

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:report", args=[self.pk])

    @property
    def is_annual(self) -> bool:
        return self.quarter is None

    @property
    def is_published(self) -> bool:
        return self.status == PlanStatus.PUBLISHED

    @property
    def is_public(self) -> bool:
        return self.is_published and self.audience == Audience.PUBLIC


class Survey(models.Model):
    """Members' yearly feedback on the alliance's work: one answer per organisation."""

    network = models.ForeignKey("members.Network", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    introduction = models.TextField(blank=True)
    free_text_question = models.CharField(
        max_length=300, default="What else should we know about our work with you?"
    )
    is_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["network__name", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["network", "year"], name="plans_survey_a_year")
        ]

    def __str__(self):
        return self.title


class Statement(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="statements")
    order = models.PositiveSmallIntegerField(default=1)
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["survey", "order", "pk"]

    def __str__(self):
        return self.text


class Agreement(models.IntegerChoices):
    STRONGLY_DISAGREE = 1, "Strongly disagree"
    DISAGREE = 2, "Disagree"
    NEITHER = 3, "Neither agree nor disagree"
    AGREE = 4, "Agree"
    STRONGLY_AGREE = 5, "Strongly agree"


class SurveyCode(models.Model):
    """A theme staff code the free-text answers with."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="codes")
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["survey", "name"]
        constraints = [models.UniqueConstraint(fields=["survey", "name"], name="plans_code_once")]

    def __str__(self):
        return self.name


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    free_text = models.TextField(blank=True, max_length=4000)
    codes = models.ManyToManyField(SurveyCode, blank=True, related_name="responses")

    class Meta:
        ordering = ["survey", "submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "organisation"], name="plans_one_answer_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} on {self.survey}"


class StatementAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="answers")
    agreement = models.PositiveSmallIntegerField(choices=Agreement.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "statement"], name="plans_answer_once")
        ]

    def __str__(self):
        return f"{self.statement}: {self.get_agreement_display()}"
