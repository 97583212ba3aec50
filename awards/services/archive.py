"""What the public may see: open categories, announced shortlists and the winners' archive.

A shortlist is public from its cycle's announcement date, winners from their publication
date; a nominated person appears only with their consent.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from awards.models import Category, Consent, Cycle, Nomination, NominationStatus

NAMEABLE = Q(consent__in=[Consent.NOT_NEEDED, Consent.GIVEN])


def winners_published(today=None) -> Q:
    today = today or timezone.localdate()
    return Q(category__cycle__winners_published_on__lte=today)


def public_winners():
    return (
        Nomination.objects.filter(
            NAMEABLE, winners_published(), winner=True, status=NominationStatus.ELIGIBLE
        )  # fmt: skip
        .select_related("category__cycle__scheme", "organisation")
        .prefetch_related("articles__outlet")
        .order_by(
            "-category__cycle__year",
            "category__cycle__scheme__name",
            "category__order",
            "category__name",
        )  # fmt: skip
    )


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


@dataclass
class ArchiveFilters:
    scheme: str = ""
    year: int | None = None
    category: str = ""
    topic: str = ""


def parse_filters(params) -> ArchiveFilters:
    year = params.get("year", "")
    return ArchiveFilters(
        scheme=params.get("scheme", "")[:120],
        year=int(year) if year.isdigit() and len(year) == 4 else None,
        category=params.get("category", "")[:200],
        topic=params.get("topic", "")[:120],
    )


def archive(filters: ArchiveFilters):
    winners = public_winners()
    if filters.scheme:
        winners = winners.filter(category__cycle__scheme__slug=filters.scheme)
    if filters.year:
        winners = winners.filter(category__cycle__year=filters.year)
    if filters.category:
        winners = winners.filter(category__name=filters.category)
    if filters.topic:
        winners = winners.filter(category__topics__slug=filters.topic).distinct()
    return winners


def archive_choices() -> dict:
    """The values each filter can take, from the published winners."""
    winners = public_winners().order_by()
    return {
        "schemes": list(
            winners.values_list("category__cycle__scheme__slug", "category__cycle__scheme__name")
            .distinct().order_by("category__cycle__scheme__name")
        ),
        "years": list(
            winners.values_list("category__cycle__year", flat=True).distinct()
            .order_by("-category__cycle__year")
        ),
        "categories": list(
            winners.values_list("category__name", flat=True).distinct().order_by("category__name")
        ),
        "topics": list(
            winners.filter(category__topics__isnull=False)
            .values_list("category__topics__slug", "category__topics__name")
            .distinct().order_by("category__topics__name")
        ),
    }  # fmt: skip


def winners_of(organisation):
    return public_winners().filter(organisation=organisation)
