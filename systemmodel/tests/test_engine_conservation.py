"""Every person is accounted for: each stock changes by exactly its inflows minus outflows."""

import numpy as np
import pytest

from systemmodel.engine.levers import LEVERS
from systemmodel.engine.simulate import run
from systemmodel.engine.structure import FLOWS, STOCK_NAMES


def _random_levers(generator) -> dict:
    chosen = {}
    for lever in LEVERS:
        if lever.choices:
            chosen[lever.name] = float(generator.choice(lever.choices))
        else:
            chosen[lever.name] = float(generator.uniform(lever.minimum, lever.maximum))
    return chosen


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_each_stock_changes_by_its_inflows_minus_its_outflows_every_month(seed):
    levers = _random_levers(np.random.default_rng(seed))
    result = run(levers, months=60, draws=50, seed=seed)
    for index, stock in enumerate(STOCK_NAMES):
        inflow = sum(result.flows[:, f] for f, (_n, _s, t) in enumerate(FLOWS) if t == stock)
        outflow = sum(result.flows[:, f] for f, (_n, s, _t) in enumerate(FLOWS) if s == stock)
        change = result.stocks[1:, index] - result.stocks[:-1, index]
        np.testing.assert_allclose(change, inflow - outflow, rtol=1e-9, atol=1e-6, err_msg=stock)


def test_people_enter_only_by_first_arrest_and_leave_only_by_exits():
    result = run({"diversion": 0.3, "short_sentence_presumption": 12}, months=48, draws=20, seed=5)
    entering = sum(result.flows[:, f] for f, (_n, s, _t) in enumerate(FLOWS) if s is None)
    leaving = sum(result.flows[:, f] for f, (_n, _s, t) in enumerate(FLOWS) if t is None)
    total_change = result.stocks[1:].sum(axis=1) - result.stocks[:-1].sum(axis=1)
    np.testing.assert_allclose(total_change, entering - leaving, rtol=1e-9, atol=1e-6)


def test_no_stock_ever_goes_negative():
    generator = np.random.default_rng(11)
    for _attempt in range(5):
        result = run(
            _random_levers(generator), months=120, draws=100, seed=int(generator.integers(1e6))
        )
        assert (result.stocks >= 0).all()
        assert (result.flows >= 0).all()
