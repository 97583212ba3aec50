"""Monthly figures: the dashboard's small table, rebuilt from the articles themselves.

`rebuild_monthly_figures(pairs)` recomputes, with database aggregates, every MonthlyFigure of
the given (outlet, month) pairs: for all articles and for each topic term, with and without
syndicated copies. Ingest, re-analysis and syndication changes call it with the pairs they
touched, so the figures never drift from the articles they summarise. Months are calendar
months in the installation's time zone (UK time).
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, DateField, F, IntegerField, Q, Sum, Value
from django.db.models.functions import TruncMonth
from django.utils import timezone

from core.lib.months import add_months
from media.models import Article, MonthlyFigure, Voice

Pair = tuple[int, datetime.date]
# Grouping by a constant puts every article in one row: the figures for all parts together.
_NO_PART = Value(None, output_field=IntegerField())

_ARTICLE_FIGURES = {
    "articles": Count("id"),
    "words": Sum("word_count"),
    "articles_with_label": Count("id", filter=Q(headline_labels__gt=0) | Q(body_labels__gt=0)),
    "labels": Sum(F("headline_labels") + F("body_labels")),
    "sensational_words": Sum("sensational_words"),
    "articles_people_first": Count("id", filter=Q(people_first_terms__gt=0)),
    "articles_thematic": Count("id", filter=Q(is_thematic=True)),
    "articles_lived_experience": Count("id", filter=Q(has_lived_experience_voice=True)),
    "score_total": Sum("score"),
}


def _start_of(month: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(month, datetime.time()))


def _articles_in(pairs_by_outlet: dict[int, set[datetime.date]], prefix: str = "") -> Q:
    """Articles of each outlet from its first to its last month touched."""
    condition = Q()
    for outlet_id, months in pairs_by_outlet.items():
        condition |= Q(
            **{
                f"{prefix}outlet_id": outlet_id,
                f"{prefix}published_at__gte": _start_of(min(months)),
                f"{prefix}published_at__lt": _start_of(add_months(max(months), 1)),
            }
        )
    return condition


def _figures(pairs_by_outlet, include_syndicated: bool) -> dict[tuple, MonthlyFigure]:
    articles = Article.objects.filter(_articles_in(pairs_by_outlet), analysed_at__isnull=False)
    voices = Voice.objects.filter(
        _articles_in(pairs_by_outlet, "article__"), article__analysed_at__isnull=False
    )
    if not include_syndicated:
        articles = articles.filter(is_syndicated_copy=False)
        voices = voices.filter(article__is_syndicated_copy=False)
    month = TruncMonth("published_at", output_field=DateField())
    voice_month = TruncMonth("article__published_at", output_field=DateField())
    figures: dict[tuple, MonthlyFigure] = {}
    for part in (_NO_PART, F("parts")):
        rows = articles.annotate(month=month, part=part)
        if part is not _NO_PART:
            rows = rows.filter(part__isnull=False)  # on the annotation: one join, not two
        for row in rows.values("outlet_id", "month", "part").annotate(**_ARTICLE_FIGURES):
            key = (row["outlet_id"], row["month"], row["part"])
            values = {name: row[name] or 0 for name in _ARTICLE_FIGURES}
            figures[key] = MonthlyFigure(
                outlet_id=key[0],
                month=key[1],
                part_id=key[2],
                include_syndicated=include_syndicated,
                voices={},
                **values,
            )
    for part in (_NO_PART, F("article__parts")):
        rows = voices.annotate(outlet=F("article__outlet_id"), month=voice_month, part=part)
        if part is not _NO_PART:
            rows = rows.filter(part__isnull=False)
        for row in rows.values("outlet", "month", "part", "category").annotate(n=Count("id")):
            figure = figures.get((row["outlet"], row["month"], row["part"]))
            if figure is not None:
                figure.voices[row["category"]] = row["n"]
    return figures


def rebuild_monthly_figures(pairs: Iterable[Pair]) -> int:
    """Recompute the figures of each (outlet id, month) pair. Returns rows written."""
    pairs_by_outlet: dict[int, set[datetime.date]] = defaultdict(set)
    for outlet_id, month in pairs:
        pairs_by_outlet[outlet_id].add(month)
    if not pairs_by_outlet:
        return 0
    wanted = {
        (outlet_id, month) for outlet_id, months in pairs_by_outlet.items() for month in months
    }
    stale = Q()
    for outlet_id, months in pairs_by_outlet.items():
        stale |= Q(outlet_id=outlet_id, month__in=months)
    with transaction.atomic():
        rows = [
            figure
            for include_syndicated in (True, False)
            for figure in _figures(pairs_by_outlet, include_syndicated).values()
            if (figure.outlet_id, figure.month) in wanted
        ]
        MonthlyFigure.objects.filter(stale).delete()
        MonthlyFigure.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def rebuild_all_monthly_figures() -> int:
    """Recompute every figure from scratch (after a repair or a bulk load)."""
    pairs = {
        (row["outlet_id"], row["month"])
        for row in Article.objects.annotate(
            month=TruncMonth("published_at", output_field=DateField())
        )
        .values("outlet_id", "month")
        .distinct()
    }
    with transaction.atomic():
        MonthlyFigure.objects.all().delete()
        return rebuild_monthly_figures(pairs)
