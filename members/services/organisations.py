"""Creating and changing organisations and memberships, always through the audit log."""

from django.db import transaction

from core import audit
from core.lib import slugs
from members.models import Membership, Organisation

# Paths under /members/ that an organisation's slug must never take.
RESERVED_SLUGS = {"coverage", "apply", "applications", "import", "export-csv", "new"}


def unique_slug(name: str, exclude_pk=None) -> str:
    return slugs.unique_slug(
        Organisation, name, fallback="organisation", reserved=RESERVED_SLUGS, exclude_pk=exclude_pk
    )


@transaction.atomic
def save_organisation(actor, form) -> Organisation:
    """Save a validated OrganisationForm and log what changed."""
    organisation = form.instance
    before = audit.snapshot(Organisation.objects.get(pk=organisation.pk)) if organisation.pk else {}
    if not organisation.slug:
        organisation.slug = unique_slug(form.cleaned_data["name"])
    organisation = form.save()
    audit.record_change(actor, organisation, before)
    return organisation


@transaction.atomic
def set_membership(actor, organisation, network, **fields) -> Membership:
    """Create or update one organisation's membership of one network, with an audit entry."""
    membership = Membership.objects.filter(organisation=organisation, network=network).first()
    before = audit.snapshot(membership)
    if membership is None:
        membership = Membership(organisation=organisation, network=network)
    for name, value in fields.items():
        setattr(membership, name, value)
    membership.full_clean()
    membership.save()
    audit.record_change(actor, membership, before)
    return membership
