"""Email from the product's apps: a thin wrapper over comms.services.sending, the one path.

Every call says which class of mail it sends (`mail_class`): TRANSACTIONAL mail a person must
get (a password reset, a decision on their application) always goes; MARKETING mail obeys
the person's preferences and suppressions and needs the list they can leave (`mailing_list`,
see comms.services.sending.system_list). A test (comms/tests/test_every_email.py) holds
every call site to naming it. Sending happens in the background worker, so a slow mail server
never slows a page; see comms.services.sending for batching, rate limits and no-double-send.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django_tasks import task

# An attachment as the worker receives it (JSON-friendly): [filename, text, MIME type].
Attachment = list[str]

TRANSACTIONAL = "transactional"
MARKETING = "marketing"


@task()
def send_email(
    recipients: list[str], subject: str, body: str, attachments: list[Attachment] | None = None
) -> int:
    """Kept for work queued before comms existed: sends at once, as transactional mail."""
    from comms.services import sending

    mailing = sending.send_message(
        recipients,
        subject,
        body,
        mail_class=sending.TRANSACTIONAL,
        kind="core.queued_before_comms",
        attachments=attachments,
        background=False,
    )
    return mailing.sent_count


def queue_email(
    recipients: list[str],
    subject: str,
    template: str,
    context: dict,
    attachments: list[Attachment] | None = None,
    *,
    mail_class: str | None = None,
    kind: str = "",
    mailing_list=None,
) -> None:
    """Render a plain-text template now and send it through comms from the worker, with any
    `attachments` ([filename, text, MIME type], e.g. an event's .ics). `kind` names the email
    (defaults to the template's name). An unclassified call is sent as transactional, so no
    required mail is ever withheld, but the call-site test fails until it says which."""
    from comms.services import sending

    body = render_to_string(template, {"site_name": settings.SITE_NAME, **context})
    sending.send_message(
        list(recipients),
        subject,
        body,
        mail_class=mail_class or TRANSACTIONAL,
        kind=kind or template.removesuffix(".txt").replace("/", "."),
        attachments=attachments,
        mailing_list=mailing_list,
    )
