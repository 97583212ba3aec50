"""The month view: weeks from Monday, each day with the events that start on it."""

import calendar
import datetime

from django.db.models import QuerySet
from django.utils import timezone

from core.lib.months import add_months


def month_grid(events: QuerySet, month: datetime.date) -> list[list[dict]]:
    start = timezone.make_aware(datetime.datetime.combine(month, datetime.time()))
    end = timezone.make_aware(datetime.datetime.combine(add_months(month, 1), datetime.time()))
    by_day: dict[datetime.date, list] = {}
    for event in events.filter(starts_at__gte=start, starts_at__lt=end).order_by("starts_at"):
        by_day.setdefault(timezone.localtime(event.starts_at).date(), []).append(event)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    return [
        [
            {"day": day, "in_month": day.month == month.month, "events": by_day.get(day, [])}
            for day in week
        ]
        for week in weeks
    ]
