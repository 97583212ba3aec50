"""The events pages everyone sees: the listing, the month, an event, registering."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone

from core.lib import ratelimit
from core.lib.markdown import render_markdown
from core.lib.months import add_months
from core.registries import record_sections
from events.forms import CONSENT, ColleagueForm, RegistrationForm
from events.models import Registration, RegistrationStatus
from events.services import access, calendar, links, listing, tickets
from events.services.month import month_grid
from events.services.registration import Applicant, RegistrationRefused
from events.services.registration import register as do_register
from events.views.helpers import visible_event_or_404


def index(request):
    context = {
        "listing": listing.event_listing(request.user, request.GET),
        "when_tabs": listing.WHEN,
    }
    template = "events/_index_body.html" if request.htmx else "events/index.html"
    return render(request, template, context)


def month(request):
    today = timezone.localdate()
    try:
        shown = datetime.datetime.strptime(request.GET.get("m", ""), "%Y-%m").date()
    except ValueError:
        shown = today.replace(day=1)
    context = {
        "month": shown,
        "weeks": month_grid(access.visible_events(request.user), shown),
        "previous": add_months(shown, -1),
        "next": add_months(shown, 1),
        "today": today,
    }
    return render(request, "events/month.html", context)


def _my_registration(request, event):
    if not request.user.is_authenticated:
        return None
    return (
        event.registrations.filter(email=request.user.email.lower())
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )


def event(request, slug):
    event, invitation = visible_event_or_404(request, slug)
    mine = _my_registration(request, event)
    context = {
        "event": event,
        "description": render_markdown(event.description),
        "notes": render_markdown(event.notes)
        if event.notes and access.may_read_notes(request.user, event)
        else "",
        "speakers": event.speakers.all(),
        "co_hosts": event.co_hosts.all(),
        "networks": event.networks.all(),
        "mine": mine,
        "show_joining_link": bool(mine and mine.status == RegistrationStatus.CONFIRMED),
        "state": event.registration_state(),
        "may_register": access.may_register_self(request.user, event, invitation),
        "may_register_colleagues": access.may_register_colleagues(request.user, event),
        "invitation": invitation,
        "is_staff": access.may_manage(request.user),
        "google_url": calendar.google_calendar_url(event),
        "cancel_url": links.registration_url(links.CANCEL, mine) if mine else "",
        "ticket_url": tickets.ticket_url(mine)
        if mine and mine.status == RegistrationStatus.CONFIRMED
        else "",
        # Other apps' parts of an event page (equality monitoring for its attendees).
        "sections": record_sections.sections_for(request, event),
    }
    return render(request, "events/event.html", context)


def register(request, slug):
    event, invitation = visible_event_or_404(request, slug)
    if not access.may_register_self(request.user, event, invitation):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied("This event is for members of the invited networks.")
    signed_in = request.user.is_authenticated
    identity = None
    if signed_in:
        identity = {"name": request.user.name or request.user.email, "email": request.user.email}
    if invitation and not signed_in:
        identity = {"name": invitation.name, "email": invitation.email}
    form = RegistrationForm(
        request.POST or None,
        questions=event.questions.all(),
        organisations=access.organisations_of(request.user) if signed_in else None,
        fixed_identity=identity,
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            return redirect(event.get_absolute_url())  # a bot: say nothing
        if not signed_in and not ratelimit.hit("events-register", request, 10, 3600):
            form.add_error(None, "Too many registrations from here; please try again later.")
        else:
            email = identity["email"] if identity else form.cleaned_data["email"]
            applicant = Applicant(
                name=form.cleaned_data["name"],
                email=email,
                user=request.user if signed_in else None,
                organisation=form.cleaned_data.get("organisation"),
                answers=form.answers(),
                consent_text=CONSENT,
            )
            try:
                registration = do_register(
                    event, applicant, email_verified=signed_in or invitation is not None
                )
            except RegistrationRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _outcome(registration))
                return redirect(event.get_absolute_url())
    return render(
        request,
        "events/register.html",
        {"event": event, "form": form, "identity": identity, "invitation": invitation},
    )


def _outcome(registration: Registration) -> str:
    return {
        RegistrationStatus.UNVERIFIED: "Nearly done: we have emailed you a link to confirm "
        "your email address. No place is held until you open it.",
        RegistrationStatus.CONFIRMED: "Your place is confirmed. We have emailed you the "
        "details with a calendar file.",
        RegistrationStatus.WAITLISTED: "The event is full, so you are on the waitlist. We "
        "will email you if a place comes up.",
    }.get(registration.status, "Registered.")


@login_required
def register_colleague(request, slug):
    event, _invitation = visible_event_or_404(request, slug)
    if not access.may_register_colleagues(request.user, event):
        raise PermissionDenied("Only member contacts may register colleagues.")
    form = ColleagueForm(request.POST or None, organisations=access.organisations_of(request.user))
    if request.method == "POST" and form.is_valid():
        applicant = Applicant(
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            organisation=form.cleaned_data["organisation"],
            registered_by=request.user,
            consent_text=f"Registered by a colleague, {request.user.email}.",
        )
        try:
            registration = do_register(event, applicant)
        except RegistrationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                f"{registration.name} is {registration.get_status_display().lower()}; "
                "we have emailed them.",
            )
            return redirect(event.get_absolute_url())
    return render(request, "events/register_colleague.html", {"event": event, "form": form})
