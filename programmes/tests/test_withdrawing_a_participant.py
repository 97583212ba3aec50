"""Staff withdraw someone offered or taking a place, with a reason: their places at sessions
still to come go back (the sessions they came to keep their attendance), and before the
cohort starts the next person waiting is offered the place. Bad input changes nothing."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import StaffFactory
from events.models import RegistrationStatus
from programmes.models import ApplicationStatus
from programmes.services import applications, delivery
from programmes.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    ModuleFactory,
    ProgrammeSessionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort():
    return CohortFactory(places=1)


@pytest.fixture
def participant(cohort):
    taking_part = ApplicationFactory(cohort=cohort, status=ApplicationStatus.ACCEPTED)
    ProgrammeSessionFactory(module=ModuleFactory(cohort=cohort))
    delivery.give_places(taking_part)
    return taking_part


@pytest.fixture
def staff(client, cohort):
    member_of_staff = StaffFactory()
    member_of_staff.staffed_networks.add(cohort.programme.network)
    client.force_login(member_of_staff)
    return member_of_staff


def _withdraw(client, application, reason="Moved abroad for work."):
    url = reverse("programmes:staff_withdraw", args=[application.pk])
    return client.post(url, {"reason": reason})


def _place(application):
    session = application.cohort.modules.get().sessions.get()
    return session.event.registrations.get(email=application.email)


def test_withdrawing_records_why_and_gives_back_future_places(client, staff, participant):
    response = _withdraw(client, participant)
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.status == ApplicationStatus.WITHDRAWN
    assert participant.withdrawal_reason == "Moved abroad for work."
    assert _place(participant).status == RegistrationStatus.CANCELLED
    event = participant.cohort.modules.get().sessions.get().event
    assert event.places_taken == 0


def test_the_next_person_waiting_is_offered_the_place_before_the_start(
    client, staff, participant, cohort
):
    waiting = ApplicationFactory(
        cohort=cohort, status=ApplicationStatus.WAITING, waiting_position=1
    )
    mail.outbox.clear()
    _withdraw(client, participant)
    waiting.refresh_from_db()
    assert waiting.status == ApplicationStatus.OFFERED
    assert [m.to for m in mail.outbox] == [[waiting.email]]


def test_after_the_start_nobody_is_offered_a_place(staff, participant, cohort):
    cohort.starts_on = timezone.localdate() - datetime.timedelta(days=1)
    cohort.save()
    waiting = ApplicationFactory(
        cohort=cohort, status=ApplicationStatus.WAITING, waiting_position=1
    )
    applications.withdraw(staff, participant, "Started a full-time job.")
    waiting.refresh_from_db()
    assert waiting.status == ApplicationStatus.WAITING


@pytest.mark.parametrize("reason", ["", "   ", "x" * 501])
def test_a_missing_or_huge_reason_is_refused_and_changes_nothing(
    client, staff, participant, reason
):
    response = _withdraw(client, participant, reason)
    assert response.status_code == 400
    participant.refresh_from_db()
    assert participant.status == ApplicationStatus.ACCEPTED
    assert _place(participant).status == RegistrationStatus.CONFIRMED


def test_someone_not_offered_or_taking_part_cannot_be_withdrawn(client, staff, cohort):
    refused = ApplicationFactory(cohort=cohort, status=ApplicationStatus.UNSUCCESSFUL)
    response = _withdraw(client, refused)
    assert response.status_code == 400
    assert "only someone offered or taking a place" in response.content.decode()
    refused.refresh_from_db()
    assert refused.status == ApplicationStatus.UNSUCCESSFUL


def test_staff_of_another_network_are_refused(client, participant):
    client.force_login(StaffFactory())
    assert _withdraw(client, participant).status_code == 403
    participant.refresh_from_db()
    assert participant.status == ApplicationStatus.ACCEPTED


def test_hostile_reasons_are_shown_escaped(client, staff, participant):
    _withdraw(client, participant, "<script>alert(1)</script>")
    url = reverse("programmes:staff_application", args=[participant.pk])
    page = client.get(url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_a_participant_is_offered_withdrawal_not_a_decision(client, staff, participant):
    page = client.get(reverse("programmes:staff_application", args=[participant.pk]))
    text = page.content.decode()
    assert "Withdraw from the cohort" in text
    assert "Save the decision" not in text
