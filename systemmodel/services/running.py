"""Running the model for a page or the API: validated levers in, summarised series out.

Runs are deterministic given (parameter set, levers, months, draws, seed), so summaries are
kept twice: the last few in this process's memory, and in the shared cache so that every
server process (and the next deploy with the same parameters) reuses them. The baseline's
draws are kept in memory per parameter-set version: every scenario is differenced from it,
and today's practice is never run twice.
"""

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from django.core.cache import cache

from systemmodel.engine import levers as lever_table
from systemmodel.engine.outputs import HEADLINES, headline_series, series, summarise_many
from systemmodel.engine.parameters import PARAMETERS
from systemmodel.engine.simulate import run

HEADLINE_NAMES = tuple(headline.name for headline in HEADLINES)

# The pages' fan charts: 500 draws with a fixed seed give the same rounded figures as 1,000
# (tests/test_page_draws.py) at half the cost of a fresh run. The API defaults to 1,000.
PAGE_DRAWS = 500
API_DRAWS = 1000
CACHE_SECONDS = 7 * 24 * 60 * 60


def _parameter_version() -> str:
    """Changes whenever a parameter's value or range does: cached runs then stop matching."""
    text = repr([(p.name, p.value, p.low, p.high) for p in PARAMETERS])
    return hashlib.sha256(text.encode()).hexdigest()[:12]


PARAMETER_VERSION = _parameter_version()
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
    key = tuple(sorted(chosen.items()))
    if every_series:  # the API's full answer: large, and asked for rarely; memory only
        return _cached(key, months, draws, seed, every_series)
    shared_key = f"systemmodel:run:{PARAMETER_VERSION}:{hash_of(key, months, draws, seed)}"
    found = cache.get(shared_key)
    if found is None:
        found = _cached(key, months, draws, seed, every_series)
        cache.set(shared_key, found, CACHE_SECONDS)
    return found


def hash_of(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


@lru_cache(maxsize=32)
def _cached(key: tuple, months: int, draws: int, seed: int, every_series: bool) -> RunSummary:
    levers = dict(key)
    baseline = _baseline_headlines(PARAMETER_VERSION, months, draws, seed)
    if levers == lever_table.DEFAULTS and not every_series:
        scenario = baseline  # today's practice is the baseline: no second run
    else:
        outcome = run(levers, months=months, draws=draws, seed=seed)
        scenario = series(outcome) if every_series else headline_series(outcome)
    # The same seed draws the same parameters, so the baseline is paired draw by draw and
    # the difference carries only the uncertainty about the change itself.
    return RunSummary(
        levers=levers,
        months=months,
        draws=draws,
        seed=seed,
        summaries=summarise_many(scenario),
        effects=summarise_many({h: scenario[h] - baseline[h] for h in HEADLINE_NAMES}),
    )


@lru_cache(maxsize=4)
def _baseline_headlines(version: str, months: int, draws: int, seed: int) -> dict:
    """Today's practice, headline series by draw, for one parameter-set version."""
    named = headline_series(run({}, months=months, draws=draws, seed=seed))
    for values in named.values():
        values.flags.writeable = False  # shared by every scenario: never changed in place
    return named


def baseline_summary(months=PAGE_MONTHS, draws=None, seed=DEFAULT_SEED) -> RunSummary:
    return run_summary({}, months=months, draws=draws, seed=seed)
