"""The same model as `simulate.run`, written as plain Python loops over draws, months and
flows: no array arithmetic. It exists to measure what vectorising over draws buys (the
benchmark prints the ratio) and to check the fast version against (a test compares them)."""

import numpy as np

from systemmodel.engine.levers import DEFAULTS
from systemmodel.engine.rates import rates
from systemmodel.engine.simulate import draw_parameters, steady_state
from systemmodel.engine.structure import FLOWS, STOCK_INDEX, STOCK_NAMES

_MOVES = [
    (STOCK_INDEX[source] if source else None, STOCK_INDEX[target] if target else None)
    for _name, source, target in FLOWS
]


def run_plain(levers: dict | None = None, *, months: int = 120, draws: int = 1000, seed=None):
    """prison population at the end of each month, months × draws, as nested lists."""
    levers = {**DEFAULTS, **(levers or {})}
    p = draw_parameters(draws, seed)
    start, first_time = steady_state(p, DEFAULTS)
    flow_rates = rates(p, levers).T.tolist()  # draws × flows, plain floats
    starts, first_times = start.T.tolist(), first_time.tolist()
    prison = [STOCK_INDEX[name] for name in STOCK_NAMES if _in_prison(name)]
    results = [[0.0] * draws for _month in range(months)]
    for draw in range(draws):
        stocks = list(starts[draw])
        draw_rates = flow_rates[draw]
        for month in range(months):
            change = [0.0] * len(stocks)
            for index, (source, target) in enumerate(_MOVES):
                moved = first_times[draw] if source is None else draw_rates[index] * stocks[source]
                if source is not None:
                    change[source] -= moved
                if target is not None:
                    change[target] += moved
            for index in range(len(stocks)):
                stocks[index] += change[index]
            results[month][draw] = sum(stocks[index] for index in prison)
    return results


def _in_prison(name: str) -> bool:
    return name == "remand" or name.startswith(("prison_", "recalled_"))


def as_array(results) -> np.ndarray:
    return np.array(results)
