"""Running the model for a page or the API: validated levers in, summarised series out.

Runs are deterministic given (levers, months, draws, seed), so the last few are kept in
memory: the scenario page, its CSVs and a compare page asking for the same run reuse it.
"""

from dataclasses import dataclass
from functools import lru_cache

from systemmodel.engine import levers as lever_table
from systemmodel.engine.outputs import HEADLINES, series, summarise_many
from systemmodel.engine.simulate import run

HEADLINE_NAMES = tuple(headline.name for headline in HEADLINES)

PAGE_DRAWS = 1000
PAGE_MONTHS = 120
DEFAULT_SEED = 7
MAX_DRAWS = 2000  # with MAX_MONTHS, one API call stays under a second on one busy core
MAX_MONTHS = 240


class InvalidRun(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(" ".join(m for messages in errors.values() for m in messages))
        self.errors = errors


@dataclass(frozen=True)
class RunSummary:
    levers: dict[str, float]
    months: int
    draws: int
    seed: int
    summaries: dict[str, dict[str, list[float]]]  # name -> median/p5/p25/p75/p95 by month
    effects: dict[str, dict[str, list[float]]]  # headline -> the same, for scenario − baseline


def check(levers: dict, months: int, draws: int) -> dict[str, float]:
    """Levers with defaults filled in; raises InvalidRun saying everything that is wrong."""
    chosen, messages = lever_table.validate(levers)
    errors = {"levers": messages} if messages else {}
    if not 1 <= months <= MAX_MONTHS:
        errors["months"] = [f"months must be between 1 and {MAX_MONTHS}."]
    if not 1 <= draws <= MAX_DRAWS:
        errors["draws"] = [f"draws must be between 1 and {MAX_DRAWS}."]
    if errors:
        raise InvalidRun(errors)
    return chosen


def run_summary(
    levers: dict, *, months=PAGE_MONTHS, draws=None, seed=DEFAULT_SEED, every_series=False
) -> RunSummary:
    """Percentiles of the headline series (or, with every_series, of every stock and flow
    too: what the API answers) and of each headline's difference from the baseline."""
    draws = PAGE_DRAWS if draws is None else draws
    chosen = check(levers, months, draws)
    return _cached(tuple(sorted(chosen.items())), months, draws, seed, every_series)


@lru_cache(maxsize=32)
def _cached(key: tuple, months: int, draws: int, seed: int, every_series: bool) -> RunSummary:
    levers = dict(key)
    scenario = series(run(levers, months=months, draws=draws, seed=seed))
    if not every_series:
        scenario = {name: scenario[name] for name in HEADLINE_NAMES}
    # The same seed draws the same parameters, so the baseline is paired draw by draw and
    # the difference carries only the uncertainty about the change itself.
    baseline = _baseline_headlines(months, draws, seed)
    return RunSummary(
        levers=levers,
        months=months,
        draws=draws,
        seed=seed,
        summaries=summarise_many(scenario),
        effects=summarise_many({h: scenario[h] - baseline[h] for h in HEADLINE_NAMES}),
    )


@lru_cache(maxsize=4)
def _baseline_headlines(months: int, draws: int, seed: int) -> dict:
    """Today's practice, headline series by draw: every scenario is differenced from it."""
    named = series(run({}, months=months, draws=draws, seed=seed))
    return {name: named[name] for name in HEADLINE_NAMES}


def baseline_summary(months=PAGE_MONTHS, draws=None, seed=DEFAULT_SEED) -> RunSummary:
    return run_summary({}, months=months, draws=draws, seed=seed)
