"""No overbooking, ever: people registering for the last place at the same moment, in real
threads with their own database connections, give exactly one confirmed place.

Runs on whichever engine the suite runs on (SQLite by default; DATABASE_URL=postgres://...
for PostgreSQL): run it on both."""

import threading

import pytest
from django.db import IntegrityError, connection, connections

from events.models import Event, RegistrationStatus
from events.services.registration import Applicant, register
from events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _race(event, people: int) -> list:
    start = threading.Barrier(people)
    outcomes, errors = [], []

    def attempt(n):
        try:
            start.wait()
            outcomes.append(register(event, Applicant(f"Racer {n}", f"racer{n}@example.org")))
        except Exception as error:  # noqa: BLE001  reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return outcomes


def test_two_people_for_the_last_place_give_one_confirmed_one_waitlisted():
    event = EventFactory(capacity=1)
    outcomes = _race(event, 2)
    assert sorted(r.status for r in outcomes) == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
    ]
    assert Event.objects.get(pk=event.pk).places_taken == 1


def test_many_people_for_a_few_places_never_overbook():
    event = EventFactory(capacity=3)
    outcomes = _race(event, 8)
    confirmed = [r for r in outcomes if r.status == RegistrationStatus.CONFIRMED]
    assert len(confirmed) == 3 and len(outcomes) == 8
    assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 3
    assert Event.objects.get(pk=event.pk).places_taken == 3


def test_the_database_itself_refuses_a_count_above_capacity():
    event = EventFactory(capacity=1)
    with pytest.raises(IntegrityError):
        Event.objects.filter(pk=event.pk).update(places_taken=2)


def test_the_engine_under_test_is_reported():
    # A reminder in the output of which engine ran the race.
    assert connection.vendor in {"sqlite", "postgresql"}
