"""An organisation's engagement with the alliance's events, for staff: how many events its
people attended (checked in), and the most recent."""

from events.models import Event


def events_attended(organisation) -> dict:
    attended = Event.objects.filter(
        registrations__organisation=organisation, registrations__checked_in_at__isnull=False
    ).distinct()
    return {"count": attended.count(), "recent": list(attended.order_by("-starts_at")[:5])}
