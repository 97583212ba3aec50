"""Email goes out through the background worker so a slow mail server never slows a page."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task


@task()
def send_email(recipients: list[str], subject: str, body: str) -> int:
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def queue_email(recipients: list[str], subject: str, template: str, context: dict) -> None:
    """Render a plain-text template now, send it from the worker."""
    body = render_to_string(template, {"site_name": settings.SITE_NAME, **context})
    send_email.enqueue(list(recipients), subject, body)
