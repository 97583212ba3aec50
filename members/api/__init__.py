"""Networks, member organisations and memberships in the JSON API.

Reading is public and shows exactly what the directory shows: active members only, with
the same filters (members.services.directory). Writing needs a staff or admin token and
goes through the same form, permissions and audit-logged services as the site.

The routes are here; the request and answer shapes in `schemas`, the answers built in
`payloads`, and a write turned into the profile form's data in `organisation_form`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Status
from ninja.errors import HttpError

from core import audit
from core.api_auth import staff_token_auth
from core.lib.pagination import paginate
from members.api.organisation_form import TAG_LABELS, validated_form
from members.api.payloads import (
    membership_payload,
    organisation_payload,
    public_prefetches,
    staff_view,
)
from members.api.schemas import (
    MembershipDetailOut,
    MembershipIn,
    NetworkOut,
    OrganisationFilters,
    OrganisationIn,
    OrganisationOut,
    OrganisationPage,
    OrganisationPatch,
    StaffOrganisationOut,
)
from members.models import Membership, MembershipStatus, Network, Organisation
from members.services.directory import (
    SORTS,
    TAG_FILTERS,
    DirectoryQuery,
    active_members,
    filtered_organisations,
)
from members.services.organisations import save_organisation, set_membership
from members.services.permissions import can_edit_organisation, networks_run_by
from members.services.tags import tag_slugs
from taxonomy.models import Term

router = Router()

# The URL namespace groundswell.api mounts this router under: Ninja's default for version
# 1.0.0, which templates also use to link to the docs.
API_NAMESPACE = "api-1.0.0"

NOT_A_MEMBER = "There is no member organisation with that slug."
NO_ORGANISATION = "There is no organisation with that slug."
NO_NETWORK = "There is no network with that slug."
NOT_YOUR_ORGANISATION = "You can only change organisations in the networks you staff."
NOT_YOUR_NETWORK = "You can only change memberships of the networks you staff."


# --- Reading -------------------------------------------------------------------------------


@router.get("/networks", response=list[NetworkOut], tags=["networks"], summary="List networks")
def list_networks(request):
    """Every network hosted here, with its number of active members."""
    return [_network_payload(request, network) for network in _networks()]


@router.get("/networks/{slug:slug}", response=NetworkOut, tags=["networks"], summary="One network")
def get_network(request, slug: str):
    network = _networks().filter(slug=slug).first()
    if network is None:
        raise HttpError(404, NO_NETWORK)
    return _network_payload(request, network)


def _networks():
    return Network.objects.annotate(
        member_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE))
    )


def _network_payload(request: HttpRequest, network: Network) -> dict:
    return {
        "slug": network.slug,
        "name": network.name,
        "short_name": network.short_name,
        "description": network.description,
        "website": network.website,
        "active_members": network.member_count,
        "organisations_url": request.build_absolute_uri(
            f"{reverse(f'{API_NAMESPACE}:list_organisations')}?network={network.slug}"
        ),
    }


@router.get(
    "/organisations",
    response=OrganisationPage,
    tags=["organisations"],
    summary="List member organisations",
)
def list_organisations(request, filters: Query[OrganisationFilters]):
    """Active members of any network, filtered exactly as the member directory filters.

    Tag filters take term slugs from `/taxonomy`; `network` takes a network slug. An
    unknown slug is an error rather than being silently ignored."""
    query = _directory_query(filters)

    def payloads(page):
        tags = tag_slugs([organisation.pk for organisation in page])
        return [
            organisation_payload(
                request, organisation, organisation.listed_memberships, tags[organisation.pk]
            )
            for organisation in page
        ]

    return paginate(
        request,
        filtered_organisations(query)
        .order_by(SORTS[query.sort][0], "pk")
        .prefetch_related(*public_prefetches()),
        filters.limit,
        filters.offset,
        payloads,
    )


def _directory_query(filters: OrganisationFilters) -> DirectoryQuery:
    params = {
        name: value
        for name, value in filters.model_dump(exclude={"limit", "offset"}).items()
        if value not in (None, "")
    }
    tag_slugs = [params[name] for name in TAG_FILTERS if name in params]
    terms = list(Term.objects.filter(slug__in=tag_slugs)) if tag_slugs else []
    networks = list(Network.objects.filter(slug=params["network"])) if "network" in params else []
    query = DirectoryQuery.from_params(params, terms, networks)
    if query.ignored:
        errors = {}
        for name in query.ignored:
            if name == "network":
                errors[name] = [NO_NETWORK]
            else:
                label = TAG_LABELS[TAG_FILTERS[name][1]]
                errors[name] = [f"There is no {label} with that slug (see /taxonomy)."]
        raise ValidationError(errors)
    return query


@router.get(
    "/organisations/{slug:slug}",
    response=OrganisationOut,
    tags=["organisations"],
    summary="One member organisation",
)
def get_organisation(request, slug: str):
    """An organisation that is an active member of at least one network."""
    organisation = (
        active_members().filter(slug=slug).prefetch_related(*public_prefetches())
    ).first()
    if organisation is None:
        raise HttpError(404, NOT_A_MEMBER)
    return organisation_payload(request, organisation, organisation.listed_memberships)


# --- Writing (staff tokens) ----------------------------------------------------------------


def _editable_organisation(user, slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise HttpError(404, NO_ORGANISATION)
    if not can_edit_organisation(user, organisation):
        raise HttpError(403, NOT_YOUR_ORGANISATION)
    return organisation


@router.post(
    "/organisations",
    auth=staff_token_auth,
    response={201: StaffOrganisationOut},
    tags=["organisations"],
    summary="Create an organisation (staff)",
)
def create_organisation(request, payload: OrganisationIn):
    """Create an organisation. It is not public until it has an active membership: add one
    with `PUT /organisations/{slug}/memberships/{network}`."""
    form = validated_form(payload.model_dump())
    organisation = save_organisation(request.auth, form)
    return Status(201, staff_view(request, organisation))


@router.patch(
    "/organisations/{slug:slug}",
    auth=staff_token_auth,
    response=StaffOrganisationOut,
    tags=["organisations"],
    summary="Change an organisation (staff)",
)
def update_organisation(request, slug: str, payload: OrganisationPatch):
    """Change only the fields sent. Staff may change organisations in the networks they
    staff; admins may change any."""
    organisation = _editable_organisation(request.auth, slug)
    form = validated_form(payload.model_dump(exclude_unset=True), organisation)
    organisation = save_organisation(request.auth, form)
    return staff_view(request, organisation)


def _membership_target(user, slug: str, network_slug: str) -> tuple[Organisation, Network]:
    organisation = _editable_organisation(user, slug)
    network = Network.objects.filter(slug=network_slug).first()
    if network is None:
        raise HttpError(404, NO_NETWORK)
    if not networks_run_by(user).filter(pk=network.pk).exists():
        raise HttpError(403, NOT_YOUR_NETWORK)
    return organisation, network


@router.put(
    "/organisations/{slug:slug}/memberships/{slug:network_slug}",
    auth=staff_token_auth,
    response={200: MembershipDetailOut, 201: MembershipDetailOut},
    tags=["memberships"],
    summary="Create or change a membership (staff)",
)
def put_membership(request, slug: str, network_slug: str, payload: MembershipIn):
    """Create the organisation's membership of the network (201), or change it (200)."""
    organisation, network = _membership_target(request.auth, slug, network_slug)
    existed = Membership.objects.filter(organisation=organisation, network=network).exists()
    fields = payload.model_dump(exclude_unset=True) if existed else payload.model_dump()
    membership = set_membership(request.auth, organisation, network, **fields)
    return Status(200 if existed else 201, membership_payload(membership))


@router.delete(
    "/organisations/{slug:slug}/memberships/{slug:network_slug}",
    auth=staff_token_auth,
    response={204: None},
    tags=["memberships"],
    summary="Remove a membership (staff)",
)
def delete_membership(request, slug: str, network_slug: str):
    """Delete the membership record outright. To keep history, prefer setting its status
    to `left` or `lapsed`."""
    organisation, network = _membership_target(request.auth, slug, network_slug)
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .filter(organisation=organisation, network=network)
            .first()
        )
        if membership is None:
            raise HttpError(404, "This organisation is not a member of that network.")
        audit.record_change(request.auth, membership, audit.snapshot(membership), after={})
        membership.delete()
    return Status(204, None)
