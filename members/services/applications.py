"""Membership applications: taking them in from the public form and deciding them.

The public form is open to anyone, so it is guarded in three cheap ways that need no outside
service: a rate limit per client (in the view), a honeypot field that people never see, and
a signed timestamp that shows how long the form was open. Staff then see likely duplicates
of existing members before they approve or decline. Every decision happens in one
transaction, is written to the audit log, and the applicant hears about it by email.
"""

import datetime
import enum
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Case, Count, IntegerField, Value, When
from django.utils import timezone
from rapidfuzz import fuzz, process

from core import audit
from core.email import queue_email
from members.models import (
    Affiliation,
    Membership,
    MembershipApplication,
    MembershipStatus,
    Organisation,
    Person,
)
from members.services.identifiers import (
    normalise_charity_number,
    normalise_company_number,
    normalise_name,
)
from members.services.organisations import set_membership, unique_slug

logger = logging.getLogger(__name__)

Status = MembershipApplication.Status

CONSENT_SOURCE = "membership application"

# The public form: how quickly a person could possibly fill it in, and how long it stays open.
FORM_SALT = "members.application-form"
MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 60 * 60

# rapidfuzz token_sort_ratio on normalised names, 0 to 100. 85 catches "The Forward Trust"
# against "Forward Trust Ltd" and small spelling slips without flagging every "Project".
NAME_MATCH_THRESHOLD = 85
MAX_NAME_MATCHES = 10

# Fields copied straight from the form's cleaned data onto the application.
APPLICATION_FIELDS = [
    "organisation_name",
    "org_type",
    "description",
    "website",
    "charity_number",
    "company_number",
    "lived_experience_led",
    "by_and_for",
    "contact_name",
    "contact_email",
    "contact_job_title",
]
APPLICATION_TAGS = ["regions", "parts", "themes"]


class ApplicationError(Exception):
    """A decision that cannot be made. The message is written for the member of staff."""


class AlreadyDecided(ApplicationError):
    pass


def consent_text() -> str:
    """The consent statement shown beside the tick box; stored word for word with the answer."""
    return (
        f"I agree that {settings.SITE_NAME} may keep the details in this form to consider "
        "our application, and may contact me by email about it and, if we join, about the "
        "network's work. I understand I can ask for my details to be changed or removed at "
        "any time."
    )


# --- The public form's timing check -------------------------------------------------------


class FormCheck(enum.Enum):
    OK = "ok"
    TOO_FAST = "too fast"
    EXPIRED = "expired"
    INVALID = "missing or altered"
    HONEYPOT = "honeypot filled"


def make_form_token(issued_at: datetime.datetime | None = None) -> str:
    """A signed record of when the form was shown. Tests pass a time in the past."""
    issued_at = issued_at or timezone.now()
    return signing.dumps({"issued": issued_at.timestamp()}, salt=FORM_SALT)


def check_form_token(token: str, now: datetime.datetime | None = None) -> FormCheck:
    try:
        payload = signing.loads(token or "", salt=FORM_SALT)
        issued = float(payload["issued"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return FormCheck.INVALID
    age = (now or timezone.now()).timestamp() - issued
    if age < MIN_FILL_SECONDS:
        return FormCheck.TOO_FAST
    if age > MAX_FORM_AGE_SECONDS:
        return FormCheck.EXPIRED
    return FormCheck.OK


def screen_submission(honeypot: str, token: str) -> FormCheck:
    """Decide whether a submission looks like it came from a person filling in the form."""
    result = FormCheck.HONEYPOT if (honeypot or "").strip() else check_form_token(token)
    if result is not FormCheck.OK:
        logger.info("Membership application refused by spam checks: %s", result.value)
    return result


# --- Taking in an application -------------------------------------------------------------


def _absolute_url(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _staff_addresses() -> list[str]:
    return [a.strip() for a in settings.STAFF_NOTIFICATION_EMAIL.split(",") if a.strip()]


def submit_application(data) -> MembershipApplication:
    """Save a validated application with its networks and tags, then email the applicant.

    `data` is the cleaned data of MembershipApplicationForm. Emails are queued only once the
    application is safely committed.
    """
    now = timezone.now()
    with transaction.atomic():
        application = MembershipApplication(
            **{name: data[name] for name in APPLICATION_FIELDS},
            consent_text=consent_text(),
            consented_at=now,
            submitted_at=now,
        )
        application.full_clean()
        application.save()
        application.networks.set(data["networks"])
        for name in APPLICATION_TAGS:
            getattr(application, name).set(data.get(name) or [])
        context = {
            "application": application,
            "networks": [network.name for network in application.networks.all()],
            "review_url": _absolute_url(application.get_absolute_url()),
        }
        transaction.on_commit(lambda: _send_received_emails(application, context))
    return application


def _send_received_emails(application: MembershipApplication, context: dict) -> None:
    queue_email(
        [application.contact_email],
        "We have received your membership application",
        "members/email/application_received.txt",
        context,
    )
    if staff := _staff_addresses():
        queue_email(
            staff,
            # One line only: a line break in a subject would be refused as header injection.
            " ".join(f"New membership application: {application.organisation_name}".split())[:150],
            "members/email/application_staff_notice.txt",
            context,
        )


# --- Lists for staff ----------------------------------------------------------------------


def status_counts() -> dict[str, int]:
    """How many applications have each status, plus "all"."""
    counts = dict(
        MembershipApplication.objects.values_list("status").annotate(n=Count("pk")).order_by()
    )
    result = {status: counts.get(status, 0) for status in Status.values}
    result["all"] = sum(result.values())
    return result


def applications_for_review(status: str = ""):
    """Applications with the given status (all if blank), those waiting for a decision first."""
    applications = MembershipApplication.objects.annotate(
        waiting=Case(
            When(status=Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("waiting", "-submitted_at", "-pk")
    if status in Status.values:
        applications = applications.filter(status=status)
    return applications.prefetch_related("networks")


# --- Duplicate check ----------------------------------------------------------------------


@dataclass
class Match:
    """An existing organisation, or another application, that may be the same organisation."""

    record: Organisation | MembershipApplication
    name: str
    name_score: int
    reasons: list[str] = field(default_factory=list)
    same_number: bool = False

    @property
    def is_strong(self) -> bool:
        return self.same_number or self.name_score == 100


@dataclass
class DuplicateReport:
    organisations: list[Match]
    applications: list[Match]

    def __bool__(self) -> bool:
        return bool(self.organisations or self.applications)


def _name_score(key: str, other: str) -> int:
    if not key or not other:
        return 0
    return round(fuzz.token_sort_ratio(key, other))


def _name_reason(score: int) -> str:
    return (
        f"Similar name: {score} out of 100 when compared without words such as "
        '"the", "trust", "charity" and "ltd"'
    )


def _collect(matches: dict, record, name: str, key: str, reason: str, same_number: bool):
    match = matches.get(record.pk)
    if match is None:
        normalised = normalise_name(name)
        match = matches[record.pk] = Match(record, name, _name_score(key, normalised))
    if reason and reason not in match.reasons:
        match.reasons.append(reason)
    match.same_number = match.same_number or same_number


def _sorted(matches: dict) -> list[Match]:
    for match in matches.values():
        if match.name_score >= NAME_MATCH_THRESHOLD:
            reason = _name_reason(match.name_score)
            if reason not in match.reasons:
                match.reasons.append(reason)
    return sorted(
        matches.values(), key=lambda m: (not m.same_number, -m.name_score, m.name.lower())
    )


def find_duplicates(application: MembershipApplication) -> DuplicateReport:
    """Existing organisations and other waiting applications that may be the same body.

    A shared charity or company number is near-certain; a similar name is a prompt to check.
    """
    key = normalise_name(application.organisation_name)
    charity = normalise_charity_number(application.charity_number)
    company = normalise_company_number(application.company_number)

    organisations: dict[int, Match] = {}
    if charity:
        for organisation in Organisation.objects.filter(charity_number=charity):
            reason = f"Same charity number: {charity}"
            _collect(organisations, organisation, organisation.name, key, reason, True)
    if company:
        for organisation in Organisation.objects.filter(company_number=company):
            reason = f"Same company number: {company}"
            _collect(organisations, organisation, organisation.name, key, reason, True)
    if key:
        names = dict(Organisation.objects.values_list("pk", "normalised_name"))
        similar = process.extract(
            key,
            names,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=NAME_MATCH_THRESHOLD,
            limit=MAX_NAME_MATCHES,
        )
        found = Organisation.objects.in_bulk([pk for _name, _score, pk in similar])
        for organisation in found.values():
            _collect(organisations, organisation, organisation.name, key, "", False)

    applications: dict[int, Match] = {}
    waiting = MembershipApplication.objects.filter(status=Status.PENDING).exclude(pk=application.pk)
    for other in waiting.only("organisation_name", "charity_number", "company_number"):
        if charity and other.charity_number == charity:
            reason = f"Same charity number: {charity}"
            _collect(applications, other, other.organisation_name, key, reason, True)
        if company and other.company_number == company:
            reason = f"Same company number: {company}"
            _collect(applications, other, other.organisation_name, key, reason, True)
        if _name_score(key, normalise_name(other.organisation_name)) >= NAME_MATCH_THRESHOLD:
            _collect(applications, other, other.organisation_name, key, "", False)

    return DuplicateReport(_sorted(organisations), _sorted(applications))


# --- Deciding -----------------------------------------------------------------------------


def _one_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _lock_pending(application: MembershipApplication) -> MembershipApplication:
    """Lock the application row so two members of staff cannot decide it at once."""
    locked = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != Status.PENDING:
        decided = locked.get_status_display().lower()
        on = ""
        if locked.decided_at:
            on = f" on {timezone.localtime(locked.decided_at):%d/%m/%Y}"
        raise AlreadyDecided(
            f"This application has already been {decided}{on}. It cannot be decided again."
        )
    return locked


def _check_number_free(field_name: str, value: str, organisation: Organisation | None):
    if not value:
        return
    holder = Organisation.objects.filter(**{field_name: value})
    if organisation is not None:
        holder = holder.exclude(pk=organisation.pk)
    holder = holder.first()
    if holder is not None:
        label = "charity number" if field_name == "charity_number" else "company number"
        raise ApplicationError(
            f"{holder.name} already has {label} {value}. Choose that organisation instead, "
            "or check the number with the applicant."
        )


def _new_organisation(application: MembershipApplication) -> Organisation:
    _check_number_free("charity_number", application.charity_number, None)
    _check_number_free("company_number", application.company_number, None)
    organisation = Organisation(
        name=application.organisation_name,
        slug=unique_slug(application.organisation_name),
        org_type=application.org_type,
        description=application.description,
        website=application.website,
        charity_number=application.charity_number or None,
        company_number=application.company_number or None,
        lived_experience_led=application.lived_experience_led,
        by_and_for=application.by_and_for,
    )
    organisation.save()
    return organisation


def _fill_organisation(organisation: Organisation, application: MembershipApplication) -> None:
    """Add what the application tells us without overwriting anything already recorded."""
    for name in ("description", "website", "charity_number", "company_number"):
        value = getattr(application, name)
        if value and not getattr(organisation, name):
            if name in {"charity_number", "company_number"}:
                _check_number_free(name, value, organisation)
            setattr(organisation, name, value)
    # A yes from the organisation itself is news; a no never clears an earlier yes.
    organisation.lived_experience_led = (
        organisation.lived_experience_led or application.lived_experience_led
    )
    organisation.by_and_for = organisation.by_and_for or application.by_and_for
    organisation.save()


def _record_contact(actor, application: MembershipApplication, organisation: Organisation):
    """The contact person, with their consent to be contacted, and their link to the body."""
    person = Person.objects.filter(email__iexact=application.contact_email).first()
    before = audit.snapshot(person)
    if person is None:
        person = Person(name=application.contact_name, email=application.contact_email)
    person.communication_consent = True
    person.consent_date = application.consented_at
    person.consent_source = CONSENT_SOURCE
    person.save()

    affiliation = Affiliation.objects.filter(person=person, organisation=organisation).first()
    if affiliation is None:
        has_main_contact = Affiliation.objects.filter(
            organisation=organisation, is_main_contact=True
        ).exists()
        affiliation = Affiliation(
            person=person, organisation=organisation, is_main_contact=not has_main_contact
        )
    if application.contact_job_title and not affiliation.job_title:
        affiliation.job_title = application.contact_job_title
    affiliation.save()
    audit.record_change(actor, person, before)
    return person


def _activate_memberships(actor, application, organisation, today) -> list[Membership]:
    memberships = []
    renewal_due = _one_year_after(today)
    for network in application.networks.all():
        current = Membership.objects.filter(organisation=organisation, network=network).first()
        fields = {"status": MembershipStatus.ACTIVE, "joined_on": today, "renewal_due": renewal_due}
        if current is not None and current.status == MembershipStatus.ACTIVE:
            # Already a member: keep the original joining date and any later renewal date.
            fields["joined_on"] = current.joined_on or today
            if current.renewal_due and current.renewal_due > renewal_due:
                fields["renewal_due"] = current.renewal_due
        memberships.append(set_membership(actor, organisation, network, **fields))
    return memberships


def approve_application(
    application: MembershipApplication, actor, organisation: Organisation | None = None
) -> MembershipApplication:
    """Approve: make a new organisation (or add to `organisation`), activate its memberships,
    record the contact person, log every change and email the applicant.

    Either everything happens or nothing does.
    """
    with transaction.atomic():
        application = _lock_pending(application)
        if not application.networks.exists():
            raise ApplicationError("This application does not name a network to join.")
        application_before = audit.snapshot(application)
        if organisation is None:
            organisation_before = {}
            organisation = _new_organisation(application)
        else:
            try:
                organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
            except Organisation.DoesNotExist:
                raise ApplicationError("That organisation no longer exists.") from None
            organisation_before = audit.snapshot(organisation)
            _fill_organisation(organisation, application)
        for name in APPLICATION_TAGS:
            getattr(organisation, name).add(*getattr(application, name).all())
        audit.record_change(actor, organisation, organisation_before)

        today = timezone.localdate()
        memberships = _activate_memberships(actor, application, organisation, today)
        _record_contact(actor, application, organisation)

        application.status = Status.APPROVED
        application.decided_by = actor
        application.decided_at = timezone.now()
        application.organisation = organisation
        application.save()
        audit.record_change(actor, application, application_before)

        context = {
            "application": application,
            "organisation": organisation,
            "networks": [m.network.name for m in memberships],
            "profile_url": _absolute_url(organisation.get_absolute_url()),
        }
        transaction.on_commit(
            lambda: queue_email(
                [application.contact_email],
                "Your membership application has been approved",
                "members/email/application_approved.txt",
                context,
            )
        )
    return application


def decline_application(
    application: MembershipApplication, actor, reason: str
) -> MembershipApplication:
    """Decline with a reason, which is logged and sent to the applicant."""
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("Give a reason for declining. The applicant will see it.")
    with transaction.atomic():
        application = _lock_pending(application)
        before = audit.snapshot(application)
        application.status = Status.DECLINED
        application.decision_reason = reason
        application.decided_by = actor
        application.decided_at = timezone.now()
        application.save()
        audit.record_change(actor, application, before)
        context = {
            "application": application,
            "networks": [network.name for network in application.networks.all()],
        }
        transaction.on_commit(
            lambda: queue_email(
                [application.contact_email],
                "Your membership application",
                "members/email/application_declined.txt",
                context,
            )
        )
    return application
