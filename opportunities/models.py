"""The opportunities board: jobs, placements and board roles open to people with convictions,
each with honest information about the criminal record check it needs."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse

from taxonomy.models import Vocabulary


class Kind(models.TextChoices):
    JOB = "job", "Job"
    LIVED_EXPERIENCE = "lived_experience", "Paid lived-experience role"
    PLACEMENT = "placement", "Placement"
    VOLUNTEERING = "volunteering", "Volunteering"
    TRUSTEE = "trustee", "Trustee or board role"
    ADVISORY = "advisory", "Advisory or speaking"


# Kinds that are paid by their nature: pay must be given as a range.
PAID_KINDS = {Kind.JOB, Kind.LIVED_EXPERIENCE}


class CheckLevel(models.TextChoices):
    NONE = "none", "No criminal record check"
    BASIC = "basic", "Basic check"
    STANDARD = "standard", "Standard DBS check"
    ENHANCED = "enhanced", "Enhanced DBS check"
    ENHANCED_BARRED = "enhanced_barred", "Enhanced DBS check with barred lists"


class WorkMode(models.TextChoices):
    ON_SITE = "on_site", "On site"
    HYBRID = "hybrid", "Hybrid (some remote working)"
    REMOTE = "remote", "Fully remote"


class PayPeriod(models.TextChoices):
    YEAR = "year", "a year"
    DAY = "day", "a day"
    HOUR = "hour", "an hour"
    SESSION = "session", "a session"


class WhenAsked(models.TextChoices):
    NEVER = "never", "The employer does not ask"
    AFTER_OFFER = "after_offer", "Only after a conditional offer"
    AT_INTERVIEW = "at_interview", "At interview"
    ON_APPLICATION = "on_application", "On the application form"


class SpentDisclosure(models.TextChoices):
    NO = "no", "No: only unspent convictions need to be disclosed"
    YES = "yes", "Yes: the role is exempt, so some spent convictions must be disclosed"
    NOTHING = "nothing", "No: the employer asks about no convictions at all"


class Status(models.TextChoices):
    PENDING = "pending", "Waiting for approval"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Opportunity(models.Model):
    title = models.CharField(max_length=160)
    slug = models.SlugField(max_length=180, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    summary = models.CharField(max_length=300, help_text="One or two sentences for the list.")
    description = models.TextField(
        max_length=10000, help_text="What the role involves (Markdown: lists and links work)."
    )
    # The employer: a directory organisation, or one outside the directory by name.
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
        verbose_name="employer in the directory",
    )
    employer_name = models.CharField(
        "employer outside the directory",
        max_length=200,
        blank=True,
        help_text="Only if the employer is not in the member directory.",
    )
    # Kept on the listing so the board filters on one table; copied from the directory
    # organisation when there is one.
    lived_experience_led = models.BooleanField("lived-experience-led employer", default=False)
    location = models.CharField(max_length=200, help_text="Town or city, or 'Anywhere'.")
    region = models.ForeignKey(
        "taxonomy.Term",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.PLACE},
    )
    work_mode = models.CharField("where the work is done", max_length=10, choices=WorkMode.choices)
    parts = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="opportunities",
        limit_choices_to={"vocabulary": Vocabulary.PART},
        verbose_name="parts of the system",
    )
    paid = models.BooleanField(default=True)
    pay_min = models.PositiveIntegerField("pay from (£)", null=True, blank=True)
    pay_max = models.PositiveIntegerField("pay up to (£)", null=True, blank=True)
    pay_period = models.CharField(max_length=10, choices=PayPeriod.choices, blank=True)
    hours = models.CharField(max_length=120, help_text="e.g. 'Full time, 37.5 hours a week'.")
    closes_on = models.DateField("closing date")
    how_to_apply = models.TextField(max_length=2000)
    apply_url = models.URLField("application link", blank=True)
    # Honest vetting information: required on every listing.
    check_level = models.CharField(
        "criminal record check", max_length=20, choices=CheckLevel.choices
    )
    check_reason = models.TextField(
        "why the role is eligible for this check",
        max_length=1000,
        help_text="e.g. 'Unsupervised work with children: regulated activity'.",
    )
    spent_disclosure = models.CharField(
        "must spent convictions be disclosed?", max_length=10, choices=SpentDisclosure.choices
    )
    when_asked = models.CharField(
        "when in the process the employer asks", max_length=20, choices=WhenAsked.choices
    )
    support_offered = models.TextField(
        "support offered",
        max_length=1000,
        help_text="e.g. a named person to talk to in confidence, help with the disclosure.",
    )
    fair_chance = models.BooleanField(
        "the employer has signed up to fair-chance recruitment", default=False
    )
    fair_chance_scheme = models.CharField(
        "which scheme", max_length=120, blank=True, help_text="e.g. Ban the Box."
    )
    # Moderation.
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="posted_opportunities",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    refusal_reason = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name_plural = "opportunities"
        indexes = [
            # The board: approved and still open, newest first; each filter narrows it.
            models.Index(fields=["status", "closes_on"], name="opp_open"),
            models.Index(fields=["status", "check_level", "closes_on"], name="opp_check"),
            models.Index(fields=["status", "kind", "closes_on"], name="opp_kind"),
            models.Index(fields=["status", "region", "closes_on"], name="opp_region"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("opportunities:detail", args=[self.slug])

    @property
    def employer(self) -> str:
        return self.organisation.name if self.organisation_id else self.employer_name

    @property
    def is_remote(self) -> bool:
        return self.work_mode in (WorkMode.REMOTE, WorkMode.HYBRID)


class Alert(models.Model):
    """An email alert for a saved set of board filters. A visitor's alert starts once they
    confirm the address from the email we send; every alert email links to unsubscribe."""

    email = models.EmailField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="opportunity_alerts",
    )
    filters = models.CharField(max_length=500, blank=True)  # the board's query string
    description = models.CharField(max_length=500, blank=True)  # the filters in words
    token = models.CharField(max_length=64, unique=True, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    consent_text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Alert for {self.description or 'all opportunities'}"

    def save(self, *args, **kwargs):
        if not self.token:
            self.token = secrets.token_urlsafe(32)
        super().save(*args, **kwargs)
