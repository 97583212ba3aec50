"""The evidence: online contributions and their answers, roundtables and interviews with their
speakers and passages, and the consent each contributor gave (or withdrew).

Consent travels with the words: every contribution and every roundtable speaker carries the
attribution they agreed to, and nothing marked "not for publication", or withdrawn, may reach
a page, an export or the API. `consultations.consent` is the one place that rule is applied.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from consultations.models.consultation import Consultation, Question


class Attribution(models.TextChoices):
    """How a contributor may be credited when their words are used."""

    NAMED = "named", "By name"
    MEMBER_ORGANISATION = "member_organisation", 'Anonymously, as "a member organisation"'
    DESCRIBED = "described", "Anonymously, with a description they approved"
    NOT_FOR_PUBLICATION = "not_for_publication", "Not for publication: evidence for analysis only"


class ConsentRecord(models.Model):
    """What a contributor agreed to. Shared by online contributions and roundtable speakers."""

    # Blank until the contributor chooses: a default would be a choice made for them, shown
    # back to them as theirs (a saved draft reopened with "not for publication" ticked).
    attribution = models.CharField(max_length=24, choices=Attribution.choices, blank=True)
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
            and self.attribution not in ("", Attribution.NOT_FOR_PUBLICATION)
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


class ConsentFlag(models.Model):
    """Raised for staff when consent is withdrawn for words already published or sent."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="consent_flags"
    )
    quote = models.ForeignKey("Quote", null=True, on_delete=models.SET_NULL, related_name="+")
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
