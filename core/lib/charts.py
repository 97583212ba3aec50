"""Server-rendered SVG charts: no JavaScript, readable without colour.

Three kinds: stacked bars, lines and grouped bars. Each series gets a colour *and* a fill
pattern (stripes, dots, cross-hatching...) or, on a line, its own marker shape and its name
written at its end; every bar or segment tall enough carries its number, the legend names
each pattern in words, and the whole chart is `role="img"` with a <title> and a <desc> that
say what it shows. Pages print the same numbers as a table beside each chart.

The building blocks (svg_start, y_axis, legend, format_number, nice_maximum) are public so
a new kind of chart can share them.
"""

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from django.utils.safestring import SafeString, mark_safe

# (colour, pattern drawing inside a 8×8 tile, a word for the pattern). The colours are
# distinguishable for the common kinds of colour blindness; the patterns carry the meaning
# for everyone else.
PATTERNS = [
    ("#1d4f91", "", "solid"),
    ("#4a90c8", '<path d="M0 8 L8 0" stroke="#fff" stroke-width="2"/>', "diagonal stripes"),
    ("#7a5195", '<circle cx="4" cy="4" r="1.6" fill="#fff"/>', "dots"),
    ("#b8860b", '<path d="M0 4 H8" stroke="#fff" stroke-width="2"/>', "horizontal stripes"),
    (
        "#2f7d4f",
        '<path d="M0 0 L8 8 M8 0 L0 8" stroke="#fff" stroke-width="1.5"/>',
        "cross-hatching",
    ),
    ("#0b6e4f", '<path d="M4 0 V8" stroke="#fff" stroke-width="2"/>', "vertical stripes"),
    ("#a4161a", '<path d="M0 0 L8 8" stroke="#fff" stroke-width="2"/>', "back stripes"),
    ("#555555", '<rect x="2" y="2" width="4" height="4" fill="#fff"/>', "squares"),
    ("#8c564b", '<path d="M0 4 H8 M4 0 V8" stroke="#fff" stroke-width="1.5"/>', "grid"),
]


@dataclass(frozen=True)
class Series:
    key: str
    label: str


def format_number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _short(text: str) -> str:
    """A number already formatted with one decimal, as format_number would give it."""
    return text[:-2] if text.endswith(".0") else text


def nice_maximum(value: int) -> int:
    if value <= 5:
        return 5
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = int(step * magnitude)
        if top >= value:
            return top
    return value


def svg_start(
    chart_id: str, title: str, summary: str, width: int, height: int, series_count: int
) -> list[str]:
    """The opening of a chart: the <svg> with its accessible name and description, and one
    fill pattern per series (`url(#{chart_id}-p{index})`)."""
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id={quoteattr(chart_id)} '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(summary)}</desc>',
        "<defs>",
    ]
    for index in range(series_count):
        colour, drawing, _word = PATTERNS[index % len(PATTERNS)]
        parts.append(
            f'<pattern id="{chart_id}-p{index}" width="8" height="8" '
            f'patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="{colour}"/>'
            f"{drawing}</pattern>"
        )
    parts.append("</defs>")
    return parts


def y_axis(
    maximum: float,
    scale: float,
    *,
    left: float,
    right: float,
    top: float,
    plot_height: float,
    unit: str = "",
) -> str:
    """Gridlines and their values: five steps from 0 up to `maximum` (already rounded)."""
    parts = ['<g class="chart-axis" font-size="12" fill="#1a1a1a" aria-hidden="true">']
    for step in range(6):
        value = maximum * step / 5
        y = top + plot_height - value * scale
        parts.append(
            f'<line x1="{left}" x2="{right}" y1="{format_number(y)}" y2="{format_number(y)}" '
            'stroke="#c9ced6" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{format_number(y + 4)}" text-anchor="end">'
            f"{format_number(value)}{escape(unit)}</text>"
        )
    parts.append("</g>")
    return "".join(parts)


LEGEND_ROW_HEIGHT = 22
LEGEND_COLUMNS = 3


def legend_height(series_count: int) -> int:
    rows = (series_count + LEGEND_COLUMNS - 1) // LEGEND_COLUMNS
    return rows * LEGEND_ROW_HEIGHT


def legend(chart_id: str, series: list[Series], *, left: float, top: float, width: float) -> str:
    """A swatch in each series' pattern beside its name in words."""
    column_width = width / LEGEND_COLUMNS
    parts = ['<g class="chart-legend" font-size="12" fill="#1a1a1a">']
    for index, item in enumerate(series):
        row, column = divmod(index, LEGEND_COLUMNS)
        x = left + column * column_width
        y = top + row * LEGEND_ROW_HEIGHT
        parts.append(
            f'<rect x="{format_number(x)}" y="{y}" width="16" height="16" '
            f'fill="url(#{chart_id}-p{index})" stroke="#1a1a1a" stroke-width="1"/>'
            f'<text x="{format_number(x + 22)}" y="{y + 12}">{escape(item.label)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def stacked_bar_chart(
    *,
    chart_id: str,
    title: str,
    summary: str,
    categories: list[str],
    series: list[Series],
    values: dict[str, dict[str, int]],
    width: int = 760,
    height: int = 360,
) -> SafeString:
    """An SVG of one stacked bar per category: values[category][series.key] = count."""
    left, right, top, bottom = 48, 12, 12, 40 + legend_height(len(series)) + 12
    plot_width = width - left - right
    plot_height = height - top - bottom
    totals = [sum(values.get(c, {}).values()) for c in categories]
    maximum = nice_maximum(max(totals, default=0))
    scale = plot_height / maximum if maximum else 0
    slot = plot_width / max(1, len(categories))
    bar_width = min(64.0, slot * 0.7)

    parts = svg_start(chart_id, title, summary, width, height, len(series))

    parts.append(
        y_axis(maximum, scale, left=left, right=width - right, top=top, plot_height=plot_height)
    )

    parts.append('<g class="chart-bars" font-size="11">')
    for position, category in enumerate(categories):
        x = left + slot * position + (slot - bar_width) / 2
        y = top + plot_height
        counts = values.get(category, {})
        for index, item in enumerate(series):
            count = counts.get(item.key, 0)
            if not count:
                continue
            segment = count * scale
            y -= segment
            parts.append(
                f'<rect x="{format_number(x)}" y="{format_number(y)}" '
                f'width="{format_number(bar_width)}" '
                f'height="{format_number(segment)}" fill="url(#{chart_id}-p{index})" '
                f'stroke="#fff" stroke-width="1"><title>{escape(category)}: '
                f"{escape(item.label)} {count}</title></rect>"
            )
            if segment >= 15:
                parts.append(
                    f'<text x="{format_number(x + bar_width / 2)}" '
                    f'y="{format_number(y + segment / 2 + 4)}" '
                    'text-anchor="middle" fill="#1a1a1a" class="chart-segment-label" '
                    'paint-order="stroke" stroke="#fff" stroke-width="3">'
                    f"{count}</text>"
                )
        total = totals[position]
        parts.append(
            f'<text x="{format_number(x + bar_width / 2)}" y="{format_number(y - 4)}" '
            'text-anchor="middle" '
            f'font-weight="700" fill="#1a1a1a">{total}</text>'
            f'<text x="{format_number(x + bar_width / 2)}" y="{top + plot_height + 16}" '
            f'text-anchor="middle" fill="#1a1a1a">{escape(category)}</text>'
        )
    parts.append("</g>")

    # The legend: a swatch with the pattern and the status in words.
    parts.append(legend(chart_id, series, left=left, top=top + plot_height + 30, width=plot_width))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


def pattern_names(series: list[Series]) -> dict[str, str]:
    """The pattern each series is drawn with, in words, for the legend's text version."""
    return {item.key: PATTERNS[i % len(PATTERNS)][2] for i, item in enumerate(series)}


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


def _nice_step(span: float) -> float:
    """A round gridline step giving about five steps over `span`."""
    raw = span / 5 if span > 0 else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= raw:
            return step * magnitude
    return 10 * magnitude


def fan_chart(
    *,
    chart_id: str,
    title: str,
    summary: str,
    categories: list[str],
    bands: dict[str, list[float]],
    baseline: list[float] | None = None,
    unit: str = "",
    width: int = 760,
    height: int = 340,
) -> SafeString:
    """A fan chart: the median as a solid line with the 50% band (p25–p75) darker and the
    90% band (p5–p95) lighter around it, and an optional baseline as a dashed line.

    bands has "median", "p5", "p25", "p75" and "p95", one value per category. The axis
    starts near the data, not at zero, so a change of a few per cent is visible; the y-axis
    labels say where it starts. Without colour the bands differ by lightness and the lines
    by dash, and the legend names each in words."""
    left, right, top = 64, 36, 16  # room for the last month's name
    bottom = 44 + LEGEND_ROW_HEIGHT
    plot_width, plot_height = width - left - right, height - top - bottom
    values = [v for key in ("p5", "p95") for v in bands[key]] + list(baseline or [])
    low, high = min(values), max(values)
    step = _nice_step(high - low)
    axis_low = math.floor(low / step) * step
    axis_high = math.ceil(high / step) * step
    if axis_high == axis_low:
        axis_high = axis_low + step
    scale = plot_height / (axis_high - axis_low)
    x_step = plot_width / max(1, len(categories) - 1)

    def x(position: int) -> float:
        return left + x_step * position

    def y(value: float) -> float:
        return top + plot_height - (value - axis_low) * scale

    # A fan chart has thousands of points (several series × 120 months, on every page of
    # the model): the x positions are formatted once, and each y once, with format_number's
    # exact output (one decimal, no trailing ".0") but without a call per number.
    xs = [format_number(x(i)) for i in range(len(categories))]

    def points(values: list[float], order: range) -> list[str]:
        return [f"{xs[i]},{_short(f'{y(values[i]):.1f}')}" for i in order]

    def area(upper: str, lower: str) -> str:
        count = len(bands[upper])
        return " ".join(
            points(bands[upper], range(count)) + points(bands[lower], range(count - 1, -1, -1))
        )

    def line(values: list[float]) -> str:
        return " ".join(points(values, range(len(values))))

    colour = PATTERNS[0][0]
    parts = svg_start(chart_id, title, summary, width, height, 0)
    parts.append('<g class="chart-axis" font-size="12" fill="#1a1a1a" aria-hidden="true">')
    value = axis_low
    while value <= axis_high + step / 1000:
        gy = y(value)
        parts.append(
            f'<line x1="{left}" x2="{left + plot_width}" y1="{format_number(gy)}" '
            f'y2="{format_number(gy)}" stroke="#c9ced6" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{format_number(gy + 4)}" text-anchor="end">'
            f"{escape(f'{value:,.{0 if step >= 1 else 2}f}')}{escape(unit)}</text>"
        )
        value += step
    every = max(1, math.ceil(len(categories) / 7))
    for position, category in enumerate(categories):
        if position % every == 0 or position == len(categories) - 1:
            parts.append(
                f'<text x="{format_number(x(position))}" y="{top + plot_height + 16}" '
                f'text-anchor="middle" font-size="11">{escape(category)}</text>'
            )
    parts.append("</g>")
    parts.append('<g class="chart-fan" aria-hidden="true">')
    parts.append(f'<polygon points="{area("p95", "p5")}" fill="{colour}" fill-opacity="0.18"/>')
    parts.append(f'<polygon points="{area("p75", "p25")}" fill="{colour}" fill-opacity="0.4"/>')
    if baseline:
        parts.append(
            f'<polyline points="{line(baseline)}" fill="none" stroke="#1a1a1a" '
            'stroke-width="2" stroke-dasharray="6 4"/>'
        )
    parts.append(
        f'<polyline points="{line(bands["median"])}" fill="none" stroke="{colour}" '
        'stroke-width="3"/>'
    )
    parts.append("</g>")
    legend_y = top + plot_height + 30
    items = [
        (
            f'<rect width="16" height="12" fill="{colour}" fill-opacity="0.18" stroke="#1a1a1a" '
            'stroke-width="0.5"/>',
            "90% of runs (lightest)",
        ),
        (
            f'<rect width="16" height="12" fill="{colour}" fill-opacity="0.4" stroke="#1a1a1a" '
            'stroke-width="0.5"/>',
            "50% of runs",
        ),
        (
            f'<line x1="0" x2="16" y1="6" y2="6" stroke="{colour}" stroke-width="3"/>',
            "median (solid line)",
        ),
    ]
    if baseline:
        items.append(
            (
                '<line x1="0" x2="16" y1="6" y2="6" stroke="#1a1a1a" stroke-width="2" '
                'stroke-dasharray="4 3"/>',
                "today's practice (dashed)",
            )
        )
    column = plot_width / len(items)
    parts.append('<g class="chart-legend" font-size="12" fill="#1a1a1a">')
    for index, (swatch, words) in enumerate(items):
        lx = left + index * column
        parts.append(
            f'<g transform="translate({format_number(lx)} {legend_y})">{swatch}'
            f'<text x="22" y="11">{escape(words)}</text></g>'
        )
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)
