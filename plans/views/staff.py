"""Staff pages under /plans/staff/: strategy, plan, activities, indicators and reports."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.lib.downloads import attachment
from core.roles import staff_required
from plans.forms import (
    ActivityForm,
    AimForm,
    AnnotationForm,
    IndicatorForm,
    LinkForm,
    ObjectiveForm,
    PlanForm,
    PublishForm,
    ReportedValueForm,
    ReportForm,
    StatusForm,
    StrategyForm,
)
from plans.models import (
    Activity,
    Indicator,
    IndicatorValue,
    Strategy,
)
from plans.services import indicators, links, pages, periods, planning, reports, scope

staff_only = staff_required("Strategy and reporting are run by the alliance's staff.")


@staff_only
def index(request):
    return render(request, "plans/staff/index.html", {
        "strategies": scope.strategies(request.user).select_related("network"),
        "plans": scope.plans(request.user).select_related("network")
        .annotate(activity_count=Count("activities")),
        "surveys": scope.surveys(request.user).select_related("network")
        .annotate(answer_count=Count("responses")),
    })  # fmt: skip


def _form_page(request, form, title, *, back="", intro=""):
    return render(request, "plans/staff/form.html", {
        "form": form, "title": title, "back": back, "intro": intro,
    })  # fmt: skip


@staff_only
def strategy_form(request, pk=None):
    instance = get_object_or_404(scope.strategies(request.user), pk=pk) if pk else None
    form = StrategyForm(
        request.POST or None, instance=instance, networks=scope.networks(request.user)
    )
    if request.method == "POST" and form.is_valid():
        found = form.save(commit=False)
        if not found.slug:
            from core.lib.slugs import unique_slug

            found.slug = unique_slug(
                Strategy.objects.filter(network=found.network), found.title, fallback="strategy"
            )
        found.save()
        messages.success(request, "Strategy saved.")
        return redirect("plans:staff_strategy", pk=found.pk)
    return _form_page(request, form, "Edit strategy" if instance else "New strategy")


@staff_only
def strategy(request, pk):
    found = get_object_or_404(
        scope.strategies(request.user).prefetch_related("aims__objectives"), pk=pk
    )
    return render(request, "plans/staff/strategy.html", {"strategy": found})


@staff_only
def aim_form(request, strategy):
    found = get_object_or_404(scope.strategies(request.user), pk=strategy)
    form = AimForm(request.POST or None, initial={"order": found.aims.count() + 1})
    if request.method == "POST" and form.is_valid():
        aim = form.save(commit=False)
        aim.strategy = found
        aim.save()
        return redirect("plans:staff_strategy", pk=found.pk)
    return _form_page(request, form, f"New aim for {found}")


@staff_only
def objective_form(request, aim):
    found = get_object_or_404(scope.aims(request.user), pk=aim)
    form = ObjectiveForm(request.POST or None, initial={"order": found.objectives.count() + 1})
    if request.method == "POST" and form.is_valid():
        objective = form.save(commit=False)
        objective.aim = found
        objective.save()
        return redirect("plans:staff_strategy", pk=found.strategy_id)
    return _form_page(request, form, f"New objective under “{found}”")


@staff_only
def plan_new(request):
    form = PlanForm(request.POST or None, networks=scope.networks(request.user))
    if request.method == "POST" and form.is_valid():
        found = form.save()
        return redirect("plans:staff_plan", pk=found.pk)
    return _form_page(request, form, "New action plan")


@staff_only
def plan(request, pk):
    found = get_object_or_404(
        scope.plans(request.user).select_related("network", "strategy"), pk=pk
    )
    return render(request, "plans/staff/plan.html", {
        "plan": found,
        "rows": pages.plan_rows(found),
        "indicators": found.indicators.prefetch_related("values"),
        "reports": found.reports.all(),
        "quarters": periods.QUARTER_START_MONTHS.keys(),
        "status_form": StatusForm(),
    })  # fmt: skip


@staff_only
@require_POST
def plan_publish(request, pk):
    found = get_object_or_404(scope.plans(request.user), pk=pk)
    try:
        planning.publish_plan(request.user, found)
        messages.success(request, "Plan published. Changes from now on are kept as versions.")
    except planning.PlanRefused as refused:
        messages.error(request, str(refused))
    return redirect("plans:staff_plan", pk=found.pk)


def _plan(request, pk):
    return get_object_or_404(scope.plans(request.user), pk=pk)


@staff_only
def activity_form(request, plan=None, pk=None):
    reach = scope.activities(request.user).select_related("plan")
    activity = get_object_or_404(reach, pk=pk) if pk else None
    found_plan = activity.plan if activity else _plan(request, plan)
    if activity is None:
        activity = Activity(plan=found_plan, order=found_plan.activities.count() + 1)
    form = ActivityForm(request.POST or None, instance=activity, plan=found_plan)
    if request.method == "POST" and form.is_valid():
        try:
            planning.save_activity(
                request.user, form.save(commit=False),
                change_reason=form.cleaned_data.get("change_reason", ""),
            )  # fmt: skip
            messages.success(request, "Activity saved.")
            return redirect("plans:staff_plan", pk=found_plan.pk)
        except planning.PlanRefused as refused:
            form.add_error(None, str(refused))
    return render(request, "plans/staff/activity.html", {
        "form": form, "activity": activity, "plan": found_plan,
        "links": [links.describe(link) for link in activity.links.all()] if activity.pk else [],
        "link_form": LinkForm(), "changes": activity.changes.all() if activity.pk else [],
    })  # fmt: skip


@staff_only
@require_POST
def activity_status(request, pk):
    activity = get_object_or_404(scope.activities(request.user).select_related("plan"), pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        activity.status = form.cleaned_data["status"]
        activity.status_reason = form.cleaned_data["status_reason"].strip()
        try:
            planning.save_activity(
                request.user, activity,
                change_reason=f"Status: {activity.get_status_display()}"
                + (f" ({activity.status_reason})" if activity.status_reason else ""),
            )  # fmt: skip
            messages.success(
                request, f"“{activity.title}” is now {activity.get_status_display().lower()}."
            )
        except planning.PlanRefused as refused:
            messages.error(request, str(refused))
    else:
        messages.error(request, "Choose one of the statuses listed.")
    return redirect("plans:staff_plan", pk=activity.plan_id)


@staff_only
@require_POST
def activity_link(request, pk):
    activity = get_object_or_404(scope.activities(request.user), pk=pk)
    form = LinkForm(request.POST)
    if form.is_valid():
        links.add(activity, form.cleaned_data["target"])
        messages.success(request, "Link added.")
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("plans:staff_activity", pk=activity.pk)


@staff_only
def indicator_form(request, plan=None, pk=None):
    indicator = get_object_or_404(scope.indicators(request.user), pk=pk) if pk else None
    found_plan = indicator.plan if indicator else _plan(request, plan)
    if indicator is None:
        indicator = Indicator(plan=found_plan, order=found_plan.indicators.count() + 1)
    form = IndicatorForm(request.POST or None, instance=indicator, plan=found_plan)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        return redirect("plans:staff_indicator", pk=saved.pk)
    return _form_page(
        request,
        form,
        "Edit indicator" if indicator.pk else "New indicator",
        intro="A measured indicator is computed from the platform's records by "
        "the named query; a reported one is entered each quarter with evidence.",
    )


@staff_only
def indicator(request, pk):
    found = get_object_or_404(scope.indicators(request.user).select_related("plan__network"), pk=pk)
    stored = {v.quarter: v for v in found.values.all()}
    what, history = indicators.definition(found)
    return render(request, "plans/staff/indicator.html", {
        "indicator": found, "definition": what, "history": history,
        "quarters": [(q, periods.quarter(found.plan.year, q), stored.get(q)) for q in range(1, 5)],
    })  # fmt: skip


def _quarter_or_404(quarter):
    if quarter not in (1, 2, 3, 4):
        from django.http import Http404

        raise Http404("A plan year has quarters 1 to 4.")
    return quarter


@staff_only
def indicator_value(request, pk, quarter):
    found = get_object_or_404(scope.indicators(request.user).select_related("plan"), pk=pk)
    quarter = _quarter_or_404(quarter)
    row = IndicatorValue.objects.filter(indicator=found, quarter=quarter).first()
    value_form = ReportedValueForm(initial={"unit": found.unit, "value": row.value if row else ""})
    note_form = AnnotationForm(initial={"annotation": row.annotation if row else ""})
    if request.method == "POST":
        try:
            if "compute" in request.POST:
                row = indicators.refresh(found, quarter)
                messages.success(
                    request, f"Computed from the records as they stood on {row.as_at:%-d %B %Y}."
                )
            elif "annotation" in request.POST:
                note_form = AnnotationForm(request.POST)
                if note_form.is_valid():
                    if row is None:
                        raise indicators.ValueRefused(
                            "Compute or enter a value before annotating it."
                        )
                    indicators.annotate(request.user, row, note_form.cleaned_data["annotation"])
                    messages.success(request, "Note saved.")
            else:
                value_form = ReportedValueForm(request.POST, request.FILES)
                if value_form.is_valid():
                    data = value_form.cleaned_data
                    indicators.record_reported(
                        request.user, found, quarter, data["value"], data["unit"],
                        indicators.Evidence(data.get("evidence"), data.get("evidence_note", "")),
                    )  # fmt: skip
                    messages.success(request, "Value saved.")
                    return redirect("plans:staff_indicator", pk=found.pk)
                raise indicators.ValueRefused("Check the value and its unit.")
            return redirect("plans:staff_indicator", pk=found.pk)
        except indicators.ValueRefused as refused:
            value_form.add_error(None, str(refused))
    return render(request, "plans/staff/indicator_value.html", {
        "indicator": found, "quarter": quarter, "period": periods.quarter(found.plan.year, quarter),
        "row": row, "value_form": value_form, "note_form": note_form,
    })  # fmt: skip


@staff_only
def evidence(request, pk):
    row = get_object_or_404(scope.indicator_values(request.user), pk=pk)
    if not row.evidence:
        from django.http import Http404

        raise Http404("No evidence file.")
    return attachment(row.evidence, row.evidence_name or "evidence", "application/octet-stream")


@staff_only
@require_POST
def report_draft(request, pk):
    found = get_object_or_404(scope.plans(request.user), pk=pk)
    raw = request.POST.get("quarter", "")
    quarter = None if raw == "annual" else (int(raw) if raw.isdigit() else -1)
    try:
        report = reports.draft(request.user, found, quarter)
    except (periods.QuarterOutsidePlan, reports.ReportRefused) as refused:
        messages.error(request, str(refused))
        return redirect("plans:staff_plan", pk=found.pk)
    messages.success(
        request, "Drafted from the records. Write the summary and learning, then publish."
    )
    return redirect("plans:staff_report", pk=report.pk)


@staff_only
def report(request, pk):
    found = get_object_or_404(scope.reports(request.user).select_related("plan__network"), pk=pk)
    form = ReportForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Report saved.")
        return redirect("plans:staff_report", pk=found.pk)
    return render(request, "plans/staff/report.html", {
        **reports.page_context(found), "form": form,
        "publish_form": PublishForm(initial={"audience": found.audience}),
    })  # fmt: skip


@staff_only
@require_POST
def report_publish(request, pk):
    found = get_object_or_404(scope.reports(request.user), pk=pk)
    form = PublishForm(request.POST)
    try:
        if "unpublish" in request.POST:
            reports.unpublish(request.user, found)
            messages.success(request, "Taken down: it is a draft again.")
        elif not form.is_valid():
            raise reports.ReportRefused("Choose who may read it: members or everyone.")
        else:
            reports.publish(request.user, found, form.cleaned_data["audience"])
            if request.POST.get("library") and found.is_annual:
                reports.publish_to_library(request.user, found)
            messages.success(request, "Published.")
    except reports.ReportRefused as refused:
        messages.error(request, str(refused))
    return redirect("plans:staff_report", pk=found.pk)
