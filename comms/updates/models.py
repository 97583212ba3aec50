"""A member update: a numbered issue of a mailing list, and its ordered items."""

from django.conf import settings
from django.db import models
from django.urls import reverse


class IssueStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SCHEDULED = "scheduled", "Scheduled"
    SENT = "sent", "Sent"


class UpdateIssue(models.Model):
    """One issue of a list's update, covering the days `period_start <= day < period_end`
    (the next issue starts where this one ends, so nothing is reported twice)."""

    mailing_list = models.ForeignKey(
        "comms.MailingList", on_delete=models.PROTECT, related_name="update_issues"
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    introduction = models.TextField(blank=True, max_length=5000, help_text="Markdown.")
    status = models.CharField(
        max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT, db_index=True
    )
    period_start = models.DateField()
    period_end = models.DateField()
    scheduled_for = models.DateTimeField(null=True, blank=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    mailing = models.ForeignKey(
        "comms.Mailing", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["mailing_list", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["mailing_list", "number"], name="comms_one_issue_number_per_list"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gt=models.F("period_start")),
                name="comms_issue_period_not_empty",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("updates:issue", args=[self.mailing_list.slug, self.number])

    def get_staff_url(self):
        return reverse("updates:staff_issue", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == IssueStatus.DRAFT

    @property
    def editable(self) -> bool:
        """Drafts and scheduled issues can still change; a sent issue is a record."""
        return self.status != IssueStatus.SENT


class UpdateItem(models.Model):
    """A line of an issue: drafted from a change (`change_key` says which) or written by
    staff. `body` is Markdown, rendered through core.lib.markdown."""

    STAFF_KIND = "staff"

    issue = models.ForeignKey(UpdateIssue, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    section = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=60, default=STAFF_KIND)
    change_key = models.CharField(max_length=120, blank=True)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True, max_length=5000, help_text="Markdown.")
    url = models.CharField(
        "link", max_length=500, blank=True,
        help_text="A page of this site (/library/…) or a full https:// address.",
    )  # fmt: skip
    happened_on = models.DateField(null=True, blank=True)
    # The change's topics (or staff's choice): a subscriber who chose topics gets the item only
    # if it shares one; an item without topics goes to everyone.
    topics = models.ManyToManyField("taxonomy.Term", blank=True, related_name="+")

    class Meta:
        ordering = ["issue", "position", "pk"]

    def __str__(self):
        return self.title

    @property
    def from_change(self) -> bool:
        return self.kind != self.STAFF_KIND
