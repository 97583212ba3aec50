"""Staff screening: eligible or not (with a reason; the category's rules are checked again,
see services/eligibility.py), merging duplicates, withdrawing, and a nominated person's
consent. Every change is in the audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from awards.models import Consent, Nomination, NominationStatus
from awards.services import eligibility, panels
from awards.services.nominating import ACTIVE, normalised
from core import audit


def _save(actor, nomination: Nomination, before: dict, **changes) -> Nomination:
    for name, value in changes.items():
        setattr(nomination, name, value)
    nomination.save()
    audit.record_change(actor, nomination, before)
    return nomination


@transaction.atomic
def screen(actor, nomination: Nomination, eligible: bool, reason: str) -> Nomination:
    """Rule a nomination eligible or not. Eligible against what the records say (a member
    who is not one, a group the directory does not list as lived-experience-led) only with a
    reason. Once eligible, the panel's judges are checked for conflicts with it."""
    if nomination.status not in ACTIVE + (NominationStatus.INELIGIBLE,):
        raise ValidationError("This nomination was merged or withdrawn; it cannot be screened.")
    reason = reason.strip()
    if not eligible and not reason:
        raise ValidationError({"reason": "Say why the nomination is not eligible."})
    if eligible and not reason and (found := eligibility.nomination_problems(nomination)):
        raise ValidationError(
            {"reason": " ".join(found) + " To rule it eligible anyway, say why in the reason."}
        )
    status = NominationStatus.ELIGIBLE if eligible else NominationStatus.INELIGIBLE
    _save(actor, nomination, audit.snapshot(nomination), status=status,
          screening_reason=reason)  # fmt: skip
    if eligible:
        panels.detect_conflicts(nomination.category, [nomination])
    return nomination


def withdraw(actor, nomination: Nomination, reason: str) -> Nomination:
    if not reason.strip():
        raise ValidationError({"reason": "Say why the nomination is withdrawn."})
    return _save(actor, nomination, audit.snapshot(nomination),
                 status=NominationStatus.WITHDRAWN, screening_reason=reason.strip(),
                 shortlisted=False, winner=False)  # fmt: skip


@transaction.atomic
def merge(actor, keeper: Nomination, duplicate: Nomination) -> Nomination:
    """Fold `duplicate` into `keeper`: every nominator's statement, files and answers move
    across, so nobody's words are lost; the duplicate stays, marked as merged."""
    if keeper.pk == duplicate.pk or keeper.category_id != duplicate.category_id:
        raise ValidationError("Choose another nomination in the same category to merge with.")
    if duplicate.status not in ACTIVE or keeper.status not in ACTIVE:
        raise ValidationError("Only nominations still being considered can be merged.")
    duplicate.nominators.update(nomination=keeper)
    keeper.articles.add(*duplicate.articles.all())
    links = keeper.link_list() + [u for u in duplicate.link_list() if u not in keeper.link_list()]
    _save(actor, keeper, audit.snapshot(keeper), article_links="\n".join(links))
    _save(actor, duplicate, audit.snapshot(duplicate), status=NominationStatus.MERGED,
          merged_into=keeper, screening_reason=f"Merged into {keeper.reference}.")  # fmt: skip
    return keeper


def possible_duplicates(nomination: Nomination) -> list[Nomination]:
    """Other nominations still in play in the category that look like the same nominee:
    the same member organisation, or the same name once case and spacing are ignored."""
    others = Nomination.objects.filter(
        category_id=nomination.category_id, status__in=ACTIVE
    ).exclude(pk=nomination.pk)
    name = normalised(nomination.nominee_name)
    return [
        other
        for other in others
        if (nomination.organisation_id and other.organisation_id == nomination.organisation_id)
        or normalised(other.nominee_name) == name
    ]


def record_consent(nomination: Nomination, given: bool) -> Nomination:
    """The nominee's own answer from the link in their email (so no actor)."""
    if nomination.consent == Consent.NOT_NEEDED:
        raise ValidationError("This nomination does not need consent.")
    before = audit.snapshot(nomination)
    changes = {"consent": Consent.GIVEN if given else Consent.REFUSED, "consent_at": timezone.now()}
    if not given:
        changes.update(shortlisted=False, winner=False, highly_commended=False)
    return _save(None, nomination, before, **changes)
