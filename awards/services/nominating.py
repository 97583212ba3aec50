"""The public nomination form's work: one nominator's nomination, saved whole or not at all.

The form has already checked each field; here are the rules that need the database: the cycle
is open, the nominee fits the category's eligibility rules (services/eligibility.py), nobody
nominates the same nominee twice, and a person who is nominated is asked for their consent
before they can be shortlisted or named.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from awards.models import (
    Category,
    Consent,
    Nomination,
    NominationStatus,
    Nominator,
    NomineeKind,
    SupportingFile,
)
from awards.services import eligibility
from core.email import TRANSACTIONAL, queue_email

ACTIVE = (NominationStatus.RECEIVED, NominationStatus.ELIGIBLE)
CLOSED = "Nominations for this category are closed, so we have not saved this one."


def normalised(name: str) -> str:
    return " ".join(name.casefold().replace("&", "and").split())


def same_nominee(category: Category, kind: str, organisation, name: str):
    """Active nominations in `category` of this nominee (same member, or same name)."""
    nominations = Nomination.objects.filter(category=category, status__in=ACTIVE)
    if organisation is not None:
        return nominations.filter(organisation=organisation)
    return [
        n
        for n in nominations.filter(nominee_kind=kind)
        if normalised(n.nominee_name) == normalised(name)
    ]


def _check(category: Category, data: dict) -> None:
    if not category.cycle.is_open:
        raise ValidationError(CLOSED)
    kind = data["nominee_kind"]
    if kind not in eligibility.kinds_for(category):
        raise ValidationError({"nominee_kind": "This category does not take that kind of nominee."})
    organisation = data.get("organisation")
    found = eligibility.problems(category, kind, organisation)
    if found:
        raise ValidationError({"organisation": " ".join(found)})
    if data.get("is_self_nomination") and not category.self_nomination:
        raise ValidationError(
            {"is_self_nomination": "This category does not accept self-nominations."}
        )
    email = data["nominator_email"].lower()
    for nomination in same_nominee(category, kind, organisation, data["nominee_name"]):
        if nomination.nominators.filter(email__iexact=email).exists():
            raise ValidationError(
                f"You have already nominated {nomination.nominee_name} in this category. "
                "Thank you: one nomination from each person is enough."
            )


@transaction.atomic
def submit(category: Category, data: dict, files: list, user=None) -> Nominator:
    """Save a nomination from the form's cleaned data; ValidationError (changing nothing)
    when a rule refuses it. Emails the nominator, and asks a nominated person for consent."""
    _check(category, data)
    kind = data["nominee_kind"]
    is_person = kind == NomineeKind.PERSON
    nomination = Nomination.objects.create(
        category=category,
        nominee_kind=kind,
        organisation=data.get("organisation"),
        nominee_name=data["nominee_name"],
        nominee_email=data.get("nominee_email", ""),
        nominee_website=data.get("nominee_website", ""),
        article_links="\n".join(data.get("article_links", [])),
        consent=Consent.REQUESTED if is_person else Consent.NOT_NEEDED,
    )
    if data.get("articles"):
        nomination.articles.set(data["articles"])
    nominator = Nominator.objects.create(
        nomination=nomination,
        name=data["nominator_name"],
        email=data["nominator_email"].lower(),
        organisation_name=data.get("nominator_organisation", ""),
        user=user if user is not None and user.is_authenticated else None,
        is_self_nomination=bool(data.get("is_self_nomination")),
        statement=data["statement"],
        answers=data.get("answers", []),
    )
    for uploaded, kind_of_file in files:
        SupportingFile.objects.create(
            nominator=nominator, file=uploaded, filename=uploaded.name[:255], kind=kind_of_file
        )
    transaction.on_commit(lambda: _send_emails(nomination, nominator))
    return nominator


def consent_url(nomination: Nomination) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("awards:consent", args=[nomination.consent_key])


def _send_emails(nomination: Nomination, nominator: Nominator) -> None:
    context = {"nomination": nomination, "nominator": nominator, "category": nomination.category}
    queue_email(
        [nominator.email],
        f"Your nomination for {nomination.category.name}",
        "awards/email/nomination_received.txt",
        context,
        mail_class=TRANSACTIONAL,
    )
    if nomination.consent == Consent.REQUESTED and nomination.nominee_email:
        request_consent(nomination)


def request_consent(nomination: Nomination) -> None:
    queue_email(
        [nomination.nominee_email],
        f"You have been nominated for {nomination.category.name}",
        "awards/email/consent_request.txt",
        {"nomination": nomination, "category": nomination.category, "url": consent_url(nomination)},
        mail_class=TRANSACTIONAL,  # the nominee's say over being named; they must see it
    )
