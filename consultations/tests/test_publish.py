"""Sending and publishing: the consultation moves on, the tracker hears, the library files it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consultations.models import ConsultationStatus
from consultations.submission.services import builder, publishing
from consultations.tests.factories import ConsultationFactory
from consultations.tests.test_submission_world import build_world
from core.tests.factories import StaffFactory
from influence.models import Status, StatusChange
from influence.tests.factories import RecommendationFactory, TargetBodyFactory, add_entry
from library.models import Resource, ResourceKind, ResourceStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(db):
    return build_world()


def test_marking_as_sent_moves_the_consultation_and_raises_each_recommendation(world):
    second_target = TargetBodyFactory(name="HM Prison and Probation Service")
    world.recommendation.targets.add(second_target)
    notes = publishing.mark_as_sent(world.staff, world.submission)
    assert notes == []
    world.consultation.refresh_from_db()
    world.submission.refresh_from_db()
    assert world.consultation.status == ConsultationStatus.SUBMITTED
    assert world.submission.status == "sent" and world.submission.sent_at
    entries = StatusChange.objects.filter(recommendation=world.recommendation)
    assert {(e.target.name, e.status) for e in entries} == {
        ("Ministry of Justice", Status.RAISED),
        ("HM Prison and Probation Service", Status.RAISED),
    }
    assert {e.happened_on for e in entries} == {timezone.localdate(world.submission.sent_at)}


def test_sending_twice_is_refused_and_changes_nothing(world):
    publishing.mark_as_sent(world.staff, world.submission)
    count = StatusChange.objects.count()
    with pytest.raises(ValidationError, match="already marked as sent"):
        publishing.mark_as_sent(world.staff, world.submission)
    assert StatusChange.objects.count() == count


def test_an_empty_submission_cannot_be_sent():
    consultation = ConsultationFactory()
    submission = builder.start_submission(StaffFactory(), consultation)
    with pytest.raises(ValidationError, match="no content"):
        publishing.mark_as_sent(StaffFactory(), submission)
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.OPEN


def test_existing_and_later_tracker_entries_are_skipped_with_a_note(world):
    target = world.consultation.asking_body
    raised_before = RecommendationFactory(title="Already raised", targets=[target])
    add_entry(raised_before, target, Status.RAISED, datetime.date(2024, 1, 1))
    later = RecommendationFactory(title="Answered in the future", targets=[target])
    add_entry(later, target, Status.ACCEPTED, timezone.localdate())
    StatusChange.objects.filter(recommendation=later).update(
        happened_on=timezone.localdate() + datetime.timedelta(days=3)
    )
    builder.link_recommendation(world.staff, world.section, raised_before)
    builder.link_recommendation(world.staff, world.section, later)
    notes = publishing.mark_as_sent(world.staff, world.submission)
    assert any("already recorded as raised" in n and "1 January 2024" in n for n in notes)
    assert any("Answered in the future" in n and "not recorded" in n for n in notes)
    assert StatusChange.objects.filter(recommendation=raised_before).count() == 1


def test_publishing_needs_sending_first(world):
    with pytest.raises(ValidationError, match="before publishing"):
        publishing.publish(world.staff, world.submission)
    assert not Resource.objects.exists()


def test_publishing_files_a_library_entry_that_sources_the_recommendations(world):
    publishing.mark_as_sent(world.staff, world.submission)
    resource, notes = publishing.publish(world.staff, world.submission)
    assert notes == []
    assert resource.kind == ResourceKind.CONSULTATION_RESPONSE
    assert resource.status == ResourceStatus.PUBLISHED
    assert resource.file.name.endswith(".pdf") and resource.file_size > 1000
    assert "Part 1: Leaving prison" in resource.body
    world.recommendation.refresh_from_db()
    assert resource in world.recommendation.sources.all()
    assert world.recommendation.is_published
    world.submission.refresh_from_db()
    assert world.submission.is_published and world.submission.resource == resource


def test_publishing_twice_updates_the_same_entry(world):
    publishing.mark_as_sent(world.staff, world.submission)
    first, _notes = publishing.publish(world.staff, world.submission)
    published_at = world.submission.published_at
    world.submission.title = "Our revised response"
    world.submission.save()
    second, _notes = publishing.publish(world.staff, world.submission)
    assert first.pk == second.pk and Resource.objects.count() == 1
    assert Resource.objects.get().title == "Our revised response"
    assert world.submission.published_at == published_at


def test_send_and_publish_buttons(world):
    client = Client()
    client.force_login(world.staff)
    slug = world.consultation.slug
    response = client.post(reverse("consultations:builder_publish", args=[slug]), follow=True)
    assert "before publishing" in response.content.decode()
    response = client.post(reverse("consultations:builder_send", args=[slug]), follow=True)
    assert "Marked as sent" in response.content.decode()
    response = client.post(reverse("consultations:builder_send", args=[slug]), follow=True)
    assert "already marked as sent" in response.content.decode()
    response = client.post(reverse("consultations:builder_publish", args=[slug]), follow=True)
    assert "is in the library" in response.content.decode()
    member = Client()
    member.force_login(world.member)
    assert member.post(reverse("consultations:builder_send", args=[slug])).status_code == 403
