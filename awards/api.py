"""The awards in the JSON API: schemes, cycles with their categories, criteria and announced
shortlists and winners, and the winners' archive. Public, and exactly what the public pages
show: a shortlist only once announced, a nominated person only with their consent."""

from ninja import Query, Router, Schema
from ninja.errors import HttpError

from awards.models import Cycle, Scheme
from awards.services import archive
from core.lib.pagination import DEFAULT_LIMIT, Limit, LimitOffsetPage, Offset, paginate

router = Router(tags=["awards"])


class SchemeOut(Schema):
    name: str
    slug: str
    description: str
    is_media: bool
    network: str | None


class NomineeOut(Schema):
    name: str
    organisation: str | None  # the directory slug, for a member organisation
    articles: list[str]  # article addresses
    winner: bool
    highly_commended: bool
    citation: str


class CategoryOut(Schema):
    name: str
    slug: str
    eligibility: str
    criteria: list[dict]
    prize_amount: str | None
    topics: list[str]
    shortlist: list[NomineeOut]


class CycleOut(Schema):
    scheme: str
    year: int
    slug: str
    stage: str
    nominations_open: str
    nominations_close: str
    shortlist_announced_on: str | None
    winners_published_on: str | None
    categories: list[CategoryOut] | None = None


class WinnerOut(Schema):
    scheme: str
    year: int
    category: str
    name: str
    organisation: str | None
    articles: list[str]
    citation: str
    prize_amount: str | None


class WinnerPage(LimitOffsetPage):
    results: list[WinnerOut]


class WinnerFilters(Schema):
    scheme: str = ""
    year: int | None = None
    category: str = ""
    topic: str = ""
    limit: Limit = DEFAULT_LIMIT
    offset: Offset = 0


def _date(value):
    return value.isoformat() if value else None


def _nominee(nomination, show_winner: bool) -> dict:
    return {
        "name": nomination.nominee_name,
        "organisation": nomination.organisation.slug if nomination.organisation else None,
        "articles": [a.url for a in nomination.articles.all()],
        "winner": show_winner and nomination.winner,
        "highly_commended": show_winner and nomination.highly_commended,
        "citation": nomination.citation if show_winner else "",
    }


def _cycle(cycle, with_categories: bool = False) -> dict:
    data = {
        "scheme": cycle.scheme.name, "year": cycle.year, "slug": cycle.slug,
        "stage": cycle.stage, "nominations_open": cycle.nominations_open.isoformat(),
        "nominations_close": cycle.nominations_close.isoformat(),
        "shortlist_announced_on": _date(cycle.shortlist_announced_on),
        "winners_published_on": _date(cycle.winners_published_on),
    }  # fmt: skip
    if with_categories:
        data["categories"] = [
            {
                "name": c.name,
                "slug": c.slug,
                "eligibility": c.get_eligibility_display(),
                "criteria": [{"name": k.name, "weight": k.weight} for k in c.criteria.all()],
                "prize_amount": str(c.prize_amount) if c.prize_amount is not None else None,
                "topics": [t.slug for t in c.topics.all()],
                "shortlist": [
                    _nominee(n, cycle.winners_public) for n in archive.public_shortlist(c)
                ],
            }  # fmt: skip
            for c in cycle.categories.prefetch_related("criteria", "topics")
        ]
    return data


@router.get("/awards/schemes", response=list[SchemeOut], summary="List award schemes")
def awards_list_schemes(request):
    return [
        {
            "name": s.name,
            "slug": s.slug,
            "description": s.description,
            "is_media": s.is_media,
            "network": s.network.slug if s.network else None,
        }  # fmt: skip
        for s in Scheme.objects.select_related("network")
    ]


@router.get("/awards/cycles", response=list[CycleOut], summary="List award cycles")
def awards_list_cycles(request):
    return [_cycle(c) for c in Cycle.objects.select_related("scheme")]


@router.get("/awards/cycles/{slug}", response=CycleOut, summary="A cycle with its categories")
def awards_get_cycle(request, slug: str):
    cycle = Cycle.objects.select_related("scheme").filter(slug=slug).first()
    if cycle is None:
        raise HttpError(404, "There is no award cycle with that slug.")
    return _cycle(cycle, with_categories=True)


@router.get("/awards/winners", response=WinnerPage, summary="The winners' archive")
def awards_list_winners(request, filters: Query[WinnerFilters]):
    query = archive.ArchiveFilters(
        scheme=filters.scheme, year=filters.year, category=filters.category, topic=filters.topic
    )

    def serialise(page):
        return [
            {
                "scheme": w.category.cycle.scheme.name,
                "year": w.category.cycle.year,
                "category": w.category.name,
                "name": w.nominee_name,
                "organisation": w.organisation.slug if w.organisation else None,
                "articles": [a.url for a in w.articles.all()],
                "citation": w.citation,
                "prize_amount": str(w.category.prize_amount)
                if w.category.prize_amount is not None
                else None,
            }  # fmt: skip
            for w in page
        ]

    return paginate(request, archive.archive(query), filters.limit, filters.offset, serialise)
