"""Test, schedule and send an issue: every email goes through comms.services.sending, which owns
recipients, consent, unsubscribe headers, batching and never sending anyone a thing twice.
A subscriber who chose topics gets only the items on those topics, and the untagged ones
(rendering.version_for).

Sending claims the issue with one conditional UPDATE (draft or scheduled -> sent) inside the
same transaction that hands it to comms.services.sending, so two clicks, or a click racing the
scheduler, send it once; if handing over fails, the claim is rolled back and the issue is
as it was.
"""

from django.db import transaction
from django.utils import timezone

from comms.services import audiences, sending
from comms.updates import rendering
from comms.updates.models import IssueStatus, UpdateIssue


class SendRefused(Exception):
    """Why an issue was not sent, in words for staff."""


def subject_of(issue: UpdateIssue) -> str:
    return issue.title


def mailing_key(issue: UpdateIssue) -> str:
    """The idempotency key comms.services.sending knows the issue's mailing by."""
    return f"comms.update-issue:{issue.pk}"


def send_test(issue: UpdateIssue, user) -> None:
    """The issue as it stands, to the staff member alone, marked as a test."""
    if not user.email:
        raise SendRefused("Your account has no email address to send a test to.")
    sending.send_test(
        user, subject_of(issue), rendering.as_html(issue), rendering.as_text(issue),
        mailing_list=issue.mailing_list,
    )  # fmt: skip


def _check_sendable(issue: UpdateIssue) -> None:
    if not issue.items.exists() and not issue.introduction.strip():
        raise SendRefused("This issue has nothing in it yet: add an item before sending.")
    if next(audiences.recipients(issue.mailing_list), None) is None:
        raise SendRefused(
            f"No one is subscribed to {issue.mailing_list.name} yet, so nothing was sent. "
            "The issue is kept as it was."
        )


def schedule(issue: UpdateIssue, when) -> None:
    if not issue.editable:
        raise SendRefused("This issue has already been sent.")
    _check_sendable(issue)
    UpdateIssue.objects.filter(pk=issue.pk).exclude(status=IssueStatus.SENT).update(
        status=IssueStatus.SCHEDULED, scheduled_for=when, updated_at=timezone.now()
    )
    issue.refresh_from_db()


def unschedule(issue: UpdateIssue) -> None:
    UpdateIssue.objects.filter(pk=issue.pk, status=IssueStatus.SCHEDULED).update(
        status=IssueStatus.DRAFT, scheduled_for=None, updated_at=timezone.now()
    )
    issue.refresh_from_db()


def send_now(issue: UpdateIssue, sender=None) -> UpdateIssue:
    """Hand the issue to comms.services.sending for every subscriber of its list, once."""
    _check_sendable(issue)
    html, text = rendering.as_html(issue), rendering.as_text(issue)
    now = timezone.now()
    with transaction.atomic():
        claimed = UpdateIssue.objects.filter(
            pk=issue.pk, status__in=[IssueStatus.DRAFT, IssueStatus.SCHEDULED]
        ).update(status=IssueStatus.SENT, sent_at=now, updated_at=now)
        if not claimed:
            raise SendRefused("This issue has already been sent.")
        mailing = sending.send_to_list(
            issue.mailing_list, subject_of(issue), html, text, key=mailing_key(issue),
            sender=sender, version_for=rendering.version_for(issue),
        )  # fmt: skip
        UpdateIssue.objects.filter(pk=issue.pk).update(mailing=mailing)
    issue.refresh_from_db()
    return issue


def send_due(now=None) -> list[UpdateIssue]:
    """Send every scheduled issue whose time has come (run each minute or so by
    `manage.py send_scheduled_updates`). An issue that cannot be sent goes back to draft."""
    now = now or timezone.now()
    sent = []
    due = UpdateIssue.objects.filter(status=IssueStatus.SCHEDULED, scheduled_for__lte=now)
    for issue in due.select_related("mailing_list"):
        try:
            sent.append(send_now(issue))
        except SendRefused:
            unschedule(issue)
    return sent
