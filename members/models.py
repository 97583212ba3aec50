from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from members.services.identifiers import (
    normalise_charity_number,
    normalise_company_number,
    normalise_name,
    validate_charity_number,
    validate_company_number,
    validate_phone,
)
from taxonomy.models import Vocabulary


class Network(models.Model):
    """An alliance: a membership network of organisations. One installation hosts several."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=20, blank=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    # The organisation that runs this network, so one alliance can be a member of another.
    organisation = models.OneToOneField(
        "Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="runs_network",
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="staffed_networks",
        help_text="Staff who run this network and may edit its members.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        return self.short_name or self.name


class OrganisationType(models.TextChoices):
    CHARITY = "charity", "Charity"
    SOCIAL_ENTERPRISE = "social_enterprise", "Social enterprise or CIC"
    GRASSROOTS = "grassroots", "Grassroots or community group"
    RESEARCH = "research", "Research institution or university"
    ASSOCIATION = "association", "Staff or professional association"
    OTHER = "other", "Other"


class SizeBand(models.TextChoices):
    MICRO = "micro", "Micro (income under £10,000)"
    SMALL = "small", "Small (£10,000 to £100,000)"
    MEDIUM = "medium", "Medium (£100,000 to £1 million)"
    LARGE = "large", "Large (£1 million to £10 million)"
    MAJOR = "major", "Major (over £10 million)"


def _terms(vocabulary):
    return {"vocabulary": vocabulary}


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    # Lower-cased, punctuation and "the"/"ltd" stripped: used to spot duplicates and match imports.
    normalised_name = models.CharField(max_length=200, db_index=True, editable=False)
    org_type = models.CharField(
        "type", max_length=20, choices=OrganisationType.choices, default=OrganisationType.CHARITY
    )
    description = models.TextField(blank=True, max_length=2000)
    website = models.URLField(blank=True)
    # How the public reaches the organisation: its general address and number, never a
    # person's own unless that person chose to be the contact.
    email = models.EmailField(
        "general email",
        blank=True,
        help_text="The organisation's general address (such as info@…), not a person's own.",
    )
    phone = models.CharField(
        "phone",
        max_length=30,
        blank=True,
        validators=[validate_phone],
        help_text="The organisation's general number, e.g. 020 7946 0123.",
    )
    # A PNG we made from the upload (checked by content, scaled down): see core.lib.images.
    logo = models.FileField(upload_to="members/logos/", blank=True, editable=False)
    regions = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="organisations_in_region",
        limit_choices_to=_terms(Vocabulary.PLACE),
        verbose_name="regions served",
    )
    parts = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="organisations_in_part",
        limit_choices_to=_terms(Vocabulary.PART),
        verbose_name="parts of the system",
    )
    themes = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="organisations_in_theme",
        limit_choices_to=_terms(Vocabulary.THEME),
    )
    populations = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="organisations_serving",
        limit_choices_to=_terms(Vocabulary.POPULATION),
        verbose_name="populations served",
    )
    lived_experience_led = models.BooleanField("lived-experience-led", default=False)
    by_and_for = models.BooleanField(
        '"by and for"',
        default=False,
        help_text="Run by and for the community it serves.",
    )
    size_band = models.CharField(max_length=10, choices=SizeBand.choices, blank=True)
    charity_number = models.CharField(
        max_length=12,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_charity_number],
        help_text="England and Wales: 6 or 7 digits. Scotland: SC and 6 digits. "
        "Northern Ireland: NIC and 6 digits.",
    )
    company_number = models.CharField(
        max_length=8,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_company_number],
        help_text="8 characters, e.g. 01234567 or SC123456.",
    )
    # Profile details written for the demo rather than by the organisation itself.
    is_demo_content = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalised_name = normalise_name(self.name)
        # Empty identifiers are stored as NULL so "unique when present" holds on every database.
        self.charity_number = normalise_charity_number(self.charity_number) or None
        self.company_number = normalise_company_number(self.company_number) or None
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:profile", args=[self.slug])

    @property
    def logo_url(self) -> str:
        """The logo's address, changing when the organisation is saved so browsers refetch."""
        if not self.logo:
            return ""
        version = int(self.updated_at.timestamp()) if self.updated_at else 0
        return f"{reverse('members:logo', args=[self.slug])}?v={version}"


class Person(models.Model):
    """Someone at a member organisation. Only what is needed to reach them is kept."""

    name = models.CharField(max_length=200)
    email = models.EmailField(unique=True, null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    organisations = models.ManyToManyField(
        Organisation, through="Affiliation", related_name="people"
    )
    communication_consent = models.BooleanField(default=False)
    consent_date = models.DateTimeField(null=True, blank=True)
    consent_source = models.CharField(
        max_length=200, blank=True, help_text="Where consent was given, e.g. the membership form."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.email = self.email.lower() if self.email else None
        super().save(*args, **kwargs)


class Affiliation(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    job_title = models.CharField(max_length=200, blank=True)
    is_main_contact = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="unique_affiliation")
        ]

    def __str__(self):
        return f"{self.person} at {self.organisation}"


class MembershipStatus(models.TextChoices):
    APPLIED = "applied", "Applied"
    ACTIVE = "active", "Active"
    LAPSED = "lapsed", "Lapsed"
    LEFT = "left", "Left"


class Membership(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    status = models.CharField(
        max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.ACTIVE
    )
    joined_on = models.DateField(null=True, blank=True)
    renewal_due = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["network__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "network"], name="unique_membership_per_network"
            )
        ]
        indexes = [models.Index(fields=["network", "status", "organisation"])]

    def __str__(self):
        return f"{self.organisation} in {self.network} ({self.get_status_display()})"


class MembershipApplication(models.Model):
    """A request to join, from the public form. Staff approve or decline it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    # About the organisation
    organisation_name = models.CharField(max_length=200)
    org_type = models.CharField(
        "type of organisation", max_length=20, choices=OrganisationType.choices
    )
    description = models.TextField("what your organisation does", max_length=2000)
    website = models.URLField(blank=True)
    charity_number = models.CharField(
        max_length=12, blank=True, validators=[validate_charity_number]
    )
    company_number = models.CharField(
        max_length=8, blank=True, validators=[validate_company_number]
    )
    regions = models.ManyToManyField(
        "taxonomy.Term", blank=True, related_name="+", limit_choices_to=_terms(Vocabulary.PLACE)
    )
    parts = models.ManyToManyField(
        "taxonomy.Term", blank=True, related_name="+", limit_choices_to=_terms(Vocabulary.PART)
    )
    themes = models.ManyToManyField(
        "taxonomy.Term", blank=True, related_name="+", limit_choices_to=_terms(Vocabulary.THEME)
    )
    lived_experience_led = models.BooleanField(default=False)
    by_and_for = models.BooleanField(default=False)
    networks = models.ManyToManyField(Network, related_name="applications")
    # About the contact person
    contact_name = models.CharField(max_length=200)
    contact_email = models.EmailField()
    contact_job_title = models.CharField(max_length=200, blank=True)
    # Consent, recorded with the exact wording shown and when.
    consent_text = models.TextField()
    consented_at = models.DateTimeField(default=timezone.now)
    # Decision
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decision_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        help_text="The organisation record created or updated on approval.",
    )
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.organisation_name} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        self.charity_number = normalise_charity_number(self.charity_number)
        self.company_number = normalise_company_number(self.company_number)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:application", args=[self.pk])


class ImportJob(models.Model):
    """A validated CSV upload waiting for, or going through, the background import."""

    class Status(models.TextChoices):
        READY = "ready", "Checked, ready to import"
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Importing"
        DONE = "done", "Imported"
        FAILED = "failed", "Failed"

    filename = models.CharField(max_length=255)
    content = models.TextField(help_text="The decoded CSV text, kept until the import ends.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.READY)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return int(100 * self.processed_rows / self.total_rows) if self.total_rows else 0

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}
