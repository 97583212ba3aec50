"""Awards: schemes run in yearly cycles, categories with criteria and prizes, public
nominations (every nominator's words kept), judging panels with conflicts and recusals, and
scores. Winners and the shortlist are flags on a nomination, public once their cycle says so.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Scheme(models.Model):
    """An award scheme, e.g. the Criminal Justice Alliance Awards or the Media Awards."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    network = models.ForeignKey(
        "members.Network", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="award_schemes",
    )  # fmt: skip
    description = models.TextField(blank=True, help_text="Markdown: what the awards celebrate.")
    is_media = models.BooleanField(
        "media awards", default=False, help_text="Nominees are articles and programmes."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Cycle(models.Model):
    """One year of a scheme: nominations open and close, judging, the shortlist announced,
    the ceremony, winners published. Dates drive what the public sees."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="cycles")
    year = models.PositiveIntegerField(validators=[MinValueValidator(1990)])
    slug = models.SlugField(max_length=140, unique=True)
    nominations_open = models.DateField()
    nominations_close = models.DateField()
    judging_ends = models.DateField(null=True, blank=True)
    shortlist_announced_on = models.DateField(
        null=True, blank=True, help_text="The shortlist is public from this date."
    )
    ceremony_on = models.DateField(null=True, blank=True)
    ceremony_event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    winners_published_on = models.DateField(
        null=True, blank=True, help_text="Winners are public from this date."
    )
    blind_judging = models.BooleanField(default=False, help_text="Judges do not see who nominated.")
    normalise_scores = models.BooleanField(
        default=True,
        help_text="Rank by each judge's z-scores, so a harsh or lenient judge does not decide "
        "the result. Both rankings are always shown.",
    )

    class Meta:
        ordering = ["-year", "scheme__name"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "year"], name="awards_one_cycle_a_year")
        ]

    def __str__(self):
        return f"{self.scheme} {self.year}"

    def get_absolute_url(self):
        return reverse("awards:cycle", args=[self.slug])

    def get_staff_url(self):
        return reverse("awards:staff_cycle", args=[self.pk])

    def _today(self):
        return timezone.localdate()

    @property
    def is_open(self) -> bool:
        return self.nominations_open <= self._today() <= self.nominations_close

    @property
    def shortlist_public(self) -> bool:
        return bool(self.shortlist_announced_on and self.shortlist_announced_on <= self._today())

    @property
    def winners_public(self) -> bool:
        return bool(self.winners_published_on and self.winners_published_on <= self._today())

    @property
    def stage(self) -> str:
        today = self._today()
        if self.winners_public:
            return "Winners announced"
        if self.shortlist_public:
            return "Shortlist announced"
        if today < self.nominations_open:
            return "Nominations open soon"
        if today <= self.nominations_close:
            return "Nominations open"
        return "Judging"


class Eligibility(models.TextChoices):
    ANY_ORGANISATION = "any_org", "Any organisation"
    MEMBER_ORGANISATIONS = "member_org", "Member organisations only"
    LIVED_EXPERIENCE_LED = "lived_exp", "Lived-experience-led groups"
    INDIVIDUALS = "individual", "Individuals"
    JOURNALISTS = "journalist", "Journalists (articles and programmes)"
    STUDENT_JOURNALISTS = "student", "Student journalists (articles and programmes)"


MEDIA_ELIGIBILITY = {Eligibility.JOURNALISTS, Eligibility.STUDENT_JOURNALISTS}


class Category(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=140)
    description = models.TextField(blank=True)
    eligibility = models.CharField(max_length=12, choices=Eligibility.choices)
    self_nomination = models.BooleanField(
        "self-nomination allowed", default=False,
        help_text="Whether an organisation or person may nominate themselves.",
    )  # fmt: skip
    questions = models.TextField(
        blank=True, help_text="Questions for nominators, one per line (each answer required)."
    )
    topics = models.ManyToManyField(
        "taxonomy.Term", blank=True, related_name="award_categories",
        limit_choices_to={"vocabulary__in": ["theme", "part"]},
    )  # fmt: skip
    prize_amount = models.DecimalField(
        max_digits=9, decimal_places=2, null=True, blank=True, help_text="Pounds."
    )
    prize_description = models.CharField(max_length=200, blank=True)
    prize_paid_on = models.DateField(null=True, blank=True)
    score_max = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(2), MaxValueValidator(100)],
        help_text="Judges score each criterion from 1 to this.",
    )  # fmt: skip
    quorum = models.PositiveSmallIntegerField(
        default=3, help_text="Fewest judges who may score a nomination after recusals."
    )
    needs_lived_experience_judge = models.BooleanField(
        "at least one judge with lived experience", default=True
    )
    panel_closed_at = models.DateTimeField(
        null=True, blank=True, help_text="Scoring ends; judges may see the panel's scores."
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["cycle", "order", "name"]
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(fields=["cycle", "slug"], name="awards_category_slug")
        ]

    def __str__(self):
        return f"{self.name} ({self.cycle.year})"

    def get_absolute_url(self):
        return reverse("awards:category", args=[self.cycle.slug, self.slug])

    @property
    def is_media(self) -> bool:
        return self.eligibility in MEDIA_ELIGIBILITY

    @property
    def nominates_people(self) -> bool:
        return self.eligibility == Eligibility.INDIVIDUALS

    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]


class Criterion(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    weight = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(100)], help_text="Per cent."
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["category", "order", "pk"]
        verbose_name_plural = "criteria"

    def __str__(self):
        return f"{self.name} ({self.weight}%)"


class NomineeKind(models.TextChoices):
    MEMBER = "member", "A member organisation"
    ORGANISATION = "organisation", "Another organisation"
    PERSON = "person", "A person"
    MEDIA = "media", "Articles or programmes"


class NominationStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    ELIGIBLE = "eligible", "Eligible"
    INELIGIBLE = "ineligible", "Not eligible"
    MERGED = "merged", "Merged into another"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Consent(models.TextChoices):
    NOT_NEEDED = "not_needed", "Not needed"
    REQUESTED = "requested", "Asked, no answer yet"
    GIVEN = "given", "Given"
    REFUSED = "refused", "Refused"


def _consent_key() -> str:
    return secrets.token_urlsafe(24)


class Nomination(models.Model):
    """One nominee in one category. Duplicates are merged into one, so a nominee is judged
    once, with every nominator's statement attached."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="nominations")
    nominee_kind = models.CharField(max_length=12, choices=NomineeKind.choices)
    organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="award_nominations",
    )  # fmt: skip
    nominee_name = models.CharField(max_length=200)
    nominee_email = models.EmailField(blank=True, help_text="To ask a person for consent.")
    nominee_website = models.URLField(max_length=500, blank=True)
    articles = models.ManyToManyField("media.Article", blank=True, related_name="nominations")
    article_links = models.TextField(blank=True, help_text="Links, one per line.")
    status = models.CharField(
        max_length=10, choices=NominationStatus.choices, default=NominationStatus.RECEIVED,
        db_index=True,
    )  # fmt: skip
    screening_reason = models.TextField(blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    consent = models.CharField(max_length=10, choices=Consent.choices, default=Consent.NOT_NEEDED)
    consent_key = models.CharField(max_length=40, default=_consent_key, unique=True)
    consent_at = models.DateTimeField(null=True, blank=True)
    shortlisted = models.BooleanField(default=False)
    winner = models.BooleanField(default=False)
    highly_commended = models.BooleanField(default=False)
    citation = models.TextField(blank=True, help_text="The public words on a winner.")
    decision_note = models.TextField(
        blank=True, help_text="Why the decision departs from the ranking, when it does."
    )
    from_media_shortlist = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["category", "nominee_name"]
        indexes = [models.Index(fields=["category", "status"])]

    def __str__(self):
        return self.nominee_name

    @property
    def can_be_named(self) -> bool:
        """A person is named publicly (or shortlisted) only with their consent."""
        return self.consent in (Consent.NOT_NEEDED, Consent.GIVEN)

    @property
    def reference(self) -> str:
        return f"N{self.pk:05d}"

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.article_links.splitlines() if line.strip()]


class Nominator(models.Model):
    """A nominator's statement: their contact, their words and answers, their files."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="nominators")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    organisation_name = models.CharField(max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="award_nominations",
    )  # fmt: skip
    is_self_nomination = models.BooleanField(default=False)
    statement = models.TextField()
    answers = models.JSONField(default=list, blank=True)  # [[question, answer], ...]
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["submitted_at", "pk"]

    def __str__(self):
        return f"{self.name} for {self.nomination}"


class SupportingFile(models.Model):
    nominator = models.ForeignKey(Nominator, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="awards/supporting/%Y/")
    filename = models.CharField(max_length=255)
    kind = models.CharField(max_length=12)

    def __str__(self):
        return self.filename


class PanelMember(models.Model):
    """A judge on one category's panel."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="panel")
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="award_panels"
    )
    organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text="Where the judge works, for conflict checks.",
    )  # fmt: skip
    lived_experience = models.BooleanField(default=False)
    role_description = models.CharField(max_length=200, blank=True)
    named_publicly = models.BooleanField(
        default=False, help_text="The judge agreed to be named on the public pages."
    )

    class Meta:
        ordering = ["category", "judge__name"]
        constraints = [
            models.UniqueConstraint(fields=["category", "judge"], name="awards_judge_once")
        ]

    def __str__(self):
        return f"{self.judge} on {self.category}"


class Conflict(models.Model):
    """A judge's interest in a nomination: declared by the judge or detected from the shared
    records. While `recused`, the nomination is hidden from the judge and their scores on it
    never count. Every change is in the audit log."""

    class Source(models.TextChoices):
        DECLARED = "declared", "Declared by the judge"
        DETECTED = "detected", "Detected from the records"

    panel_member = models.ForeignKey(
        PanelMember, on_delete=models.CASCADE, related_name="conflicts"
    )
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="conflicts")
    source = models.CharField(max_length=8, choices=Source.choices)
    reason = models.TextField()
    recused = models.BooleanField(default=True)
    override_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["panel_member", "nomination", "source"], name="awards_conflict_once"
            )
        ]

    def __str__(self):
        return f"{self.panel_member.judge}: {self.nomination} ({self.get_source_display()})"


class Score(models.Model):
    panel_member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="scores")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["panel_member", "nomination", "criterion"], name="awards_score_once"
            )
        ]

    def __str__(self):
        return f"{self.value} for {self.nomination} on {self.criterion.name}"
