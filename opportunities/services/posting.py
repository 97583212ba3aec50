"""Posting and changing a listing. Anything posted or changed by someone who is not staff
waits for staff approval before the board shows it."""

from django.db import transaction
from django.utils import timezone

from core.lib.slugs import unique_slug
from core.roles import is_staff_member
from opportunities.models import Opportunity, Status

# Addresses under /opportunities/ that a listing may not take.
RESERVED_SLUGS = {"post", "mine", "checks", "alerts", "staff"}


def _fill_from_employer(opportunity: Opportunity) -> None:
    if opportunity.organisation_id:
        opportunity.employer_name = ""
        opportunity.lived_experience_led = opportunity.organisation.lived_experience_led


@transaction.atomic
def submit(user, form) -> Opportunity:
    """A new listing from a valid OpportunityForm: staff's are approved at once (they are the
    moderators); a member contact's waits in the moderation queue."""
    opportunity = form.save(commit=False)
    opportunity.slug = unique_slug(
        Opportunity, opportunity.title, fallback="opportunity", reserved=RESERVED_SLUGS
    )
    opportunity.posted_by = user
    _fill_from_employer(opportunity)
    if is_staff_member(user):
        mark_approved(opportunity, user)
    else:
        opportunity.status = Status.PENDING
    opportunity.save()
    form.save_m2m()
    return opportunity


@transaction.atomic
def update(user, form) -> Opportunity:
    """A changed listing. A poster's change sends it back for approval, so nothing reaches
    the board that staff have not read."""
    opportunity = form.save(commit=False)
    _fill_from_employer(opportunity)
    if not is_staff_member(user) and opportunity.status != Status.WITHDRAWN:
        opportunity.status = Status.PENDING
        opportunity.refusal_reason = ""
    opportunity.save()
    form.save_m2m()
    return opportunity


def withdraw(user, opportunity: Opportunity) -> None:
    opportunity.status = Status.WITHDRAWN
    opportunity.save(update_fields=["status"])


def mark_approved(opportunity: Opportunity, user) -> None:
    now = timezone.now()
    opportunity.status = Status.APPROVED
    opportunity.decided_by, opportunity.decided_at = user, now
    opportunity.refusal_reason = ""
    opportunity.published_at = opportunity.published_at or now
