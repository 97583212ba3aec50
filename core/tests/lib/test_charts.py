"""SVG charts: well-formed, with a text alternative, readable without colour."""

import xml.etree.ElementTree as ET

from core.lib.charts import (
    PATTERNS,
    Series,
    grouped_bar_chart,
    line_chart,
    pattern_names,
    stacked_bar_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
SERIES = [Series("raised", "Raised with the target"), Series("accepted", "Accepted & <done>")]


def _parse(svg):
    return ET.fromstring(str(svg))  # noqa: S314 (our own output, not untrusted input)


def _chart(values, categories=("2022", "2023")):
    return stacked_bar_chart(
        chart_id="test-chart",
        title="Statuses by year",
        summary="Two bars; the second is taller.",
        categories=list(categories),
        series=SERIES,
        values=values,
    )


def test_chart_is_well_formed_with_a_text_alternative():
    svg = _chart({"2022": {"raised": 3}, "2023": {"raised": 2, "accepted": 4}})
    root = _parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "test-chart-title test-chart-desc"
    assert root.find(f"{SVG}title").text == "Statuses by year"
    assert root.find(f"{SVG}desc").text == "Two bars; the second is taller."


def test_each_series_has_its_own_pattern_and_a_legend_in_words():
    svg = _chart({"2022": {"raised": 3, "accepted": 1}})
    root = _parse(svg)
    patterns = root.findall(f".//{SVG}pattern")
    assert len(patterns) == 2
    legend = root.find(f".//{SVG}g[@class='chart-legend']")
    texts = [t.text for t in legend.findall(f"{SVG}text")]
    assert texts == ["Raised with the target", "Accepted & <done>"]  # escaped, then parsed
    assert len({drawing for _colour, drawing, _word in PATTERNS}) == len(PATTERNS)
    assert len(set(pattern_names(SERIES).values())) == 2


def test_segments_carry_their_numbers_and_totals():
    svg = _chart({"2022": {"raised": 30, "accepted": 20}, "2023": {"raised": 10}})
    root = _parse(svg)
    bars = root.find(f".//{SVG}g[@class='chart-bars']")
    texts = [t.text for t in bars.findall(f"{SVG}text")]
    assert "50" in texts and "30" in texts and "20" in texts and "10" in texts
    titles = [t.text for t in bars.findall(f".//{SVG}rect/{SVG}title")]
    assert "2022: Raised with the target 30" in titles


def test_empty_chart_is_still_valid():
    svg = _chart({}, categories=["2024"])
    root = _parse(svg)
    assert root.find(f"{SVG}desc") is not None


def test_a_line_leaves_a_gap_where_there_is_no_value_and_names_itself_at_its_end():
    svg = line_chart(
        chart_id="trend",
        title="Share by month",
        summary="One line.",
        categories=["Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025"],
        series=[Series("share", "Share")],
        values={"share": {"Jan 2025": 10.0, "Feb 2025": 20.0, "Apr 2025": 40.0}},
        unit="%",
    )
    root = _parse(svg)
    assert root.get("role") == "img"
    assert len(root.findall(f".//{SVG}polyline")) == 2  # March has no articles: two runs
    texts = [t.text for t in root.findall(f"{SVG}text")]
    assert "Share 40%" in texts


def test_grouped_bars_print_their_values_and_skip_missing_ones():
    svg = grouped_bar_chart(
        chart_id="outlets",
        title="By outlet",
        summary="Two bars per outlet.",
        categories=["The Daily", "The Weekly"],
        series=[Series("first", "Selection 1"), Series("second", "Selection 2")],
        values={"The Daily": {"first": 3, "second": 5}, "The Weekly": {"first": None}},
    )
    root = _parse(svg)
    bars = root.find(f".//{SVG}g[@class='chart-bars']")
    titles = [t.text for t in bars.findall(f".//{SVG}rect/{SVG}title")]
    assert titles == ["The Daily: Selection 1 3", "The Daily: Selection 2 5"]
    assert len(root.findall(f".//{SVG}pattern")) == 2
