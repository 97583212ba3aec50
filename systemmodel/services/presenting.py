"""Turning a run into what a page shows: a fan chart and a yearly table per headline, and
the monthly CSV rows behind them."""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from core.lib.charts import fan_chart
from core.lib.months import add_months, month_label
from systemmodel.engine.outputs import HEADLINES, Headline
from systemmodel.services.effects import Effect, effect
from systemmodel.services.running import (
    CACHE_SECONDS,
    PARAMETER_VERSION,
    RunSummary,
    baseline_summary,
    run_summary,
)

# The model's month 0 is the base year: the prison population at 30 June 2024.
BASE_MONTH = datetime.date(2024, 6, 1)


def label_for(month: int) -> str:
    """Month m of a run ends at the end of the calendar month m after June 2024."""
    return month_label(add_months(BASE_MONTH, month))


@dataclass(frozen=True)
class TableRow:
    when: str
    median: float
    p25: float
    p75: float
    p5: float
    p95: float
    baseline: float
    shown: dict[str, str] = field(init=False)  # each figure rounded for the table

    def __post_init__(self):
        # Formatted here, once, rather than by a template filter per cell (floatformat costs
        # about 15 µs a cell, a sixth of the page's rendering).
        keys = ("median", "p25", "p75", "p5", "p95", "baseline")
        object.__setattr__(self, "shown", {key: whole(getattr(self, key)) for key in keys})


def whole(value: float) -> str:
    """A figure rounded to a whole number with thousands commas; never "-0"."""
    return f"{round(value) + 0:,}"


@dataclass(frozen=True)
class HeadlineResult:
    headline: Headline
    chart: SafeString
    rows: list[TableRow]
    effect: Effect


def _yearly(summary: RunSummary, baseline: RunSummary, name: str) -> list[TableRow]:
    band, base = summary.summaries[name], baseline.summaries[name]["median"]
    rows = []
    for month in range(12, summary.months + 1, 12):
        i = month - 1
        rows.append(
            TableRow(
                when=f"Year {month // 12} ({label_for(month)})",
                median=band["median"][i],
                p25=band["p25"][i],
                p75=band["p75"][i],
                p5=band["p5"][i],
                p95=band["p95"][i],
                baseline=base[i],
            )
        )
    return rows


def headline_results(
    summary: RunSummary, baseline: RunSummary, chart_prefix="fan"
) -> list[HeadlineResult]:
    categories = [label_for(month) for month in range(1, summary.months + 1)]
    results = []
    for headline in HEADLINES:
        band = summary.summaries[headline.name]
        change = effect(summary, headline.name, 3)
        chart = fan_chart(
            chart_id=f"{chart_prefix}-{headline.name}",
            title=f"{headline.label} ({headline.unit}), next {summary.months // 12} years",
            summary=(
                f"Median and 50% and 90% ranges across {summary.draws} model runs, beside "
                f"today's practice. After 3 years: {change.sentence}."
            ),
            categories=categories,
            bands=band,
            baseline=baseline.summaries[headline.name]["median"],
        )
        results.append(
            HeadlineResult(headline, chart, _yearly(summary, baseline, headline.name), change)
        )
    return results


def rendered_results(levers: dict, *, query: str, seed: int) -> SafeString:
    """The results block of the scenario page (charts, effects, tables, CSV links), rendered
    once per (parameters, levers, address, seed) and kept in the shared cache: it depends on
    nothing else, and most visitors look at today's practice or a shared address."""
    key = (
        "systemmodel:results-html:"
        + hashlib.sha256(
            repr((PARAMETER_VERSION, sorted(levers.items()), query, seed)).encode()
        ).hexdigest()[:32]
    )
    html = cache.get(key)
    if html is None:
        summary = run_summary(levers, seed=seed)
        context = {
            "results": headline_results(summary, baseline_summary(seed=seed)),
            "summary": summary,
            "query": query,
        }
        html = render_to_string("systemmodel/_results.html", context)
        cache.set(key, html, CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 (our own template rendered it, escaping as it went)


def csv_rows(summary: RunSummary, baseline: RunSummary, name: str):
    yield ["month", "median", "p5", "p25", "p75", "p95", "todays_practice_median"]
    band, base = summary.summaries[name], baseline.summaries[name]["median"]
    for i in range(summary.months):
        yield [
            label_for(i + 1),
            *(f"{band[key][i]:.2f}" for key in ("median", "p5", "p25", "p75", "p95")),
            f"{base[i]:.2f}",
        ]
