"""Opportunities in the JSON API: the open listings with the board's filters, and one
listing with its vetting information. Nobody's name or email appears: only the employer."""

from django.http import QueryDict
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from core.lib.pagination import DEFAULT_LIMIT, Limit, LimitOffsetPage, Offset, paginate
from opportunities.services import access, listing

router = Router(tags=["opportunities"])


class VettingOut(Schema):
    check_level: str
    check_level_label: str
    why: str
    spent_convictions_must_be_disclosed: bool
    when_asked: str
    support_offered: str
    fair_chance: bool
    fair_chance_scheme: str


class OpportunityOut(Schema):
    slug: str
    url: str
    kind: str
    title: str
    summary: str
    employer: str
    employer_profile: str | None  # the directory organisation's slug, if it is one
    lived_experience_led: bool
    location: str
    region: str | None
    work_mode: str
    parts: list[str]
    paid: bool
    pay_min: int | None
    pay_max: int | None
    pay_period: str
    hours: str
    closes_on: str
    vetting: VettingOut


class OpportunityDetailOut(OpportunityOut):
    description: str
    how_to_apply: str
    apply_url: str
    status: str


class OpportunityPage(LimitOffsetPage):
    results: list[OpportunityOut]


class OpportunityFilters(Schema):
    kind: str = ""
    check: str = ""
    region: str = ""
    part: str = ""
    remote: str = ""
    paid: str = ""
    led: str = ""
    q: str = ""
    limit: Limit = DEFAULT_LIMIT
    offset: Offset = 0


def _out(request, item) -> dict:
    return {
        "slug": item.slug,
        "url": request.build_absolute_uri(item.get_absolute_url()),
        "kind": item.kind, "title": item.title, "summary": item.summary,
        "employer": item.employer,
        "employer_profile": item.organisation.slug if item.organisation_id else None,
        "lived_experience_led": item.lived_experience_led,
        "location": item.location,
        "region": item.region.slug if item.region_id else None,
        "work_mode": item.work_mode,
        "parts": [t.slug for t in item.parts.all()],
        "paid": item.paid, "pay_min": item.pay_min, "pay_max": item.pay_max,
        "pay_period": item.pay_period, "hours": item.hours,
        "closes_on": item.closes_on.isoformat(),
        "vetting": {
            "check_level": item.check_level,
            "check_level_label": item.get_check_level_display(),
            "why": item.check_reason,
            "spent_convictions_must_be_disclosed": item.spent_disclosure == "yes",
            "when_asked": item.when_asked,
            "support_offered": item.support_offered,
            "fair_chance": item.fair_chance,
            "fair_chance_scheme": item.fair_chance_scheme,
        },
    }  # fmt: skip


@router.get("/opportunities", response=OpportunityPage, summary="List open opportunities")
def opportunities_list(request, filters: Query[OpportunityFilters]):
    """Approved listings still open, closing soonest first, with the board's filters (the
    same names and values as /opportunities/). A value that matches nothing is refused (400),
    so a typo never looks like 'no opportunities'."""
    params = QueryDict(mutable=True)
    for name, value in filters.dict(exclude={"limit", "offset"}).items():
        if value:
            params[name] = value
    query = listing.read_query(params)
    if query.ignored:
        raise HttpError(400, f"Unknown value for: {', '.join(sorted(query.ignored))}.")
    found = (
        listing.filtered(access.open_opportunities(), query)
        .select_related("organisation", "region")
        .prefetch_related("parts")
        .order_by("closes_on", "pk")
    )
    return paginate(
        request, found, filters.limit, filters.offset,
        lambda rows: [_out(request, item) for item in rows],
    )  # fmt: skip


@router.get("/opportunities/{slug}", response=OpportunityDetailOut, summary="One opportunity")
def opportunities_get(request, slug: str):
    """An approved listing (closed ones too: `closes_on` says so)."""
    item = (
        access.visible_to(request.user)
        .filter(status="approved", slug=slug)
        .select_related("organisation", "region")
        .first()
    )
    if item is None:
        raise HttpError(404, "No such opportunity.")
    return {
        **_out(request, item),
        "description": item.description,
        "how_to_apply": item.how_to_apply,
        "apply_url": item.apply_url,
        "status": item.status,
    }
