"""Weekly and monthly subscribers: mail to a list reaches them only in their round-up, which
collects exactly the period's mailings, is sent once however often `send_digests` runs, and
never reaches an unsubscribed or suppressed address."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from comms.models import Frequency, Mailing, SubscriptionStatus, SuppressionReason, Weekday
from comms.services import digests, sending
from comms.services.suppression import suppress
from comms.tests.factories import MailingListFactory, SubscriptionFactory
from comms.tests.update_factories import UpdateIssueFactory, UpdateItemFactory
from comms.updates import delivery

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 12, 7)


def _sent_on(mailing_list, subject, day):
    mailing = sending.send_to_list(
        mailing_list, subject, f"<p>{subject} body</p>", f"{subject} body", key=subject
    )
    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    Mailing.objects.filter(pk=mailing.pk).update(created_at=when)
    return mailing


@pytest.fixture
def news():
    mailing_list = MailingListFactory(digest_weekday=Weekday.MONDAY)
    people = {
        f: SubscriptionFactory(mailing_list=mailing_list, frequency=f, email=f"{f}@example.org")
        for f in Frequency.values
    }
    return mailing_list, people


def _to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_a_list_mailing_goes_at_once_only_to_as_it_happens_subscribers(news):
    mailing_list, _ = news
    sending.send_to_list(mailing_list, "Now", "<p>Now</p>", "Now", key="now")
    assert [m.to for m in mail.outbox] == [["as_it_happens@example.org"]]


def test_each_round_up_holds_exactly_its_periods_mailings(news):
    mailing_list, _ = news
    _sent_on(mailing_list, "Before the week", datetime.date(2026, 11, 29))
    _sent_on(mailing_list, "Start of the week", datetime.date(2026, 11, 30))
    _sent_on(mailing_list, "Mid week", datetime.date(2026, 12, 3))
    _sent_on(mailing_list, "Round-up day", MONDAY)
    mail.outbox.clear()

    digests.send_due(MONDAY)

    (weekly,) = _to("weekly@example.org")
    assert "Start of the week" in weekly.body and "Mid week body" in weekly.body
    assert "Before the week" not in weekly.body and "Round-up day" not in weekly.body
    assert weekly.extra_headers["List-Unsubscribe"].startswith("<http")
    (monthly,) = _to("monthly@example.org")  # November, caught up on 7 December
    assert "Before the week" in monthly.body and "Start of the week" in monthly.body
    assert "Mid week" not in monthly.body
    assert _to("as_it_happens@example.org") == []


def test_running_again_sends_nothing_twice(news):
    mailing_list, _ = news
    _sent_on(mailing_list, "Mid week", datetime.date(2026, 12, 3))
    mail.outbox.clear()
    call_command("send_digests", "--date", MONDAY.isoformat())
    assert len(mail.outbox) == 1
    call_command("send_digests", "--date", MONDAY.isoformat())
    call_command("send_digests", "--date", "2026-12-09")  # later in the same week
    assert len(mail.outbox) == 1
    assert Mailing.objects.filter(kind=digests.KIND).count() == 1


def test_weekly_round_up_waits_for_the_lists_day(news):
    mailing_list, _ = news
    mailing_list.digest_weekday = Weekday.FRIDAY
    mailing_list.save()
    _sent_on(mailing_list, "Mid week", datetime.date(2026, 12, 3))
    mail.outbox.clear()
    digests.send_due(datetime.date(2026, 12, 3))
    assert _to("weekly@example.org") == []
    digests.send_due(datetime.date(2026, 12, 4))
    assert len(_to("weekly@example.org")) == 1


def test_unsubscribed_and_suppressed_addresses_get_no_round_up(news):
    mailing_list, people = news
    left = SubscriptionFactory(
        mailing_list=mailing_list,
        frequency=Frequency.WEEKLY,
        status=SubscriptionStatus.UNSUBSCRIBED,
    )
    bounced = SubscriptionFactory(mailing_list=mailing_list, frequency=Frequency.WEEKLY)
    suppress(bounced.email, SuppressionReason.HARD_BOUNCE)
    _sent_on(mailing_list, "Mid week", datetime.date(2026, 12, 3))
    mail.outbox.clear()
    digests.send_due(MONDAY)
    assert [m.to for m in mail.outbox] == [["weekly@example.org"]]
    assert _to(left.email) == [] and _to(bounced.email) == []


def test_a_round_up_links_each_update_issue_to_its_archive_page(news):
    mailing_list, _ = news
    issue = UpdateIssueFactory(mailing_list=mailing_list, title="December update")
    UpdateItemFactory(issue=issue, title="A new report")
    delivery.send_now(issue)
    when = timezone.make_aware(datetime.datetime(2026, 12, 2, 9))
    Mailing.objects.filter(pk=issue.mailing_id).update(created_at=when)
    mail.outbox.clear()
    digests.send_due(MONDAY)
    (weekly,) = _to("weekly@example.org")
    assert "December update" in weekly.body
    assert issue.get_absolute_url() in weekly.body
    assert "A new report" in weekly.body


def test_no_round_up_when_nothing_was_sent(news):
    digests.send_due(MONDAY)
    assert mail.outbox == []
