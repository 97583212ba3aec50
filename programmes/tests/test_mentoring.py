"""Mentor suggestions, the load cap, and either side asking for a change."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programmes.services import mentoring
from programmes.tests.factories import ApplicationFactory, MentorFactory

pytestmark = pytest.mark.django_db


def test_suggestions_put_shared_interests_first():
    participant = ApplicationFactory(status="accepted", interests="housing campaigning")
    network = participant.cohort.programme.network
    close = MentorFactory(interests="housing campaigning", network=network)
    MentorFactory(interests="finance", network=network)
    MentorFactory(interests="housing campaigning")  # another network's
    assert [s.mentor for s in mentoring.suggest(participant)][:1] == [close]
    assert len(mentoring.suggest(participant)) == 2


def test_a_mentor_at_their_cap_is_refused_and_not_suggested():
    mentor = MentorFactory(max_mentees=1)
    mentoring.match(None, mentor, ApplicationFactory(status="accepted"))
    other = ApplicationFactory(status="accepted")
    with pytest.raises(ValidationError, match="their limit"):
        mentoring.match(None, mentor, other)
    assert mentor not in [s.mentor for s in mentoring.suggest(other)]


def test_either_side_can_ask_for_a_change(client):
    participant = ApplicationFactory(status="accepted")
    mentor = MentorFactory()
    made = mentoring.match(None, mentor, participant)
    client.post(reverse("programmes:participant_change", args=[participant.key]), {"reason": ""})
    made.refresh_from_db()
    assert made.ended_on and made.change_asked_by == "participant"
    second = mentoring.match(None, mentor, participant)
    client.force_login(mentor.user)
    client.post(reverse("programmes:mentor_change", args=[second.pk]), {"reason": "x" * 2000})
    second.refresh_from_db()
    assert second.ended_on is None  # a too-long reason changes nothing
    client.post(reverse("programmes:mentor_change", args=[second.pk]), {"reason": "Time."})
    second.refresh_from_db()
    assert second.change_asked_by == "mentor"
