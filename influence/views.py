"""The public "you said, we did" pages: the tracker, each recommendation, each target body."""

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from core.roles import is_staff_member
from influence import services
from influence import tracker as tracker_service
from influence.models import Evidence, Recommendation, Status, TargetBody
from library.models import Resource, ResourceStatus

MAX_MERGE_HOPS = 10


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
    filename = f"recommendations-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _visible(request, recommendation: Recommendation) -> bool:
    return recommendation.is_published or is_staff_member(request.user)


@require_http_methods(["GET", "HEAD"])
def recommendation(request, slug):
    item = get_object_or_404(
        Recommendation.objects.select_related("repeats", "merged_into").prefetch_related(
            "targets",
            "parts",
            "themes",
            "populations",
            "places",
            "networks",
            Prefetch(
                "sources",
                queryset=Resource.objects.filter(status=ResourceStatus.PUBLISHED),
                to_attr="public_sources",
            ),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.filter(
                    resource__status=ResourceStatus.PUBLISHED
                ).select_related("resource"),
                to_attr="public_evidence",
            ),
            Prefetch(
                "repeated_by",
                queryset=Recommendation.objects.filter(is_published=True),
                to_attr="public_repeats",
            ),
            Prefetch(
                "related",
                queryset=Recommendation.objects.filter(is_published=True),
                to_attr="public_related",
            ),
        ),
        slug=slug,
    )
    if item.merged_into_id:
        kept = item.merged_into
        for _hop in range(MAX_MERGE_HOPS):
            if not kept.merged_into_id:
                break
            kept = kept.merged_into
        return redirect(kept.get_absolute_url(), permanent=True)
    if not _visible(request, item):
        raise Http404("No recommendation here.")
    timeline = services.timeline(item)
    current = [entries and _current_of(entries) for _target, entries in timeline]
    context = {
        "recommendation": item,
        "timeline": [
            {"target": target, "entries": entries, "current": now}
            for (target, entries), now in zip(timeline, current, strict=True)
        ],
        "headline": services.most_advanced([c for c in current if c]),
        "earlier": item.repeats if item.repeats and item.repeats.is_published else None,
    }
    return render(request, "influence/recommendation.html", context)


def _current_of(entries):
    uncorrected = [entry for entry in entries if entry.corrected_by_id is None]
    return uncorrected[-1] if uncorrected else None


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
