"""Applications to a cohort, offers, acceptances and the waiting list.

The form asks about lived experience in the applicant's own words and never for a list of
offences. An offer is answered through the applicant's personal link; a declined offer
passes to the first person on the waiting list.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from core import audit
from programmes.models import Application, ApplicationStatus, Cohort
from programmes.services import delivery
from programmes.services import participants as taking_part
from programmes.services.mail import send

CLOSED = "Applications for this cohort are closed, so we have not saved this one."
DECIDABLE = {
    ApplicationStatus.RECEIVED,
    ApplicationStatus.WAITING,
    ApplicationStatus.UNSUCCESSFUL,
}


def link_for(application: Application) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("programmes:my_place", args=[application.key])


@transaction.atomic
def submit(cohort: Cohort, data: dict, consent_text: str, user=None) -> Application:
    """Save an application; one sent signed in is linked to that account
    (taking_part.link_account), so the site knows the participant by it later."""
    if not cohort.is_open:
        raise ValidationError(CLOSED)
    email = data["email"].lower()
    if Application.objects.filter(cohort=cohort, email__iexact=email).exists():
        raise ValidationError(
            "You have already applied to this cohort with this email address. We have your "
            "application: there is no need to send it again."
        )
    linked = user if user is not None and user.is_authenticated else None
    application = Application.objects.create(
        cohort=cohort, consent_text=consent_text, user=linked, **{**data, "email": email}
    )
    audit.record_change(None, application, {})
    send(
        [email], f"Your application to {cohort.programme.name}", "applied.txt",
        {"application": application, "link": link_for(application)}, "applied",
    )  # fmt: skip
    return application


def _set_status(actor, application: Application, status: str, **fields) -> Application:
    before = audit.snapshot(application)
    application.status = status
    application.decided_at = timezone.now()
    for name, value in fields.items():
        setattr(application, name, value)
    application.save()
    audit.record_change(actor, application, before)
    return application


def places_taken(cohort: Cohort) -> int:
    return cohort.applications.filter(
        status__in=(ApplicationStatus.OFFERED, ApplicationStatus.ACCEPTED)
    ).count()


@transaction.atomic
def decide(actor, application: Application, decision: str) -> Application:
    """Staff decide: "offer", "wait" (the end of the waiting list) or "unsuccessful"."""
    cohort = Cohort.objects.select_for_update().get(pk=application.cohort_id)
    if application.status not in DECIDABLE:
        raise ValidationError(
            f"This application is {application.get_status_display().lower()}; it cannot be "
            "decided again."
        )
    if decision == "offer":
        if places_taken(cohort) >= cohort.places:
            raise ValidationError(
                f"All {cohort.places} places are offered or taken. Put the applicant on the "
                "waiting list instead."
            )
        _set_status(actor, application, ApplicationStatus.OFFERED, waiting_position=None)
        send(
            [application.email], f"A place on {cohort.programme.name}", "offer.txt",
            {"application": application, "link": link_for(application)}, "offer",
        )  # fmt: skip
    elif decision == "wait":
        last = cohort.applications.aggregate(last=Max("waiting_position"))["last"] or 0
        _set_status(actor, application, ApplicationStatus.WAITING, waiting_position=last + 1)
    elif decision == "unsuccessful":
        _set_status(actor, application, ApplicationStatus.UNSUCCESSFUL, waiting_position=None)
    else:
        raise ValidationError("Choose offer, waiting list or not offered.")
    return application


@transaction.atomic
def respond(application: Application, accept: bool, user=None) -> Application:
    """The applicant accepts or declines their offer through their personal link; accepting
    while signed in links the place to that account, if nothing is linked yet."""
    if application.status != ApplicationStatus.OFFERED:
        raise ValidationError("There is no open offer to answer on this application.")
    if accept:
        if user is not None:
            taking_part.link_account(application, user)
        _set_status(None, application, ApplicationStatus.ACCEPTED)
        delivery.give_places(application)
        return application
    _set_status(None, application, ApplicationStatus.DECLINED)
    offer_next(application.cohort)
    return application


@transaction.atomic
def withdraw(actor, application: Application, reason: str) -> Application:
    """Staff record that someone offered or taking a place has left the cohort, and why: their
    places at sessions still to come are given back, and before the cohort starts the freed
    place goes to the first person on the waiting list."""
    Cohort.objects.select_for_update().get(pk=application.cohort_id)
    application.refresh_from_db()
    if application.status not in (ApplicationStatus.OFFERED, ApplicationStatus.ACCEPTED):
        raise ValidationError(
            f"This application is {application.get_status_display().lower()}: only someone "
            "offered or taking a place can be withdrawn."
        )
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("Say why they are leaving: it is kept with their record.")
    if len(reason) > 500:
        raise ValidationError("Keep the reason to 500 characters.")
    _set_status(actor, application, ApplicationStatus.WITHDRAWN, withdrawal_reason=reason)
    delivery.release_places(application)
    if application.cohort.starts_on > timezone.localdate():
        offer_next(application.cohort)
    return application


def offer_next(cohort: Cohort) -> Application | None:
    """Offer the freed place to the first person on the waiting list."""
    waiting = (
        cohort.applications.filter(status=ApplicationStatus.WAITING)
        .order_by("waiting_position", "pk")
        .first()
    )
    if waiting is None or places_taken(cohort) >= cohort.places:
        return None
    return decide(None, waiting, "offer")


def participants(cohort: Cohort):
    return cohort.applications.filter(status=ApplicationStatus.ACCEPTED).order_by("name")
