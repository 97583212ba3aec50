"""The staff dashboard's figures: status over time as a chart and its table, recommendations
with no update for a year, follow-ups due, recent changes and drafts."""

import datetime
from collections import Counter

from django.db.models import Max, Q
from django.utils import timezone

from core.lib.charts import Series, pattern_names, stacked_bar_chart
from influence.models import InfluenceActivity, Recommendation, Status, StatusChange

STALE_AFTER_DAYS = 365
FOLLOW_UP_DAYS = 60
RECENT = 20
STALE_SHOWN = 50
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


def staff_dashboard(by: str) -> dict:
    """Everything the dashboard shows as of today, its chart by "year" or "quarter"."""
    today = timezone.localdate()
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
    return {
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
    }
