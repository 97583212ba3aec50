"""One Delivery of a Mailing as an email: the installation's layout around the message, the
footer the recipient needs, and the headers that say what kind of mail it is.

Marketing mail carries List-Unsubscribe with an HTTPS link and List-Unsubscribe-Post:
List-Unsubscribe=One-Click (RFC 8058), so a mail program's "Unsubscribe" button works with one
POST and no sign-in. No tracking pixel is added and no link is rewritten; open counting is off
unless COMMS_OPEN_COUNTS is set: then marketing mail asks the provider to count opens
(anymail's esp-neutral `track_opens`) and the footer says so.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, linebreaks

from comms import conf
from comms.models import Delivery, Mailing
from comms.services import tokens

BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)
CLASS_HEADER = "X-Groundswell-Class"
KIND_HEADER = "X-Groundswell-Kind"


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def unsubscribe_url(email: str, mailing_list) -> str:
    token = tokens.make(tokens.UNSUBSCRIBE, email, mailing_list.pk)
    return absolute(reverse("communications:unsubscribe", args=[token]))


def preferences_url(email: str) -> str:
    token = tokens.make(tokens.PREFERENCES, email)
    return absolute(reverse("communications:preferences_link", args=[token]))


def message_id(mailing: Mailing, delivery: Delivery) -> str:
    """The same for every copy of one delivery: a copy staff choose to send again after a
    crash (comms.services.outcomes) is then the same message to the recipient's mail system,
    which may keep only one (Gmail, for one, does), and to the provider's reports."""
    stamp = int(mailing.created_at.timestamp())
    return f"<comms.{mailing.pk}.{delivery.pk}.{stamp}@{site_domain()}>"


def body_html(content) -> str:
    """The message's own HTML, or its text made into paragraphs (escaped) when it has none.
    A whole document keeps only what is inside its <body>: the layout is the document.
    `content` is a Mailing or a MailingVariant."""
    if not content.html:
        return linebreaks(escape(content.text))
    inside = BODY.search(content.html)
    return inside.group(1) if inside else content.html


def build(mailing: Mailing, delivery: Delivery) -> EmailMultiAlternatives:
    # The recipient's own version (only their topics, only what they have not had), if any.
    content = delivery.variant if delivery.variant_id else mailing
    context = {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "accent": settings.SITE_ACCENT_COLOUR,
        "subject": content.subject,
        "body_html": body_html(content),
        "body_text": content.text,
        "mailing_list": mailing.mailing_list,
        "is_marketing": mailing.is_marketing,
        "open_counts": mailing.is_marketing and conf.open_counts(),
    }
    headers = {CLASS_HEADER: mailing.mail_class, KIND_HEADER: mailing.kind}
    if mailing.is_marketing:
        context["unsubscribe_url"] = unsubscribe_url(delivery.email, mailing.mailing_list)
        context["preferences_url"] = preferences_url(delivery.email)
        headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        headers["List-Id"] = (
            f"{mailing.mailing_list.name} <{mailing.mailing_list.slug}.{site_domain()}>"
        )
        headers["Precedence"] = "bulk"
    else:
        headers["Auto-Submitted"] = "auto-generated"
    headers["Message-ID"] = message_id(mailing, delivery)
    message = EmailMultiAlternatives(
        subject=content.subject,
        body=render_to_string("comms/email/layout.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.email],
        headers=headers,
    )
    message.attach_alternative(render_to_string("comms/email/layout.html", context), "text/html")
    for filename, content, mimetype in mailing.attachments or ():
        message.attach(filename, content, mimetype)
    # Providers that report events back (anymail) return this with each bounce or complaint.
    message.metadata = {"delivery": str(delivery.pk)}
    if mailing.is_marketing and conf.open_counts():
        # Only ever set to True: anymail refuses the attribute, even False, for providers
        # that cannot switch tracking per message (Amazon SES, Brevo, Resend...), and those
        # track only what their account is set to (off unless someone turned it on).
        message.track_opens = True
    return message
