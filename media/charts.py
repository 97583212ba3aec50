"""The media dashboard's charts: trend lines and grouped bars, server-rendered SVG.

Built on influence.charts (the same patterns, axis and legend), so every chart reads without
colour: each line has its own marker shape and its name written at its end; each bar has a
fill pattern and its value printed above it. The numbers are always in a table beside the
chart too (templates/media/_chart.html).
"""

import math
from xml.sax.saxutils import escape

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from influence.charts import (
    PATTERNS,
    Series,
    format_number,
    legend,
    legend_height,
    nice_maximum,
    pattern_names,
    stacked_bar_chart,
    svg_start,
    y_axis,
)
from media.dashboard import (
    COUNT_LABELS,
    RATE_LABELS,
    VOICE_LABELS,
    Selection,
    add_months,
    build_dashboard,
    cell,
    month_start,
)

# One marker shape per line, so lines that cross can be told apart without colour.
MARKERS = ("circle", "square", "triangle", "diamond", "cross")


def _axis_maximum(values) -> float:
    """A round top for the axis; rates up to 100 per cent stay in whole numbers."""
    largest = max((v for v in values if v is not None), default=0)
    return nice_maximum(math.ceil(largest))


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    at = f'transform="translate({format_number(x)} {format_number(y)})"'
    if shape == "circle":
        return f'<circle r="4" {at} fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="-4" y="-4" width="8" height="8" {at} fill="{colour}"/>'
    if shape == "triangle":
        return f'<path d="M0 -5 L5 4 L-5 4 Z" {at} fill="{colour}"/>'
    if shape == "diamond":
        return f'<path d="M0 -5 L5 0 L0 5 L-5 0 Z" {at} fill="{colour}"/>'
    return f'<path d="M-4 -4 L4 4 M4 -4 L-4 4" {at} stroke="{colour}" stroke-width="2"/>'


def line_chart(
    *,
    chart_id: str,
    title: str,
    summary: str,
    categories: list[str],
    series: list[Series],
    values: dict[str, dict[str, float | None]],
    unit: str = "",
    width: int = 760,
    height: int = 340,
) -> SafeString:
    """Lines over categories (months): values[series.key][category] = number or None (no
    articles that month: a gap, not a zero)."""
    left, right, top, bottom = 52, 190, 16, 44  # room for each line's name at its end
    plot_width, plot_height = width - left - right, height - top - bottom
    maximum = _axis_maximum(v for line in values.values() for v in line.values())
    scale = plot_height / maximum if maximum else 0
    step = plot_width / max(1, len(categories) - 1)
    parts = svg_start(chart_id, title, summary, width, height, 0)
    parts.append(
        y_axis(
            maximum,
            scale,
            left=left,
            right=left + plot_width,
            top=top,
            plot_height=plot_height,
            unit=unit,
        )
    )
    # Month labels: every one when they fit, else every nth.
    every = max(1, math.ceil(len(categories) / 7))
    parts.append('<g font-size="11" fill="#1a1a1a" aria-hidden="true">')
    for position, category in enumerate(categories):
        if position % every == 0:
            x = left + step * position if len(categories) > 1 else left + plot_width / 2
            parts.append(
                f'<text x="{format_number(x)}" y="{top + plot_height + 16}" '
                f'text-anchor="middle">{escape(category)}</text>'
            )
    parts.append("</g>")
    label_positions: list[float] = []
    for index, item in enumerate(series):
        colour = PATTERNS[index % len(PATTERNS)][0]
        shape = MARKERS[index % len(MARKERS)]
        dash = "" if index % 2 == 0 else ' stroke-dasharray="6 3"'
        points, segments, current = [], [], []
        for position, category in enumerate(categories):
            value = values.get(item.key, {}).get(category)
            if value is None:
                if current:
                    segments.append(current)
                current = []
                continue
            x = left + step * position if len(categories) > 1 else left + plot_width / 2
            y = top + plot_height - value * scale
            current.append((x, y))
            points.append((x, y, category, value))
        if current:
            segments.append(current)
        parts.append('<g class="chart-line" aria-hidden="true">')
        for segment in segments:
            path = " ".join(f"{format_number(x)},{format_number(y)}" for x, y in segment)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" '
                f'stroke-width="2.5"{dash}/>'
            )
        for x, y, _category, _value in points:
            parts.append(_marker(shape, x, y, colour))
        parts.append("</g>")
        if points:
            x, y, _category, value = points[-1]
            # Keep end labels from overlapping: nudge each below the one above it.
            label_y = y + 4
            for taken in label_positions:
                if abs(label_y - taken) < 14:
                    label_y = taken + 14
            label_positions.append(label_y)
            parts.append(
                f'<text x="{format_number(x + 10)}" y="{format_number(label_y)}" font-size="12" '
                f'fill="#1a1a1a">{escape(item.label)} {format_number(value)}{escape(unit)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


def grouped_bar_chart(
    *,
    chart_id: str,
    title: str,
    summary: str,
    categories: list[str],
    series: list[Series],
    values: dict[str, dict[str, float | None]],
    unit: str = "",
    width: int = 760,
    height: int = 400,
) -> SafeString:
    """Side-by-side bars per category: values[category][series.key] = number or None."""
    left, right, top = 96, 12, 20  # room for the first slanted name
    bottom = 96 + legend_height(len(series))
    plot_width, plot_height = width - left - right, height - top - bottom
    maximum = _axis_maximum(v for row in values.values() for v in row.values())
    scale = plot_height / maximum if maximum else 0
    slot = plot_width / max(1, len(categories))
    bar_width = min(40.0, slot * 0.8 / max(1, len(series)))
    parts = svg_start(chart_id, title, summary, width, height, len(series))
    parts.append(
        y_axis(
            maximum,
            scale,
            left=left,
            right=width - right,
            top=top,
            plot_height=plot_height,
            unit=unit,
        )
    )
    parts.append('<g class="chart-bars" font-size="11" fill="#1a1a1a">')
    for position, category in enumerate(categories):
        group_left = left + slot * position + (slot - bar_width * len(series)) / 2
        for index, item in enumerate(series):
            value = values.get(category, {}).get(item.key)
            if value is None:
                continue
            x = group_left + index * bar_width
            bar = value * scale
            y = top + plot_height - bar
            parts.append(
                f'<rect x="{format_number(x)}" y="{format_number(y)}" '
                f'width="{format_number(bar_width - 2)}" height="{format_number(bar)}" '
                f'fill="url(#{chart_id}-p{index})" stroke="#1a1a1a" stroke-width="0.5">'
                f"<title>{escape(category)}: {escape(item.label)} "
                f"{format_number(value)}{escape(unit)}</title></rect>"
                f'<text x="{format_number(x + bar_width / 2)}" y="{format_number(y - 3)}" '
                f'text-anchor="middle" font-size="10">{format_number(value)}</text>'
            )
        # Names slant so long outlet names fit beside each other; the table has them whole.
        name = category if len(category) <= 22 else category[:21] + "…"
        x, y = left + slot * position + slot / 2, top + plot_height + 14
        parts.append(
            f'<text x="{format_number(x)}" y="{y}" text-anchor="end" '
            f'transform="rotate(-30 {format_number(x)} {y})">{escape(name)}</text>'
        )
    parts.append("</g>")
    parts.append(legend(chart_id, series, left=left, top=top + plot_height + 84, width=plot_width))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


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
