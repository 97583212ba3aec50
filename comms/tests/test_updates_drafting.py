"""Drafting an issue from what changed since the list's previous issue, filtered to the
list's networks, topics and audience."""

import datetime

import pytest
from django.utils import timezone

from comms.models import Audience
from comms.tests.factories import MailingListFactory
from comms.tests.update_factories import SentIssueFactory
from comms.updates import drafting
from events.models import Visibility
from events.tests.factories import EventFactory
from library.tests.factories import ResourceFactory
from members.tests.factories import NetworkFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _resource(title, days_ago, network=None, part=None):
    resource = ResourceFactory(title=title, published_on=TODAY - datetime.timedelta(days=days_ago))
    if network:
        resource.networks.set([network])
    if part:
        resource.parts.set([part])
    return resource


def test_a_draft_holds_the_lists_changes_since_its_last_issue_in_order():
    network, other = NetworkFactory(), NetworkFactory()
    prisons = Term.objects.get(slug="prisons")
    mailing_list = MailingListFactory(audience=Audience.MEMBERS)
    mailing_list.networks.set([network])
    mailing_list.topics.set([prisons])
    SentIssueFactory(mailing_list=mailing_list, number=4,
                     period_start=TODAY - datetime.timedelta(days=40),
                     period_end=TODAY - datetime.timedelta(days=10))  # fmt: skip
    _resource("Ours, on prisons", 5, network, prisons)
    _resource("Covered by issue 4", 12, network, prisons)
    _resource("Other network", 5, other, prisons)
    _resource("Not about prisons", 5, network, Term.objects.get(slug="housing"))
    members_event = EventFactory(title="Members forum on prisons", visibility=Visibility.MEMBERS)
    members_event.topics.set([prisons])

    issue = drafting.draft_issue(mailing_list)

    assert issue.number == 5
    assert issue.period_start == TODAY - datetime.timedelta(days=10)
    assert issue.period_end == TODAY + datetime.timedelta(days=1)
    titles = [item.title for item in issue.items.all()]
    assert titles == ["Ours, on prisons", "Members forum on prisons"]
    first = issue.items.first()
    assert (first.section, first.kind) == ("New in the library", "library.resource")
    assert first.url.startswith("/library/")


def test_a_public_list_leaves_out_members_only_changes():
    mailing_list = MailingListFactory(audience=Audience.PUBLIC)
    EventFactory(title="Open webinar")
    EventFactory(title="Members forum", visibility=Visibility.MEMBERS)
    issue = drafting.draft_issue(mailing_list)
    assert [item.title for item in issue.items.all()] == ["Open webinar"]


def test_a_first_issue_covers_the_last_month():
    issue = drafting.draft_issue(MailingListFactory())
    assert issue.number == 1
    assert (issue.period_end - issue.period_start).days in range(28, 32)


def test_one_issue_is_written_at_a_time():
    mailing_list = MailingListFactory()
    drafting.draft_issue(mailing_list)
    with pytest.raises(drafting.DraftRefused, match="still draft"):
        drafting.draft_issue(mailing_list)


def test_nothing_to_draft_when_the_last_issue_covers_today():
    mailing_list = MailingListFactory()
    SentIssueFactory(mailing_list=mailing_list, period_start=TODAY - datetime.timedelta(days=9),
                     period_end=TODAY + datetime.timedelta(days=1))  # fmt: skip
    with pytest.raises(drafting.DraftRefused, match="already covers today"):
        drafting.draft_issue(mailing_list)


def test_drafting_a_month_costs_the_same_few_queries_however_many_changes(
    django_assert_max_num_queries,
):
    network = NetworkFactory()
    mailing_list = MailingListFactory()
    mailing_list.networks.set([network])
    for n in range(15):
        _resource(f"Resource {n}", n, network)
        EventFactory()
    with django_assert_max_num_queries(40):
        issue = drafting.draft_issue(mailing_list)
    assert issue.items.count() == 30
