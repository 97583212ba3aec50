"""Calls for evidence, members' contributions, the quotes drawn from them and the submission.

Consent travels with the words: every contribution and every roundtable speaker carries the
attribution they agreed to, and nothing marked "not for publication", or withdrawn, may reach
a page, an export or the API. `consultations.consent` is the one place that rule is applied.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from taxonomy.models import Vocabulary


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open for evidence"
    ANALYSING = "analysing", "Analysing evidence"
    SUBMITTED = "submitted", "Submission sent"
    RESPONSE_RECEIVED = "response_received", "Response received"
    CLOSED = "closed", "Closed"


class Consultation(models.Model):
    """A request for evidence from an outside body, and the alliance's work to answer it."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    asking_body = models.ForeignKey(
        "influence.TargetBody", on_delete=models.PROTECT, related_name="consultations"
    )
    description = models.TextField(blank=True, help_text="Markdown.")
    external_link = models.URLField(blank=True, help_text="The asking body's consultation page.")
    deadline = models.DateField(help_text="When the asking body needs the response.")
    internal_deadline = models.DateField(help_text="When members' evidence must be in.")
    networks = models.ManyToManyField("members.Network", related_name="consultations")
    parts = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="consultations_in_part",
        limit_choices_to={"vocabulary": Vocabulary.PART},
        verbose_name="parts of the system",
    )
    themes = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="consultations_in_theme",
        limit_choices_to={"vocabulary": Vocabulary.THEME},
    )
    status = models.CharField(
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.DRAFT,
        db_index=True,
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-deadline", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultations:detail", args=[self.slug])

    @property
    def accepts_contributions(self) -> bool:
        return (
            self.status == ConsultationStatus.OPEN
            and timezone.localdate() <= self.internal_deadline
        )


class QuestionPart(models.Model):
    """A group of questions, as the asking body sets them out (e.g. "Part 2: Prisons")."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="question_parts"
    )
    title = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["consultation", "position", "pk"]

    def __str__(self):
        return self.title


class Question(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    part = models.ForeignKey(QuestionPart, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(help_text="As numbered by the asking body.")
    text = models.TextField()
    guidance = models.TextField(blank=True, help_text="What would help us most in an answer.")

    class Meta:
        ordering = ["consultation", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "number"], name="unique_question_number"
            )
        ]

    def __str__(self):
        return f"Q{self.number}. {self.text[:80]}"


class Attribution(models.TextChoices):
    """How a contributor may be credited when their words are used."""

    NAMED = "named", "By name"
    MEMBER_ORGANISATION = "member_organisation", 'Anonymously, as "a member organisation"'
    DESCRIBED = "described", "Anonymously, with a description they approved"
    NOT_FOR_PUBLICATION = "not_for_publication", "Not for publication: evidence for analysis only"


class ConsentRecord(models.Model):
    """What a contributor agreed to. Shared by online contributions and roundtable speakers."""

    attribution = models.CharField(
        max_length=24, choices=Attribution.choices, default=Attribution.NOT_FOR_PUBLICATION
    )
    approved_description = models.CharField(
        max_length=200,
        blank=True,
        help_text='For anonymous quotes, e.g. "a young adult with lived experience".',
    )
    wants_feedback = models.BooleanField(
        "wants to hear what happened", default=False, help_text="Sent the outcome by email."
    )
    feedback_email = models.EmailField(blank=True)
    consent_given_at = models.DateTimeField(null=True, blank=True)
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def may_be_published(self) -> bool:
        return (
            self.consent_given_at is not None
            and self.consent_withdrawn_at is None
            and self.attribution != Attribution.NOT_FOR_PUBLICATION
        )


class Contribution(ConsentRecord):
    """One organisation's online answers to a consultation's questions."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="contributions"
    )
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="contributions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="consultation_contributions",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["consultation", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "organisation"], name="one_contribution_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} on {self.consultation}"


class Answer(models.Model):
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["question__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self):
        return f"{self.contribution.organisation}: Q{self.question.number}"


class Session(models.Model):
    """A roundtable or interview where evidence was gathered by speaking, noted by staff."""

    class Kind(models.TextChoices):
        ROUNDTABLE = "roundtable", "Roundtable"
        INTERVIEW = "interview", "Interview"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="sessions"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.ROUNDTABLE)
    title = models.CharField(max_length=300)
    held_on = models.DateField()
    facilitator = models.CharField(max_length=200)
    organisations_present = models.ManyToManyField(
        "members.Organisation", blank=True, related_name="consultation_sessions"
    )
    notes = models.TextField(blank=True, help_text="Context for staff; never published.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["consultation", "held_on", "pk"]

    def __str__(self):
        return f"{self.title} ({self.held_on:%d %b %Y})"


class Speaker(ConsentRecord):
    """Someone who spoke at a session: a named person, an organisation, or anonymous."""

    class Kind(models.TextChoices):
        PERSON = "person", "A named person"
        ORGANISATION = "organisation", "An organisation"
        ANONYMOUS = "anonymous", "An anonymous participant"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="speakers")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    name = models.CharField(max_length=200, blank=True, help_text="Staff only.")
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_speakers",
    )
    person = models.ForeignKey(
        "members.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_speakers",
    )

    class Meta:
        ordering = ["session", "pk"]

    def __str__(self):
        return self.name or self.approved_description or self.get_kind_display()


class Passage(models.Model):
    """What one speaker said at a session, as noted."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="passages")
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="passages")
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="passages"
    )
    text = models.TextField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["session", "position", "pk"]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"


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


class Submission(models.Model):
    """The alliance's response, built from coded evidence."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SENT = "sent", "Sent to the asking body"

    consultation = models.OneToOneField(
        Consultation, on_delete=models.CASCADE, related_name="submission"
    )
    title = models.CharField(max_length=300)
    introduction = models.TextField(blank=True, help_text="Markdown.")
    contact_details = models.TextField(blank=True)
    recommendations = models.ManyToManyField(
        "influence.Recommendation", blank=True, related_name="submissions"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    sent_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    resource = models.OneToOneField(
        "library.Resource",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_submission",
        help_text="The library entry, once published.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class SubmissionSection(models.Model):
    """A heading in the submission; top-level sections are parts, children are sections."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    heading = models.CharField(max_length=300)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["submission", "position", "pk"]

    def __str__(self):
        return self.heading


class Block(models.Model):
    """One piece of a section: narrative text, a quote, or a recommendation."""

    class Kind(models.TextChoices):
        TEXT = "text", "Narrative text"
        QUOTE = "quote", "Quote"
        RECOMMENDATION = "recommendation", "Recommendation"

    section = models.ForeignKey(SubmissionSection, on_delete=models.CASCADE, related_name="blocks")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    text = models.TextField(blank=True, help_text="Markdown, for narrative text.")
    quote = models.ForeignKey(
        Quote, null=True, blank=True, on_delete=models.CASCADE, related_name="blocks"
    )
    recommendation = models.ForeignKey(
        "influence.Recommendation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submission_blocks",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["section", "position", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} in {self.section}"


class SubmissionVersion(models.Model):
    """A saved snapshot of the whole submission, so two versions can be compared."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    note = models.CharField(max_length=300, blank=True)
    content = models.JSONField(help_text="The rendered document, as published text.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submission", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="unique_version_number")
        ]

    def __str__(self):
        return f"Version {self.number} of {self.submission}"


class ConsentFlag(models.Model):
    """Raised for staff when consent is withdrawn for words already published or sent."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="consent_flags"
    )
    quote = models.ForeignKey(Quote, null=True, on_delete=models.SET_NULL, related_name="+")
    description = models.TextField()
    raised_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["resolved_at", "-raised_at"]

    def __str__(self):
        return self.description[:80]


class FeedbackMessage(models.Model):
    """An outcome or update sent to one contributor who asked to hear back."""

    class Kind(models.TextChoices):
        OUTCOME = "outcome", "What happened to your input"
        UPDATE = "update", "An update on a recommendation"

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="feedback_messages"
    )
    contribution = models.ForeignKey(
        Contribution, null=True, blank=True, on_delete=models.CASCADE, related_name="feedback"
    )
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.CASCADE, related_name="feedback"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OUTCOME)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(contribution__isnull=False, speaker__isnull=True))
                | (Q(contribution__isnull=True, speaker__isnull=False)),
                name="feedback_has_one_recipient",
            )
        ]

    def __str__(self):
        return self.subject
