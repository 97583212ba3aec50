"""The feedback loop: outcomes once, updates only for news, each person sees only their own."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consultations.feedback import services as feedback
from consultations.models import Attribution, FeedbackMessage
from consultations.submission.services import publishing
from consultations.tests.factories import ContributionFactory
from consultations.tests.test_submission_world import build_world
from core.tests.factories import UserFactory
from influence.models import Status
from influence.services import status as influence
from members.tests.factories import OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def sent(db):
    world = build_world()
    publishing.mark_as_sent(world.staff, world.submission)
    publishing.publish(world.staff, world.submission)
    return world


def test_no_outcome_before_the_submission_is_sent(db):
    world = build_world()
    with pytest.raises(ValidationError, match="Send the submission"):
        feedback.send_outcomes(world.consultation)
    assert not FeedbackMessage.objects.exists()


def test_outcomes_go_once_to_everyone_who_asked(sent):
    told, notes = feedback.send_outcomes(sent.consultation)
    assert told == 2 and notes == []
    assert {m.to[0] for m in mail.outbox} == {sent.member.email, "speaker@example.org"}
    assert feedback.send_outcomes(sent.consultation) == (0, [])  # nobody told twice
    assert len(mail.outbox) == 2
    summary = feedback.loop_summary(sent.consultation)
    assert (summary.asked, summary.told, summary.share_told) == (2, 2, 100)


def test_the_outcome_says_what_was_quoted_themes_and_recommendations(sent):
    feedback.send_outcomes(sent.consultation)
    message = next(m for m in mail.outbox if m.to == [sent.member.email])
    assert "PUBLIC words: a phone and a bed" in message.body
    assert "Housing on release" in message.body
    assert "Open council housing desks on Fridays" in message.body
    assert "Raised with the target (Ministry of Justice)" in message.body
    html = message.alternatives[0][0]
    assert sent.consultation.get_absolute_url() in html
    speaker_message = next(m for m in mail.outbox if m.to == ["speaker@example.org"])
    assert "[name] told me PUBLIC" in speaker_message.body
    assert "Jane" not in speaker_message.body


def test_hostile_text_is_escaped_in_the_html_email(sent):
    sent.recommendation.title = '<img src=x onerror="alert(1)">'
    sent.recommendation.save()
    feedback.send_outcomes(sent.consultation)
    html = mail.outbox[0].alternatives[0][0]
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_updates_carry_only_new_tracker_entries_and_run_once(sent):
    feedback.send_outcomes(sent.consultation)
    assert feedback.send_all_updates() == 0
    target = sent.consultation.asking_body
    influence.record_status_change(
        sent.staff,
        sent.recommendation,
        target,
        Status.ACCEPTED,
        timezone.localdate(),
        note="The minister agreed in a letter.",
    )
    out = StringIO()
    call_command("send_feedback_updates", stdout=out)
    assert "Sent 1 update " in out.getvalue()  # the speaker spoke to another question
    update = mail.outbox[-1]
    assert "Accepted in principle" in update.body and "agreed in a letter" in update.body
    call_command("send_feedback_updates", stdout=StringIO())
    assert FeedbackMessage.objects.filter(kind="update").count() == 1  # not again


def test_the_staff_loop_page_shows_who_has_not_been_told(sent):
    ContributionFactory(
        consultation=sent.consultation,
        organisation=OrganisationFactory(name="Late Asker Trust"),
        wants_feedback=True,
        attribution=Attribution.MEMBER_ORGANISATION,
    )
    feedback.send_outcomes(sent.consultation)
    ContributionFactory(
        consultation=sent.consultation,
        organisation=OrganisationFactory(name="Still Waiting CIC"),
        wants_feedback=True,
    )
    client = Client()
    client.force_login(sent.staff)
    page = client.get(reverse("consultations:feedback_loop", args=[sent.consultation.slug]))
    html = page.content.decode()
    assert "3 of 4" in html and "75%" in html
    assert "Still Waiting CIC" in html
    response = client.post(
        reverse("consultations:feedback_send", args=[sent.consultation.slug]), follow=True
    )
    assert "Told 1 contributor the outcome" in response.content.decode()


def test_my_input_shows_only_the_persons_own_organisations(sent):
    feedback.send_outcomes(sent.consultation)
    other = UserFactory()
    member_contact_for(OrganisationFactory(name="Elsewhere"), other)
    client = Client()
    client.force_login(other)
    page = client.get(reverse("consultations:my_input")).content.decode()
    assert "Call for evidence on resettlement" not in page
    assert "There is nothing here yet" in page
    client.force_login(sent.member)
    page = client.get(reverse("consultations:my_input")).content.decode()
    assert "Open Doors Housing" in page and "Answers to 1 question" in page
    assert "Raised with the target" in page
    assert Client().get(reverse("consultations:my_input")).status_code == 302


def test_my_input_before_sending_says_work_is_in_progress(db):
    world = build_world()
    client = Client()
    client.force_login(world.member)
    page = client.get(reverse("consultations:my_input")).content.decode()
    assert "still working on our response" in page


def test_updates_ignore_entries_dated_before_the_submission(sent):
    feedback.send_outcomes(sent.consultation)
    outcome = feedback.build_outcome(
        sent.named_quote.answer.contribution,
        recorded_after=timezone.now() + datetime.timedelta(seconds=1),
    )
    assert outcome.news_count == 0


def test_a_new_tracker_entry_sends_the_update_by_itself(sent, django_capture_on_commit_callbacks):
    feedback.send_outcomes(sent.consultation)
    with django_capture_on_commit_callbacks(execute=True):
        influence.record_status_change(
            sent.staff,
            sent.recommendation,
            sent.consultation.asking_body,
            Status.ACCEPTED,
            timezone.localdate(),
            note="Accepted at the committee hearing.",
        )
    update = FeedbackMessage.objects.get(kind="update")
    assert "Accepted at the committee hearing" in update.body
