"""Staff's moderation queue: approve a listing, or refuse it with a reason the poster reads
in an email and on their own list."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from opportunities.models import Opportunity, Status
from opportunities.services.mail import send_transactional
from opportunities.services.posting import mark_approved

REASON_MAX = 2000


class ModerationRefused(Exception):
    """The decision cannot be made as asked; the message says why."""


def queue():
    return (
        Opportunity.objects.filter(status=Status.PENDING)
        .select_related("organisation", "posted_by")
        .order_by("created_at")
    )


def _tell_poster(opportunity: Opportunity, subject: str, template: str, base_url: str) -> None:
    """The poster asked for the decision: a transactional email, sent once committed."""
    poster = opportunity.posted_by
    if poster is None or not poster.email:
        return
    context = {
        "opportunity": opportunity,
        "name": poster.name,
        "listing_url": base_url + opportunity.get_absolute_url(),
        "mine_url": base_url + reverse("opportunities:mine"),
    }
    kind = f"opportunities.{template.rsplit('/', 1)[-1].removesuffix('.txt')}"
    transaction.on_commit(
        lambda: send_transactional([poster.email], subject, template, context, kind)
    )


@transaction.atomic
def approve(staff, opportunity: Opportunity, base_url: str = "") -> None:
    if opportunity.status != Status.PENDING:
        raise ModerationRefused("Only a listing waiting for approval can be approved.")
    if opportunity.closes_on < timezone.localdate():
        raise ModerationRefused(
            "Its closing date has passed: ask the poster for a new date, or refuse it."
        )
    mark_approved(opportunity, staff)
    opportunity.save()
    _tell_poster(
        opportunity,
        f"Your listing is on the board: {opportunity.title}",
        "opportunities/email/approved.txt",
        base_url,
    )


@transaction.atomic
def refuse(staff, opportunity: Opportunity, reason: str, base_url: str = "") -> None:
    reason = reason.strip()
    if not reason:
        raise ModerationRefused("Give a reason: the poster reads it and can fix the listing.")
    if len(reason) > REASON_MAX:
        raise ModerationRefused(f"Keep the reason under {REASON_MAX} characters.")
    if opportunity.status != Status.PENDING:
        raise ModerationRefused("Only a listing waiting for approval can be refused.")
    opportunity.status = Status.REFUSED
    opportunity.refusal_reason = reason
    opportunity.decided_by, opportunity.decided_at = staff, timezone.now()
    opportunity.save()
    _tell_poster(
        opportunity,
        f"Your listing needs changes: {opportunity.title}",
        "opportunities/email/refused.txt",
        base_url,
    )
