"""The same seed gives the same answer; the plain-loop version agrees with the fast one."""

import numpy as np

from systemmodel.engine.outputs import series
from systemmodel.engine.plain_loop import run_plain
from systemmodel.engine.simulate import run


def test_same_seed_same_answer():
    first = run({"diversion": 0.1}, months=24, draws=100, seed=7)
    second = run({"diversion": 0.1}, months=24, draws=100, seed=7)
    np.testing.assert_array_equal(first.stocks, second.stocks)


def test_another_seed_another_answer():
    first = run(months=12, draws=100, seed=7)
    second = run(months=12, draws=100, seed=8)
    assert not np.array_equal(first.stocks, second.stocks)


def test_the_plain_python_loop_computes_the_same_model():
    levers = {"short_sentence_presumption": 6, "release_point": 0.4, "recall_share": 0.5}
    plain = np.array(run_plain(levers, months=24, draws=5, seed=3))
    fast = series(run(levers, months=24, draws=5, seed=3))["prison_population"]
    np.testing.assert_allclose(plain, fast, rtol=1e-9)


def test_fast_percentiles_equal_numpys():
    from systemmodel.engine.outputs import PERCENTILES, percentiles

    values = np.random.default_rng(1).normal(size=(3, 7, 101))
    np.testing.assert_allclose(percentiles(values), np.percentile(values, PERCENTILES, axis=-1))
