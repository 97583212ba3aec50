"""Requests from people to see or erase what the alliance holds about them.

A request made from someone's own account is recorded as well as one received by post or
email, so staff have one list of what is owed and by when (UK GDPR: one month).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

# How long the alliance has to answer, as the ICO describes "one calendar month" closely
# enough for a reminder: the date staff see is the latest safe one.
RESPONSE_DAYS = 30


class DataRequest(models.Model):
    class Kind(models.TextChoices):
        ACCESS = "access", "A copy of their data"
        ERASURE = "erasure", "Erase their data"

    class Via(models.TextChoices):
        ACCOUNT = "account", "Their own account"
        EMAIL = "email", "Email"
        POST = "post", "Post"
        IN_PERSON = "in_person", "In person or by phone"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        REFUSED = "refused", "Refused"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    received_via = models.CharField(max_length=10, choices=Via.choices)
    name = models.CharField("their name", max_length=200, blank=True)
    email = models.EmailField(
        "their email address", help_text="Their records are found by this address and name."
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="data_requests",
        help_text="The account the request came from, if it came from one.",
    )
    received_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    note = models.TextField(
        blank=True, help_text="How their identity was checked, and anything staff should know."
    )
    exported_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["status", "received_at"]

    def __str__(self):
        return f"Request {self.pk}: {self.get_kind_display().lower()}"

    @property
    def due_by(self) -> datetime.date:
        return timezone.localdate(self.received_at) + datetime.timedelta(days=RESPONSE_DAYS)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
