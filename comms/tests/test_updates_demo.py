"""The demo's year of member updates: twelve sent issues for each network's list, drafted
from the records, and nothing more on a second run."""

import datetime

import pytest
from django.utils import timezone

from comms.updates.demo import load_demo_updates
from comms.updates.models import IssueStatus, UpdateIssue
from library.tests.factories import ResourceFactory
from members.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def test_a_year_of_sent_updates_for_both_networks():
    cja, ayj = NetworkFactory(slug="cja"), NetworkFactory(slug="ayj")
    resource = ResourceFactory(
        title="Demo briefing", published_on=timezone.localdate() - datetime.timedelta(days=70)
    )
    resource.networks.set([cja])
    assert load_demo_updates() == 24
    issues = UpdateIssue.objects.all()
    assert {i.status for i in issues} == {IssueStatus.SENT}
    assert {i.mailing_list.networks.get() for i in issues} == {cja, ayj}
    cja_items = UpdateIssue.objects.filter(mailing_list__slug="cja-member-update")
    assert cja_items.filter(items__title="Demo briefing").count() == 1
    assert cja_items.filter(items__section="From the team").count() == 12
    ends = sorted(cja_items.values_list("period_end", flat=True))
    assert ends[-1] == timezone.localdate().replace(day=1)
    assert load_demo_updates() == 0
