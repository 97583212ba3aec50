"""Named series from a run: every stock and flow, plus the totals a policy officer reads.

Month m (1 to months) means: stocks at the end of month m, flows during month m. Each series
is a months × draws array; `summarise` turns it into percentiles across draws.
"""

from dataclasses import dataclass

import numpy as np

from systemmodel.engine.simulate import Run
from systemmodel.engine.structure import BANDS, FLOW_INDEX, FLOW_NAMES, STOCK_INDEX, STOCK_NAMES

PERCENTILES = (5, 25, 50, 75, 95)


@dataclass(frozen=True)
class Headline:
    name: str
    label: str
    unit: str
    less_is_better: bool = True
    counts: str = ""  # what the figure is made of, in plain words, when the label is not enough


# The results the scenario page charts, in order.
HEADLINES = (
    Headline("prison_population", "People in prison", "people"),
    Headline("remand_population", "People remanded in prison", "people"),
    Headline(
        "probation_caseload",
        "Probation caseload",
        "people",
        less_is_better=False,
        counts="People on community orders, on suspended sentence orders, and on licence or "
        "post-sentence supervision after prison. People in prison before release are not "
        "counted.",
    ),
    Headline("receptions", "Receptions into prison", "people a month"),
    Headline("proven_reoffences", "Proven reoffences", "reoffences a month"),
    Headline("victims", "Victims of proven reoffences", "victims a month"),
    Headline("cost", "Cost of prison and probation", "£ million a month"),
)
HEADLINE_BY_NAME = {headline.name: headline for headline in HEADLINES}

PRISON_STOCKS = ("remand", *(f"prison_{band}" for band in BANDS), "recalled_short", "recalled_long")
SUPERVISED_STOCKS = ("community_orders", "suspended_sentences", "licence_short", "licence_long")
# First receptions: into prison from court or on breach; recalls are counted apart.
RECEPTION_FLOWS = (
    "remanded",
    *(f"{court}_to_{band}" for court in ("magistrates", "crown") for band in BANDS),
    "community_breach_custody",
    "suspended_activated",
)


def _stock(run: Run, names) -> np.ndarray:
    return run.stocks[1:, [STOCK_INDEX[name] for name in names]].sum(axis=1)


def _flow(run: Run, names) -> np.ndarray:
    return run.flows[:, [FLOW_INDEX[name] for name in names]].sum(axis=1)


def headline_series(run: Run) -> dict[str, np.ndarray]:
    """Only what the scenario page charts, as months × draws: cheaper than `series`."""
    p = run.parameters
    prison = _stock(run, PRISON_STOCKS)
    supervised_orders = _stock(run, ("community_orders", "suspended_sentences"))
    licences = _stock(run, ("licence_short", "licence_long"))
    reoffences = _flow(run, ("rearrests",)) * p["reoffences_per_reoffender"]
    return {
        "prison_population": prison,
        "remand_population": _stock(run, ("remand",)),
        # Community orders + suspended sentence orders + licence and post-sentence supervision.
        "probation_caseload": supervised_orders + licences,
        "receptions": _flow(run, RECEPTION_FLOWS),
        "proven_reoffences": reoffences,
        "victims": reoffences * p["victims_per_reoffence"],
        "cost": (
            prison * p["cost_per_prisoner_year"]
            + supervised_orders * p["cost_per_community_order_year"]
            + licences * p["cost_per_licence_year"]
        )
        / 12
        / 1e6,
    }


def series(run: Run) -> dict[str, np.ndarray]:
    """Every named series as months × draws: the headlines, other totals, each stock and flow."""
    named = headline_series(run)
    remand = named["remand_population"]
    named.update(
        {
            "sentenced_population": named["prison_population"] - remand,
            "recall_population": _stock(run, ("recalled_short", "recalled_long")),
            "court_backlog": _stock(run, ("magistrates_backlog", "crown_backlog", "remand")),
            "recalls": _flow(run, ("short_recalled", "long_recalled")),
            "arrests": _flow(run, ("external_arrests", "rearrests")),
        }
    )
    for index, name in enumerate(STOCK_NAMES):
        named[name] = run.stocks[1:, index]
    for index, name in enumerate(FLOW_NAMES):
        named[name] = run.flows[:, index]
    return named


def percentiles(values: np.ndarray) -> np.ndarray:
    """PERCENTILES × (the leading axes of `values`), across its last axis (draws).

    The same numbers as np.percentile's default (linear) method, from one partial sort
    around the ten order statistics needed: several times faster for many short rows."""
    last = values.shape[-1] - 1
    positions = [q / 100 * last for q in PERCENTILES]
    below = [int(np.floor(position)) for position in positions]
    above = [min(index + 1, last) for index in below]
    ordered = np.partition(values, sorted(set(below + above)), axis=-1)
    rows = [
        ordered[..., low] * (1 - (position - low)) + ordered[..., high] * (position - low)
        for position, low, high in zip(positions, below, above, strict=True)
    ]
    return np.stack(rows)


def as_bands(table: np.ndarray) -> dict[str, list[float]]:
    low, lower, median, upper, high = table
    return {
        "median": median.tolist(),
        "p5": low.tolist(),
        "p25": lower.tolist(),
        "p75": upper.tolist(),
        "p95": high.tolist(),
    }


def summarise(values: np.ndarray) -> dict[str, list[float]]:
    """p5, p25, median, p75, p95 across draws for each month (values: months × draws)."""
    return as_bands(percentiles(values))


def summarise_many(named: dict[str, np.ndarray]) -> dict[str, dict[str, list[float]]]:
    return {name: summarise(values) for name, values in named.items()}
