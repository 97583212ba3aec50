"""The public tracker: published recommendations with filters, and the same list as CSV."""

from django.conf import settings
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from core.lib.downloads import as_attachment
from influence.services import tracker as tracker_search
from influence.services import tracker_export


@require_http_methods(["GET", "HEAD"])
def tracker(request):
    result = tracker_search.search_tracker(request.GET)
    context = {
        "result": result,
        "sorts": {key: label for key, (_fields, label) in tracker_search.SORTS.items()},
    }
    # htmx swaps only the results and facets; a plain request gets the whole page.
    template = "influence/tracker_body.html" if request.htmx else "influence/tracker.html"
    return render(request, template, context)


@require_http_methods(["GET", "HEAD"])
def export_csv(request):
    """The filtered tracker as CSV: every matching recommendation, not just one page."""
    query, _choices = tracker_search.parse(request.GET)
    response = StreamingHttpResponse(
        tracker_export.export_lines(query, settings.SITE_URL.rstrip("/")),
        content_type="text/csv; charset=utf-8",
    )
    return as_attachment(response, f"recommendations-{timezone.localdate().isoformat()}.csv")
