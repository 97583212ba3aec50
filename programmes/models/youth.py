"""Youth participation: each network's young advocates group, its projects, the young people
and their consent, sessions and payments, outputs and meetings, and the safeguarding log."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

__all__ = [
    "YouthGroup", "SafeguardingLead", "YouthProject", "YoungPerson", "ConsentState",
    "ProjectConsent", "YouthSession", "Payment", "Sharing", "Output", "OutputCredit",
    "DecisionMakerMeeting", "Concern", "ConcernAction", "ConcernRead",
]  # fmt: skip


class YouthGroup(models.Model):
    network = models.OneToOneField(
        "members.Network", on_delete=models.CASCADE, related_name="youth_group"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(max_length=2000, blank=True)
    # Anyone working with the group may record a safeguarding concern.
    workers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:youth_group", args=[self.slug])


class SafeguardingLead(models.Model):
    network = models.ForeignKey(
        "members.Network", on_delete=models.CASCADE, related_name="safeguarding_leads"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["network", "user"], name="programmes_one_lead")
        ]

    def __str__(self):
        return f"{self.user} (safeguarding lead, {self.network})"


class YouthProject(models.Model):
    group = models.ForeignKey(YouthGroup, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    summary = models.TextField(max_length=2000)
    parent_consent_under_16 = models.BooleanField(
        "needs a parent's or carer's consent for under-16s", default=True
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_on", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programmes:youth_project", args=[self.slug])


class YoungPerson(models.Model):
    """A young advocate. Never shown on a public page or API except as they chose per use."""

    group = models.ForeignKey(YouthGroup, on_delete=models.CASCADE, related_name="young_people")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField()
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="young_person",
    )  # fmt: skip
    contact_through_trusted_adult = models.BooleanField(default=False)
    trusted_adult_name = models.CharField(max_length=200, blank=True)
    trusted_adult_email = models.EmailField(blank=True)
    trusted_adult_organisation = models.ForeignKey(
        "members.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo_content = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["first_name", "last_name", "pk"]
        verbose_name_plural = "young people"

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip()

    def age_on(self, day: datetime.date) -> int:
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def initials(self) -> str:
        return "".join(f"{part[0]}." for part in (self.first_name, self.last_name) if part)


class ConsentState(models.TextChoices):
    NEEDS_OWN = "needs_own", "Waiting for the young person's own consent"
    NEEDS_PARENT = "needs_parent", "Waiting for a parent's or carer's consent"
    NEEDS_RENEWAL = "needs_renewal", "Turned 18: their consent needs renewing"
    GIVEN = "given", "Consent in place"
    WITHDRAWN = "withdrawn", "Consent withdrawn"


class ProjectConsent(models.Model):
    """A young person's place on one project and the consents it rests on."""

    project = models.ForeignKey(YouthProject, on_delete=models.CASCADE, related_name="consents")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="consents")
    own_consent_at = models.DateTimeField(null=True, blank=True)
    own_consent_text = models.TextField(blank=True)
    parent_name = models.CharField(max_length=200, blank=True)
    parent_consent_at = models.DateTimeField(null=True, blank=True)
    renewed_at_18_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "young_person"], name="programmes_consent")
        ]

    def __str__(self):
        return f"{self.young_person} on {self.project}"


class YouthSession(models.Model):
    project = models.ForeignKey(YouthProject, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    payment = models.DecimalField(max_digits=7, decimal_places=2, default=0)
    paid_as_voucher = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self):
        return self.title


class Payment(models.Model):
    session = models.ForeignKey(YouthSession, on_delete=models.PROTECT, related_name="payments")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="payments")
    amount = models.DecimalField(max_digits=7, decimal_places=2)
    paid_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["session__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "young_person"], name="programmes_paid_once"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="programmes_pay_positive"
            ),
        ]

    def __str__(self):
        return f"£{self.amount} for {self.session}"


class Sharing(models.TextChoices):
    NOTHING = "nothing", "Nothing: do not name me"
    INITIALS = "initials", "My initials"
    FIRST_NAME = "first_name", "My first name"


class Output(models.Model):
    project = models.ForeignKey(YouthProject, on_delete=models.CASCADE, related_name="outputs")
    title = models.CharField(max_length=300)
    summary = models.TextField(max_length=2000)
    resource = models.ForeignKey(
        "library.Resource", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return self.title


class OutputCredit(models.Model):
    """How one young person chose to be credited on one output (a use of their name)."""

    output = models.ForeignKey(Output, on_delete=models.CASCADE, related_name="credits")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="+")
    sharing = models.CharField(max_length=12, choices=Sharing.choices, default=Sharing.NOTHING)
    chosen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["output", "young_person"], name="programmes_credit")
        ]

    def __str__(self):
        return f"Credit on {self.output}"

    @property
    def shown_as(self) -> str:
        if self.sharing == Sharing.FIRST_NAME:
            return self.young_person.first_name
        if self.sharing == Sharing.INITIALS:
            return self.young_person.initials
        return ""


class DecisionMakerMeeting(models.Model):
    project = models.ForeignKey(YouthProject, on_delete=models.CASCADE, related_name="meetings")
    with_whom = models.CharField(max_length=300)
    happened_on = models.DateField()
    summary = models.TextField(max_length=3000)
    activity = models.ForeignKey(
        "influence.InfluenceActivity", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-happened_on"]

    def __str__(self):
        return f"Meeting with {self.with_whom}"


class Concern(models.Model):
    group = models.ForeignKey(YouthGroup, on_delete=models.CASCADE, related_name="concerns")
    young_person = models.ForeignKey(
        YoungPerson, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    what_happened = models.TextField(max_length=5000)
    immediate_risk = models.BooleanField(default=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(max_length=3000, blank=True)

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self):
        return f"Safeguarding concern {self.pk}"


class ConcernAction(models.Model):
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="actions")
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    taken_at = models.DateTimeField(default=timezone.now)
    action = models.TextField(max_length=3000)

    class Meta:
        ordering = ["taken_at"]

    def __str__(self):
        return f"Action on concern {self.concern_id}"


class ConcernRead(models.Model):
    """Every read of the safeguarding log: who, when, what, and (if not a lead) why."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    user_label = models.CharField(max_length=200)
    group = models.ForeignKey(YouthGroup, on_delete=models.CASCADE, related_name="+")
    concern = models.ForeignKey(Concern, null=True, blank=True, on_delete=models.CASCADE)
    as_lead = models.BooleanField()
    reason = models.TextField(max_length=1000, blank=True)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-read_at"]

    def __str__(self):
        return f"{self.user_label} read the safeguarding log"
