"""The public tracker: filtering published recommendations and counting the facets.

A page costs a fixed number of queries whatever its size: the filter choices (targets,
terms, networks), the counts (reused between requests until something is committed, see
core.lib.freshness), the ids on the page, those recommendations with their tags, and their
current statuses. Filters are subqueries (`IN`), never joins, so nothing is listed twice.

With a target filter, a status filter means the status *with that target*; otherwise a
recommendation matches a status if any of its targets is currently at it.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from core.lib import facets
from core.lib.freshness import reuse
from core.lib.pagination import PAGE_SIZE
from influence.models import Recommendation, Status, StatusChange, TargetBody
from influence.services import timeline, visibility
from members.models import Network
from taxonomy.models import Term, Vocabulary

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
MAX_YEAR_PARAM = 6
STALE_AFTER = timedelta(days=365)
TAG_FILTERS = {"part": ("parts", Vocabulary.PART), "theme": ("themes", Vocabulary.THEME)}
TAG_LABELS = {"part": "Part of the system", "theme": "Theme"}
SORTS = {
    "recent": (("-first_made_on", "title", "pk"), "Newest first"),
    "oldest": (("first_made_on", "title", "pk"), "Oldest first"),
    "title": (("title", "pk"), "A to Z"),
}
FILTER_NAMES = ("status", "target", "part", "theme", "network", "year")


def _clean(value) -> str:
    return str(value or "").replace("\x00", "").strip()


@dataclass
class TrackerQuery:
    text: str = ""
    status: str = ""
    target: TargetBody | None = None
    tags: dict[str, Term] = field(default_factory=dict)
    network: Network | None = None
    year: int | None = None
    sort: str = "recent"
    page: int = 1
    ignored: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params, targets, terms, networks) -> "TrackerQuery":
        query = cls()
        words = _clean(params.get("q"))[:MAX_QUERY_LENGTH].split()[:MAX_WORDS]
        query.text = " ".join(words)
        if status := _clean(params.get("status")):
            if status in Status.values:
                query.status = status
            else:
                query.ignored.append("status")
        if slug := _clean(params.get("target")):
            query.target = next((t for t in targets if t.slug == slug), None)
            if query.target is None:
                query.ignored.append("target")
        query.tags, unknown = facets.read_tags(
            lambda name: _clean(params.get(name)), TAG_FILTERS, terms
        )
        query.ignored.extend(unknown)
        if slug := _clean(params.get("network")):
            query.network = next((n for n in networks if n.slug == slug), None)
            if query.network is None:
                query.ignored.append("network")
        if year := _clean(params.get("year")):
            if year.isdigit() and len(year) <= MAX_YEAR_PARAM and 1900 < int(year) < 3000:
                query.year = int(year)
            else:
                query.ignored.append("year")
        if _clean(params.get("sort")) in SORTS:
            query.sort = _clean(params.get("sort"))
        page = _clean(params.get("page"))
        query.page = int(page) if page.isdigit() and 0 < len(page) < 7 and int(page) > 0 else 1
        return query

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.text or self.status or self.target or self.tags or self.network or self.year
        )

    def key(self) -> tuple:
        return (
            self.text,
            self.status,
            self.target.pk if self.target else None,
            tuple(sorted((name, term.pk) for name, term in self.tags.items())),
            self.network.pk if self.network else None,
            self.year,
        )


def _current(query: TrackerQuery, skip: frozenset) -> QuerySet:
    """Current timeline entries, narrowed to the target filter when it is in use."""
    current = timeline.current_changes()
    if query.target is not None and "target" not in skip:
        current = current.filter(target=query.target)
    return current


def _filtered(query: TrackerQuery, skip: frozenset = frozenset()) -> QuerySet:
    recommendations = visibility.published()
    for word in query.text.split():
        recommendations = recommendations.filter(Q(title__icontains=word) | Q(text__icontains=word))
    if query.target is not None and "target" not in skip:
        recommendations = facets.with_related(recommendations, "targets", query.target)
    if query.status and "status" not in skip:
        recommendations = recommendations.filter(
            pk__in=_current(query, skip).filter(status=query.status).values("recommendation_id")
        )
    recommendations = facets.filter_by_tags(recommendations, TAG_FILTERS, query.tags, skip)
    if query.network is not None and "network" not in skip:
        recommendations = facets.with_related(recommendations, "networks", query.network)
    if query.year and "year" not in skip:
        recommendations = recommendations.filter(first_made_on__year=query.year)
    return recommendations


def filtered_recommendations(query: TrackerQuery) -> QuerySet:
    return _filtered(query)


def _in_use(query: TrackerQuery, name: str) -> bool:
    if name in TAG_FILTERS:
        return name in query.tags
    return bool(getattr(query, name))


def _count(query: TrackerQuery) -> tuple[dict, int]:
    everything = _filtered(query)

    def base(name):
        return _filtered(query, frozenset({name})) if _in_use(query, name) else everything

    counts: dict[str, dict] = {}
    counts["status"] = dict(
        _current(query, frozenset())
        .filter(recommendation__in=base("status").values("pk"))
        .values_list("status")
        .annotate(n=Count("recommendation_id", distinct=True))
        .order_by()
    )
    counts["target"] = facets.count_related(base("target"), "targets")
    counts.update(facets.count_tags(base, TAG_FILTERS))
    counts["network"] = facets.count_related(base("network"), "networks")
    counts["year"] = dict(
        base("year")
        .annotate(made_in=ExtractYear("first_made_on"))
        .values_list("made_in")
        .annotate(n=Count("pk"))
        .order_by()
    )
    total = everything.count()
    return counts, total


def counted(query: TrackerQuery) -> tuple[dict, int]:
    return reuse(("influence-tracker", *query.key()), lambda: _count(query))


@dataclass
class Row:
    recommendation: Recommendation
    current: list[StatusChange]
    headline: StatusChange | None
    last_change: object
    is_stale: bool


@dataclass
class TrackerPage(facets.FacetedPage):
    query: TrackerQuery
    rows: list[Row]


def _choices():
    targets = list(TargetBody.objects.all())
    terms = list(Term.objects.filter(vocabulary__in=[Vocabulary.PART, Vocabulary.THEME]))
    networks = list(Network.objects.all())
    return targets, terms, networks


def parse(params) -> tuple[TrackerQuery, tuple]:
    choices = _choices()
    return TrackerQuery.from_params(params, *choices), choices


def rows_for(recommendations: list[Recommendation]) -> list[Row]:
    """Each recommendation with its current statuses, in one query for them all."""
    current = timeline.current_status_rows(recommendations)
    today = timezone.localdate()
    rows = []
    for recommendation in recommendations:
        entries = current.get(recommendation.pk, [])
        last = max((entry.happened_on for entry in entries), default=None)
        headline = timeline.most_advanced(entries)
        is_stale = bool(
            last
            and today - last > STALE_AFTER
            and not all(e.status in timeline.FINAL_STATUSES for e in entries)
        )
        rows.append(Row(recommendation, entries, headline, last, is_stale))
    return rows


def search_tracker(params) -> TrackerPage:
    query, (targets, terms, networks) = parse(params)
    counts, total = counted(query)
    page = facets.listed_page(
        _filtered(query).order_by(*SORTS[query.sort][0]),
        total,
        query.page,
        PAGE_SIZE,
        ("influence-tracker-page", *query.key(), query.sort),
        Recommendation.objects.prefetch_related("targets", "parts", "themes"),
    )
    return TrackerPage(
        query=query,
        page=page,
        rows=rows_for(page.object_list),
        facets=_facets(query, counts, targets, terms, networks, params),
    )


def _facets(query, counts, targets, terms, networks, params) -> list[facets.Facet]:
    asked_of = [t for t in targets if counts["target"].get(t.pk) or query.target == t]
    years = sorted(set(counts["year"]) | ({query.year} if query.year else set()), reverse=True)
    return [
        facets.choice_facet(
            params, "status", "Current status", Status.choices, counts["status"], query.status
        ),
        facets.object_facet(params, "target", "Asked of", asked_of, counts["target"], query.target),
        *facets.tag_facets(params, TAG_FILTERS, TAG_LABELS, terms, counts, query.tags),
        facets.object_facet(
            params, "network", "Network", networks, counts["network"], query.network
        ),
        facets.facet(
            params,
            "year",
            "Year first made",
            ((str(y), str(y), counts["year"].get(y, 0), query.year == y) for y in years),
        ),
    ]
