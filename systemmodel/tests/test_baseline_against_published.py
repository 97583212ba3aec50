"""Today's practice, run for ten years, stays within each stated tolerance of the published
base-year figures (prison 87,726, remand 17,070, recall 12,920 within 3%; the probation
total 238,646 within 10%; see engine/validation.py for why some tolerances are wider)."""

import numpy as np
import pytest

from systemmodel.engine.validation import BASE_YEAR, base_year, baseline_against_published

BY_MEASURE = {item.measure: item for item in BASE_YEAR}


@pytest.mark.parametrize("item", BASE_YEAR, ids=lambda item: item.measure)
def test_the_starting_point_is_within_the_stated_tolerance(item):
    comparison = next(c for c in base_year() if c.published.measure == item.measure)
    assert comparison.within_tolerance, (item.label, comparison.difference_text)


def test_the_central_baseline_stays_within_tolerance_every_month_for_ten_years():
    for measure, values in baseline_against_published(months=120).items():
        item = BY_MEASURE[measure]
        worst = np.max(np.abs(values - item.value)) / item.value
        assert worst <= item.tolerance, (item.label, f"{worst:.1%}")


def test_the_median_of_uncertain_runs_stays_within_tolerance_of_the_stocks():
    """With every parameter drawn from its range, the middle run still sits near the
    published stocks after ten years (the flows are noisier and are not held to this)."""
    runs = baseline_against_published(months=120, draws=300, seed=11)
    for measure in ("prison_population", "remand_population", "probation_with_prisoners"):
        item = BY_MEASURE[measure]
        median = np.median(runs[measure], axis=1)
        worst = np.max(np.abs(median - item.value)) / item.value
        assert worst <= max(item.tolerance, 0.05), (item.label, f"{worst:.1%}")


def test_the_stated_tolerances_are_three_percent_for_the_prison_stocks():
    for measure in ("prison_population", "remand_population", "recall_population"):
        assert BY_MEASURE[measure].tolerance == 0.03


def test_the_middle_of_the_uncertain_runs_starts_within_three_percent_of_the_prison_stock():
    """A lopsided range moves the median away from the published figure even when the
    central values match it (it did once, by 3%, when a re-tuned value kept its old range)."""
    runs = baseline_against_published(months=1, draws=1000, seed=7)
    item = BY_MEASURE["prison_population"]
    median = float(np.median(runs["prison_population"][0]))
    assert abs(median - item.value) / item.value <= 0.03, f"{median:,.0f}"
