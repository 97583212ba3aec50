"""A confirmed attendee's ticket: a page from the link in their confirmation email with a QR
code that staff scan at the door. The code holds the address of the staff check-in page for
that one registration (signed, so it cannot be made up for someone else), so any phone's
camera opens it; a signed-in member of staff then checks the person in with one tap."""

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from events.models import Registration
from events.services import links


def ticket_url(registration: Registration) -> str:
    """The attendee's own ticket page (no sign-in)."""
    return links.registration_url(links.TICKET, registration)


def check_in_url(registration: Registration) -> str:
    """What the QR code holds: the check-in page showing this registration only."""
    token = links.make_token(links.TICKET, registration.pk, registration.email)
    path = reverse("events:staff_check_in", args=[registration.event.slug])
    return f"{settings.SITE_URL.rstrip('/')}{path}?ticket={token}"


def registration_from_ticket(event, token: str) -> Registration | None:
    read = links.read_token(links.TICKET, token) if token else None
    if read is None:
        return None
    pk, email = read
    return event.registrations.filter(pk=pk, email=email).select_related("organisation").first()


def qr_svg(registration: Registration) -> SafeString:
    """The QR code as inline SVG, black on white with the quiet zone scanners need."""
    code = segno.make(check_in_url(registration), error="m")
    svg = code.svg_inline(
        scale=6,
        border=4,
        dark="#000",
        light="#fff",
        title=f"QR code of the ticket of {registration.name}",
        svgclass="ticket-qr",
        lineclass=None,
    )
    # segno escapes the title (the code's text alternative, with the person's name).
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308  segno's SVG
