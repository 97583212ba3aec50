"""Every parameter carries its source (or says it has none) and the base year matches."""

import pytest

from systemmodel.engine.parameters import PARAMETERS
from systemmodel.engine.validation import base_year, early_release_check


@pytest.mark.parametrize("parameter", PARAMETERS, ids=lambda p: p.name)
def test_every_parameter_has_value_range_unit_source_and_note(parameter):
    assert parameter.low <= parameter.value <= parameter.high
    assert parameter.unit and parameter.label and parameter.note
    if parameter.source.found:
        assert parameter.source.title and parameter.source.table and parameter.source.published
        assert parameter.source.url.startswith("https://")
    else:
        # No published figure found: the page and API must say so, never imply a source.
        assert parameter.source.title == "Not found in stored material"
        assert not parameter.source.url


def test_base_year_prison_population_within_three_percent():
    prison = next(c for c in base_year() if c.published.measure == "prison_population")
    assert abs(prison.difference) < 0.03


def test_base_year_remand_and_recall_populations_within_three_percent():
    by_measure = {c.published.measure: c for c in base_year()}
    assert abs(by_measure["remand_population"].difference) < 0.03
    assert abs(by_measure["recall_population"].difference) < 0.03


def test_early_release_from_september_2024_is_reproduced_within_three_percent():
    assert abs(early_release_check().difference) < 0.03
