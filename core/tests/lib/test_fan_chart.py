"""core.lib.charts.fan_chart: bands, median, baseline, accessible name, escaping."""

from core.lib.charts import fan_chart

BANDS = {
    "median": [100.0, 110.0, 120.0],
    "p5": [90.0, 95.0, 100.0],
    "p25": [95.0, 104.0, 112.0],
    "p75": [105.0, 116.0, 128.0],
    "p95": [110.0, 125.0, 140.0],
}


def _chart(**extra):
    return str(
        fan_chart(
            chart_id="fan-test",
            title="People <in> prison",
            summary="Median & ranges",
            categories=["Jul 2024", "Aug 2024", "Sep 2024"],
            bands=BANDS,
            **extra,
        )
    )


def test_fan_chart_draws_two_bands_and_a_median_with_an_accessible_name():
    svg = _chart()
    assert 'role="img"' in svg and 'aria-labelledby="fan-test-title fan-test-desc"' in svg
    assert svg.count("<polygon") == 2 and svg.count("<polyline") == 1
    assert "People &lt;in&gt; prison" in svg and "Median &amp; ranges" in svg
    assert "90% of runs (lightest)" in svg and "median (solid line)" in svg


def test_baseline_is_a_dashed_line_named_in_the_legend():
    svg = _chart(baseline=[100.0, 100.0, 100.0])
    assert svg.count("<polyline") == 2 and "stroke-dasharray" in svg
    assert "today&#x27;s practice (dashed)" in svg or "today's practice (dashed)" in svg


def test_axis_starts_near_the_data_not_at_zero():
    svg = _chart()
    assert ">0<" not in svg
