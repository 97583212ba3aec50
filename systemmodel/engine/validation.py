"""How well the model reproduces published figures: the base year, and the months after.

The model starts from a steady state fitted to mid-2024. It is not fitted to earlier years,
so the comparison with them says honestly how far a constant-flow model is from history.
"""

from dataclasses import dataclass

import numpy as np

from systemmodel.engine import sources as src
from systemmodel.engine.outputs import series
from systemmodel.engine.simulate import run
from systemmodel.engine.sources import Source


@dataclass(frozen=True)
class Published:
    measure: str
    label: str
    when: str
    value: float
    source: Source


BASE_YEAR = (
    Published(
        "prison_population", "People in prison", "30 June 2024", 87_726, src.OMSQ_JAN_MAR_2024
    ),
    Published(
        "remand_population", "People on remand", "30 June 2024", 17_070, src.OMSQ_REMAND_JUNE_2024
    ),
    Published(
        "recall_population",
        "People held on recall",
        "31 December 2024",
        12_920,
        src.BROMLEY_WINTER_2025,
    ),
    Published(
        "receptions",
        "First receptions into prison a month",
        "January to March 2024",
        18_344 / 3,
        src.OMSQ_JAN_MAR_2024,
    ),
    Published(
        "recalls",
        "Licence recalls a month",
        "year to September 2024",
        32_404 / 12,
        src.BROMLEY_WINTER_2025,
    ),
)

HISTORY = (
    Published(
        "prison_population", "People in prison", "30 September 2021", 78_756, src.OMSQ_APR_JUN_2021
    ),
    Published(
        "prison_population", "People in prison", "30 September 2024", 86_966, src.OMSQ_APR_JUN_2024
    ),
    Published(
        "prison_population", "People in prison", "31 December 2024", 85_372, src.OMSQ_JUL_SEP_2024
    ),
)


@dataclass(frozen=True)
class Comparison:
    published: Published
    modelled: float

    @property
    def difference(self) -> float:
        """The modelled figure's difference from the published one, as a share of it."""
        return (self.modelled - self.published.value) / self.published.value

    @property
    def difference_text(self) -> str:
        return f"{self.difference:+.1%}".replace("-", "−")


def base_year() -> list[Comparison]:
    """The model's starting point (every parameter at its default) beside the published
    base-year figures."""
    named = series(run(months=1, draws=1, central=True))
    return [Comparison(item, float(named[item.measure][0, 0])) for item in BASE_YEAR]


def history() -> list[Comparison]:
    """The constant-flow baseline beside the years before and after the base year."""
    named = series(run(months=1, draws=1, central=True))
    baseline = float(named["prison_population"][0, 0])
    return [Comparison(item, baseline) for item in HISTORY]


def early_release_check() -> Comparison:
    """Out of sample: release at 40% from September 2024 (three months after the base year),
    compared with the published population three months later (31 December 2024)."""
    named = series(run({"release_point": 0.4}, months=3, draws=1, central=True))
    return Comparison(HISTORY[2], float(np.asarray(named["prison_population"])[2, 0]))
