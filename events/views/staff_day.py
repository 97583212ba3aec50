"""Staff on the day and after: registrations, CSV, check-in from a phone, report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.lib.downloads import as_attachment
from events.models import Event, RegistrationStatus
from events.services import access, attendance, tickets
from events.views.helpers import people_of
from events.views.staff import staff_only


def _event(slug):
    return get_object_or_404(Event, slug=slug)


@staff_only
def registrations(request, slug):
    event = people_of(request, slug)
    organiser = access.is_organiser(request.user, event)
    rows = attendance.registrations_list(event, request.GET).prefetch_related("answers__question")
    return render(
        request,
        "events/staff/registrations.html",
        {
            "event": event,
            "rows": rows,
            "is_organiser": organiser,
            "has_started": event.starts_at <= timezone.now(),
            "statuses": RegistrationStatus.choices,
            "params": request.GET,
        },
    )


@staff_only
def export(request, slug):
    event = people_of(request, slug)
    sensitive = request.GET.get("sensitive") == "1"
    if sensitive and not access.is_organiser(request.user, event):
        raise PermissionDenied("Only this event's organisers may export sensitive answers.")
    lines = attendance.export_lines(request.user, event, include_sensitive=sensitive)
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    return as_attachment(response, f"{event.slug}-registrations.csv")


@staff_only
def check_in(request, slug):
    """The search-as-you-type list; a scanned ticket (?ticket=, from its QR code) shows
    that one person."""
    event = people_of(request, slug)
    text = request.GET.get("q", "")
    context = {"event": event, "q": text}
    if "ticket" in request.GET:
        scanned = tickets.registration_from_ticket(event, request.GET["ticket"])
        context["scanned"] = scanned or "unknown"
        context["rows"] = [scanned] if scanned else []
    else:
        context["rows"] = attendance.check_in_candidates(event, text)
    template = "events/staff/_check_in_list.html" if request.htmx else "events/staff/check_in.html"
    return render(request, template, context)


@staff_only
@require_POST
def check_in_person(request, slug, pk):
    event = people_of(request, slug)
    registration = get_object_or_404(event.registrations, pk=pk)
    if request.POST.get("undo"):
        attendance.undo_check_in(request.user, registration)
    else:
        try:
            attendance.check_in(request.user, registration)
        except ValueError as problem:
            messages.error(request, str(problem))
    if request.htmx:
        return render(
            request, "events/staff/_check_in_row.html", {"event": event, "row": registration}
        )
    return redirect(f"{request.path.rsplit('/', 2)[0]}/?q={request.POST.get('q', '')}")


@staff_only
@require_POST
def no_shows(request, slug):
    event = people_of(request, slug)
    try:
        count = attendance.record_no_shows(event)
    except ValueError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, f"Recorded {count} no-show{'s' if count != 1 else ''}.")
    return redirect("events:staff_registrations", slug=slug)


@staff_only
def report(request, slug):
    event = _event(slug)
    return render(
        request,
        "events/staff/report.html",
        {"event": event, "report": attendance.event_report(event)},
    )
