"""The published Equality Impact Reports: page, CSV and PDF, all from the frozen figures."""

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from core.lib.downloads import as_attachment
from core.lib.pdf import html_to_pdf
from core.lib.spreadsheets import escape_cell, line_writer
from core.lib.suppression import RULE_STATEMENT
from equality.models import PublishedReport
from equality.services import monitoring, reports


def index(request):
    return render(request, "equality/index.html", {
        "reports": PublishedReport.objects.all(),
        "rule": RULE_STATEMENT,
        "answered": len(monitoring.own_answers(request.user)),
    })  # fmt: skip


def report(request, year):
    published = get_object_or_404(PublishedReport, year=year)
    context = reports.report_context(published.figures, year)
    return render(request, "equality/report.html", {**context, "report": published})


def report_csv(request, year):
    published = get_object_or_404(PublishedReport, year=year)
    writer = line_writer()
    lines = (
        writer.writerow([escape_cell(str(cell)) for cell in row])
        for row in reports.csv_rows(published)
    )
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    return as_attachment(response, f"equality-impact-report-{year}.csv")


def report_pdf(request, year):
    published = get_object_or_404(PublishedReport, year=year)
    context = {**reports.report_context(published.figures, year), "report": published}
    pdf = html_to_pdf(render_to_string("equality/report_pdf.html", context, request=request))
    return as_attachment(
        HttpResponse(pdf, content_type="application/pdf"), f"equality-impact-report-{year}.pdf"
    )
