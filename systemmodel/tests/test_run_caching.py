"""Runs are cached: today's practice is run once, and a scenario's summary is shared
between server processes through the cache, keyed by the parameter-set version."""

from django.core.cache import cache

from systemmodel.services import running


def _count_runs(monkeypatch) -> list:
    calls = []
    real = running.run

    def counting(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(running, "run", counting)
    running._cached.cache_clear()
    running._baseline_headlines.cache_clear()
    cache.clear()
    return calls


def test_todays_practice_runs_the_model_once(monkeypatch):
    calls = _count_runs(monkeypatch)
    running.baseline_summary(draws=50)
    assert len(calls) == 1


def test_a_scenario_reuses_the_baseline_run(monkeypatch):
    calls = _count_runs(monkeypatch)
    running.baseline_summary(draws=50)
    running.run_summary({"diversion": 0.3}, draws=50)
    running.run_summary({"diversion": 0.4}, draws=50)
    assert len(calls) == 3  # the baseline once, then one run per scenario


def test_another_process_finds_the_summary_in_the_shared_cache(monkeypatch):
    calls = _count_runs(monkeypatch)
    first = running.run_summary({"diversion": 0.3}, draws=50)
    running._cached.cache_clear()  # as if another server process answered
    running._baseline_headlines.cache_clear()
    again = running.run_summary({"diversion": 0.3}, draws=50)
    assert again == first
    assert len(calls) == 2  # baseline and scenario, once


def test_the_cache_key_changes_with_the_parameters(monkeypatch):
    _count_runs(monkeypatch)
    running.run_summary({"diversion": 0.3}, draws=50)
    monkeypatch.setattr(running, "PARAMETER_VERSION", "changed")
    running._cached.cache_clear()
    calls = _count_runs(monkeypatch)
    running.run_summary({"diversion": 0.3}, draws=50)
    assert calls  # not served from the old parameters' cache
