"""Topics a subscriber chose mean something: an update's items, and whole mailings, tagged
with topics reach them only when they share one; untagged things always do; choosing no
topics means everything. Both as it happens and in round-ups."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comms.models import Audience, Frequency, Mailing, MailingVariant
from comms.services import digests, sending
from comms.tests.factories import MailingListFactory, SubscriptionFactory
from comms.tests.update_factories import UpdateIssueFactory, UpdateItemFactory
from comms.updates import delivery, drafting
from core.tests.factories import StaffFactory
from library.tests.factories import ResourceFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 12, 7)


@pytest.fixture
def terms():
    return Term.objects.get(slug="prisons"), Term.objects.get(slug="housing")


@pytest.fixture
def news(terms):
    prisons, housing = terms
    mailing_list = MailingListFactory()
    mailing_list.topics.set([prisons, housing])
    return mailing_list


def _subscriber(mailing_list, email, chosen=(), frequency=Frequency.AS_IT_HAPPENS):
    subscription = SubscriptionFactory(mailing_list=mailing_list, email=email, frequency=frequency)
    subscription.topics.set(chosen)
    return subscription


def _issue(mailing_list, terms, introduction=""):
    prisons, housing = terms
    issue = UpdateIssueFactory(mailing_list=mailing_list, title="December update",
                               introduction=introduction)  # fmt: skip
    UpdateItemFactory(issue=issue, title="On prisons").topics.set([prisons])
    UpdateItemFactory(issue=issue, title="On housing").topics.set([housing])
    UpdateItemFactory(issue=issue, title="For everyone")
    return issue


def _to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_an_update_gives_each_subscriber_the_items_on_their_topics(news, terms):
    prisons, housing = terms
    _subscriber(news, "all@example.org")
    _subscriber(news, "prisons@example.org", [prisons])
    _subscriber(news, "both@example.org", [prisons, housing])
    delivery.send_now(_issue(news, terms))

    (everything,) = _to("all@example.org")
    assert all(t in everything.body for t in ("On prisons", "On housing", "For everyone"))
    (prisons_only,) = _to("prisons@example.org")
    assert "On prisons" in prisons_only.body and "For everyone" in prisons_only.body
    assert "On housing" not in prisons_only.body
    assert "On housing" not in prisons_only.alternatives[0][0]
    assert prisons_only.subject == "December update"
    (both,) = _to("both@example.org")
    assert "On housing" in both.body and "On prisons" in both.body
    # One stored version per distinct set of items, not one per person.
    assert MailingVariant.objects.count() == 1


def test_someone_whose_topics_touch_nothing_gets_only_the_untagged_items(news, terms):
    prisons, housing = terms
    other = Term.objects.exclude(pk__in=[prisons.pk, housing.pk]).first()
    news.topics.add(other)
    _subscriber(news, "other@example.org", [other])
    delivery.send_now(_issue(news, terms))
    (message,) = _to("other@example.org")
    assert "For everyone" in message.body
    assert "On prisons" not in message.body and "On housing" not in message.body


def test_an_issue_with_nothing_for_them_is_not_sent_to_them(news, terms):
    prisons, housing = terms
    other = Term.objects.exclude(pk__in=[prisons.pk, housing.pk]).first()
    _subscriber(news, "all@example.org")
    _subscriber(news, "other@example.org", [other])
    issue = UpdateIssueFactory(mailing_list=news, introduction="")
    UpdateItemFactory(issue=issue, title="On prisons").topics.set([prisons])
    delivery.send_now(issue)
    assert _to("other@example.org") == []
    assert len(_to("all@example.org")) == 1


def test_a_mailing_about_a_topic_skips_those_who_chose_others_now_and_in_round_ups(news, terms):
    prisons, housing = terms
    _subscriber(news, "prisons@example.org", [prisons])
    _subscriber(news, "housing@example.org", [housing])
    _subscriber(news, "weekly-prisons@example.org", [prisons], Frequency.WEEKLY)
    _subscriber(news, "weekly-housing@example.org", [housing], Frequency.WEEKLY)
    mailing = sending.send_to_list(news, "Prison visits", "<p>Visits</p>", "Visits",
                                   key="visits", topics=[prisons])  # fmt: skip
    assert [m.to for m in mail.outbox] == [["prisons@example.org"]]
    assert list(mailing.topics.all()) == [prisons]
    when = timezone.make_aware(datetime.datetime(2026, 12, 2, 10))
    Mailing.objects.filter(pk=mailing.pk).update(created_at=when)
    mail.outbox.clear()

    digests.send_due(MONDAY)

    (weekly,) = _to("weekly-prisons@example.org")
    assert "Visits" in weekly.body
    assert _to("weekly-housing@example.org") == []


def test_a_round_up_filters_an_updates_items_to_the_subscribers_topics(news, terms):
    prisons, _ = terms
    _subscriber(news, "weekly@example.org", frequency=Frequency.WEEKLY)
    _subscriber(news, "weekly-prisons@example.org", [prisons], Frequency.WEEKLY)
    issue = _issue(news, terms)
    delivery.send_now(issue)
    when = timezone.make_aware(datetime.datetime(2026, 12, 2, 10))
    Mailing.objects.filter(pk=issue.mailing_id).update(created_at=when)

    digests.send_due(MONDAY)

    (whole,) = _to("weekly@example.org")
    assert "On housing" in whole.body and "On prisons" in whole.body
    (mine,) = _to("weekly-prisons@example.org")
    assert "On prisons" in mine.body and "For everyone" in mine.body
    assert "On housing" not in mine.body
    assert issue.get_absolute_url() in mine.body


def test_drafted_items_carry_their_changes_topics(news, terms):
    prisons, _ = terms
    resource = ResourceFactory(title="Prison education", published_on=timezone.localdate())
    resource.parts.set([prisons])
    issue = drafting.draft_issue(news)
    item = issue.items.get(title="Prison education")
    assert list(item.topics.all()) == [prisons]


def test_staff_tag_their_own_items_with_the_lists_topics(news, terms):
    prisons, housing = terms
    issue = UpdateIssueFactory(mailing_list=news)
    client = Client()
    client.force_login(StaffFactory())
    url = reverse("updates:staff_item_add", args=[issue.pk])
    page = client.get(url).content.decode()
    assert "Subscribers who chose topics get this item only if" in page
    client.post(url, {"title": "Our own", "topics": [str(housing.pk)]})
    assert list(issue.items.get(title="Our own").topics.all()) == [housing]
    other = Term.objects.exclude(pk__in=[prisons.pk, housing.pk]).first()
    refused = client.post(url, {"title": "Off topic", "topics": [str(other.pk)]})
    assert "Choose this list&#x27;s topics only." in refused.content.decode()
    assert not issue.items.filter(title="Off topic").exists()


def test_a_public_lists_issue_still_reaches_everyone_without_topics(terms):
    mailing_list = MailingListFactory(audience=Audience.PUBLIC)
    _subscriber(mailing_list, "reader@example.org")
    delivery.send_now(_issue(mailing_list, terms))
    assert MailingVariant.objects.count() == 0
    assert "On housing" in _to("reader@example.org")[0].body
