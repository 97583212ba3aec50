"""Is an outlet still being monitored properly? Articles per day over the last 90 days,
its feeds' last successful fetch and last error, and its recent ingest problems.

A sudden drop in articles per day usually means a feed moved or broke, not that the
outlet stopped reporting: staff see it here before the dashboard's figures mislead anyone.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, DateField
from django.db.models.functions import TruncDate
from django.utils import timezone

from core.lib.charts import Series, grouped_bar_chart
from media.dashboard import cell
from media.models import Feed, IngestProblem, Outlet

HEALTH_DAYS = 90
WEEK = 7
RECENT_PROBLEMS = 5


@dataclass
class OutletHealth:
    days: int
    articles: int
    per_day: dict[datetime.date, int]
    feeds: list[Feed]
    last_success_at: datetime.datetime | None
    last_error: str
    last_error_at: datetime.datetime | None
    problems: list[IngestProblem]
    chart: dict

    @property
    def articles_per_day(self) -> float:
        return round(self.articles / self.days, 1)

    @property
    def quiet_days(self) -> int:
        """Days with no article at all: a run of them often means a broken feed."""
        return sum(1 for count in self.per_day.values() if count == 0)

    @property
    def feeds_backing_off(self) -> list[Feed]:
        now = timezone.now()
        return [f for f in self.feeds if f.next_fetch_after and f.next_fetch_after > now]


def _per_day(outlet: Outlet, first_day: datetime.date, today: datetime.date) -> dict:
    start = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time()))
    counts = dict(
        outlet.articles.filter(published_at__gte=start)
        .annotate(day=TruncDate("published_at", output_field=DateField()))
        .values_list("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    days = (today - first_day).days + 1
    return {first_day + datetime.timedelta(days=i): 0 for i in range(days)} | {
        day: n for day, n in counts.items() if first_day <= day <= today
    }


def _weekly_chart(outlet: Outlet, per_day: dict[datetime.date, int]) -> dict:
    days = sorted(per_day)
    weeks = [days[i : i + WEEK] for i in range(len(days) % WEEK, len(days), WEEK)]
    labels = [f"w/c {week[0]:%-d %b}" for week in weeks]
    averages = {
        label: {"per_day": round(sum(per_day[d] for d in week) / len(week), 1)}
        for label, week in zip(labels, weeks, strict=True)
    }
    title = f"{outlet.name}: articles per day, week by week, last {len(weeks)} weeks"
    svg = grouped_bar_chart(
        chart_id="outlet-health",
        title=title,
        summary="Average articles published per day in each week (week commencing).",
        categories=labels,
        series=[Series("per_day", "Articles per day")],
        values=averages,
    )
    return {
        "id": "outlet-health",
        "title": title,
        "svg": svg,
        "columns": ["Week commencing", "Articles per day", "Articles"],
        "rows": [
            {
                "label": label,
                "cells": [cell(averages[label]["per_day"]), cell(sum(per_day[d] for d in week))],
                "url": "",
            }
            for label, week in zip(labels, weeks, strict=True)
        ],
    }


def outlet_health(outlet: Outlet, days: int = HEALTH_DAYS) -> OutletHealth:
    today = timezone.localdate()
    first_day = today - datetime.timedelta(days=days - 1)
    per_day = _per_day(outlet, first_day, today)
    feeds = list(outlet.feeds.order_by("url"))
    successes = [f.last_success_at for f in feeds if f.last_success_at]
    failing = sorted(
        (f for f in feeds if f.last_error), key=lambda f: f.last_fetched_at or timezone.now()
    )
    return OutletHealth(
        days=days,
        articles=sum(per_day.values()),
        per_day=per_day,
        feeds=feeds,
        last_success_at=max(successes, default=None),
        last_error=failing[-1].last_error if failing else "",
        last_error_at=failing[-1].last_fetched_at if failing else None,
        problems=list(
            IngestProblem.objects.filter(outlet=outlet).order_by("-created_at")[:RECENT_PROBLEMS]
        ),
        chart=_weekly_chart(outlet, per_day),
    )
