"""Plan years and their quarters. A plan year starts in April: quarter 1 is April–June."""

import datetime
from dataclasses import dataclass

QUARTER_START_MONTHS = {1: 4, 2: 7, 3: 10, 4: 1}


class QuarterOutsidePlan(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    """From `start` to `end` (both inclusive). `year_start` is when the plan year began, for
    the measures that count the year so far."""

    year: int
    quarter: int | None
    start: datetime.date
    end: datetime.date

    @property
    def year_start(self) -> datetime.date:
        return datetime.date(self.year, 4, 1)

    @property
    def label(self) -> str:
        year = f"{self.year}/{str(self.year + 1)[-2:]}"
        if self.quarter is None:
            return year
        return f"Q{self.quarter} {year} ({self.start:%B}–{self.end:%B %Y})"

    @property
    def end_moment(self) -> datetime.datetime:
        """The last instant of `end`, in the site's time zone: records made on the last day
        count."""
        from django.utils import timezone

        next_day = datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time())
        return timezone.make_aware(next_day) - datetime.timedelta(microseconds=1)

    @property
    def start_moment(self) -> datetime.datetime:
        from django.utils import timezone

        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time()))

    @property
    def year_start_moment(self) -> datetime.datetime:
        from django.utils import timezone

        return timezone.make_aware(datetime.datetime.combine(self.year_start, datetime.time()))


def quarter(year: int, number: int) -> Period:
    if number not in QUARTER_START_MONTHS:
        raise QuarterOutsidePlan(f"Quarter {number} is not in the plan year: use 1, 2, 3 or 4.")
    month = QUARTER_START_MONTHS[number]
    start_year = year + 1 if number == 4 else year
    start = datetime.date(start_year, month, 1)
    end_month = month + 3
    end = datetime.date(
        start_year + (end_month > 12), (end_month - 1) % 12 + 1, 1
    ) - datetime.timedelta(days=1)
    return Period(year=year, quarter=number, start=start, end=end)


def whole_year(year: int) -> Period:
    return Period(
        year=year, quarter=None, start=datetime.date(year, 4, 1), end=datetime.date(year + 1, 3, 31)
    )


def plan_year_of(day: datetime.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def quarter_of(day: datetime.date) -> int:
    return {4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 3, 11: 3, 12: 3}.get(day.month, 4)


def as_at(period: Period, day: datetime.date) -> Period:
    """The same period cut short at `day` (a quarter still under way)."""
    return Period(period.year, period.quarter, period.start, min(period.end, day))
