"""What the links in emails do, without signing in: confirm an email address, cancel,
take a place offered from the waitlist, show the ticket. GET shows a button; only POST
changes anything (mail scanners follow links)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from events.models import Event, Registration, RegistrationStatus
from events.services import links, tickets
from events.services import registration as registrations


def _registration(purpose: str, slug: str, token: str, max_age=None) -> Registration:
    read = links.read_token(purpose, token, max_age=max_age)
    if read is None:
        raise Http404("This link is not valid: it may have been mistyped or have expired.")
    pk, email = read
    event = get_object_or_404(Event, slug=slug)
    return get_object_or_404(Registration, pk=pk, email=email, event=event)


def _act(request, registration, template, action, done_message, **context):
    if request.method == "POST":
        try:
            action(registration)
        except registrations.RegistrationRefused as refusal:
            messages.error(request, str(refusal))
        else:
            registration.refresh_from_db()
            messages.success(request, done_message(registration))
        return redirect(registration.event.get_absolute_url())
    return render(
        request,
        template,
        {"registration": registration, "event": registration.event, **context},
    )


def verify(request, slug, token):
    registration = _registration(links.VERIFY, slug, token, max_age=links.VERIFY_MAX_AGE)
    return _act(
        request, registration, "events/signed_verify.html", registrations.verify,
        lambda r: "Your place is confirmed; the details are in your email."
        if r.status == RegistrationStatus.CONFIRMED
        else "The event is full, so you are on the waitlist.",
    )  # fmt: skip


def cancel(request, slug, token):
    registration = _registration(links.CANCEL, slug, token)
    return _act(
        request, registration, "events/signed_cancel.html", registrations.cancel,
        lambda r: "Your registration is cancelled.",
    )  # fmt: skip


def accept(request, slug, token):
    registration = _registration(links.ACCEPT, slug, token)
    return _act(
        request, registration, "events/signed_accept.html", registrations.accept_offer,
        lambda r: "The place is yours: the details are in your email.",
    )  # fmt: skip


def ticket(request, slug, token):
    """The attendee's ticket with its QR code; it shows, never changes anything."""
    registration = _registration(links.TICKET, slug, token)
    context = {"registration": registration, "event": registration.event}
    if registration.status == RegistrationStatus.CONFIRMED:
        context["qr"] = tickets.qr_svg(registration)
    return render(request, "events/ticket.html", context)
