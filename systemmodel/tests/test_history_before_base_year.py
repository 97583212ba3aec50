"""The "how this works" page says how well the model reproduces the years before its base
year, with the figures: it brackets each of them between today's flows held steady (too
high) and that year's published receptions given time to settle (too low)."""

import pytest
from django.urls import reverse

from systemmodel.engine.validation import BEFORE, history_before


def test_there_are_at_least_two_published_years_before_the_base_year():
    assert len({past.published.when[-4:] for past in BEFORE}) >= 2
    assert all(past.published.source.found for past in BEFORE)


@pytest.mark.parametrize("row", history_before(), ids=lambda row: row.past.published.when)
def test_each_earlier_year_lies_between_the_two_model_readings(row):
    assert row.that_years_intake.modelled < row.past.published.value < row.todays_flows.modelled


@pytest.mark.django_db
def test_the_page_shows_every_earlier_year_with_both_readings(client):
    page = client.get(reverse("systemmodel:how_it_works")).content.decode()
    section = page[page.index('id="years-before"') : page.index('id="years-after"')]
    for row in history_before():
        assert row.past.published.when in section
        assert f"{row.past.published.value:,.0f}" in section
        assert row.todays_flows.difference_text in section
        assert row.that_years_intake.difference_text in section
