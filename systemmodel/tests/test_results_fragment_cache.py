"""The scenario page's results block is rendered once per levers and address, then served
from the cache; an address with anything but levers in it is rendered afresh."""

import pytest
from django.core.cache import cache

from systemmodel.services import presenting


@pytest.fixture
def renders(monkeypatch):
    cache.clear()
    calls = []
    real = presenting.headline_results

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(presenting, "headline_results", counting)
    return calls


@pytest.mark.django_db
def test_the_same_levers_render_the_results_once(client, renders):
    first = client.get("/model/?diversion=0.3")
    second = client.get("/model/?diversion=0.3")
    assert first.status_code == second.status_code == 200
    assert len(renders) == 1
    assert first.content == second.content
    assert b"diversion=0.3" in second.content  # the CSV links keep the address


@pytest.mark.django_db
def test_htmx_gets_the_cached_block_alone(client, renders):
    page = client.get("/model/?diversion=0.3").content.decode()
    block = client.get("/model/?diversion=0.3", HTTP_HX_REQUEST="true").content.decode()
    assert block.strip().startswith('<div id="model-results"')
    assert block.strip() in page
    assert len(renders) == 1


@pytest.mark.django_db
def test_an_invalid_lever_is_not_cached_and_says_so(client, renders):
    for _ in range(2):
        response = client.get("/model/?diversion=7")
        assert b"these results show today" in response.content
    assert len(renders) == 2


def test_table_figures_are_whole_numbers_with_commas_and_never_minus_zero():
    assert presenting.whole(12345.6) == "12,346"
    assert presenting.whole(-0.4) == "0"
    assert presenting.whole(-2100.2) == "-2,100"
