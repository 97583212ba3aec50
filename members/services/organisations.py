"""Creating and changing organisations and memberships, always through the audit log."""

from django.core.files.base import ContentFile
from django.db import transaction

from core import audit
from core.lib import slugs
from core.lib.images import fitted_png
from members.models import Membership, Organisation

# Logos are stored no larger than this many pixels a side: plenty for a profile and a card.
LOGO_BOX = 400

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
    _change_logo(organisation, form.cleaned_data)
    audit.record_change(actor, organisation, before)
    return organisation


def _change_logo(organisation: Organisation, cleaned: dict) -> None:
    """A new logo (a checked Pillow image, see OrganisationProfileForm) replaces the old one,
    scaled down and stored as a PNG we wrote; "remove" deletes it."""
    image, remove = cleaned.get("logo_upload"), cleaned.get("remove_logo")
    if image is None and not remove:
        return
    if organisation.logo:
        organisation.logo.delete(save=False)
    if image is not None:
        organisation.logo.save(
            f"{organisation.slug}.png", ContentFile(fitted_png(image, LOGO_BOX)), save=False
        )
    organisation.save(update_fields=["logo", "updated_at"])


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
