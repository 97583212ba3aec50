"""The public front door: strategies, the current plan, published updates and reports."""

import csv

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from core.lib.downloads import as_attachment
from core.lib.pdf import html_to_pdf
from core.lib.spreadsheets import escape_cell
from members.models import Network
from plans.models import ActionPlan, PlanStatus, Report
from plans.services import pages, reports


def index(request):
    return render(request, "plans/index.html", {
        "networks": pages.front_door(request.user),
        "equality": pages.equality_reports(),
    })  # fmt: skip


def strategy(request, network):
    network = get_object_or_404(Network, slug=network)
    found = network.strategies.prefetch_related("aims__objectives").first()
    if found is None:
        raise Http404("This network has no strategy yet.")
    return render(request, "plans/strategy.html", {
        "network": network, "strategy": found, "plans": pages.published_plans(network),
    })  # fmt: skip


def _published_plan(network, year):
    return get_object_or_404(
        ActionPlan.objects.select_related("network", "strategy"),
        network__slug=network, year=year, status=PlanStatus.PUBLISHED,
    )  # fmt: skip


def plan(request, network, year):
    found = _published_plan(network, year)
    return render(request, "plans/plan.html", {
        "plan": found, "rows": pages.plan_rows(found),
        "status_counts": pages.status_counts(found),
        "versions": found.versions.all(),
    })  # fmt: skip


def plan_csv(request, network, year):
    found = _published_plan(network, year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv.writer(response)
    writer.writerow(["Aim", "Objective", "Activity", "Owner", "Quarters", "Status", "Reason"])
    for row in pages.plan_rows(found):
        a = row["activity"]
        writer.writerow([escape_cell(v) for v in (
            str(a.objective.aim) if a.objective else "", str(a.objective or ""), a.title,
            a.owner, a.quarters_label, a.get_status_display(), a.status_reason,
        )])  # fmt: skip
    return as_attachment(response, f"{found.network.slug}-plan-{found.year}.csv")


def _readable_report(request, pk) -> Report:
    found = get_object_or_404(Report.objects.select_related("plan__network"), pk=pk)
    if not found.is_published:
        raise Http404("No such report.")
    if not reports.readable_by(request.user).filter(pk=pk).exists():
        return None
    return found


def report(request, pk):
    found = _readable_report(request, pk)
    if found is None:
        return redirect_to_login(request.get_full_path())
    return render(request, "plans/report.html", reports.page_context(found))


def report_csv(request, pk):
    found = _readable_report(request, pk)
    if found is None:
        return redirect_to_login(request.get_full_path())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    writer = csv.writer(response)
    writer.writerow(["Indicator", "Unit", "Baseline", "Target", "Q1", "Q2", "Q3", "Q4",
                     "Progress", "Definition"])  # fmt: skip
    for row in found.content.get("indicators", []):
        writer.writerow([escape_cell(str(v)) if v is not None else "" for v in (
            row["title"], row["unit_label"], row["baseline"], row["target"],
            *(row["values"].get(str(q)) for q in range(1, 5)), row["progress"],
            row["definition"],
        )])  # fmt: skip
    return as_attachment(response, f"plans-report-{found.pk}.csv")


def report_pdf(request, pk):
    found = _readable_report(request, pk)
    if found is None:
        return redirect_to_login(request.get_full_path())
    html = render_to_string("plans/report_pdf.html", reports.page_context(found), request)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    return as_attachment(response, f"plans-report-{found.pk}.pdf")
