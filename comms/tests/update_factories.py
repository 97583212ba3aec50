"""Factories for member updates (issues and items)."""

import datetime

import factory
from django.utils import timezone

from comms.tests.factories import MailingListFactory
from comms.updates.models import IssueStatus, UpdateIssue, UpdateItem


class UpdateIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UpdateIssue

    mailing_list = factory.SubFactory(MailingListFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Member update {n}")
    introduction = "A short note from the team."
    period_start = datetime.date(2026, 3, 1)
    period_end = datetime.date(2026, 4, 1)


class SentIssueFactory(UpdateIssueFactory):
    status = IssueStatus.SENT
    sent_at = factory.LazyFunction(timezone.now)


class UpdateItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UpdateItem

    issue = factory.SubFactory(UpdateIssueFactory)
    position = factory.Sequence(lambda n: n + 1)
    section = "New in the library"
    kind = "library.resource"
    change_key = factory.Sequence(lambda n: f"library.resource:{n}")
    title = factory.Sequence(lambda n: f"Routes out of custody, part {n}")
    body = "What helps people leaving prison find a home in their first week."
    url = "/library/"
