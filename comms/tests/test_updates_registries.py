"""Member updates in the site-wide search (only issues the person may read), and the
command that sends scheduled issues."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from comms.models import Audience
from comms.tests.factories import MailingListFactory, SubscriptionFactory
from comms.tests.update_factories import SentIssueFactory, UpdateIssueFactory, UpdateItemFactory
from comms.updates.models import IssueStatus
from comms.updates.registries import search_issues
from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def test_search_finds_sent_issues_each_person_may_read():
    public = MailingListFactory(audience=Audience.PUBLIC)
    members = MailingListFactory(audience=Audience.MEMBERS)
    members.networks.set([NetworkFactory()])
    UpdateItemFactory(issue=SentIssueFactory(mailing_list=public, title="Open news"),
                      title="Remand figures rise")  # fmt: skip
    UpdateItemFactory(issue=SentIssueFactory(mailing_list=members, title="Members' news"),
                      title="Remand: our evidence")  # fmt: skip
    UpdateItemFactory(issue=UpdateIssueFactory(mailing_list=public, title="Draft"),
                      title="Remand draft")  # fmt: skip
    found = search_issues("remand", UserFactory(), 10)
    assert [hit.title for hit in found.hits] == ["Open news"] and found.total == 1
    assert search_issues("remand", StaffFactory(), 10).total == 2
    assert search_issues("  ", StaffFactory(), 10).total == 0


def test_the_command_sends_issues_whose_time_has_come():
    mailing_list = MailingListFactory()
    SubscriptionFactory(mailing_list=mailing_list)
    due = UpdateIssueFactory(
        mailing_list=mailing_list,
        status=IssueStatus.SCHEDULED,
        scheduled_for=timezone.now() - datetime.timedelta(minutes=1),
    )
    UpdateItemFactory(issue=due)  # fmt: skip
    call_command("send_scheduled_updates", stdout=io.StringIO())
    due.refresh_from_db()
    assert due.status == IssueStatus.SENT and len(mail.outbox) == 1
    call_command("send_scheduled_updates", stdout=io.StringIO())
    assert len(mail.outbox) == 1
