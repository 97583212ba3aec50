"""What staff do around an event: start it from an earlier one, copy it, remind everyone the
day before, tell everyone of a change of place or status, message them, filter the
registrations, record no-shows and read the report."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import StaffFactory
from events.models import Event, EventStatus, Registration, RegistrationStatus
from events.services import changes
from events.services.registration import Applicant, cancel, register
from events.tests.factories import (
    EventFactory,
    QuestionFactory,
    RegistrationFactory,
    VenueFactory,
    in_days,
)
from members.tests.factories import NetworkFactory, OrganisationFactory
from taxonomy.models import Term, Vocabulary

pytestmark = pytest.mark.django_db
CONFIRMED, WAITLISTED = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED


def _edit_data(event, **changed) -> dict:
    data = {
        "kind": event.kind, "title": event.title, "summary": event.summary,
        "status": event.status, "visibility": event.visibility, "format": event.format,
        "venue": event.venue_id or "", "capacity": event.capacity, "offer_hold_hours": 48,
        "starts_at": timezone.localtime(event.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": timezone.localtime(event.ends_at).strftime("%Y-%m-%dT%H:%M"),
    }  # fmt: skip
    return {**data, **changed}


def test_a_new_event_starts_from_an_earlier_one_as_its_template(client):
    network = NetworkFactory()
    earlier = EventFactory(title="Quarterly member forum", capacity=60, networks=[network])
    client.force_login(StaffFactory())
    form = client.get(reverse("events:staff_create"), {"template": earlier.slug}).context["form"]
    assert form.initial["title"] == "Quarterly member forum"
    assert form.initial["capacity"] == 60 and form.initial["networks"] == [network.pk]
    assert "starts_at" not in form.initial  # the date is the one thing to choose


def test_duplicating_copies_the_event_as_a_draft_without_its_registrations(client):
    event = EventFactory(title="Annual conference")
    QuestionFactory(event=event, text="Dietary needs")
    RegistrationFactory(event=event, status=CONFIRMED)
    client.force_login(StaffFactory())
    response = client.post(
        reverse("events:staff_duplicate", args=[event.slug]), {"starts_at": "2031-06-01T09:30"}
    )
    copy = Event.objects.exclude(pk=event.pk).get()
    assert response.status_code == 302 and copy.status == EventStatus.DRAFT
    assert copy.title == "Annual conference" and copy.slug != event.slug
    assert timezone.localtime(copy.starts_at).strftime("%H:%M") == "09:30"
    assert copy.ends_at - copy.starts_at == event.ends_at - event.starts_at
    assert list(copy.questions.values_list("text", flat=True)) == ["Dietary needs"]
    assert not copy.registrations.exists() and copy.places_taken == 0
    past = client.post(
        reverse("events:staff_duplicate", args=[event.slug]), {"starts_at": "2020-01-01T10:00"}
    )
    assert "in the past" in past.text and Event.objects.count() == 2


def test_the_day_before_everyone_confirmed_is_reminded_once(django_capture_on_commit_callbacks):
    now = timezone.now()
    tomorrow = EventFactory(starts_at=now + datetime.timedelta(hours=20))
    tomorrow.ends_at = tomorrow.starts_at + datetime.timedelta(hours=2)
    tomorrow.save()
    later = EventFactory(starts_at=now + datetime.timedelta(days=5))
    RegistrationFactory(event=tomorrow, status=CONFIRMED, email="going@example.org")
    RegistrationFactory(event=tomorrow, status=WAITLISTED, email="waiting@example.org")
    RegistrationFactory(event=later, status=CONFIRMED, email="later@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mail.outbox] == [["going@example.org"]]
    assert "/ticket/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert changes.send_reminders() == 0  # a second run sends nothing


def test_a_new_venue_or_a_cancellation_tells_everyone_registered(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(format="in_person", capacity=1)
    for email in ("going@example.org", "waiting@example.org", "gone@example.org"):
        register(event, Applicant(email, email))
    cancel(Registration.objects.get(email="gone@example.org"))
    event.refresh_from_db()
    client.force_login(StaffFactory())
    edit = reverse("events:staff_edit", args=[event.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, _edit_data(event, venue=VenueFactory().pk))
    assert sorted(m.to[0] for m in mail.outbox) == ["going@example.org", "waiting@example.org"]
    assert "The venue has changed." in mail.outbox[0].body
    mail.outbox.clear()
    event.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, _edit_data(event, status=EventStatus.CANCELLED))
    assert len(mail.outbox) == 2 and "status has changed" in mail.outbox[0].body
    assert Event.objects.get().calendar_sequence == 2


def test_staff_message_everyone_with_a_place_and_optionally_the_waitlist(client):
    event = EventFactory()
    RegistrationFactory(event=event, status=CONFIRMED, email="going@example.org")
    RegistrationFactory(event=event, status=WAITLISTED, email="waiting@example.org")
    client.force_login(StaffFactory())
    url = reverse("events:staff_message", args=[event.slug])
    client.post(url, {"subject": "Room change", "body": "We are in room 2 <b>now</b>."})
    assert [m.to for m in mail.outbox] == [["going@example.org"]]
    assert "room 2 <b>now</b>" in mail.outbox[0].body  # plain text: sent as written
    client.post(url, {"subject": "Again", "body": "Hello.", "include_waitlist": "on"})
    assert len(mail.outbox) == 3
    empty = client.post(url, {"subject": "", "body": ""})
    assert empty.status_code == 200 and len(mail.outbox) == 3


def test_registrations_filter_by_status_attendance_and_text_and_no_shows_are_recorded(client):
    event = EventFactory(starts_at=in_days(-1))
    came = RegistrationFactory(
        event=event, status=CONFIRMED, name="Ada Came", checked_in_at=timezone.now()
    )
    RegistrationFactory(event=event, status=CONFIRMED, name="Ben Absent")
    RegistrationFactory(event=event, status=WAITLISTED, name="Cy Waiting")
    client.force_login(StaffFactory())
    url = reverse("events:staff_registrations", args=[event.slug])

    def names(**params):
        return sorted(r.name for r in client.get(url, params).context["rows"])

    assert names(status=WAITLISTED) == ["Cy Waiting"]
    assert names(attended="yes") == ["Ada Came"]
    assert names(q="absent") == ["Ben Absent"]
    assert names(status="nonsense") == ["Ada Came", "Ben Absent", "Cy Waiting"]  # ignored
    future = EventFactory()
    RegistrationFactory(event=future, status=CONFIRMED)
    response = client.post(reverse("events:staff_no_shows", args=[future.slug]), follow=True)
    assert "once the event has started" in response.text
    assert not Registration.objects.filter(no_show=True).exists()
    client.post(reverse("events:staff_no_shows", args=[event.slug]))
    assert list(Registration.objects.filter(no_show=True).values_list("name", flat=True)) == [
        "Ben Absent"
    ]
    came.refresh_from_db()
    assert not came.no_show
    assert names(attended="no") == ["Ben Absent"]


def test_the_report_counts_people_organisations_networks_and_parts_of_the_system(client):
    network = NetworkFactory(name="Youth Justice Alliance")
    prisons = Term.objects.get(vocabulary=Vocabulary.PART, slug="prisons")
    housing_charity = OrganisationFactory(name="Open Doors", networks=[network])
    housing_charity.parts.add(prisons)
    event = EventFactory()
    RegistrationFactory(
        event=event, status=CONFIRMED, organisation=housing_charity, checked_in_at=timezone.now()
    )
    RegistrationFactory(event=event, status=CONFIRMED, no_show=True)
    RegistrationFactory(event=event, status=WAITLISTED)
    client.force_login(StaffFactory())
    report = client.get(reverse("events:staff_report", args=[event.slug])).context["report"]
    assert (report["registered"], report["attended"], report["no_shows"]) == (2, 1, 1)
    assert report["waitlisted"] == 1 and report["organisations"] == ["Open Doors"]
    assert report["networks"] == [(network.label, 1)] and report["parts"] == [(prisons.name, 1)]
