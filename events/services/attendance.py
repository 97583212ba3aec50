"""On the day and after: check-in, no-shows, the registrations list, its CSV, the report."""

import datetime
from collections import Counter

from django.db.models import Q, QuerySet
from django.utils import timezone

from core.audit import record_change
from core.lib.spreadsheets import escape_cell, line_writer
from events.models import Event, Registration, RegistrationStatus
from taxonomy.models import Vocabulary

REGISTRATION_FILTERS = {
    "status": RegistrationStatus.values,
    "attended": ["yes", "no", "unknown"],
}


def registrations_list(event: Event, params) -> QuerySet:
    """The event's registrations, filtered by status, attendance and name, email, organisation
    or ticket reference."""
    rows = event.registrations.select_related("organisation").order_by("created_at", "pk")
    if (status := params.get("status")) in RegistrationStatus.values:
        rows = rows.filter(status=status)
    attended = params.get("attended")
    if attended == "yes":
        rows = rows.filter(checked_in_at__isnull=False)
    elif attended == "no":
        rows = rows.filter(no_show=True)
    elif attended == "unknown":
        rows = rows.filter(checked_in_at=None, no_show=False)
    if text := (params.get("q") or "").strip():
        matches = (
            Q(name__icontains=text)
            | Q(email__icontains=text)
            | Q(organisation__name__icontains=text)
        )
        if text.isdigit():  # the reference printed on the ticket and in the email
            matches |= Q(pk=int(text))
        rows = rows.filter(matches)
    return rows


def check_in_candidates(event: Event, text: str, limit: int = 30) -> list[Registration]:
    """Who may be checked in, for the search-as-you-type list on a phone."""
    rows = registrations_list(event, {"q": text}).filter(status=RegistrationStatus.CONFIRMED)
    return list(rows[:limit])


def check_in(actor, registration: Registration, now=None) -> Registration:
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ValueError("Only confirmed registrations can be checked in.")
    if registration.checked_in_at is None:
        registration.checked_in_at = now or timezone.now()
        registration.no_show = False
        registration.save(update_fields=["checked_in_at", "no_show"])
    return registration


def undo_check_in(actor, registration: Registration) -> Registration:
    registration.checked_in_at = None
    registration.save(update_fields=["checked_in_at"])
    return registration


def record_no_shows(event: Event, now=None) -> int:
    """Everyone confirmed and not checked in did not come: only once the event has begun
    (ValueError before), when not being checked in means something."""
    if (now or timezone.now()) < event.starts_at:
        raise ValueError("No-shows can be recorded once the event has started.")
    return event.registrations.filter(
        status=RegistrationStatus.CONFIRMED, checked_in_at=None
    ).update(no_show=True)


def export_lines(actor, event: Event, *, include_sensitive: bool):
    """The registrations as CSV lines. Sensitive answers only for the event's own organisers
    who ask for them, and that export is written to the audit log."""
    questions = [q for q in event.questions.all() if include_sensitive or not q.sensitive]
    if include_sensitive:
        record_change(
            actor,
            event,
            {"sensitive_export": None},
            {"sensitive_export": f"exported at {timezone.now().isoformat()}"},
        )
    writer = line_writer()
    yield writer.writerow(
        ["Name", "Email", "Organisation", "Status", "Registered", "Checked in", "No-show"]
        + [escape_cell(q.text) for q in questions]
    )
    rows = event.registrations.select_related("organisation").prefetch_related("answers")
    for registration in rows.order_by("created_at", "pk"):
        answers = {a.question_id: a.value for a in registration.answers.all()}
        yield writer.writerow(
            [
                escape_cell(registration.name),
                escape_cell(registration.email),
                escape_cell(registration.organisation.name if registration.organisation else ""),
                registration.get_status_display(),
                timezone.localtime(registration.created_at).strftime("%d/%m/%Y %H:%M"),
                _when(registration.checked_in_at),
                "yes" if registration.no_show else "",
            ]
            + [escape_cell(answers.get(q.pk, "")) for q in questions]
        )


def _when(moment: datetime.datetime | None) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def event_report(event: Event) -> dict:
    """Numbers registered, attended and waitlisted; organisations and networks represented,
    and parts of the system those organisations work in."""
    registrations = list(event.registrations.select_related("organisation"))
    by_status = Counter(r.status for r in registrations)
    attended = [r for r in registrations if r.checked_in_at]
    organisations = {r.organisation for r in attended or registrations if r.organisation}
    networks = Counter()
    parts = Counter()
    for organisation in organisations:
        for membership in organisation.memberships.select_related("network"):
            networks[membership.network.label] += 1
        for term in organisation.parts.filter(vocabulary=Vocabulary.PART):
            parts[term.name] += 1
    return {
        "registered": by_status[RegistrationStatus.CONFIRMED]
        + by_status[RegistrationStatus.OFFERED],
        "waitlisted": by_status[RegistrationStatus.WAITLISTED],
        "cancelled": by_status[RegistrationStatus.CANCELLED],
        "attended": len(attended),
        "no_shows": sum(1 for r in registrations if r.no_show),
        "organisations": sorted(o.name for o in organisations),
        "networks": sorted(networks.items()),
        "parts": parts.most_common(),
        "counted_from": "attendees" if attended else "registrations",
    }
