"""Changing how often one hears from a list part-way through a period never sends a mailing
twice and never loses one: round-ups are worked out from what each person has been sent
(their Delivery rows and their record of round-ups), for every switch between "as it
happens", weekly and monthly.

The list's weekly round-up day is Monday: 30 November, 7 and 14 December 2026; the monthly
one is on the 1st. Times are frozen so each step happens when it says."""

import datetime
import re
from collections import Counter

import pytest
from django.core import mail
from django.urls import get_resolver
from django.utils import timezone
from freezegun import freeze_time

from comms.models import Frequency, Subscription, Weekday
from comms.services import digests, sending
from comms.services import preferences as prefs
from comms.tests.factories import MailingListFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

AS_IT_HAPPENS, WEEKLY, MONTHLY = Frequency.AS_IT_HAPPENS, Frequency.WEEKLY, Frequency.MONTHLY
EMAIL = "switcher@example.org"


@pytest.fixture
def news():
    # Load the URLconf now: building the API's pydantic schemas while time is frozen fails
    # (freezegun swaps in its own date class), and the first email's links would load it.
    get_resolver().url_patterns  # noqa: B018
    return MailingListFactory(digest_weekday=Weekday.MONDAY)


def at(day: str, hour: int = 10):
    return freeze_time(timezone.make_aware(
        datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(hour))
    ))  # fmt: skip


def choose(news, frequency, day, hour=9):
    with at(day, hour):
        prefs.save(EMAIL, {news.pk: (frequency, [])}, [news], "Preferences page (test)")


def mailing(news, name, day, hour=10):
    with at(day, hour):
        sending.send_to_list(news, name, f"<p>{name}-text</p>", f"{name}-text", key=name)


def round_ups(day, hour=6):
    with at(day, hour):
        digests.send_due()


def received() -> Counter:
    """How many times the switcher was given each mailing, directly or in a round-up."""
    found = Counter()
    for message in mail.outbox:
        if message.to == [EMAIL]:
            found.update(re.findall(r"\b(m\d)-text\b", message.body))
    return found


def test_as_it_happens_to_weekly_mid_week(news):
    choose(news, AS_IT_HAPPENS, "2026-11-30")
    mailing(news, "m1", "2026-12-01")
    choose(news, WEEKLY, "2026-12-02")
    mailing(news, "m2", "2026-12-03")
    round_ups("2026-12-07")
    round_ups("2026-12-14")
    assert received() == {"m1": 1, "m2": 1}


def test_weekly_to_as_it_happens_mid_week_gets_a_catch_up(news):
    choose(news, WEEKLY, "2026-11-30")
    mailing(news, "m1", "2026-12-01")
    choose(news, AS_IT_HAPPENS, "2026-12-02")
    mailing(news, "m2", "2026-12-03")
    round_ups("2026-12-03", hour=23)
    (catch_up,) = [m for m in mail.outbox if "had not had yet" in m.subject]
    assert "m1-text" in catch_up.body and "m2-text" not in catch_up.body
    round_ups("2026-12-07")
    round_ups("2026-12-08")
    assert received() == {"m1": 1, "m2": 1}


def test_weekly_to_monthly_mid_month(news):
    choose(news, WEEKLY, "2026-11-30")
    mailing(news, "m1", "2026-12-01")
    round_ups("2026-12-07")
    mailing(news, "m2", "2026-12-08")
    choose(news, MONTHLY, "2026-12-09")
    mailing(news, "m3", "2026-12-10")
    round_ups("2026-12-14")
    round_ups("2027-01-01")
    assert received() == {"m1": 1, "m2": 1, "m3": 1}


def test_monthly_to_weekly_mid_month_brings_the_month_so_far(news):
    choose(news, MONTHLY, "2026-12-01")
    mailing(news, "m1", "2026-12-02")
    mailing(news, "m2", "2026-12-09")
    choose(news, WEEKLY, "2026-12-10")
    mailing(news, "m3", "2026-12-11")
    round_ups("2026-12-14")
    round_ups("2027-01-01")
    round_ups("2027-01-04")
    assert received() == {"m1": 1, "m2": 1, "m3": 1}
    weekly = [m for m in mail.outbox if m.to == [EMAIL]]
    assert len(weekly) == 1 and "1 December 2026 to 13 December 2026" in weekly[0].subject


def test_monthly_to_as_it_happens(news):
    choose(news, MONTHLY, "2026-12-01")
    mailing(news, "m1", "2026-12-02")
    choose(news, AS_IT_HAPPENS, "2026-12-03")
    mailing(news, "m2", "2026-12-04")
    round_ups("2026-12-05")
    round_ups("2027-01-01")
    assert received() == {"m1": 1, "m2": 1}


def test_as_it_happens_to_monthly(news):
    choose(news, AS_IT_HAPPENS, "2026-12-01")
    mailing(news, "m1", "2026-12-02")
    choose(news, MONTHLY, "2026-12-03")
    mailing(news, "m2", "2026-12-04")
    round_ups("2026-12-07")
    round_ups("2027-01-01")
    assert received() == {"m1": 1, "m2": 1}


def test_there_and_back_before_any_round_up(news):
    choose(news, WEEKLY, "2026-11-30")
    mailing(news, "m1", "2026-12-01")
    choose(news, AS_IT_HAPPENS, "2026-12-02", hour=9)
    mailing(news, "m2", "2026-12-02", hour=12)
    choose(news, WEEKLY, "2026-12-02", hour=14)
    mailing(news, "m3", "2026-12-03")
    round_ups("2026-12-03", hour=23)
    round_ups("2026-12-07")
    round_ups("2026-12-08")
    assert received() == {"m1": 1, "m2": 1, "m3": 1}


def test_a_subscription_from_before_the_record_switches_without_repeats(news):
    SubscriptionFactory(mailing_list=news, email=EMAIL, frequency=WEEKLY)
    mailing(news, "m1", "2026-12-01")
    round_ups("2026-12-07")
    mailing(news, "m2", "2026-12-08")
    choose(news, MONTHLY, "2026-12-09")
    round_ups("2027-01-01")
    assert received() == {"m1": 1, "m2": 1}


def test_joining_mid_week_owes_nothing_from_before(news):
    mailing(news, "m1", "2026-12-01")
    choose(news, WEEKLY, "2026-12-02")
    mailing(news, "m2", "2026-12-03")
    round_ups("2026-12-07")
    assert received() == {"m2": 1}


def test_running_the_round_ups_twice_at_once_sends_once(news):
    choose(news, WEEKLY, "2026-11-30")
    mailing(news, "m1", "2026-12-01")
    round_ups("2026-12-07")
    round_ups("2026-12-07", hour=7)
    assert received() == {"m1": 1}
    record = Subscription.objects.get(email=EMAIL).round_up_from
    assert timezone.localtime(record).date() == datetime.date(2026, 12, 7)


def test_a_subscription_from_before_the_record_switches_before_its_round_up(news):
    SubscriptionFactory(mailing_list=news, email=EMAIL, frequency=WEEKLY)
    mailing(news, "m1", "2026-12-01")
    choose(news, MONTHLY, "2026-12-02")
    mailing(news, "m2", "2026-12-03")
    round_ups("2026-12-07")
    round_ups("2027-01-01")
    assert received() == {"m1": 1, "m2": 1}
