"""The media monitor's pages: dashboard, articles, outlets, the awards shortlist and saved
searches. Staff only: the monitor is the alliance's own working tool. Its figures are
judgements on named outlets that the alliance publishes only when it chooses (in reports and
the media awards), and the articles' text belongs to the publishers, so it is shown only to
the team that monitors it, never republished to visitors.

Thin: each view reads a form, calls a service (dashboard, articles, awards, saved_searches,
exports) and renders; htmx requests get only the results part of the page.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core import roles
from core.lib.downloads import as_attachment
from media import articles as article_service
from media import exports
from media.analysis import SCORE_FORMULA
from media.charts import comparison_chart, dashboard_charts, headline_figures, outlet_chart
from media.dashboard import build_dashboard, comparison_rows
from media.forms import (
    ArticleFilterForm,
    AwardDecisionForm,
    AwardPeriodForm,
    DashboardForm,
    SavedSearchForm,
)
from media.ingest.outlet_health import outlet_health
from media.models import Article, AwardCandidate, Outlet, SavedSearch
from media.services import awards, saved_searches

ARTICLES_PER_PAGE = 25


# Staff and admins only: anonymous people sign in first, everyone else gets a 403.
staff_required = roles.staff_required("Only the alliance's staff can use the media monitor.")


def _page_or_part(request, template: str, part: str, context: dict, status: int = 200):
    """The whole page, or just its results when htmx asks (the form stays as typed)."""
    return render(request, part if request.htmx else template, context, status=status)


# --- Dashboard ----------------------------------------------------------------------------


def _dashboard_context(form: DashboardForm) -> dict:
    first, second = form.selections()
    show = form.cleaned_data["show"]
    main = build_dashboard(first)
    other = build_dashboard(second) if second else None
    context = {
        "dashboard": main,
        "other": other,
        "show": show,
        "charts": dashboard_charts(main, other, show),
        "headline": headline_figures(main.totals, show),
    }
    if other is not None:
        rows = comparison_rows(main.totals, other.totals, show)
        context["comparison"] = rows
        context["charts"].insert(
            0, comparison_chart("comparison", rows, main.selection.label, other.selection.label)
        )
    return context


@staff_required
def dashboard(request):
    form = DashboardForm.from_query(request.GET)
    context = {"form": form, "query_string": request.GET.urlencode()}
    status = 200
    if form.is_valid():
        context.update(_dashboard_context(form))
    else:
        status = 400
    return _page_or_part(
        request, "media/dashboard.html", "media/_dashboard_results.html", context, status
    )


@staff_required
def dashboard_csv(request):
    form = DashboardForm.from_query(request.GET)
    if not form.is_valid():
        return _invalid_csv(form)
    first, second = form.selections()
    dashboards = [build_dashboard(first)] + ([build_dashboard(second)] if second else [])
    return _csv_response(exports.dashboard_lines(dashboards), "media-dashboard")


def _invalid_csv(form) -> HttpResponse:
    """A plain-text refusal, since a CSV download has no page to show the form on."""
    return HttpResponse(
        "Nothing was exported; correct these choices first: "
        + " ".join(
            f"{form.fields[name].label if name in form.fields else ''}: {error}"
            for name, errors in form.errors.items()
            for error in errors
        ),
        status=400,
        content_type="text/plain; charset=utf-8",
    )


def _csv_response(lines, name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    return as_attachment(response, f"{name}-{timezone.localdate().isoformat()}.csv")


# --- Articles ------------------------------------------------------------------------------


@staff_required
def article_list(request):
    form = ArticleFilterForm(request.GET)
    context = {"form": form, "save_form": SavedSearchForm(), "query_string": ""}
    if not form.is_valid():
        return _page_or_part(
            request, "media/articles.html", "media/_article_results.html", context, 400
        )
    matches = article_service.filter_articles(form.cleaned_data)
    page = Paginator(matches.select_related("outlet"), ARTICLES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    params = form.as_params()
    context.update(
        page=page,
        counts=article_service.count_articles(matches),
        params=params,
        query_string=exports.encode(params),
    )
    return _page_or_part(request, "media/articles.html", "media/_article_results.html", context)


@staff_required
def articles_csv(request):
    form = ArticleFilterForm(request.GET)
    if not form.is_valid():
        return _invalid_csv(form)
    matches = article_service.filter_articles(form.cleaned_data).select_related("outlet")
    return _csv_response(exports.article_lines(matches), "media-articles")


@staff_required
def article(request, pk: int):
    item = get_object_or_404(Article.objects.select_related("outlet", "guide_version"), pk=pk)
    context = {
        "article": item,
        "explanation": article_service.explain(item),
        "score_formula": SCORE_FORMULA,
        "award": AwardCandidate.objects.filter(article=item).first(),
    }
    return render(request, "media/article.html", context)


@staff_required
def outlet(request, slug: str):
    item = get_object_or_404(Outlet, slug=slug)
    context = {
        "outlet": item,
        "health": outlet_health(item),
        "chart": outlet_chart(item),
        "recent": item.articles.order_by("-published_at")[:10],
    }
    return render(request, "media/outlet.html", context)


# --- Media awards --------------------------------------------------------------------------


@staff_required
def award_shortlist(request):
    form = AwardPeriodForm.from_query(request.GET)
    context = {"form": form}
    if form.is_valid():
        context["candidates"] = awards.shortlist(
            form.cleaned_data["start"], form.cleaned_data["end"]
        )
        context["decision_choices"] = AwardCandidate.Decision.choices
    return render(request, "media/awards.html", context, status=200 if form.is_valid() else 400)


@staff_required
def awards_csv(request):
    form = AwardPeriodForm.from_query(request.GET)
    if not form.is_valid():
        return _invalid_csv(form)
    candidates = awards.shortlist(form.cleaned_data["start"], form.cleaned_data["end"])
    return _csv_response(exports.award_lines(candidates), "media-awards-shortlist")


@staff_required
@require_POST
def award_decide(request, pk: int):
    item = get_object_or_404(Article, pk=pk)
    existing = AwardCandidate.objects.filter(article=item).first()
    form = AwardDecisionForm(request.POST, instance=existing)
    back = request.POST.get("next", "")
    if not back.startswith("/media/awards/"):
        back = reverse("media:awards")
    if not form.is_valid():
        messages.error(
            request,
            "Nothing was saved: "
            + " ".join(str(e) for errors in form.errors.values() for e in errors),
        )
        return redirect(back)
    awards.decide(request.user, item, form.cleaned_data["decision"], form.cleaned_data["note"])
    messages.success(request, f"Your decision on “{item.title}” was saved.")
    return redirect(back)


# --- Saved searches ------------------------------------------------------------------------


@staff_required
def saved_search_list(request):
    if request.method == "POST":
        form = SavedSearchForm(request.POST)
        filters = ArticleFilterForm(request.POST)
        errors = [str(e) for f in (form, filters) for es in f.errors.values() for e in es]
        if not errors:
            try:
                search = saved_searches.save_search(
                    request.user,
                    form.cleaned_data["name"],
                    filters.as_params(),
                    form.cleaned_data["email_digest"],
                )
            except saved_searches.TooManySearches as refusal:
                errors = [str(refusal)]
            else:
                messages.success(request, f"Saved the search “{search.name}”.")
                return redirect("media:saved_searches")
        messages.error(request, "The search was not saved: " + " ".join(errors))
        return redirect("media:saved_searches")
    searches = [
        {"search": search, "query_string": exports.encode(saved_searches.params_of(search))}
        for search in SavedSearch.objects.filter(owner=request.user)
    ]
    return render(request, "media/saved_searches.html", {"searches": searches})


@staff_required
@require_POST
def saved_search_delete(request, pk: int):
    search = get_object_or_404(SavedSearch, pk=pk, owner=request.user)
    saved_searches.delete_search(request.user, search)
    messages.success(request, f"Deleted the search “{search.name}”.")
    return redirect("media:saved_searches")
