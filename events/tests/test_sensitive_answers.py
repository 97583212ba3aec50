"""Access and dietary needs: only the event's organisers see them, exports leave them out
unless an organiser asks (and that is logged), and they are deleted after the event."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from core.tests.factories import StaffFactory
from events.models import Answer
from events.services.registration import Applicant, register
from events.services.sensitive import delete_expired_sensitive_answers
from events.tests.factories import EventFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    organiser, other_staff = StaffFactory(), StaffFactory()
    event = EventFactory(organisers=[organiser])
    access = QuestionFactory(event=event, text="Access needs", sensitive=True)
    pronouns = QuestionFactory(event=event, text="Pronouns", sensitive=False)
    register(
        event,
        Applicant(
            "Ade",
            "ade@example.org",
            answers={access.pk: "Wheelchair user", pronouns.pk: "they/them"},
        ),
    )
    return event, organiser, other_staff


def test_only_organisers_see_sensitive_answers(client, world):
    event, organiser, other_staff = world
    url = reverse("events:staff_registrations", args=[event.slug])
    client.force_login(other_staff)
    page = client.get(url).content.decode()
    assert "they/them" in page and "Wheelchair user" not in page
    client.force_login(organiser)
    assert "Wheelchair user" in client.get(url).content.decode()


def test_export_leaves_sensitive_answers_out_unless_an_organiser_asks(client, world):
    event, organiser, other_staff = world
    url = reverse("events:staff_export", args=[event.slug])
    client.force_login(other_staff)
    plain = b"".join(client.get(url)).decode()
    assert "they/them" in plain and "Wheelchair" not in plain and "Access needs" not in plain
    assert client.get(url + "?sensitive=1").status_code == 403
    client.force_login(organiser)
    assert not AuditEntry.objects.filter(changes__has_key="sensitive_export").exists()
    full = b"".join(client.get(url + "?sensitive=1")).decode()
    assert "Wheelchair user" in full
    assert AuditEntry.objects.filter(actor=organiser, changes__has_key="sensitive_export").exists()


def test_sensitive_answers_are_deleted_after_the_event_by_a_command_safe_to_run_twice(world):
    event, _organiser, _other = world
    after = event.ends_at + datetime.timedelta(days=31)
    assert delete_expired_sensitive_answers(now=event.ends_at + datetime.timedelta(days=29)) == 0
    assert delete_expired_sensitive_answers(now=after, days=30) == 1
    assert delete_expired_sensitive_answers(now=after, days=30) == 0
    assert list(Answer.objects.values_list("value", flat=True)) == ["they/them"]
    event.refresh_from_db()
    assert event.sensitive_answers_deleted_at == after


def test_the_command_runs(world):
    event, _o, _s = world
    event.starts_at = timezone.now() - datetime.timedelta(days=60)
    event.ends_at = event.starts_at + datetime.timedelta(hours=2)
    event.save()
    call_command("delete_event_sensitive_answers")
    call_command("delete_event_sensitive_answers")
    assert not Answer.objects.filter(question__sensitive=True).exists()
