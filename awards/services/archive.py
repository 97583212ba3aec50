"""What the public may see: open categories, announced shortlists and the winners' archive.

A shortlist is public from its cycle's announcement date, winners from their publication
date; a nominated person appears only with their consent.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from awards.models import Category, Consent, Cycle, Nomination, NominationStatus
from core.lib import facets as shared
from core.lib.freshness import reuse

NAMEABLE = Q(consent__in=[Consent.NOT_NEEDED, Consent.GIVEN])


def winners_published(today=None) -> Q:
    today = today or timezone.localdate()
    return Q(category__cycle__winners_published_on__lte=today)


# Newest first; within a year by scheme and the category's place in its cycle.
ORDER = (
    "-category__cycle__year", "category__cycle__scheme__name", "category__order",
    "category__name", "pk",
)  # fmt: skip


def _published(today=None):
    """Published winners who may be named, as bare rows (for counting and filtering)."""
    return Nomination.objects.filter(
        NAMEABLE, winners_published(today), winner=True, status=NominationStatus.ELIGIBLE
    )


def _shown(winners):
    """With what a winner's card shows: its cycle and scheme, member profile and articles."""
    return winners.select_related("category__cycle__scheme", "organisation").prefetch_related(
        "articles__outlet"
    )


def public_winners():
    return _shown(_published()).order_by(*ORDER)


def public_shortlist(category: Category):
    if not category.cycle.shortlist_public and not category.cycle.winners_public:
        return Nomination.objects.none()
    return (
        Nomination.objects.filter(
            NAMEABLE, category=category, shortlisted=True, status=NominationStatus.ELIGIBLE
        )  # fmt: skip
        .select_related("organisation")
        .prefetch_related("articles__outlet")
        .order_by("-winner", "-highly_commended", "nominee_name")
    )


def open_categories():
    today = timezone.localdate()
    return (
        Category.objects.filter(
            cycle__nominations_open__lte=today, cycle__nominations_close__gte=today
        )  # fmt: skip
        .select_related("cycle__scheme")
        .order_by("cycle__nominations_close", "order")
    )


def current_cycles():
    """Each scheme's latest cycle."""
    latest = {}
    for cycle in Cycle.objects.select_related("scheme").order_by("-year"):
        latest.setdefault(cycle.scheme_id, cycle)
    return list(latest.values())


ARCHIVE_PAGE = 30

# The archive's filters: address name -> (label, the winner's field holding the value in the
# address, the field holding the option's words).
FACETS = {
    "scheme": ("Scheme", "category__cycle__scheme__slug", "category__cycle__scheme__name"),
    "year": ("Year", "category__cycle__year", "category__cycle__year"),
    "category": ("Category", "category__name", "category__name"),
    "topic": ("Topic", "category__topics__slug", "category__topics__name"),
}


@dataclass
class ArchiveFilters:
    """The archive's filters, read from the address (and the API's parameters)."""

    scheme: str = ""
    year: int | None = None
    category: str = ""
    topic: str = ""
    # What the shared listing template reads: filters it could not use, and search words
    # (the archive has no search box).
    ignored: list[str] = field(default_factory=list, compare=False)
    text: str = field(default="", compare=False)

    @property
    def is_filtered(self) -> bool:
        return bool(self.chosen())

    def chosen(self) -> dict[str, str]:
        """{filter: value as in the address} for each filter in use."""
        return {name: str(value) for name in FACETS if (value := getattr(self, name))}


def parse_filters(params) -> ArchiveFilters:
    year = params.get("year", "")
    filters = ArchiveFilters(
        scheme=params.get("scheme", "")[:120],
        year=int(year) if year.isdigit() and len(year) == 4 else None,
        category=params.get("category", "")[:200],
        topic=params.get("topic", "")[:120],
    )
    if year and filters.year is None:
        filters.ignored.append("year")
    return filters


def _filtered(winners, filters: ArchiveFilters, skip: str = ""):
    """`winners` narrowed by every filter in use but `skip` (which a facet skips to count its
    own options)."""
    if filters.scheme and skip != "scheme":
        winners = winners.filter(category__cycle__scheme__slug=filters.scheme)
    if filters.year and skip != "year":
        winners = winners.filter(category__cycle__year=filters.year)
    if filters.category and skip != "category":
        winners = winners.filter(category__name=filters.category)
    if filters.topic and skip != "topic":
        # A subquery, not a join: a category on two topics would list its winner twice.
        on_topic = Category.topics.through.objects.filter(term__slug=filters.topic)
        winners = winners.filter(category__in=on_topic.values("category_id"))
    return winners


def archive(filters: ArchiveFilters):
    """The published winners the filters choose, newest first, ready to show."""
    return _filtered(public_winners(), filters)


def _options(name: str, today) -> list[tuple[str, str]]:
    """Every (value, words) facet `name` can take among the published winners."""
    _label, value_field, label_field = FACETS[name]
    order = f"-{value_field}" if name == "year" else label_field
    rows = (
        _published(today).filter(**{f"{value_field}__isnull": False})
        .values_list(value_field, label_field).distinct().order_by(order)
    )  # fmt: skip
    return [(str(value), str(label)) for value, label in rows]


def _counts(filters: ArchiveFilters, today) -> dict:
    """Each facet's options and how many winners each would give, the other filters kept,
    and the number of winners: plain data, reused while nothing is committed."""
    counts = {"options": {}, "total": _filtered(_published(today), filters).count()}
    for name, (_label, value_field, _words) in FACETS.items():
        counts["options"][name] = _options(name, today)
        rows = (
            _filtered(_published(today), filters, skip=name)
            .values_list(value_field).annotate(n=Count("pk", distinct=True)).order_by()
        )  # fmt: skip
        counts[name] = {str(value): n for value, n in rows if value is not None}
    return counts


def listing(params, today=None) -> shared.FacetedPage:
    """The winners' archive as the shared faceted listing: a facet per filter with counts,
    and one page of winners."""
    filters = parse_filters(params)
    today = today or timezone.localdate()
    chosen = filters.chosen()
    key = ("awards.archive", tuple(sorted(chosen.items())), today)
    counts = reuse(key, lambda: _counts(filters, today))
    facet_list = [
        shared.facet(
            params,
            name,
            label,
            (
                (value, words, counts[name].get(value, 0), chosen.get(name) == value)
                for value, words in counts["options"][name]
            ),
        )  # fmt: skip
        for name, (label, _value_field, _words) in FACETS.items()
    ]
    ordered = _filtered(_published(today), filters).order_by(*ORDER)
    page = shared.listed_page(
        ordered,
        counts["total"],
        params.get("page", 1),
        ARCHIVE_PAGE,
        key,
        _shown(_published(today)),
    )
    return shared.FacetedPage(query=filters, page=page, facets=facet_list)


def winners_of(organisation):
    return public_winners().filter(organisation=organisation)
