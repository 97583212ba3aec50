"""Pages under /model/: thin views over systemmodel.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.lib.downloads import as_attachment
from core.lib.spreadsheets import escape_cell, line_writer
from core.roles import is_staff_member, staff_required
from systemmodel.engine.levers import DEFAULTS
from systemmodel.engine.outputs import HEADLINE_BY_NAME
from systemmodel.forms import CompareForm, LeverForm, PublishForm, SaveScenarioForm
from systemmodel.models import Scenario
from systemmodel.services import comparing, explaining, presenting
from systemmodel.services.running import DEFAULT_SEED, baseline_summary, run_summary
from systemmodel.services.scenarios import save_scenario, set_publication, visible_scenarios


def _levers_from(request) -> tuple[LeverForm, dict | None]:
    """The lever form bound to the query string (unbound when it has none) and the valid
    levers, or None when the form has errors (then the page shows today's practice)."""
    if not request.GET:
        return LeverForm(), dict(DEFAULTS)
    # Levers missing from the address keep today's value (and show it in the form).
    data = {name: f"{value:g}" for name, value in DEFAULTS.items()}
    data.update(request.GET.items())
    form = LeverForm(data)
    return form, form.levers() if form.is_valid() else None


def _results_context(levers: dict, seed: int = DEFAULT_SEED) -> dict:
    summary = run_summary(levers, seed=seed)
    baseline = baseline_summary(seed=seed)
    return {"results": presenting.headline_results(summary, baseline), "summary": summary}


@require_GET
def scenario_page(request):
    form, levers = _levers_from(request)
    context = {"form": form, "save_form": SaveScenarioForm(), "query": request.GET.urlencode()}
    if levers is not None and set(request.GET) <= set(DEFAULTS):
        # Valid levers and nothing else in the address: the results block is the same for
        # everyone who asks, so it comes rendered from the cache.
        context["results_html"] = presenting.rendered_results(
            levers, query=context["query"], seed=DEFAULT_SEED
        )
        if request.htmx:
            return HttpResponse(context["results_html"])
    else:
        context.update(_results_context(levers if levers is not None else {}))
        context["showing_baseline"] = levers is None
        if request.htmx:
            return render(request, "systemmodel/_results.html", context)
    return render(request, "systemmodel/scenario_page.html", context)


@require_GET
def results_csv(request, name: str):
    if name not in HEADLINE_BY_NAME:
        raise Http404
    form, levers = _levers_from(request)
    if levers is None:
        return HttpResponse(
            "The levers are not valid: " + form.errors.as_text(),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return _csv(run_summary(levers), name, f"model-{name}.csv")


def _csv(summary, name: str, filename: str):
    writer = line_writer()
    rows = presenting.csv_rows(summary, baseline_summary(seed=summary.seed), name)
    response = StreamingHttpResponse(
        (writer.writerow([escape_cell(str(cell)) for cell in row]) for row in rows),
        content_type="text/csv; charset=utf-8",
    )
    return as_attachment(response, filename)


@login_required
@require_POST
def save(request):
    lever_form = LeverForm(request.POST)
    save_form = SaveScenarioForm(request.POST)
    if lever_form.is_valid() and save_form.is_valid():
        scenario = save_scenario(
            user=request.user,
            title=save_form.cleaned_data["title"],
            description=save_form.cleaned_data["description"],
            levers=lever_form.levers(),
        )
        messages.success(request, "Scenario saved. Its address will not change.")
        return redirect(scenario)
    context = {"form": lever_form, "save_form": save_form, "query": ""}
    context.update(_results_context({}))
    context["showing_baseline"] = True
    return render(request, "systemmodel/scenario_page.html", context, status=400)


def _visible_or_404(request, slug: str) -> Scenario:
    scenario = get_object_or_404(Scenario, slug=slug)
    if not scenario.visible_to(request.user):
        raise Http404
    return scenario


@require_GET
def scenario(request, slug: str):
    scenario = _visible_or_404(request, slug)
    context = {"scenario": scenario, "form": LeverForm(initial_levers=scenario.all_levers)}
    context.update(_results_context(scenario.all_levers, seed=scenario.seed))
    context["query"] = "&".join(f"{k}={v:g}" for k, v in scenario.all_levers.items())
    context["can_publish"] = is_staff_member(request.user)
    return render(request, "systemmodel/scenario.html", context)


@require_GET
def scenario_csv(request, slug: str, name: str):
    scenario = _visible_or_404(request, slug)
    if name not in HEADLINE_BY_NAME:
        raise Http404
    summary = run_summary(scenario.all_levers, seed=scenario.seed)
    return _csv(summary, name, f"{scenario.slug}-{name}.csv")


@require_GET
def scenarios(request):
    listed = visible_scenarios(request.user).prefetch_related("recommendations")
    form = CompareForm(scenarios=listed)
    return render(request, "systemmodel/scenarios.html", {"scenarios": listed, "form": form})


@require_GET
def compare(request):
    listed = visible_scenarios(request.user)
    form = CompareForm(request.GET or None, scenarios=listed)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        chosen = [listed.get(slug=slug) for slug in form.cleaned_data["s"]]
        context["comparison"] = comparing.compare(chosen)
    return render(request, "systemmodel/compare.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@staff_required("Only the alliance's staff can publish scenarios.")
def publish(request, slug: str):
    scenario = get_object_or_404(Scenario, slug=slug)
    form = PublishForm(request.POST or None, instance=scenario)
    if request.method == "POST" and form.is_valid():
        set_publication(
            scenario,
            by=request.user,
            is_published=form.cleaned_data["is_published"],
            recommendations=form.cleaned_data["recommendations"],
        )
        messages.success(request, "Publication saved.")
        return redirect(scenario)
    return render(request, "systemmodel/publish.html", {"scenario": scenario, "form": form})


@require_GET
def how_it_works(request):
    return render(request, "systemmodel/how_it_works.html", explaining.page_context())
