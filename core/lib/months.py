"""Calendar months as dates: a month is the date of its first day.

Whole months are what trends, monthly figures and period choices count in; keeping a month
as a plain `datetime.date` (always day 1) lets it be compared, sorted and stored as is.
"""

import datetime

from django.utils import timezone


def month_start(day: datetime.date) -> datetime.date:
    """The month `day` falls in."""
    return day.replace(day=1)


def month_of(moment: datetime.datetime) -> datetime.date:
    """The month `moment` falls in, in the installation's time zone."""
    return timezone.localtime(moment).date().replace(day=1)


def add_months(month: datetime.date, count: int) -> datetime.date:
    """The month `count` months after `month` (before it, if `count` is negative)."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """Every month from `start` to `end`, both included; empty if `end` comes first."""
    months, month = [], start
    while month <= end:
        months.append(month)
        month = add_months(month, 1)
    return months


def month_label(month: datetime.date) -> str:
    """A month as people read it: "Mar 2025"."""
    return month.strftime("%b %Y")
