"""Every lever moves the outputs in the direction its plain-words assumption says."""

import numpy as np
import pytest

from systemmodel.engine.outputs import series
from systemmodel.engine.simulate import run

AFTER_THREE_YEARS = 35  # index of month 36


def _at_three_years(levers: dict, name: str) -> float:
    return float(
        np.median(series(run(levers, months=36, draws=200, seed=4))[name][AFTER_THREE_YEARS])
    )


@pytest.mark.parametrize(
    ("levers", "name", "direction"),
    [
        ({"short_sentence_presumption": 6}, "prison_population", "down"),
        ({"short_sentence_presumption": 12}, "receptions", "down"),
        ({"diversion": 0.3}, "receptions", "down"),
        ({"diversion": 0.3}, "court_backlog", "down"),
        ({"remand_to_bail": 0.3}, "remand_population", "down"),
        ({"release_point": 0.6}, "prison_population", "up"),
        ({"release_point": 0.4}, "prison_population", "down"),
        ({"recall_share": 0.4}, "recall_population", "down"),
        ({"fixed_term_recall_days": 84}, "recall_population", "up"),
        ({"court_sitting_days": 1.2}, "remand_population", "down"),
        ({"court_sitting_days": 0.9}, "court_backlog", "up"),
    ],
)
def test_lever_moves_output_in_documented_direction(levers, name, direction):
    baseline = _at_three_years({}, name)
    changed = _at_three_years(levers, name)
    assert (changed < baseline) if direction == "down" else (changed > baseline)


def test_a_stronger_presumption_cuts_prison_more():
    six = _at_three_years({"short_sentence_presumption": 6}, "prison_population")
    twelve = _at_three_years({"short_sentence_presumption": 12}, "prison_population")
    assert twelve < six


def test_the_community_share_does_nothing_without_a_presumption():
    assert _at_three_years({"presumption_community_share": 0.2}, "prison_population") == (
        _at_three_years({}, "prison_population")
    )
