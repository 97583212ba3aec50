"""The member directory: filtering, facet counts and the network summaries.

Every page of the directory costs the same small, fixed number of queries whatever its size:
the taxonomy and the networks, one grouped count (the total, the type and the yes/no
facets together), one per tag facet, one for the network facet, the ids on the page, then
those organisations with their memberships. Filters use subqueries (`IN` for tags, `EXISTS`
for memberships), never joins, so an organisation never appears twice.

Speed at 10,000 organisations (see `make bench`): a tag filter is `id IN (organisations
with that term)`, which lets the database start from the term's few rows rather than test
every organisation; members/migrations/0002_bench_indexes.py adds the covering indexes
those lookups and the membership test use. The counts and the page's ids are also reused
between requests while the database reports that nothing has been committed since (see
`reuse`): then a page costs the taxonomy, the networks, a change check and the page.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet

from core.lib import facets
from core.lib.freshness import reuse
from core.lib.pagination import MAX_PAGE_SIZE, PAGE_SIZE
from members.models import (
    Membership,
    MembershipStatus,
    Network,
    Organisation,
    OrganisationType,
)
from taxonomy.models import Term, Vocabulary

MAX_QUERY_LENGTH = 200

# URL parameter -> (Organisation many-to-many field, vocabulary). The URL names are the
# ones a person reads in the address bar, so they stay short.
TAG_FILTERS = {
    "part": ("parts", Vocabulary.PART),
    "theme": ("themes", Vocabulary.THEME),
    "population": ("populations", Vocabulary.POPULATION),
    "region": ("regions", Vocabulary.PLACE),
}
TAG_LABELS = {
    "part": "Part of the system",
    "theme": "Theme",
    "population": "Population served",
    "region": "Region",
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
    page_size: int = PAGE_SIZE
    ignored: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params, terms: list[Term], networks: list[Network]) -> "DirectoryQuery":
        query = cls()
        query.text = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]
        if slug := params.get("network"):
            query.network = next((n for n in networks if n.slug == slug), None)
            if query.network is None:
                query.ignored.append("network")
        query.tags, unknown = facets.read_tags(params.get, TAG_FILTERS, terms)
        query.ignored.extend(unknown)
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
        query.page_size = min(_positive_int(params.get("per_page"), PAGE_SIZE), MAX_PAGE_SIZE)
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
    """Active members matching every filter except `skip` (used for that facets.facet's counts)."""
    return _filtered(query, frozenset({skip}) if skip else frozenset())


def _filtered(query: DirectoryQuery, skip: frozenset[str]) -> QuerySet:
    """Active members matching every filter whose name is not in `skip`."""
    organisations = active_members(None if "network" in skip else query.network)
    for word in query.text.split():
        organisations = organisations.filter(
            Q(name__icontains=word) | Q(description__icontains=word)
        )
    # IN rather than EXISTS: the database can start from the term's rows (an index lookup)
    # instead of testing every active member.
    organisations = facets.filter_by_tags(organisations, TAG_FILTERS, query.tags, skip)
    if query.org_type and "type" not in skip:
        organisations = organisations.filter(org_type=query.org_type)
    for name, value in query.flags.items():
        if name not in skip:
            organisations = organisations.filter(**{FLAG_FILTERS[name]: value})
    return organisations


def facet_counts(query: DirectoryQuery) -> dict[str, dict]:
    """For each filter, how many results each of its values would give."""
    counts, _total = _counted(query)
    return {name: dict(values) for name, values in counts.items()}  # a copy: callers may edit


def _filters_key(query: DirectoryQuery) -> tuple:
    return (
        query.text,
        query.network.pk if query.network else None,
        tuple(sorted((name, term.pk) for name, term in query.tags.items())),
        query.org_type,
        tuple(sorted(query.flags.items())),
    )


def _counted(query: DirectoryQuery) -> tuple[dict[str, dict], int]:
    """_count(query), reused while no change has been committed. Treat it as read-only."""
    return reuse(("directory", *_filters_key(query)), lambda: _count(query))


def _count(query: DirectoryQuery) -> tuple[dict[str, dict], int]:
    """The facets.facet counts and the number of results, in one query per facets.facet or fewer."""
    counts: dict[str, dict] = {}
    # Facets whose own filter is not in use all count the same organisations: build that
    # queryset once.
    everything = _filtered(query, frozenset())

    def base(name):
        return _filtered(query, frozenset({name})) if _in_use(query, name) else everything

    counts["network"] = dict(
        Membership.objects.filter(
            status=MembershipStatus.ACTIVE, organisation__in=base("network").values("pk")
        )
        .values_list("network_id")
        .annotate(n=Count("organisation_id"))
        .order_by()
    )
    counts.update(facets.count_tags(base, TAG_FILTERS))
    # The total, the type facets.facet and the yes/no facets come from one grouped query over the
    # organisations matching every other filter; each is then narrowed here by the filters
    # among type and flags that it does not skip.
    scalar = frozenset({"type", *FLAG_FILTERS})
    groups = list(
        _filtered(query, scalar)
        .values_list("org_type", *FLAG_FILTERS.values())
        .annotate(n=Count("pk"))
        .order_by()
    )

    def matching(skip: str):
        for org_type, *flags, n in groups:
            values = dict(zip(FLAG_FILTERS, flags, strict=True))
            if query.org_type and skip != "type" and org_type != query.org_type:
                continue
            if any(name != skip and values[name] != wanted for name, wanted in query.flags.items()):
                continue
            yield org_type, values, n

    counts["type"] = {}
    for org_type, _values, n in matching("type"):
        counts["type"][org_type] = counts["type"].get(org_type, 0) + n
    for name in FLAG_FILTERS:
        totals = {"yes": 0, "no": 0}
        for _org_type, values, n in matching(name):
            totals["yes" if values[name] else "no"] += n
        counts[name] = totals
    total = sum(n for _org_type, _values, n in matching(""))
    return counts, total


def _in_use(query: DirectoryQuery, name: str) -> bool:
    if name == "network":
        return query.network is not None
    if name == "type":
        return bool(query.org_type)
    if name in FLAG_FILTERS:
        return name in query.flags
    return name in query.tags


@dataclass
class DirectoryPage(facets.FacetedPage):
    query: DirectoryQuery
    terms: list[Term]
    networks: list[Network]


def search_directory(params) -> DirectoryPage:
    terms = list(Term.objects.all())
    networks = list(Network.objects.all())
    query = DirectoryQuery.from_params(params, terms, networks)
    counts, total = _counted(query)
    # The results list shows each membership and its network: one more query.
    page = facets.listed_page(
        filtered_organisations(query).order_by(SORTS[query.sort][0], "pk"),
        total,
        query.page,
        query.page_size,
        ("directory-page", *_filters_key(query), query.sort),
        Organisation.objects.prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("network"))
        ),
    )
    return DirectoryPage(
        query=query,
        page=page,
        facets=_build_facets(query, counts, terms, networks, params),
        terms=terms,
        networks=networks,
    )


def _build_facets(query, counts, terms, networks, params) -> list[facets.Facet]:
    flag_labels = {"led": "Lived-experience-led", "byandfor": '"By and for" a community'}
    return [
        facets.object_facet(
            params, "network", "Network", networks, counts["network"], query.network
        ),
        *facets.tag_facets(params, TAG_FILTERS, TAG_LABELS, terms, counts, query.tags),
        facets.choice_facet(
            params,
            "type",
            "Type of organisation",
            OrganisationType.choices,
            counts["type"],
            query.org_type,
        ),
        *(
            facets.facet(
                params,
                name,
                flag_labels[name],
                [
                    ("yes", "Yes", counts[name]["yes"], query.flags.get(name) is True),
                    ("no", "No", counts[name]["no"], query.flags.get(name) is False),
                ],
            )
            for name in FLAG_FILTERS
        ),
    ]


def network_summaries() -> list[dict]:
    """Each network with its number of active members, for the home page."""
    networks = Network.objects.annotate(
        active_members=Count("memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE))
    ).select_related("organisation")
    return [{"network": n, "active_members": n.active_members} for n in networks]


def organisation_names() -> list[str]:
    """The name of every organisation in the directory. The language checker treats them as
    official names ("Prisoners' Advice Service" is written as it is)."""
    return list(Organisation.objects.values_list("name", flat=True))


def names_stamp() -> tuple:
    """What organisation_names() depends on: changes when an organisation is added, renamed
    or removed (one aggregate query)."""
    figures = Organisation.objects.aggregate(count=Count("id"), latest=Max("updated_at"))
    return (figures["count"], figures["latest"])
