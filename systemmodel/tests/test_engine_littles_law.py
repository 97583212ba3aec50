"""At a steady state with constant inputs, each stock = its inflow × its mean length of stay."""

import numpy as np

from systemmodel.engine.simulate import run
from systemmodel.engine.structure import FLOWS, STOCK_NAMES


def _inflows(result, month):
    return np.array(
        [
            sum(result.flows[month, f] for f, (_n, _s, t) in enumerate(FLOWS) if t == stock)
            for stock in STOCK_NAMES
        ]
    )


def _check_littles_law(result, rtol):
    month = result.flows.shape[0] - 1
    mean_stay = 1.0 / result.exit_rates  # months: the share leaving a month, inverted
    expected = _inflows(result, month) * mean_stay
    for index, stock in enumerate(STOCK_NAMES):
        np.testing.assert_allclose(
            result.stocks[month, index], expected[index], rtol=rtol, err_msg=stock
        )


def test_todays_practice_is_a_steady_state_that_obeys_littles_law_for_every_stock():
    result = run(months=24, draws=100, seed=3)
    np.testing.assert_allclose(result.stocks[-1], result.stocks[0], rtol=1e-9)
    _check_littles_law(result, rtol=1e-9)


def test_a_changed_system_settles_to_a_new_steady_state_that_obeys_littles_law():
    levers = {"release_point": 0.4, "diversion": 0.2, "remand_to_bail": 0.3, "recall_share": 0.5}
    # Long enough for the slowest stock to settle: indeterminate sentences stay up to 410
    # months (34 years), and e^(-8000/410) is below 1e-8.
    result = run(levers, months=8000, draws=10, seed=8)
    _check_littles_law(result, rtol=1e-6)
