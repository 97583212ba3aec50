"""A programme session is an invitation-only training event: the cohort's participants are
invited and given places, attendance is the events app's check-in and no-shows (read back
through events.services.enrolment), and no participant shows on a public page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import StaffFactory
from events.models import EventKind, Registration, RegistrationStatus, Visibility
from programmes.services import applications, delivery
from programmes.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort_session():
    cohort = factories.CohortFactory(places=3)
    ada = factories.ApplicationFactory(cohort=cohort, status="accepted", name="Ada Lovelock")
    ben = factories.ApplicationFactory(cohort=cohort, status="accepted", name="Ben Okoro")
    factories.ApplicationFactory(cohort=cohort, status="received", name="Cat Applicant")
    session = factories.ProgrammeSessionFactory(module__cohort=cohort)
    return cohort, session, ada, ben


def test_a_new_session_is_a_closed_training_event_with_the_participants_on_it(cohort_session):
    _cohort, session, ada, ben = cohort_session
    event = session.event
    assert event.kind == EventKind.TRAINING and event.visibility == Visibility.INVITATION
    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED)
    assert sorted(confirmed.values_list("name", flat=True)) == [ada.name, ben.name]
    assert sorted(event.invitations.values_list("email", flat=True)) == [ada.email, ben.email]


def test_a_participant_who_accepts_later_gets_places_at_the_sessions_to_come(cohort_session):
    cohort, session, _ada, _ben = cohort_session
    past = factories.ProgrammeSessionFactory(
        module=session.module, starts_at=timezone.now() - datetime.timedelta(days=3)
    )
    late = factories.ApplicationFactory(cohort=cohort, status="offered")
    applications.respond(late, accept=True)
    assert session.event.registrations.filter(email=late.email).exists()
    assert not past.event.registrations.filter(email=late.email).exists()


def test_checking_in_on_the_events_page_shows_on_the_programme_register(client, cohort_session):
    cohort, session, ada, ben = cohort_session
    staff = StaffFactory()
    cohort.programme.network.staff.add(staff)
    client.force_login(staff)
    registration = Registration.objects.get(event=session.event, email=ada.email)
    client.post(reverse("events:staff_check_in_person", args=[session.event.slug, registration.pk]))
    assert delivery.attendance([session], [ada, ben]) == {
        (session.pk, ada.pk): True,
        (session.pk, ben.pk): None,
    }
    assert delivery.attendance_rate(ada) == (1, 1)
    page = client.get(reverse("programmes:staff_sessions", args=[cohort.pk])).content.decode()
    assert f'value="{ada.pk}" id="present-{session.pk}-{ada.pk}" checked' in page
    assert reverse("events:staff_check_in", args=[session.event.slug]) in page


def test_the_programme_register_records_check_ins_and_no_shows_on_the_event(client, cohort_session):
    cohort, session, ada, ben = cohort_session
    staff = StaffFactory()
    cohort.programme.network.staff.add(staff)
    client.force_login(staff)
    url = reverse("programmes:staff_attendance", args=[session.pk])
    client.post(url, {"present": [ada.pk]})
    marks = {
        r.email: (r.checked_in_at is not None, r.no_show) for r in session.event.registrations.all()
    }
    assert marks == {ada.email: (True, False), ben.email: (False, True)}
    assert delivery.attendance_rate(ben) == (0, 1)


def test_someone_not_on_the_cohort_is_refused_and_nothing_is_marked(client, cohort_session):
    cohort, session, _ada, _ben = cohort_session
    stranger = factories.ApplicationFactory(status="accepted")
    staff = StaffFactory()
    cohort.programme.network.staff.add(staff)
    client.force_login(staff)
    response = client.post(
        reverse("programmes:staff_attendance", args=[session.pk]), {"present": [stranger.pk]},
        follow=True,
    )  # fmt: skip
    assert "not taking part in this cohort" in response.content.decode()
    assert not session.event.registrations.filter(checked_in_at__isnull=False).exists()
    assert not session.event.registrations.filter(no_show=True).exists()


def test_no_participant_shows_on_public_event_pages(client, cohort_session):
    _cohort, session, ada, ben = cohort_session
    assert client.get(reverse("events:event", args=[session.event.slug])).status_code == 404
    for url in (reverse("events:index"), reverse("events:feed_all"), "/api/v1/events",
                "/search/?q=" + ada.name.split()[0]):  # fmt: skip
        text = client.get(url).content.decode()
        assert session.event.title not in text and ada.name not in text and ben.name not in text


def test_a_participant_sees_their_own_sessions_and_attendance_on_their_page(client, cohort_session):
    _cohort, session, ada, ben = cohort_session
    delivery.record_attendance(None, session, {ada.pk})
    page = client.get(reverse("programmes:my_place", args=[ada.key])).content.decode()
    assert "Your sessions" in page and session.title in page
    assert ben.name not in page
