"""The public "you said, we did" pages: the tracker, each recommendation, each target body."""

import os

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from core.lib.downloads import as_attachment, attachment
from core.roles import is_staff_member
from influence import recommendation_page, services
from influence import tracker as tracker_service
from influence.models import Recommendation, Status, StatusChange, TargetBody

MAX_MERGE_HOPS = 10
# Evidence is served as what its bytes were judged to be on upload (influence/forms.py);
# anything else, older uploads included, as bytes to save, never as a page on our domain.
EVIDENCE_CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".txt": "text/plain; charset=utf-8",
}


@require_http_methods(["GET", "HEAD"])
def tracker(request):
    result = tracker_service.search_tracker(request.GET)
    context = {
        "result": result,
        "sorts": {key: label for key, (_fields, label) in tracker_service.SORTS.items()},
    }
    # htmx swaps only the results and facets; a plain request gets the whole page.
    template = "influence/tracker_body.html" if request.htmx else "influence/tracker.html"
    return render(request, template, context)


@require_http_methods(["GET", "HEAD"])
def export_csv(request):
    """The filtered tracker as CSV: every matching recommendation, not just one page."""
    query, _choices = tracker_service.parse(request.GET)
    response = StreamingHttpResponse(
        tracker_service.export_lines(query, settings.SITE_URL.rstrip("/")),
        content_type="text/csv; charset=utf-8",
    )
    return as_attachment(response, f"recommendations-{timezone.localdate().isoformat()}.csv")


def _visible(request, recommendation: Recommendation) -> bool:
    return recommendation.is_published or is_staff_member(request.user)


@require_http_methods(["GET", "HEAD"])
def recommendation(request, slug):
    item = get_object_or_404(Recommendation, slug=slug)
    if item.merged_into_id:
        return redirect(_kept(item).get_absolute_url(), permanent=True)
    if not _visible(request, item):
        raise Http404("No recommendation here.")
    return render(
        request, "influence/recommendation.html", {"page": recommendation_page.load(item)}
    )


def _kept(merged: Recommendation) -> Recommendation:
    """The recommendation a merged one now lives on (merges can chain, a few hops at most)."""
    kept = merged.merged_into
    for _hop in range(MAX_MERGE_HOPS):
        if not kept.merged_into_id:
            break
        kept = kept.merged_into
    return kept


@require_http_methods(["GET", "HEAD"])
def evidence_document(request, slug, pk):
    """The document uploaded as evidence for one timeline entry, as a download.

    Visitors get it when they can see the entry on the public page: the recommendation is
    published and the entry has not been corrected (a correction may have been made because
    the wrong letter was attached). Staff get every one, as on their own timeline.
    """
    change = get_object_or_404(
        StatusChange.objects.select_related("recommendation"), pk=pk, recommendation__slug=slug
    )
    shown = change.recommendation.is_published and change.corrected_by_id is None
    if not change.evidence_file or not (shown or is_staff_member(request.user)):
        raise Http404("No document here.")
    filename = os.path.basename(change.evidence_file.name)
    extension = os.path.splitext(filename)[1].lower()
    content_type = EVIDENCE_CONTENT_TYPES.get(extension, "application/octet-stream")
    return attachment(change.evidence_file, filename, content_type)


@require_http_methods(["GET", "HEAD"])
def targets(request):
    bodies = TargetBody.objects.annotate(
        asked=Count(
            "recommendations",
            filter=Q(recommendations__is_published=True, recommendations__merged_into__isnull=True),
        )
    )
    groups: dict[str, list] = {}
    for body in bodies:
        groups.setdefault(body.get_kind_display(), []).append(body)
    return render(request, "influence/targets.html", {"groups": sorted(groups.items())})


@require_http_methods(["GET", "HEAD"])
def target(request, slug):
    body = get_object_or_404(TargetBody, slug=slug)
    asked = list(
        tracker_service.published()
        .filter(targets=body)
        .prefetch_related("parts", "themes")
        .order_by("-first_made_on", "title")
    )
    current = {
        change.recommendation_id: change
        for change in services.current_changes()
        .filter(target=body, recommendation__in=[r.pk for r in asked])
        .select_related("target")
    }
    rows = [{"recommendation": r, "current": current.get(r.pk)} for r in asked]
    by_status = dict.fromkeys(Status.values, 0)
    for change in current.values():
        by_status[change.status] += 1
    context = {
        "target": body,
        "rows": rows,
        "by_status": [
            (label, by_status[value], value) for value, label in Status.choices if by_status[value]
        ],
        "no_status": sum(1 for row in rows if row["current"] is None),
        "median_days": services.median_response_days(body),
    }
    return render(request, "influence/target.html", context)
