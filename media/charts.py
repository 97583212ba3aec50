"""The media dashboard's charts: which measures each page draws, and the tables beside them.

The drawing is core.lib.charts' (lines with a marker shape each, grouped and stacked bars
with a fill pattern each), so every chart reads without colour. The numbers are always in a
table beside the chart too (templates/media/_chart.html).
"""

from django.urls import reverse
from django.utils import timezone

from core.lib.charts import Series, grouped_bar_chart, line_chart, pattern_names, stacked_bar_chart
from core.lib.months import add_months, month_start
from media.dashboard import (
    COUNT_LABELS,
    RATE_LABELS,
    VOICE_LABELS,
    Selection,
    build_dashboard,
    cell,
)

# --- The charts of each page, with the tables printed beside them ---------------------------

TREND_RATES = ("label_share", "people_first_share", "thematic_share", "lived_experience_share")
TREND_DENSITY = ("labels_per_1000", "sensational_per_1000")
TREND_COUNTS = ("articles", "articles_with_label", "articles_thematic", "articles_lived_experience")
SHORT_LABELS = {
    "label_share": "Stigmatising label",
    "labels_per_1000": "Labels per 1,000 words",
    "sensational_per_1000": "Sensational per 1,000 words",
    "people_first_share": "People-first wording",
    "thematic_share": "In context",
    "lived_experience_share": "Lived-experience voice",
    "average_score": "Average score",
    "articles": "Articles",
    "articles_with_label": "With a stigmatising label",
    "articles_thematic": "In context",
    "articles_lived_experience": "Lived-experience voice",
}


def _row(label: str, cells: list[str], url: str = "") -> dict:
    return {"label": label, "cells": cells, "url": url}


def headline_figures(figures, show: str) -> list[dict]:
    """The selection's totals as the big numbers at the top of the dashboard."""
    if show == "counts":
        return [
            {"label": label, "value": cell(figures.counts[key])}
            for key, label in COUNT_LABELS.items()
        ]
    return [
        {"label": label, "value": cell(figures.rates[key], unit)}
        for key, (label, unit) in RATE_LABELS.items()
    ]


def _measures(show: str) -> tuple[tuple[str, ...], str]:
    """The measures a chart draws: counts, shares of articles, or words per 1,000
    ("density": kept apart from the shares, since a chart has one scale)."""
    if show == "counts":
        return TREND_COUNTS, ""
    if show == "density":
        return TREND_DENSITY, ""
    return TREND_RATES, "%"


def _value(figures, key: str, show: str):
    return figures.counts[key] if show == "counts" else figures.rates[key]


def _what(show: str) -> str:
    if show == "density":
        return "Stigmatising labels and sensational words per 1,000 words"
    return "Number of articles" if show == "counts" else "Share of articles (per cent)"


def trend_chart(chart_id: str, dashboard, show: str) -> dict:
    keys, unit = _measures(show)
    series = [Series(key, SHORT_LABELS[key]) for key in keys]
    categories = [group.label for group in dashboard.by_month]
    values = {
        key: {g.label: _value(g.figures, key, show) for g in dashboard.by_month} for key in keys
    }
    title = f"{_what(show)} by month: {dashboard.selection.label}"
    return {
        "id": chart_id,
        "title": title,
        "svg": line_chart(
            chart_id=chart_id,
            title=title,
            summary="One line per measure: " + ", ".join(s.label for s in series) + ".",
            categories=categories,
            series=series,
            values=values,
            unit=unit,
        ),
        "columns": ["Month", *[s.label for s in series]],
        "rows": [
            _row(g.label, [cell(_value(g.figures, key, show), unit) for key in keys])
            for g in dashboard.by_month
        ],
    }


def breakdown_chart(chart_id: str, heading: str, groups, selection_label: str, show: str) -> dict:
    """Bars per outlet or per part of the system: each measure side by side."""
    keys, unit = _measures(show)
    series = [Series(key, SHORT_LABELS[key]) for key in keys]
    title = f"{_what(show)} by {heading}: {selection_label}"
    return {
        "id": chart_id,
        "title": title,
        "svg": grouped_bar_chart(
            chart_id=chart_id,
            title=title,
            summary=f"For each {heading}, one bar per measure: "
            + ", ".join(s.label for s in series)
            + ".",
            categories=[g.label for g in groups],
            series=series,
            values={g.label: {k: _value(g.figures, k, show) for k in keys} for g in groups},
            unit=unit,
        ),
        "columns": [heading.capitalize(), "Articles", *[s.label for s in series]],
        "rows": [
            _row(
                g.label,
                [cell(g.figures.articles)] + [cell(_value(g.figures, k, show), unit) for k in keys],
                reverse("media:outlet", args=[g.key]) if heading == "outlet" else "",
            )
            for g in groups
        ],
    }


def voices_chart(chart_id: str, dashboards: list) -> dict:
    """Who is quoted: voices by category, one stacked bar per selection."""
    series = [Series(key, label) for key, label in VOICE_LABELS.items()]
    names = [d.selection.label for d in dashboards]
    title = "Who is quoted: voices by kind"
    rows = []
    for key, label in VOICE_LABELS.items():
        row = []
        for d in dashboards:
            share = d.totals.voice_share(key)
            row.append(f"{d.totals.voices.get(key, 0):,} ({cell(share, '%')})")
        rows.append(_row(label, row))
    return {
        "id": chart_id,
        "title": title,
        "svg": stacked_bar_chart(
            chart_id=chart_id,
            title=title,
            summary="Each bar is one selection; its segments count the people quoted, by kind.",
            categories=[f"Selection {i + 1}" for i in range(len(dashboards))],
            series=series,
            values={f"Selection {i + 1}": d.totals.voices for i, d in enumerate(dashboards)},
            height=400,
        ),
        "columns": ["Kind of voice", *[f"Selection {i + 1}: {n}" for i, n in enumerate(names)]],
        "rows": rows,
        "pattern_names": pattern_names(series),
    }


def comparison_chart(chart_id: str, rows: list[dict], first_label: str, second_label: str):
    """Two bars per measure (words left out: they would dwarf every other count)."""
    rows = [row for row in rows if row["key"] != "words"]
    series = [Series("first", "Selection 1"), Series("second", "Selection 2")]
    title = "The two selections side by side"
    return {
        "id": chart_id,
        "title": title,
        "svg": grouped_bar_chart(
            chart_id=chart_id,
            title=title,
            summary=f"Selection 1 is {first_label}; selection 2 is {second_label}. "
            "Two bars per measure.",
            categories=[SHORT_LABELS.get(r["key"], r["label"]) for r in rows],
            series=series,
            values={
                SHORT_LABELS.get(r["key"], r["label"]): {"first": r["first"], "second": r["second"]}
                for r in rows
            },
        ),
    }


def dashboard_charts(main, other, show: str) -> list[dict]:
    charts = [trend_chart("trend", main, show)]
    if other is not None:
        charts.append(trend_chart("trend-other", other, show))
    if show == "rates":
        charts.append(trend_chart("density", main, "density"))
    charts.append(breakdown_chart("outlets", "outlet", main.by_outlet, main.selection.label, show))
    charts.append(
        breakdown_chart("parts", "part of the system", main.by_part, main.selection.label, show)
    )
    charts.append(voices_chart("voices", [main] + ([other] if other else [])))
    return charts


def outlet_chart(outlet) -> dict:
    """The outlet's last two years, month by month, each story counted once."""
    end = month_start(timezone.localdate())
    selection = Selection(start=add_months(end, -23), end=end, outlet=outlet)
    return trend_chart("outlet-trend", build_dashboard(selection), "rates")
