"""The probation caseload: community orders + suspended sentence orders + licence and
post-sentence supervision, on the page and in the API, moved by the levers as documented."""

import numpy as np
import pytest
from django.urls import reverse

from systemmodel.engine.outputs import HEADLINE_BY_NAME, series
from systemmodel.engine.simulate import run

AFTER_THREE_YEARS = 35
PARTS = ("community_orders", "suspended_sentences", "licence_short", "licence_long")


def _caseload(levers: dict) -> float:
    named = series(run(levers, months=36, draws=200, seed=4))
    return float(np.median(named["probation_caseload"][AFTER_THREE_YEARS]))


def test_the_caseload_is_the_sum_of_its_parts_every_month_and_draw():
    named = series(run({"diversion": 0.2}, months=24, draws=50, seed=3))
    parts = sum(named[name] for name in PARTS)
    np.testing.assert_allclose(named["probation_caseload"], parts)


@pytest.mark.parametrize(
    ("levers", "direction", "why"),
    [
        ({"diversion": 0.3}, "down", "fewer cases reach court, so fewer orders and licences"),
        ({"release_point": 0.4}, "up", "earlier release means longer on licence"),
        ({"release_point": 0.6}, "down", "later release means shorter licences"),
        ({"recall_share": 0.4}, "up", "fewer recalls keep more people on licence"),
        (
            {"short_sentence_presumption": 12, "presumption_community_share": 0.9},
            "up",
            "most would-be short sentences become community orders",
        ),
    ],
)
def test_levers_move_the_caseload_in_the_documented_direction(levers, direction, why):
    baseline, changed = _caseload({}), _caseload(levers)
    assert (changed < baseline) if direction == "down" else (changed > baseline), why


def test_more_community_orders_under_a_presumption_mean_a_larger_caseload():
    fewer = _caseload({"short_sentence_presumption": 12, "presumption_community_share": 0.3})
    more = _caseload({"short_sentence_presumption": 12, "presumption_community_share": 0.9})
    assert more > fewer


def test_the_page_shows_the_caseload_and_what_it_counts(client):
    page = client.get(reverse("systemmodel:scenario_page")).content.decode()
    assert 'id="result-probation_caseload"' in page
    assert HEADLINE_BY_NAME["probation_caseload"].counts in page.replace("&#x27;", "'")


def test_the_api_answers_the_caseload_and_diversion_lowers_it(client):
    def run_api(levers):
        response = client.post(
            "/api/v1/model/run",
            {"levers": levers, "months": 36, "draws": 100, "seed": 7},
            content_type="application/json",
            secure=True,
        )
        assert response.status_code == 200, response.content
        return response.json()["series"]["probation_caseload"]["median"][AFTER_THREE_YEARS]

    assert run_api({"diversion": 0.3}) < run_api({})
