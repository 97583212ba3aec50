"""The board (/opportunities/): open listings filtered by kind, part of the system, region,
remote working, check level, lived-experience-led employer and pay, with counts per option
through the shared facets. The feeds and alerts read the same filters."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from core.lib import facets as shared
from core.lib.freshness import reuse
from opportunities.models import CheckLevel, Kind, Opportunity, WorkMode
from opportunities.services.access import open_opportunities
from taxonomy.models import Term, Vocabulary

PAGE_SIZE = 20
TAG_FILTERS: shared.TagFilters = {"part": ("parts", Vocabulary.PART)}
TAG_LABELS = {"part": "Part of the system"}
YES_NO = [("yes", "Yes"), ("no", "No")]
REMOTE = [("remote", "Remote or hybrid"), ("on_site", "On site only")]
_REMOTE_FILTER = {
    "remote": Q(work_mode__in=[WorkMode.REMOTE, WorkMode.HYBRID]),
    "on_site": Q(work_mode=WorkMode.ON_SITE),
}
# Single-valued filters on the listing's own columns: address name -> (field, values, label).
# The check level comes first: it is what people with convictions look for, and the first
# facet is shown unfolded.
FIELD_FILTERS = {
    "check": ("check_level", CheckLevel.choices, "Criminal record check"),
    "kind": ("kind", Kind.choices, "Kind of opportunity"),
}
BOOLEAN_FILTERS = {
    "paid": ("paid", "Paid"),
    "led": ("lived_experience_led", "Lived-experience-led employer"),
}


@dataclass
class BoardQuery:
    values: dict = field(default_factory=dict)  # kind, check, remote, paid, led -> value
    region: Term | None = None
    tags: dict = field(default_factory=dict)
    text: str = ""
    ignored: list[str] = field(default_factory=list)

    @property
    def is_filtered(self) -> bool:
        return bool(self.values or self.region or self.tags or self.text)

    def describe(self) -> str:
        """The filters in words, for an alert and its emails."""
        parts = []
        for name, (_field, choices, label) in FIELD_FILTERS.items():
            if name in self.values:
                parts.append(f"{label}: {dict(choices)[self.values[name]]}")
        if "remote" in self.values:
            parts.append(dict(REMOTE)[self.values["remote"]])
        for name, (_field, label) in BOOLEAN_FILTERS.items():
            if name in self.values:
                parts.append(f"{label}: {dict(YES_NO)[self.values[name]]}")
        if self.region:
            parts.append(f"Region: {self.region.name}")
        for term in self.tags.values():
            parts.append(f"Part of the system: {term.name}")
        if self.text:
            parts.append(f"Words: {self.text}")
        return "; ".join(parts) or "All opportunities"


def _terms() -> list[Term]:
    return list(Term.objects.filter(vocabulary__in=[Vocabulary.PART, Vocabulary.PLACE]))


def read_query(params, terms=None) -> BoardQuery:
    terms = _terms() if terms is None else terms
    query = BoardQuery(text=params.get("q", "").strip()[:200])
    allowed = {name: {v for v, _ in spec[1]} for name, spec in FIELD_FILTERS.items()}
    allowed["remote"] = set(_REMOTE_FILTER)
    allowed.update({name: {"yes", "no"} for name in BOOLEAN_FILTERS})
    for name, values in allowed.items():
        if value := params.get(name, ""):
            if value in values:
                query.values[name] = value
            else:
                query.ignored.append(name)
    if slug := params.get("region", ""):
        query.region = next(
            (t for t in terms if t.vocabulary == Vocabulary.PLACE and t.slug == slug), None
        )
        if query.region is None:
            query.ignored.append("region")
    query.tags, unknown = shared.read_tags(params.get, TAG_FILTERS, terms)
    query.ignored += unknown
    return query


def filtered(base: QuerySet, query: BoardQuery, skip: str = "") -> QuerySet:
    listings = base
    for name, (field_name, _choices, _label) in FIELD_FILTERS.items():
        if name in query.values and skip != name:
            listings = listings.filter(**{field_name: query.values[name]})
    for name, (field_name, _label) in BOOLEAN_FILTERS.items():
        if name in query.values and skip != name:
            listings = listings.filter(**{field_name: query.values[name] == "yes"})
    if "remote" in query.values and skip != "remote":
        listings = listings.filter(_REMOTE_FILTER[query.values["remote"]])
    if query.region and skip != "region":
        listings = listings.filter(region=query.region)
    for word in query.text.split()[:8]:
        listings = listings.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(employer_name__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return shared.filter_by_tags(listings, TAG_FILTERS, query.tags, skip=[skip])


def _count_by(listings: QuerySet, field_name: str) -> dict:
    return dict(listings.values_list(field_name).annotate(n=Count("pk")).order_by())


def _remote_counts(listings: QuerySet) -> dict[str, int]:
    by_mode = _count_by(listings, "work_mode")
    return {
        "remote": by_mode.get(WorkMode.REMOTE, 0) + by_mode.get(WorkMode.HYBRID, 0),
        "on_site": by_mode.get(WorkMode.ON_SITE, 0),
    }


def _yes_no_counts(listings: QuerySet, field_name: str) -> dict[str, int]:
    by_value = _count_by(listings, field_name)
    return {"yes": by_value.get(True, 0), "no": by_value.get(False, 0)}


def _query_key(query: BoardQuery, today) -> tuple:
    """What names a board's results, for reusing its counts while nothing was committed."""
    return (
        "opportunities.board",
        tuple(sorted(query.values.items())),
        query.region.pk if query.region else None,
        tuple(sorted((name, term.pk) for name, term in query.tags.items())),
        query.text,
        today,
    )


def _counts(base: QuerySet, query: BoardQuery) -> dict:
    """Every facet's counts and the number of results: one grouped query per facet."""

    def without(name):
        return filtered(base, query, skip=name)

    counts = {
        name: _count_by(without(name), field_name)
        for name, (field_name, _choices, _label) in FIELD_FILTERS.items()
    }
    counts.update(shared.count_tags(without, TAG_FILTERS))
    counts["region"] = _count_by(without("region"), "region")
    counts["remote"] = _remote_counts(without("remote"))
    for name, (field_name, _label) in BOOLEAN_FILTERS.items():
        counts[name] = _yes_no_counts(without(name), field_name)
    counts["total"] = filtered(base, query).count()
    return counts


def board(params, today=None) -> shared.FacetedPage:
    terms = _terms()
    query = read_query(params, terms)
    today = today or timezone.localdate()
    base = open_opportunities(today)
    key = _query_key(query, today)
    # Counted once per committed change (core.lib.freshness), as the member directory does.
    counts = reuse(key, lambda: _counts(base, query))
    facet_list = [
        shared.choice_facet(params, name, label, choices, counts[name], query.values.get(name))
        for name, (_field, choices, label) in FIELD_FILTERS.items()
    ]
    facet_list += shared.tag_facets(
        params, TAG_FILTERS, TAG_LABELS, terms, {n: counts[n] for n in TAG_FILTERS}, query.tags
    )
    regions = [t for t in terms if t.vocabulary == Vocabulary.PLACE]
    facet_list.append(
        shared.object_facet(params, "region", "Region", regions, counts["region"], query.region)
    )
    facet_list.append(
        shared.choice_facet(
            params, "remote", "Remote working", REMOTE, counts["remote"], query.values.get("remote")
        )
    )
    for name, (_field, label) in BOOLEAN_FILTERS.items():
        facet_list.append(
            shared.choice_facet(params, name, label, YES_NO, counts[name], query.values.get(name))
        )
    ordered = filtered(base, query).order_by("closes_on", "pk")
    page = shared.listed_page(
        ordered, counts["total"], params.get("page", 1), PAGE_SIZE, key,
        Opportunity.objects.select_related("organisation", "region"),
    )  # fmt: skip
    return shared.FacetedPage(query=query, page=page, facets=facet_list)


def matching(params, today=None) -> QuerySet:
    """Every open listing the address's filters choose, newest first (feeds, alerts)."""
    return filtered(open_opportunities(today), read_query(params)).order_by("-published_at", "-pk")
