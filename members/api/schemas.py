"""The shapes of the members API's requests and answers (OpenAPI documents them from here)."""

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints, field_validator

from core.lib.pagination import DEFAULT_LIMIT, Limit, LimitOffsetPage, Offset
from members.models import MembershipStatus, OrganisationType, SizeBand
from members.services.directory import MAX_QUERY_LENGTH, SORTS

OrganisationTypeValue = Literal[tuple(OrganisationType.values)]
SizeBandValue = Literal[tuple(SizeBand.values) + ("",)]
MembershipStatusValue = Literal[tuple(MembershipStatus.values)]
YesNo = Literal["yes", "no"]
TagSlug = Annotated[str, StringConstraints(max_length=120, pattern=r"^[-a-zA-Z0-9_]+$")]
TagSlugs = Annotated[list[TagSlug], Field(max_length=60)]


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
