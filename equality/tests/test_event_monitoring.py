"""An event's confirmed attendees find its monitoring form on the event page (through the
record-sections registry); others do not, and the form is the event's own exercise."""

import pytest

from core.tests.factories import UserFactory
from equality.models import Exercise, Group
from events.models import RegistrationStatus
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_a_confirmed_attendee_is_offered_the_events_form(client):
    event = EventFactory()
    person, stranger = UserFactory(), UserFactory()
    RegistrationFactory(event=event, user=person, email=person.email,
                        status=RegistrationStatus.CONFIRMED)  # fmt: skip
    client.force_login(stranger)
    assert b"Answer the equality monitoring" not in client.get(event.get_absolute_url()).content
    assert not Exercise.objects.exists()
    client.force_login(person)
    page = client.get(event.get_absolute_url()).content.decode()
    exercise = Exercise.objects.get()
    assert exercise.group == Group.EVENTS and exercise.context_key == f"events.event:{event.pk}"
    assert exercise.get_absolute_url() in page
