"""The media monitor in the JSON API: articles, one article's analysis, outlets and the
dashboard's figures.

Staff only, like the pages (media/views.py says why): every read needs a staff or admin
token. Filters are read by the pages' own forms, so the API and the pages accept and refuse
exactly the same input, with the same messages (422 with `errors`).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from core.api_auth import staff_token_auth
from core.lib.pagination import DEFAULT_LIMIT, Limit, LimitOffsetPage, Offset, paginate
from media import articles as article_service
from media.dashboard import COUNT_LABELS, RATE_LABELS, VOICE_LABELS, Figures, build_dashboard
from media.forms import MAX_QUERY_LENGTH, ArticleFilterForm, DashboardForm
from media.models import Article, Outlet

router = Router(tags=["media monitor"], auth=staff_token_auth)


class ArticleOut(Schema):
    id: int
    url: str = Field(description="The article's canonical address at its outlet.")
    title: str
    outlet: str = Field(description="The outlet's slug.")
    byline: str
    published_at: datetime.datetime
    headline_labels: int
    body_labels: int
    sensational_words: int
    people_first_terms: int
    is_thematic: bool
    has_lived_experience_voice: bool
    is_syndicated_copy: bool
    score: float | None
    page: str = Field(description="The article's page in the media monitor.")


class ArticleDetail(ArticleOut):
    text: str = Field(description="The text, or only an excerpt when is_excerpt is true.")
    is_excerpt: bool
    analysis: dict | None = Field(
        description="What the analysis found; for an excerpt, without quotes and sentences "
        "from beyond it."
    )


class ArticlePage(LimitOffsetPage):
    results: list[ArticleOut]


class ArticleFilters(Schema):
    q: str = Field("", max_length=MAX_QUERY_LENGTH, description="Words in title or text.")
    outlet: str = Field("", max_length=220, description="Outlet slug.")
    collection: str = Field("", max_length=220, description="Collection slug.")
    start: str = Field("", max_length=7, description="First month, YYYY-MM.")
    end: str = Field("", max_length=7, description="Last month, YYYY-MM.")
    part: str = Field("", max_length=120, description="Part of the system (term slug).")
    label: str = Field("", max_length=3, description="yes or no: uses a stigmatising label.")
    thematic: str = Field("", max_length=3, description="yes or no: sets the story in context.")
    voice: str = Field("", max_length=20, description="Quotes this kind of voice.")
    syndicated: str = Field("", max_length=7, description="include (default) or exclude.")
    limit: Limit = DEFAULT_LIMIT
    offset: Offset = 0


class OutletOut(Schema):
    slug: str
    name: str
    kind: str
    website: str
    collections: list[str]
    is_active: bool
    articles: int


class FiguresOut(Schema):
    counts: dict[str, int]
    rates: dict[str, float | None]
    voices: dict[str, int]


class GroupOut(FiguresOut):
    key: str
    label: str


class AggregatesOut(Schema):
    selection: str
    totals: FiguresOut
    by_month: list[GroupOut]
    by_outlet: list[GroupOut]
    by_part: list[GroupOut]
    measures: dict[str, str] = Field(description="What each count and rate measures.")


class AggregateFilters(Schema):
    start: str = Field("", max_length=7, description="First month, YYYY-MM (default: a year ago).")
    end: str = Field("", max_length=7, description="Last month, YYYY-MM (default: this month).")
    collection: str = Field("", max_length=220)
    part: str = Field("", max_length=120)
    syndicated: str = Field("", max_length=7, description="exclude (default) or include.")


def _valid(form):
    if not form.is_valid():
        raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
    return form.cleaned_data


def _article(request: HttpRequest, article: Article) -> dict:
    return {
        "id": article.pk,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet.slug,
        "byline": article.byline,
        "published_at": article.published_at,
        "headline_labels": article.headline_labels,
        "body_labels": article.body_labels,
        "sensational_words": article.sensational_words,
        "people_first_terms": article.people_first_terms,
        "is_thematic": article.is_thematic,
        "has_lived_experience_voice": article.has_lived_experience_voice,
        "is_syndicated_copy": article.is_syndicated_copy,
        "score": article.score,
        "page": request.build_absolute_uri(article.get_absolute_url()),
    }


@router.get("/articles", response=ArticlePage, summary="List analysed articles")
def media_list_articles(request, filters: Query[ArticleFilters]):
    """Articles newest first, with the article list's filters and search."""
    params = filters.model_dump(exclude={"limit", "offset"})
    cleaned = _valid(ArticleFilterForm({k: v for k, v in params.items() if v}))
    matching = article_service.filter_articles(cleaned)
    return paginate(
        request,
        matching.select_related("outlet"),
        filters.limit,
        filters.offset,
        lambda page: [_article(request, a) for a in page],
    )


@router.get("/articles/{int:pk}", response=ArticleDetail, summary="One article and its analysis")
def media_get_article(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    return {
        **_article(request, article),
        "text": article.text,
        "is_excerpt": article.is_excerpt,
        "analysis": article_service.visible_analysis(article),
    }


@router.get("/outlets", response=list[OutletOut], summary="List outlets")
def media_list_outlets(request):
    outlets = Outlet.objects.annotate(article_count=Count("articles")).prefetch_related(
        "collections"
    )
    return [
        {
            "slug": o.slug,
            "name": o.name,
            "kind": o.kind,
            "website": o.website,
            "collections": [c.slug for c in o.collections.all()],
            "is_active": o.is_active,
            "articles": o.article_count,
        }
        for o in outlets
    ]


def _figures(figures: Figures) -> dict:
    return {"counts": figures.counts, "rates": figures.rates, "voices": figures.voices}


@router.get("/aggregates", response=AggregatesOut, summary="The dashboard's figures")
def media_aggregates(request, filters: Query[AggregateFilters]):
    """The dashboard's totals and breakdowns (month, outlet, part of the system) for one
    selection, as counts and as rates."""
    form = DashboardForm.from_query(filters.model_dump())
    _valid(form)
    selection, _other = form.selections()
    board = build_dashboard(selection)

    def groups(items):
        return [{"key": g.key, "label": g.label, **_figures(g.figures)} for g in items]

    return {
        "selection": selection.label,
        "totals": _figures(board.totals),
        "by_month": groups(board.by_month),
        "by_outlet": groups(board.by_outlet),
        "by_part": groups(board.by_part),
        "measures": {
            **COUNT_LABELS,
            **{key: label for key, (label, _unit) in RATE_LABELS.items()},
            **{f"voices.{key}": label for key, label in VOICE_LABELS.items()},
        },
    }
