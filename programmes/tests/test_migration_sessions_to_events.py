"""The migration that makes every existing programme session an event: each becomes an
invitation-only training event with the cohort's participants on it, and the attendance
recorded before is carried over as check-ins and no-shows."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from events.models import Event, RegistrationStatus, Visibility
from members.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("programmes", "0002_application_user")]


def _latest(executor):
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] == "programmes"]


def test_sessions_and_their_attendance_move_to_events():
    executor = MigrationExecutor(connection)
    latest = _latest(executor)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE[0]).apps
    try:
        network = NetworkFactory()
        programme = old.get_model("programmes", "Programme").objects.create(
            network_id=network.pk, name="Leading Change", slug="leading-change",
            summary="S", eligibility="E",
        )  # fmt: skip
        cohort = old.get_model("programmes", "Cohort").objects.create(
            programme=programme, name="Cohort 1", slug="cohort-1", places=2, location="Leeds",
            starts_on=datetime.date(2025, 1, 6), ends_on=datetime.date(2025, 12, 19),
        )  # fmt: skip
        Application = old.get_model("programmes", "Application")
        came, absent = (
            Application.objects.create(
                cohort=cohort,
                name=name,
                email=f"{name.lower()}@example.org",
                lived_experience="x",
                hopes="y",
                consent_text="c",
                status="accepted",
            )  # fmt: skip
            for name in ("Came", "Absent")
        )
        Application.objects.create(
            cohort=cohort, name="Refused", email="refused@example.org", lived_experience="x",
            hopes="y", consent_text="c", status="unsuccessful",
        )  # fmt: skip
        module = old.get_model("programmes", "Module").objects.create(cohort=cohort, title="M")
        starts = timezone.make_aware(datetime.datetime(2025, 1, 6, 10))
        session = old.get_model("programmes", "ProgrammeSession").objects.create(
            module=module, title="Who decides?", starts_at=starts, place="Leeds"
        )
        Attendance = old.get_model("programmes", "Attendance")
        Attendance.objects.create(session=session, participant=came, present=True)
        Attendance.objects.create(session=session, participant=absent, present=False)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    event = Event.objects.get()
    assert event.visibility == Visibility.INVITATION and event.kind == "training"
    assert event.starts_at == starts and event.places_taken == 2
    assert list(event.networks.all()) == [network]
    registrations = {
        r.email: (r.status, r.checked_in_at is not None, r.no_show)
        for r in event.registrations.all()
    }
    assert registrations == {
        "came@example.org": (RegistrationStatus.CONFIRMED, True, False),
        "absent@example.org": (RegistrationStatus.CONFIRMED, False, True),
    }
    from programmes.models import ProgrammeSession

    assert ProgrammeSession.objects.get().event == event
