"""The pages use fewer draws than the API: the figures a page shows must not change."""

import numpy as np
import pytest

from systemmodel.engine.outputs import headline_series, percentiles
from systemmodel.engine.simulate import run
from systemmodel.services.running import API_DRAWS, DEFAULT_SEED

PAGE_DRAWS_CHOSEN = 500  # running.PAGE_DRAWS (tests patch it lower)


@pytest.mark.parametrize("levers", [{}, {"short_sentence_presumption": 6}, {"diversion": 0.3}])
def test_page_draws_give_the_api_figures_to_within_a_few_percent(levers):
    def bands(draws):
        named = headline_series(run(levers, months=36, draws=draws, seed=DEFAULT_SEED))
        return percentiles(named["prison_population"])[:, -1]  # p5..p95 after 3 years

    fewer, more = bands(PAGE_DRAWS_CHOSEN), bands(API_DRAWS)
    np.testing.assert_allclose(fewer, more, rtol=0.03)


def test_the_page_constant_is_the_one_checked(monkeypatch):
    import importlib

    from systemmodel.services import running

    monkeypatch.undo()  # the conftest's lower figure for fast page tests
    assert importlib.reload(running).PAGE_DRAWS == PAGE_DRAWS_CHOSEN
