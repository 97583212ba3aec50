"""Taking in an application from the public form: saved with the applicant's consent, then
the applicant and the staff are emailed."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.email import TRANSACTIONAL, queue_email
from members.models import MembershipApplication

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


def consent_text() -> str:
    """The consent statement shown beside the tick box; stored word for word with the answer."""
    return (
        f"I agree that {settings.SITE_NAME} may keep the details in this form to consider "
        "our application, and may contact me by email about it and, if we join, about the "
        "network's work. I understand I can ask for my details to be changed or removed at "
        "any time."
    )


def absolute_url(path: str) -> str:
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
            "review_url": absolute_url(application.get_absolute_url()),
        }
        transaction.on_commit(lambda: _send_received_emails(application, context))
    return application


def _send_received_emails(application: MembershipApplication, context: dict) -> None:
    queue_email(
        [application.contact_email],
        "We have received your membership application",
        "members/email/application_received.txt",
        context,
        mail_class=TRANSACTIONAL,
    )
    if staff := _staff_addresses():
        queue_email(
            staff,
            # One line only: a line break in a subject would be refused as header injection.
            " ".join(f"New membership application: {application.organisation_name}".split())[:150],
            "members/email/application_staff_notice.txt",
            context,
            mail_class=TRANSACTIONAL,
        )
