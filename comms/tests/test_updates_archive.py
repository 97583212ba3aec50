"""The archive at /updates/: sent issues only, members-only lists for their members, and
RSS and Atom feeds of public lists."""

import pytest
from django.urls import reverse

from comms.models import Audience
from comms.tests.factories import MailingListFactory
from comms.tests.update_factories import SentIssueFactory, UpdateIssueFactory, UpdateItemFactory
from core.tests.factories import UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def lists():
    network = NetworkFactory()
    public = MailingListFactory(name="Policy news", slug="policy-news", audience=Audience.PUBLIC)
    members = MailingListFactory(name="Member update", slug="member-update",
                                 audience=Audience.MEMBERS)  # fmt: skip
    members.networks.set([network])
    sent = SentIssueFactory(mailing_list=public, number=1, title="Policy news: March")
    UpdateItemFactory(issue=sent, title="A briefing on remand")
    SentIssueFactory(mailing_list=members, number=1, title="Member update: March")
    UpdateIssueFactory(mailing_list=public, number=2, title="Still a draft")
    return network, public, members


def test_visitors_see_public_sent_issues_only(client, lists):
    page = client.get(reverse("updates:archive")).content.decode()
    assert "Policy news: March" in page
    assert "Member update: March" not in page and "Still a draft" not in page
    assert reverse("communications:subscribe", args=["policy-news"]) in page
    issue = client.get(reverse("updates:issue", args=["policy-news", 1])).content.decode()
    assert "A briefing on remand" in issue
    assert client.get(reverse("updates:issue", args=["policy-news", 2])).status_code == 404


def test_members_of_the_lists_network_read_its_archive(client, lists):
    network, _, _ = lists
    user = UserFactory()
    member_contact_for(OrganisationFactory(networks=[network]), user)
    client.force_login(user)
    assert "Member update: March" in client.get(reverse("updates:archive")).content.decode()
    assert client.get(reverse("updates:issue", args=["member-update", 1])).status_code == 200


def test_a_member_of_another_network_is_refused(client, lists):
    user = UserFactory()
    member_contact_for(OrganisationFactory(networks=[NetworkFactory()]), user)
    client.force_login(user)
    assert client.get(reverse("updates:issue", args=["member-update", 1])).status_code == 403


def test_feeds_list_sent_issues_of_public_lists(client, lists):
    rss = client.get(reverse("updates:feed_rss", args=["policy-news"]))
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "Policy news: March" in body and "Still a draft" not in body
    assert "A briefing on remand" in body
    atom = client.get(reverse("updates:feed_atom", args=["policy-news"]))
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert client.get(reverse("updates:feed_rss", args=["member-update"])).status_code == 404
