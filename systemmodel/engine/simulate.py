"""One run of the model: sample parameters, start from today's steady state, step monthly.

Vectorised over draws: a month is three array operations on (flows × draws), whatever the
number of draws. The run starts (month 0) at the steady state of today's practice — each
stock equal to its inflow times its average stay — and the scenario's levers act from month 1.
"""

from dataclasses import dataclass

import numpy as np
from threadpoolctl import ThreadpoolController

from systemmodel.engine.levers import DEFAULTS
from systemmodel.engine.parameters import PARAMETERS
from systemmodel.engine.rates import rates
from systemmodel.engine.structure import FLOW_INDEX, FLOWS, INCIDENCE, STOCK_INDEX

# Made once: asking the controller for limits is then cheap.
THREADS = ThreadpoolController()
SOURCE_OF_FLOW = np.array([STOCK_INDEX[source] if source else 0 for _n, source, _t in FLOWS])
FROM_OUTSIDE = FLOW_INDEX["external_arrests"]
# flows × stocks: 1 where a flow draws on a stock (first-time arrests draw on none).
SELECTION = np.zeros((len(FLOWS), INCIDENCE.shape[0]))
SELECTION[
    np.arange(len(FLOWS)) != FROM_OUTSIDE, SOURCE_OF_FLOW[np.arange(len(FLOWS)) != FROM_OUTSIDE]
] = 1.0


@dataclass
class Run:
    parameters: dict[str, np.ndarray]  # name -> draws
    stocks: np.ndarray  # (months + 1) × stocks × draws; index 0 is the starting point
    flows: np.ndarray  # months × flows × draws; flows[t] moves stocks[t] to stocks[t + 1]
    exit_rates: np.ndarray  # stocks × draws: the share of each stock leaving a month

    @property
    def draws(self) -> int:
        return self.stocks.shape[2]


def draw_parameters(draws: int, seed: int | None) -> dict[str, np.ndarray]:
    """Each parameter drawn from a triangular distribution over its (low, value, high).
    The same seed always gives the same draws."""
    generator = np.random.default_rng(seed)
    return {
        parameter.name: generator.triangular(
            parameter.low, parameter.value, parameter.high, size=draws
        )
        if parameter.high > parameter.low
        else np.full(draws, parameter.value)
        for parameter in PARAMETERS
    }


def central_parameters(draws: int = 1) -> dict[str, np.ndarray]:
    """Every parameter at its published (or assumed) value: no uncertainty."""
    return {parameter.name: np.full(draws, float(parameter.value)) for parameter in PARAMETERS}


def _system_matrix(flow_rates: np.ndarray) -> np.ndarray:
    """draws × stocks × stocks: d(stock)/month = matrix @ stocks (+ first-time arrests)."""
    return (INCIDENCE[None, :, :] * flow_rates.T[:, None, :]) @ SELECTION


def steady_state(p: dict[str, np.ndarray], levers: dict) -> tuple[np.ndarray, np.ndarray]:
    """(stocks × draws at steady state, first-time arrests a month per draw).

    First-time arrests are set so that all arrests — first-time plus re-arrests after
    reoffending — equal the published arrests a month. The model is linear, so solve once
    with one first-time arrest a month and scale."""
    flow_rates = rates(p, levers)
    matrix = _system_matrix(flow_rates)
    entry = INCIDENCE[:, FROM_OUTSIDE]
    draws = flow_rates.shape[1]
    right = -np.broadcast_to(entry, (draws, entry.size))[..., None]
    per_arrest = np.linalg.solve(matrix, right)[..., 0].T  # stocks × draws
    rearrests = (
        flow_rates[FLOW_INDEX["rearrests"]] * per_arrest[STOCK_INDEX["reoffending_pipeline"]]
    )
    first_time = p["arrests_per_month"] / (1.0 + rearrests)
    return per_arrest * first_time, first_time


def exit_rates(flow_rates: np.ndarray) -> np.ndarray:
    """stocks × draws: the total monthly rate at which each stock empties."""
    leaving = np.clip(-INCIDENCE, 0, None)
    leaving[:, FROM_OUTSIDE] = 0
    return leaving @ flow_rates


def run(
    levers: dict | None = None,
    *,
    months: int = 120,
    draws: int = 1000,
    seed=None,
    central: bool = False,
) -> Run:
    levers = {**DEFAULTS, **(levers or {})}
    p = central_parameters(draws) if central else draw_parameters(draws, seed)
    # One core: these matrices are small, and BLAS threads only add waiting on a busy server.
    with THREADS.limit(limits=1):
        start, first_time = steady_state(p, DEFAULTS)
        flow_rates = rates(p, levers)
        stocks = np.empty((months + 1, *start.shape))
        flows = np.empty((months, len(FLOWS), draws))
        stocks[0] = start
        for month in range(months):
            moved = flows[month]
            np.multiply(flow_rates, stocks[month][SOURCE_OF_FLOW], out=moved)
            moved[FROM_OUTSIDE] = first_time
            np.add(stocks[month], INCIDENCE @ moved, out=stocks[month + 1])
    return Run(parameters=p, stocks=stocks, flows=flows, exit_rates=exit_rates(flow_rates))
