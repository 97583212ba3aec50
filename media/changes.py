"""Media trends, for member updates (core.registries.changes): each month's share of
articles using a stigmatising label, against the month before.

Read from the pre-aggregated MonthlyFigure table (indexed by month), never from articles:
one grouped query for all outlets, and one more by part of the system when the reader asks
for topics, whatever the number of articles.
"""

import datetime

from django.db.models import Sum

from core.lib.months import add_months, month_start
from core.registries import changes
from media.models import MonthlyFigure


def _months_ending_in(since, until) -> tuple[datetime.date, datetime.date]:
    """A month is reported in the period its last day falls in: the months whose next
    month starts in (since, until]. Returns the first and last such month (last < first
    when there is none)."""
    return month_start(since), add_months(month_start(until), -1)


def _share(with_label, articles) -> float | None:
    return with_label * 100 / articles if articles else None


def _sentence(month, share, before, articles, about="") -> str:
    text = (
        f"In {month:%B %Y}, {share:.0f}% of {articles:,} analysed articles{about} used at "
        "least one stigmatising label"
    )
    if before is None:
        return text + "."
    change = share - before
    if abs(change) < 0.5:
        return text + ", about the same as the month before."
    direction = "down" if change < 0 else "up"
    return text + f", {direction} from {before:.0f}% the month before."


def _rows(first, last, **grouping):
    """The figures of the months, and the month before the first (to compare with)."""
    return MonthlyFigure.objects.filter(
        include_syndicated=False, month__gte=add_months(first, -1), month__lte=last, **grouping
    )


def label_share(since, until, *, networks=None, topics=None) -> list[changes.ChangeItem]:
    first, last = _months_ending_in(since, until)
    if last < first:
        return []
    items = []
    totals = {
        row["month"]: row
        for row in _rows(first, last, part__isnull=True)
        .values("month")
        .annotate(articles=Sum("articles"), with_label=Sum("articles_with_label"))
    }
    items += _items(totals, first, last, part=None)
    if topics:
        by_part: dict[int, dict] = {}
        for row in (
            _rows(first, last, part__in=list(topics))
            .values("month", "part", "part__name")
            .annotate(articles=Sum("articles"), with_label=Sum("articles_with_label"))
        ):
            by_part.setdefault(row["part"], {})[row["month"]] = row
        for months in by_part.values():
            items += _items(months, first, last, part=next(iter(months.values())))
    return items


def _items(months: dict, first, last, part) -> list[changes.ChangeItem]:
    items = []
    month = first
    while month <= last:
        row = months.get(month)
        if row and row["articles"]:
            previous = months.get(add_months(month, -1))
            before = _share(previous["with_label"], previous["articles"]) if previous else None
            about = f" about {part['part__name'].lower()}" if part else ""
            items.append(
                changes.ChangeItem(
                    kind="media.label_share",
                    title=f"Stigmatising labels in the news, {month:%B %Y}"
                    + (f": {part['part__name']}" if part else ""),
                    summary=_sentence(
                        month,
                        _share(row["with_label"], row["articles"]),
                        before,
                        row["articles"],
                        about,
                    ),  # fmt: skip
                    url="",
                    when=add_months(month, 1) - datetime.timedelta(days=1),
                    app="media",
                    key=f"media.label_share:{month:%Y-%m}:{part['part'] if part else 'all'}",
                    topics=frozenset({part["part"]}) if part else frozenset(),
                )
            )
        month = add_months(month, 1)
    return items
