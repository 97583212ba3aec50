"""Checking, testing, scheduling and sending an issue, all through comms.services.sending."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from comms.models import Mailing
from comms.tests.factories import MailingListFactory, SubscriptionFactory
from comms.tests.update_factories import UpdateIssueFactory, UpdateItemFactory
from comms.updates import delivery, language
from comms.updates.models import IssueStatus
from core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = StaffFactory(email="sam@alliance.example.org")
    client.force_login(user)
    return user


@pytest.fixture
def issue():
    mailing_list = MailingListFactory(name="Policy news")
    SubscriptionFactory.create_batch(3, mailing_list=mailing_list)
    issue = UpdateIssueFactory(mailing_list=mailing_list, title="Policy news: March 2026")
    UpdateItemFactory(issue=issue, title="A new briefing", body="What we **found**.")
    return issue


def test_send_reaches_each_subscriber_once_with_unsubscribe_headers(client, staff, issue):
    response = client.post(reverse("updates:staff_send", args=[issue.pk]))
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.sent_at and issue.mailing
    assert len(mail.outbox) == 3
    message = mail.outbox[0]
    assert message.subject == "Policy news: March 2026"
    assert "List-Unsubscribe" in message.extra_headers
    html = message.alternatives[0][0]
    assert "A new briefing" in html and "<strong>found</strong>" in html
    assert "A new briefing" in message.body

    client.post(reverse("updates:staff_send", args=[issue.pk]))  # a second click
    assert len(mail.outbox) == 3
    assert Mailing.objects.filter(key=delivery.mailing_key(issue)).count() == 1


def test_a_list_with_no_recipients_sends_nothing_and_keeps_the_draft(client, staff):
    empty = UpdateIssueFactory(mailing_list=MailingListFactory(name="Events in Wales"))
    UpdateItemFactory(issue=empty)
    response = client.post(reverse("updates:staff_send", args=[empty.pk]), follow=True)
    assert "No one is subscribed to Events in Wales yet" in response.content.decode()
    empty.refresh_from_db()
    assert empty.status == IssueStatus.DRAFT and empty.mailing is None
    assert mail.outbox == [] and not Mailing.objects.exists()


def test_a_test_goes_to_the_staff_member_alone(client, staff, issue):
    client.post(reverse("updates:staff_test", args=[issue.pk]))
    assert [m.to for m in mail.outbox] == [["sam@alliance.example.org"]]
    assert mail.outbox[0].subject == "[Test] Policy news: March 2026"
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_schedule_then_the_scheduler_sends_it_once(client, staff, issue):
    when = timezone.localtime() + datetime.timedelta(hours=2)
    client.post(reverse("updates:staff_schedule", args=[issue.pk]),
                {"send_at": when.strftime("%Y-%m-%dT%H:%M")})  # fmt: skip
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED
    assert delivery.send_due() == []  # not yet
    assert len(delivery.send_due(now=timezone.now() + datetime.timedelta(hours=3))) == 1
    assert delivery.send_due(now=timezone.now() + datetime.timedelta(hours=4)) == []
    assert len(mail.outbox) == 3


def test_a_time_in_the_past_is_refused(client, staff, issue):
    response = client.post(reverse("updates:staff_schedule", args=[issue.pk]),
                           {"send_at": "2001-01-01T09:00"}, follow=True)  # fmt: skip
    assert "Choose a time in the future" in response.content.decode()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_the_language_checker_runs_on_the_draft(client, staff, issue):
    item = issue.items.first()
    item.body = "Support for every ex-offender leaving prison."
    item.save()
    found = language.findings_of(issue)
    assert [f.finding.text.lower() for f in found] == ["ex-offender"]
    assert found[0].item_pk == item.pk
    page = client.get(reverse("updates:staff_issue", args=[issue.pk])).content.decode()
    assert "Language check" in page and "ex-offender" in page
    assert "Before you send: the language checker found 1 wording to look at" in page
