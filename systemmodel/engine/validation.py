"""How well the model reproduces published figures: the base year, the years before it and
the months after.

The model starts from a steady state fitted to mid-2024. It is not fitted to earlier years,
so the comparison with them says honestly how far a constant-flow model is from history.
"""

from dataclasses import dataclass

import numpy as np

from systemmodel.engine import sources as src
from systemmodel.engine.outputs import series
from systemmodel.engine.parameters import BY_NAME
from systemmodel.engine.simulate import run
from systemmodel.engine.sources import Source


@dataclass(frozen=True)
class Published:
    measure: str
    label: str
    when: str
    value: float
    source: Source
    tolerance: float = 0.03  # how far the model may be from it, as a share (tested)
    note: str = ""  # why the tolerance is wider than 3%, or how the two figures differ


BANDS = ("under_6m", "6_to_12m", "1_to_4y", "4y_plus")
COURTS = ("magistrates", "crown", "remand")


def _measures(named: dict) -> dict:
    """The named series plus the two comparisons that are not a single series."""
    # The published probation total counts everyone the Probation Service supervises, which
    # includes people serving a prison sentence who will be supervised on release; the model
    # follows only people in the community, so sentenced prisoners stand in for that part.
    extra = {
        "probation_with_prisoners": named["probation_caseload"] + named["sentenced_population"]
    }
    weights = [sum(named[f"{court}_to_{band}"] for court in COURTS) for band in BANDS]
    lengths = [BY_NAME[f"sentence_{band}_months"].value for band in BANDS]
    extra["average_sentence_months"] = sum(
        w * length for w, length in zip(weights, lengths, strict=True)
    ) / sum(weights)
    return {**named, **extra}


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
        "probation_with_prisoners",
        "People supervised by the Probation Service",
        "30 June 2024",
        238_646,
        src.OMSQ_INDETERMINATE_SEP_2024,
        tolerance=0.10,
        note="The published total includes people still in prison whom probation will "
        "supervise on release. The model counts people on community orders, suspended "
        "sentences and licence, plus everyone serving a sentence in prison in place of that "
        "part, which we could not find published on its own.",
    ),
    Published(
        "receptions",
        "First receptions into prison a month",
        "January to March 2024",
        18_344 / 3,
        src.OMSQ_JAN_MAR_2024,
        tolerance=0.15,
        note="Published first receptions include people remanded who are later sentenced; "
        "the model counts each person once, when sentenced.",
    ),
    Published(
        "recalls",
        "Licence recalls a month",
        "year to September 2024",
        32_404 / 12,
        src.BROMLEY_WINTER_2025,
        tolerance=0.15,
        note="Recalls rose fast through 2024; the model holds one rate for the whole year.",
    ),
    Published(
        "average_sentence_months",
        "Average prison sentence (months, fixed-length sentences)",
        "year ending March 2024",
        22.9,
        src.CJS_MARCH_2024,
        tolerance=0.10,
        note="The published average is for indictable offences only; the model's also counts "
        "summary offences, which get shorter sentences, so it should be a little lower.",
    ),
)


@dataclass(frozen=True)
class PastYear:
    """A published prison population before the base year, with the first receptions
    published for the quarter that ends three months before it (the model's intake then)."""

    published: Published
    receptions: float
    receptions_when: str

    @property
    def receptions_share(self) -> float:
        """That year's receptions as a share of the base year's."""
        return self.receptions / BASE_RECEPTIONS


# First receptions in January to March 2024, the quarter that ends three months before the
# base year: what each earlier year's receptions are compared with.
BASE_RECEPTIONS = 18_344

BEFORE = (
    PastYear(
        Published(
            "prison_population",
            "People in prison",
            "30 September 2021",
            78_756,
            src.OMSQ_APR_JUN_2021,
        ),
        15_206,
        "April to June 2021",
    ),
    PastYear(
        Published(
            "prison_population", "People in prison", "30 June 2022", 80_659, src.OMSQ_JAN_MAR_2022
        ),
        15_354,
        "January to March 2022",
    ),
    PastYear(
        Published(
            "prison_population", "People in prison", "30 June 2023", 85_851, src.OMSQ_JAN_MAR_2023
        ),
        17_139,
        "January to March 2023",
    ),
)

AFTER = (
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
    def published_text(self) -> str:
        return _figure(self.published.value)

    @property
    def modelled_text(self) -> str:
        return _figure(self.modelled)

    @property
    def within_tolerance(self) -> bool:
        return abs(self.difference) <= self.published.tolerance

    @property
    def difference_text(self) -> str:
        return f"{self.difference:+.1%}".replace("-", "−")


def _figure(value: float) -> str:
    """People and counts as whole numbers; small figures (months) to one decimal place."""
    return f"{round(value):,}" if abs(value) >= 100 else f"{value:,.1f}"


def base_year() -> list[Comparison]:
    """The model's starting point (every parameter at its default) beside the published
    base-year figures."""
    named = _measures(series(run(months=1, draws=1, central=True)))
    return [Comparison(item, float(named[item.measure][0, 0])) for item in BASE_YEAR]


def baseline_against_published(months: int = 120, draws: int = 1, seed: int = 7) -> dict:
    """Each base-year measure of today's practice run forward, months × draws (central
    values when draws is 1): what the steady-state tests hold to each published figure."""
    named = _measures(series(run(months=months, draws=draws, seed=seed, central=draws == 1)))
    return {item.measure: np.asarray(named[item.measure]) for item in BASE_YEAR}


@dataclass(frozen=True)
class PastComparison:
    """One earlier year two ways: with today's flows held steady, and with that year's
    published intake (first receptions) fed in and given time to settle."""

    past: PastYear
    todays_flows: Comparison
    that_years_intake: Comparison


def _baseline_prison_population() -> float:
    named = series(run(months=1, draws=1, central=True))
    return float(named["prison_population"][0, 0])


def history_before() -> list[PastComparison]:
    """The years before the base year. The model is linear in its intake (every flow is a
    rate times a stock, fed by arrests), so its steady state with a year's receptions is
    today's steady state scaled by that year's receptions over the base year's."""
    baseline = _baseline_prison_population()
    return [
        PastComparison(
            past,
            Comparison(past.published, baseline),
            Comparison(past.published, baseline * past.receptions_share),
        )
        for past in BEFORE
    ]


def history_after() -> list[Comparison]:
    """The constant-flow baseline beside the published figures after the base year."""
    baseline = _baseline_prison_population()
    return [Comparison(item, baseline) for item in AFTER]


def early_release_check() -> Comparison:
    """Out of sample: release at 40% from September 2024 (three months after the base year),
    compared with the published population three months later (31 December 2024)."""
    named = series(run({"release_point": 0.4}, months=3, draws=1, central=True))
    return Comparison(AFTER[1], float(np.asarray(named["prison_population"])[2, 0]))
