"""The staff's side: the applications to decide, and approving or declining each one.

Every decision happens in one transaction, is written to the audit log, and the applicant
hears about it by email.
"""

import datetime

from django.db import transaction
from django.db.models import Case, Count, IntegerField, Value, When
from django.utils import timezone

from core import audit
from core.email import TRANSACTIONAL, queue_email
from members.models import (
    Affiliation,
    Membership,
    MembershipApplication,
    MembershipStatus,
    Organisation,
    Person,
)
from members.services.applications.intake import APPLICATION_TAGS, absolute_url
from members.services.organisations import set_membership, unique_slug

Status = MembershipApplication.Status

CONSENT_SOURCE = "membership application"


class ApplicationError(Exception):
    """A decision that cannot be made. The message is written for the member of staff."""


class AlreadyDecided(ApplicationError):
    pass


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
            "profile_url": absolute_url(organisation.get_absolute_url()),
        }
        transaction.on_commit(
            lambda: queue_email(
                [application.contact_email],
                "Your membership application has been approved",
                "members/email/application_approved.txt",
                context,
                mail_class=TRANSACTIONAL,
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
                mail_class=TRANSACTIONAL,
            )
        )
    return application
