"""Networks, member organisations and memberships in the JSON API.

Reading is public and shows exactly what the directory shows: active members only, with
the same filters (members.services.directory). Writing needs a staff or admin token and
goes through the same form, permissions and audit-logged services as the site.
"""

from datetime import date, datetime
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.forms.models import model_to_dict
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict, StringConstraints, field_validator

from core import audit
from core.api_auth import staff_token_auth
from core.lib.pagination import DEFAULT_LIMIT, Limit, LimitOffsetPage, Offset, paginate
from members.forms import OrganisationForm
from members.models import (
    Membership,
    MembershipStatus,
    Network,
    Organisation,
    OrganisationType,
    SizeBand,
)
from members.services.directory import (
    MAX_QUERY_LENGTH,
    SORTS,
    TAG_FILTERS,
    DirectoryQuery,
    active_members,
    filtered_organisations,
)
from members.services.identifiers import normalise_charity_number, normalise_company_number
from members.services.organisations import save_organisation, set_membership
from members.services.permissions import can_edit_organisation, networks_run_by
from members.services.tags import tag_slugs
from taxonomy.models import Term, Vocabulary

router = Router()

# The URL namespace groundswell.api mounts this router under: Ninja's default for version
# 1.0.0, which templates also use to link to the docs.
API_NAMESPACE = "api-1.0.0"

# Organisation field -> vocabulary its tags come from, in the order the API lists them.
TAG_FIELDS = {
    "parts": Vocabulary.PART,
    "themes": Vocabulary.THEME,
    "populations": Vocabulary.POPULATION,
    "regions": Vocabulary.PLACE,
}
TAG_LABELS = {
    Vocabulary.PART: "part of the system",
    Vocabulary.THEME: "theme",
    Vocabulary.POPULATION: "population",
    Vocabulary.PLACE: "place",
}
# API name -> OrganisationForm field name, where they differ.
FORM_FIELD_NAMES = {"type": "org_type"}
API_FIELD_NAMES = {form: api for api, form in FORM_FIELD_NAMES.items()}

NOT_A_MEMBER = "There is no member organisation with that slug."
NO_ORGANISATION = "There is no organisation with that slug."
NO_NETWORK = "There is no network with that slug."
NOT_YOUR_ORGANISATION = "You can only change organisations in the networks you staff."
NOT_YOUR_NETWORK = "You can only change memberships of the networks you staff."

OrganisationTypeValue = Literal[tuple(OrganisationType.values)]
SizeBandValue = Literal[tuple(SizeBand.values) + ("",)]
MembershipStatusValue = Literal[tuple(MembershipStatus.values)]
YesNo = Literal["yes", "no"]
TagSlug = Annotated[str, StringConstraints(max_length=120, pattern=r"^[-a-zA-Z0-9_]+$")]
TagSlugs = Annotated[list[TagSlug], Field(max_length=60)]


# --- Schemas -------------------------------------------------------------------------------


class NetworkOut(Schema):
    slug: str
    name: str
    short_name: str
    description: str
    website: str
    active_members: int = Field(description="How many organisations are active members.")
    organisations_url: str = Field(description="This network's members in the API.")


class MembershipOut(Schema):
    network: str = Field(description="The network's slug.")
    network_name: str
    status: MembershipStatusValue
    joined_on: date | None


class StaffMembershipOut(MembershipOut):
    renewal_due: date | None


class OrganisationOut(Schema):
    slug: str
    name: str
    type: OrganisationTypeValue
    description: str
    website: str
    size_band: SizeBandValue
    charity_number: str | None
    company_number: str | None
    lived_experience_led: bool
    by_and_for: bool
    parts: list[str] = Field(description="Slugs of parts of the system (see /taxonomy).")
    themes: list[str] = Field(description="Slugs of themes.")
    populations: list[str] = Field(description="Slugs of populations served.")
    regions: list[str] = Field(description="Slugs of places served.")
    networks: list[MembershipOut] = Field(description="Active memberships only.")
    url: str = Field(description="The organisation's public profile page.")
    created_at: datetime
    updated_at: datetime


class StaffOrganisationOut(OrganisationOut):
    networks: list[StaffMembershipOut] = Field(description="Every membership, in any status.")


class OrganisationPage(LimitOffsetPage):
    results: list[OrganisationOut]


class OrganisationFilters(Schema):
    q: str = Field("", max_length=MAX_QUERY_LENGTH, description="Words in name or description.")
    network: str | None = Field(None, max_length=60, description="Network slug.")
    part: str | None = Field(None, max_length=120, description="Part-of-the-system term slug.")
    theme: str | None = Field(None, max_length=120, description="Theme term slug.")
    population: str | None = Field(None, max_length=120, description="Population term slug.")
    region: str | None = Field(None, max_length=120, description="Place term slug.")
    type: OrganisationTypeValue | None = None
    led: YesNo | None = Field(None, description="Lived-experience-led.")
    byandfor: YesNo | None = Field(None, description='"By and for" a community.')
    sort: Literal[tuple(SORTS)] = "name"
    limit: Limit = DEFAULT_LIMIT
    offset: Offset = 0

    @field_validator("q", "network", "part", "theme", "population", "region")
    @classmethod
    def no_null_characters(cls, value):
        if value and "\x00" in value:
            raise ValueError("Null characters are not allowed.")
        return value


class OrganisationIn(Schema):
    """A new organisation. Tags are term slugs from the matching vocabulary."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=200)
    type: OrganisationTypeValue = OrganisationType.CHARITY.value
    description: str = Field("", max_length=2000)
    website: str = Field("", max_length=200)
    size_band: SizeBandValue = ""
    charity_number: str | None = Field(None, max_length=20)
    company_number: str | None = Field(None, max_length=20)
    lived_experience_led: bool = False
    by_and_for: bool = False
    parts: TagSlugs = []
    themes: TagSlugs = []
    populations: TagSlugs = []
    regions: TagSlugs = []


class OrganisationPatch(Schema):
    """Only the fields sent are changed. Tag lists replace the current tags."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(None, max_length=200)
    type: OrganisationTypeValue = None
    description: str | None = Field(None, max_length=2000)
    website: str | None = Field(None, max_length=200)
    size_band: SizeBandValue | None = None
    charity_number: str | None = Field(None, max_length=20)
    company_number: str | None = Field(None, max_length=20)
    lived_experience_led: bool = None
    by_and_for: bool = None
    parts: TagSlugs = None
    themes: TagSlugs = None
    populations: TagSlugs = None
    regions: TagSlugs = None


class MembershipIn(Schema):
    """Fields left out keep their current value (or the default, for a new membership)."""

    model_config = ConfigDict(extra="forbid")

    status: MembershipStatusValue = MembershipStatus.ACTIVE.value
    joined_on: date | None = None
    renewal_due: date | None = None


class MembershipDetailOut(StaffMembershipOut):
    organisation: str = Field(description="The organisation's slug.")


# --- Representations -----------------------------------------------------------------------


def public_prefetches() -> list:
    """What a public listing needs, fetched in a fixed number of queries however many
    organisations it shows: active memberships (as `listed_memberships`) and tags."""
    active = Membership.objects.filter(status=MembershipStatus.ACTIVE).select_related("network")
    return [Prefetch("memberships", queryset=active, to_attr="listed_memberships")]


def _membership_payload(membership: Membership) -> dict:
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


def _staff_view(request: HttpRequest, organisation: Organisation) -> dict:
    """The organisation after a write, with every membership whatever its status."""
    organisation = Organisation.objects.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("network")),
        *TAG_FIELDS,
    ).get(pk=organisation.pk)
    return organisation_payload(request, organisation, organisation.memberships.all())


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


def _form_data(organisation: Organisation | None) -> dict:
    """What OrganisationForm would show for the organisation now (or for a blank one)."""
    if organisation is None:
        return {}
    data = model_to_dict(organisation, fields=OrganisationForm._meta.fields)
    for field_name in TAG_FIELDS:
        data[field_name] = [term.pk for term in data[field_name]]
    return data


def _resolve_tags(changes: dict) -> tuple[dict, dict]:
    """Term pks for each tag list sent, and an error for each slug that does not exist in
    that field's vocabulary."""
    sent = {name: changes[name] for name in TAG_FIELDS if name in changes}
    if not sent:
        return {}, {}
    slugs = {slug for values in sent.values() for slug in values}
    terms = {(t.vocabulary, t.slug): t.pk for t in Term.objects.filter(slug__in=slugs)}
    resolved, errors = {}, {}
    for name, values in sent.items():
        vocabulary = TAG_FIELDS[name]
        resolved[name] = []
        for slug in dict.fromkeys(values):
            if (vocabulary, slug) in terms:
                resolved[name].append(terms[(vocabulary, slug)])
            else:
                errors.setdefault(name, []).append(
                    ValidationError(
                        f"There is no {TAG_LABELS[vocabulary]} with the slug {slug!r} "
                        "(see /taxonomy).",
                        code="unknown_term",
                    )
                )
    return resolved, errors


def validated_form(changes: dict, organisation: Organisation | None = None) -> OrganisationForm:
    """A valid OrganisationForm holding the organisation with `changes` applied.

    Raises ValidationError keyed by API field names, which the API turns into 422 (or 409
    when the only problem is a clash with another organisation's unique number)."""
    data = _form_data(organisation)
    for name, value in changes.items():
        if name not in TAG_FIELDS:
            data[FORM_FIELD_NAMES.get(name, name)] = "" if value is None else value
    data["charity_number"] = normalise_charity_number(data.get("charity_number"))
    data["company_number"] = normalise_company_number(data.get("company_number"))
    tags, tag_errors = _resolve_tags(changes)
    data.update(tags)
    form = OrganisationForm(data, instance=organisation)
    errors = {} if form.is_valid() else dict(form.errors.as_data())
    errors = {API_FIELD_NAMES.get(name, name): value for name, value in errors.items()}
    for name, field_errors in tag_errors.items():
        errors.setdefault(name, []).extend(field_errors)
    if errors:
        raise ValidationError(errors)
    return form


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
    return Status(201, _staff_view(request, organisation))


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
    return _staff_view(request, organisation)


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
    return Status(200 if existed else 201, _membership_payload(membership))


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
