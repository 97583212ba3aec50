"""Organisations and memberships as the API answers with them."""

from django.db.models import Prefetch
from django.http import HttpRequest

from members.api.organisation_form import TAG_FIELDS
from members.models import Membership, MembershipStatus, Organisation
from members.services.tags import tag_slugs


def public_prefetches() -> list:
    """What a public listing needs, fetched in a fixed number of queries however many
    organisations it shows: active memberships (as `listed_memberships`) and tags."""
    active = Membership.objects.filter(status=MembershipStatus.ACTIVE).select_related("network")
    return [Prefetch("memberships", queryset=active, to_attr="listed_memberships")]


def membership_payload(membership: Membership) -> dict:
    return {
        "network": membership.network.slug,
        "network_name": membership.network.name,
        "status": membership.status,
        "joined_on": membership.joined_on,
        "renewal_due": membership.renewal_due,
        "organisation": membership.organisation.slug,
    }


def organisation_payload(
    request: HttpRequest, organisation: Organisation, memberships, tags: dict | None = None
) -> dict:
    """`tags` (field -> slugs) saves loading each organisation's tags one by one."""
    payload = {
        "slug": organisation.slug,
        "name": organisation.name,
        "type": organisation.org_type,
        "description": organisation.description,
        "website": organisation.website,
        "size_band": organisation.size_band,
        "charity_number": organisation.charity_number,
        "company_number": organisation.company_number,
        "lived_experience_led": organisation.lived_experience_led,
        "by_and_for": organisation.by_and_for,
        "networks": [
            {
                "network": m.network.slug,
                "network_name": m.network.name,
                "status": m.status,
                "joined_on": m.joined_on,
                "renewal_due": m.renewal_due,
            }
            for m in memberships
        ],
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
        "created_at": organisation.created_at,
        "updated_at": organisation.updated_at,
    }
    if tags is None:
        tags = tag_slugs([organisation.pk])[organisation.pk]
    payload.update(tags)
    return payload


def staff_view(request: HttpRequest, organisation: Organisation) -> dict:
    """The organisation after a write, with every membership whatever its status."""
    organisation = Organisation.objects.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("network")),
        *TAG_FIELDS,
    ).get(pk=organisation.pk)
    return organisation_payload(request, organisation, organisation.memberships.all())
