"""Drafting a new issue of a list's update from what changed since its previous issue."""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format

from comms.updates import access
from comms.updates.models import IssueStatus, UpdateIssue, UpdateItem
from core.lib.months import add_months, month_start
from core.registries import changes

# Items per issue at most: an update is read, not scrolled; staff may add their own after.
MAX_ITEMS = 60


class DraftRefused(Exception):
    """Why no draft was made, in words for the staff member."""


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # the first day not covered

    @property
    def label(self) -> str:
        last = self.end - datetime.timedelta(days=1)
        return f"{date_format(self.start, 'j F Y')} to {date_format(last, 'j F Y')}"


def next_period(mailing_list, until: datetime.date | None = None) -> Period:
    """From the end of the list's latest issue (or a month back, for its first) up to and
    including today, or up to `until` (not included)."""
    end = until or timezone.localdate() + datetime.timedelta(days=1)
    latest = mailing_list.update_issues.aggregate(end=Max("period_end"))["end"]
    start = latest or _a_month_before(end)
    return Period(start=start, end=end)


def _a_month_before(day: datetime.date) -> datetime.date:
    return add_months(month_start(day), -1).replace(day=min(day.day, 28))


def open_draft(mailing_list) -> UpdateIssue | None:
    """The list's issue still being written (draft or scheduled), if any."""
    return mailing_list.update_issues.exclude(status=IssueStatus.SENT).order_by("-number").first()


def changes_for(mailing_list, period: Period) -> list[changes.ChangeGroup]:
    scope = access.scope_of(mailing_list)
    return changes.collect_grouped(
        period.start, period.end,
        networks=scope.networks, topics=scope.topics, public_only=scope.public,
    )  # fmt: skip


def default_title(mailing_list, period: Period) -> str:
    last = period.end - datetime.timedelta(days=1)
    return f"{mailing_list.name}: {date_format(last, 'F Y')}"


def draft_issue(mailing_list, *, user=None, until: datetime.date | None = None) -> UpdateIssue:
    """A new draft issue with an item for each change in the period, grouped as the
    registry groups them. Refused while another issue of the list is still being written
    (one draft at a time keeps the periods from overlapping) or when the period is empty."""
    if existing := open_draft(mailing_list):
        raise DraftRefused(
            f"Issue {existing.number} of {mailing_list.name} is still "
            f"{existing.get_status_display().lower()}: finish or discard it first."
        )
    period = next_period(mailing_list, until)
    if period.end <= period.start:
        raise DraftRefused("The previous issue already covers today: nothing new to draft.")
    groups = changes_for(mailing_list, period)
    items, item_topics = [], []
    for group in groups:
        for change in group.items:
            item_topics.append(change.topics)
            items.append(
                UpdateItem(
                    section=group.provider.label[:100],
                    kind=change.kind[:60],
                    change_key=change.key[:120],
                    title=change.title[:300],
                    body=change.summary[:5000],
                    url=change.url[:500],
                    happened_on=change.when,
                )
            )
    left_out = max(len(items) - MAX_ITEMS, 0)
    items, item_topics = items[:MAX_ITEMS], item_topics[:MAX_ITEMS]
    try:
        with transaction.atomic():
            number = (mailing_list.update_issues.aggregate(n=Max("number"))["n"] or 0) + 1
            issue = UpdateIssue.objects.create(
                mailing_list=mailing_list, number=number,
                title=default_title(mailing_list, period),
                period_start=period.start, period_end=period.end, created_by=user,
            )  # fmt: skip
            for position, item in enumerate(items, start=1):
                item.issue, item.position = issue, position
            UpdateItem.objects.bulk_create(items)
            # The change's topics go with its item, so subscribers get what they chose.
            UpdateItem.topics.through.objects.bulk_create(
                UpdateItem.topics.through(updateitem_id=item.pk, term_id=term_id)
                for item, topic_ids in zip(items, item_topics, strict=True)
                for term_id in topic_ids
            )
    except IntegrityError as error:  # two staff drafting the same list at once
        raise DraftRefused("Someone drafted this list's next issue just now.") from error
    issue.left_out = left_out  # for the message to staff; not stored
    return issue
