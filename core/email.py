"""Email goes out through the background worker so a slow mail server never slows a page."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django_tasks import task

# An attachment as the worker receives it (JSON-friendly): [filename, text, MIME type].
Attachment = list[str]


@task()
def send_email(
    recipients: list[str], subject: str, body: str, attachments: list[Attachment] | None = None
) -> int:
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    return message.send()


def queue_email(
    recipients: list[str],
    subject: str,
    template: str,
    context: dict,
    attachments: list[Attachment] | None = None,
) -> None:
    """Render a plain-text template now, send it from the worker, with any `attachments`
    ([filename, text, MIME type], e.g. an event's .ics)."""
    body = render_to_string(template, {"site_name": settings.SITE_NAME, **context})
    send_email.enqueue(list(recipients), subject, body, [list(a) for a in attachments or ()])
