"""An organisation's engagement with the alliance, for staff on its profile: the events its
people attended (checked in) and the consultations it contributed to (a submitted
contribution, or present at one of the consultation's roundtable sessions), year by year."""

from collections import defaultdict

from django.utils import timezone

from consultations.models import Contribution, Session
from events.models import Event, Registration

RECENT = 5


def engagement(organisation) -> dict:
    attended_rows = (
        Registration.objects.filter(organisation=organisation, checked_in_at__isnull=False)
        .values_list("event_id", "event__starts_at")
        .distinct()
    )
    events_by_year: dict[int, set] = defaultdict(set)
    for event_id, starts_at in attended_rows:
        events_by_year[timezone.localtime(starts_at).year].add(event_id)
    consultations_by_year: dict[int, set] = defaultdict(set)
    submitted = Contribution.objects.filter(
        organisation=organisation, status=Contribution.Status.SUBMITTED
    ).values_list("consultation_id", "submitted_at", "created_at")
    for consultation_id, submitted_at, created_at in submitted:
        year = timezone.localtime(submitted_at or created_at).year
        consultations_by_year[year].add(consultation_id)
    present = Session.objects.filter(organisations_present=organisation).values_list(
        "consultation_id", "held_on"
    )
    for consultation_id, held_on in present:
        consultations_by_year[held_on.year].add(consultation_id)
    years = sorted(set(events_by_year) | set(consultations_by_year), reverse=True)
    every_event = set().union(*events_by_year.values()) if events_by_year else set()
    every_consultation = (
        set().union(*consultations_by_year.values()) if consultations_by_year else set()
    )
    return {
        "years": [
            (year, len(events_by_year.get(year, ())), len(consultations_by_year.get(year, ())))
            for year in years
        ],
        "events": len(every_event),
        "consultations": len(every_consultation),
        "recent": list(Event.objects.filter(pk__in=every_event).order_by("-starts_at")[:RECENT]),
    }
