"""The member directory: filtering, facet counts and the network summaries.

Every page of the directory costs the same small, fixed number of queries whatever its size:
one per facet, one count, one page and its prefetches. Filters on tags use EXISTS
subqueries so an organisation never appears twice.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from members.models import (
    Membership,
    MembershipStatus,
    Network,
    Organisation,
    OrganisationType,
)
from taxonomy.models import Term, Vocabulary

MAX_QUERY_LENGTH = 200
DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100

# URL parameter -> (Organisation many-to-many field, vocabulary). The URL names are the
# ones a person reads in the address bar, so they stay short.
TAG_FILTERS = {
    "part": ("parts", Vocabulary.PART),
    "theme": ("themes", Vocabulary.THEME),
    "population": ("populations", Vocabulary.POPULATION),
    "region": ("regions", Vocabulary.PLACE),
}
FLAG_FILTERS = {"led": "lived_experience_led", "byandfor": "by_and_for"}
SORTS = {
    "name": ("name", "A to Z"),
    "-name": ("-name", "Z to A"),
    "recent": ("-created_at", "Newest first"),
}


@dataclass
class DirectoryQuery:
    """The directory's filters, read from the URL. Unknown values are dropped, not errors."""

    text: str = ""
    network: Network | None = None
    tags: dict[str, Term] = field(default_factory=dict)
    org_type: str = ""
    flags: dict[str, bool] = field(default_factory=dict)
    sort: str = "name"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    ignored: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params, terms: list[Term], networks: list[Network]) -> "DirectoryQuery":
        query = cls()
        query.text = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]
        by_slug = {(term.vocabulary, term.slug): term for term in terms}
        if slug := params.get("network"):
            query.network = next((n for n in networks if n.slug == slug), None)
            if query.network is None:
                query.ignored.append("network")
        for name, (_field, vocabulary) in TAG_FILTERS.items():
            if slug := params.get(name):
                if term := by_slug.get((vocabulary, slug)):
                    query.tags[name] = term
                else:
                    query.ignored.append(name)
        if org_type := params.get("type"):
            if org_type in OrganisationType.values:
                query.org_type = org_type
            else:
                query.ignored.append("type")
        for name in FLAG_FILTERS:
            if params.get(name) in {"yes", "no"}:
                query.flags[name] = params[name] == "yes"
        if params.get("sort") in SORTS:
            query.sort = params["sort"]
        query.page = _positive_int(params.get("page"), 1)
        query.page_size = min(
            _positive_int(params.get("per_page"), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE
        )
        return query

    @property
    def is_filtered(self) -> bool:
        return bool(self.text or self.network or self.tags or self.org_type or self.flags)


def _positive_int(value, default: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default


def active_members(network: Network | None = None) -> QuerySet:
    """Organisations with an active membership (of `network`, or of any network)."""
    memberships = Membership.objects.filter(
        organisation=OuterRef("pk"), status=MembershipStatus.ACTIVE
    )
    if network is not None:
        memberships = memberships.filter(network=network)
    return Organisation.objects.filter(Exists(memberships))


def filtered_organisations(query: DirectoryQuery, skip: str = "") -> QuerySet:
    """Active members matching every filter except `skip` (used for that facet's counts)."""
    organisations = active_members(None if skip == "network" else query.network)
    for word in query.text.split():
        organisations = organisations.filter(
            Q(name__icontains=word) | Q(description__icontains=word)
        )
    for name, term in query.tags.items():
        if name == skip:
            continue
        through = getattr(Organisation, TAG_FILTERS[name][0]).through
        organisations = organisations.filter(
            pk__in=through.objects.filter(term_id=term.pk).values("organisation_id")
        )
    if query.org_type and skip != "type":
        organisations = organisations.filter(org_type=query.org_type)
    for name, value in query.flags.items():
        if name != skip:
            organisations = organisations.filter(**{FLAG_FILTERS[name]: value})
    return organisations


def facet_counts(query: DirectoryQuery) -> dict[str, dict]:
    """For each filter, how many results each of its values would give."""
    counts: dict[str, dict] = {}
    in_network = Membership.objects.filter(
        status=MembershipStatus.ACTIVE,
        organisation__in=filtered_organisations(query, skip="network").values("pk"),
    )
    counts["network"] = dict(
        in_network.values_list("network_id").annotate(n=Count("organisation_id")).order_by()
    )
    for name, (field_name, _vocabulary) in TAG_FILTERS.items():
        through = getattr(Organisation, field_name).through
        rows = (
            through.objects.filter(
                organisation_id__in=filtered_organisations(query, skip=name).values("pk")
            )
            .values_list("term_id")
            .annotate(n=Count("organisation_id"))
            .order_by()
        )
        counts[name] = dict(rows)
    counts["type"] = dict(
        filtered_organisations(query, skip="type")
        .values_list("org_type")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for name, field_name in FLAG_FILTERS.items():
        totals = filtered_organisations(query, skip=name).aggregate(
            yes=Count("pk", filter=Q(**{field_name: True})),
            no=Count("pk", filter=Q(**{field_name: False})),
        )
        counts[name] = totals
    return counts


@dataclass
class Facet:
    name: str
    label: str
    options: list[dict]


@dataclass
class DirectoryPage:
    query: DirectoryQuery
    page: object
    facets: list[Facet]
    terms: list[Term]
    networks: list[Network]


def search_directory(params) -> DirectoryPage:
    terms = list(Term.objects.all())
    networks = list(Network.objects.all())
    query = DirectoryQuery.from_params(params, terms, networks)
    organisations = (
        filtered_organisations(query)
        .order_by(SORTS[query.sort][0], "pk")
        .prefetch_related("memberships__network", "parts", "themes", "regions")
    )
    paginator = Paginator(organisations, query.page_size)
    page = paginator.get_page(query.page)
    counts = facet_counts(query)
    return DirectoryPage(
        query=query,
        page=page,
        facets=_build_facets(query, counts, terms, networks, params),
        terms=terms,
        networks=networks,
    )


def toggle_url(params, name: str, value: str | None) -> str:
    """The directory URL with filter `name` set to `value` (or removed), back on page 1."""
    updated = params.copy() if hasattr(params, "copy") else dict(params)
    for key in (name, "page"):
        if key in updated:
            del updated[key]
    if value is not None:
        updated[name] = value
    encoded = updated.urlencode() if hasattr(updated, "urlencode") else urlencode(updated)
    return f"?{encoded}" if encoded else "?"


def _build_facets(query, counts, terms, networks, params) -> list[Facet]:
    def option(name, value, label, count, selected):
        return {
            "value": value,
            "label": label,
            "count": count,
            "selected": selected,
            "url": toggle_url(params, name, None if selected else value),
        }

    facets = [
        Facet(
            "network",
            "Network",
            [
                option(
                    "network", n.slug, n.name, counts["network"].get(n.pk, 0), query.network == n
                )
                for n in networks
            ],
        )
    ]
    labels = {
        "part": "Part of the system",
        "theme": "Theme",
        "population": "Population served",
        "region": "Region",
    }
    for name, (_field, vocabulary) in TAG_FILTERS.items():
        selected = query.tags.get(name)
        facets.append(
            Facet(
                name,
                labels[name],
                [
                    option(name, t.slug, t.name, counts[name].get(t.pk, 0), selected == t)
                    for t in terms
                    if t.vocabulary == vocabulary
                ],
            )
        )
    facets.append(
        Facet(
            "type",
            "Type of organisation",
            [
                option("type", value, label, counts["type"].get(value, 0), query.org_type == value)
                for value, label in OrganisationType.choices
            ],
        )
    )
    flag_labels = {"led": "Lived-experience-led", "byandfor": '"By and for" a community'}
    for name in FLAG_FILTERS:
        facets.append(
            Facet(
                name,
                flag_labels[name],
                [
                    option(name, "yes", "Yes", counts[name]["yes"], query.flags.get(name) is True),
                    option(name, "no", "No", counts[name]["no"], query.flags.get(name) is False),
                ],
            )
        )
    return facets


def network_summaries() -> list[dict]:
    """Each network with its number of active members, for the home page."""
    networks = Network.objects.annotate(
        active_members=Count("memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE))
    ).select_related("organisation")
    return [{"network": n, "active_members": n.active_members} for n in networks]
