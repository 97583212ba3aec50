"""The staff side of the recommendation tracker: editing, timelines, merging, the influence
log and the dashboard. The rules themselves live in influence/services.py; these views
collect input, call a service, and show its refusals beside the field they concern.
"""

import datetime
from collections import Counter

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Max, Q
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core import audit, roles
from core.lib.charts import Series, pattern_names, stacked_bar_chart
from core.lib.uploads import declared_too_large
from influence import services
from influence.forms import (
    ActivityForm,
    CorrectionForm,
    EvidenceFormSet,
    LogFilterForm,
    MergeForm,
    RecommendationForm,
    RepeatForm,
    StatusChangeForm,
)
from influence.models import InfluenceActivity, Recommendation, Status, StatusChange

STALE_AFTER_DAYS = 365
FOLLOW_UP_DAYS = 60
RECENT = 20
STALE_SHOWN = 50
LOG_PAGE_SIZE = 50


# Staff and admins only: anonymous people sign in first, everyone else gets a 403.
staff_required = roles.staff_required("Only the alliance's staff can change recommendations.")


def _status_code(*forms) -> int:
    return 400 if any(f.is_bound and not f.is_valid() for f in forms) else 200


def _add_service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal beside the field it names (or above the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            name = field if field in form.fields else None
            for item in errors:
                form.add_error(name, item.messages[0] if hasattr(item, "messages") else item)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _too_large_message() -> str:
    return (
        f"The file is too large; the largest file you can upload is "
        f"{filesizeformat(settings.MAX_UPLOAD_BYTES)}. Nothing was saved."
    )


def _posted(request):
    """The POST data of a POST (even an empty one, so it is validated), else None."""
    return request.POST if request.method == "POST" else None


def _files(request):
    return request.FILES if request.method == "POST" else None


def _live_recommendation(slug) -> Recommendation:
    return get_object_or_404(Recommendation, slug=slug)


# --- Creating and editing ------------------------------------------------------------------


def _save_evidence(actor, formset) -> None:
    befores = {
        form.instance.pk: audit.snapshot(form.instance)
        for form in formset.initial_forms
        if form.instance.pk
    }
    for evidence in formset.save():
        audit.record_change(actor, evidence, befores.get(evidence.pk, {}))


def _recommendation_form_page(request, recommendation: Recommendation | None):
    form = RecommendationForm(_posted(request), instance=recommendation)
    formset = EvidenceFormSet(
        _posted(request), instance=recommendation or Recommendation(), prefix="evidence"
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            saved = services.save_recommendation(request.user, form)
            formset.instance = saved
            _save_evidence(request.user, formset)
        verb = "saved" if recommendation else "added as a draft"
        messages.success(request, f"“{saved.title}” was {verb}.")
        if request.POST.get("then") == "publish":
            return _publish(request, saved)
        return redirect("influence:staff_edit", slug=saved.slug)
    context = {
        "form": form,
        "formset": formset,
        "recommendation": recommendation,
        "title": f"Edit “{recommendation.title}”" if recommendation else "New recommendation",
    }
    if recommendation is not None:
        context.update(
            timeline=services.timeline(recommendation),
            publish_problems=services.publish_problems(recommendation),
        )
    return render(
        request,
        "influence/staff_recommendation_form.html",
        context,
        status=_status_code(form, formset),
    )


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def recommendation_create(request):
    return _recommendation_form_page(request, None)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def recommendation_edit(request, slug):
    recommendation = _live_recommendation(slug)
    if recommendation.merged_into_id:
        messages.info(
            request,
            f"“{recommendation.title}” was merged into this recommendation; edit this one.",
        )
        return redirect("influence:staff_edit", slug=recommendation.merged_into.slug)
    return _recommendation_form_page(request, recommendation)


def _publish(request, recommendation):
    try:
        services.publish(request.user, recommendation)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"Not published: {message}")
    else:
        messages.success(request, f"“{recommendation.title}” is now public.")
    return redirect("influence:staff_edit", slug=recommendation.slug)


@staff_required
@require_POST
def recommendation_publish(request, slug):
    recommendation = _live_recommendation(slug)
    if request.POST.get("action") == "unpublish":
        services.unpublish(request.user, recommendation)
        messages.success(request, f"“{recommendation.title}” is no longer public.")
        return redirect("influence:staff_edit", slug=recommendation.slug)
    return _publish(request, recommendation)


# --- The timeline --------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def status_new(request, slug):
    recommendation = _live_recommendation(slug)
    context = {"recommendation": recommendation}
    if request.method == "POST" and declared_too_large(request):
        form = StatusChangeForm(recommendation=recommendation)
        return render(
            request,
            "influence/staff_status_form.html",
            {**context, "form": form, "upload_error": _too_large_message()},
            status=413,
        )
    form = StatusChangeForm(_posted(request), _files(request), recommendation=recommendation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = services.record_status_change(
                request.user,
                recommendation,
                data["target"],
                data["status"],
                data["happened_on"],
                note=data["note"],
                evidence_url=data["evidence_url"],
                evidence_file=data["evidence_file"] or None,
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Recorded: {change.get_status_display()} with {change.target}, "
                f"{change.happened_on:%-d %B %Y}.",
            )
            return redirect(reverse("influence:staff_edit", args=[slug]) + "#timeline")
    context.update(form=form, timeline=services.timeline(recommendation))
    return render(request, "influence/staff_status_form.html", context, status=_status_code(form))


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def status_correct(request, slug, pk):
    recommendation = _live_recommendation(slug)
    entry = get_object_or_404(
        StatusChange.objects.select_related("target", "corrected_by"),
        pk=pk,
        recommendation=recommendation,
    )
    context = {"recommendation": recommendation, "entry": entry}
    if request.method == "POST" and declared_too_large(request):
        return render(
            request,
            "influence/staff_correct_form.html",
            {
                **context,
                "form": CorrectionForm.for_entry(entry),
                "upload_error": _too_large_message(),
            },
            status=413,
        )
    form = CorrectionForm.for_entry(entry, _posted(request), _files(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {
            "status": data["status"],
            "happened_on": data["happened_on"],
            "note": data["note"],
            "evidence_url": data["evidence_url"],
        }
        if data["evidence_file"]:
            values["evidence_file"] = data["evidence_file"]
        try:
            services.correct_status_change(request.user, entry, **values)
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(
                request, "The entry was corrected; the old entry is kept, marked as corrected."
            )
            return redirect(reverse("influence:staff_edit", args=[slug]) + "#timeline")
    return render(
        request,
        "influence/staff_correct_form.html",
        {**context, "form": form},
        status=_status_code(form),
    )


# --- Duplicates and repeats ----------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def merge(request, slug):
    duplicate = _live_recommendation(slug)
    if duplicate.merged_into_id:
        messages.info(request, "This recommendation has already been merged.")
        return redirect("influence:staff_edit", slug=duplicate.merged_into.slug)
    form = MergeForm(_posted(request), recommendation=duplicate)
    context = {"recommendation": duplicate, "form": form}
    if request.method == "POST" and form.is_valid():
        keep = form.cleaned_data["into"]
        if request.POST.get("confirm") != "yes":
            context.update(
                keep=keep,
                moving={
                    "entries": duplicate.status_changes.count(),
                    "evidence": duplicate.evidence.count(),
                    "activities": duplicate.activities.count(),
                },
            )
            return render(request, "influence/staff_merge_confirm.html", context)
        try:
            services.merge_recommendations(request.user, keep, duplicate)
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"“{duplicate.title}” was merged into this recommendation. Its timeline, "
                "evidence and activities are here now, and its page redirects here.",
            )
            return redirect("influence:staff_edit", slug=keep.slug)
    return render(request, "influence/staff_merge.html", context, status=_status_code(form))


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def repeats(request, slug):
    recommendation = _live_recommendation(slug)
    if request.method == "POST" and request.POST.get("action") == "remove":
        services.link_repeat(request.user, recommendation, None)
        messages.success(request, "It is no longer marked as a repeat.")
        return redirect("influence:staff_edit", slug=slug)
    initial = {"earlier": recommendation.repeats.slug} if recommendation.repeats_id else None
    form = RepeatForm(_posted(request), initial=initial, recommendation=recommendation)
    if request.method == "POST" and form.is_valid():
        earlier = form.cleaned_data["earlier"]
        try:
            services.link_repeat(request.user, recommendation, earlier)
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(request, f"Marked as repeating “{earlier.title}”.")
            return redirect("influence:staff_edit", slug=slug)
    return render(
        request,
        "influence/staff_repeat.html",
        {"recommendation": recommendation, "form": form},
        status=_status_code(form),
    )


# --- The influence log ---------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def log(request):
    years = sorted(
        {
            year
            for year in InfluenceActivity.objects.annotate(year=ExtractYear("happened_on"))
            .values_list("year", flat=True)
            .distinct()
            if year
        },
        reverse=True,
    )
    filters = LogFilterForm(request.GET or None, years=years)
    activities = InfluenceActivity.objects.select_related("recorded_by").prefetch_related(
        "recommendations", "targets", "organisations"
    )
    if filters.is_valid():
        data = filters.cleaned_data
        if data.get("kind"):
            activities = activities.filter(kind=data["kind"])
        if data.get("target"):
            activities = activities.filter(targets=data["target"])
        if data.get("year"):
            activities = activities.filter(happened_on__year=data["year"])
    page = Paginator(activities.order_by("-happened_on", "-pk"), LOG_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "influence/staff_log.html",
        {"filters": filters, "page": page, "query": query.urlencode()},
        status=200 if filters.is_valid() or not filters.is_bound else 400,
    )


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def log_new(request):
    initial = {"happened_on": timezone.localdate()}
    slug = request.GET.get("recommendation")
    if slug:
        initial["recommendations"] = list(
            Recommendation.objects.filter(slug=slug).values_list("pk", flat=True)
        )
    form = ActivityForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        activity = services.save_activity(request.user, form)
        messages.success(request, f"“{activity.title}” was added to the influence log.")
        return redirect("influence:staff_log")
    return render(
        request, "influence/staff_activity_form.html", {"form": form}, status=_status_code(form)
    )


# --- The dashboard -------------------------------------------------------------------------

STATUS_SERIES = [Series(value, label) for value, label in Status.choices]


def period_ends(today: datetime.date, by: str, first: datetime.date | None):
    """[(label, last day)] oldest first: the last 12 quarters, or every year since the
    first entry (at most 12); the current period ends today."""
    periods = []
    if by == "quarter":
        year, quarter = today.year, (today.month - 1) // 3 + 1
        for _ in range(12):
            end_month = quarter * 3
            last_day = (
                datetime.date(year, 12, 31)
                if end_month == 12
                else datetime.date(year, end_month + 1, 1) - datetime.timedelta(days=1)
            )
            periods.append((f"Q{quarter} {year}", min(last_day, today)))
            quarter -= 1
            if quarter == 0:
                year, quarter = year - 1, 4
        return periods[::-1]
    start = max((first or today).year, today.year - 11)
    return [
        (str(year), min(datetime.date(year, 12, 31), today))
        for year in range(start, today.year + 1)
    ]


def status_counts_as_at(ends: list[datetime.date]) -> list[Counter]:
    """For each date (ascending): how many recommendation–target pairs had each status on
    that day. Status as at a date = the latest uncorrected entry on or before it. One query:
    the timeline is read once, oldest first, and swept past each date in turn."""
    rows = (
        StatusChange.objects.filter(corrected_by__isnull=True, recommendation__merged_into=None)
        .order_by("happened_on", "recorded_at", "pk")
        .values_list("recommendation_id", "target_id", "status", "happened_on")
        .iterator(chunk_size=5000)
    )
    current: dict[tuple[int, int], str] = {}
    results: list[Counter] = []
    pending = next(rows, None)
    for end in ends:
        while pending is not None and pending[3] <= end:
            current[(pending[0], pending[1])] = pending[2]
            pending = next(rows, None)
        results.append(Counter(current.values()))
    return results


def status_chart(by: str, today: datetime.date) -> dict:
    first = (
        StatusChange.objects.filter(corrected_by__isnull=True)
        .order_by("happened_on")
        .values_list("happened_on", flat=True)
        .first()
    )
    periods = period_ends(today, by, first)
    counts = status_counts_as_at([end for _label, end in periods])
    labels = [label for label, _end in periods]
    values = {label: dict(count) for label, count in zip(labels, counts, strict=True)}
    last = counts[-1] if counts else Counter()
    noun = "quarter" if by == "quarter" else "year"
    busiest = ", ".join(
        f"{Status(status).label.lower()} {number}" for status, number in last.most_common(3)
    )
    summary = (
        f"Stacked bars, one per {noun} from {labels[0]} to {labels[-1]}: how many "
        f"recommendation–target pairs had each status at the end of the {noun}. "
        f"Now {sum(last.values())} pairs"
        + (f"; the most common statuses are {busiest}." if busiest else ".")
        + " The same numbers are in the table that follows."
    )
    svg = stacked_bar_chart(
        chart_id="status-chart",
        title=f"Recommendations by status at the end of each {noun}",
        summary=summary,
        categories=labels,
        series=STATUS_SERIES,
        values=values,
    )
    table = [
        (label, [count.get(s.key, 0) for s in STATUS_SERIES], sum(count.values()))
        for label, count in zip(labels, counts, strict=True)
    ]
    patterns = pattern_names(STATUS_SERIES)
    return {
        "svg": svg,
        "table": table,
        "series": [(s, patterns[s.key]) for s in STATUS_SERIES],
        "by": by,
        "noun": noun,
    }


def stale_recommendations(today: datetime.date):
    """Recommendations with no timeline entry for over a year (or none since first made
    over a year ago): (how many, the longest-waiting STALE_SHOWN)."""
    cutoff = today - datetime.timedelta(days=STALE_AFTER_DAYS)
    stale = (
        Recommendation.objects.filter(merged_into=None)
        .annotate(
            last_update=Max(
                "status_changes__happened_on",
                filter=Q(status_changes__corrected_by__isnull=True),
            )
        )
        .filter(Q(last_update__lt=cutoff) | Q(last_update__isnull=True, first_made_on__lt=cutoff))
        .only("title", "slug", "first_made_on", "is_published")
        .order_by("last_update", "first_made_on", "pk")
    )
    return stale.count(), list(stale[:STALE_SHOWN])


def follow_ups(today: datetime.date):
    due = list(
        Recommendation.objects.filter(
            merged_into=None,
            follow_up_on__lte=today + datetime.timedelta(days=FOLLOW_UP_DAYS),
        )
        .only("title", "slug", "follow_up_on", "follow_up_note")
        .order_by("follow_up_on", "pk")[:200]
    )
    overdue = [r for r in due if r.follow_up_on < today]
    upcoming = [r for r in due if r.follow_up_on >= today]
    return overdue, upcoming


@staff_required
@require_http_methods(["GET", "HEAD"])
def dashboard(request):
    today = timezone.localdate()
    by = "quarter" if request.GET.get("by") == "quarter" else "year"
    stale_count, stale = stale_recommendations(today)
    overdue, upcoming = follow_ups(today)
    recent_changes = StatusChange.objects.select_related(
        "recommendation", "target", "recorded_by"
    ).order_by("-recorded_at", "-pk")[:RECENT]
    recent_activities = InfluenceActivity.objects.select_related("recorded_by").order_by(
        "-happened_on", "-pk"
    )[:RECENT]
    drafts = (
        Recommendation.objects.filter(is_published=False, merged_into=None)
        .only("title", "slug", "updated_at")
        .order_by("-updated_at")[:RECENT]
    )
    return render(
        request,
        "influence/staff_dashboard.html",
        {
            "chart": status_chart(by, today),
            "stale_count": stale_count,
            "stale": stale,
            "stale_days": STALE_AFTER_DAYS,
            "overdue": overdue,
            "upcoming": upcoming,
            "follow_up_days": FOLLOW_UP_DAYS,
            "recent_changes": recent_changes,
            "recent_activities": recent_activities,
            "drafts": drafts,
            "today": today,
        },
    )
