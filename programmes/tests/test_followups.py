"""Follow-ups: scheduled, requested by email with a personal signed link, answered, seen and
withdrawn by the participant; the report counts only answers that stand."""

import json
import re

import pytest
from django.core import mail, signing
from django.urls import reverse

from programmes.models import FollowUp, FollowUpPoint
from programmes.services import followups
from programmes.tests.factories import ApplicationFactory, CohortFactory, FollowUpFactory

pytestmark = pytest.mark.django_db


def test_four_followups_are_scheduled_for_each_participant():
    cohort = CohortFactory()
    ApplicationFactory(cohort=cohort, status="accepted")
    ApplicationFactory(cohort=cohort, status="unsuccessful")
    assert followups.schedule(cohort) == 4
    assert followups.schedule(cohort) == 0
    points = set(FollowUp.objects.values_list("point", flat=True))
    assert points == set(FollowUpPoint.values)


def test_due_followups_are_emailed_once_with_a_signed_link(client):
    followup = FollowUpFactory()
    assert followups.send_due() == 1
    assert followups.send_due() == 0
    body = mail.outbox[0].body
    token = re.search(r"/programmes/follow-up/([^/\s]+)/", body).group(1)
    assert followups.participant_for(token) == followup.participant
    assert client.get(reverse("programmes:followup", args=[token])).status_code == 200


def test_a_forged_or_altered_link_is_refused(client):
    followup = FollowUpFactory()
    token = followups.token_for(followup.participant)
    assert client.get(reverse("programmes:followup", args=[token[:-2] + "xx"])).status_code == 404
    other = ApplicationFactory(status="accepted")
    # The payload re-encoded for another participant, keeping the original signature.
    payload = signing.b64_encode(json.dumps({"p": other.pk, "k": other.key[:8]}).encode())
    forged = payload.decode() + token[token.index(":") :]
    assert forged != token
    assert client.get(reverse("programmes:followup", args=[forged])).status_code == 404


def test_answer_see_and_withdraw(client):
    followup = FollowUpFactory()
    url = reverse("programmes:followup", args=[followups.token_for(followup.participant)])
    bad = client.post(url, {"board_roles": "-1", "confidence": "9"})
    assert bad.status_code == 400
    followup.refresh_from_db()
    assert followup.answered_at is None
    client.post(url, {"paid_role": "yes", "in_sector": "yes", "role_title": "<i>Lead</i>",
                      "seniority": "manager", "pay_band": "30_40k", "confidence": "4"})  # fmt: skip
    followup.refresh_from_db()
    assert followup.paid_role and followup.confidence == 4
    html = client.get(url).content.decode()
    assert "Manager or team lead" in html and "&lt;i&gt;Lead&lt;/i&gt;" in html
    client.post(reverse("programmes:followup_withdraw",
                        args=[followups.token_for(followup.participant), followup.pk]))  # fmt: skip
    followup.refresh_from_db()
    assert followup.withdrawn_at and followup.paid_role is None and followup.role_title == ""
    assert not followup.counts


def test_nobody_answers_someone_elses_followup(client):
    mine, theirs = FollowUpFactory(), FollowUpFactory()
    url = reverse("programmes:followup_withdraw",
                  args=[followups.token_for(mine.participant), theirs.pk])  # fmt: skip
    assert client.post(url).status_code == 404
