"""The public module other apps use for closed events whose people they choose
(events.services.enrolment): the event is invitation only and listed nowhere public, each
person is invited and given a place without emails, and who came is read back whether it was
taken with the check-in page or marked afterwards."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import StaffFactory
from events.models import EventKind, Invitation, RegistrationStatus, Visibility
from events.services import enrolment
from events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def _event(capacity=2, days=7):
    starts = timezone.now() + datetime.timedelta(days=days)
    return enrolment.closed_event(
        None, title="Leading Change: Who decides?", summary="A session for the cohort.",
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), capacity=capacity,
        chosen_by="the leadership programme",
    )  # fmt: skip


def test_a_closed_event_is_invitation_only_training_and_in_no_public_list(client):
    event = _event()
    assert event.kind == EventKind.TRAINING and event.visibility == Visibility.INVITATION
    assert client.get(reverse("events:event", args=[event.slug])).status_code == 404
    assert event.title not in client.get(reverse("events:index")).content.decode()
    assert event.title not in client.get(reverse("events:feed_all")).content.decode()
    assert event.title not in client.get("/api/v1/events").content.decode()


def test_enrol_invites_and_confirms_without_email_and_only_once():
    event = _event()
    first = enrolment.enrol(event, name="Ada Participant", email=" Ada@Example.org ")
    again = enrolment.enrol(event, name="Ada Participant", email="ada@example.org")
    assert first.pk == again.pk and first.status == RegistrationStatus.CONFIRMED
    assert Invitation.objects.filter(event=event, email="ada@example.org").exists()
    event.refresh_from_db()
    assert event.places_taken == 1
    assert mail.outbox == []


def test_enrol_refuses_when_every_place_is_taken():
    event = _event(capacity=1)
    enrolment.enrol(event, name="One", email="one@example.org")
    with pytest.raises(enrolment.RegistrationRefused, match="All 1 places"):
        enrolment.enrol(event, name="Two", email="two@example.org")
    event.refresh_from_db()
    assert event.places_taken == 1


def test_attendance_reads_check_ins_no_shows_and_marks(client):
    event = _event(capacity=3)
    came = enrolment.enrol(event, name="Came", email="came@example.org")
    absent = enrolment.enrol(event, name="Absent", email="absent@example.org")
    unknown = enrolment.enrol(event, name="Unknown", email="unknown@example.org")
    client.force_login(StaffFactory())
    client.post(reverse("events:staff_check_in_person", args=[event.slug, came.pk]))
    assert enrolment.mark(None, absent, present=False) is True
    assert enrolment.mark(None, absent, present=False) is False  # nothing new
    assert enrolment.attendance([event]) == {
        (event.pk, came.email): True,
        (event.pk, absent.email): False,
        (event.pk, unknown.email): None,
    }
    enrolment.mark(None, absent, present=True)
    absent.refresh_from_db()
    assert absent.checked_in_at is not None and not absent.no_show


def test_moving_the_event_keeps_it_closed_and_never_below_its_places():
    event = _event(capacity=2)
    enrolment.enrol(event, name="One", email="one@example.org")
    enrolment.enrol(event, name="Two", email="two@example.org")
    later = event.starts_at + datetime.timedelta(days=1)
    moved = enrolment.closed_event(
        None, title=event.title, summary=event.summary, starts_at=later,
        ends_at=later + datetime.timedelta(hours=1), capacity=1, event=event,
        chosen_by="the leadership programme",
    )  # fmt: skip
    moved.refresh_from_db()
    assert moved.capacity == 2 and moved.visibility == Visibility.INVITATION
    assert moved.starts_at == later


def test_a_register_taken_after_the_event_checks_people_in_at_its_start():
    event = _event(days=-3)
    registration = enrolment.enrol(event, name="Came", email="came@example.org")
    enrolment.mark(None, registration, present=True)
    registration.refresh_from_db()
    assert registration.checked_in_at == event.starts_at


def test_staff_cannot_open_a_closed_event_or_move_it_out_of_its_networks():
    """Its people are chosen elsewhere: the edit form keeps it invitation-only, in its
    networks (a disabled field ignores whatever is posted), and says why."""
    from events.forms import EventForm

    event = _event()
    form = EventForm(instance=event)
    for name in ("visibility", "networks"):
        assert form.fields[name].disabled
        assert "the leadership programme" in form.fields[name].help_text
    assert not EventForm(instance=EventFactory()).fields["visibility"].disabled
