import pytest

from consultations.demo import load_demo_consultation
from events.demo import load_demo_events
from events.models import Event, EventKind, RegistrationStatus
from members.demo import load_demo

pytestmark = pytest.mark.django_db


def test_demo_year_of_events_loads_once():
    load_demo()
    load_demo_consultation()
    count = load_demo_events()
    assert count >= 30 and Event.objects.count() == count
    assert load_demo_events() == 0
    assert {e.kind for e in Event.objects.all()} >= set(EventKind.values)
    for event in Event.objects.all():
        assert event.places_taken <= event.capacity
        held = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        assert held == event.places_taken
    assert Event.objects.filter(registrations__status="waitlisted").exists()
    assert Event.objects.filter(registrations__checked_in_at__isnull=False).exists()
    assert Event.objects.filter(registrations__no_show=True).exists()
    roundtables = Event.objects.filter(kind="roundtable")
    assert roundtables and all(e.consultation_session_id for e in roundtables)
    assert Event.objects.filter(networks__isnull=False).values("networks").distinct().count() == 2


def test_demo_has_four_groups_with_meetings_and_forum_actions():
    load_demo()
    load_demo_events()
    from events.models import Action, Group

    assert Group.objects.count() == 4
    for group in Group.objects.all():
        assert group.meetings.count() == 2 and group.members.count() >= 3
        assert all(m.visibility == "invitation" for m in group.meetings.all())
    assert Action.objects.filter(event__kind="policy_forum").exists()
