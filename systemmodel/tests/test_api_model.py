"""GET /api/v1/model/parameters and POST /api/v1/model/run."""

import pytest

from systemmodel.engine.levers import LEVERS
from systemmodel.engine.parameters import PARAMETERS

pytestmark = pytest.mark.django_db
RUN = "/api/v1/model/run"


def test_parameters_lists_every_parameter_with_source_and_every_lever(client):
    answer = client.get("/api/v1/model/parameters").json()
    assert len(answer["parameters"]) == len(PARAMETERS)
    first = answer["parameters"][0]
    assert {"name", "value", "range", "unit", "source", "note"} <= first.keys()
    for parameter in answer["parameters"]:
        assert parameter["source"] is None or parameter["source"]["link"].startswith("https://")
        assert parameter["note"]
    names = {lever["name"] for lever in answer["levers"]}
    assert names == {lever.name for lever in LEVERS}
    assert {"short_sentence_presumption", "release_point"} <= names
    assert all({"label", "min", "max", "default"} <= lever.keys() for lever in answer["levers"])


def test_run_answers_percentile_series_for_every_stock_flow_and_total(client):
    body = {"levers": {"diversion": 0.2}, "months": 24, "draws": 100, "seed": 7}
    answer = client.post(RUN, body, content_type="application/json").json()
    assert answer["months"] == list(range(1, 25))
    for name in (
        "prison_population",
        "remand_population",
        "probation_caseload",
        "receptions",
        "proven_reoffences",
        "cost",
        "licence_long",
        "rearrests",
    ):
        band = answer["series"][name]
        assert len(band["median"]) == 24
        assert all(
            low <= mid <= high
            for low, mid, high in zip(band["p5"], band["median"], band["p95"], strict=True)
        )


def test_same_seed_same_answer(client):
    body = {"levers": {"release_point": 0.4}, "months": 12, "draws": 50, "seed": 11}
    first = client.post(RUN, body, content_type="application/json").json()
    second = client.post(RUN, body, content_type="application/json").json()
    assert first == second


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"levers": {"sentencing_vibes": 1}}, "levers", "no lever called"),
        ({"levers": {"release_point": 0.9}}, "levers", "between 0.33 and 0.67"),
        ({"levers": {"short_sentence_presumption": 3}}, "levers", "one of 0, 6, 12"),
        ({"months": 5000}, "months", "between 1 and 240"),
        ({"draws": 100_000}, "draws", "between 1 and 2000"),
        ({"draws": 0}, "draws", "between 1 and 2000"),
    ],
)
def test_bad_input_gets_422_with_a_clear_message(client, body, field, words):
    response = client.post(RUN, body, content_type="application/json")
    assert response.status_code == 422
    assert any(words in message for message in response.json()["errors"][field])


def test_a_lever_that_is_not_a_number_gets_422(client):
    response = client.post(RUN, {"levers": {"diversion": "lots"}}, content_type="application/json")
    assert response.status_code == 422


def test_runs_are_rate_limited(client, monkeypatch):
    from systemmodel import api

    monkeypatch.setattr(api, "RUN_LIMIT", 3)
    body = {"months": 1, "draws": 1}
    for _ in range(api.RUN_LIMIT):
        assert client.post(RUN, body, content_type="application/json").status_code == 200
    assert client.post(RUN, body, content_type="application/json").status_code == 429
