"""Who hears from the alliance, what they agreed to, and every email sent to them.

MailingList: an audience (per network and topic). Subscription: one address on one list, with
how often and which topics. ConsentRecord: the evidence of each yes and no (UK GDPR, PECR).
Suppression: addresses we must not send to (hard bounce, complaint, unsubscribe). Mailing: one
send of one rendered message; Delivery: one per recipient per mailing, unique, which is what
makes a resumed send never reach anyone twice.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.lib.slugs import NotReserved

# A list's archive is /updates/<slug>/, beside the fixed pages under /updates/ (comms/updates/
# urls.py): a list may not take one of their words, or its archive would be hidden behind them.
RESERVED_LIST_SLUGS = frozenset({"staff"})


class MailClass(models.TextChoices):
    # Mail a person must get (password reset, a decision on their application): always goes.
    TRANSACTIONAL = "transactional", "Transactional (always sent)"
    # Everything else: obeys preferences, suppression, and carries one-click unsubscribe.
    MARKETING = "marketing", "Marketing (obeys preferences)"


class Audience(models.TextChoices):
    MEMBERS = "members", "Members only"
    PUBLIC = "public", "Open to the public"


class Frequency(models.TextChoices):
    AS_IT_HAPPENS = "as_it_happens", "As it happens"
    WEEKLY = "weekly", "Weekly round-up"
    MONTHLY = "monthly", "Monthly round-up"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class MailingList(models.Model):
    """An audience: "CJA member update", "AYJ policy news", "Events in Wales"."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=80, unique=True, validators=[NotReserved(RESERVED_LIST_SLUGS)]
    )
    description = models.TextField(
        blank=True, max_length=1000, help_text="What people on this list receive, in a sentence."
    )
    networks = models.ManyToManyField("members.Network", blank=True, related_name="mailing_lists")
    topics = models.ManyToManyField("taxonomy.Term", blank=True, related_name="mailing_lists")
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.MEMBERS)
    # Also send to each member organisation's designated contacts (their main contacts), unless
    # the organisation has said no for this list (OrganisationPreference).
    to_member_organisations = models.BooleanField(default=False)
    # Lists the product makes for its own notices (consultation invitations, media digests):
    # people can leave them, staff do not send issues to them by hand.
    is_system = models.BooleanField(default=False, editable=False)
    is_active = models.BooleanField(default=True)
    # Weekly subscribers get their round-up on this day (comms/services/digests.py); monthly
    # ones on the 1st.
    digest_weekday = models.PositiveSmallIntegerField(
        "weekly round-up day", choices=Weekday.choices, default=Weekday.MONDAY
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_public(self) -> bool:
        return self.audience == Audience.PUBLIC


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", "Waiting for confirmation"
    ACTIVE = "active", "Subscribed"
    UNSUBSCRIBED = "unsubscribed", "Unsubscribed"


class Subscription(models.Model):
    mailing_list = models.ForeignKey(
        MailingList, on_delete=models.CASCADE, related_name="subscriptions"
    )
    email = models.EmailField()
    person = models.ForeignKey(
        "members.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subscriptions",
    )
    status = models.CharField(
        max_length=12, choices=SubscriptionStatus.choices, default=SubscriptionStatus.PENDING
    )
    frequency = models.CharField(
        max_length=14, choices=Frequency.choices, default=Frequency.AS_IT_HAPPENS
    )
    # Empty means every topic the list covers. Mailings and update items tagged with topics
    # reach the subscriber only if they share one; untagged ones always do.
    topics = models.ManyToManyField("taxonomy.Term", blank=True, related_name="+")
    # What this subscriber has been sent, for round-ups (comms/services/digests.py): every
    # mailing of the list made before `round_up_from` has been dealt with (sent, in a round-up,
    # or from before they joined); one made since without a Delivery to them is still owed.
    # Empty for subscriptions older than this record: their round-up's own period then.
    round_up_from = models.DateTimeField(null=True, blank=True)
    # When `frequency` was last chosen: mail owed from before a switch to "as it happens"
    # comes in one catch-up round-up.
    frequency_since = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["mailing_list", "email"]
        constraints = [
            models.UniqueConstraint(fields=["mailing_list", "email"], name="one_subscription")
        ]
        indexes = [models.Index(fields=["mailing_list", "status"])]

    def __str__(self):
        return f"{self.email} on {self.mailing_list}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


class ConsentAction(models.TextChoices):
    GIVEN = "given", "Consent given"
    CONFIRMED = "confirmed", "Confirmed by email (double opt-in)"
    WITHDRAWN = "withdrawn", "Consent withdrawn"


class ConsentRecord(models.Model):
    """Evidence of a yes or a no: when, where, and the exact words the person saw. Never
    edited; a change of mind is a new record."""

    email = models.EmailField(db_index=True)
    mailing_list = models.ForeignKey(
        MailingList, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=10, choices=ConsentAction.choices)
    recorded_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(
        max_length=200, help_text="Where it happened, e.g. the public sign-up form."
    )
    wording = models.TextField(help_text="The words the person agreed to, as shown to them.")

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self):
        return f"{self.get_action_display()} by {self.email} at {self.recorded_at:%d/%m/%Y}"


class SuppressionReason(models.TextChoices):
    HARD_BOUNCE = "hard_bounce", "The address does not exist (hard bounce)"
    COMPLAINT = "complaint", "Marked as spam (complaint)"
    UNSUBSCRIBE = "unsubscribe", "Unsubscribed"


class Suppression(models.Model):
    """An address we must not send marketing mail to: on every list (mailing_list empty: hard
    bounces and complaints) or on one list (an unsubscribe)."""

    email = models.EmailField()
    mailing_list = models.ForeignKey(
        MailingList, null=True, blank=True, on_delete=models.CASCADE, related_name="suppressions"
    )
    reason = models.CharField(max_length=12, choices=SuppressionReason.choices)
    created_at = models.DateTimeField(default=timezone.now)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "mailing_list"],
                condition=Q(mailing_list__isnull=False),
                name="one_suppression_per_list",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(mailing_list__isnull=True),
                name="one_global_suppression",
            ),
        ]

    def __str__(self):
        return f"{self.email}: {self.get_reason_display()}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


class OrganisationPreference(models.Model):
    """An organisation's say over a list sent to its designated contacts."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="mail_preferences"
    )
    mailing_list = models.ForeignKey(MailingList, on_delete=models.CASCADE, related_name="+")
    receives = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "mailing_list"], name="one_organisation_preference"
            )
        ]

    def __str__(self):
        return f"{self.organisation}: {'receives' if self.receives else 'does not receive'}"


class MailingStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Sending"
    DONE = "done", "Sent"
    FAILED = "failed", "Failed"


class Mailing(models.Model):
    """One send of one rendered message (subject, HTML, text) to a list or to named people."""

    key = models.CharField(
        max_length=200,
        unique=True,
        help_text="Names the send, so asking twice to send the same thing makes one mailing.",
    )
    mailing_list = models.ForeignKey(
        MailingList, null=True, blank=True, on_delete=models.PROTECT, related_name="mailings"
    )
    mail_class = models.CharField(max_length=14, choices=MailClass.choices)
    kind = models.CharField(
        max_length=60, help_text="Which of the product's emails this is, e.g. accounts.reset."
    )
    subject = models.CharField(max_length=300)
    html = models.TextField(blank=True)
    text = models.TextField()
    # What the mailing is about: sent to list subscribers who chose one of these topics or
    # none (empty: to everyone), and so also in their round-ups.
    topics = models.ManyToManyField("taxonomy.Term", blank=True, related_name="+")
    # Attachments as [filename, text, MIME type] (an event's .ics).
    attachments = models.JSONField(default=list, blank=True)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=MailingStatus.choices, default=MailingStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    sent_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    failed_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Written after every batch: a send whose heartbeat stops has lost its worker.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    @property
    def is_marketing(self) -> bool:
        return self.mail_class == MailClass.MARKETING

    @property
    def percent_done(self) -> int:
        if not self.total:
            return 100 if self.status == MailingStatus.DONE else 0
        done = self.sent_count + self.skipped_count + self.failed_count
        return min(100, done * 100 // self.total)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Waiting"
    SENDING = "sending", "Being handed to the mail server"
    SENT = "sent", "Sent"
    DEFERRED = "deferred", "Delayed; will try again"
    SKIPPED = "skipped", "Not sent (unsubscribed or suppressed)"
    FAILED = "failed", "Failed"
    BOUNCED = "bounced", "Bounced"
    COMPLAINED = "complained", "Marked as spam"
    # The worker stopped between handing the message over and recording it: it may or may not
    # have gone. Never resent automatically, so nobody gets it twice; staff see how many.
    UNCERTAIN = "uncertain", "Unknown (the sender stopped mid-send)"


class MailingVariant(models.Model):
    """The mailing as some of its recipients get it: an update with only the items on the
    topics they chose, a round-up of only what they have not had. Deliveries without one get
    the mailing's own subject, HTML and text."""

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="variants")
    # Names the version among the mailing's (which items, which mailings), so queueing run
    # again finds it instead of making a twin.
    key = models.CharField(max_length=200)
    subject = models.CharField(max_length=300)
    html = models.TextField(blank=True)
    text = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mailing", "key"], name="one_variant_per_key")
        ]

    def __str__(self):
        return self.subject


class Delivery(models.Model):
    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    variant = models.ForeignKey(
        MailingVariant, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField()
    person = models.ForeignKey(
        "members.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=300, blank=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The first time the provider reported the message opened; recorded only while the
    # alliance counts opens (COMMS_OPEN_COUNTS), never otherwise.
    opened_at = models.DateTimeField(null=True, blank=True)
    last_event = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "deliveries"
        constraints = [
            # The no-double-send guarantee: one delivery per recipient per mailing.
            models.UniqueConstraint(fields=["mailing", "email"], name="one_delivery_per_recipient")
        ]
        indexes = [models.Index(fields=["mailing", "status"])]

    def __str__(self):
        return f"{self.mailing} to {self.email}"


# Member updates drafted from what changed (issue 16 §2) live in comms/updates/.
from comms.updates.models import IssueStatus, UpdateIssue, UpdateItem  # noqa: E402, F401
